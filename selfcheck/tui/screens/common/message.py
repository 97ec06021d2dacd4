"""A dialog that shows a few lines (what was received, the hours) until it is closed."""

from __future__ import annotations

from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


class MessageDialog(ModalScreen[None]):
    """Shows a title and a body; enter or escape closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape", "close", "Close", tooltip="close this"),
    ]

    def __init__(self, title: str, body: RenderableType) -> None:
        super().__init__()
        self.title_words = title
        self.body = body

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="message-dialog"):
            yield Static(Text(self.title_words), classes="dialog-title")
            yield Static(self.body, id="message-body")
            yield Static(Text("enter or escape closes this"), classes="hint")

    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss()
