"""Protecting the data folder: a new passphrase typed twice, then the recovery key shown once."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from selfcheck.growth.summary import shown_path


class PassphraseDialog(ModalScreen[str | None]):
    """Asks a new passphrase twice; enter in the second field answers, escape leaves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="leave; nothing is changed"),
    ]

    KEYS_TITLE = "the passphrase"
    WIDGET_KEYS = "tab moves to the second field; enter there sets the passphrase."
    """Keys the fields handle, told on the help."""

    def __init__(self, title: str, words: str) -> None:
        super().__init__()
        self.title_words = title
        self.words = words

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="passphrase-dialog"):
            yield Static(Text(self.title_words), classes="dialog-title")
            yield Static(Text(self.words), classes="dialog-text")
            yield Label("New passphrase")
            yield Input(password=True, id="passphrase-new", compact=True)
            yield Label("The same again")
            yield Input(password=True, id="passphrase-again", compact=True)
            yield Static(id="passphrase-problem")
            yield Static(Text("enter sets it, escape leaves"), classes="hint")

    def on_mount(self) -> None:
        """Type at once."""
        self.query_one("#passphrase-new", Input).focus()

    @on(Input.Submitted, "#passphrase-new")
    def first_typed(self) -> None:
        """On to the second field."""
        self.query_one("#passphrase-again", Input).focus()

    @on(Input.Submitted, "#passphrase-again")
    def both_typed(self) -> None:
        """Answer the passphrase when it is given and typed the same twice."""
        new = self.query_one("#passphrase-new", Input).value
        again = self.query_one("#passphrase-again", Input).value
        problem = ""
        if not new:
            problem = "The passphrase is empty."
        elif new != again:
            problem = "The two passphrases differ; type them again."
        if problem:
            self.query_one("#passphrase-problem", Static).update(Text(problem))
            self.query_one("#passphrase-again", Input).value = ""
            return
        self.dismiss(new)

    def action_cancel(self) -> None:
        """Answer nothing."""
        self.dismiss(None)


class RecoveryDialog(ModalScreen[Path | None]):
    """Shows the recovery key once and offers to save it to a file outside the data folder."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", tooltip="close; the key is not shown again"),
    ]

    KEYS_TITLE = "your recovery key"
    WIDGET_KEYS = "enter in the file field saves the key there."
    """Keys the field handles, told on the help."""

    def __init__(self, identity: str, offered: Path) -> None:
        super().__init__()
        self.identity = identity
        self.offered = offered

    def compose(self) -> ComposeResult:
        key = self.identity.strip().splitlines()[-1]
        with Vertical(classes="dialog", id="recovery-dialog"):
            yield Static(Text("Your recovery key, shown only this once"), classes="dialog-title")
            yield Static(
                Text(
                    "Write it on paper or save it apart from this computer. With it, "
                    "`selfcheck passphrase --recovery FILE` sets a new passphrase; without "
                    "it, a lost passphrase means lost data."
                ),
                classes="dialog-text",
            )
            yield Static(Text(key), id="recovery-key")
            yield Label("Save it to this file (outside the data folder)")
            yield Input(shown_path(self.offered), id="recovery-file", compact=True)
            yield Static(Text("enter saves it, escape closes without saving"), classes="hint")

    @on(Input.Submitted)
    def save(self, event: Input.Submitted) -> None:
        """Answer the file to save the key to."""
        text = event.value.strip()
        self.dismiss(Path(text).expanduser() if text else None)

    def action_close(self) -> None:
        """Close without saving."""
        self.dismiss(None)
