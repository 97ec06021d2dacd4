"""The shipped rubric covers the Code, and `rubric check` finds every problem in a bad one."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest
from helpers.paths import DATA

from selfcheck.cli import main
from selfcheck.store.rubrics import (
    check_rubric,
    find_rubric,
    list_rubrics,
    load_rubric,
    shipped_rubrics_dir,
)

SHIPPED = shipped_rubrics_dir() / "alliance-code-of-ethics-1.0.0.toml"
SHA256_1_0_0 = "75963a068775b5fce3018714157fd4dfc93d37d54a4b269dfe945e404180084b"
"""Old check-ins name version 1.0.0 by this hash: its file must never change by a byte."""
COMMITMENTS = {
    "relationships": 4,
    "diversity": 2,
    "justice": 3,
    "integrity": 1,
    "confidentiality": 1,
    "knowledge": 1,
    "reflection": 1,
}


def test_every_commitment_of_the_code_has_an_item(rubric):
    covered = Counter((value.id, item.commitment) for value, item in rubric.iter_items())
    expected = {(v, c) for v, n in COMMITMENTS.items() for c in range(1, n + 1)}
    assert set(covered) == expected
    assert sum(COMMITMENTS.values()) == 13


def test_items_have_all_parts_and_anchors_for_every_level(rubric):
    assert [step.level for step in rubric.scale] == [1, 2, 3, 4, 5]
    for item in rubric.items:
        assert set(item.anchors) == {1, 2, 3, 4, 5}
        assert item.prompt.endswith("?")
        assert len({*item.anchors.values()}) == 5


def eight_word_runs(text: str) -> set[str]:
    """The digest of every run of 8 words in `text`, as in tests/data/code-eight-word-runs.txt."""
    words = text.lower().split()
    return {
        hashlib.sha256(" ".join(words[i : i + 8]).encode()).hexdigest()[:16]
        for i in range(len(words) - 7)
    }


@pytest.mark.parametrize("path", sorted(shipped_rubrics_dir().glob("*.toml")), ids=lambda p: p.name)
def test_items_are_in_our_own_words(path: Path):
    """No sentence-length run of the Code is copied into any shipped rubric."""
    lines = (DATA / "code-eight-word-runs.txt").read_text().splitlines()
    code = {line for line in lines if not line.startswith("#")}
    rubric = load_rubric(path)
    prose = [rubric.description, *(v.summary for v in rubric.values)]
    prose += [step.description for step in rubric.scale]
    for item in rubric.items:
        prose += [item.title, item.statement, item.prompt, *item.anchors.values()]
    assert code & eight_word_runs(" ".join(prose)) == set()


def test_shipped_rubric_is_valid_and_hashed():
    assert check_rubric(SHIPPED) == []
    assert hashlib.sha256(SHIPPED.read_bytes()).hexdigest() == SHA256_1_0_0
    assert find_rubric("alliance-code-of-ethics@1.0.0", None).sha256 == SHA256_1_0_0
    assert main(["rubric", "check", str(SHIPPED)]) == 0


BAD_RUBRIC = """
format = "selfcheck-rubric"
format_version = 1
id = "bad"
title = "Bad"
version = "1"
source = "tests"
colour = "blue"
[[scale]]
level = 1
label = "One"
description = "one"
[[values]]
id = "v"
name = "V"
[[values.items]]
id = "a"
commitment = 1
title = "A"
statement = "s"
prompt = "p"
anchors = { 1 = "x", 3 = "y", 7 = "z" }
[[values.items]]
id = "a"
commitment = "two"
title = "A again"
statement = "s"
prompt = "p"
anchors = { 1 = "x" }
"""


def test_check_lists_every_problem_with_its_location(tmp_path, capsys):
    path = tmp_path / "bad.toml"
    path.write_text(BAD_RUBRIC)
    assert main(["rubric", "check", str(path)]) == 2
    out = capsys.readouterr().out
    for expected in (
        "colour: unknown key",
        "values.0.items.0.anchors.7.[key]: Input should be less than or equal to 5",
        "values.0.items.1.commitment: Input should be a valid integer",
        "values.0.items.1.anchors: anchors for levels 3, 5 are missing",
    ):
        assert f"{path}: {expected}" in out
    assert "problem(s) found" in out


def test_check_reports_duplicates_and_short_scale(tmp_path):
    (tmp_path / "bad.toml").write_text(BAD_RUBRIC)
    text = SHIPPED.read_text()
    text = text.replace('id = "integrity-reliability"', 'id = "integrity-honesty"')
    path = tmp_path / "dup.toml"
    path.write_text(text)
    assert check_rubric(path) == [f"{path}: values: duplicate item id: integrity-honesty"]
    assert f"{tmp_path / 'bad.toml'}: scale: must list levels 1 to 5 in order, found [1]" in (
        check_rubric(tmp_path / "bad.toml")
    )


def test_users_own_rubric_is_found_by_id(tmp_path, capsys):
    own = tmp_path / "rubrics"
    own.mkdir()
    text = SHIPPED.read_text().replace('id = "alliance-code-of-ethics"', 'id = "our-program"')
    (own / "our-program.toml").write_text(text)
    entries, problems = list_rubrics(tmp_path)
    assert problems == []
    assert {e.rubric.id: e.origin for e in entries} == {
        "alliance-code-of-ethics": "shipped",
        "our-program": "yours",
    }
    assert main(["rubric", "show", "our-program", "--data-dir", str(tmp_path)]) == 0
    assert "Growth scale:" in capsys.readouterr().out


def test_unknown_rubric_id_is_one_clear_line(capsys):
    assert main(["rubric", "show", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no rubric with id 'nope'" in err
