"""Yes-or-no questions: finishing (how many items are still unanswered), opening a file."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from selfcheck.checkin.words import unanswered_words


class Confirm(ModalScreen[bool]):
    """Asks a yes-or-no question: `y` or enter answers yes, `n` or escape no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes", show=False),
        Binding("n,escape", "answer(False)", "No", show=False),
    ]

    def __init__(self, question: str, words: str, yes: str, no: str) -> None:
        super().__init__()
        self.question = question
        self.words = words
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question), classes="dialog-title")
            yield Static(Text(self.words), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"y  {self.yes}", id="yes", variant="primary", compact=True)
                yield Button(f"n  {self.no}", id="no", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the mouse."""
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        """Answer from the keyboard."""
        self.dismiss(yes)


class ConfirmFinish(Confirm):
    """Asks to finish: `y` or enter confirms, `n` or escape goes back."""

    def __init__(self, unanswered: int) -> None:
        super().__init__(
            "Finish this check-in?", unanswered_words(unanswered), "Finish", "Keep going"
        )
