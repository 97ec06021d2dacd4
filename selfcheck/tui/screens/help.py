"""The help screen: every key, in the words of the check-in."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: tuple[tuple[str, str], ...] = (
    ("1 - 5", "rate the current item on the growth scale (you stay on it)"),
    ("0", "not yet assessable (not a level: left out of means)"),
    ("n  →", "next item (on the last item: the review)"),
    ("p  ←", "previous item"),
    ("d", "mark or unmark: discuss in supervision"),
    ("e  tab", "write a note; escape leaves the note"),
    ("r", "review all items; enter opens one"),
    ("m", "supervision details: supervisor, meeting date"),
    ("l", "hide or show last time's rating"),
    ("ctrl+s", "finish: y or enter confirms, n or escape goes back"),
    ("?", "this help"),
    ("q", "quit; the draft is already saved, resume any time"),
)
"""The key contract of the item screen, as the help screen and README state it."""

SAVING = (
    "Everything is saved as you go: a rating or mark at once, a note within a second. "
    "While you write a note, the keys above type into it until you press escape. "
    "escape closes this help."
)


def keys_table(not_assessable: str = "") -> Table:
    """The keys and what they do, `0` in the rubric's own words when given."""
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="bold", no_wrap=True, min_width=8)
    table.add_column()
    for key, words in KEYS:
        if key == "0" and not_assessable:
            words = f"{not_assessable.lower()} (not a level: left out of means)"
        table.add_row(key, words)
    return table


class HelpScreen(ModalScreen[None]):
    """Lists the keys; escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "close", "Close")]

    def __init__(self, guidance: str = "", not_assessable: str = "") -> None:
        super().__init__()
        self.guidance = guidance
        self.not_assessable = not_assessable

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help-dialog"):
            if self.guidance:
                yield Static(Text("How to rate"), classes="dialog-title")
                yield Static(Text(self.guidance), id="help-guidance")
            yield Static(Text("Keys"), classes="dialog-title")
            yield Static(keys_table(self.not_assessable))
            yield Static(Text(SAVING), classes="hint")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss()
