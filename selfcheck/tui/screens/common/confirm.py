"""The confirmation before finishing: says how many items are still unanswered."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from selfcheck.checkin.words import unanswered_words


class ConfirmFinish(ModalScreen[bool]):
    """Asks to finish: `y` or enter confirms, `n` or escape goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Finish", show=False),
        Binding("n,escape", "answer(False)", "Keep going", show=False),
    ]

    def __init__(self, unanswered: int) -> None:
        super().__init__()
        self.unanswered = unanswered

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text("Finish this check-in?"), classes="dialog-title")
            yield Static(Text(unanswered_words(self.unanswered)), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("y  Finish", id="yes", variant="primary", compact=True)
                yield Button("n  Keep going", id="no", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the mouse."""
        self.dismiss(event.button.id == "yes")

    def action_answer(self, finish: bool) -> None:
        """Answer from the keyboard."""
        self.dismiss(finish)
