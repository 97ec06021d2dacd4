"""The help screen: the keys of the screen it was opened on, built from that screen's bindings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from selfcheck.tui.help_keys import KeyHelp, keys_help

CLOSING = "escape, q or ? closes this help."

SAVING = (
    "Everything is saved as you go: a rating or mark at once, a note within a second. "
    "While you type in a text box, keys type into it until you press escape."
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


def screen_keys(screen: type[DOMNode], app: type[DOMNode] | DOMNode) -> list[KeyHelp]:
    """The keys of a screen, then the keys the app binds on every screen."""
    return [*keys_help(screen.BINDINGS), *keys_help(app.BINDINGS)]


class HelpScreen(ModalScreen[None]):
    """Lists one kind of screen's keys, then the keys of every screen; escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "close", "Close")]

    def __init__(
        self,
        screen: type[Screen[Any]],
        *,
        guidance: str = "",
        not_assessable: str = "",
    ) -> None:
        super().__init__()
        self.title_words: str = getattr(screen, "KEYS_TITLE", "selfcheck")
        self.screen_type = screen
        self.widget_keys: str = getattr(screen, "WIDGET_KEYS", "")
        self.guidance = guidance
        self.not_assessable = not_assessable

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help-dialog"):
            yield Static(Text(CLOSING), classes="hint", id="help-closing")
            if self.guidance:
                yield Static(Text("How to rate"), classes="dialog-title")
                yield Static(Text(self.guidance), id="help-guidance")
            yield Static(Text(f"Keys: {self.title_words}"), classes="dialog-title")
            keys = screen_keys(self.screen_type, self.app)
            yield Static(keys_table(keys, self.not_assessable), id="help-keys")
            if self.widget_keys:
                yield Static(Text(self.widget_keys), id="help-widget-keys")
            yield Static(Text(SAVING), classes="hint")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss()
