"""The summary after finishing, in words: each value against last time, the lists, the file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selfcheck.checkin.words import step_words
from selfcheck.formats.checkin import Checkin
from selfcheck.formats.rubric import Rubric
from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.formats.wording import mean_words
from selfcheck.growth.analysis import growth

MEANS_OF_CHOSEN = "Mean rating of the chosen items only, per value (a focus check-in)"
"""How a focus check-in's summary names its means: of the few items chosen, not the value."""
CHANGE_MARKS = {"up": "↑", "down": "↓", "same": "="}
"""A mark beside each change word, for eyes; the word itself is what a screen reader needs."""


def change_word(now: float | None, before: float | None) -> str:
    """`up`, `down`, `same`, or nothing when either side has no rating."""
    if now is None or before is None:
        return ""
    if abs(now - before) < 0.005:
        return "same"
    return "up" if now > before else "down"


def shown_path(path: Path) -> str:
    """A path with the home folder written as `~`."""
    try:
        inside = path.relative_to(Path.home())
    except ValueError:
        return str(path)
    return "~" if inside == Path() else f"~/{inside.as_posix()}"


@dataclass(frozen=True)
class ValueRow:
    """One value of the summary: its mean this time and last time, and which way it moved."""

    name: str
    now: str
    before: str
    change: str


def value_rows(
    versions: RubricVersions, checkin: Checkin, previous: Checkin | None
) -> list[ValueRow]:
    """Each value's mean this time and last time, and which way it moved.

    `versions` shows the check-in's own rubric version among every version here, so a last
    check-in of an older version counts with its own items, as on the growth screen."""
    result = growth([s for s in (previous, checkin) if s is not None], versions)
    rows = []
    for value in result.values:
        now = value.series.latest
        before = value.series.points[0] if previous is not None else None
        rows.append(
            ValueRow(value.name, mean_words(now), mean_words(before), change_word(now, before))
        )
    return rows


def summary_heading(checkin: Checkin, previous: Checkin | None, path: Path) -> list[str]:
    """When it finished, where it is saved, and what it is compared with."""
    compared = (
        f"compared with {previous.when.date().isoformat()}"
        if previous
        else "your first check-in: nothing to compare with yet"
    )
    return [
        f"Check-in finished {checkin.when.strftime('%Y-%m-%d %H:%M')}",
        f"Saved to {shown_path(path)}",
        f"{MEANS_OF_CHOSEN if checkin.is_focus else 'Mean rating per value'}, {compared}.",
    ]


def listing_lines(rubric: Rubric, checkin: Checkin) -> list[str]:
    """The items marked for discussion, the next steps, in plain words."""
    lines = ["Marked for discussion:"]
    discuss = [
        f"  • {number}. {item.title}"
        for number, item in enumerate(rubric.items, 1)
        if checkin.answer(item.id).discuss
    ]
    lines += discuss or ["  none"]
    if checkin.next_steps:
        lines.append("Next steps:")
        lines += [f"  • {step_words(rubric, step)}" for step in checkin.next_steps]
    return lines
