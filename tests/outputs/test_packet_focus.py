"""Focus check-ins do not thin out the packet: latest rated levels, radar shape, discussion."""

from __future__ import annotations

import math
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from helpers.pdf_text import flat, pdf_pages
from helpers.samples import KEY

from selfcheck.formats.checkin import Checkin, NextStep
from selfcheck.formats.response import Response
from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.growth.analysis import growth
from selfcheck.packet.inputs import packet_input
from selfcheck.packet.pdf import packet_bytes
from selfcheck.packet.supervision_parts import SupervisionPages
from selfcheck.packet.web_page import packet_html
from selfcheck.supervision.plan import plan_history

FULL_NOTE = "FULLNOTE the twins' school meeting"
FOCUS_NOTE = "FOCUSNOTE pacing the visits"


class PageText(HTMLParser):
    """The text a reader of the web page meets."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def both_packets(result, checkins, **options) -> dict[str, str]:
    """The PDF and the web page of the same packet, each as one line of text."""
    packet = packet_input("Robin Example", result, checkins, **options)
    page = PageText()
    page.feed(packet_html(packet))
    return {"pdf": flat(pdf_pages(packet_bytes(packet))), "html": flat(page.parts)}


def focus(checkin: Checkin, items: list[str]) -> Checkin:
    """The check-in made a focus check-in of `items`."""
    return Checkin.model_validate({**checkin.model_dump(), "scope": "focus", "focus": items})


@pytest.fixture
def full_then_focus(make_checkin, rubric) -> list[Checkin]:
    """A full check-in rating every item (marking one with a note), then a focus one of two."""
    full = make_checkin(
        {item.id: 3 for item in rubric.items},
        notes={"integrity-honesty": FULL_NOTE},
        discuss=("integrity-honesty",),
    )
    latest = make_checkin(
        {"justice-advocacy": 4, "relationships-growth-instrument": 4},
        day=30,
        notes={"justice-advocacy": FOCUS_NOTE},
        discuss=("justice-advocacy",),
    )
    return [full, focus(latest, ["justice-advocacy", "relationships-growth-instrument"])]


def test_a_focus_checkin_keeps_each_values_latest_rated_level(full_then_focus, rubric):
    """Values the focus check-in left out show their latest rated mean, marked, with its date."""
    result = growth(full_then_focus, RubricVersions.of(rubric))
    for text in both_packets(result, full_then_focus).values():
        assert "Integrity 3.00 3.00† –" in text
        assert "† Not rated at the latest check-in, a focus check-in of a few items" in text
        assert "Integrity (5 Jan 2026)" in text


def test_the_radar_keeps_its_shape_after_a_focus_checkin(full_then_focus, rubric):
    """The radar's latest line has a point on every spoke, the carried ones open markers."""
    from matplotlib.figure import Figure

    from selfcheck.growth.charts import draw_radar

    result = growth(full_then_focus, RubricVersions.of(rubric))
    ax = Figure().add_subplot(projection="polar")
    draw_radar(ax, result)
    (latest,) = [line for line in ax.lines if line.get_label().startswith("latest")]
    assert not any(math.isnan(y) for y in latest.get_ydata())
    assert "open marker: not rated then, its latest rating" in latest.get_label()


def test_discussion_brings_the_full_checkin_before_a_focus_one(full_then_focus, rubric):
    """Items marked at the full check-in and at the focus one after it both come, with notes."""
    result = growth(full_then_focus, RubricVersions.of(rubric))
    for text in both_packets(result, full_then_focus).values():
        assert FULL_NOTE in text and FOCUS_NOTE in text
        assert "From the latest full check-in and the focus check-in after it (5 Jan 2026" in text
        assert "Marked on 5 Jan 2026: 3" in text


def test_discussion_starts_after_the_checkin_the_supervisor_answered(full_then_focus, rubric):
    """Once the supervisor responded to the full check-in, its marked items were discussed."""
    full = full_then_focus[0]
    response = Response(checkin=full.id, practitioner_key=KEY, rubric_sha256=full.rubric.sha256)
    result = growth(full_then_focus, RubricVersions.of(rubric))
    pages = SupervisionPages(responses={full.id: response})
    for text in both_packets(result, full_then_focus, supervision=pages).values():
        assert FOCUS_NOTE in text and FULL_NOTE not in text
        assert "From the latest check-in (4 Feb 2026)" in text


def test_two_checkins_on_one_day_are_two_points(make_checkin, rubric):
    """Two check-ins hours apart are drawn as two points on the trend chart, apart enough to see."""
    from matplotlib.figure import Figure

    from selfcheck.growth.charts import draw_trend

    morning = make_checkin({"integrity-honesty": 2})
    evening = make_checkin({"integrity-honesty": 4})
    evening.finished += timedelta(hours=8)
    evening.started += timedelta(hours=8)
    later = make_checkin({"integrity-honesty": 3}, day=40)
    result = growth([morning, evening, later], RubricVersions.of(rubric))
    ax = Figure().add_subplot()
    draw_trend(ax, result)
    xs = list(ax.get_lines()[0].get_xdata())
    left, right = ax.get_xlim()
    assert (xs[1] - xs[0]) / (right - left) >= 0.01
    assert xs[0] < xs[1] < xs[2] <= right


def test_the_learning_plan_prints_cleanly(make_checkin, rubric):
    """A step written as a sentence reads `guide: set`, never `guide.: set`."""
    first = make_checkin({"integrity-honesty": 2})
    first.next_steps = [NextStep(text="Read the county's guide.")]
    second = make_checkin({"integrity-honesty": 3}, day=14)
    checkins = [first, second]
    pages = SupervisionPages(plan=plan_history(checkins, {}))
    for text in both_packets(
        growth(checkins, RubricVersions.of(rubric)), checkins, supervision=pages
    ).values():
        assert "Read the county's guide: set 5 Jan 2026; not looked back on yet" in text
        assert ".:" not in text
