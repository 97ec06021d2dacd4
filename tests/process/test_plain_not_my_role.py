"""Plain mode offers "not my role" with x, saves it, and lists it first where it was last time."""

from __future__ import annotations

from pathlib import Path

from helpers.plain_mode import checkins, plain

from selfcheck.checkin.lifecycle import rubric_ref, set_not_my_role


def level_lines(out: str, title: str) -> list[str]:
    """The answer lines printed under the first showing of the item with this title."""
    after = out.split(f"\n{title}.\n", 1)[1].split("Levels:\n", 1)[1]
    return [line for line in after.splitlines() if line.startswith("  ")][:7]


def test_x_saves_not_my_role_and_it_comes_first_next_time(
    data_dir: Path, newest, make_checkin, save
) -> None:
    """x answers "not my role"; an item so answered last time lists it first, others last."""
    first, second = newest.items[0], newest.items[1]
    before = make_checkin({}, day=-7, rubric_ref=rubric_ref(newest))
    set_not_my_role(before, second.id)
    save(before)
    result = plain(data_dir, "x\n\nq\n")
    out = result.stdout
    assert "Saved: Not my role." in out
    assert level_lines(out, first.title)[-1] == "  x Not my role"
    assert level_lines(out, first.title)[-2].startswith("  0 Not yet")
    assert level_lines(out, second.title)[0] == "  x Not my role"
    assert "Last time: not my role, 2025-12-29." in out
    [draft] = [c for c in checkins(data_dir) if not c.complete]
    assert draft.answer(first.id).not_my_role and draft.answer(first.id).rating is None
    assert draft.format_version == 2


def test_help_names_both_answers(data_dir: Path) -> None:
    """? lists 0 as "not yet" and x as "not my role"."""
    out = plain(data_dir, "?\nq\n").stdout
    assert "  0: not yet (not a score: no chance to judge it since last time)" in out
    assert "  x: not my role (not a score" in out
