"""The published aggregate as a chart: level distribution per item and period, stacked."""

from __future__ import annotations

from pathlib import Path

from selfcheck.formats.errors import SelfcheckError
from selfcheck.program.rows import GROWTH_PERIOD, Row
from selfcheck.store.images import image_format, save_figure

LEVEL_COLOURS = ("#bdbdbd", "#d7e6f4", "#9ecae1", "#4292c6", "#2171b5", "#08306b")
"""Not yet assessable in grey, then levels 1 to 5 from light to dark blue."""


def plot_aggregate(rows: list[Row], path: Path, min_group: int) -> None:
    """Draw the published item rows, one panel per period; suppressed rows stay empty."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    image_format(path)
    item_rows = [row for row in rows if row.scope == "item" and row.period != GROWTH_PERIOD]
    rubrics = list(dict.fromkeys((row.rubric_id, row.rubric_version) for row in item_rows))
    if len(rubrics) != 1:
        raise SelfcheckError("--plot draws one rubric; aggregate each rubric's exports apart")
    periods = list(dict.fromkeys(row.period for row in item_rows))
    items = list(dict.fromkeys(row.id for row in item_rows))
    by_key = {(row.period, row.id): row for row in item_rows}
    figure = Figure(
        figsize=(3.2 * len(periods) + 3.2, 0.32 * len(items) + 1.8), layout="constrained"
    )
    axes = figure.subplots(1, len(periods), sharey=True, squeeze=False)[0]
    for panel, period in zip(axes, periods, strict=True):
        for y, item in enumerate(items):
            row = by_key.get((period, item))
            if row is None or row.suppressed:
                note = "suppressed" if row is not None else "no data"
                panel.text(0.5, y, note, ha="center", va="center", fontsize=7, color="#777777")
                continue
            total = sum(row.counts)
            left = 0.0
            for level in (1, 2, 3, 4, 5, 0):
                share = row.counts[level] / total
                panel.barh(y, share, left=left, color=LEVEL_COLOURS[level], edgecolor="white")
                left += share
        panel.set_title(period, fontsize=10)
        panel.set_xlim(0, 1)
        panel.set_xticks([0, 0.5, 1], ["0%", "50%", "100%"], fontsize=8)
    axes[0].set_yticks(range(len(items)), items, fontsize=8)
    axes[0].invert_yaxis()
    labels = ["Not yet assessable", *(f"Level {level}" for level in range(1, 6))]
    handles = [
        Patch(color=colour, label=label)
        for colour, label in zip(LEVEL_COLOURS, labels, strict=True)
    ]
    figure.legend(handles=handles[1:] + handles[:1], loc="outside right upper", fontsize=8)
    rubric_id, version = rubrics[0]
    figure.suptitle(
        f"{rubric_id} {version}: share of answers per item "
        f"(rows about fewer than {min_group} practitioners are not shown)",
        fontsize=10,
    )
    save_figure(figure, path, dpi=120)
