"""A made-up program of anonymous exports, to try `aggregate` and its audit on."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

from selfcheck.formats.rubric import Rubric
from selfcheck.program.export import (
    ANONYMOUS_FORMAT,
    ANONYMOUS_VERSION,
    NOT_YET,
    AnonymousCheckin,
    AnonymousExport,
)

DEMO_QUARTERS = ("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2")
"""The quarters the demo program runs over."""
DEMO_PRACTITIONERS = 40
"""Practitioners who send an export for the first release."""
DEMO_LATE = 2
"""Practitioners whose exports arrive after the first release."""


@dataclass(frozen=True)
class DemoFile:
    """One made-up export: its file name, its content, and whether it arrives late."""

    name: str
    export: AnonymousExport
    late: bool = False


def _export(
    rubric: Rubric, who: str, checkins: list[AnonymousCheckin], generation: int
) -> AnonymousExport:
    return AnonymousExport(
        format=ANONYMOUS_FORMAT,
        format_version=ANONYMOUS_VERSION,
        pseudonym=hashlib.sha256(f"selfcheck demo program {who}".encode()).hexdigest(),
        record_key=hashlib.sha256(f"selfcheck demo record key {who}".encode()).hexdigest()[:16],
        generation=generation,
        rubric_id=rubric.id,
        rubric_version=rubric.version,
        items=[item.id for item in rubric.items],
        values=[value.id for value, _ in rubric.iter_items()],
        checkin=checkins,
    )


def _checkins(
    rubric: Rubric, rng: random.Random, quarters: tuple[str, ...]
) -> list[AnonymousCheckin]:
    """A check-in a quarter, levels drifting upwards; the first item not yet assessable at first."""
    start = [rng.choice((2, 2, 3)) for _ in rubric.items]
    made = []
    for step, quarter in enumerate(quarters):
        levels = [
            NOT_YET
            if step == 0 and index == 0
            else min(4, level + step // 3 + rng.choice((0, 0, 1)))
            for index, level in enumerate(start)
        ]
        discuss = [int(rng.random() < 0.1) for _ in rubric.items]
        made.append(AnonymousCheckin(period=quarter, levels=levels, discuss=discuss))
    return made


def demo_program(rubric: Rubric, seed: int = 2026) -> list[DemoFile]:
    """The exports of a made-up program: most join at the start, some later, one re-exports
    after deleting a check-in, and a few arrive after the first release."""
    rng = random.Random(seed)
    files = []
    for number in range(1, DEMO_PRACTITIONERS + DEMO_LATE + 1):
        joined = rng.choice((0, 0, 0, 1, 2))
        checkins = _checkins(rubric, rng, DEMO_QUARTERS[joined:])
        who = f"practitioner-{number:02d}"
        late = number > DEMO_PRACTITIONERS
        files.append(DemoFile(f"{who}.toml", _export(rubric, who, checkins, 1), late))
        if number == 1:
            fewer = checkins[:2] + checkins[3:]
            files.append(DemoFile(f"{who}-again.toml", _export(rubric, who, fewer, 2)))
    return files
