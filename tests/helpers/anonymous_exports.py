"""Anonymous exports written by hand, one per made-up practitioner, for aggregate tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

from selfcheck.program.export import AnonymousCheckin, AnonymousExport, export_bytes

ITEMS = ["a1", "a2", "b1"]
"""The three items every export rates."""
VALUES = ["a", "a", "b"]
"""The value of each item: two in `a`, one in `b`."""


def write_export(folder: Path, who: int, checkins: list[tuple[str, list[int]]]) -> Path:
    """Write one export (format 3) for practitioner number `who`."""
    digest = hashlib.sha256(str(who).encode()).hexdigest()
    export = AnonymousExport(
        format="selfcheck-anonymous",
        format_version=3,
        pseudonym=digest,
        record_key=digest[:16],
        generation=1,
        rubric_id="r",
        rubric_version="1",
        items=ITEMS,
        values=VALUES,
        checkin=[AnonymousCheckin(period=p, levels=lv, discuss=[0] * 3) for p, lv in checkins],
    )
    path = folder / f"e{who}.toml"
    path.write_bytes(export_bytes(export))
    return path
