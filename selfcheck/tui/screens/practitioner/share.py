"""The share dialog: what is and is not shared, the period and notes, the folder and the key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static
from textual.worker import get_current_worker

from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.share import NotesPolicy
from selfcheck.formats.typed_input import parse_day
from selfcheck.growth.summary import shown_path
from selfcheck.supervision.share import FolderShare
from selfcheck.tui.screens.practitioner.packet import notes_select


@dataclass(frozen=True)
class ShareChoice:
    """Which check-ins (all, or those since a day) and which notes go into the share."""

    notes: NotesPolicy = "discuss"
    since: date | None = None


@dataclass(frozen=True)
class ShareRequest:
    """The share as described to the practitioner, where to write it, and the supervisor's
    key to seal it to ("" for none)."""

    made: FolderShare
    folder: Path
    recipient: str


class ShareDialog(ModalScreen[ShareRequest | None]):
    """Says what the share holds, as `selfcheck share` does, and asks to write it; the
    period and notes chosen change what it says at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "write", "Share", tooltip="write the share (from a text box too)"),
        Binding("escape", "cancel", "Cancel", tooltip="leave; nothing is written"),
    ]

    KEYS_TITLE = "sharing with your supervisor"
    WIDGET_KEYS = (
        "tab and shift+tab move between the boxes; on Notes, enter or space opens the choices, "
        "↑ and ↓ pick, enter takes it."
    )
    """Keys the boxes and the notes choice handle, told on the help."""

    def __init__(
        self,
        supervisor: str,
        made: FolderShare,
        folder: Path,
        recipient: str,
        describe: Callable[[ShareChoice], FolderShare],
    ) -> None:
        """`made` is the share of every check-in with the default notes; `describe` makes
        the share of another choice (it reads the data folder, so it runs off the screen)."""
        super().__init__()
        self.supervisor = supervisor
        self.made: FolderShare | None = made
        self.made_for = ShareChoice()
        self.folder = folder
        self.recipient = recipient
        self.describe = describe

    def compose(self) -> ComposeResult:
        # Scrolls in a small terminal, so the focused box is always in view.
        with VerticalScroll(classes="dialog", id="share-dialog"):
            yield Static(Text(f"Share with {self.supervisor}?"), classes="dialog-title")
            yield Static(id="share-words")
            with Horizontal(classes="dialog-row"):
                yield Label("Since")
                yield Input(
                    placeholder="a date like 2026-01-31; empty: all", id="share-since", compact=True
                )
            with Horizontal(classes="dialog-row"):
                yield Label("Notes")
                yield notes_select("share-notes")
            with Horizontal(classes="dialog-row"):
                yield Label("Folder")
                yield Input(shown_path(self.folder), id="share-folder", compact=True)
            with Horizontal(classes="dialog-row"):
                yield Label("Key")
                yield Input(
                    self.recipient,
                    placeholder="their age1... key seals it for them (optional)",
                    id="share-recipient",
                    compact=True,
                )
            yield Static(Text("enter writes it, escape leaves (nothing written)"), classes="hint")

    def on_mount(self) -> None:
        """Say what the share holds, and start on the folder."""
        self.show_words()
        self.query_one("#share-folder", Input).focus()

    def choice(self) -> ShareChoice:
        """The period and notes as chosen (ValueError naming a date typed wrong)."""
        notes: NotesPolicy = self.query_one("#share-notes", Select).value  # type: ignore[assignment]
        return ShareChoice(notes, parse_day(self.query_one("#share-since", Input).value))

    @on(Input.Changed, "#share-since")
    @on(Select.Changed, "#share-notes")
    def choice_changed(self) -> None:
        """Say again what the share holds, for the period and notes now chosen."""
        try:
            choice = self.choice()
        except ValueError as exc:
            self.made = None
            self.show_words(str(exc))
            return
        if choice != self.made_for or self.made is None:
            self.made = None
            self.describe_choice(choice)

    @work(thread=True, exclusive=True, group="share-words")
    def describe_choice(self, choice: ShareChoice) -> None:
        """Make the share of `choice` off the screen's thread, then show what it holds."""
        try:
            made, problem = self.describe(choice), ""
        except SelfcheckError as exc:
            made, problem = None, str(exc)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.described, choice, made, problem)

    def described(self, choice: ShareChoice, made: FolderShare | None, problem: str) -> None:
        """Keep the share made for `choice` when it is still the one chosen, and say it."""
        try:
            if choice != self.choice():
                return
        except ValueError:
            return
        self.made, self.made_for = made, choice
        self.show_words(problem)

    def show_words(self, problem: str = "") -> None:
        """What the share holds, as `selfcheck share` says it, or why there is none."""
        words = "\n".join(self.made.words) if self.made is not None else problem
        self.query_one("#share-words", Static).update(Text(words or "Reading your check-ins…"))

    @on(Input.Submitted)
    def action_write(self) -> None:
        """Answer with the share described, the folder and the key given."""
        if self.made is None:
            self.notify(
                "Nothing to write yet: see the lines above the boxes.",
                severity="warning",
                markup=False,
            )
            return
        folder = self.query_one("#share-folder", Input).value.strip() or str(self.folder)
        recipient = self.query_one("#share-recipient", Input).value.strip()
        self.dismiss(ShareRequest(self.made, Path(folder).expanduser(), recipient))

    def action_cancel(self) -> None:
        """Answer nothing."""
        self.dismiss(None)
