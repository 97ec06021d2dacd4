"""Anonymous export: a practitioner's levels per quarter under a per-program pseudonym."""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, StrictInt, StrictStr, model_validator

from selfcheck.formats.checkin import Checkin
from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.fields import Identifier, Version, _Strict
from selfcheck.formats.rubric import Rubric

ANONYMOUS_FORMAT = "selfcheck-anonymous"
"""The `format` of an anonymous export file."""
ANONYMOUS_VERSION = 3
"""The export format version this selfcheck writes, and the newest it reads (1 and 2 too)."""
MAX_GENERATION = 2**31 - 1
"""The largest export generation a file may carry."""
NOT_YET = 0
"""The code written for an item the practitioner cannot assess yet (`not-yet`)."""
NOT_MY_ROLE = -2
"""The code written for an item outside the practitioner's role (`not-my-role`, version 3)."""
UNANSWERED = -1
"""The level written for an item left without an answer."""
HEADER_COMMENT = (
    "# selfcheck anonymous export: levels per quarter under a pseudonym; no names, notes,\n"
    "# dates or typed text. Levels 1-5, 0 = not yet, -2 = not my role, -1 = no answer.\n"
    "# Format: docs/anonymous-format.md\n"
)
"""The comment lines every export starts with, byte for byte."""
_PSEUDONYM_CONTEXT = b"selfcheck-anonymous-pseudonym-v1\x00"
_RECORD_KEY_CONTEXT = b"selfcheck-anonymous-record-key-v1\x00"
LEGACY_RECORD_KEY_CONTEXT = b"selfcheck-record-key-from-pseudonym-v1\x00"
"""Salts the record key `aggregate` derives from the pseudonym of a version 1 or 2 export."""
PERIOD_PATTERN = r"^[0-9]{4}-Q[1-4]$"
"""A calendar quarter, the only time an export holds: `2026-Q4`."""

Period = Annotated[StrictStr, Field(pattern=PERIOD_PATTERN)]
ExportLevel = Annotated[StrictInt, Field(ge=NOT_MY_ROLE, le=5)]
Flag = Annotated[StrictInt, Field(ge=0, le=1)]


class AnonymousCheckin(_Strict):
    """One check-in as shared: its quarter, a level per item, and discussion marks."""

    period: Period
    levels: list[ExportLevel]
    discuss: list[Flag]


class AnonymousExport(_Strict):
    """An anonymous export file: pseudonym, rubric and the complete check-ins in time order."""

    format: Literal["selfcheck-anonymous"]
    format_version: Literal[1, 2, 3]
    pseudonym: Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{64}$")]
    record_key: Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{16}$")] | None = None
    """Version 3: the practitioner's random key for this program, which keys the noise."""
    generation: Annotated[StrictInt, Field(ge=1, le=MAX_GENERATION)] | None = None
    """Version 2 on: counts this installation's differing exports for the program and rubric."""
    rubric_id: Identifier
    rubric_version: Version
    items: Annotated[list[Identifier], Field(min_length=1)]
    values: Annotated[list[Identifier], Field(min_length=1)]
    checkin: Annotated[list[AnonymousCheckin], Field(min_length=1)]

    @model_validator(mode="after")
    def _consistent(self) -> AnonymousExport:
        if self.format_version == 1 and self.generation is not None:
            raise ValueError("generation: format_version 1 has none; remove it or write version 2")
        if self.format_version >= 2 and self.generation is None:
            raise ValueError(
                f"generation: missing; format_version {self.format_version} needs a whole "
                "number from 1"
            )
        if (self.format_version == 3) != (self.record_key is not None):
            raise ValueError("record_key: format_version 3 needs one, and only version 3 has one")
        if self.format_version < 3 and any(NOT_MY_ROLE in c.levels for c in self.checkin):
            raise ValueError("levels: -2 (not my role) needs format_version 3")
        if len(set(self.items)) != len(self.items):
            raise ValueError("items: an item id is listed twice")
        if len(self.values) != len(self.items):
            raise ValueError("values: must name one value per item")
        for index, checkin in enumerate(self.checkin):
            if len(checkin.levels) != len(self.items) or len(checkin.discuss) != len(self.items):
                raise ValueError(f"checkin.{index}: needs one level and one mark per item")
        periods = [checkin.period for checkin in self.checkin]
        if periods != sorted(periods):
            raise ValueError("checkin: check-ins must be in time order")
        return self


def program_key(program: str) -> str:
    """The program name as compared: Unicode-normalized, case-folded, spaces collapsed."""
    key = " ".join(unicodedata.normalize("NFKC", program).casefold().split())
    if not key:
        raise SelfcheckError("--program: give the program's name, e.g. --program 'Cohort 2026'")
    return key


def pseudonym(secret_hex: str, program: str) -> str:
    """HMAC-SHA256 of the program under the installation's secret: stable, unlinkable."""
    message = _PSEUDONYM_CONTEXT + program_key(program).encode("utf-8")
    return hmac.new(bytes.fromhex(secret_hex), message, hashlib.sha256).hexdigest()


def record_key(secret_hex: str, program: str) -> str:
    """The practitioner's record key for a program: 16 hex digits, stable and unlinkable."""
    message = _RECORD_KEY_CONTEXT + program_key(program).encode("utf-8")
    return hmac.new(bytes.fromhex(secret_hex), message, hashlib.sha256).hexdigest()[:16]


def legacy_record_key(pseudonym_hex: str) -> int:
    """The record key of a version 1 or 2 export, which has none: derived from its pseudonym."""
    digest = hashlib.sha256(LEGACY_RECORD_KEY_CONTEXT + pseudonym_hex.encode("ascii")).digest()
    return int.from_bytes(digest[:8], "big")


def program_slug(program: str) -> str:
    """A file-name-safe short form of the program name."""
    ascii_name = unicodedata.normalize("NFKD", program_key(program)).encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.decode("ascii")).strip("-")[:40].strip("-")
    return slug or "program"


def default_export_name(program: str, rubric: Rubric) -> str:
    """The export's default file name: program and rubric, never a date or a name."""
    return f"selfcheck-anonymous-{program_slug(program)}-{rubric.id}.toml"


def quarter(moment: datetime) -> str:
    """The calendar quarter of a moment's local date (in its own UTC offset): `2026-Q4`."""
    return f"{moment.year:04d}-Q{(moment.month - 1) // 3 + 1}"


def shared_level(checkin: Checkin, item_id: str) -> int:
    """The code an export shares for one item: 1-5, 0 not yet, -2 not my role, -1 no answer.

    The one place a check-in's answer becomes an export code (today's `not_assessable` means
    "not yet"; an answer "not my role" maps to NOT_MY_ROLE here).
    """
    answer = checkin.answer(item_id)
    if answer.rating is not None:
        return answer.rating
    return NOT_YET if answer.not_assessable else UNANSWERED


def build_export(
    checkins: list[Checkin], rubric: Rubric, secret_hex: str, program: str
) -> AnonymousExport:
    """The export of the complete check-ins of `rubric` (same id and version) among `checkins`.

    Its generation is 1 until the data folder's count gives it its own (`program.generations`).
    """
    chosen = sorted(
        (
            s
            for s in checkins
            if s.complete and s.rubric.id == rubric.id and s.rubric.version == rubric.version
        ),
        # A check-in's quarter is that of its local date; ordering by it keeps quarters in order
        # when check-ins were made in different UTC offsets.
        key=lambda s: (quarter(s.when), s.when),
    )
    if not chosen:
        raise SelfcheckError(
            f"no complete check-in of rubric {rubric.id!r} version {rubric.version} to export; "
            "finish a check-in first"
        )
    items = [item.id for item in rubric.items]
    return AnonymousExport(
        format=ANONYMOUS_FORMAT,
        format_version=ANONYMOUS_VERSION,
        pseudonym=pseudonym(secret_hex, program),
        record_key=record_key(secret_hex, program),
        generation=1,
        rubric_id=rubric.id,
        rubric_version=rubric.version,
        items=items,
        values=[value.id for value, _ in rubric.iter_items()],
        checkin=[
            AnonymousCheckin(
                period=quarter(s.when),
                levels=[shared_level(s, item_id) for item_id in items],
                discuss=[int(s.answer(item_id).discuss) for item_id in items],
            )
            for s in chosen
        ],
    )


def toml_string(text: str) -> str:
    """A TOML basic string with every character TOML forbids raw escaped."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _int_array(numbers: list[int]) -> str:
    return "[" + ", ".join(map(str, numbers)) + "]"


def _string_array(versions: list[str]) -> str:
    return "[" + ", ".join(map(toml_string, versions)) + "]"


def header_lines(export: AnonymousExport) -> str:
    """The rubric lines of an export: identical in every export of the same rubric."""
    return (
        f"rubric_id = {toml_string(export.rubric_id)}\n"
        f"rubric_version = {toml_string(export.rubric_version)}\n"
        f"items = {_string_array(export.items)}\n"
        f"values = {_string_array(export.values)}\n"
    )


def export_bytes(export: AnonymousExport) -> bytes:
    """The export in its fixed line layout (valid TOML), exactly as written to the file.

    The layout follows the export's `format_version`: version 1 has no generation line,
    versions 1 and 2 no record key.
    """
    key = "" if export.record_key is None else f'record_key = "{export.record_key}"\n'
    generation = "" if export.generation is None else f"generation = {export.generation}\n"
    return (
        f'{HEADER_COMMENT}format = "{ANONYMOUS_FORMAT}"\n'
        f"format_version = {export.format_version}\n"
        f'pseudonym = "{export.pseudonym}"\n{key}{generation}'
    ).encode() + shared_content(export)


def shared_content(export: AnonymousExport) -> bytes:
    """The rubric and check-in lines of an export: what it shares, without its generation."""
    parts = [header_lines(export)]
    for checkin in export.checkin:
        parts.append(
            f'\n[[checkin]]\nperiod = "{checkin.period}"\n'
            f"levels = {_int_array(checkin.levels)}\n"
            f"discuss = {_int_array(checkin.discuss)}\n"
        )
    return "".join(parts).encode("utf-8")


def describe_export(export: AnonymousExport) -> str:
    """A plain-language account of what the export shares, for the practitioner's consent."""
    periods = sorted({checkin.period for checkin in export.checkin})
    return "\n".join(
        [
            f"This file shares {len(export.checkin)} complete check-in(s) of rubric "
            f"{export.rubric_id} version {export.rubric_version}, "
            f"from {periods[0]} to {periods[-1]}.",
            "For each check-in: the quarter, your level on each item (or not yet, or not your "
            "role), and which items you marked to discuss.",
            f"Its generation, {export.generation}, counts the different exports you made for "
            "this program, so only your latest is counted there; it is a count, not a date.",
            "Not shared: your name, your supervisor, notes, next steps, exact dates or times, "
            "check-in ids, or anything you typed.",
            "You appear under a pseudonym made for this program only; the program cannot "
            "turn it back into your name. A random key made for this program keys the noise "
            "that protects you in the program's published figures.",
        ]
    )
