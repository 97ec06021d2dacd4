"""The mentor module is a rubric like any other: listed, and rated through `start --rubric`."""

from __future__ import annotations

from pathlib import Path

from helpers.plain_mode import checkins, plain

from selfcheck.cli import main
from selfcheck.store.rubrics import find_rubric

MENTOR = "alliance-mentor-module"


def test_the_mentor_module_is_listed_and_rated_like_any_rubric(data_dir: Path, capsys) -> None:
    """`rubric list` shows it and `start --rubric alliance-mentor-module` rates its four items."""
    assert main(["rubric", "list"]) == 0
    assert f"{MENTOR}  v1.0.0  4 items" in capsys.readouterr().out
    result = plain(data_dir, "3\n4\n0\n2\ny\n\n", "start", "--plain", "--rubric", MENTOR)
    assert result.returncode == 0, result.stderr
    [checkin] = checkins(data_dir)
    assert (checkin.rubric.id, checkin.rubric.version, checkin.complete) == (MENTOR, "1.0.0", True)
    mentor = find_rubric(MENTOR, None)
    assert [checkin.answer(item.id).rating for item in mentor.items] == [3, 4, None, 2]
    assert checkin.answer(mentor.items[2].id).not_assessable
    assert mentor.items[0].title in result.stdout
