"""SIGKILL a real `selfcheck start` in a terminal after keystrokes: the draft on disk keeps them."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from selfcheck.formats.errors import InputError
from selfcheck.formats.session import Session
from selfcheck.store.sessions import load_data_dir, load_session, sessions_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def rubric(newest):
    """New check-ins rate the newest version: these flows use its items."""
    return newest


def wait_for(predicate, timeout: float = 15.0) -> bool:
    """Poll `predicate` until it is true or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def draft(data_dir: Path) -> Session | None:
    """The one draft on disk, if it parses yet."""
    folder = sessions_dir(data_dir)
    files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    if not files:
        return None
    try:
        return load_session(files[0])
    except InputError:
        return None


def drain(fd: int, seen: bytearray) -> None:
    """Read what the app drew (so its terminal never fills up) into `seen`."""
    try:
        while chunk := os.read(fd, 65536):
            seen += chunk
    except (BlockingIOError, OSError):
        pass


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.slow
def test_sigkill_after_keystrokes_keeps_ratings_and_note(data_dir: Path, rubric) -> None:
    """Ratings, a mark and a note typed before SIGKILL are all in the parseable draft."""
    primary, secondary = os.openpty()
    os.set_blocking(primary, False)
    env = os.environ | {
        "TERM": "xterm-256color",
        "COLUMNS": "80",
        "LINES": "24",
        "PYTHONPATH": str(ROOT),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "selfcheck", "start", "--data-dir", str(data_dir)],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    os.close(secondary)
    first, second = rubric.items[0].id, rubric.items[1].id
    try:
        seen = bytearray()

        def drawn() -> bool:
            drain(primary, seen)
            return b"item" in seen and f"of {len(rubric.items)}".encode() in seen

        assert wait_for(drawn), "the item screen never appeared"
        for keys in (b"4", b"d", b"n", b"2", b"e", b"kept note"):
            os.write(primary, keys)
            time.sleep(0.1)

        def saved() -> bool:
            drain(primary, seen)
            session = draft(data_dir)
            return bool(
                session
                and session.answer(first).rating == 4
                and session.answer(second).rating == 2
                and session.answer(second).note == "kept note"
            )

        assert wait_for(saved), "the keystrokes never reached the draft file"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        os.close(primary)
    loaded = load_data_dir(data_dir)
    assert loaded.problems == []
    (session,) = loaded.sessions
    assert session.status == "draft"
    assert session.answer(first).rating == 4 and session.answer(first).discuss
    assert session.answer(second).rating == 2 and session.answer(second).note == "kept note"


def start_in_terminal(data_dir: Path) -> tuple[subprocess.Popen[bytes], int]:
    """`selfcheck start` in a fresh 80x24 pseudo-terminal; returns the process and its terminal."""
    primary, secondary = os.openpty()
    os.set_blocking(primary, False)
    env = os.environ | {
        "TERM": "xterm-256color",
        "COLUMNS": "80",
        "LINES": "24",
        "PYTHONPATH": str(ROOT),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "selfcheck", "start", "--data-dir", str(data_dir)],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    os.close(secondary)
    return process, primary


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGHUP"])
def test_sigterm_restores_the_terminal_and_keeps_the_note(
    data_dir: Path, rubric, signal_name: str
) -> None:
    """SIGTERM or SIGHUP quits as q does: the screen and mouse restored, the draft kept."""
    process, primary = start_in_terminal(data_dir)
    first = rubric.items[0].id
    seen = bytearray()
    try:

        def drawn() -> bool:
            drain(primary, seen)
            return b"item" in seen and re.search(rb" of \d+", seen) is not None

        assert wait_for(drawn), "the item screen never appeared"
        os.write(primary, b"4")

        def rated() -> bool:
            drain(primary, seen)
            session = draft(data_dir)
            return session is not None and session.answer(first).rating == 4

        def typed() -> bool:
            drain(primary, seen)
            session = draft(data_dir)
            return session is not None and session.answer(first).note == "just typed"

        def ended() -> bool:
            drain(primary, seen)
            return process.poll() is not None

        os.write(primary, b"4")
        assert wait_for(rated)
        os.write(primary, b"e")
        time.sleep(0.2)
        os.write(primary, b"just typed")
        assert wait_for(typed)
        process.send_signal(getattr(signal, signal_name))
        assert wait_for(ended), "the app did not quit"
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
        os.close(primary)
    assert process.returncode == 0
    last_draw = list(re.finditer(rb" of \d+", bytes(seen)))[-1]
    after_last_draw = bytes(seen)[last_draw.end() :]
    assert b"\x1b[?1049l" in after_last_draw, "the alternate screen was not left"
    assert b"\x1b[?1000l" in after_last_draw, "mouse mode was not turned off"
    session = draft(data_dir)
    assert session is not None and session.status == "draft"
    assert session.answer(first).note == "just typed"
