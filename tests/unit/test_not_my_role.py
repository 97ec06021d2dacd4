"""The answer "not my role": its place in the check-in file, and apart from "not yet" in growth."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from selfcheck.checkin.lifecycle import rubric_ref, set_not_my_role
from selfcheck.cli import main
from selfcheck.formats.checkin import ItemAnswer
from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.formats.wording import answer_mark, answer_words
from selfcheck.growth.analysis import growth
from selfcheck.growth.trends import trends_table
from selfcheck.packet.content import HEATMAP_NOTE, heatmap_rows
from selfcheck.store.checkin_files import checkin_bytes, load_checkin, save_checkin


@pytest.fixture
def two_answers(make_checkin, newest):
    """A 2.1.0 check-in: first item 'not yet', second 'not my role', third rated 4, fourth 2."""
    ids = [item.id for item in newest.items[:4]]
    checkin = make_checkin({ids[0]: 0, ids[2]: 4, ids[3]: 2}, rubric_ref=rubric_ref(newest))
    set_not_my_role(checkin, ids[1])
    return checkin, ids


def test_one_answer_per_item() -> None:
    """A rating, "not yet" and "not my role" exclude each other."""
    for pair in ({"rating": 3}, {"not_assessable": True}):
        with pytest.raises(ValidationError, match="an item has one answer"):
            ItemAnswer.model_validate({"not_my_role": True} | pair)
    assert ItemAnswer(not_my_role=True).answered


def test_written_as_version_2_and_read_back(tmp_path: Path, two_answers) -> None:
    """The file says format_version 2 and `not_my_role = true` only where it is true."""
    checkin, ids = two_answers
    text = checkin_bytes(checkin).decode()
    assert "\nformat_version = 2\n" in text
    assert text.count("not_my_role") == 1
    assert f"[items.{ids[1]}]\nnot_assessable = false\nnot_my_role = true\n" in text
    again = load_checkin(save_checkin(tmp_path, checkin))
    assert again.answer(ids[1]).not_my_role and not again.answer(ids[0]).not_my_role


def test_version_1_files_read_and_cannot_claim_the_answer(tmp_path: Path, two_answers) -> None:
    """A version 1 file loads as before; one with `not_my_role` is refused in one line."""
    checkin, ids = two_answers
    old = checkin_bytes(checkin).decode().replace("format_version = 2", "format_version = 1")
    path = tmp_path / "old.toml"
    path.write_text(old.replace("not_my_role = true\n", ""))
    assert not load_checkin(path).answer(ids[1]).answered
    path.write_text(old)
    with pytest.raises(SelfcheckError, match=r"old\.toml.*not_my_role: needs format_version 2"):
        load_checkin(path)


def test_words_and_marks_name_the_right_answer(newest, two_answers) -> None:
    """The review, `show` and the packet's cells say "Not yet" and "Not my role" apart."""
    checkin, ids = two_answers
    assert answer_words(newest, checkin.answer(ids[0])) == newest.not_assessable.label
    assert answer_words(newest, checkin.answer(ids[1])) == "Not my role"
    assert [answer_mark(checkin.answer(i)) for i in ids] == ["n/a", "role", "4", "2"]


def test_neither_counts_in_a_mean_and_both_are_kept_apart(newest, two_answers) -> None:
    """Growth's overall mean is of the two levels only; items, trends and tables tell them apart."""
    checkin, ids = two_answers
    result = growth([checkin], RubricVersions.of(newest))
    assert result.overall.points == (3.0,)
    assert result.overall_rated == (2,)
    by_id = {item.item_id: item for item in result.items}
    assert by_id[ids[0]].not_assessable == (True,) and by_id[ids[0]].not_my_role == (False,)
    assert by_id[ids[1]].not_my_role == (True,) and by_id[ids[1]].not_assessable == (False,)
    rows = {row[0]: row[1] for row in heatmap_rows(result, [0])}
    titles = {item.id: item.title for item in newest.items}
    assert rows[titles[ids[0]]] == "n/a" and rows[titles[ids[1]]] == "role"
    assert "role: not my role" in HEATMAP_NOTE
    assert "'Not my role'" in trends_table(result, "Robin")


def test_show_names_both_answers(data_dir: Path, two_answers, capsys) -> None:
    """`selfcheck show latest` writes "Not yet" and "Not my role" beside their items."""
    checkin, _ = two_answers
    save_checkin(data_dir, checkin)
    assert main(["show", "latest"]) == 0
    out = capsys.readouterr().out
    assert "Not my role" in out and out.count("Not my role") == 1
    assert "Not yet" in out
