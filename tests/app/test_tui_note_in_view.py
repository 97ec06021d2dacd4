"""Entering the note brings the note box and the line saying how to leave it into view."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfcheck.formats.rubric import Item
from selfcheck.tui.app import make_app
from selfcheck.tui.screens.practitioner.item import ItemScreen

SIZES = [(60, 20), (80, 24)]
"""The small and standard terminals, where an item's body scrolls (at 200x60 it never does)."""


def tallest_items(items: list[Item]) -> set[int]:
    """The item numbers most likely to push the note out of view: the first (it carries the
    rubric's guidance), the last, and the two with the most text."""
    longest = sorted(
        range(len(items)),
        key=lambda index: (
            -len(
                " ".join(
                    [items[index].statement, items[index].prompt, *items[index].anchors.values()]
                )
            )
        ),
    )
    return {1, len(items), *(index + 1 for index in longest[:2])}


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_entering_the_note_shows_it_and_how_to_leave_it(
    data_dir: Path, size: tuple[int, int]
) -> None:
    """On the tallest items, e shows the whole note box and its escape hint inside the scrolled
    body (entering the note scrolls, which takes a third of a second an item)."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, ItemScreen)
        body = screen.query_one("#item-body")
        checked = tallest_items(screen.items)
        for number in range(1, len(screen.items) + 1):
            if number in checked:
                await pilot.press("e")
                await pilot.pause()
                note, hint = screen.query_one("#note"), screen.query_one("#note-hint")
                assert hint.visible and "escape leaves the note" in str(hint.render())
                for part in (note, hint):
                    assert body.region.contains_region(part.region), (number, part.id)
                await pilot.press("escape")
            await pilot.press("n")
