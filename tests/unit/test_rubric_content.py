"""Rubric 2.1.0 and the mentor module: plain words, floors apart from levels, one progression."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers.code_text import COMMITMENTS, copied_runs

from selfcheck.cli import main
from selfcheck.formats.rubric import Rubric
from selfcheck.store.rubrics import (
    DEFAULT_RUBRIC_ID,
    check_rubric,
    find_rubric,
    rubric_versions,
    shipped_rubrics_dir,
)

NEWEST = f"{DEFAULT_RUBRIC_ID}@2.1.0"
MENTOR = "alliance-mentor-module"
MAX_GRADE = 9.0
"""Flesch-Kincaid grade over statements, prompts and anchors."""
MAX_ITEM_WORDS = 2400
"""Titles, statements, prompts and anchors of a full pass."""
MAX_ANCHOR_WORDS = 14
MAX_MEAN_ANCHOR_WORDS = 12.5
"""Anchors of about 12 words pay for the new items."""


@pytest.fixture(scope="module")
def v21() -> Rubric:
    return find_rubric(NEWEST, None)


@pytest.fixture(scope="module")
def v20() -> Rubric:
    return find_rubric(f"{DEFAULT_RUBRIC_ID}@2.0.0", None)


def syllables(word: str) -> int:
    """Syllables of an English word, estimated from its vowel groups (at least one)."""
    word = re.sub(r"[^a-z]", "", word.lower())
    count = len(re.findall(r"[aeiouy]+", word))
    if count > 1 and word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        count -= 1  # a silent final e: "race", "share"
    if count > 1 and word.endswith("ed") and not word.endswith(("ted", "ded")):
        count -= 1  # "-ed" said without a vowel: "shared", "asked"
    return max(count, 1)


def reading_grade(texts: list[str]) -> float:
    """The Flesch-Kincaid grade of these texts, each at least one sentence."""
    sentences = sum(max(1, len(re.findall(r"[.!?]+(?:\s|$)", text))) for text in texts)
    words = [word for text in texts for word in re.findall(r"[A-Za-z'-]+", text)]
    per_sentence = len(words) / sentences
    per_word = sum(syllables(word) for word in words) / len(words)
    return 0.39 * per_sentence + 11.8 * per_word - 15.59


def item_words(rubric: Rubric) -> int:
    """Words a full pass reads: every item's title, statement, prompt and anchors."""
    parts = [[i.title, i.statement, i.prompt, *i.anchors.values()] for i in rubric.items]
    return sum(len(text.split()) for texts in parts for text in texts)


@pytest.mark.parametrize("ref", [NEWEST, MENTOR])
def test_plain_words_a_short_pass_and_nothing_copied(ref: str) -> None:
    """Grade, words and copied runs are printed (pytest -s) and meet the limits."""
    rubric = find_rubric(ref, None)
    grade = reading_grade(
        [t for i in rubric.items for t in (i.statement, i.prompt, *i.anchors.values())]
    )
    anchors = [len(anchor.split()) for item in rubric.items for anchor in item.anchors.values()]
    mean = sum(anchors) / len(anchors)
    copied = copied_runs(rubric)
    print(
        f"\n{ref}: {len(rubric.items)} items, {item_words(rubric)} words of item text, "
        f"Flesch-Kincaid grade {grade:.1f}, anchors {mean:.1f} words on average "
        f"(longest {max(anchors)}), {len(copied)} runs of 8 words copied from the Code"
    )
    assert grade <= MAX_GRADE
    assert item_words(rubric) <= MAX_ITEM_WORDS
    assert max(anchors) <= MAX_ANCHOR_WORDS and mean <= MAX_MEAN_ANCHOR_WORDS
    assert copied == set()


FLOOR_PHRASES = {
    "confidentiality-consent-and-sharing": (
        "consent",
        "only what is needed",
        "shared spaces",
        "keep private matters",
        "limits of privacy",
        "bring to supervision",
    ),
    "integrity-boundaries": ("role clear", "dual relationships", "supervision"),
    "justice-equal-respect": ("less time",),
    "confidentiality-reporting-judgement": ("on time", "agency's steps", "law requires"),
    "confidentiality-records-technology": ("accurate", "on time", "rules for devices"),
    "integrity-honest-with-care": ("always honest",),
    "integrity-ethical-decisions": ("within my role", "license"),
}
"""Each floor's own phrases: the statement says them with "always" or "never", no level does."""


@pytest.mark.parametrize("item_id", sorted(FLOOR_PHRASES))
def test_a_floor_is_in_the_statement_and_never_a_level(v21: Rubric, item_id: str) -> None:
    item = v21.item(item_id)
    assert item is not None
    assert re.search(r"\b(always|never)\b", item.statement), item.statement
    statement = item.statement.lower()
    assert all(phrase in statement for phrase in FLOOR_PHRASES[item_id])
    levels = " ".join(item.anchors.values()).lower()
    assert [phrase for phrase in FLOOR_PHRASES[item_id] if phrase in levels] == []


def test_the_guidance_says_the_floor_lapse_time_frame_and_calibration(v21: Rubric) -> None:
    guidance = v21.guidance
    for words in (
        "since my last check-in",
        "Level 3 is solid, expected practice; 4 is strong; 5 is uncommon",
        "needs an example from this period",
        "is the floor, not a level",
        "If I fell below a floor, I rate the item as usual, mark it to discuss, and bring it to",
        "the families my decisions affect",
        '"Not my role"',
        '"Not yet"',
    ):
        assert words in guidance


OTHER_TIME_FRAMES = ("each year", "every year", "over the years", "over time", "lately", "recently")
INNER_STATES = ("I notice", "I see", "I know", "I wonder", "I think", "I feel", "I am ", "My ")
"""Openings of an anchor that describe only an inner state, not something I did."""


@pytest.mark.parametrize("ref", [NEWEST, MENTOR])
def test_each_item_is_one_progression_in_one_time_frame(ref: str) -> None:
    """Five distinct levels; 4 and 5 say what I did; no anchor or prompt has its own period."""
    rubric = find_rubric(ref, None)
    for item in rubric.items:
        assert sorted(item.anchors) == [1, 2, 3, 4, 5] and len({*item.anchors.values()}) == 5
        assert item.prompt.endswith("?")
        for level in (4, 5):
            assert not item.anchors[level].startswith(INNER_STATES), (item.id, level)
        texts = " ".join([item.statement, item.prompt, *item.anchors.values()]).lower()
        assert [frame for frame in OTHER_TIME_FRAMES if frame in texts] == [], item.id


@pytest.mark.parametrize("version", ["1.0.0", "2.0.0", "2.1.0"])
def test_every_commitment_of_the_code_is_traced(version: str) -> None:
    rubric = find_rubric(f"{DEFAULT_RUBRIC_ID}@{version}", None)
    covered = {(value.id, item.commitment) for value, item in rubric.iter_items()}
    assert covered == {(v, c) for v, n in COMMITMENTS.items() for c in range(1, n + 1)}


def test_new_split_and_refocused_items_name_what_they_replace(v20: Rubric, v21: Rubric) -> None:
    """Both halves of a split name the item split; every earlier item links to one of 2.1.0."""
    halves = [item.id for item in v21.items if "integrity-honest-dependable" in item.previous_ids]
    assert halves == ["integrity-honest-with-care", "integrity-dependable"]
    new = {item.id for item in v21.items if not v20.item(item.id) and not item.previous_ids}
    assert new == {"integrity-ethical-decisions", "confidentiality-records-technology"}
    v10 = find_rubric(f"{DEFAULT_RUBRIC_ID}@1.0.0", None)
    for older in (v10, v20):  # growth links check-ins of every earlier version to 2.1.0
        assert [item.id for item in older.items if not v21.linked_items(item.id)] == []
    named = {old for item in v21.items for old in item.previous_ids}
    assert all(v20.item(old) or v10.item(old) for old in named)
    child = v21.item("relationships-child-in-mind")
    assert child is not None and child.commitment == 4  # the child's history of relationships


def test_the_new_items_hold_what_2_0_0_had_lost(v21: Rubric) -> None:
    """Ethical decisions within one's licence, and records and technology, are items again."""
    integrity = v21.value_of("integrity-ethical-decisions")
    assert integrity is not None and "ethical" in integrity.summary
    decisions = v21.item("integrity-ethical-decisions")
    assert decisions is not None and "discipline's code" in decisions.statement
    records = v21.item("confidentiality-records-technology")
    assert records is not None
    for words in ("records", "as if the family will read it", "texts", "email", "photos", "video"):
        assert words in records.statement


def test_relationship_items_include_my_own_bond_and_indirect_roles(v21: Rubric) -> None:
    bonds = v21.item("relationships-nurturing-bonds")
    assert bonds is not None and "children in my care" in bonds.statement
    indirect = [item.id for item in v21.items if "In an indirect role" in item.statement]
    assert len(indirect) >= 4


def test_two_answers_that_are_not_levels(v21: Rubric, capsys) -> None:
    mentor = find_rubric(MENTOR, None)
    for rubric in (v21, mentor):
        assert rubric.not_my_role is not None and rubric.not_my_role.label == "Not my role"
        assert rubric.not_assessable.label.startswith("Not yet")
    assert main(["rubric", "show", NEWEST]) == 0
    out = capsys.readouterr().out
    assert "  0 Not yet (no chance since last time): " in out and "    Not my role: " in out


def test_older_versions_load_unchanged_with_one_such_answer(v20: Rubric) -> None:
    v10 = find_rubric(f"{DEFAULT_RUBRIC_ID}@1.0.0", None)
    assert (v10.not_assessable.label, v10.not_my_role) == ("Not yet assessable", None)
    assert (v20.not_assessable.label, v20.not_my_role) == ("Not assessable or not my role", None)


@pytest.mark.parametrize(
    "name", ["alliance-code-of-ethics-2.1.0.toml", "alliance-mentor-module-1.0.0.toml"]
)
def test_rubric_check_passes_on_the_new_files(name: str, capsys) -> None:
    assert main(["rubric", "check", str(shipped_rubrics_dir() / name)]) == 0
    assert "valid rubric" in capsys.readouterr().out


def test_not_my_role_is_checked_like_every_table(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    text = (shipped_rubrics_dir() / "alliance-code-of-ethics-2.1.0.toml").read_text()
    path.write_text(text.replace('label = "Not my role"', 'label = "Not my role"\ncolour = "red"'))
    assert check_rubric(path) == [f"{path}: not_my_role.colour: unknown key"]


def test_new_checkins_rate_2_1_0() -> None:
    assert find_rubric(DEFAULT_RUBRIC_ID, None).version == "2.1.0"
    assert [r.version for r in rubric_versions(DEFAULT_RUBRIC_ID, None)] == [
        "1.0.0",
        "2.0.0",
        "2.1.0",
    ]
