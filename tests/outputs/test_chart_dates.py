"""Dates on the charts, read from the saved figures: one style, `Jan 2026`, never hours."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from helpers.chart_helpers import catch_figures, tick_texts

from selfcheck.cli import main
from selfcheck.store.checkin_files import save_checkin

MONTH = re.compile(r"^[A-Z][a-z]{2} \d{4}$")


def plot(tmp_path, make_checkin, specs, kind, monkeypatch):
    """Save check-ins (ratings, day) to a folder, plot them, return the drawn figure."""
    folder = tmp_path / "received"
    for ratings, day in specs:
        save_checkin(folder, make_checkin(ratings, day=day))
    figures = catch_figures(monkeypatch)
    out = tmp_path / f"{kind}.png"
    assert main(["plot", str(folder / "sessions"), "--out", str(out), "--kind", kind]) == 0
    assert out.read_bytes().startswith(b"\x89PNG")
    (figure,) = figures
    return figure


@pytest.mark.parametrize(
    "days",
    [[0], [0, 10 / 1440], [0, 0.2, 0.3]],
    ids=["one check-in", "ten minutes apart", "three on one day"],
)
def test_checkins_within_a_day_are_labelled_with_their_month_only(
    tmp_path, make_checkin, monkeypatch, days
):
    """One check-in, or several minutes or hours apart, show one tick label: their month."""
    specs = [({"integrity-honesty": 3 + k % 2}, day) for k, day in enumerate(days)]
    ax = plot(tmp_path, make_checkin, specs, "trend", monkeypatch).axes[0]
    assert tick_texts(ax.get_xticklabels()) == ["Jan 2026"]
    assert set(tick_texts(ax.get_xticklabels(minor=True))) <= {""}
    left, right = ax.get_xlim()
    assert all(left < x < right for x in ax.get_lines()[0].get_xdata())


def test_a_year_of_checkins_is_labelled_in_months_in_order(tmp_path, make_checkin, monkeypatch):
    """Check-ins over a year: every tick is `Mon YYYY`, in order, at most eight of them."""
    specs = [({"integrity-honesty": 2 + k % 3}, 45 * k) for k in range(9)]
    ax = plot(tmp_path, make_checkin, specs, "trend", monkeypatch).axes[0]
    labels = tick_texts(ax.get_xticklabels())
    assert all(MONTH.match(label) for label in labels), labels
    assert labels[0] == "Jan 2026" and 4 <= len(labels) <= 8
    months = [datetime.strptime(label, "%b %Y") for label in labels]
    assert months == sorted(months) and list(ax.get_xticks()) == sorted(ax.get_xticks())


def test_heatmap_and_radar_name_checkins_by_month_too(tmp_path, make_checkin, monkeypatch):
    """The heatmap's columns and the radar's legend use the same month and year."""
    specs = [({"integrity-honesty": 3}, 0), ({"integrity-honesty": 4}, 40), ({}, 70)]
    heatmap = plot(tmp_path, make_checkin, specs, "heatmap", monkeypatch).axes[0]
    assert tick_texts(heatmap.get_xticklabels()) == ["Jan\n2026", "Feb\n2026", "Mar\n2026"]
    radar = plot(tmp_path / "radar", make_checkin, specs, "radar", monkeypatch).axes[0]
    legend = tick_texts(radar.get_legend().get_texts())
    assert legend == ["first (Jan 2026)", "previous (Feb 2026)", "latest (Mar 2026)"]
