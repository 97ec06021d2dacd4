"""The published aggregate as a chart: how practitioners rated themselves, per item and period."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.rubric import Rubric
from selfcheck.formats.wording import NOT_ASSESSABLE_MARK
from selfcheck.program.aggregate import OVERALL, period_kind
from selfcheck.program.disclosure import Published
from selfcheck.program.noise import MAX_DEVIATION
from selfcheck.program.rows import GROWTH_PERIOD
from selfcheck.program.titles import find_rubric_version
from selfcheck.store.images import image_format, save_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

LEVEL_COLOURS = ("#bdbdbd", "#d7e6f4", "#9ecae1", "#4292c6", "#2171b5", "#08306b", "#f0f0f0")
"""By position in a row's counts: not yet in grey, levels 1 to 5 from light to dark blue, not
my role in pale grey."""
LEVEL_HATCHES = ("xx", "", "..", "//", "\\\\", "", "++")
"""A pattern per answer, so levels differ without colour (1 and 5 differ by lightness)."""
LEVEL_INK = ("#333333", "#333333", "#333333", "#ffffff", "#ffffff", "#ffffff", "#333333")
"""The colour of each answer's pattern, outline and number: dark on light parts, white on dark."""
NOT_MY_ROLE = 6
"""The position of `not my role` in a row's counts."""
ORDER = (1, 2, 3, 4, 5, 0, NOT_MY_ROLE)
"""The order of the parts of a bar: levels 1 to 5, then not yet, then not my role."""
HELD_BACK = "held back"
"""What a held-back row says in its panel; the reasons are listed under the title."""
NUMBER_ROOM = 0.06
"""The narrowest part of a bar, as a share, that holds a level's number (more for `n/a`)."""
TITLE_WIDTH = 38
"""Item titles wrap at this many characters."""
CHARACTERS_PER_INCH = 11
"""About how many characters of the 10-point title fit in an inch of the figure's width."""


@dataclass(frozen=True)
class Segment:
    """One part of a bar: where it starts and how wide it is (shares of the answers)."""

    position: int
    """The answer's position in a row's counts (0 not yet, 1 to 5 a level, 6 not my role)."""
    left: float
    width: float


def bar_segments(row: Published) -> list[Segment]:
    """The parts of a published item row's bar: shares of its published (perturbed) counts."""
    total = sum(row.counts)
    segments, left = [], 0.0
    for position in (p for p in ORDER if row.counts[p]):
        width = row.counts[position] / total
        segments.append(Segment(position, left, width))
        left += width
    return segments


def chart_words(
    rubric_id: str,
    version: str,
    rubric: Rubric | None,
    periods: Sequence[str],
    reasons: Sequence[str],
) -> tuple[str, str]:
    """The chart's title and subtitle: what it shows, which rubric, the noise, what is held."""
    kinds = {period_kind(period) for period in periods}
    by = " and quarter" if "quarter" in kinds else " and year" if "year" in kinds else ""
    title = f"How practitioners rated themselves, by item{by}"
    named = (
        f"{rubric.title}, version {version}"
        if rubric is not None
        else f"Rubric {rubric_id} version {version} (not on this computer: items named by id)"
    )
    rule = (
        "Each bar shows the share of answers at each level. The counts are perturbed (each "
        f"moved by up to {MAX_DEVIATION}) so that no bar shows one person."
    )
    held = "".join(f"\n{HELD_BACK.capitalize()}: {reason.split(': ', 1)[-1]}" for reason in reasons)
    return title, f"{named}\n{rule}{held}"


def item_titles(items: Sequence[str], rubric: Rubric | None) -> list[str]:
    """Each item's title from the rubric, wrapped; its id when the rubric does not have it."""
    found = {item.id: item.title for item in rubric.items} if rubric is not None else {}
    return [textwrap.fill(found.get(item, item), TITLE_WIDTH) for item in items]


def panel_title(period: str) -> str:
    """A period as a panel's heading: `2026-Q1`, `2026`, or every period together."""
    return "All periods together" if period == OVERALL else period


def plot_aggregate(rows: list[Published], path: Path) -> None:
    """Draw the published item rows, one panel per period; held-back rows say so."""
    from matplotlib.figure import Figure
    from matplotlib.text import Text

    image_format(path)
    item_rows = [r for r in rows if r.row.scope == "item" and r.row.period != GROWTH_PERIOD]
    rubrics = list(dict.fromkeys((r.row.rubric_id, r.row.rubric_version) for r in item_rows))
    if len(rubrics) != 1:
        raise SelfcheckError("--plot draws one rubric; aggregate each rubric's exports apart")
    rubric_id, version = rubrics[0]
    rubric = find_rubric_version(rubric_id, version)
    periods = list(dict.fromkeys(r.row.period for r in item_rows))
    items = list(dict.fromkeys(r.row.id for r in item_rows))
    by_key = {(r.row.period, r.row.id): r for r in item_rows}
    reasons = sorted({r.held_back for r in item_rows if r.held_back})
    figure = Figure(
        figsize=(3.0 * len(periods) + 3.4, 0.42 * len(items) + 2.6), layout="constrained"
    )
    axes = figure.subplots(1, len(periods), sharey=True, squeeze=False)[0]
    for panel, period in zip(axes, periods, strict=True):
        _draw_panel(panel, [by_key.get((period, item)) for item in items])
        panel.set_title(panel_title(period), fontsize=10)
        panel.set_xlim(0, 1)
        panel.set_ylim(len(items) - 0.5, -0.5)
        panel.set_xticks([0, 0.5, 1], ["0%", "50%", "100%"], fontsize=8)
        panel.set_xlabel("share of answers", fontsize=8)
        panel.spines[["top", "right"]].set_visible(False)
    axes[0].set_yticks(range(len(items)), item_titles(items, rubric), fontsize=8)
    axes[0].tick_params(axis="y", length=0)
    _legend(figure, rubric)
    title, subtitle = chart_words(rubric_id, version, rubric, periods, reasons)
    width = int(figure.get_figwidth() * CHARACTERS_PER_INCH)
    lines = [title, *(textwrap.fill(line, width) for line in subtitle.splitlines())]
    figure.suptitle("\n".join(lines), fontsize=10, x=0.01, ha="left")
    for text in figure.findobj(Text):
        if isinstance(text, Text):
            text.set_parse_math(False)  # titles are drawn as written, never as mathtext
    save_figure(figure, path, dpi=120)


def _draw_panel(panel: Axes, rows: Sequence[Published | None]) -> None:
    """One period's bars, a row per item, each part numbered; a held-back row says so."""
    bars: list[tuple[int, Segment]] = []
    for y, row in enumerate(rows):
        if row is None or row.held_back or not sum(row.counts):
            words = HELD_BACK if row is not None and row.held_back else "no answers"
            panel.text(0.5, y, words, ha="center", va="center", fontsize=7, color="#555555")
        else:
            bars += [(y, segment) for segment in bar_segments(row)]
    colours = [_look(segment.position)[0] for _, segment in bars]
    panel.barh(
        [y for y, _ in bars],
        [segment.width for _, segment in bars],
        left=[segment.left for _, segment in bars],
        height=0.8,
        color=colours,
        hatch=[_look(segment.position)[1] for _, segment in bars],
        edgecolor=[_look(segment.position)[2] for _, segment in bars],
        linewidth=0.5,
    )
    for (y, segment), colour in zip(bars, colours, strict=True):
        position = segment.position
        label = {0: NOT_ASSESSABLE_MARK, NOT_MY_ROLE: "role"}.get(position, str(position))
        if label and segment.width >= NUMBER_ROOM * len(label) ** 0.5:
            panel.text(
                segment.left + segment.width / 2,
                y,
                label,
                ha="center",
                va="center",
                fontsize=8,
                fontweight="bold",
                color=_look(position)[2],
                bbox={"facecolor": colour, "edgecolor": "none", "pad": 1.6},
            )


def _look(position: int) -> tuple[str, str, str]:
    """The face colour, pattern and ink of an answer's part of a bar."""
    return LEVEL_COLOURS[position], LEVEL_HATCHES[position], LEVEL_INK[position]


def _legend(figure: Figure, rubric: Rubric | None) -> None:
    """The answers' colours, patterns and names in a row under the panels."""
    from matplotlib.patches import Patch

    names = {
        0: rubric.not_assessable.label if rubric is not None else "Not yet",
        NOT_MY_ROLE: "Not my role",
        **{
            level: f"{level} {rubric.level_label(level)}"
            if rubric is not None
            else f"Level {level}"
            for level in range(1, 6)
        },
    }
    handles = [
        Patch(
            facecolor=LEVEL_COLOURS[p],
            hatch=LEVEL_HATCHES[p],
            edgecolor=LEVEL_INK[p],
            label=names[p],
        )
        for p in ORDER
    ]
    figure.legend(handles=handles, loc="outside lower center", ncol=len(handles), fontsize=8)
