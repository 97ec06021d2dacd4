"""Secrets never shown, and notes kept byte for byte by a screen that only showed them."""

from __future__ import annotations

import asyncio

import pytest
from helpers.terminal import in_terminal, needs_pty
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from selfcheck.store.checkin_files import load_checkin, save_checkin
from selfcheck.store.config import ensure_identity

CRASH_ON_L = """
import sys
from selfcheck.checkin import workspace

def broken_save(data_dir, config, vault=None):
    raise RuntimeError("the disk said no")

workspace.save_config = broken_save
from selfcheck.cli import main
sys.exit(main(["start", "--data-dir", sys.argv[1]]))
"""


def test_the_config_repr_never_holds_the_identity(data_dir):
    config = ensure_identity(data_dir)
    shown = repr(config) + str(config)
    assert config.pseudonym_secret not in shown and config.practitioner_key not in shown


@pytest.mark.serial
@needs_pty
def test_a_crash_in_the_app_never_prints_the_secrets(data_dir):
    """Pressing `l` when the config cannot be saved crashed with every local shown."""
    config = ensure_identity(data_dir)
    with in_terminal(["-c", CRASH_ON_L, str(data_dir)]) as app:
        app.until(app.shows_item_screen, "the item screen", timeout=20)
        app.type(b"l", pause=0)
        app.until(app.ended, "the app to quit", timeout=20)
        app.drain()
        seen = bytes(app.seen)
    printed = seen.decode("utf-8", "replace")
    assert "the disk said no" in printed  # it did crash, and said why
    assert config.pseudonym_secret not in printed
    assert config.practitioner_key not in printed


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=st.text(min_size=1, max_size=40))
@example(note="\u202bright to left\u202c")
@example(note="carriage\rreturn")
@example(note="line\u2028separator")
def test_viewing_a_note_never_rewrites_it(note, data_dir, make_checkin, rubric):
    """Bidi marks, CR and U+2028 came back as literal `\\u202b` / `\\x0d` after a mere look."""
    from selfcheck.tui.app import make_app

    first = rubric.items[0].id
    draft = make_checkin({first: 3}, complete=False, notes={first: note})
    path = save_checkin(data_dir, draft)
    before = path.read_bytes()

    async def look() -> None:
        app = make_app(data_dir, None, straight_in=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("e", "escape", "n", "p", "e", "escape", "q")

    asyncio.run(look())
    assert load_checkin(path).answer(first).note == note
    assert path.read_bytes() == before
    path.unlink()
