"""Reading anonymous exports fast: a strict reader of the written layout, tomllib otherwise."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from selfcheck.formats.checkin import CHECKIN_FORMAT
from selfcheck.formats.errors import InputError
from selfcheck.formats.sealed import looks_sealed
from selfcheck.formats.toml_reading import MAX_EXPORT_BYTES, check_header, parse_toml, validate
from selfcheck.program.export import (
    ANONYMOUS_FORMAT,
    ANONYMOUS_VERSION,
    HEADER_COMMENT,
    MAX_GENERATION,
    AnonymousExport,
    header_lines,
    legacy_record_key,
)
from selfcheck.store.vault import Vault, held

_PREFIX = (HEADER_COMMENT + f'format = "{ANONYMOUS_FORMAT}"\nformat_version = ').encode()
_VERSION_LINE = re.compile(rb'([123])\npseudonym = "([0-9a-f]{64})"\n')
_RECORD_KEY_LINE = re.compile(rb'record_key = "([0-9a-f]{16})"\n')
_GENERATION_LINE = re.compile(rb"generation = ([1-9][0-9]{0,9})\n")
_PERIOD_LINE = re.compile(rb'period = "([0-9]{4}-Q[1-4])"')
_CHECKIN = b"\n[[checkin]]\n"
_LEVELS = {str(level).encode(): level for level in range(-1, 6)}
_LEVELS_3 = {**_LEVELS, b"-2": -2}
"""Answer codes by format version: version 3 adds -2, not my role."""
_FLAGS = frozenset((b"0", b"1"))
_MAX_LAYOUTS = 256


@dataclass(frozen=True)
class RubricLayout:
    """The rubric an export was made with: id, version, and item ids with their values."""

    rubric_id: str
    rubric_version: str
    items: tuple[str, ...]
    values: tuple[str, ...]


@dataclass
class ExportRecord:
    """What aggregation needs from one export: who (pseudonym), which rubric, which levels."""

    pseudonym: str
    record_key: int
    """The export's record key (version 3), or the one derived from its pseudonym."""
    layout: RubricLayout
    checkins: list[tuple[str, list[int]]]
    generation: int
    """The export's generation; 0 for a version 1 file, which has none."""


_layouts: dict[bytes, RubricLayout] = {}
"""Rubric header lines seen in valid exports, so later files are checked by one lookup."""


def read_small_file(path: str) -> bytes | None:
    """The bytes of a regular file within the export size limit, or None to read it carefully."""
    try:
        with open(path, "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_EXPORT_BYTES:
                return None
            data = handle.read(status.st_size + 1)
    except OSError:
        return None
    return data if len(data) <= status.st_size else None


def read_export(
    path: str | Path, regular: bool = False, vault: Vault | None = None
) -> tuple[ExportRecord, bytes]:
    """Read one export file; return its record and its bytes. Raises InputError naming the file.

    `regular` says the path is known to be a regular file (so opening it cannot block).
    """
    data = read_small_file(str(path)) if regular else None
    if data is None:
        data = held(vault).read_data(Path(path), MAX_EXPORT_BYTES)
    elif looks_sealed(data):
        data = held(vault).unseal(Path(path), data, MAX_EXPORT_BYTES)
    record = parse_fast(data)
    return (record if record is not None else parse_checked(Path(path), data)), data


def parse_fast(data: bytes) -> ExportRecord | None:
    """Parse an export in exactly the layout selfcheck writes; None on any deviation."""
    if not data.startswith(_PREFIX):
        return None
    head = _VERSION_LINE.match(data, len(_PREFIX))
    if head is None:
        return None
    generation, start, key = 0, head.end(), legacy_record_key(head[2].decode())
    if head[1] == b"3":
        key_line = _RECORD_KEY_LINE.match(data, start)
        if key_line is None:
            return None
        key, start = int(key_line[1], 16), key_line.end()
    if head[1] != b"1":
        line = _GENERATION_LINE.match(data, start)
        if line is None or int(line[1]) > MAX_GENERATION:
            return None
        generation, start = int(line[1]), line.end()
    rest = data[start:]
    split = rest.find(_CHECKIN)
    layout = _layouts.get(rest[:split]) if split > 0 else None
    if layout is None:
        return None
    chunks = rest[split:].split(_CHECKIN)
    width = len(layout.items)
    codes = _LEVELS_3 if head[1] == b"3" else _LEVELS
    checkins = []
    previous = b""
    for chunk in chunks[1:]:
        lines = chunk.split(b"\n")
        if len(lines) != 4 or lines[3]:
            return None
        period_line, levels_line, discuss_line = lines[0], lines[1], lines[2]
        period = _PERIOD_LINE.fullmatch(period_line)
        if period is None or period[1] < previous:
            return None
        previous = period[1]
        if not (levels_line.startswith(b"levels = [") and levels_line.endswith(b"]")):
            return None
        try:
            levels = list(map(codes.__getitem__, levels_line[10:-1].split(b", ")))
        except KeyError:
            return None
        if not (discuss_line.startswith(b"discuss = [") and discuss_line.endswith(b"]")):
            return None
        flags = discuss_line[11:-1].split(b", ")
        if len(levels) != width or len(flags) != width or not _FLAGS.issuperset(flags):
            return None
        checkins.append((previous.decode(), levels))
    if chunks[0] or not checkins:
        return None
    return ExportRecord(head[2].decode(), key, layout, checkins, generation)


def parse_checked(path: Path, data: bytes) -> ExportRecord:
    """Parse with tomllib and validate fully; learn the rubric layout for the fast reader."""
    parsed = parse_toml(path, data)
    if parsed.get("format") == CHECKIN_FORMAT:
        raise InputError(
            path,
            "is a check-in file with names, notes and dates, not an anonymous export; refused "
            "(ask the practitioner for `selfcheck export --anonymous`)",
        )
    check_header(path, parsed, ANONYMOUS_FORMAT, ANONYMOUS_VERSION)
    export = validate(path, AnonymousExport, parsed)
    layout = RubricLayout(
        export.rubric_id, export.rubric_version, tuple(export.items), tuple(export.values)
    )
    if len(_layouts) < _MAX_LAYOUTS:
        _layouts.setdefault(header_lines(export).encode(), layout)
    key = export.record_key
    return ExportRecord(
        export.pseudonym,
        int(key, 16) if key is not None else legacy_record_key(export.pseudonym),
        layout,
        [(checkin.period, list(checkin.levels)) for checkin in export.checkin],
        export.generation or 0,
    )
