"""Pilot flows of the check-in app with the real keys, asserting the TOML saved on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.drafts import on_disk
from helpers.waiting import wait_until
from rich.console import Console
from textual.widgets import Static

from selfcheck.cli import main
from selfcheck.formats.checkin import NextStep
from selfcheck.formats.errors import LockedError
from selfcheck.store.checkin_files import checkins_dir, load_checkin
from selfcheck.store.config import load_config, save_config
from selfcheck.store.lock import DraftLock
from selfcheck.tui.app import SelfcheckApp, make_app
from selfcheck.tui.screens.common.confirm import ConfirmFinish
from selfcheck.tui.screens.practitioner.home import HomeScreen
from selfcheck.tui.screens.practitioner.item import ItemScreen
from selfcheck.tui.screens.practitioner.next_steps import NextStepsScreen
from selfcheck.tui.screens.practitioner.review import ReviewScreen
from selfcheck.tui.screens.practitioner.summary import SummaryScreen
from selfcheck.tui.widgets.note import NoteField


@pytest.fixture
def rubric(newest):
    """New check-ins rate the newest version: these flows use its items."""
    return newest


SIZE = (80, 24)


def plain_text(renderable: object) -> str:
    """What a Rich renderable shows, as plain text 80 columns wide."""
    console = Console(width=80, color_system=None)
    with console.capture() as captured:
        console.print(renderable)
    return captured.get()


def item_screen(app: SelfcheckApp) -> ItemScreen:
    """The current screen, which must be the item screen."""
    assert isinstance(app.screen, ItemScreen)
    return app.screen


async def test_full_checkin_saves_every_rating_and_finishes(data_dir: Path, rubric) -> None:
    """Rating all 17 items with 1-5 and n, then ctrl+s, y, ctrl+s, completes the file."""
    app = make_app(data_dir, None, straight_in=True)
    levels = [1 + index % 5 for index in range(len(rubric.items))]
    async with app.run_test(size=SIZE) as pilot:
        for level in levels:
            await pilot.press(str(level), "n")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ConfirmFinish)
        await pilot.press("y")
        assert isinstance(app.screen, NextStepsScreen)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
        path = app.draft.path if app.draft else None
    assert path is not None
    checkin = load_checkin(path)
    assert checkin.status == "complete" and checkin.finished is not None
    assert [checkin.answer(item.id).rating for item in rubric.items] == levels
    assert not path.with_suffix(".lock").exists()


async def test_navigation_back_and_forth(data_dir: Path, rubric) -> None:
    """n/right go forward, p/left go back, a rating stays on the item, review jumps to a row."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = item_screen(app)
        await pilot.press("4")
        assert screen.index == 0
        await pilot.press("n", "right", "right")
        assert screen.index == 3
        await pilot.press("p", "left", "left")
        assert screen.index == 0
        await pilot.press("left")
        assert screen.index == 0
        await pilot.press("r")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("down", "down", "enter")
        assert app.screen is screen and screen.index == 2
        await pilot.press("2")
        saved = on_disk(app)
    assert saved.answer(rubric.items[0].id).rating == 4
    assert saved.answer(rubric.items[2].id).rating == 2
    assert not saved.answer(rubric.items[1].id).answered


async def test_note_with_awkward_text_is_saved_literally(data_dir: Path, rubric) -> None:
    """Markup-like and escape-like text in a note is saved and shown exactly as typed."""
    app = make_app(data_dir, None, straight_in=True)
    typed = "[bold]x[/] \\e[31m 1n"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", *typed)
        note = app.screen.query_one(NoteField)
        assert note.has_focus and note.text == typed
        note.insert("\nsecond line: é 🙂 [link=x]y[/link]")
        await pilot.press("escape")
        assert not note.has_focus
        saved = on_disk(app)
        await pilot.press("r")
        table_text = str(app.screen.query_one("DataTable").get_row_at(0))
    expected = typed + "\nsecond line: é 🙂 [link=x]y[/link]"
    assert saved.answer(rubric.items[0].id).note == expected
    assert not saved.answer(rubric.items[0].id).answered
    assert "✎ note" in table_text


async def test_pasted_control_characters_are_made_visible(data_dir: Path, rubric) -> None:
    """An escape sequence pasted into a note never reaches the terminal raw."""
    from textual.events import Paste

    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        # As the terminal driver delivers it: to the app, which forwards it to the focus.
        app.post_message(Paste("red\x1b[31m"))
        await pilot.pause()
        await pilot.press("escape")
        saved = on_disk(app)
    assert saved.answer(rubric.items[0].id).note == "red\\x1b[31m"


async def test_note_saved_within_a_second_without_leaving(data_dir: Path, rubric) -> None:
    """A note reaches the file about a second after typing, even if the field keeps focus."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "h", "i")
        screen = item_screen(app)
        assert screen._note_timer is not None
        await pilot.wait_for_scheduled_animations()
        await pilot.pause(1.2)
        saved = on_disk(app)
    assert saved.answer(rubric.items[0].id).note == "hi"


async def test_not_assessable_and_discuss(data_dir: Path, rubric) -> None:
    """0 marks not yet assessable (clearing a rating), a level clears it; d toggles discuss."""
    first, second = rubric.items[0].id, rubric.items[1].id
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "0", "d")
        saved = on_disk(app)
        assert saved.answer(first).not_assessable and saved.answer(first).rating is None
        assert saved.answer(first).discuss
        await pilot.press("n", "0", "5", "d", "d")
        saved = on_disk(app)
    assert saved.answer(second).rating == 5 and not saved.answer(second).not_assessable
    assert not saved.answer(second).discuss
    assert saved.status == "draft"


async def test_resume_after_quit(data_dir: Path, rubric) -> None:
    """q keeps the draft; starting again resumes it at its first unanswered item."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "n", "3", "n", "e", "o", "k")
        await pilot.press("q")
    assert app.draft is not None
    path = app.draft.path
    assert not path.with_suffix(".lock").exists()
    saved = load_checkin(path)
    assert saved.answer(rubric.items[2].id).note == "okq"

    again = make_app(data_dir, None, straight_in=True)
    async with again.run_test(size=SIZE):
        assert again.draft is not None and again.draft.path == path
        assert item_screen(again).index == 2
        assert again.screen.query_one(NoteField).text == "okq"


async def test_ctrl_q_saves_note_being_typed(data_dir: Path, rubric) -> None:
    """Quitting while in the note keeps what was typed."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "a", "b", "ctrl+q")
    assert app.draft is not None
    assert load_checkin(app.draft.path).answer(rubric.items[0].id).note == "ab"


async def test_finish_with_unanswered_items(data_dir: Path, rubric) -> None:
    """The confirmation counts unanswered items; n goes back; y, a next step, ctrl+s finish."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n", "ctrl+s")
        assert isinstance(app.screen, ConfirmFinish)
        unanswered = f"{len(rubric.items) - 1} items are still unanswered"
        assert unanswered in str(app.screen.query_one(".dialog-text").render())
        await pilot.press("n")
        assert isinstance(app.screen, ItemScreen)
        assert on_disk(app).status == "draft"
        await pilot.press("ctrl+s", "enter")
        assert isinstance(app.screen, NextStepsScreen)
        await pilot.press(*"ask [b]Sam[/b]", "enter", *"read more")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
        assert app.draft is not None
        path = app.draft.path
    checkin = load_checkin(path)
    assert checkin.complete
    assert checkin.next_steps == [NextStep(text="ask [b]Sam[/b]"), NextStep(text="read more")]
    assert sum(answer.answered for answer in checkin.items.values()) == 1


@pytest.mark.parametrize("straight_in", [True, False])
async def test_summary_returns_home_with_the_new_count(data_dir: Path, straight_in: bool) -> None:
    """Enter on the summary shows home, counting the check-in just finished, however it opened."""
    app = make_app(data_dir, None, straight_in=straight_in)
    async with app.run_test(size=SIZE) as pilot:
        if not straight_in:
            await pilot.press("s")
        await pilot.press("4", "ctrl+s", "enter", "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen")
        assert [type(screen) for screen in app.screen_stack[1:]] == [HomeScreen]
        assert "1 past check-in," in str(app.screen.query_one("#history").render())
        assert not app.screen.query_one("#draft-notice").display


async def test_a_rating_key_never_answers_the_look_back(data_dir, rubric, save, make_checkin):
    """3 pressed at once (a rating) records no "let go": the look back waits for its letters."""
    from selfcheck.tui.screens.practitioner.plan_review import PlanReviewScreen

    previous = make_checkin({rubric.items[1].id: 2}, day=0)
    previous.next_steps = [NextStep(text="name cues", item=rubric.items[1].id)]
    save(previous)
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, PlanReviewScreen)
        await pilot.press("3", "1", "2")
        assert isinstance(app.screen, PlanReviewScreen)
        assert app.draft is not None and app.draft.checkin.plan_review == []
        await pilot.press("g")
        assert [r.status for r in app.draft.checkin.plan_review] == ["let-go"]


async def test_next_step_tied_to_an_item_is_shown_next_time(data_dir, rubric, save, make_checkin):
    """A step tied to an item appears on home and on that item at the next check-in."""
    previous = make_checkin({rubric.items[1].id: 2}, day=0)
    previous.next_steps = [NextStep(text="name [b]cues[/b]", item=rubric.items[1].id)]
    save(previous)
    app = make_app(data_dir, None, straight_in=False)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        steps_on_home = app.screen.query_one("#last-steps", Static)
        assert "name [b]cues[/b]" in plain_text(steps_on_home.content)
        await pilot.press("s", "w", "n")  # w: still working on it, asked once at the start
        steps = app.screen.query_one("#planned-steps")
        assert "your next step: name [b]cues[/b]" in str(steps.render())
        last_time = app.screen.query_one("#last-time")
        assert "last time: 2 (Exploring), 2026-01-05" in str(last_time.render())
        await pilot.press("l")
        assert "hidden" in str(last_time.render())
        await app.workers.wait_for_complete()
    assert load_config(data_dir).show_last_time is False


async def test_details_saved_with_the_draft(data_dir: Path) -> None:
    """m opens the details; supervisor and meeting date are saved into the draft."""
    save_config(data_dir, load_config(data_dir).model_copy(update={"supervisor": "Dr. Lee"}))
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "tab", *"2026-02-03", "enter")
        assert isinstance(app.screen, ItemScreen)
        saved = on_disk(app)
    assert saved.supervision.supervisor == "Dr. Lee"
    assert saved.supervision.meeting is not None
    assert saved.supervision.meeting.isoformat() == "2026-02-03"


async def test_home_counts_checkins_and_notices_draft(data_dir, save, make_checkin, rubric):
    """Home shows the number and date of past check-ins and a draft in progress."""
    save(make_checkin({rubric.items[0].id: 3}, day=0))
    save(make_checkin({rubric.items[0].id: 4}, day=7))
    save(make_checkin({rubric.items[0].id: 5}, day=14, complete=False))
    app = make_app(data_dir, None, straight_in=False)
    async with app.run_test(size=SIZE) as pilot:
        assert "2 past check-ins, the last on 2026-01-12" in str(
            app.screen.query_one("#history").render()
        )
        answered = f"1 of {len(rubric.items)} items answered"
        assert answered in str(app.screen.query_one("#draft-notice").render())
        await pilot.press("s")
        assert item_screen(app).index == 1


def test_locked_draft_is_refused_by_start(data_dir, save, make_checkin, capsys) -> None:
    """A second `selfcheck start` on a draft open elsewhere exits 2 with one clear line."""
    draft = make_checkin({}, day=1, complete=False)
    path = save(draft)
    with DraftLock(path):
        with pytest.raises(LockedError):
            make_app(data_dir, None, straight_in=True)
        assert main(["start", "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "open in another selfcheck" in err


async def test_locked_draft_is_refused_from_home(data_dir, save, make_checkin) -> None:
    """From home, a draft open elsewhere is refused with a notice and home stays."""
    path = save(make_checkin({}, day=1, complete=False))
    app = make_app(data_dir, None, straight_in=False)
    with DraftLock(path):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("s")
            assert isinstance(app.screen, HomeScreen)
            assert any("another selfcheck" in str(n.message) for n in app._notifications)
    assert load_checkin(path).status == "draft"


async def test_help_lists_keys(data_dir: Path) -> None:
    """? opens the help from the item screen; escape closes it."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        assert isinstance(app.screen, ItemScreen)


async def test_no_color_is_respected(data_dir: Path, monkeypatch) -> None:
    """With NO_COLOR set the app draws without colour."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(data_dir, None, straight_in=False)
    async with app.run_test(size=SIZE):
        assert app.no_color


async def test_a_stalled_disk_never_freezes_the_screen(data_dir: Path, rubric, monkeypatch) -> None:
    """While a write hangs, keys still rate and move; the newest state lands once it resumes."""
    import threading

    from selfcheck.store import vault as writer

    draft_stalled, disk_free = threading.Event(), threading.Event()
    real_write = writer.write_atomic
    drafts = checkins_dir(data_dir)

    def stalled_write(path: Path, data: bytes) -> None:
        if path.parent == drafts:  # only the draft's disk stalls; the config is written at once
            draft_stalled.set()
            disk_free.wait()
        real_write(path, data)

    monkeypatch.setattr(writer, "write_atomic", stalled_write)
    app = make_app(data_dir, None, straight_in=True)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = item_screen(app)
            await pilot.press("3")
            await wait_until(pilot, draft_stalled.is_set, "the draft's first write to stall")
            await pilot.press("n", "5", "n", "0")
            assert screen.index == 2
            assert app.draft is not None and not app.draft.path.exists()
            disk_free.set()
            checkin = on_disk(app)
    finally:
        disk_free.set()  # a failing test never leaves the writer thread waiting
    first, second, third = (item.id for item in rubric.items[:3])
    assert checkin.answer(first).rating == 3
    assert checkin.answer(second).rating == 5
    assert checkin.answer(third).not_assessable
