"""The review shows every column without scrolling sideways, at small, standard and wide sizes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from selfcheck.tui.app import make_app
from selfcheck.tui.screens.practitioner.review import ReviewScreen

SIZES = [(60, 20), (80, 24), (200, 60)]
"""The small, standard and large terminals the app is tried at."""


def review_table(screen: object) -> DataTable:
    """The review's table, once the review is the current screen."""
    assert isinstance(screen, ReviewScreen)
    return screen.query_one(DataTable)


def fits(table: DataTable) -> bool:
    """Whether the whole table, header to last column, is in view with no sideways scroll."""
    return table.max_scroll_x == 0 and table.virtual_size.width <= table.size.width


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_every_column_in_view(data_dir: Path, size: tuple[int, int]) -> None:
    """A not-assessable item with a note and a discuss mark: Note and Discuss are in view."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=size) as pilot:
        await pilot.press("0", "d", "e", *"why", "escape", "r")
        await pilot.pause()
        table = review_table(app.screen)
        assert fits(table)
        assert [column.label.plain for column in table.ordered_columns][-2:] == ["Note", "Discuss"]
        first = [cell.plain for cell in table.get_row_at(0)]
        assert first[-2:] == ["✎ note", "[x]"]


async def test_narrowing_the_terminal_keeps_every_column_and_the_cursor(data_dir: Path) -> None:
    """From 200 columns down to 60 the table lays itself out again; the cursor stays put."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("0", "n", "n", "r")
        await pilot.pause()
        table = review_table(app.screen)
        assert table.cursor_row == 2
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert fits(table) and table.cursor_row == 2
