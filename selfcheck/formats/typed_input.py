"""Dates, minutes and meetings as people type them: one parser each, for every interface."""

from __future__ import annotations

from datetime import date

from selfcheck.formats.checkin import MeetingKind
from selfcheck.formats.response import Meeting

MAX_MINUTES = 24 * 60
"""The longest meeting recorded, in minutes: one day."""


def parse_day(text: str) -> date | None:
    """A date typed as YYYY-MM-DD (empty: None); ValueError in plain words otherwise."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError("The date should look like 2026-02-03.") from None


def parse_minutes(text: str) -> int | None:
    """Minutes typed as a whole number from 1 to 1440 (empty: None); ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= MAX_MINUTES:
        raise ValueError(f"Minutes should be a whole number from 1 to {MAX_MINUTES}.")
    return int(text)


def parse_meeting(when: str, minutes: str, kind: MeetingKind) -> Meeting:
    """A meeting record from typed fields, date and minutes both given; ValueError otherwise."""
    day = parse_day(when)
    if day is None:
        raise ValueError("The date should look like 2026-02-03.")
    length = parse_minutes(minutes)
    if length is None:
        raise ValueError(f"Minutes should be a whole number from 1 to {MAX_MINUTES}.")
    return Meeting(date=day, minutes=length, kind=kind)
