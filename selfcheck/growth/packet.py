"""The discussion packet: a PDF to open together in reflective supervision."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Literal

from selfcheck.formats.printable import one_line, printable
from selfcheck.formats.session import Session
from selfcheck.formats.wording import MISSING, NOT_ASSESSABLE_MARK, mean_words
from selfcheck.growth.analysis import (
    Growth,
    ItemGrowth,
    discussion_items,
    signed,
    summary_lines,
    value_changes,
)
from selfcheck.growth.page_flow import MUTED, PageFlow
from selfcheck.growth.trends import period

NoteChoice = Literal["none", "discuss", "all"]
TABLE_COLUMNS = 12
"""Check-ins per table block; longer histories continue in further blocks."""
NOTE_WORDS = {
    "none": "no notes are included (--notes none).",
    "discuss": "only notes on items marked for discussion are included; other notes stay private.",
    "all": "all notes of the latest check-in are included (--notes all).",
}


def _level(point: float | None, not_assessable: bool = False) -> str:
    if point is not None:
        return f"{point:g}"
    return NOT_ASSESSABLE_MARK if not_assessable else MISSING


def _safe(text: str, width: int | None = None) -> str:
    return one_line(text, width) if width else printable(text)


def _front_page(flow: PageFlow, who: str, result: Growth, latest: Session, notes: str) -> None:
    flow.text("Reflective supervision packet", size=20, weight="bold")
    flow.text(
        "Made by selfcheck from the practitioner's own check-in files, to open together in "
        "supervision. It starts a conversation; it is not an evaluation.",
        size=9,
        color=MUTED,
        space_before=0.004,
    )
    versions = ", ".join(result.versions)
    count = len(result.checkins)
    facts = [
        ("Practitioner", _safe(who, 80)),
        ("Supervisor", _safe(latest.supervision.supervisor, 80) or "not recorded"),
        ("Rubric", _safe(result.rubric_title, 80)),
        ("", f"{result.rubric_id}, version{'s' if len(result.versions) > 1 else ''} {versions}"),
        ("Period", period(result)),
        ("Check-ins", f"{count} complete check-in{'s' if count != 1 else ''}"),
        ("Notes", NOTE_WORDS[notes]),
    ]
    flow.y -= 0.015
    for label, value in facts:
        fig = flow.room(flow.line_height(11))
        fig.text(0.08, flow.y, label, fontsize=10, color=MUTED, va="top")
        flow.text(value, size=10, indent=0.17)
    flow.heading("Summary")
    overall = result.overall
    if overall.first is not None and overall.latest is not None and count > 1:
        flow.text(
            f"Overall mean of rated items: {overall.first:.2f} at the first check-in, "
            f"{overall.latest:.2f} at the latest ({signed(overall.change_since_first)}).",
            bullet="• ",
        )
    for line in summary_lines(result):
        flow.text(line, bullet="• ", space_before=0.003)
    moved = value_changes(result)
    if moved:
        best = max(moved, key=lambda c: c.change)
        flow.text(
            f"Value that grew most: {best.label} ({best.first:.2f} to {best.latest:.2f}).",
            bullet="• ",
            space_before=0.003,
        )
    flow.heading("In this packet", size=12)
    for line in (
        "1. Value means over time (chart and table)",
        "2. Strengths at a glance: first, previous and latest check-in (chart and table)",
        "3. Each item per check-in (chart and table)",
        "4. Items marked for discussion, with the notes chosen to share",
        "5. Next steps: the learning plan, this time and last time",
    ):
        flow.text(line, size=10, indent=0.02)


def _blocks(columns: Sequence[int]) -> list[Sequence[int]]:
    return [
        columns[start : start + TABLE_COLUMNS] for start in range(0, len(columns), TABLE_COLUMNS)
    ]


def _dates(result: Growth, columns: Sequence[int]) -> list[str]:
    return [
        f"{result.checkins[i].when.day} {result.checkins[i].when:%b}\n{result.checkins[i].when:%Y}"
        for i in columns
    ]


def _trend_section(flow: PageFlow, result: Growth) -> None:
    from selfcheck.growth.charts import draw_trend

    flow.new_page()
    flow.heading("1. Value means over time")
    flow.chart(0.5, lambda ax: draw_trend(ax, result, title=False), margins=(0.1, 0.0, 0.04, 0.17))
    flow.text(
        "The numbers behind the chart: the mean level of each value's rated items. "
        "* marks a mean of only some of the value's items (the rest not yet assessable "
        "or unrated); – means none was rated.",
        size=8,
        color=MUTED,
    )
    totals = {
        v.value_id: sum(1 for i in result.items if i.value_id == v.value_id) for v in result.values
    }
    for block in _blocks(range(len(result.checkins))):
        rows = [
            [
                one_line(v.name, 30),
                *(
                    mean_words(v.series.points[i])
                    + ("*" if v.rated[i] < totals[v.value_id] else "")
                    for i in block
                ),
            ]
            for v in result.values
        ]
        rows.append(["Overall", *(mean_words(result.overall.points[i]) for i in block)])
        flow.table(["Value", *_dates(result, block)], rows, _widths(len(block)), header_lines=2)


def _widths(columns: int) -> list[float]:
    first = 0.26
    return [first, *([(1 - first) / TABLE_COLUMNS] * columns)]


def _radar_section(flow: PageFlow, result: Growth) -> None:
    from selfcheck.growth.charts import draw_radar, radar_columns

    flow.new_page()
    flow.heading("2. Strengths at a glance")
    flow.chart(
        0.52,
        lambda ax: draw_radar(ax, result, title=False),
        polar=True,
        margins=(0.15, 0.15, 0.07, 0.1),
    )
    chosen = radar_columns(result)
    header = ["Value", *(f"{name}\n{result.checkins[i].when:%d %b %Y}" for name, i in chosen)]
    header.append("change\nsince first")
    rows = [
        [
            one_line(v.name, 50),
            *(mean_words(v.series.points[i]) for _, i in chosen),
            signed(v.series.change_since_first) or MISSING,
        ]
        for v in result.values
    ]
    widths = [0.44, *([0.56 / (len(chosen) + 1)] * (len(chosen) + 1))]
    flow.table(header, rows, widths, size=9, header_lines=2)


def _heatmap_section(flow: PageFlow, result: Growth) -> None:
    from selfcheck.growth.charts import draw_heatmap, heatmap_columns

    flow.new_page()
    flow.heading("3. Each item per check-in")
    height = min(0.62, 0.08 + 0.021 * len(result.items))
    flow.chart(
        height, lambda ax: draw_heatmap(ax, result, title=False), margins=(0.33, 0.0, 0.05, 0.03)
    )
    flow.text(
        "The levels behind the chart (n/a: not yet assessable; –: not rated).", size=8, color=MUTED
    )
    for block in _blocks(heatmap_columns(result)):
        rows = [
            [
                one_line(item.title, 30),
                *(_level(item.series.points[i], item.not_assessable[i]) for i in block),
            ]
            for item in result.items
        ]
        flow.table(["Item", *_dates(result, block)], rows, _widths(len(block)), header_lines=2)


def _discussion_section(flow: PageFlow, result: Growth, latest: Session, notes: NoteChoice) -> None:
    flow.new_page()
    flow.heading("4. Items marked for discussion")
    flow.text(
        f"From the latest check-in ({latest.when:%d %B %Y}). Notes: {NOTE_WORDS[notes]}",
        size=9,
        color=MUTED,
    )
    items = discussion_items(result)
    if not items:
        flow.text("No items were marked for discussion.", space_before=0.01)
    for item in items:
        _item_block(flow, result, item, latest, show_note=notes != "none")
    if notes == "all":
        others = [i for i in result.items if not i.discuss_latest and latest.answer(i.item_id).note]
        if others:
            flow.heading("Other notes from the latest check-in", size=12)
            for item in others:
                _item_block(flow, result, item, latest, show_note=True)


def _item_block(
    flow: PageFlow, result: Growth, item: ItemGrowth, latest: Session, *, show_note: bool
) -> None:
    answer = latest.answer(item.item_id)
    value = next((v.name for v in result.values if v.value_id == item.value_id), "")
    flow.text(_safe(item.title, 90), size=11, weight="bold", space_before=0.012)
    if answer.rating is not None:
        level = f"{answer.rating} {result.scale_labels[answer.rating - 1]}"
    elif answer.not_assessable:
        level = result.not_assessable_label
    else:
        level = "not rated"
    history = ", ".join(
        _level(p, na) for p, na in zip(item.series.points, item.not_assessable, strict=True)
    )
    flow.text(f"{value}. Now: {level}. Over the check-ins: {history}.", size=9, color=MUTED)
    if show_note and answer.note:
        flow.text(printable(answer.note), size=10, indent=0.03, space_before=0.004)


def _next_steps_section(flow: PageFlow, result: Growth, sessions: list[Session]) -> None:
    flow.heading("5. Next steps")
    ids = [c.session_id for c in result.checkins]
    by_id = {s.id: s for s in sessions}
    titles = {item.item_id: item.title for item in result.items}
    with_steps = [by_id[i] for i in ids if by_id[i].next_steps]
    latest = by_id[ids[-1]]
    blocks = [("Set at the latest check-in", latest)]
    earlier = [s for s in with_steps if s.id != latest.id]
    if earlier:
        blocks.append(("Set at the previous check-in, to look back on", earlier[-1]))
    for label, session in blocks:
        flow.text(f"{label} ({session.when:%d %B %Y})", size=11, weight="bold", space_before=0.01)
        if not session.next_steps:
            flow.text("No next steps were written.", size=10, indent=0.03)
        for step in session.next_steps:
            tied = (
                f"  (item: {one_line(titles.get(step.item, step.item), 60)})" if step.item else ""
            )
            flow.text(printable(step.text) + tied, size=10, indent=0.03, bullet="☐ ")


def packet_bytes(
    who: str, result: Growth, sessions: list[Session], *, notes: NoteChoice = "discuss"
) -> bytes:
    """The whole packet as PDF bytes: front page, charts with tables, discussion, next steps."""
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages

    latest = next(s for s in sessions if s.id == result.checkins[-1].session_id)
    buffer = io.BytesIO()
    with matplotlib.rc_context({"pdf.fonttype": 42, "font.family": "DejaVu Sans"}):
        metadata = {
            "Title": f"Reflective supervision packet: {one_line(who, 60)}",
            "Creator": "selfcheck",
            "CreationDate": None,
        }
        with PdfPages(buffer, metadata=metadata) as pdf:
            flow = PageFlow(pdf, f"selfcheck packet · {one_line(who, 50)} · {period(result)}")
            _front_page(flow, who, result, latest, notes)
            _trend_section(flow, result)
            _radar_section(flow, result)
            _heatmap_section(flow, result)
            _discussion_section(flow, result, latest, notes)
            _next_steps_section(flow, result, sessions)
            flow.close_page()
    return buffer.getvalue()
