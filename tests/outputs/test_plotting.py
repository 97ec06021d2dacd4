"""The charts' plotted data read back from the matplotlib artists, and the files written."""

from __future__ import annotations

import math
import stat

import numpy as np
import pytest
from helpers.samples import three_checkins

from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.growth.analysis import growth
from selfcheck.growth.charts import (
    NOT_ASSESSABLE_MARK,
    heatmap_figure,
    radar_figure,
    trend_figure,
    value_style,
)
from selfcheck.store.images import save_figure


@pytest.fixture
def result(make_checkin, rubric):
    return growth(three_checkins(make_checkin), RubricVersions.of(rubric))


def as_list(values):
    return [None if math.isnan(v) else v for v in np.asarray(values, dtype=float)]


def test_trend_one_line_per_value_with_the_means(result):
    """Each value is a line of its means per check-in, gaps where nothing was rated."""
    ax = trend_figure(result).axes[0]
    lines = ax.get_lines()
    assert [line.get_label().replace("\n", " ") for line in lines] == [
        v.name for v in result.values
    ]
    assert as_list(lines[0].get_ydata()) == [2.5, 3.0, 4.0]
    integrity = [v.value_id for v in result.values].index("integrity")
    assert as_list(lines[integrity].get_ydata()) == [4.0, 3.0, None]
    assert ax.get_ylim() == (0.7, 5.3)


def test_trend_values_differ_by_marker_and_line_style_not_only_colour(result):
    """No two values share a colour, a marker, or a line style."""
    lines = trend_figure(result).axes[0].get_lines()
    for attribute in ("get_color", "get_marker"):
        assert len({str(getattr(line, attribute)()) for line in lines}) == len(lines)
    # Line2D.get_linestyle() names every custom dash pattern "--", so compare the styles used.
    styles = [str(value_style(i)["linestyle"]) for i in range(len(lines))]
    assert len(set(styles)) == len(lines)


def test_trend_legend_does_not_cover_the_data(result):
    """The legend sits outside the plotting area."""
    fig = trend_figure(result)
    fig.draw_without_rendering()
    ax = fig.axes[0]
    legend = ax.get_legend().get_window_extent()
    assert not legend.overlaps(ax.get_window_extent())


def test_heatmap_cells_hold_levels_and_mark_not_assessable(result):
    """Rows are items, columns check-ins; not yet assessable is labelled n/a, not a level."""
    ax = heatmap_figure(result).axes[0]
    grid = ax.images[0].get_array()
    rows = [i.item_id for i in result.items]
    assert list(grid[rows.index("relationships-growth-instrument")]) == [2, 3, 4]
    partners = grid[rows.index("relationships-community-partners")]
    assert partners.mask.tolist() == [True, False, True]
    texts = [t.get_text() for t in ax.texts]
    assert texts.count(NOT_ASSESSABLE_MARK) == 2
    assert sorted(t for t in texts if t != NOT_ASSESSABLE_MARK) == sorted(
        str(int(v)) for v in grid.compressed()
    )


def test_radar_first_previous_latest(result):
    """The radar draws first, previous and latest value means around the circle."""
    ax = radar_figure(result).axes[0]
    lines = ax.get_lines()
    assert [line.get_label().split(" ")[0] for line in lines] == ["first", "previous", "latest"]
    latest = as_list(lines[2].get_ydata())
    expected = [v.series.points[2] for v in result.values]
    assert latest == [*expected, expected[0]]


def test_one_checkin_says_so_on_the_chart(make_checkin, rubric):
    """A single check-in is drawn with words saying growth appears after the second."""
    single = growth([make_checkin({"integrity-honesty": 3})], RubricVersions.of(rubric))
    ax = trend_figure(single).axes[0]
    assert "one check-in so far" in ax.get_title(loc="left")
    assert len(radar_figure(single).axes[0].get_lines()) == 1


@pytest.mark.parametrize(
    ("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")]
)
def test_save_figure_by_extension_private(result, tmp_path, suffix, magic):
    """The file format follows the extension and the file is private to its owner."""
    path = tmp_path / f"chart{suffix}"
    save_figure(trend_figure(result), path)
    assert path.read_bytes().startswith(magic)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_unknown_extension_is_refused(result, tmp_path):
    """An extension selfcheck cannot write is an error naming the file."""
    with pytest.raises(SelfcheckError, match=r"chart\.gif"):
        save_figure(trend_figure(result), tmp_path / "chart.gif")
