"""The item card: where the item sits in the rubric, its statement and its reflective prompt."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import ProgressBar, Static

from selfcheck.formats.rubric import Item, Value


class ItemHeader(Horizontal):
    """The value's name, "item N of M", and a progress bar of items answered."""

    def compose(self) -> ComposeResult:
        yield Static(id="value-name")
        yield Static(id="position")
        yield ProgressBar(show_eta=False, show_percentage=False, id="progress")

    def show(self, value: Value, number: int, total: int, answered: int) -> None:
        """Show the value and position of the current item, and how many are answered."""
        self.query_one("#value-name", Static).update(Text(value.name))
        self.query_one("#position", Static).update(Text(f"item {number} of {total}"))
        self.query_one(ProgressBar).update(total=total, progress=answered)


class ItemCard(Vertical):
    """The item's title, statement and reflective prompt, wrapped to the width."""

    def compose(self) -> ComposeResult:
        yield Static(id="guidance")
        yield Static(id="item-title")
        yield Static(id="statement")
        yield Static(id="prompt")

    def show(self, item: Item, guidance: str = "") -> None:
        """Show an item, with the rubric's guidance on how to rate when given (the first item)."""
        shown = self.query_one("#guidance", Static)
        shown.update(Text(f"How to rate: {guidance}"))
        shown.display = bool(guidance)
        self.query_one("#item-title", Static).update(Text(item.title))
        self.query_one("#statement", Static).update(Text(item.statement))
        self.query_one("#prompt", Static).update(Text(item.prompt))
