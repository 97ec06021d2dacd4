"""The app on an encrypted folder: the passphrase is asked first, and nothing plain is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.encryption_helpers import PASSPHRASE, encrypt, files_under
from helpers.waiting import wait_until
from textual.widgets import Static

from selfcheck.formats.printable import printable
from selfcheck.store.checkin_files import load_data_dir, save_checkin
from selfcheck.store.vault import Vault
from selfcheck.tui.app import SelfcheckApp, make_app
from selfcheck.tui.screens.common.unlock import UnlockScreen
from selfcheck.tui.screens.practitioner.home import HomeScreen
from selfcheck.tui.screens.practitioner.item import ItemScreen

SIZE = (80, 24)


@pytest.fixture
def encrypted(data_dir: Path, tmp_path: Path, make_checkin) -> Path:
    """An encrypted data folder holding one complete check-in, locked again."""
    save_checkin(data_dir, make_checkin({"integrity-honesty": 3}))
    encrypt(data_dir, tmp_path)
    return data_dir


def unlock_message(app: SelfcheckApp) -> str:
    """What the unlock screen says under the passphrase field."""
    return printable(str(app.screen.query_one("#unlock-message", Static).render()))


async def submit(pilot, passphrase: str) -> None:
    """Type a passphrase into the unlock screen and press enter."""
    await pilot.press(*passphrase, "enter")


@pytest.mark.real_scrypt
async def test_the_passphrase_is_asked_before_anything_is_read(encrypted: Path) -> None:
    """A wrong passphrase is said in the modal and asked again; the right one opens home."""
    app = make_app(encrypted, None, straight_in=False)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        assert app.problems == []
        with pytest.raises(RuntimeError):
            _ = app.workspace
        await submit(pilot, "not it")
        await wait_until(
            pilot, lambda: "wrong passphrase" in unlock_message(app), "the wrong passphrase said"
        )
        assert isinstance(app.screen, UnlockScreen)
        await submit(pilot, PASSPHRASE)
        # A real key derivation: about two seconds on a quiet machine.
        await wait_until(
            pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen", timeout=60
        )
        assert len(app.workspace.completed) == 1


async def test_escape_quits_without_reading(encrypted: Path) -> None:
    app = make_app(encrypted, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
    assert app.return_code in (None, 0) and app.draft is None


async def test_a_checkin_in_an_encrypted_folder_is_saved_sealed(encrypted: Path, rubric) -> None:
    """Straight in after unlocking: a rating and a note land in a `.toml.age` file only."""
    note = "Planted-in-the-app-Kestrel"
    app = make_app(encrypted, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await submit(pilot, PASSPHRASE)
        await wait_until(pilot, lambda: isinstance(app.screen, ItemScreen), "the first item")
        await pilot.press("4", "e", *note, "escape")
        assert app.draft is not None and app.draft.writer.flush()
    for path in files_under(encrypted):
        assert note.encode() not in path.read_bytes(), path
        assert not path.name.endswith(".toml"), path
    vault = Vault()  # a new run's
    vault.unlock(encrypted, PASSPHRASE)
    loaded = load_data_dir(encrypted, vault)
    draft = next(s for s in loaded.checkins if not s.complete)
    assert draft.answer(rubric.items[0].id).rating == 4
    assert draft.answer(rubric.items[0].id).note == note
