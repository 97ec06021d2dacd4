"""`aggregate --plot` read back from the saved figure: titles, words, and levels without colour."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest
from helpers.chart_helpers import catch_figures, tick_texts
from matplotlib.colors import to_rgb
from matplotlib.patches import Rectangle

from selfcheck.cli import main
from selfcheck.formats.rubric import Rubric
from selfcheck.program.chart import NUMBER_ROOM
from selfcheck.program.export import AnonymousCheckin, AnonymousExport, export_bytes
from selfcheck.store.rubrics import find_rubric

QUARTERS = {
    "2026-Q1": [2, 2, 2, 3, 3, 3, 4, 4, 4],
    "2026-Q2": [1, 1, 1, 3, 3, 3, 5, 5, 0],
    "2026-Q3": [4, 4],
}
"""Each practitioner's level (for every item) per quarter: Q2 has small counts, Q3 two people."""
LEVEL_OF_COLUMN = {f"n_level_{n}": n for n in range(1, 6)} | {"n_not_yet": 0, "n_not_my_role": 6}
"""Each answer column and its position in a row's counts (6: not my role)."""


@pytest.fixture(scope="module")
def shipped() -> Rubric:
    """The rubric the exports name."""
    return find_rubric("alliance-code-of-ethics@2.0.0", None)


def aggregate_plot(tmp_path: Path, rubric: Rubric, rubric_id: str, monkeypatch) -> tuple:
    """Write exports, run `aggregate --plot`, and return the drawn figure and the CSV rows."""
    folder = tmp_path / "in"
    folder.mkdir()
    pairs = list(rubric.iter_items())
    for who in range(9):
        checkins = [
            AnonymousCheckin(
                period=period, levels=[levels[who]] * len(pairs), discuss=[0] * len(pairs)
            )
            for period, levels in QUARTERS.items()
            if who < len(levels)
        ]
        export = AnonymousExport(
            format="selfcheck-anonymous",
            format_version=2,
            generation=1,
            pseudonym=hashlib.sha256(str(who).encode()).hexdigest(),
            rubric_id=rubric_id,
            rubric_version=rubric.version,
            items=[item.id for _, item in pairs],
            values=[value.id for value, _ in pairs],
            checkin=checkins,
        )
        (folder / f"e{who}.toml").write_bytes(export_bytes(export))
    figures = catch_figures(monkeypatch)
    out, png = tmp_path / "a.csv", tmp_path / "a.png"
    args = ["aggregate", str(folder), "--min-group", "3", "--out", str(out), "--plot", str(png)]
    assert main(args) == 0
    assert png.read_bytes().startswith(b"\x89PNG")
    (figure,) = figures
    return figure, list(csv.DictReader(out.open()))


def bar_parts(panel, y: int) -> list[tuple[float, float]]:
    """The bar parts drawn on row y: left and width, left to right."""
    bars = [
        p for p in panel.patches if isinstance(p, Rectangle) and abs(p.get_y() + 0.4 - y) < 1e-6
    ]
    return sorted((b.get_x(), b.get_width()) for b in bars)


def texts_on_row(panel, y: int) -> list[str]:
    """The texts drawn on row y, left to right."""
    found = [t for t in panel.texts if abs(t.get_position()[1] - y) < 1e-6]
    return [t.get_text() for t in sorted(found, key=lambda t: t.get_position()[0])]


def test_rows_are_item_titles_and_the_title_is_in_words(tmp_path, shipped, monkeypatch):
    """Rows name the rubric's items; the title says what is shown, which rubric, that the
    counts are perturbed, and why rows are held back."""
    figure, _rows = aggregate_plot(tmp_path, shipped, shipped.id, monkeypatch)
    labels = [text.replace("\n", " ") for text in tick_texts(figure.axes[0].get_yticklabels())]
    assert labels == [item.title for item in shipped.items]
    lines = figure.get_suptitle().split("\n")
    assert lines[0] == "How practitioners rated themselves, by item and quarter"
    assert lines[1] == "Alliance Code of Ethics: a reflective self-check, version 2.0.0"
    rule = " ".join(lines[2:])
    assert "The counts are perturbed (each moved by up to 2) so that no bar shows one" in rule
    assert "Held back: fewer than 3 practitioners are behind it." in rule
    assert [panel.get_title() for panel in figure.axes] == [
        "2026-Q1",
        "2026-Q2",
        "2026-Q3",
        "All periods together",
    ]


def test_a_rubric_not_here_is_named_by_its_id(tmp_path, shipped, monkeypatch):
    """Exports of a rubric this computer does not have: rows are item ids, the id is said."""
    figure, _rows = aggregate_plot(tmp_path, shipped, "program-own-rubric", monkeypatch)
    labels = tick_texts(figure.axes[0].get_yticklabels())
    assert labels == [item.id for item in shipped.items]
    subtitle = figure.get_suptitle().split("\n")[1]
    assert subtitle.startswith("Rubric program-own-rubric version 2.0.0 (not on this computer")


def test_each_bar_draws_the_published_counts_with_numbers_and_patterns(
    tmp_path, shipped, monkeypatch
):
    """Every part of a bar is a published (perturbed) count, numbered by its level; a held-back
    row says so, in words that fit its panel."""
    figure, rows = aggregate_plot(tmp_path, shipped, shipped.id, monkeypatch)
    panels = {panel.get_title(): panel for panel in figure.axes}
    items = [item.id for item in shipped.items]
    seen_blank = 0
    for row in (r for r in rows if r["scope"] == "item" and r["period"] != "first-to-latest"):
        panel = panels[row["period"] if row["period"] != "all" else "All periods together"]
        y = items.index(row["id"])
        if not row["checkins"]:
            assert texts_on_row(panel, y) == ["held back"]
            assert bar_parts(panel, y) == []
            seen_blank += 1
            continue
        shown = [
            (LEVEL_OF_COLUMN[c], int(row[c])) for c in LEVEL_OF_COLUMN if row[c] not in ("", "0")
        ]
        total = sum(count for _, count in shown)
        expected = [count / total for _, count in shown]
        parts = bar_parts(panel, y)
        assert [width for _, width in parts] == pytest.approx(expected)
        assert [left for left, _ in parts] == pytest.approx(
            [sum(expected[:k]) for k in range(len(expected))]
        )
        names = {0: "n/a", 6: "role"}
        numbers = [
            names.get(level, str(level))
            for level, count in shown
            if count / total >= NUMBER_ROOM * len(names.get(level, str(level))) ** 0.5
        ]
        assert texts_on_row(panel, y) == numbers
    assert seen_blank


def test_levels_differ_without_colour(tmp_path, shipped, monkeypatch):
    """In grey, each answer in the legend differs by its pattern or clearly by lightness."""
    figure, _rows = aggregate_plot(tmp_path, shipped, shipped.id, monkeypatch)
    handles = figure.legends[0].legend_handles
    assert [t.get_text() for t in figure.legends[0].get_texts()] == [
        "1 Noticing",
        "2 Exploring",
        "3 Practicing",
        "4 Integrating",
        "5 Sustaining",
        shipped.not_assessable.label,
        "Not my role",
    ]

    def grey(handle) -> float:
        red, green, blue = to_rgb(handle.get_facecolor())
        return 0.299 * red + 0.587 * green + 0.114 * blue

    for k, one in enumerate(handles):
        for other in handles[k + 1 :]:
            assert one.get_hatch() != other.get_hatch() or abs(grey(one) - grey(other)) > 0.5
