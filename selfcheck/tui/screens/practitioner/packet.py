"""The packet dialog: PDF or web page, which notes, and the folder it is written to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet, Static

from selfcheck.growth.packet_content import NoteChoice

PacketKind = Literal["pdf", "html"]
"""The packet as a PDF, or as one self-contained web page."""

KINDS: tuple[tuple[PacketKind, str], ...] = (("pdf", "PDF"), ("html", "Web page"))
"""The packet's formats as the dialog offers them."""

NOTES: tuple[tuple[NoteChoice, str], ...] = (
    ("discuss", "discuss: notes of items marked to discuss"),
    ("none", "none: no notes"),
    ("all", "all: every note"),
)
"""Which notes the packet shows, in the words of `selfcheck report --notes`."""


@dataclass(frozen=True)
class PacketRequest:
    """The packet the practitioner asked for."""

    kind: PacketKind
    notes: NoteChoice
    folder: Path


def default_packet_folder(remembered: str, home: Path) -> Path:
    """The folder last written to, else the Documents folder where it exists, else home."""
    if remembered:
        return Path(remembered).expanduser()
    documents = home / "Documents"
    return documents if documents.is_dir() else home


class PacketDialog(ModalScreen[PacketRequest | None]):
    """Asks how to make the packet; enter writes it, escape leaves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "write", "Write", priority=True, tooltip="write the packet"),
        Binding("escape", "cancel", "Cancel", tooltip="leave without writing"),
    ]

    KEYS_TITLE = "the packet"

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="packet-dialog"):
            yield Static(Text("Make the packet for supervision"), classes="dialog-title")
            yield Label("As")
            with RadioSet(id="packet-kind", compact=True):
                for number, (_, words) in enumerate(KINDS):
                    yield RadioButton(words, value=number == 0, compact=True)
            yield Label("Notes")
            with RadioSet(id="packet-notes", compact=True):
                for number, (_, words) in enumerate(NOTES):
                    yield RadioButton(words, value=number == 0, compact=True)
            yield Label("In the folder")
            yield Input(str(self.folder), id="packet-folder", compact=True)
            yield Static(
                Text("tab moves, arrows and space choose; enter writes it, escape leaves"),
                classes="hint",
            )

    def on_mount(self) -> None:
        """Start on the format."""
        self.query_one("#packet-kind", RadioSet).focus()

    def action_write(self) -> None:
        """Answer with the choices made."""
        kind = KINDS[max(self.query_one("#packet-kind", RadioSet).pressed_index, 0)][0]
        notes = NOTES[max(self.query_one("#packet-notes", RadioSet).pressed_index, 0)][0]
        folder = self.query_one("#packet-folder", Input).value.strip() or str(self.folder)
        self.dismiss(PacketRequest(kind, notes, Path(folder).expanduser()))

    def action_cancel(self) -> None:
        """Answer nothing."""
        self.dismiss(None)
