"""Growth numbers against hand-computed expectations: means, counts, changes, versions."""

from __future__ import annotations

import pytest
from helpers.samples import old_version, three_checkins

from selfcheck.formats.checkin import RubricRef
from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.growth.analysis import growth, largest_drops, largest_growth, make_series
from selfcheck.growth.words import signed, sparkline, summary_lines, too_few_words


def value(result, value_id):
    return next(v for v in result.values if v.value_id == value_id)


def item(result, item_id):
    return next(i for i in result.items if i.item_id == item_id)


def test_only_complete_checkins_in_date_order(make_checkin, rubric):
    """Drafts are left out and check-ins are put in date order whatever order they come in."""
    checkins = three_checkins(make_checkin)
    result = growth(list(reversed(checkins)), RubricVersions.of(rubric))
    assert [c.checkin_id for c in result.checkins] == [checkins[i].id for i in (0, 1, 3)]


def test_value_means_leave_out_not_assessable_and_unrated(make_checkin, rubric):
    """A value's mean counts only rated items, and says how many it counted."""
    result = growth(three_checkins(make_checkin), RubricVersions.of(rubric))
    relationships = value(result, "relationships")
    assert relationships.series.points == pytest.approx((2.5, 3.0, 4.0))
    assert relationships.rated == (2, 3, 1)
    integrity = value(result, "integrity")
    assert integrity.series.points == (4.0, 3.0, None)
    assert integrity.rated == (1, 1, 0)
    assert value(result, "knowledge").series.points == (None, None, None)


def test_overall_mean_per_checkin(make_checkin, rubric):
    """The overall mean is over every rated item of the check-in."""
    result = growth(three_checkins(make_checkin), RubricVersions.of(rubric))
    assert result.overall.points == pytest.approx((3.0, 2.6, 4.0))
    assert result.overall_rated == (3, 5, 1)


def test_changes_since_first_and_previous(make_checkin, rubric):
    """Changes compare with the first number present and with the check-in just before."""
    result = growth(three_checkins(make_checkin), RubricVersions.of(rubric))
    relationships = value(result, "relationships").series
    assert relationships.changes_since_first == pytest.approx((None, 0.5, 1.5))
    assert relationships.changes_since_previous == pytest.approx((None, 0.5, 1.0))
    assert relationships.change_since_first == pytest.approx(1.5)
    integrity = value(result, "integrity").series
    assert integrity.changes_since_first == (None, -1.0, None)
    assert integrity.change_since_previous is None
    instrument = item(result, "relationships-growth-instrument").series
    assert instrument.points == (2, 3, 4)
    assert (instrument.change_since_first, instrument.change_since_previous) == (2, 1)


def test_first_number_may_come_later():
    """A series whose first check-ins have no number measures change from its first number."""
    series = make_series([None, 2, None, 4])
    assert series.changes_since_first == (None, None, None, 2)
    assert series.changes_since_previous == (None, None, None, None)
    assert series.first == 2


def test_not_assessable_is_kept_apart_from_unrated(make_checkin, rubric):
    """Not yet assessable is recorded per check-in, never as a level."""
    result = growth(three_checkins(make_checkin), RubricVersions.of(rubric))
    partners = item(result, "relationships-community-partners")
    assert partners.series.points == (None, 2, None)
    assert partners.not_assessable == (True, False, True)
    advocacy = item(result, "justice-advocacy")
    assert advocacy.not_assessable == (False, False, False)
    assert advocacy.discuss_latest


def test_rubric_versions_matched_by_item_id(make_checkin, rubric):
    """An older version's items match by id; an item it alone has stays apart, by its id."""
    checkins = [old_version(make_checkin, rubric), *three_checkins(make_checkin)]
    result = growth(checkins, RubricVersions.of(rubric))
    assert result.versions == ["0.9.0", rubric.version]
    assert item(result, "relationships-growth-instrument").series.points == (1, 2, 3, 4)
    retired = item(result, "retired-item")
    assert retired.value_id is None
    assert retired.series.points == (3, None, None, None)
    assert value(result, "relationships").series.points[0] == 1.0
    assert result.overall.points[0] == 2.0


def test_other_rubrics_kept_apart(make_checkin, rubric):
    """Check-ins of another rubric id are not part of this rubric's growth."""
    other = RubricRef(id="other-rubric", version="1", sha256="1" * 64)
    checkins = [*three_checkins(make_checkin), make_checkin({"x": 5}, day=90, rubric_ref=other)]
    result = growth(checkins, RubricVersions.of(rubric))
    assert len(result.checkins) == 3
    assert "x" not in {i.item_id for i in result.items}


def test_none_or_one_checkin_in_plain_words(make_checkin, rubric):
    """Zero or one check-in gives clear words, not a crash."""
    assert too_few_words(0).startswith("no complete check-ins yet")
    assert too_few_words(1) == "one check-in so far: growth appears after the second"
    assert too_few_words(2) is None
    empty = growth([], RubricVersions.of(rubric))
    assert empty.checkins == () and empty.overall.latest is None
    single = growth([make_checkin({"integrity-honesty": 3})], RubricVersions.of(rubric))
    assert single.overall.change_since_first is None
    assert summary_lines(single)[0] == "One check-in so far: growth appears after the second."


def test_summary_names_growth_drops_and_discussion(make_checkin, rubric):
    """The summary names the largest growth and drops and the items marked for discussion."""
    result = growth(three_checkins(make_checkin), RubricVersions.of(rubric))
    grown = largest_growth(result)
    assert [(c.label, c.change) for c in grown] == [("Relationship as the path to change", 2)]
    dropped = largest_drops(result)
    assert dropped == []
    text = "\n".join(summary_lines(result))
    assert "Relationship as the path to change (2 to 4, +2)" in text
    assert "Largest drops since the first check-in: none." in text
    assert "Largest drops since the previous check-in: none." in text
    assert "Marked for discussion at the latest check-in: Working for fair systems." in text


def test_sparkline_on_the_fixed_scale():
    """Sparklines use the fixed 1-5 scale and show a gap where nothing was rated."""
    assert sparkline([1, 3, 5, None, 4.5]) == "▁▅█·▇"
    assert sparkline([]) == ""


def test_signed():
    """Changes carry their sign and a fixed number of decimals."""
    assert signed(0.5) == "+0.50"
    assert signed(-1, 0) == "-1"
    assert signed(0.0) == "0"
    assert signed(None) == ""
