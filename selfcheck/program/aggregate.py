"""Program aggregation: stream anonymous exports into per-rubric, per-period level counters."""

from __future__ import annotations

import hashlib
import operator
import os
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from selfcheck.formats.errors import InputError
from selfcheck.program.export import UNANSWERED
from selfcheck.program.export_reading import ExportRecord, RubricLayout, read_export

Grouping = Literal["quarter", "year", "all"]
OVERALL = "all"
"""The period label of rows over every period."""


def period_label(quarter: str, by: Grouping) -> str:
    """The reporting period a quarter falls in: the quarter, its year, or `all`."""
    if by == "quarter":
        return quarter
    return quarter[:4] if by == "year" else OVERALL


class PeriodCounts:
    """Counters of one rubric in one period: levels per item, check-ins and practitioners."""

    def __init__(self, width: int, value_members: list[list[int]]) -> None:
        """Empty counters shaped after the rubric."""
        self.positions = tuple(range(width))
        self.members = value_members
        self.pairs: Counter[tuple[int, int]] = Counter()
        """(item index, level) -> answers; level 0 is not yet assessable, -1 no answer."""
        self.item_practitioners = [0] * width
        self.value_practitioners = [0] * len(value_members)
        self.value_checkins = [0] * len(value_members)
        self.full_checkins = 0
        """Check-ins that answered every item, so count once for every value."""
        self.full_practitioners = 0
        """Practitioners who answered every item here, so count once for every row."""

    def add(self, checkins: list[list[int]], sign: int) -> None:
        """Count one practitioner's check-ins of this period (sign -1 takes them back)."""
        count = self.pairs.update if sign > 0 else self.pairs.subtract
        for levels in checkins:
            count(zip(self.positions, levels, strict=True))
        partial = [levels for levels in checkins if UNANSWERED in levels]
        self.full_checkins += sign * (len(checkins) - len(partial))
        for levels in partial:
            for value, members in enumerate(self.members):
                if max(levels[i] for i in members) >= 0:
                    self.value_checkins[value] += sign
        self.count_practitioner(answered_items(checkins) if partial else None, sign)

    def count_practitioner(self, answered: list[bool] | None, sign: int) -> None:
        """Count one practitioner on each item (and value) answered; None means all of them."""
        if answered is None:
            self.full_practitioners += sign
            return
        for index, flag in enumerate(answered):
            if flag:
                self.item_practitioners[index] += sign
        for value, members in enumerate(self.members):
            if any(answered[i] for i in members):
                self.value_practitioners[value] += sign

    def level_counts(self, item: int) -> list[int]:
        """Answers to one item: not yet assessable first, then levels 1 to 5."""
        return [self.pairs[(item, level)] for level in range(6)]


def answered_items(checkins: list[list[int]]) -> list[bool]:
    """For each item, whether any of the check-ins answered it."""
    return [max(column) >= 0 for column in zip(*checkins, strict=True)]


@dataclass
class ChangeSums:
    """Sums of first-to-latest change per item, over practitioners with two levels of it."""

    item_sum: list[int]
    item_n: list[int]
    value_n: list[int]
    """Practitioners with a change on at least one item of the value."""


def _add_growth(
    growth: ChangeSums, checkins: list[list[int]], members: list[list[int]], sign: int
) -> None:
    first, last = checkins[0], checkins[-1]
    changes: list[int | None] = list(map(operator.sub, last, first))
    for index, lowest in enumerate(map(min, first, last)):
        if lowest <= 0:
            rated = [levels[index] for levels in checkins if levels[index] > 0]
            changes[index] = rated[-1] - rated[0] if len(rated) > 1 else None
    for index, change in enumerate(changes):
        if change is not None:
            growth.item_sum[index] += sign * change
            growth.item_n[index] += sign
    for value, items in enumerate(members):
        if any(changes[i] is not None for i in items):
            growth.value_n[value] += sign


@dataclass
class RubricTable:
    """Everything counted for one rubric layout: periods, the overall row, and growth."""

    layout: RubricLayout
    value_ids: list[str]
    value_members: list[list[int]]
    periods: dict[str, PeriodCounts] = field(default_factory=dict)
    overall: PeriodCounts | None = None
    growth: ChangeSums | None = None

    @classmethod
    def create(cls, layout: RubricLayout) -> RubricTable:
        """Empty counters for a rubric layout."""
        value_ids = list(dict.fromkeys(layout.values))
        members = [[i for i, v in enumerate(layout.values) if v == value] for value in value_ids]
        width, values = len(layout.items), len(value_ids)
        table = cls(layout, value_ids, members)
        table.overall = PeriodCounts(width, members)
        table.growth = ChangeSums([0] * width, [0] * width, [0] * values)
        return table

    def period(self, label: str) -> PeriodCounts:
        """The counters of one period, made on first use."""
        counts = self.periods.get(label)
        if counts is None:
            counts = self.periods[label] = PeriodCounts(len(self.layout.items), self.value_members)
        return counts


@dataclass
class Aggregation:
    """The counters of every rubric seen, and one line per file skipped or counted once."""

    by: Grouping
    tables: dict[RubricLayout, RubricTable] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files: int = 0

    def add_record(self, record: ExportRecord, sign: int = 1) -> None:
        """Count (or, with sign -1, take back) one practitioner's export."""
        table = self.tables.get(record.layout)
        if table is None:
            table = self.tables[record.layout] = RubricTable.create(record.layout)
        groups: dict[str, list[list[int]]] = {}
        for quarter, levels in record.checkins:
            groups.setdefault(period_label(quarter, self.by), []).append(levels)
        everything = [levels for _, levels in record.checkins]
        for label, checkins in groups.items():
            table.period(label).add(checkins, sign)
        if self.by != "all" and table.overall is not None:
            partial = any(UNANSWERED in levels for levels in everything)
            table.overall.count_practitioner(answered_items(everything) if partial else None, sign)
        if len(everything) > 1 and table.growth is not None:
            _add_growth(table.growth, everything, table.value_members, sign)


class _Seen:
    """Which export counts for each practitioner and rubric, kept on disk so memory stays flat."""

    def __init__(self) -> None:
        """A private temporary database, deleted when closed."""
        self.db = sqlite3.connect("")
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute(
            "CREATE TABLE seen (who BLOB PRIMARY KEY, rank BLOB, path TEXT) WITHOUT ROWID"
        )

    def claim(self, who: bytes, rank: bytes, path: str) -> tuple[bytes, str] | None:
        """Record a file for `who`; return the rank and path already there, if any."""
        cursor = self.db.execute(
            "INSERT INTO seen VALUES (?, ?, ?) ON CONFLICT(who) DO NOTHING", (who, rank, path)
        )
        if cursor.rowcount == 1:
            return None
        row = self.db.execute("SELECT rank, path FROM seen WHERE who = ?", (who,)).fetchone()
        return bytes(row[0]), str(row[1])

    def replace(self, who: bytes, rank: bytes, path: str) -> None:
        """Make a file the one that counts for `who`."""
        self.db.execute("UPDATE seen SET rank = ?, path = ? WHERE who = ?", (rank, path, who))

    def close(self) -> None:
        """Drop the temporary database."""
        self.db.close()


def iter_export_paths(paths: Iterable[Path]) -> Iterator[tuple[str, bool]]:
    """Each given file and the `.toml` files in given folders, streamed unsorted.

    Yields the path and whether it is known to be a regular file.
    """
    for path in paths:
        if not path.is_dir():
            yield str(path), False
            continue
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.name.endswith(".toml") and not entry.name.startswith("."):
                    yield entry.path, entry.is_file()


def _identity(record: ExportRecord) -> bytes:
    layout = record.layout
    key = "\x00".join((record.pseudonym, layout.rubric_id, layout.rubric_version, *layout.items))
    return hashlib.sha256(key.encode()).digest()


def _rank(record: ExportRecord, data: bytes) -> bytes:
    """Orders exports of one practitioner: more check-ins, then later, then content hash."""
    latest = record.checkins[-1][0].encode()
    return len(record.checkins).to_bytes(4, "big") + latest + hashlib.sha256(data).digest()


def aggregate(paths: Iterable[Path], by: Grouping) -> Aggregation:
    """Count every export under `paths`, one per practitioner and rubric, in any order."""
    result = Aggregation(by)
    seen = _Seen()
    try:
        for path, regular in iter_export_paths(paths):
            try:
                record, data = read_export(path, regular)
            except InputError as exc:
                result.problems.append(str(exc))
                continue
            result.files += 1
            who, rank = _identity(record), _rank(record, data)
            earlier = seen.claim(who, rank, path)
            if earlier is None:
                result.add_record(record)
                continue
            earlier_rank, earlier_path = earlier
            if earlier_rank == rank:
                result.notes.append(f"{path}: same export as {earlier_path}; counted once")
            elif earlier_rank > rank:
                result.notes.append(f"{path}: superseded by {earlier_path} (same practitioner)")
            else:
                result.add_record(read_export(earlier_path)[0], -1)
                result.add_record(record)
                seen.replace(who, rank, path)
                result.notes.append(f"{earlier_path}: superseded by {path} (same practitioner)")
    finally:
        seen.close()
    return result
