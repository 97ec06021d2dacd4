"""SIGKILL a real `selfcheck start` in a terminal after keystrokes: the draft on disk keeps them."""

from __future__ import annotations

import re
import signal
from pathlib import Path

import pytest
from helpers.terminal import in_terminal, needs_pty

from selfcheck.formats.checkin import Checkin
from selfcheck.formats.errors import InputError
from selfcheck.store.checkin_files import checkins_dir, load_checkin, load_data_dir


@pytest.fixture
def rubric(newest):
    """New check-ins rate the newest version: these flows use its items."""
    return newest


def draft(data_dir: Path) -> Checkin | None:
    """The one draft on disk, if it parses yet."""
    folder = checkins_dir(data_dir)
    files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    if not files:
        return None
    try:
        return load_checkin(files[0])
    except InputError:
        return None


@pytest.mark.serial
@pytest.mark.serial
@needs_pty
@pytest.mark.slow
def test_sigkill_after_keystrokes_keeps_ratings_and_note(data_dir: Path, rubric) -> None:
    """Ratings, a mark and a note typed before SIGKILL are all in the parseable draft."""
    first, second = rubric.items[0].id, rubric.items[1].id
    with in_terminal(["start", "--data-dir", str(data_dir)]) as app:
        app.until(app.shows_item_screen, "the item screen")
        app.type(b"4", b"d", b"n", b"2", b"e", b"kept note")

        def saved() -> bool:
            checkin = draft(data_dir)
            return bool(
                checkin
                and checkin.answer(first).rating == 4
                and checkin.answer(second).rating == 2
                and checkin.answer(second).note == "kept note"
            )

        app.until(saved, "the keystrokes to reach the draft file")
        app.process.send_signal(signal.SIGKILL)
    loaded = load_data_dir(data_dir)
    assert loaded.problems == []
    (checkin,) = loaded.checkins
    assert checkin.status == "draft"
    assert checkin.answer(first).rating == 4 and checkin.answer(first).discuss
    assert checkin.answer(second).rating == 2 and checkin.answer(second).note == "kept note"


@pytest.mark.serial
@needs_pty
@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGHUP"])
def test_sigterm_restores_the_terminal_and_keeps_the_note(
    data_dir: Path, rubric, signal_name: str
) -> None:
    """SIGTERM or SIGHUP quits as q does: the screen and mouse restored, the draft kept."""
    first = rubric.items[0].id

    def rated() -> bool:
        checkin = draft(data_dir)
        return checkin is not None and checkin.answer(first).rating == 4

    def typed() -> bool:
        checkin = draft(data_dir)
        return checkin is not None and checkin.answer(first).note == "just typed"

    with in_terminal(["start", "--data-dir", str(data_dir)]) as app:
        app.until(app.shows_item_screen, "the item screen")
        app.type(b"4")
        app.until(rated, "the rating to reach the draft file")
        app.type(b"e", pause=0.2)
        app.type(b"just typed")
        app.until(typed, "the typed note to reach the draft file")
        app.process.send_signal(getattr(signal, signal_name))
        app.until(app.ended, "the app to quit")
        app.drain()
        seen = bytes(app.seen)
    assert app.process.returncode == 0
    last_draw = list(re.finditer(rb" of \d+", seen))[-1]
    after_last_draw = seen[last_draw.end() :]
    assert b"\x1b[?1049l" in after_last_draw, "the alternate screen was not left"
    assert b"\x1b[?1000l" in after_last_draw, "mouse mode was not turned off"
    checkin = draft(data_dir)
    assert checkin is not None and checkin.status == "draft"
    assert checkin.answer(first).note == "just typed"
