"""`start --focus --plain`: the focus check-in's items chosen as lines, then only those asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.plain_mode import checkins, plain

from selfcheck.formats.checkin import FOCUS_MAX


@pytest.fixture
def rubric(newest):
    """New check-ins rate the newest version: these flows use its items."""
    return newest


FOCUS = ("start", "--focus", "--plain")


def test_enter_takes_the_suggested_items(data_dir: Path, rubric, make_checkin, save) -> None:
    """An item marked to discuss last time is suggested; enter starts on the suggestions."""
    items = rubric.items
    marked = items[7].id
    save(make_checkin({item.id: 3 for item in items}, day=-14, discuss=(marked,)))
    script = "\n" + "4\n" * FOCUS_MAX + "y\n\n"
    result = plain(data_dir, script, *FOCUS)
    assert result.returncode == 0, result.stderr
    assert f"8. {items[7].title} (suggested)" in result.stdout
    [said] = [line for line in result.stdout.splitlines() if line.startswith("Suggested: ")]
    assert "8" in said.removeprefix("Suggested: ").rstrip(".").split(", ")
    focus = [s for s in checkins(data_dir) if s.scope == "focus"]
    assert len(focus) == 1 and focus[0].complete
    assert focus[0].focus[0] == marked and len(focus[0].focus) == FOCUS_MAX
    assert all(focus[0].answer(item).rating == 4 for item in focus[0].focus)
    assert f"{FOCUS_MAX} items, one at a time" in result.stdout


def test_numbers_typed_choose_the_items(data_dir: Path, rubric) -> None:
    """`5, 2` asks items 2 and 5 only, in rubric order, and the file says so."""
    items = rubric.items
    result = plain(data_dir, "5, 2\n3\n4\ny\n\n", *FOCUS)
    assert result.returncode == 0, result.stderr
    [done] = checkins(data_dir)
    assert (done.scope, done.focus) == ("focus", [items[1].id, items[4].id])
    assert (done.answer(items[1].id).rating, done.answer(items[4].id).rating) == (3, 4)
    assert "2 items, one at a time" in result.stdout


def test_wrong_choices_are_said_and_q_starts_nothing(data_dir: Path, rubric) -> None:
    """A number out of range, a word, too many: each said in a line; q leaves no file."""
    count = len(rubric.items)
    too_many = " ".join(str(n) for n in range(1, FOCUS_MAX + 2))
    result = plain(data_dir, f"{count + 1}\nthree\n{too_many}\nq\n", *FOCUS)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(f"Type item numbers from 1 to {count}") == 2
    assert f"Choose at most {FOCUS_MAX} items (now {FOCUS_MAX + 1})." in result.stdout
    assert "No check-in was started." in result.stdout
    assert checkins(data_dir) == []


def test_a_draft_is_resumed_instead(data_dir: Path, rubric, make_checkin, save) -> None:
    """With a draft open, --focus resumes it and says why, as the app does."""
    save(make_checkin({rubric.items[0].id: 2}, complete=False))
    result = plain(data_dir, "q\n", *FOCUS)
    assert result.returncode == 0, result.stderr
    assert "You have a draft open: it is resumed" in result.stdout
    assert "(suggested)" not in result.stdout
    [draft] = checkins(data_dir)
    assert draft.scope == "full" and not draft.complete
