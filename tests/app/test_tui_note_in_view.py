"""Entering the note brings the note box and the line saying how to leave it into view."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfcheck.tui.app import make_app
from selfcheck.tui.screens.practitioner.item import ItemScreen

SIZES = [(60, 20), (80, 24)]
"""The small and standard terminals, where an item's body scrolls (at 200x60 it never does)."""


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_entering_the_note_shows_it_and_how_to_leave_it(
    data_dir: Path, size: tuple[int, int]
) -> None:
    """On every item, e shows the whole note box and its escape hint inside the scrolled body."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, ItemScreen)
        body = screen.query_one("#item-body")
        for number in range(1, len(screen.items) + 1):
            await pilot.press("e")
            await pilot.pause()
            note, hint = screen.query_one("#note"), screen.query_one("#note-hint")
            assert hint.visible and "escape leaves the note" in str(hint.render())
            for part in (note, hint):
                assert body.region.contains_region(part.region), (number, part.id)
            await pilot.press("escape", "n")
