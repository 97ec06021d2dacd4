"""The PDF packet's pages and text: who, period, summary, tables, notes only as chosen."""

from __future__ import annotations

import pytest
from helpers.pdf_text import flat, pdf_pages
from helpers.samples import PRIVATE, SHARED, three_checkins

from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.growth.analysis import growth
from selfcheck.packet.inputs import packet_input
from selfcheck.packet.pdf import packet_bytes


@pytest.fixture
def checkins(make_checkin):
    return three_checkins(make_checkin)


def packet(checkins, rubric, notes="discuss"):
    result = growth(checkins, RubricVersions.of(rubric))
    return pdf_pages(packet_bytes(packet_input("Robin Example", result, checkins, notes=notes)))


def test_front_page_who_rubric_period_count_summary(checkins, rubric):
    """The first page says who, which rubric, the period, how many check-ins, and a summary."""
    first = " ".join(packet(checkins, rubric)[0].split())
    assert "Robin Example" in first
    assert rubric.title in first
    assert "5 Jan 2026 to 6 Mar 2026" in first
    assert "3 complete check-ins" in first
    assert "Relationship as the path to change (2 to 4, +2)" in first
    assert "Marked for discussion at the latest check-in: Working for fair systems" in first


def test_charts_are_followed_by_their_numbers(checkins, rubric):
    """Each chart has a table of its numbers: value means, radar columns, item levels."""
    text = flat(packet(checkins, rubric))
    assert "Importance of Relationships 2.50* 3.00* 4.00*" in text
    assert "Overall 3.00 2.60 4.00" in text
    assert "Importance of Relationships 2.50 4.00 4.00 +1.50" not in text
    assert "Importance of Relationships 2.50 3.00 4.00 +1.50" in text
    assert "Relationship as the path to c" in text
    assert "n/a 2 n/a" in text


def test_discuss_notes_shared_private_notes_kept(checkins, rubric):
    """By default only notes of items marked for discussion appear."""
    text = flat(packet(checkins, rubric))
    assert SHARED in text
    assert PRIVATE.split()[0] not in text


def test_notes_none_shows_no_note(checkins, rubric):
    """With --notes none no note appears at all, though the items are still listed."""
    text = flat(packet(checkins, rubric, notes="none"))
    assert SHARED.split()[0] not in text
    assert PRIVATE.split()[0] not in text
    assert "Working for fair systems" in text


def test_notes_all_shows_every_note(checkins, rubric):
    """With --notes all the private note appears too."""
    text = flat(packet(checkins, rubric, notes="all"))
    assert SHARED in text and PRIVATE in text


def test_next_steps_latest_and_previous(checkins, rubric):
    """The packet lists the latest check-in's next steps and the previous ones."""
    pages = packet(checkins, rubric)
    last = flat(pages[-1:])
    assert "STEPLATEST ask about caseload" in last
    assert "STEPPREVIOUS read the guide (item: Working for fair systems)" in last
    assert last.index("STEPLATEST") < last.index("STEPPREVIOUS")


def test_typed_dollars_are_not_math(make_checkin, rubric):
    """A note with dollar signs is drawn literally, never as mathtext."""
    note = "costs $5 and $x_2$ each"
    checkins = [
        make_checkin({"integrity-honesty": 3}),
        make_checkin(
            {"integrity-honesty": 4},
            day=30,
            notes={"integrity-honesty": note},
            discuss=("integrity-honesty",),
        ),
    ]
    assert note in flat(packet(checkins, rubric))


def test_one_checkin_packet_says_so(make_checkin, rubric):
    """A packet of a single check-in explains that growth appears after the second."""
    checkins = [make_checkin({"integrity-honesty": 3})]
    assert "One check-in so far: growth appears after the second." in flat(packet(checkins, rubric))


def test_a_hundred_checkins_complete(make_checkin, rubric):
    """A hundred check-ins give a packet whose tables show the latest twelve and the range."""
    checkins = []
    for index in range(100):
        level = 1 + index * 4 // 99
        checkin = make_checkin({item.id: level for item in rubric.items}, day=7 * index)
        checkins.append(checkin)
    pages = packet(checkins, rubric)
    text = flat(pages)
    last = checkins[-1].when
    assert f"{last.day} {last:%b} {last:%Y}" in text
    assert "Overall 1.00" in text and "5.00" in text
    assert "(latest 12 of 100)" in text
