"""The discussion packet: a searchable, outlined PDF to open together in reflective supervision."""

from __future__ import annotations

from collections.abc import Sequence

from selfcheck.formats.checkin import Checkin
from selfcheck.formats.printable import one_line, printable
from selfcheck.formats.response import Response
from selfcheck.growth.analysis import Growth, ItemGrowth
from selfcheck.packet.content import (
    HEATMAP_NOTE,
    INTRO,
    NO_DISCUSSION,
    NO_STEPS,
    OTHER_NOTES,
    SECTIONS,
    TREND_NOTE,
    checkin_dates,
    discussed_items,
    discussion_intro,
    front_facts,
    heatmap_description,
    heatmap_rows,
    heatmap_shown_words,
    item_facts,
    next_steps_blocks,
    other_noted_items,
    packet_period,
    radar_description,
    radar_notes,
    radar_table,
    summary_bullets,
    trend_description,
    trend_rows,
    whole,
)
from selfcheck.packet.inputs import PacketInput
from selfcheck.packet.pdf_document import PacketDocument, figure, polar_figure
from selfcheck.packet.supervision_parts import (
    NO_GAPS,
    VIEWS,
    VIEWS_HEADER,
    contents,
    gap_questions,
    hours_fact,
    plan_blocks,
    views_intro,
    views_rows,
)

TABLE_COLUMNS = 12
"""Check-ins per table block; longer histories continue in further blocks."""
DATE_COLUMN = 0.06
"""A check-in's column, as a share of the text width: room for `12 May` and a gap."""
NAME_COLUMN_MOST = 0.5
"""The most a table's name column takes; it takes less when many check-ins need room."""
CHART_WIDTH = 500 / 72
"""Charts are drawn at the text width, in inches, so their lettering prints at its size."""
HEATMAP_WIDTH = 8.5
"""The heatmap is drawn wider and shown at the text width, so its long labels fit."""


def _front_page(pdf: PacketDocument, packet: PacketInput) -> None:
    result = packet.result
    pdf.add_page()
    pdf.heading("Reflective supervision packet", level=0)
    pdf.paragraph(INTRO, size=9, muted=True)
    pdf.ln(8)
    facts = front_facts(packet.who, result, packet.latest, packet.notes)
    pdf.facts(facts + hours_fact(packet.pages))
    pdf.heading("Summary")
    for number, line in enumerate(summary_bullets(result)):
        pdf.paragraph(line, bullet="•", space_before=2 if number else 0)
    pdf.heading("In this packet", level=2)
    for number, line in enumerate(contents(packet.responded is not None), 1):
        pdf.paragraph(f"{number}. {line}", indent=10)


def _blocks(columns: Sequence[int]) -> list[Sequence[int]]:
    return [
        columns[start : start + TABLE_COLUMNS] for start in range(0, len(columns), TABLE_COLUMNS)
    ]


def _widths(columns: int) -> list[float]:
    """The name column takes what the check-ins leave, so a name is cut only when it must be."""
    return [min(NAME_COLUMN_MOST, 1 - columns * DATE_COLUMN), *([DATE_COLUMN] * columns)]


def _section(pdf: PacketDocument, number: int) -> None:
    pdf.heading(f"{number}. {SECTIONS[number - 1]}", new_page=True)


def _trend_section(pdf: PacketDocument, result: Growth) -> None:
    from selfcheck.growth.charts import draw_trend

    _section(pdf, 1)
    fig, ax = figure(CHART_WIDTH, 5.6)
    draw_trend(ax, result, title=False)
    pdf.chart(fig, trend_description(result))
    pdf.paragraph(TREND_NOTE, size=8, muted=True, space_before=2)
    pdf.ln(4)
    for block in _blocks(range(len(result.checkins))):
        header = ["Value", *checkin_dates(result, block)]
        pdf.ruled_table(header, trend_rows(result, block), _widths(len(block)))


def _radar_section(pdf: PacketDocument, result: Growth) -> None:
    from selfcheck.growth.charts import draw_radar

    _section(pdf, 2)
    fig, ax = polar_figure(CHART_WIDTH, 5.6)
    draw_radar(ax, result, title=False)
    pdf.chart(fig, radar_description(result))
    header, rows = radar_table(result)
    widths = [0.44, *([0.56 / (len(header) - 1)] * (len(header) - 1))]
    pdf.ruled_table(header, rows, widths, size=9)
    for note in radar_notes(result):
        pdf.paragraph(note, size=8, muted=True)


def _heatmap_section(pdf: PacketDocument, result: Growth) -> None:
    from selfcheck.growth.charts import draw_heatmap, heatmap_columns

    _section(pdf, 3)
    fig, ax = figure(HEATMAP_WIDTH, min(9.5, 1.8 + 0.3 * len(result.items)))
    draw_heatmap(ax, result, title=False)
    pdf.chart(fig, heatmap_description(result))
    pdf.paragraph(f"{HEATMAP_NOTE} {heatmap_shown_words(result)}", size=8, muted=True)
    pdf.ln(4)
    for block in _blocks(heatmap_columns(result)):
        header = ["Item", *checkin_dates(result, block)]
        pdf.ruled_table(header, heatmap_rows(result, block), _widths(len(block)))


def _discussion_section(pdf: PacketDocument, packet: PacketInput) -> None:
    result, latest, notes = packet.result, packet.latest, packet.notes
    _section(pdf, 4)
    intro = discussion_intro(packet.discussion, packet.responded is not None, notes)
    pdf.paragraph(intro, size=9, muted=True)
    discussed = discussed_items(result, packet.discussion)
    if not discussed:
        pdf.paragraph(NO_DISCUSSION, space_before=6)
    for item, checkin in discussed:
        _item_block(pdf, packet, item, checkin, show_note=notes != "none")
    others = other_noted_items(result, latest, discussed) if notes == "all" else []
    if others:
        pdf.heading(OTHER_NOTES, level=2)
        for item in others:
            _item_block(pdf, packet, item, latest, show_note=True)


def _item_block(
    pdf: PacketDocument, packet: PacketInput, item: ItemGrowth, checkin: Checkin, *, show_note: bool
) -> None:
    note = checkin.answer(item.item_id).note
    pdf.paragraph(whole(item.title), size=11, bold=True, space_before=8)
    pdf.paragraph(item_facts(packet.result, item, checkin, packet.latest), size=9, muted=True)
    if show_note and note:
        pdf.paragraph(printable(note), indent=18, space_before=3)


def _next_steps_section(pdf: PacketDocument, packet: PacketInput) -> None:
    pdf.heading(f"5. {SECTIONS[4]}")
    agreed = packet.pages.responses[packet.responded.id] if packet.responded else None
    for label, steps in next_steps_blocks(packet.result, packet.checkins):
        pdf.paragraph(label, size=11, bold=True, space_before=6)
        if not steps:
            pdf.paragraph(NO_STEPS, indent=18)
        for step in steps:
            pdf.paragraph(step, indent=18, bullet="☐")
    for label, lines in plan_blocks(packet.pages, agreed):
        pdf.paragraph(label, size=11, bold=True, space_before=6)
        for line in lines:
            pdf.paragraph(line, size=9.5, indent=18, bullet="•")


def _views_section(
    pdf: PacketDocument, result: Growth, checkin: Checkin, response: Response
) -> None:
    """Both levels side by side per item, the gaps as questions, and the comments."""
    pdf.heading(f"6. {VIEWS}", new_page=True)
    pdf.paragraph(views_intro(checkin, response), size=9, muted=True, space_before=0)
    pdf.ln(4)
    pdf.ruled_table(VIEWS_HEADER, views_rows(result, checkin, response), [0.38, 0.07, 0.1, 0.45])
    pdf.heading("Questions to talk about", level=2)
    questions = gap_questions(result, checkin, response)
    if not questions:
        pdf.paragraph(NO_GAPS)
    for question in questions:
        pdf.paragraph(question, bullet="?", space_before=2)
    if response.comment:
        pdf.heading("Your supervisor's comment", level=2)
        pdf.paragraph(printable(response.comment))


def packet_bytes(packet: PacketInput) -> bytes:
    """The whole packet as PDF bytes: front page, charts, discussion, next steps, both views."""
    import matplotlib

    result, responded = packet.result, packet.responded
    who = one_line(packet.who, 60)
    pdf = PacketDocument(
        title=f"Reflective supervision packet: {who}",
        footer=f"selfcheck packet · {one_line(packet.who, 50)} · {packet_period(result)}",
    )
    with matplotlib.rc_context({"font.family": "DejaVu Sans"}):
        _front_page(pdf, packet)
        _trend_section(pdf, result)
        _radar_section(pdf, result)
        _heatmap_section(pdf, result)
        _discussion_section(pdf, packet)
        _next_steps_section(pdf, packet)
        if responded is not None:
            _views_section(pdf, result, responded, packet.pages.responses[responded.id])
    return pdf.pdf_bytes()
