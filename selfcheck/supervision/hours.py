"""Reflective supervision hours: meeting records from check-ins and responses, added up exactly."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from selfcheck.formats.checkin import Checkin
from selfcheck.formats.response import Response


@dataclass(frozen=True)
class MeetingRecord:
    """One meeting, how long it lasted when known, and where the record comes from."""

    date: date
    minutes: int | None
    kind: str
    source: str


@dataclass(frozen=True)
class YearHours:
    """One year's meetings: how many, their minutes, and how many lack a length."""

    year: int
    meetings: int
    minutes: int
    unknown_length: int


def meeting_records(
    checkins: Iterable[Checkin], responses: Iterable[Response], trusted: Mapping[str, str]
) -> list[MeetingRecord]:
    """Every meeting once, by date: a record with its length wins over one without.

    A response's meeting counts only when it is verified: signed by the key `trusted` for
    its supervisor (the config's `trusted_supervisors`).
    """
    found: list[MeetingRecord] = []
    for response in responses:
        if response.meeting is not None and response.verified_by(trusted):
            who = response.supervisor or "your supervisor"
            found.append(
                MeetingRecord(
                    response.meeting.date,
                    response.meeting.minutes,
                    response.meeting.kind,
                    f"verified response from {who} to check-in {response.checkin}",
                )
            )
    for checkin in checkins:
        details = checkin.supervision
        if checkin.complete and details.meeting is not None:
            found.append(
                MeetingRecord(
                    details.meeting,
                    details.minutes,
                    details.kind or "individual",
                    f"check-in {checkin.id}",
                )
            )
    return once_each(((record.date, record.kind), record) for record in found)


def given_records(responses: Iterable[Response], names: Mapping[str, str]) -> list[MeetingRecord]:
    """The meetings a supervisor recorded in their responses, by date: a one to one meeting
    once per practitioner and day, a group meeting once a day with everyone it names.

    `names` gives each practitioner's name by key, for the source.
    """
    found: list[tuple[Hashable, MeetingRecord]] = []
    groups: dict[date, tuple[int, set[str]]] = {}
    for response in responses:
        meeting = response.meeting
        if meeting is None:
            continue
        key = response.practitioner_key
        who = names.get(key) or f"practitioner {key[:6]}"
        if meeting.kind == "group":
            minutes, present = groups.setdefault(meeting.date, (meeting.minutes, set()))
            present.add(who)
            continue
        source = f"your response to {who}, check-in {response.checkin}"
        record = MeetingRecord(meeting.date, meeting.minutes, meeting.kind, source)
        found.append(((meeting.date, key), record))
    for day, (minutes, present) in groups.items():
        source = f"your responses to the group: {', '.join(sorted(present))}"
        found.append(((day, "group"), MeetingRecord(day, minutes, "group", source)))
    return once_each(found)


def once_each(keyed: Iterable[tuple[Hashable, MeetingRecord]]) -> list[MeetingRecord]:
    """Records with the same key are one meeting, kept once (one with a length wins), by date."""
    chosen: dict[Hashable, MeetingRecord] = {}
    for key, record in keyed:
        kept = chosen.get(key)
        if kept is None or (kept.minutes is None and record.minutes is not None):
            chosen[key] = record
    return sorted(chosen.values(), key=lambda r: (r.date, r.kind, r.source))


def hours_by_year(records: Iterable[MeetingRecord]) -> list[YearHours]:
    """Meetings and minutes per calendar year, oldest first."""
    years: dict[int, list[MeetingRecord]] = {}
    for record in records:
        years.setdefault(record.date.year, []).append(record)
    return [
        YearHours(
            year,
            len(group),
            sum(r.minutes or 0 for r in group),
            sum(r.minutes is None for r in group),
        )
        for year, group in sorted(years.items())
    ]


def hours_words(minutes: int) -> str:
    """Minutes as exact hours and minutes: `12 h 30 min (750 minutes)`."""
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min ({minutes} minutes)"


def year_line(year: YearHours) -> str:
    """One year's meetings and hours in words, saying how many meetings have no length."""
    count = f"{year.meetings} meeting{'s' if year.meetings != 1 else ''}"
    if year.unknown_length == year.meetings:
        return (
            f"{year.year}: {count}, none with a recorded length, so no hours are counted "
            "(m in a check-in records the length)"
        )
    unknown = (
        f"; {year.unknown_length} without a recorded length, not counted in the hours"
        if year.unknown_length
        else ""
    )
    return f"{year.year}: {count}, {hours_words(year.minutes)} of reflective supervision{unknown}"


def log_lines(records: list[MeetingRecord], year: int | None = None) -> list[str]:
    """The `log` view: each meeting with its source, then the hours per year and in total."""
    from selfcheck.formats.printable import one_line

    if not records:
        when = f" in {year}" if year is not None else ""
        return [f"No supervision meetings recorded{when}. Record one with m in a check-in."]
    lines = [f"{'date':<10}  {'kind':<10}  {'minutes':>7}  source"]
    for record in records:
        minutes = str(record.minutes) if record.minutes is not None else "?"
        lines.append(
            f"{record.date.isoformat():<10}  {record.kind:<10}  {minutes:>7}  "
            f"{one_line(record.source, 100)}"
        )
    years = hours_by_year(records)
    lines.append("")
    lines += [year_line(y) for y in years]
    if len(years) > 1:
        total = sum(y.minutes for y in years)
        count = sum(y.meetings for y in years)
        unknown = sum(y.unknown_length for y in years)
        without = f"; {unknown} without a recorded length" if unknown else ""
        lines.append(f"Total: {count} meetings, {hours_words(total)}{without}")
    return lines


def unverified_meetings(responses: Iterable[Response], trusted: Mapping[str, str]) -> int:
    """How many responses kept unverified record a meeting that is therefore not counted."""
    return sum(r.meeting is not None and not r.verified_by(trusted) for r in responses)
