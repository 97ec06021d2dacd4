"""The growth screen's two-row trend lines: every half step its own height, gaps shown."""

from __future__ import annotations

from selfcheck.tui.trend_lines import (
    same_trend_groups,
    same_trend_marks,
    same_trend_words,
    tall_sparkline,
)

HALF_STEPS = [1 + step / 2 for step in range(9)]
"""1, 1.5, 2, ... 5: every half step of the growth scale."""


def test_every_half_step_has_its_own_bar():
    """The nine half steps from 1 to 5 draw nine different bars, rising: 3 fills the lower row."""
    assert tall_sparkline(HALF_STEPS) == ("     ▂▄▆█", "▁▂▄▆█████")


def test_gaps_and_values_off_the_scale():
    """A check-in without a mean is a gap; values beyond the scale are drawn at its ends."""
    assert tall_sparkline([None, 0, 9]) == ("  █", "·▁█")
    assert tall_sparkline([]) == ("", "")


def test_same_lines_are_marked_alike():
    """Lines drawn alike share a mark; lines with no bar at all are never marked."""
    lines = [
        tall_sparkline(points)
        for points in ([3, 3.5], [3, 3.5], [3, 3], [None, None], [None, None], [3, 3.5], [2, 2])
    ]
    groups = same_trend_groups(lines)
    assert groups == [[0, 1, 5]]
    assert same_trend_marks(groups, len(lines)) == ["=A", "=A", "", "", "", "=A", ""]
    assert same_trend_words(groups, len(lines)) == (
        "Values with the same mark (=A) have the same trend line."
    )
    assert same_trend_words([], len(lines)) == ""


def test_every_value_alike_is_said_in_words():
    """When every value draws the same line, a sentence says so and no row is marked."""
    lines = [tall_sparkline([2, 4])] * 3
    groups = same_trend_groups(lines)
    assert same_trend_marks(groups, 3) == ["", "", ""]
    assert same_trend_words(groups, 3) == "Every value has the same trend line."
