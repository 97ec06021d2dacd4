"""The help screen: the keys of the screen it was opened on, in the words of the check-in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from selfcheck.tui.keys import APP_KEYS, KeyHelp

SAVING = (
    "Everything is saved as you go: a rating or mark at once, a note within a second. "
    "While you type in a text box, keys type into it until you press escape. "
    "escape closes this help."
)


def keys_table(keys: Sequence[KeyHelp], not_assessable: str = "") -> Table:
    """The keys and what they do, `0` in the rubric's own words when given."""
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="bold", no_wrap=True, min_width=8)
    table.add_column()
    for key in keys:
        words = key.words
        if key.shown == "0" and not_assessable:
            words = f"{not_assessable.lower()} (not a level: left out of means)"
        table.add_row(Text(key.shown), Text(words))
    return table


class HelpScreen(ModalScreen[None]):
    """Lists one screen's keys, then the keys of every screen; escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "close", "Close")]

    def __init__(
        self,
        title: str = "selfcheck",
        keys: Sequence[KeyHelp] = (),
        *,
        guidance: str = "",
        not_assessable: str = "",
    ) -> None:
        super().__init__()
        self.title_words = title
        self.keys = keys
        self.guidance = guidance
        self.not_assessable = not_assessable

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help-dialog"):
            if self.guidance:
                yield Static(Text("How to rate"), classes="dialog-title")
                yield Static(Text(self.guidance), id="help-guidance")
            yield Static(Text(f"Keys: {self.title_words}"), classes="dialog-title")
            yield Static(keys_table([*self.keys, *APP_KEYS], self.not_assessable), id="help-keys")
            yield Static(Text(SAVING), classes="hint")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss()
