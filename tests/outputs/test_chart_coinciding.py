"""Values whose means coincide stay visible on the trend chart, and a note says how."""

from __future__ import annotations

from helpers.chart_helpers import catch_figures

from selfcheck.cli import main
from selfcheck.store.checkin_files import save_checkin

SAME = ("Importance of Relationships", "Integrity")


def drawn_trend(tmp_path, make_checkin, levels, monkeypatch):
    """Plot check-ins rating one Relationships and one Integrity item; return the drawn axes."""
    folder = tmp_path / "received"
    for day, (relationships, integrity, advocacy) in enumerate(levels):
        ratings = {
            "relationships-nurturing-bonds": relationships,
            "integrity-honesty": integrity,
            "justice-advocacy": advocacy,
        }
        save_checkin(folder, make_checkin(ratings, day=40 * day))
    figures = catch_figures(monkeypatch)
    out = tmp_path / "trend.png"
    assert main(["plot", str(folder / "sessions"), "--out", str(out)]) == 0
    return figures[0].axes[0]


def line_of(ax, name):
    return next(line for line in ax.get_lines() if line.get_label().replace("\n", " ") == name)


def test_coinciding_values_are_drawn_apart_and_named(tmp_path, make_checkin, monkeypatch):
    """Two values with the same means draw two distinct lines, near their true means, named."""
    ax = drawn_trend(tmp_path, make_checkin, [(2, 2, 1), (3, 3, 1), (4, 4, 3)], monkeypatch)
    first, second = (list(line_of(ax, name).get_ydata()) for name in SAME)
    assert all(abs(a - b) >= 0.04 for a, b in zip(first, second, strict=True))
    for drawn in (first, second):
        assert all(abs(y - mean) <= 0.05 for y, mean in zip(drawn, [2, 3, 4], strict=True))
    assert list(
        line_of(
            ax, "Commitment to Dismantling Inequities through Social & Racial Justice Work"
        ).get_ydata()
    ) == [1, 1, 3]
    (note,) = [t for t in ax.texts if "apart" in t.get_text()]
    words = note.get_text().replace("\n", " ")
    assert words.startswith("Same mean at every check-in")
    assert "Importance of Relationships and Integrity" in words and "0.05 of a level" in words
    box, legend = note.get_window_extent(), ax.get_legend().get_window_extent()
    assert box.y1 <= legend.y0 and box.y0 >= 0 and box.x0 >= 0
    assert box.x1 <= ax.figure.get_window_extent().x1


def test_values_that_differ_are_drawn_at_their_means_without_a_note(
    tmp_path, make_checkin, monkeypatch
):
    """Means that meet at one check-in only are drawn exactly; no note is added."""
    ax = drawn_trend(tmp_path, make_checkin, [(2, 3, 1), (3, 3, 2)], monkeypatch)
    assert [list(line_of(ax, name).get_ydata()) for name in SAME] == [[2, 3], [3, 3]]
    assert not [t for t in ax.texts if "apart" in t.get_text()]
