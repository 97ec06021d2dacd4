"""The growth screen's two-row trend lines: every half step its own height, gaps shown."""

from __future__ import annotations

from selfcheck.tui.trend_lines import same_trend_groups, same_trend_words, tall_sparkline

HALF_STEPS = [1 + step / 2 for step in range(9)]
"""1, 1.5, 2, ... 5: every half step of the growth scale."""


def test_every_half_step_has_its_own_bar():
    """The nine half steps from 1 to 5 draw nine different bars, rising: 3 fills the lower row."""
    assert tall_sparkline(HALF_STEPS) == ("     ▂▄▆█", "▁▂▄▆█████")


def test_gaps_and_values_off_the_scale():
    """A check-in without a mean is a gap; values beyond the scale are drawn at its ends."""
    assert tall_sparkline([None, 0, 9]) == ("  █", "·▁█")
    assert tall_sparkline([]) == ("", "")


def test_same_lines_are_grouped_by_name():
    """Values drawing the same line are named together; lines with no bar at all are not."""
    lines = [
        ("A", tall_sparkline([3, 3.5])),
        ("B", tall_sparkline([3, 3.5])),
        ("C", tall_sparkline([3, 3])),
        ("D", tall_sparkline([None, None])),
        ("E", tall_sparkline([None, None])),
        ("F", tall_sparkline([3, 3.5])),
    ]
    groups = same_trend_groups(lines)
    assert groups == [["A", "B", "F"]]
    assert same_trend_words(groups) == "A, B and F have the same trend line."
    assert same_trend_words([]) == ""
