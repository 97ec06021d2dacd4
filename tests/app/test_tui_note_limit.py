"""A note too long for a check-in's readers: one visible line, nothing lost, no crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.drafts import on_disk

from selfcheck.tui.app import make_app
from selfcheck.tui.screens.practitioner.item import ItemScreen
from selfcheck.tui.widgets.note import NoteField

LIMIT = 20_000
"""A check-in's size limit for this test (4 MiB in use), so the long note stays small."""


async def test_a_note_over_the_limit_is_said_and_the_saved_note_kept(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typing past the limit ended the app in a traceback (the refusal was never caught); now
    one line says so, the field keeps what was typed, the draft keeps the note saved before,
    and `n` stays on the item until the note is shorter."""
    monkeypatch.setattr("selfcheck.store.checkin_files.MAX_CHECKIN_BYTES", LIMIT)
    monkeypatch.setattr("selfcheck.tui.screens.practitioner.item.NOTE_SAVE_DELAY", 0.05)
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ItemScreen)
        first = screen.item_id
        await pilot.press("e", *"Kept", "escape")
        assert on_disk(app).answer(first).note == "Kept"
        note = screen.query_one(NoteField)
        note.insert(".")  # kept: its save waits for a pause in typing
        await pilot.pause()
        note.insert("x" * LIMIT)
        await pilot.pause(0.2)  # that save comes, and does not say it again
        said = [str(notice.message) for notice in app._notifications]
        assert len(said) == 1 and "over the 20,000 a check-in may hold" in said[0], said
        note.insert("y")  # typing on: not said again
        await pilot.press("n")
        assert screen.item_id == first and note.text.endswith("y") and len(note.text) > LIMIT
        assert on_disk(app).answer(first).note == "Kept."
        assert len(app._notifications) == 2  # trying to leave the item says it again
        note.load_text("Kept, shorter")
        await pilot.press("n")
        assert screen.item_id != first
        assert on_disk(app).answer(first).note == "Kept, shorter"
