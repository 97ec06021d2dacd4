"""Growth in words and marks: summary sentences, item labels, signed changes, sparklines."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from selfcheck.formats.printable import one_line
from selfcheck.growth.analysis import (
    Change,
    Growth,
    ItemGrowth,
    discussion_items,
    largest_drops,
    largest_drops_since_previous,
    largest_growth,
    latest_means,
)
from selfcheck.growth.dates import day_words, iso_day

SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
"""Eight heights for a sparkline; a gap is shown as SPARK_GAP."""
SPARK_GAP = "·"
"""Sparkline character for a check-in with nothing rated."""


def version_note(result: Growth, item: ItemGrowth) -> str:
    """`only in 1.0.0`, `split from <title>`, both, or `` for an item in every version."""
    if item.value_id is None and not item.versions:
        return "older version"
    notes = [f"split from {one_line(title, 40)}" for title in item.split_from]
    compared = set(result.compared_versions)
    if len(compared) >= 2 and not compared <= set(item.versions):
        notes.insert(0, f"only in {', '.join(item.versions)}")
    return "; ".join(notes)


def item_label(result: Growth, item: ItemGrowth, width: int = 40) -> str:
    """An item's title, with the versions that have it when not all of them do."""
    note = version_note(result, item)
    title = one_line(item.title, width)
    return f"{title} ({note})" if note else title


def version_change_words(result: Growth, day: Callable[[date], str] = iso_day) -> str | None:
    """One sentence on when the rubric changed (dates written by `day`) and what it means."""
    changes = result.version_changes
    if not changes:
        return None
    moves = "; ".join(
        f"from version {result.checkins[k - 1].rubric_version} to "
        f"{result.checkins[k].rubric_version} on {day(result.checkins[k].when)}"
        for k in changes
    )
    return (
        f"The rubric changed {moves}: values are compared by value, items by their id or the "
        "ids they replace, and an item of only one version has levels only for that "
        "version's check-ins."
    )


def too_few_words(count: int) -> str | None:
    """Plain words when there are too few check-ins to show growth, else None."""
    if count == 0:
        return "no complete check-ins yet: growth appears after the second"
    if count == 1:
        return "one check-in so far: growth appears after the second"
    return None


def sparkline(points: Sequence[float | None], low: float = 1, high: float = 5) -> str:
    """A one-line chart of the points on a fixed scale from `low` to `high`."""
    top = len(SPARK_BLOCKS) - 1
    chars = []
    for point in points:
        if point is None:
            chars.append(SPARK_GAP)
            continue
        share = (min(max(point, low), high) - low) / (high - low)
        chars.append(SPARK_BLOCKS[round(share * top)])
    return "".join(chars)


def signed(change: float | None, digits: int = 2) -> str:
    """A change written with its sign and `digits` decimals (`+0.50`, `-1`, `0`), or ``."""
    if change is None:
        return ""
    if abs(change) < 0.5 * 10**-digits:
        return "0"
    return f"{change:+.{digits}f}"


def summary_lines(result: Growth) -> list[str]:
    """Plain words: largest growth, drops since the first and previous check-in, discussion."""
    words = too_few_words(len(result.checkins))
    lines = [words[0].upper() + words[1:] + "."] if words else []
    if not words:
        lines.append(
            _changes_line(
                "Largest growth since the first check-in", largest_growth(result), "none yet"
            )
        )
        lines.append(_changes_line("Largest drops since the first check-in", largest_drops(result)))
    if len(result.checkins) > 2:
        recent = largest_drops_since_previous(result)
        lines.append(_changes_line("Largest drops since the previous check-in", recent))
    discuss = discussion_items(result)
    if result.checkins:
        lines.append(
            "Marked for discussion at the latest check-in: "
            + (", ".join(item.title for item in discuss) if discuss else "none")
            + "."
        )
    return lines


def _changes_line(heading: str, changes: list[Change], empty: str = "none") -> str:
    return f"{heading}: " + ("; ".join(map(_change_words, changes)) if changes else empty) + "."


def _change_words(change: Change) -> str:
    return f"{change.label} ({change.first:g} to {change.latest:g}, {signed(change.change, 0)})"


EARLIER_MARK = "†"
"""Marks a value's mean taken from an earlier check-in than the latest (a focus one)."""


def earlier_means_words(result: Growth) -> str:
    """Which values' latest means come from an earlier check-in, and which one ("" if none)."""
    _, earlier = latest_means(result)
    dated = []
    for index in earlier:
        found = result.values[index].series.latest_rated
        if found is not None:
            name = one_line(result.values[index].name, 100_000)
            dated.append(f"{name} ({day_words(result.checkins[found[0]].when)})")
    if not dated:
        return ""
    return (
        f"{EARLIER_MARK} Not rated at the latest check-in, a focus check-in of a few items: "
        f"the mean of the latest check-in that rated it: {'; '.join(dated)}."
    )
