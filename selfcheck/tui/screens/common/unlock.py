"""The passphrase of an encrypted data folder, asked before anything in it is read."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.printable import printable
from selfcheck.store.vault import Vault


class UnlockScreen(ModalScreen[bool]):
    """Asks the passphrase until it opens the folder (True); escape quits (False)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "quit_locked", "Quit", show=False),
    ]

    def __init__(self, data_dir: Path, vault: Vault) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.vault = vault

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text("Your data folder is encrypted"), classes="dialog-title")
            yield Static(
                Text(printable(f"Passphrase for {self.data_dir}:", keep_newlines=False)),
                classes="dialog-text",
            )
            yield Input(password=True, id="passphrase")
            yield Static(Text("enter  unlock    escape  quit"), id="unlock-message")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Try the passphrase typed."""
        if not event.value:
            self.say("Type the passphrase, or press escape to quit.")
            return
        event.input.disabled = True
        self.say("Unlocking…")
        self.try_passphrase(event.value)

    @work(thread=True, exclusive=True)
    def try_passphrase(self, passphrase: str) -> None:
        """Derive the key off the screen's thread (it takes about a second)."""
        try:
            self.vault.unlock(self.data_dir, passphrase)
        except SelfcheckError as exc:
            self.app.call_from_thread(self.refuse, str(exc))
            return
        self.app.call_from_thread(self.dismiss, True)

    def refuse(self, line: str) -> None:
        """Say why the passphrase did not open the folder and ask again."""
        field = self.query_one("#passphrase", Input)
        field.value = ""
        field.disabled = False
        field.focus()
        self.say(f"{line}. Try again, or press escape to quit.")

    def say(self, line: str) -> None:
        """Show one line under the field."""
        self.query_one("#unlock-message", Static).update(Text(printable(line, keep_newlines=False)))

    def action_quit_locked(self) -> None:
        """Leave without reading anything."""
        self.dismiss(False)
