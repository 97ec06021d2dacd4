"""Snapshots of the check-in app's screens, cursors frozen: small, standard and wide terminals."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.samples import KEY

from selfcheck.checkin.lifecycle import finish
from selfcheck.formats.checkin import NextStep
from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.store.config import load_config, save_config
from selfcheck.tui.app import SelfcheckApp, make_app
from selfcheck.tui.screens.practitioner.packet import PacketDialog
from selfcheck.tui.screens.practitioner.share import ShareDialog
from selfcheck.tui.screens.practitioner.summary import SummaryScreen

SIZE = (80, 24)
SIZES = [(60, 20), (80, 24), (200, 60)]
"""A small terminal, the standard one, and a wide one."""
size_ids = [f"{width}x{height}" for width, height in SIZES]


@pytest.fixture
def stored(data_dir: Path, rubric, make_checkin, save):
    """A practitioner with two complete check-ins and a draft of a third."""
    save_config(data_dir, load_config(data_dir).model_copy(update={"name": "Robin [b]Example[/b]"}))
    items = [item.id for item in rubric.items]
    first = make_checkin({item: 2 for item in items[:8]}, day=0)
    save(first)
    second = make_checkin(
        {item: 3 for item in items[:10]} | {items[10]: 0}, day=14, discuss=(items[2],)
    )
    second.next_steps = [
        NextStep(text="Notice cues [bold]before[/] advice", item=items[1]),
        NextStep(text="Read about repair after rupture"),
    ]
    save(second)
    save(
        make_checkin(
            {items[0]: 4},
            day=28,
            complete=False,
            notes={items[1]: "Hard week; [red]not[/red] sure"},
            discuss=(items[1],),
        )
    )
    return first, second


def frozen(data_dir: Path, *, straight_in: bool) -> SelfcheckApp:
    """The app with text cursors that do not blink."""
    app = make_app(data_dir, None, straight_in=straight_in)
    app.cursor_blink = False
    return app


@pytest.mark.parametrize("size", SIZES, ids=size_ids)
def test_home_screen(snap_compare, data_dir, stored, size) -> None:
    """Home: rubric, name literal, check-ins, draft notice, last steps, every job with its key."""
    assert snap_compare(frozen(data_dir, straight_in=False), terminal_size=size)


async def until_dialog(pilot, kind: type[object]) -> None:
    """Wait until a dialog of `kind` is on top, failing with the screen shown instead."""
    for _ in range(600):
        if isinstance(pilot.app.screen, kind):
            await pilot.pause()
            return
        await pilot.pause(0.05)
    raise AssertionError(f"waited for {kind.__name__}; {type(pilot.app.screen).__name__} shown")


@pytest.mark.parametrize("size", SIZES, ids=size_ids)
def test_packet_dialog(snap_compare, data_dir, stored, size) -> None:
    """The packet: PDF or web page, which notes, the folder; Write focused."""

    async def open_packet(pilot) -> None:
        await pilot.press("p")
        await until_dialog(pilot, PacketDialog)

    app = frozen(data_dir, straight_in=False)
    assert snap_compare(app, run_before=open_packet, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=size_ids)
def test_share_dialog(snap_compare, data_dir, stored, size) -> None:
    """Sharing: what is and is not shared, the folder, the supervisor's key."""

    async def open_share(pilot) -> None:
        await pilot.press("h")
        await until_dialog(pilot, ShareDialog)

    config = load_config(data_dir)
    save_config(data_dir, config.model_copy(update={"practitioner_key": KEY}))
    app = frozen(data_dir, straight_in=False)
    assert snap_compare(app, run_before=open_share, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=size_ids)
def test_focus_picker(snap_compare, data_dir, rubric, make_checkin, save, size) -> None:
    """The focus picker: the count and its keys in view, chosen items marked by a tick."""
    save(make_checkin({item.id: 2 + n % 3 for n, item in enumerate(rubric.items)}))
    app = frozen(data_dir, straight_in=False)
    assert snap_compare(app, press=["f"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=size_ids)
def test_item_screen(snap_compare, data_dir, stored, size) -> None:
    """Item 2 resumed: anchors, marker on nothing yet, discuss mark, last time, step, note."""
    assert snap_compare(frozen(data_dir, straight_in=True), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=size_ids)
def test_item_screen_in_the_note(snap_compare, data_dir, stored, size) -> None:
    """In the note of an item whose value name is longest: the note box and its hint in view."""
    keys = [*"nnnnn", "e"]
    assert snap_compare(frozen(data_dir, straight_in=True), press=keys, terminal_size=size)


def test_item_screen_rated(snap_compare, data_dir, stored) -> None:
    """A chosen level is marked with a filled dot, not by colour alone."""
    assert snap_compare(frozen(data_dir, straight_in=True), press=["3"], terminal_size=SIZE)


@pytest.mark.parametrize("size", SIZES, ids=size_ids)
def test_review_screen(snap_compare, data_dir, stored, size) -> None:
    """Review: every item with rating, note and discuss markers; unanswered ones stand out."""
    assert snap_compare(frozen(data_dir, straight_in=True), press=["r"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES[:2], ids=size_ids[:2])
def test_review_screen_newest_rubric(snap_compare, data_dir, size) -> None:
    """Review of a new check-in: the rubric's long not-assessable words wrap, all columns show."""
    keys = ["0", "d", "e", *"why", "escape", "r"]
    assert snap_compare(frozen(data_dir, straight_in=True), press=keys, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=size_ids)
def test_next_steps_screen(snap_compare, data_dir, stored, size) -> None:
    """Next steps: finished and saved, how to add, leave, remove; a step highlighted."""
    app = frozen(data_dir, straight_in=True)
    keys = ["ctrl+s", "y", *"call Sam", "enter", "escape", "delete"]
    assert snap_compare(app, press=keys, terminal_size=size)


def test_help_screen(snap_compare, data_dir, stored) -> None:
    """Help: the key contract."""
    app = frozen(data_dir, straight_in=True)
    assert snap_compare(app, press=["question_mark"], terminal_size=SIZE)


@pytest.mark.parametrize("size", SIZES, ids=size_ids)
def test_summary_screen(snap_compare, data_dir, stored, rubric, make_checkin, size) -> None:
    """Summary: each value against last time, items to discuss, next steps, where it is saved."""
    _, second = stored
    items = [item.id for item in rubric.items]
    ratings = {item: 4 for item in items[:6]} | {item: 2 for item in items[6:10]}
    latest = make_checkin(ratings, day=28, discuss=(items[3], items[12]))
    latest.next_steps = [
        NextStep(text="Ask [i]Sam[/i] about boundaries", item=items[12]),
        NextStep(text="Read about repair after rupture with a family, and bring one example"),
    ]
    latest = finish(latest, at=latest.started)
    path = Path.home() / "selfcheck" / "sessions" / "20260202T140000Z-abcdef.toml"

    async def show_summary(pilot) -> None:
        await pilot.app.push_screen(SummaryScreen(RubricVersions.of(rubric), latest, second, path))

    app = frozen(data_dir, straight_in=False)
    assert snap_compare(app, run_before=show_summary, terminal_size=size)


def test_growth_screen(snap_compare, data_dir, stored) -> None:
    """Growth from home: each value's sparkline, latest mean, change, and what moved most."""
    app = frozen(data_dir, straight_in=False)
    assert snap_compare(app, press=["g"], terminal_size=SIZE)
