"""The consent dialog of the anonymous export: what it shares, the file itself, the folder."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from selfcheck.growth.summary import shown_path


class ExportConsent(ModalScreen[Path | None]):
    """Shows what the export shares and the whole file; enter writes it, escape does not."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "write", "Send", priority=True, tooltip="agree and write the export"),
        Binding("escape", "cancel", "Cancel", tooltip="leave; nothing is written"),
    ]

    KEYS_TITLE = "sending to your program"
    WIDGET_KEYS = "↑, ↓, pgup and pgdn scroll the file."
    """Keys the scrolling view handles, told on the help."""

    def __init__(self, program: str, consent: str, text: str, folder: Path) -> None:
        super().__init__()
        self.program = program
        self.consent = consent
        self.text = text
        self.folder = folder

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="export-dialog"):
            yield Static(Text(f"Send to {self.program}?"), classes="dialog-title")
            yield Static(Text(self.consent), id="export-consent")
            yield Static(Text("The file, exactly as it is written:"), classes="hint")
            yield Static(Text(self.text), id="export-text")
            yield Label("In the folder")
            yield Input(shown_path(self.folder), id="export-folder", compact=True)
            yield Static(Text("enter agrees and writes it, escape leaves"), classes="hint")

    def action_write(self) -> None:
        """Answer with the folder to write to."""
        folder = self.query_one("#export-folder", Input).value.strip() or str(self.folder)
        self.dismiss(Path(folder).expanduser())

    def action_cancel(self) -> None:
        """Answer nothing."""
        self.dismiss(None)
