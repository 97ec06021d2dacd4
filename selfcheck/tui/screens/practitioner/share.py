"""The share dialog: what is and is not shared, the folder, and the supervisor's key."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from selfcheck.growth.summary import shown_path


@dataclass(frozen=True)
class ShareRequest:
    """Where to write the share, and the supervisor's key to seal it to ("" for none)."""

    folder: Path
    recipient: str


class ShareDialog(ModalScreen[ShareRequest | None]):
    """Says what the share holds, as `selfcheck share` does, and asks to write it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "write", "Share", priority=True, tooltip="write the share"),
        Binding("escape", "cancel", "Cancel", tooltip="leave; nothing is written"),
    ]

    KEYS_TITLE = "sharing with your supervisor"

    def __init__(self, supervisor: str, words: list[str], folder: Path, recipient: str) -> None:
        super().__init__()
        self.supervisor = supervisor
        self.words = words
        self.folder = folder
        self.recipient = recipient

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="share-dialog"):
            yield Static(Text(f"Share with {self.supervisor}?"), classes="dialog-title")
            yield Static(Text("\n".join(self.words)), id="share-words")
            yield Label("In the folder")
            yield Input(shown_path(self.folder), id="share-folder", compact=True)
            yield Label("Their key, to seal it for them (age1..., optional)")
            yield Input(self.recipient, id="share-recipient", compact=True)
            yield Static(Text("enter writes it, escape leaves (nothing written)"), classes="hint")

    def on_mount(self) -> None:
        """Start on the folder."""
        self.query_one("#share-folder", Input).focus()

    def action_write(self) -> None:
        """Answer with the folder and key given."""
        folder = self.query_one("#share-folder", Input).value.strip() or str(self.folder)
        recipient = self.query_one("#share-recipient", Input).value.strip()
        self.dismiss(ShareRequest(Path(folder).expanduser(), recipient))

    def action_cancel(self) -> None:
        """Answer nothing."""
        self.dismiss(None)
