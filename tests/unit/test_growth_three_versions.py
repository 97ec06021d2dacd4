"""Growth across rubric 1.0.0, 2.0.0 and 2.1.0: items link by id and `previous_ids`, splits too."""

from __future__ import annotations

import pytest

from selfcheck.checkin.lifecycle import rubric_ref
from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.growth.analysis import growth
from selfcheck.growth.words import item_label
from selfcheck.store.rubrics import DEFAULT_RUBRIC_ID, find_rubric

VERSIONS = ("1.0.0", "2.0.0", "2.1.0")


@pytest.fixture(scope="module")
def texts():
    """The three shipped versions, oldest first."""
    return [find_rubric(f"{DEFAULT_RUBRIC_ID}@{version}", None) for version in VERSIONS]


def test_a_split_item_gets_the_old_history_in_both_halves(make_checkin, texts) -> None:
    """Merged in 2.0.0, split in 2.1.0: each half links both ancestors and says it was split."""
    v10, v20, v21 = texts
    checkins = [
        make_checkin(
            {"integrity-honesty": 2, "integrity-reliability": 4}, day=0, rubric_ref=rubric_ref(v10)
        ),
        make_checkin({"integrity-honest-dependable": 3}, day=30, rubric_ref=rubric_ref(v20)),
        make_checkin(
            {"integrity-honest-with-care": 4, "integrity-dependable": 5},
            day=60,
            rubric_ref=rubric_ref(v21),
        ),
    ]
    result = growth(checkins, RubricVersions.of(v21, texts))
    assert [c.rubric_version for c in result.checkins] == list(VERSIONS)
    rows = {item.item_id: item for item in result.items}
    assert rows["integrity-honest-with-care"].series.points == (2, 3, 4)
    assert rows["integrity-dependable"].series.points == (4, 3, 5)
    merged_title = v20.item("integrity-honest-dependable").title
    for half in ("integrity-honest-with-care", "integrity-dependable"):
        assert rows[half].split_from == (merged_title,)
        assert f"split from {merged_title}" in item_label(result, rows[half], width=80)
    assert "integrity-honest-dependable" not in rows, "the old item is not a row of its own"
    unsplit = rows["integrity-boundaries"]
    assert unsplit.split_from == () and "split" not in item_label(result, unsplit)


def test_every_older_item_reaches_a_2_1_0_row(make_checkin, texts) -> None:
    """Each 1.0.0 and 2.0.0 item lands in a 2.1.0 row; a row with an ancestor has its level."""
    checkins = [
        make_checkin({item.id: 3 for item in text.items}, day=30 * k, rubric_ref=rubric_ref(text))
        for k, text in enumerate(texts)
    ]
    result = growth(checkins, RubricVersions.of(texts[-1], texts))
    assert [item.item_id for item in result.items] == [item.id for item in texts[-1].items]
    for column, older in enumerate(texts[:2]):
        for row, item in zip(result.items, texts[-1].items, strict=True):
            has_ancestor = any(older.item(i) for i in item.linked_ids)
            assert (row.series.points[column] == 3) == has_ancestor, (older.version, item.id)
