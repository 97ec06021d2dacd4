"""The discussion packet: a PDF to open together in reflective supervision."""

from __future__ import annotations

import io
from collections.abc import Sequence

from selfcheck.formats.checkin import Checkin
from selfcheck.formats.printable import one_line, printable
from selfcheck.growth.analysis import Growth, ItemGrowth, discussion_items
from selfcheck.growth.packet_content import (
    HEATMAP_NOTE,
    INTRO,
    NO_DISCUSSION,
    OTHER_NOTES,
    SECTIONS,
    TREND_NOTE,
    checkin_dates,
    discussion_intro,
    front_facts,
    heatmap_rows,
    item_facts,
    next_steps_blocks,
    other_noted_items,
    packet_period,
    radar_table,
    summary_bullets,
    trend_rows,
    whole,
)
from selfcheck.growth.packet_input import PacketInput
from selfcheck.growth.packet_supervision import (
    contents,
    hours_fact,
    plan_section,
    views_section,
)
from selfcheck.growth.page_flow import MUTED, PageFlow

TABLE_COLUMNS = 12
"""Check-ins per table block; longer histories continue in further blocks."""
DATE_COLUMN = 0.06
"""A check-in's column, as a share of the text width: room for `12 May` and a gap."""
NAME_COLUMN_MOST = 0.5
"""The most a table's name column takes; it takes less when many check-ins need room."""


def _front_page(flow: PageFlow, packet: PacketInput) -> None:
    result = packet.result
    flow.text("Reflective supervision packet", size=20, weight="bold")
    flow.text(INTRO, size=9, color=MUTED, space_before=0.004)
    flow.y -= 0.015
    facts = front_facts(packet.who, result, packet.latest, packet.notes)
    for label, value in facts + hours_fact(packet.pages):
        fig = flow.room(flow.line_height(11))
        fig.text(0.08, flow.y, label, fontsize=10, color=MUTED, va="top")
        flow.text(value, size=10, indent=0.17)
    flow.heading("Summary")
    for number, line in enumerate(summary_bullets(result)):
        flow.text(line, bullet="• ", space_before=0.003 if number else 0.0)
    flow.heading("In this packet", size=12)
    for number, line in enumerate(contents(packet.responded is not None), 1):
        flow.text(f"{number}. {line}", size=10, indent=0.02)


def _blocks(columns: Sequence[int]) -> list[Sequence[int]]:
    return [
        columns[start : start + TABLE_COLUMNS] for start in range(0, len(columns), TABLE_COLUMNS)
    ]


def _section(flow: PageFlow, number: int) -> None:
    flow.new_page()
    flow.heading(f"{number}. {SECTIONS[number - 1]}")


def _trend_section(flow: PageFlow, result: Growth) -> None:
    from selfcheck.growth.charts import draw_trend

    _section(flow, 1)
    flow.chart(0.5, lambda ax: draw_trend(ax, result, title=False), margins=(0.1, 0.0, 0.04, 0.17))
    flow.text(TREND_NOTE, size=8, color=MUTED)
    for block in _blocks(range(len(result.checkins))):
        rows = trend_rows(result, block)
        header = ["Value", *checkin_dates(result, block)]
        flow.table(header, rows, _widths(len(block)), header_lines=2)


def _widths(columns: int) -> list[float]:
    """The name column takes what the check-ins leave, so a name is cut only when it must be."""
    return [min(NAME_COLUMN_MOST, 1 - columns * DATE_COLUMN), *([DATE_COLUMN] * columns)]


def _radar_section(flow: PageFlow, result: Growth) -> None:
    from selfcheck.growth.charts import draw_radar

    _section(flow, 2)
    flow.chart(
        0.52,
        lambda ax: draw_radar(ax, result, title=False),
        polar=True,
        margins=(0.15, 0.15, 0.07, 0.1),
    )
    header, rows = radar_table(result)
    widths = [0.44, *([0.56 / (len(header) - 1)] * (len(header) - 1))]
    flow.table(header, rows, widths, size=9, header_lines=2)


def _heatmap_section(flow: PageFlow, result: Growth) -> None:
    from selfcheck.growth.charts import draw_heatmap, heatmap_columns

    _section(flow, 3)
    height = min(0.62, 0.08 + 0.021 * len(result.items))
    flow.chart(
        height, lambda ax: draw_heatmap(ax, result, title=False), margins=(0.33, 0.0, 0.05, 0.03)
    )
    flow.text(HEATMAP_NOTE, size=8, color=MUTED)
    for block in _blocks(heatmap_columns(result)):
        header = ["Item", *checkin_dates(result, block)]
        flow.table(header, heatmap_rows(result, block), _widths(len(block)), header_lines=2)


def _discussion_section(flow: PageFlow, packet: PacketInput) -> None:
    result, latest, notes = packet.result, packet.latest, packet.notes
    _section(flow, 4)
    flow.text(discussion_intro(latest, notes), size=9, color=MUTED)
    items = discussion_items(result)
    if not items:
        flow.text(NO_DISCUSSION, space_before=0.01)
    for item in items:
        _item_block(flow, result, item, latest, show_note=notes != "none")
    if notes == "all":
        others = other_noted_items(result, latest)
        if others:
            flow.heading(OTHER_NOTES, size=12)
            for item in others:
                _item_block(flow, result, item, latest, show_note=True)


def _item_block(
    flow: PageFlow, result: Growth, item: ItemGrowth, latest: Checkin, *, show_note: bool
) -> None:
    answer = latest.answer(item.item_id)
    flow.text(whole(item.title), size=11, weight="bold", space_before=0.012)
    flow.text(item_facts(result, item, latest), size=9, color=MUTED)
    if show_note and answer.note:
        flow.text(printable(answer.note), size=10, indent=0.03, space_before=0.004)


def _next_steps_section(flow: PageFlow, packet: PacketInput) -> None:
    flow.heading(f"5. {SECTIONS[4]}")
    for label, steps in next_steps_blocks(packet.result, packet.checkins):
        flow.text(label, size=11, weight="bold", space_before=0.01)
        if not steps:
            flow.text("No next steps were written.", size=10, indent=0.03)
        for step in steps:
            flow.text(step, size=10, indent=0.03, bullet="☐ ")
    plan_section(flow, packet.pages, packet.responded)


def packet_bytes(packet: PacketInput) -> bytes:
    """The whole packet as PDF bytes: front page, charts, discussion, next steps, both views."""
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages

    who, result, responded = packet.who, packet.result, packet.responded
    buffer = io.BytesIO()
    with matplotlib.rc_context({"pdf.fonttype": 42, "font.family": "DejaVu Sans"}):
        metadata = {
            "Title": f"Reflective supervision packet: {one_line(who, 60)}",
            "Creator": "selfcheck",
            "CreationDate": None,
        }
        with PdfPages(buffer, metadata=metadata) as pdf:
            flow = PageFlow(
                pdf, f"selfcheck packet · {one_line(who, 50)} · {packet_period(result)}"
            )
            _front_page(flow, packet)
            _trend_section(flow, result)
            _radar_section(flow, result)
            _heatmap_section(flow, result)
            _discussion_section(flow, packet)
            _next_steps_section(flow, packet)
            if responded is not None:
                views_section(flow, result, responded, packet.pages.responses[responded.id])
            flow.close_page()
    return buffer.getvalue()
