"""The app on an encrypted folder: the passphrase is asked first, and nothing plain is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.encryption_helpers import PASSPHRASE, encrypt, files_under
from textual.widgets import Static

from selfcheck.formats.printable import printable
from selfcheck.store.checkin_files import load_data_dir, save_checkin
from selfcheck.store.vault import forget, unlock
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


async def submit(app: SelfcheckApp, pilot, passphrase: str) -> None:
    """Type a passphrase into the unlock screen and wait for its answer."""
    await pilot.press(*passphrase, "enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_passphrase_is_asked_before_anything_is_read(encrypted: Path) -> None:
    """A wrong passphrase is said in the modal and asked again; the right one opens home."""
    app = make_app(encrypted, None, straight_in=False)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        assert app.problems == []
        with pytest.raises(RuntimeError):
            _ = app.workspace
        await submit(app, pilot, "not it")
        assert isinstance(app.screen, UnlockScreen)
        message = app.screen.query_one("#unlock-message", Static)
        assert "wrong passphrase" in printable(str(message.render()))
        await submit(app, pilot, PASSPHRASE)
        assert isinstance(app.screen, HomeScreen)
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
        await submit(app, pilot, PASSPHRASE)
        assert isinstance(app.screen, ItemScreen)
        await pilot.press("4", "e", *note, "escape")
        assert app.draft is not None and app.draft.writer.flush()
    for path in files_under(encrypted):
        assert note.encode() not in path.read_bytes(), path
        assert not path.name.endswith(".toml"), path
    forget()
    unlock(encrypted, PASSPHRASE)
    loaded = load_data_dir(encrypted)
    draft = next(s for s in loaded.checkins if not s.complete)
    assert draft.answer(rubric.items[0].id).rating == 4
    assert draft.answer(rubric.items[0].id).note == note
