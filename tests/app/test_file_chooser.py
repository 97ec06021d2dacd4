"""The file chooser (textual-fspicker's FileOpen) is usable on small terminals too."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.waiting import wait_until
from textual.widgets import Button, Select

from selfcheck.tui.app import make_app
from selfcheck.tui.supervisor_app import make_supervisor_app

SIZES = [(60, 20), (80, 24)]
"""The small and standard terminals: the chooser's own 80% box was too narrow at both."""


def assert_usable(screen) -> None:
    """The filter shows its words on one line, the buttons theirs, and the folder list keeps
    room for several files."""
    from textual_fspicker.parts import DirectoryNavigation

    select = screen.query_one(Select)
    assert select.region.width >= len("Responses") + 6 and select.region.height == 3
    for button in screen.query(Button):
        assert button.region.height == 3 and button.region.width >= len(str(button.label)) + 2
    assert screen.query_one(DirectoryNavigation).region.height >= 8


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_the_response_chooser_fits(data_dir: Path, size: tuple[int, int]) -> None:
    """At 80x24 the filter was 9 columns wide, so "Responses" ran down the screen a letter a
    line and the folder list was left three rows; now each part has its room."""
    from textual_fspicker import FileOpen

    app = make_app(data_dir, None, straight_in=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, FileOpen), "the file chooser")
        await pilot.pause()
        assert_usable(app.screen)


async def test_the_share_chooser_fits(tmp_path: Path) -> None:
    """The supervisor's `i` opens the same chooser, laid out the same way at 80x24."""
    from textual_fspicker import FileOpen

    app = make_supervisor_app(tmp_path / "caseload", tmp_path / "supervisor")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        await wait_until(pilot, lambda: isinstance(app.screen, FileOpen), "the file chooser")
        await pilot.pause()
        assert_usable(app.screen)
