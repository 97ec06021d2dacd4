"""The release ledger: what each aggregate published, and salted digests of who was behind it."""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import secrets
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.toml_reading import read_bytes
from selfcheck.program.aggregate import OVERALL, item_changes
from selfcheck.program.audit import CellKey, Figures
from selfcheck.program.export_reading import ExportRecord, RubricLayout
from selfcheck.program.rows import CSV_COLUMNS, GROWTH_PERIOD, Row
from selfcheck.store.files import write_atomic

LEDGER_FORMAT = "selfcheck-release-ledger"
"""The `format` of a ledger file."""
LEDGER_VERSION = 1
"""The ledger format version this selfcheck writes and reads."""
DEFAULT_LEDGER_NAME = "selfcheck-ledger.json"
"""The ledger's file name beside `--out` (or in the current folder when printing)."""
MAX_LEDGER_BYTES = 1024 * 1024 * 1024
"""A ledger larger than this is refused before reading."""
_DIGEST = 4
"""Bytes of each contribution digest."""
_FIGURES = CSV_COLUMNS[5:-1]

Changes = Counter[tuple[str, int]]
"""(period, row) -> practitioners whose contribution to that row differs between releases."""
Roster = dict[str, str]
"""A practitioner's salted tag (hex) -> the salted digests of their contributions."""
Label = tuple[str, str]
"""A rubric as the CSV names it: id and version (with `+variant-N` where needed)."""
Changed = dict[Label, dict[tuple[str, str, str], str]]
"""Per rubric: rows that would show a change of fewer than K people, with the reason."""


def _rows(layout: RubricLayout) -> tuple[list[str], list[list[int]]]:
    """The value ids of a layout and each value's item positions, in rubric order."""
    values = list(dict.fromkeys(layout.values))
    return values, [[i for i, v in enumerate(layout.values) if v == value] for value in values]


def _layout_key(layout: RubricLayout) -> str:
    text = "\x00".join((layout.rubric_id, layout.rubric_version, *layout.items, "", *layout.values))
    return hashlib.sha256(text.encode()).hexdigest()


def _row_index(layout: RubricLayout, scope: str, id_: str) -> int:
    """A row's position among the digests: items first, then values."""
    if scope == "item":
        return layout.items.index(id_)
    return len(layout.items) + _rows(layout)[0].index(id_)


def _slots(record: ExportRecord) -> dict[str, list[bytes]]:
    """What one practitioner contributes to each row's figures, per quarter and growth, as bytes.

    An item's contribution is its answered levels; a value's, the levels of its items pooled
    and how many check-ins answered any of them; growth, the change (a value's: the sum of its
    items' changes and how many there are). Empty bytes mean no contribution to that row.
    """
    members = _rows(record.layout)[1]
    quarters: dict[str, list[list[int]]] = {}
    for quarter, levels in record.checkins:
        quarters.setdefault(quarter, []).append(levels)
    slots: dict[str, list[bytes]] = {}
    for quarter, checkins in quarters.items():
        shifted = [bytes(level + 1 for level in levels) for levels in checkins]
        columns = [bytes(sorted(column)).lstrip(b"\x00") for column in zip(*shifted, strict=True)]
        pooled = []
        for items in members:
            pooled_levels = bytes(sorted(b"".join(columns[i] for i in items)))
            answering = sum(1 for row in shifted if any(row[i] for i in items))
            pooled.append(b"%d:%s" % (answering, pooled_levels) if answering else b"")
        slots[quarter] = [*columns, *pooled]
    changes = [None if found is None else found[0] for found in item_changes(record.checkins)]
    growth = [b"" if change is None else b"%d" % change for change in changes]
    for items in members:
        made = [change for i in items if (change := changes[i]) is not None]
        growth.append(b"%d:%d" % (sum(made), len(made)) if made else b"")
    slots[GROWTH_PERIOD] = growth
    return slots


@dataclass
class Ledger:
    """A release ledger file: its salt and every release recorded in it."""

    path: Path
    salt: bytes
    releases: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def open(cls, path: Path) -> Ledger:
        """Read a ledger, or start a new one with a fresh salt when the file does not exist."""
        if not path.exists():
            return cls(path, secrets.token_bytes(32))
        try:
            data = json.loads(read_bytes(path, MAX_LEDGER_BYTES))
            if data.get("format") != LEDGER_FORMAT:
                raise ValueError("not a selfcheck release ledger")
            if data.get("format_version") != LEDGER_VERSION:
                raise ValueError(
                    f"format_version {data.get('format_version')!r}; upgrade selfcheck"
                )
            return cls(path, bytes.fromhex(data["salt"]), list(data["releases"]))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise SelfcheckError(f"{path}: cannot read the release ledger: {exc}") from exc

    def fingerprint(self, record: ExportRecord) -> tuple[str, str]:
        """A practitioner's salted tag and the salted digests of what they contribute."""
        who = record.pseudonym.encode()
        tag = hashlib.blake2b(b"tag\x00" + who, key=self.salt, digest_size=8).digest()
        digest = functools.partial(hashlib.blake2b, key=self.salt, digest_size=_DIGEST)
        empty = bytes(_DIGEST)
        parts = []
        for slot, contents in sorted(_slots(record).items()):
            head = b"row\x00" + who + b"\x00" + slot.encode() + b"\x00"
            found = map(digest, [head + b"%d\x00%s" % pair for pair in enumerate(contents)])
            digests = b"".join(
                one.digest() if content else empty
                for one, content in zip(found, contents, strict=True)
            )
            parts.append(slot + "=" + base64.b64encode(digests).decode())
        return tag.hex(), " ".join(parts)

    def history(
        self,
        rosters: dict[RubricLayout, Roster],
        labels: dict[RubricLayout, Label],
        min_group: int,
        before: int | None = None,
    ) -> tuple[Changed, dict[CellKey, Figures]]:
        """What the releases (up to `before`) mean for a new one: rows changed, rows known.

        A row published earlier whose contributors all contribute the same now is known to
        everyone (its earlier figures); one whose contributions differ for fewer than K
        practitioners would show those few by difference.
        """
        changed: Changed = {}
        known: dict[CellKey, Figures] = {}
        for layout, roster in rosters.items():
            rubric = labels[layout]
            width = len(layout.items) + len(_rows(layout)[0])
            mine = changed.setdefault(rubric, {})
            for release in self.releases[:before]:
                entry = release["rubrics"].get(_layout_key(layout))
                if entry is None:
                    continue
                changes = _changes(self.roster_at(release, layout), roster, width)
                for period, scope, id_, figures in entry["cells"]:
                    count = changes[(period, _row_index(layout, scope, id_))]
                    if count == 0:
                        cell = (*rubric, period, scope, id_)
                        known[cell] = dict(zip(_FIGURES, figures, strict=True))
                    elif count < min_group:
                        mine.setdefault(
                            (period, scope, id_),
                            f"would show a change of fewer than {min_group} people since the "
                            f"release of {release['date']}",
                        )
        return changed, known

    def roster_at(self, release: dict[str, Any], layout: RubricLayout) -> Roster:
        """The roster a release recorded for a rubric: its changes over the releases before."""
        key, roster = _layout_key(layout), {}
        for earlier in self.releases:
            entry = earlier["rubrics"].get(key)
            if entry is not None:
                for tag, blob in entry["roster_changes"].items():
                    if blob:
                        roster[tag] = blob
                    else:
                        roster.pop(tag, None)
            if earlier is release:
                break
        return roster

    def latest_roster(self, layout: RubricLayout) -> Roster:
        """The roster of the latest release that recorded a rubric (empty if none did)."""
        return self.roster_at(self.releases[-1], layout) if self.releases else {}

    def find(self, csv_sha256: str) -> int | None:
        """The position of the release that published a CSV with this sha256, if recorded."""
        for index, release in enumerate(self.releases):
            if release["csv_sha256"] == csv_sha256:
                return index
        return None

    def quarters_of(self, index: int) -> dict[Label, list[str]]:
        """The quarters behind each rubric of one recorded release."""
        return {
            (entry["label"][0], entry["label"][1]): entry["quarters"]
            for entry in self.releases[index]["rubrics"].values()
        }

    def rosters_of(
        self, index: int
    ) -> tuple[dict[RubricLayout, Roster], dict[RubricLayout, Label]]:
        """The rosters and rubric labels of one recorded release."""
        rosters, labels = {}, {}
        for entry in self.releases[index]["rubrics"].values():
            layout = RubricLayout(
                entry["rubric_id"],
                entry["rubric_version"],
                tuple(entry["items"]),
                tuple(entry["values"]),
            )
            rosters[layout] = self.roster_at(self.releases[index], layout)
            labels[layout] = (entry["label"][0], entry["label"][1])
        return rosters, labels

    def record(
        self,
        date: str,
        csv_sha256: str,
        rows: list[Row],
        rosters: dict[RubricLayout, Roster],
        labels: dict[RubricLayout, Label],
        quarters: dict[RubricLayout, list[str]],
    ) -> None:
        """Add a release: the rows it published, their figures, and who was behind them."""
        rubrics = {}
        for layout, roster in rosters.items():
            rubric = labels[layout]
            cells = [
                [row.period, row.scope, row.id, row.csv_fields()[5:-1]]
                for row in rows
                if (row.rubric_id, row.rubric_version) == rubric and not row.blanked
            ]
            rubrics[_layout_key(layout)] = {
                "rubric_id": layout.rubric_id,
                "rubric_version": layout.rubric_version,
                "items": list(layout.items),
                "values": list(layout.values),
                "label": list(rubric),
                "quarters": quarters[layout],
                "cells": cells,
                "roster_changes": _difference(self.latest_roster(layout), roster),
            }
        self.releases.append({"date": date, "csv_sha256": csv_sha256, "rubrics": rubrics})

    def save(self) -> None:
        """Write the ledger atomically, readable by its owner only."""
        data = {
            "format": LEDGER_FORMAT,
            "format_version": LEDGER_VERSION,
            "salt": self.salt.hex(),
            "releases": self.releases,
        }
        write_atomic(self.path, json.dumps(data, separators=(",", ":")).encode() + b"\n")


def _decode(blob: str) -> dict[str, bytes]:
    if not blob:
        return {}
    return {
        slot: base64.b64decode(digests)
        for slot, digests in (part.split("=", 1) for part in blob.split(" "))
    }


def _changes(old: Roster, new: Roster, width: int) -> Changes:
    """Per (period, row): how many practitioners' contributions differ between two rosters."""
    found: Changes = Counter()
    empty = bytes(_DIGEST * width)
    for tag in old.keys() | new.keys():
        before, after = old.get(tag, ""), new.get(tag, "")
        if before == after:
            continue
        slots_before, slots_after = _decode(before), _decode(after)
        marks = set()
        for slot in slots_before.keys() | slots_after.keys():
            one, two = slots_before.get(slot, empty), slots_after.get(slot, empty)
            for row in range(width):
                span = slice(row * _DIGEST, (row + 1) * _DIGEST)
                if one[span] == two[span]:
                    continue
                if slot == GROWTH_PERIOD:
                    marks.add((slot, row))
                else:
                    marks.update(((slot, row), (slot[:4], row), (OVERALL, row)))
        found.update(marks)
    return found


def _difference(before: Roster, after: Roster) -> Roster:
    """What turns one roster into the next: changed or new entries, and "" for those gone."""
    changes = {tag: blob for tag, blob in after.items() if before.get(tag) != blob}
    changes.update({tag: "" for tag in before.keys() - after.keys()})
    return dict(sorted(changes.items()))
