"""Snapshots of the supervisor's side at 80x24: the caseload, a practitioner, the response."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from selfcheck.formats.checkin import NextStep
from selfcheck.store.config import Config
from selfcheck.supervision.files import save_share
from selfcheck.supervision.share import build_share
from selfcheck.tui.screens.supervisor.supervisee import SuperviseeScreen
from selfcheck.tui.supervisor_app import SupervisorApp, make_supervisor_app

SIZE = (80, 24)
TODAY = date(2026, 4, 1)
PEOPLE = (
    ("Robin [b]Example[/b]", "0123456789abcdef", 5),
    ("Alex Other", "1111222233334444", 2),
    ("Kim Third", "5555666677778888", 1),
)


@pytest.fixture
def caseload(rubric, make_checkin) -> Path:
    """Three practitioners' shares with a few check-ins each, on fixed dates, under home."""
    folder = Path.home() / "caseload"
    items = [item.id for item in rubric.items]
    for name, key, count in PEOPLE:
        checkins = []
        for n in range(count):
            checkin = make_checkin(
                {item: 1 + (n + i) % 5 for i, item in enumerate(items)},
                day=14 * n + len(name),
                name=name,
                key=key,
                notes={items[0]: "Hard visit; [red]not[/red] sure"},
                discuss=(items[0], items[4]),
            )
            checkin.next_steps = [NextStep(text="Slow down before advice", item=items[0])]
            checkins.append(checkin)
        config = Config(name=name, practitioner_key=key)
        save_share(
            folder / f"{key}.toml",
            build_share(checkins, config, "discuss", datetime(2026, 3, 1, tzinfo=UTC)),
        )
    return folder


def frozen(folder: Path, data_dir: Path) -> SupervisorApp:
    """The supervisor's app on a fixed day, cursors not blinking."""
    app = make_supervisor_app(folder, data_dir, today=TODAY)
    app.cursor_blink = False
    return app


async def open_robin(pilot) -> None:
    """Open the third practitioner and wait until their screen has drawn."""
    await pilot.press("down", "down", "enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SuperviseeScreen)


def test_caseload_screen(snap_compare, caseload, data_dir) -> None:
    """Caseload: a row per practitioner, names literal, days since, discuss count, sparkline."""
    assert snap_compare(frozen(caseload, data_dir), terminal_size=SIZE)


def test_practitioner_screen(snap_compare, caseload, data_dir) -> None:
    """A practitioner: growth per value, what they marked to discuss with the shared note."""
    assert snap_compare(frozen(caseload, data_dir), run_before=open_robin, terminal_size=SIZE)


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (200, 60)], ids=["60x20", "80x24", "200x60"])
def test_response_screen(snap_compare, caseload, data_dir, size) -> None:
    """The response: their level beside the supervisor's, A Agree all named in the footer."""

    async def respond(pilot) -> None:
        await open_robin(pilot)
        await pilot.press("r", "4", "down", "0")

    assert snap_compare(frozen(caseload, data_dir), run_before=respond, terminal_size=size)
