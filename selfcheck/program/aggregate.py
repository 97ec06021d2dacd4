"""Program aggregation: stream anonymous exports into per-rubric, per-period level counters."""

from __future__ import annotations

import hashlib
import operator
import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from selfcheck.formats.errors import InputError
from selfcheck.formats.toml_reading import folder_problem
from selfcheck.program.export import NOT_MY_ROLE, UNANSWERED
from selfcheck.program.export_reading import ExportRecord, RubricLayout, read_export
from selfcheck.program.noise import KEY_MODULUS, contribution_key

if TYPE_CHECKING:
    from selfcheck.store.vault import Vault

Grouping = Literal["quarter", "year", "all"]
OVERALL = "all"
"""The period label of rows over every period."""
ANSWER_CODES = (0, 1, 2, 3, 4, 5, NOT_MY_ROLE)
"""The answers counted per item, in the order of a row's counts: not yet, levels 1 to 5, not
my role."""


def period_labels(quarter: str) -> tuple[str, str, str]:
    """The periods a quarter's check-ins count in: the quarter, its year, and `all`."""
    return quarter, quarter[:4], OVERALL


def period_kind(label: str) -> Grouping:
    """Whether a period label names a quarter, a year, or every period."""
    if label == OVERALL:
        return "all"
    return "year" if len(label) == 4 else "quarter"


Shape = tuple[list[bool] | None, list[tuple[int, int]]]
"""One practitioner in one period: the items answered (None: all) and the (row, level) pairs
of rows where every answer was that level."""


class PeriodCounts:
    """Counters of one rubric in one period: levels per item, check-ins and practitioners."""

    def __init__(self, width: int, value_members: list[list[int]]) -> None:
        """Empty counters shaped after the rubric; keys are sums modulo 2**64."""
        self.positions = tuple(range(width))
        self.members = value_members
        self.getters = [_getter(members) for members in value_members]
        self.pairs: Counter[tuple[int, int]] = Counter()
        """(item index, level) -> answers; level 0 is not yet assessable, -1 no answer."""
        self.pure: Counter[tuple[int, int]] = Counter()
        """(row, level) -> practitioners whose every answer here was that level.

        Rows are item indexes, then `width + value index` for values."""
        self.item_practitioners = [0] * width
        self.value_practitioners = [0] * len(value_members)
        self.value_checkins = [0] * len(value_members)
        self.full_checkins = 0
        """Check-ins that answered every item, so count once for every value."""
        self.full_practitioners = 0
        """Practitioners who answered every item here, so count once for every row."""
        self.item_keys = [0] * width
        self.value_keys = [0] * len(value_members)
        self.full_keys = 0
        """Sums of the contribution keys of the practitioners counted alongside."""

    def shape(self, checkins: list[list[int]]) -> Shape:
        """Which items one practitioner answered here, and the rows where all answers agree."""
        partial = any(UNANSWERED in answers for answers in checkins)
        if len(checkins) == 1:
            alike: list[int | None] = list(checkins[0])
        else:
            alike = list(map(_one_level, zip(*checkins, strict=True)))
        keys: list[tuple[int, int]] = [
            (i, level) for i, level in zip(self.positions, alike, strict=True) if level is not None
        ]
        width = len(self.positions)
        for value, members in enumerate(self.getters):
            pooled = set(members(alike))
            pooled.discard(UNANSWERED)
            if len(pooled) == 1 and None not in pooled:
                keys.append((width + value, pooled.pop()))  # type: ignore[arg-type]
        return (answered_items(checkins) if partial else None), keys

    def add(
        self,
        checkins: list[list[int]],
        sign: int,
        key: int,
        levels: bool = True,
        shape: Shape | None = None,
    ) -> Shape:
        """Count one practitioner's check-ins of this period (sign -1 takes them back).

        With `levels` False only practitioners are counted: a year's or `all`'s answers are
        the sums of its quarters' (`RubricTable.sum_quarters`). Returns the practitioner's
        shape here, which a period holding the same check-ins may reuse.
        """
        if levels:
            count = self.pairs.update if sign > 0 else self.pairs.subtract
            partial = 0
            for answers in checkins:
                count(zip(self.positions, answers, strict=True))
                if UNANSWERED in answers:
                    partial += 1
                    for value, members in enumerate(self.members):
                        if any(answers[i] != UNANSWERED for i in members):
                            self.value_checkins[value] += sign
            self.full_checkins += sign * (len(checkins) - partial)
        answered, pure = shape = shape or self.shape(checkins)
        self.count_practitioner(answered, sign, key)
        (self.pure.update if sign > 0 else self.pure.subtract)(pure)
        return shape

    def count_practitioner(self, answered: list[bool] | None, sign: int, key: int) -> None:
        """Count one practitioner, and their key, on each item (and value) answered; None
        means all of them."""
        key = key if sign > 0 else KEY_MODULUS - key
        if answered is None:
            self.full_practitioners += sign
            self.full_keys = (self.full_keys + key) % KEY_MODULUS
            return
        for index, flag in enumerate(answered):
            if flag:
                self.item_practitioners[index] += sign
                self.item_keys[index] = (self.item_keys[index] + key) % KEY_MODULUS
        for value, members in enumerate(self.members):
            if any(answered[i] for i in members):
                self.value_practitioners[value] += sign
                self.value_keys[value] = (self.value_keys[value] + key) % KEY_MODULUS

    def level_counts(self, item: int) -> list[int]:
        """Answers to one item, in the order of ANSWER_CODES."""
        return [self.pairs[(item, code)] for code in ANSWER_CODES]

    def most_alike(self, row: int) -> int:
        """The most practitioners of one row (item, or width + value) who all gave one answer."""
        return max((self.pure[(row, code)] for code in ANSWER_CODES), default=0)


def _getter(members: list[int]) -> Callable[[list[int | None]], tuple[int | None, ...]]:
    """A function picking the given positions of a list, always as a tuple."""
    pick = operator.itemgetter(*members)
    return pick if len(members) > 1 else lambda row: (pick(row),)


def _one_level(column: tuple[int, ...]) -> int | None:
    """The one level a column of answers holds (UNANSWERED if none), None when it holds two."""
    low, high = min(column), max(column)
    if low == high:
        return low
    answered = set(column)
    answered.discard(UNANSWERED)
    return answered.pop() if len(answered) == 1 else None


def answered_items(checkins: list[list[int]]) -> list[bool]:
    """For each item, whether any of the check-ins answered it."""
    return [any(code != UNANSWERED for code in column) for column in zip(*checkins, strict=True)]


def item_changes(checkins: list[tuple[str, list[int]]]) -> list[tuple[int, str, str] | None]:
    """Per item: the change from the first to the latest rated level, and their quarters."""
    changes: list[tuple[int, str, str] | None] = []
    for index in range(len(checkins[0][1])):
        rated = [(quarter, levels[index]) for quarter, levels in checkins if levels[index] > 0]
        if len(rated) > 1:
            (first_quarter, first), (last_quarter, last) = rated[0], rated[-1]
            changes.append((last - first, first_quarter, last_quarter))
        else:
            changes.append(None)
    return changes


@dataclass
class ChangeSums:
    """Sums of first-to-latest change per item, over practitioners with two levels of it."""

    item_sum: list[int]
    item_n: list[int]
    value_n: list[int]
    """Practitioners with a change on at least one item of the value."""
    item_keys: list[int]
    value_keys: list[int]
    """Sums of the contribution keys of the practitioners counted alongside (modulo 2**64)."""
    alike: Counter[tuple[int, int]] = field(default_factory=Counter)
    """(row, change) -> practitioners whose every change there was that one (rows: items,
    then `width + value`)."""

    def add(
        self,
        checkins: list[tuple[str, list[int]]],
        members: list[list[int]],
        sign: int,
        key: int,
    ) -> None:
        """Count (or take back) one practitioner's first-to-latest changes."""
        key = key if sign > 0 else KEY_MODULUS - key
        changes = item_changes(checkins)
        width = len(changes)
        for index, found in enumerate(changes):
            if found is not None:
                self.item_sum[index] += sign * found[0]
                self.item_n[index] += sign
                self.item_keys[index] = (self.item_keys[index] + key) % KEY_MODULUS
                self.alike[(index, found[0])] += sign
        for value, items in enumerate(members):
            found_here = {changes[i][0] for i in items if changes[i] is not None}  # type: ignore[index]
            if found_here:
                self.value_n[value] += sign
                self.value_keys[value] = (self.value_keys[value] + key) % KEY_MODULUS
                if len(found_here) == 1:
                    self.alike[(width + value, found_here.pop())] += sign

    def most_alike(self, row: int) -> int:
        """The most practitioners of one growth row who all had one and the same change."""
        return max((self.alike[(row, change)] for change in range(-4, 5)), default=0)


@dataclass
class RubricTable:
    """Everything counted for one rubric layout: every quarter, year and `all`, and growth."""

    layout: RubricLayout
    value_ids: list[str]
    value_members: list[list[int]]
    growth: ChangeSums
    periods: dict[str, PeriodCounts] = field(default_factory=dict)

    @classmethod
    def create(cls, layout: RubricLayout) -> RubricTable:
        """Empty counters for a rubric layout."""
        value_ids = list(dict.fromkeys(layout.values))
        members = [[i for i, v in enumerate(layout.values) if v == value] for value in value_ids]
        width, values = len(layout.items), len(value_ids)
        growth = ChangeSums([0] * width, [0] * width, [0] * values, [0] * width, [0] * values)
        return cls(layout, value_ids, members, growth)

    def sum_quarters(self) -> None:
        """Set each year's and `all`'s answers and check-ins to the sums of its quarters'."""
        for label, total in self.periods.items():
            if period_kind(label) == "quarter":
                continue
            total.pairs, total.full_checkins = Counter(), 0
            total.value_checkins = [0] * len(self.value_members)
            for quarter, counts in self.periods.items():
                if period_kind(quarter) == "quarter" and label in period_labels(quarter):
                    total.pairs.update(counts.pairs)
                    total.full_checkins += counts.full_checkins
                    total.value_checkins = list(
                        map(sum, zip(total.value_checkins, counts.value_checkins, strict=True))
                    )

    def period(self, label: str) -> PeriodCounts:
        """The counters of one period, made on first use."""
        counts = self.periods.get(label)
        if counts is None:
            counts = self.periods[label] = PeriodCounts(len(self.layout.items), self.value_members)
        return counts


@dataclass
class Aggregation:
    """The counters of every rubric seen, and one line per file skipped or counted once."""

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
        keys: dict[str, int] = {}
        for quarter, levels in record.checkins:
            key = contribution_key(record.record_key, str(levels).encode())
            for label in period_labels(quarter):
                groups.setdefault(label, []).append(levels)
                keys[label] = (keys.get(label, 0) + key) % KEY_MODULUS
        # A period holding the same check-ins as another (a year of one quarter, `all` of one
        # year) has the same shape: work it out once.
        shapes: dict[tuple[int, ...], Shape] = {}
        for label, checkins in groups.items():
            same = tuple(map(id, checkins))
            count_answers = period_kind(label) == "quarter"
            counts = table.period(label)
            shapes[same] = counts.add(checkins, sign, keys[label], count_answers, shapes.get(same))
        if len(record.checkins) > 1:
            table.growth.add(record.checkins, table.value_members, sign, keys[OVERALL])


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


def iter_export_paths(paths: Iterable[Path], problems: list[str]) -> Iterator[tuple[str, bool]]:
    """Each given file and the `.toml` (or sealed `.toml.age`) files in folders, unsorted.

    Yields the path and whether it is known to be a regular file; a folder that cannot be
    read adds one line to `problems`.
    """
    for path in paths:
        if not path.is_dir():
            yield str(path), False
            continue
        try:
            with os.scandir(path) as entries:
                for entry in entries:
                    if entry.name.endswith((".toml", ".toml.age")) and not entry.name.startswith(
                        "."
                    ):
                        yield entry.path, _is_file(entry)
        except OSError as exc:
            problems.append(folder_problem(path, exc))


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:  # a link that loops: the reader reports it
        return False


def _identity(record: ExportRecord) -> bytes:
    layout = record.layout
    key = "\x00".join((record.pseudonym, layout.rubric_id, layout.rubric_version, *layout.items))
    return hashlib.sha256(key.encode()).digest()


def _rank(record: ExportRecord, data: bytes) -> bytes:
    """Orders exports of one practitioner: the later generation, then more check-ins, then the
    later latest quarter, then (a tie-break only) the content hash."""
    latest = record.checkins[-1][0].encode()
    return (
        record.generation.to_bytes(4, "big")
        + len(record.checkins).to_bytes(4, "big")
        + latest
        + hashlib.sha256(data).digest()
    )


def _superseded(loser: str, winner: str, loser_rank: bytes, winner_rank: bytes) -> str:
    """The one line saying which of two exports of one practitioner counts, and why."""
    if winner_rank[:4] != loser_rank[:4]:
        return f"{loser}: superseded by {winner} (same practitioner, a later export)"
    if winner_rank[:4] == bytes(4):
        return (
            f"{loser}: superseded by {winner} (same practitioner; between version 1 files the "
            "one with more check-ins counts)"
        )
    return (
        f"{loser}: same practitioner and export generation as {winner}, but different content; "
        f"counted {winner} (more check-ins, then the later quarter)"
    )


def aggregate(paths: Iterable[Path], vault: Vault | None = None) -> Aggregation:
    """Count every export under `paths`, one per practitioner and rubric, in any order."""
    result = Aggregation()
    count = result.add_record

    seen = _Seen()
    try:
        for path, regular in iter_export_paths(paths, result.problems):
            try:
                record, data = read_export(path, regular, vault)
            except InputError as exc:
                result.problems.append(str(exc))
                continue
            result.files += 1
            who, rank = _identity(record), _rank(record, data)
            earlier = seen.claim(who, rank, path)
            if earlier is None:
                count(record)
                continue
            earlier_rank, earlier_path = earlier
            if earlier_rank == rank:
                result.notes.append(f"{path}: same export as {earlier_path}; counted once")
            elif earlier_rank > rank:
                result.notes.append(_superseded(path, earlier_path, rank, earlier_rank))
            else:
                count(read_export(earlier_path, vault=vault)[0], -1)
                count(record)
                seen.replace(who, rank, path)
                result.notes.append(_superseded(earlier_path, path, earlier_rank, rank))
    finally:
        seen.close()
    return result
