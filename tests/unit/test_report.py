"""The PDF packet's pages and text: who, period, summary, tables, notes only as chosen."""

from __future__ import annotations

import pytest
from helpers.pdf_text import flat, pdf_pages
from helpers.samples import PRIVATE, SHARED, three_checkins

from selfcheck.growth.analysis import growth
from selfcheck.growth.packet import packet_bytes
from selfcheck.growth.packet_input import packet_input


@pytest.fixture
def sessions(make_session):
    return three_checkins(make_session)


def packet(sessions, rubric, notes="discuss"):
    result = growth(sessions, rubric)
    return pdf_pages(packet_bytes(packet_input("Robin Example", result, sessions, notes=notes)))


def test_front_page_who_rubric_period_count_summary(sessions, rubric):
    """The first page says who, which rubric, the period, how many check-ins, and a summary."""
    first = " ".join(packet(sessions, rubric)[0].split())
    assert "Robin Example" in first
    assert rubric.title in first
    assert "5 Jan 2026 to 6 Mar 2026" in first
    assert "3 complete check-ins" in first
    assert "Relationship as the path to change (2 to 4, +2)" in first
    assert "Marked for discussion at the latest check-in: Working for fair systems" in first


def test_charts_are_followed_by_their_numbers(sessions, rubric):
    """Each chart has a table of its numbers: value means, radar columns, item levels."""
    text = flat(packet(sessions, rubric))
    assert "Importance of Relationships 2.50* 3.00* 4.00*" in text
    assert "Overall 3.00 2.60 4.00" in text
    assert "Importance of Relationships 2.50 4.00 4.00 +1.50" not in text
    assert "Importance of Relationships 2.50 3.00 4.00 +1.50" in text
    assert "Relationship as the path to c" in text
    assert "n/a 2 n/a" in text


def test_discuss_notes_shared_private_notes_kept(sessions, rubric):
    """By default only notes of items marked for discussion appear."""
    text = flat(packet(sessions, rubric))
    assert SHARED in text
    assert PRIVATE.split()[0] not in text


def test_notes_none_shows_no_note(sessions, rubric):
    """With --notes none no note appears at all, though the items are still listed."""
    text = flat(packet(sessions, rubric, notes="none"))
    assert SHARED.split()[0] not in text
    assert PRIVATE.split()[0] not in text
    assert "Working for fair systems" in text


def test_notes_all_shows_every_note(sessions, rubric):
    """With --notes all the private note appears too."""
    text = flat(packet(sessions, rubric, notes="all"))
    assert SHARED in text and PRIVATE in text


def test_next_steps_latest_and_previous(sessions, rubric):
    """The packet lists the latest check-in's next steps and the previous ones."""
    pages = packet(sessions, rubric)
    last = flat(pages[-1:])
    assert "STEPLATEST ask about caseload" in last
    assert "STEPPREVIOUS read the guide (item: Working for fair systems)" in last
    assert last.index("STEPLATEST") < last.index("STEPPREVIOUS")


def test_typed_dollars_are_not_math(make_session, rubric):
    """A note with dollar signs is drawn literally, never as mathtext."""
    note = "costs $5 and $x_2$ each"
    sessions = [
        make_session({"integrity-honesty": 3}),
        make_session(
            {"integrity-honesty": 4},
            day=30,
            notes={"integrity-honesty": note},
            discuss=("integrity-honesty",),
        ),
    ]
    assert note in flat(packet(sessions, rubric))


def test_one_checkin_packet_says_so(make_session, rubric):
    """A packet of a single check-in explains that growth appears after the second."""
    sessions = [make_session({"integrity-honesty": 3})]
    assert "One check-in so far: growth appears after the second." in flat(packet(sessions, rubric))


def test_a_hundred_checkins_complete(make_session, rubric):
    """A hundred check-ins give a packet whose tables show the latest twelve and the range."""
    sessions = []
    for index in range(100):
        level = 1 + index * 4 // 99
        session = make_session({item.id: level for item in rubric.items}, day=7 * index)
        sessions.append(session)
    pages = packet(sessions, rubric)
    text = flat(pages)
    last = sessions[-1].when
    assert f"{last.day} {last:%b} {last:%Y}" in text
    assert "Overall 1.00" in text and "5.00" in text
    assert "(latest 12 of 100)" in text
