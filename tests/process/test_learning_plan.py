"""The learning plan's life: open steps looked back on once, kept in the check-in, in trends."""

from __future__ import annotations

import json
from datetime import date

from helpers.paths import DATA
from helpers.plain_mode import plain

from selfcheck.cli import main
from selfcheck.formats.checkin import NextStep, StepReview
from selfcheck.store.checkin_files import checkin_bytes, load_checkin, load_data_dir, save_checkin
from selfcheck.supervision.plan import open_steps, plan_history
from selfcheck.tui.app import make_app
from selfcheck.tui.screens.practitioner.item import ItemScreen
from selfcheck.tui.screens.practitioner.plan_review import PlanReviewScreen

HOSTILE = DATA / "hostile" / "sessions"


def test_old_session_files_still_load_and_new_keys_stay_optional(tmp_path, make_checkin):
    """A version 1 file from before the additions loads; an empty review writes no key."""
    old = load_checkin(HOSTILE / "ok-example.toml")
    assert old.plan_review == [] and old.supervision.minutes is None
    assert b"plan_review" not in checkin_bytes(old) and b"minutes" not in checkin_bytes(old)
    checkin = make_checkin({})
    checkin.plan_review = [
        StepReview(text="Read", set_on=date(2026, 1, 5), status="let-go", reflection="no time")
    ]
    path = save_checkin(tmp_path, checkin)
    assert load_checkin(path).plan_review == checkin.plan_review


def test_working_steps_come_back_and_done_ones_do_not(make_checkin):
    """A step still worked on is asked about again next time; a done one is not."""
    first = make_checkin({}, day=0)
    first.next_steps = [NextStep(text="Read"), NextStep(text="Call")]
    second = make_checkin({}, day=14)
    second.plan_review = [
        step.reviewed("working" if step.text == "Read" else "done")
        for step in open_steps([first], {})
    ]
    second.next_steps = [NextStep(text="Write")]
    assert [s.text for s in open_steps([first, second], {})] == ["Write", "Read"]
    (read,) = [h for h in plan_history([first, second], {}) if h.text == "Read"]
    assert read.set_on == first.when.date() and read.status == "still working on it"


async def test_the_look_back_is_asked_once(data_dir, make_checkin, save):
    """Answered at the start of the check-in; resuming the draft does not ask again."""
    previous = make_checkin({}, day=0)
    previous.next_steps = [NextStep(text="Ask about pacing")]
    save(previous)
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, PlanReviewScreen)
        await pilot.press("g")  # let go
        assert isinstance(app.screen, ItemScreen)
    again = make_app(data_dir, None, straight_in=True)
    async with again.run_test(size=(80, 24)):
        assert isinstance(again.screen, ItemScreen)
        assert again.draft is not None
        assert [r.status for r in again.draft.checkin.plan_review] == ["let-go"]


def test_trends_json_carries_the_plan(data_dir, make_checkin, save, capsys):
    """`trends --format json`: each group has the learning plan with its history."""
    first = make_checkin({"integrity-honesty": 2}, day=0)
    first.next_steps = [NextStep(text="Ask about pacing")]
    save(first)
    second = make_checkin({"integrity-honesty": 3}, day=14)
    second.plan_review = [open_steps([first], {})[0].reviewed("done", "went well")]
    save(second)
    assert main(["trends", "--format", "json"]) == 0
    (group,) = json.loads(capsys.readouterr().out)["groups"]
    (step,) = group["learning_plan"]
    assert step["text"] == "Ask about pacing" and step["status"] == "done"
    assert step["reviews"] == [
        {"on": second.when.date().isoformat(), "status": "done", "reflection": "went well"}
    ]


def test_plain_mode_looks_back_once_too(data_dir, make_checkin, save):
    """`start --plain` asks about each open step first; the answers are in the new check-in."""
    previous = make_checkin({}, day=-7)
    previous.next_steps = [NextStep(text="Ask about pacing"), NextStep(text="Read a chapter")]
    save(previous)
    result = plain(data_dir, "x\n2\ntried twice\n\n4\nq\n")
    assert "Step 1 of 2, set on" in result.stdout and "Type 1, 2 or 3" in result.stdout
    drafts = [s for s in load_data_dir(data_dir).checkins if not s.complete]
    (draft,) = drafts
    assert [(r.text, r.status, r.reflection) for r in draft.plan_review] == [
        ("Ask about pacing", "working", "tried twice")
    ]
    assert draft.answer(rubric_first(draft)).rating == 4
    again = plain(data_dir, "q\n")
    assert "looking back" not in again.stdout


def rubric_first(checkin) -> str:
    """The first item of the shipped rubric."""
    from selfcheck.store.rubrics import find_rubric

    return find_rubric(checkin.rubric.id, None).items[0].id
