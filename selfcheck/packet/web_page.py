"""The discussion packet as one accessible web page: headings, real tables, charts described."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from html import escape

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
)
from selfcheck.packet.inputs import PacketInput
from selfcheck.packet.supervision_parts import (
    NO_GAPS,
    VIEWS,
    VIEWS_HEADER,
    gap_questions,
    hours_fact,
    plan_blocks,
    views_intro,
    views_rows,
)
from selfcheck.packet.supervision_parts import contents as packet_contents

SECTION_IDS = ("trend", "radar", "items", "discussion", "next-steps")
STYLE = """
:root { color: #1a1a1a; background: #ffffff; font-family: "DejaVu Sans", system-ui, sans-serif;
  line-height: 1.5; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem; }
.muted { color: #4d4d4d; }
img { max-width: 100%; height: auto; }
figure { margin: 1rem 0; }
.scroll { overflow-x: auto; }
.scroll:focus { outline: 3px solid #1a1a1a; outline-offset: 2px; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid #767676; padding: 0.2rem 0.5rem; text-align: right; }
th[scope="row"], thead th:first-child { text-align: left; font-weight: normal; }
thead th { background: #f0f0f0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; }
dl.facts dt { color: #4d4d4d; }
dl.facts dd { margin: 0; }
.note { white-space: pre-wrap; border-left: 4px solid #767676; padding-left: 0.75rem; }
a { color: #0645ad; }
@media print { .scroll { overflow: visible; } }
"""
"""Colours meet WCAG AA at least (the muted grey on white is 8.5:1)."""


def _text(text: str) -> str:
    """Text from a file or the rubric, printable and escaped for the page."""
    return escape(printable(text))


def _cells(cells: Sequence[str], first_is_header: bool) -> str:
    first, *rest = cells
    head = f'<th scope="row">{_text(first)}</th>' if first_is_header else f"<td>{_text(first)}</td>"
    return "<tr>" + head + "".join(f"<td>{_text(c)}</td>" for c in rest) + "</tr>"


def _table(caption: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A real table with a caption, column headers and row headers, scrolling sideways if wide."""
    heads = "".join(
        f'<th scope="col">{"<br>".join(_text(part) for part in h.split(chr(10)))}</th>'
        for h in header
    )
    body = "".join(_cells(row, first_is_header=True) for row in rows)
    return (
        f'<div class="scroll" role="region" tabindex="0" aria-label="{escape(caption)}">'
        f"<table><caption>{escape(caption)}</caption>"
        f"<thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def _chart(kind: str, result: Growth, description: str) -> str:
    """A chart as an embedded PNG, its alternative text stating what it shows in words."""
    from selfcheck.growth.charts import figure_for
    from selfcheck.store.images import figure_bytes

    data = base64.b64encode(figure_bytes(figure_for(kind, result), "png")).decode("ascii")
    return f'<figure><img src="data:image/png;base64,{data}" alt="{escape(description)}"></figure>'


def _heading(number: int) -> str:
    return f'<h2 id="{SECTION_IDS[number - 1]}">{number}. {escape(SECTIONS[number - 1])}</h2>'


def _front(packet: PacketInput) -> list[str]:
    facts = []
    front = front_facts(packet.who, packet.result, packet.latest, packet.notes)
    for label, value in front + hours_fact(packet.pages):
        if label:
            facts.append(f"<dt>{escape(label)}</dt><dd>{_text(value)}")
        else:
            facts[-1] += f"<br>{_text(value)}"
    lines = packet_contents(packet.responded is not None)
    contents = "".join(
        f'<li><a href="#{anchor}">{escape(line)}</a></li>'
        for anchor, line in zip([*SECTION_IDS, "views"][: len(lines)], lines, strict=True)
    )
    return [
        "<h1>Reflective supervision packet</h1>",
        f'<p class="muted">{escape(INTRO)}</p>',
        '<dl class="facts">' + "".join(f"{fact}</dd>" for fact in facts) + "</dl>",
        "<h2>Summary</h2>",
        "<ul>"
        + "".join(f"<li>{_text(line)}</li>" for line in summary_bullets(packet.result))
        + "</ul>",
        "<h2>In this packet</h2>",
        f"<ol>{contents}</ol>",
    ]


def _charts(result: Growth) -> list[str]:
    from selfcheck.growth.charts import heatmap_columns

    every = range(len(result.checkins))
    header, rows = radar_table(result)
    shown = heatmap_columns(result)
    return [
        _heading(1),
        _chart("trend", result, trend_description(result)),
        f'<p class="muted">{escape(TREND_NOTE)}</p>',
        _table(
            "Mean level of each value per check-in",
            ["Value", *checkin_dates(result, every)],
            trend_rows(result, every),
        ),
        _heading(2),
        _chart("radar", result, radar_description(result)),
        _table("First, previous and latest means of each value", header, rows),
        *(f'<p class="muted">{_text(note)}</p>' for note in radar_notes(result)),
        _heading(3),
        _chart("heatmap", result, heatmap_description(result)),
        f'<p class="muted">{escape(HEATMAP_NOTE)} {escape(heatmap_shown_words(result))}</p>',
        _table(
            "Level of each item per check-in",
            ["Item", *checkin_dates(result, shown)],
            heatmap_rows(result, shown),
        ),
    ]


def _item(
    packet: PacketInput, item: ItemGrowth, checkin: Checkin, *, show_note: bool, level: int
) -> str:
    note = checkin.answer(item.item_id).note
    shown = f'<p class="note">{_text(note)}</p>' if show_note and note else ""
    facts = item_facts(packet.result, item, checkin, packet.latest)
    return f'<h{level}>{_text(item.title)}</h{level}><p class="muted">{_text(facts)}</p>{shown}'


def _discussion(packet: PacketInput) -> list[str]:
    result, latest, notes = packet.result, packet.latest, packet.notes
    intro = discussion_intro(packet.discussion, packet.responded is not None, notes)
    parts = [_heading(4), f'<p class="muted">{_text(intro)}</p>']
    discussed = discussed_items(result, packet.discussion)
    if not discussed:
        parts.append(f"<p>{escape(NO_DISCUSSION)}</p>")
    parts += [_item(packet, i, s, show_note=notes != "none", level=3) for i, s in discussed]
    others = other_noted_items(result, latest, discussed) if notes == "all" else []
    if others:
        parts.append(f"<h3>{escape(OTHER_NOTES)}</h3>")
        parts += [_item(packet, i, latest, show_note=True, level=4) for i in others]
    return parts


def _next_steps(packet: PacketInput) -> list[str]:
    parts = [_heading(5)]
    pages, responded = packet.pages, packet.responded
    agreed = pages.responses[responded.id] if responded is not None else None
    blocks = next_steps_blocks(packet.result, packet.checkins) + plan_blocks(pages, agreed)
    for label, steps in blocks:
        parts.append(f"<h3>{_text(label)}</h3>")
        if steps:
            parts.append("<ul>" + "".join(f"<li>{_text(step)}</li>" for step in steps) + "</ul>")
        else:
            parts.append(f"<p>{escape(NO_STEPS)}</p>")
    return parts


def _views(result: Growth, checkin: Checkin, response: Response) -> list[str]:
    questions = gap_questions(result, checkin, response) or [NO_GAPS]
    parts = [
        f'<h2 id="views">6. {escape(VIEWS)}</h2>',
        f'<p class="muted">{_text(views_intro(checkin, response))}</p>',
        _table(VIEWS, VIEWS_HEADER, views_rows(result, checkin, response)),
        "<h3>Questions to talk about</h3>",
        "<ul>" + "".join(f"<li>{_text(q)}</li>" for q in questions) + "</ul>",
    ]
    if response.comment:
        parts += [
            "<h3>Your supervisor's comment</h3>",
            f'<p class="note">{_text(response.comment)}</p>',
        ]
    return parts


def packet_html(packet: PacketInput) -> str:
    """The whole packet as one self-contained HTML page (no script, no outside files)."""
    result, responded = packet.result, packet.responded
    views = (
        _views(result, responded, packet.pages.responses[responded.id])
        if responded is not None
        else []
    )
    title = f"Reflective supervision packet: {one_line(packet.who, 60)}, {packet_period(result)}"
    body = [*_front(packet), *_charts(result), *_discussion(packet), *_next_steps(packet), *views]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )
