"""The packet dialog: PDF or web page, which notes, and the folder it is written to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from selfcheck.growth.summary import shown_path
from selfcheck.packet.content import NoteChoice

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


def notes_select(widget_id: str) -> Select[NoteChoice]:
    """The choice of notes in the words of `--notes`, starting on the discussed items' notes
    (the packet's and the share's dialogs offer the same three)."""
    return Select(
        [(words, notes) for notes, words in NOTES],
        value="discuss",
        allow_blank=False,
        compact=True,
        id=widget_id,
    )


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
    """Asks how to make the packet; enter on Write (focused first) writes it, escape leaves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "write", "Write", tooltip="write the packet from anywhere in the dialog"),
        Binding("escape", "cancel", "Cancel", tooltip="leave without writing"),
    ]

    KEYS_TITLE = "the packet"
    WIDGET_KEYS = (
        "enter on Write writes the packet; tab and shift+tab move between the choices; "
        "enter or space opens a choice, ↑ and ↓ pick, enter takes it."
    )
    """Keys the choices and the button handle, told on the help."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="packet-dialog"):
            yield Static(Text("Make the packet for supervision"), classes="dialog-title")
            yield Label("As")
            yield Select(
                [(words, kind) for kind, words in KINDS],
                value="pdf",
                allow_blank=False,
                compact=True,
                id="packet-kind",
            )
            yield Label("Notes")
            yield notes_select("packet-notes")
            yield Label("In the folder")
            yield Input(shown_path(self.folder), id="packet-folder", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Write", id="write", variant="primary", compact=True)
                yield Button("escape  Cancel", id="cancel", compact=True)
            yield Static(
                Text("enter writes it; shift+tab goes back to the choices; escape leaves"),
                classes="hint",
            )

    def on_mount(self) -> None:
        """Start on Write: enter makes the usual packet at once."""
        self.query_one("#write", Button).focus()

    @on(Button.Pressed, "#write")
    @on(Input.Submitted)
    def action_write(self) -> None:
        """Answer with the choices made."""
        kind: PacketKind = self.query_one("#packet-kind", Select).value  # type: ignore[assignment]
        notes: NoteChoice = self.query_one("#packet-notes", Select).value  # type: ignore[assignment]
        folder = self.query_one("#packet-folder", Input).value.strip() or str(self.folder)
        self.dismiss(PacketRequest(kind, notes, Path(folder).expanduser()))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Answer nothing."""
        self.dismiss(None)
