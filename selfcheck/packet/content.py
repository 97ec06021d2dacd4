"""What the supervision packet says, section by section: shared by the PDF and the HTML packet."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from selfcheck.formats.checkin import Checkin
from selfcheck.formats.printable import one_line, printable
from selfcheck.formats.wording import MISSING, NOT_ASSESSABLE_MARK, NOT_MY_ROLE_MARK, mean_words
from selfcheck.growth.analysis import (
    Change,
    Growth,
    ItemGrowth,
    item_changes,
    latest_means,
    value_changes,
)
from selfcheck.growth.dates import day_words
from selfcheck.growth.trends import period
from selfcheck.growth.words import (
    EARLIER_MARK,
    earlier_means_words,
    item_label,
    signed,
    summary_lines,
    version_change_words,
)

NoteChoice = Literal["none", "discuss", "all"]
NOTE_WORDS = {
    "none": "no notes are included (--notes none).",
    "discuss": "only notes on items marked for discussion are included; other notes stay private.",
    "all": "all notes of the latest check-in are included (--notes all).",
}
INTRO = (
    "Made by selfcheck from the practitioner's own check-in files, to open together in "
    "supervision. It starts a conversation; it is not an evaluation."
)
SECTIONS = (
    "Value means over time",
    "Strengths at a glance",
    "Each item per check-in",
    "Items marked for discussion",
    "Next steps",
)
"""The packet's numbered sections, in order."""
CONTENTS = (
    "Value means over time (chart and table)",
    "Strengths at a glance: first, previous and latest check-in (chart and table)",
    "Each item per check-in (chart and table)",
    "Items marked for discussion, with the notes chosen to share",
    "Next steps: the learning plan, this time and last time",
)
"""What each section holds, as the front page lists it."""
TREND_NOTE = (
    "The numbers behind the chart: the mean level of each value's rated items. "
    "* marks a mean of only some of the value's items (the rest not yet, not my role, "
    "unrated, or not part of a focus check-in); – means none was rated."
)
HEATMAP_NOTE = "The levels behind the chart (n/a: not yet; role: not my role; –: not rated)."
NO_DISCUSSION = "No items were marked for discussion."
NO_STEPS = "No next steps were written."
"""Marks a value's latest mean taken from an earlier check-in than the latest (a focus one)."""
OTHER_NOTES = "Other notes from the latest check-in"


WHOLE = 100_000
"""More characters than any title, name or comment holds, even shown escaped: never a cut."""


def whole(text: str) -> str:
    """Text from a file on one printable line, never shortened (the PDF fits cells by measure)."""
    return one_line(text, WHOLE)


def level_words(item: ItemGrowth, index: int) -> str:
    """An item's level at one check-in: the number, `n/a`, `role`, or the missing mark."""
    point = item.series.points[index]
    if point is not None:
        return f"{point:g}"
    if item.not_my_role[index]:
        return NOT_MY_ROLE_MARK
    return NOT_ASSESSABLE_MARK if item.not_assessable[index] else MISSING


def latest_checkin(result: Growth, checkins: list[Checkin]) -> Checkin:
    """The check-in the packet is about: the latest complete one of the growth."""
    return next(s for s in checkins if s.id == result.checkins[-1].checkin_id)


def packet_period(result: Growth) -> str:
    """The dates the packet covers, written the packet's one way: `3 Mar 2025 to 2 Dec 2025`."""
    return period(result, day_words)


def front_facts(
    who: str, result: Growth, latest: Checkin, notes: NoteChoice
) -> list[tuple[str, str]]:
    """The packet's header facts as label and value (an empty label continues the line above)."""
    versions = ", ".join(result.versions)
    count = len(result.checkins)
    meeting = latest.supervision.meeting
    return [
        ("Practitioner", whole(who)),
        ("Supervisor", whole(latest.supervision.supervisor) or "not recorded"),
        *([("Meeting", day_words(meeting))] if meeting else []),
        ("Rubric", whole(result.rubric_title)),
        ("", f"{result.rubric_id}, version{'s' if len(result.versions) > 1 else ''} {versions}"),
        ("Period", packet_period(result)),
        (
            "Check-ins",
            f"{count} complete check-in{'s' if count != 1 else ''}" + _focus_words(result),
        ),
        ("Notes", NOTE_WORDS[notes]),
    ]


def _focus_words(result: Growth) -> str:
    focus = sum(checkin.focus for checkin in result.checkins)
    return f", {focus} of them focus check-ins of a few items" if focus else ""


def summary_bullets(result: Growth) -> list[str]:
    """The front page's summary: overall change, growth, drops, discussion, the value grown most."""
    bullets = []
    overall = result.overall
    if overall.first is not None and overall.latest is not None and len(result.checkins) > 1:
        bullets.append(
            f"Overall mean of rated items: {overall.first:.2f} at the first check-in, "
            f"{overall.latest:.2f} at the latest ({signed(overall.change_since_first)})."
        )
    bullets += summary_lines(result)
    if changed := version_change_words(result, day_words):
        bullets.append(changed)
    moved = value_changes(result)
    if moved:
        best = max(moved, key=lambda c: c.change)
        bullets.append(
            f"Value that grew most: {best.label} ({best.first:.2f} to {best.latest:.2f})."
        )
    return bullets


def checkin_dates(result: Growth, columns: Sequence[int]) -> list[str]:
    """Column headings for check-ins: the date with its year on a second line."""
    return ["\n".join(day_words(result.checkins[i].when).rsplit(" ", 1)) for i in columns]


def trend_rows(result: Growth, columns: Sequence[int]) -> list[list[str]]:
    """Each value's mean at the given check-ins (* when only some items were rated), and overall."""
    rows = [
        [
            whole(v.name),
            *(
                mean_words(v.series.points[i]) + ("*" if v.rated[i] < v.items[i] else "")
                for i in columns
            ),
        ]
        for v in result.values
    ]
    rows.append(["Overall", *(mean_words(result.overall.points[i]) for i in columns)])
    return rows


def radar_table(result: Growth) -> tuple[list[str], list[list[str]]]:
    """The radar's numbers: header and rows of first, previous and latest means and the change.

    A value the latest check-in did not rate (a focus check-in) shows its latest rated mean,
    marked with EARLIER_MARK, as the radar draws it.
    """
    from selfcheck.growth.charts import radar_columns

    chosen = radar_columns(result)
    header = ["Value", *(f"{name}\n{day_words(result.checkins[i].when)}" for name, i in chosen)]
    header.append("change\nsince first")
    latest, earlier = latest_means(result)
    rows = []
    for index, value in enumerate(result.values):
        means = [mean_words(value.series.points[i]) for name, i in chosen if name != "latest"]
        mark = EARLIER_MARK if index in earlier else ""
        means.append(mean_words(latest[index]) + mark)
        change = value.series.rated_change if mark else value.series.change_since_first
        rows.append([whole(value.name), *means, signed(change) or MISSING])
    return header, rows


def radar_notes(result: Growth) -> list[str]:
    """Which latest means come from an earlier check-in, and which one: the radar's footnote."""
    note = earlier_means_words(result)
    return [note] if note else []


def heatmap_rows(result: Growth, columns: Sequence[int]) -> list[list[str]]:
    """Each item's level at the given check-ins."""
    return [
        [
            item_label(result, item, WHOLE),
            *(level_words(item, i) for i in columns),
        ]
        for item in result.items
    ]


def heatmap_shown_words(result: Growth) -> str:
    """Which check-ins the heatmap and its table show, when not all of them."""
    from selfcheck.growth.charts import heatmap_columns

    shown, count = len(heatmap_columns(result)), len(result.checkins)
    return (
        f"The chart and table show the most recent (latest {shown} of {count})."
        if shown < count
        else ""
    )


def discussion_intro(checkins: Sequence[Checkin], responded: bool, notes: NoteChoice) -> str:
    """Which check-ins the discussion section brings together, and which notes it shows."""
    last = day_words(checkins[-1].when)
    if len(checkins) == 1:
        return f"From the latest check-in ({last}). Notes: {NOTE_WORDS[notes]}"
    since = (
        f"the {len(checkins)} check-ins since the latest one your supervisor responded to"
        if responded
        else "the latest full check-in and the "
        + ("focus check-in" if len(checkins) == 2 else f"{len(checkins) - 1} focus check-ins")
        + " after it"
    )
    return f"From {since} ({day_words(checkins[0].when)} to {last}). Notes: {NOTE_WORDS[notes]}"


def discussed_items(
    result: Growth, checkins: Sequence[Checkin]
) -> list[tuple[ItemGrowth, Checkin]]:
    """Each item marked for discussion in `checkins`, with the latest of them that marked it."""
    latest = checkins[-1]
    shown = []
    for item in result.items:
        marked = [
            s
            for s in checkins
            if s.answer(item.item_id).discuss or (s is latest and item.discuss_latest)
        ]
        if marked:
            shown.append((item, marked[-1]))
    return shown


def other_noted_items(
    result: Growth, latest: Checkin, discussed: Sequence[tuple[ItemGrowth, Checkin]]
) -> list[ItemGrowth]:
    """Items not marked for discussion whose latest answer has a note."""
    marked = {item.item_id for item, _ in discussed}
    return [i for i in result.items if i.item_id not in marked and latest.answer(i.item_id).note]


def item_facts(result: Growth, item: ItemGrowth, checkin: Checkin, latest: Checkin) -> str:
    """An item's value, its level now (or when `checkin` marked it), and its levels over time."""
    answer = checkin.answer(item.item_id)
    value = next((v.name for v in result.values if v.value_id == item.value_id), "")
    if answer.rating is not None:
        level = f"{answer.rating} {result.scale_labels[answer.rating - 1]}"
    elif answer.not_my_role:
        level = result.not_my_role_label
    elif answer.not_assessable:
        level = result.not_assessable_label
    else:
        level = "not rated"
    history = ", ".join(level_words(item, i) for i in range(len(item.series.points)))
    when = "Now" if checkin is latest else f"Marked on {day_words(checkin.when)}"
    return f"{value}. {when}: {level}. Over the check-ins: {history}."


def next_steps_blocks(result: Growth, checkins: list[Checkin]) -> list[tuple[str, list[str]]]:
    """The latest check-in's next steps, and the previous ones to look back on, as listed."""
    ids = [c.checkin_id for c in result.checkins]
    by_id = {s.id: s for s in checkins}
    titles = {item.item_id: item.title for item in result.items}
    latest = by_id[ids[-1]]
    blocks = [("Set at the latest check-in", latest)]
    earlier = [by_id[i] for i in ids if by_id[i].next_steps and i != latest.id]
    if earlier:
        blocks.append(("Set at the previous check-in, to look back on", earlier[-1]))
    listed = []
    for label, checkin in blocks:
        steps = [
            printable(step.text)
            + (f"  (item: {whole(titles.get(step.item, step.item))})" if step.item else "")
            for step in checkin.next_steps
        ]
        listed.append((f"{label} ({day_words(checkin.when)})", steps))
    return listed


def changes_words(changes: list[Change]) -> str:
    """Changes as words for a chart's description: `Label (2.50 to 4.00)`, or `none`."""
    return "; ".join(f"{c.label} ({c.first:.2f} to {c.latest:.2f})" for c in changes) or "none"


def trend_description(result: Growth) -> str:
    """What the value trend chart shows, in words: which values rose, fell or stayed."""
    moved = value_changes(result)
    rose = [c for c in moved if c.change > 0.005]
    fell = [c for c in moved if c.change < -0.005]
    stayed = [c.label for c in moved if abs(c.change) <= 0.005]
    return (
        f"Line chart of each value's mean level, on the scale of 1 to 5, at "
        f"{len(result.checkins)} check-ins, {packet_period(result)}. From the first to the latest "
        f"check-in, rose: {changes_words(rose)}. Fell: {changes_words(fell)}. "
        f"Stayed the same: {', '.join(stayed) or 'none'}."
    )


def radar_description(result: Growth) -> str:
    """What the radar chart shows, in words: each value's latest mean and its change."""
    latest = "; ".join(
        f"{v.name} {mean_words(v.series.latest)}"
        + (
            f" ({signed(v.series.change_since_first)} since the first)"
            if len(result.checkins) > 1
            else ""
        )
        for v in result.values
    )
    return (
        "Radar chart with one spoke per value, comparing the first, previous and latest "
        f"check-in's means. Latest means: {latest}."
    )


def heatmap_description(result: Growth) -> str:
    """What the item heatmap shows, in words: which items rose and fell most."""
    moved = item_changes(result)
    rose = [c for c in moved if c.change > 0.005][:5]
    fell = [c for c in moved if c.change < -0.005][:5]
    return (
        f"Grid of each of the {len(result.items)} items' levels at each check-in, darker for "
        f"higher levels; the table below gives every level. Items that rose most: "
        f"{changes_words(rose)}. Items that fell most: {changes_words(fell)}."
    )
