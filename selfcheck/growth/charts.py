"""Charts of growth drawn with matplotlib, which is imported only inside the drawing functions."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.wording import NOT_ASSESSABLE_MARK, NOT_MY_ROLE_MARK
from selfcheck.growth.analysis import Growth, latest_means
from selfcheck.growth.dates import month_words
from selfcheck.growth.month_axis import month_axis
from selfcheck.growth.words import item_label, too_few_words

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.projections.polar import PolarAxes

OKABE_ITO = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#000000",
    "#F0E442",
)
"""The Okabe-Ito colour-blind-safe palette, yellow last as it is faint on white."""
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
LINESTYLES: tuple[Any, ...] = ("-", "--", "-.", ":", (0, (5, 1)), (0, (3, 1, 1, 1)), (0, (1, 2)))
COINCIDING_STEP = 0.05
"""Levels between the lines of values whose means coincide, drawn apart so each shows."""
HEATMAP_COLUMNS = 12
"""The heatmap shows at most this many of the latest check-ins, so cells stay readable."""
KINDS = ("trend", "heatmap", "radar")
"""The chart kinds `plot --kind` draws."""


def value_style(index: int) -> dict[str, Any]:
    """Colour, marker and line style of the value at `index`: each differs, not only colour."""
    return {
        "color": OKABE_ITO[index % len(OKABE_ITO)],
        "marker": MARKERS[index % len(MARKERS)],
        "linestyle": LINESTYLES[index % len(LINESTYLES)],
    }


def _plain(ax: Axes) -> None:
    """Draw every piece of text of an axes literally, never as mathtext."""
    from matplotlib.text import Text

    for text in ax.findobj(Text):
        if isinstance(text, Text):
            text.set_parse_math(False)


def _scale_axis(ax: Axes, result: Growth) -> None:
    ticks = range(1, len(result.scale_labels) + 1)
    labels = [f"{level} {label}" for level, label in zip(ticks, result.scale_labels, strict=True)]
    ax.set_ylim(0.7, len(labels) + 0.3)
    ax.set_yticks(list(ticks), labels)


def _title(result: Growth, what: str) -> str:
    words = too_few_words(len(result.checkins))
    return f"{what}\n({words})" if words else what


def draw_trend(ax: Axes, result: Growth, *, title: bool = True) -> None:
    """One line per value over check-in dates, on the fixed scale, legend below the axes."""
    dates = month_axis(ax, [c.when for c in result.checkins])
    offsets = drawn_offsets(result)
    for index, value in enumerate(result.values):
        lift = offsets.get(index, 0.0)
        points = [math.nan if p is None else p + lift for p in value.series.points]
        ax.plot(
            dates,
            points,
            label=textwrap.fill(value.name, 44),
            linewidth=1.8,
            markersize=6,
            **value_style(index),
        )
    _scale_axis(ax, result)
    _version_lines(ax, result, dates)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    if title:
        ax.set_title(_title(result, "Mean of each value per check-in"), loc="left", fontsize=11)
    ax.set_ylabel("mean level (answers that are not a level left out)")
    legend = ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.1),
        ncol=2,
        frameon=False,
        fontsize=8,
        handlelength=3.2,
    )
    note = coinciding_note(result)
    if note:
        ax.annotate(
            note,
            xy=(0.5, 0),
            xycoords=legend,
            xytext=(0, -4),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=8,
            color="#333333",
        )
    ax.spines[["top", "right"]].set_visible(False)
    _plain(ax)


def coinciding_values(result: Growth) -> list[list[int]]:
    """Groups of two or more values (by index) whose means are the same at every check-in."""
    groups: dict[tuple[float | None, ...], list[int]] = {}
    for index, value in enumerate(result.values):
        points = value.series.points
        if any(p is not None for p in points):
            key = tuple(None if p is None else round(p, 6) for p in points)
            groups.setdefault(key, []).append(index)
    return [group for group in groups.values() if len(group) > 1]


def drawn_offsets(result: Growth) -> dict[int, float]:
    """How far each coinciding value's line is drawn above its means, so every line shows."""
    offsets = {}
    for group in coinciding_values(result):
        for rank, index in enumerate(group):
            offsets[index] = ((len(group) - 1) / 2 - rank) * COINCIDING_STEP
    return offsets


def coinciding_note(result: Growth) -> str:
    """The words under the trend chart naming the values drawn apart; empty when none are."""
    groups = coinciding_values(result)
    if not groups:
        return ""
    names = [_and([result.values[i].name for i in group]) for group in groups]
    return textwrap.fill(
        f"Same mean at every check-in, so these lines are drawn {COINCIDING_STEP:.2f} of a level "
        "apart to show each: " + "; ".join(names) + ".",
        120,
    )


def _and(names: list[str]) -> str:
    """Names joined the way a sentence lists them: `A, B and C`."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def version_line_positions(result: Growth, dates: Sequence[float]) -> list[tuple[float, str]]:
    """Where the rubric version changes on the date axis (half way between two check-ins)."""
    return [
        ((dates[k - 1] + dates[k]) / 2, result.checkins[k].rubric_version)
        for k in result.version_changes
    ]


def _version_lines(ax: Axes, result: Growth, dates: Sequence[float]) -> None:
    """A labelled vertical line at each change of rubric version."""
    for x, version in version_line_positions(result, dates):
        ax.axvline(x, color="#444444", linestyle=(0, (4, 3)), linewidth=1.1, zorder=1)
        ax.text(
            x,
            0.99,
            f" rubric {version} from here",
            transform=ax.get_xaxis_transform(),
            ha="left",
            va="top",
            fontsize=8,
            color="#333333",
        )


def heatmap_columns(result: Growth) -> range:
    """Indexes of the check-ins the heatmap shows: the latest HEATMAP_COLUMNS."""
    count = len(result.checkins)
    return range(max(0, count - HEATMAP_COLUMNS), count)


def draw_heatmap(ax: Axes, result: Growth, *, title: bool = True) -> None:
    """Items by check-ins, each cell labelled with its level; not yet assessable hatched."""
    import numpy as np
    from matplotlib.patches import Rectangle

    columns = heatmap_columns(result)
    grid = np.full((len(result.items), len(columns)), np.nan)
    for row, item in enumerate(result.items):
        for col, index in enumerate(columns):
            point = item.series.points[index]
            if point is not None:
                grid[row, col] = point
    cmap = _heatmap_cmap()
    ax.imshow(
        np.ma.masked_invalid(grid), cmap=cmap, vmin=0, vmax=5.5, aspect="auto", interpolation="none"
    )
    for row, item in enumerate(result.items):
        for col, index in enumerate(columns):
            level = grid[row, col]
            if not math.isnan(level):
                colour = "white" if level >= 4 else "black"
                ax.text(col, row, f"{level:g}", ha="center", va="center", color=colour, fontsize=8)
            elif item.not_my_role[index]:
                ax.text(col, row, NOT_MY_ROLE_MARK, ha="center", va="center", fontsize=7)
            elif item.not_assessable[index]:
                ax.add_patch(
                    Rectangle(
                        (col - 0.5, row - 0.5),
                        1,
                        1,
                        facecolor="#f2f2f2",
                        edgecolor="#999999",
                        hatch="///",
                        linewidth=0,
                    )
                )
                ax.text(
                    col,
                    row,
                    NOT_ASSESSABLE_MARK,
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="#333333",
                    bbox={"facecolor": "#f2f2f2", "edgecolor": "none", "pad": 1},
                )
    ax.set_yticks(range(len(result.items)), [item_label(result, item) for item in result.items])
    ax.set_xticks(
        range(len(columns)),
        [
            month_words(result.checkins[i].when).replace(" ", "\n")
            + ("\nfocus" if result.checkins[i].focus else "")
            for i in columns
        ],
    )
    ax.tick_params(axis="both", labelsize=8, length=0)
    ax.xaxis.tick_top()
    ax.set_xticks([x - 0.5 for x in range(1, len(columns))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(result.items))], minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    ax.tick_params(which="minor", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    shown = len(columns)
    what = "Level of each item per check-in"
    if shown < len(result.checkins):
        what += f" (latest {shown} of {len(result.checkins)})"
    if title or shown < len(result.checkins):
        ax.set_title(_title(result, what), loc="left", fontsize=11 if title else 9, pad=28)
    ax.set_xlabel(
        f"{NOT_ASSESSABLE_MARK} = {result.not_assessable_label.lower()}; "
        f"{NOT_MY_ROLE_MARK} = {result.not_my_role_label.lower()}; blank = not rated"
        + (
            ";\nfocus = a check-in of a few chosen items"
            if any(c.focus for c in result.checkins)
            else ""
        ),
        fontsize=8,
    )
    _plain(ax)


def _heatmap_cmap() -> Any:
    import matplotlib

    return matplotlib.colormaps["YlGnBu"].with_extremes(bad="white")


def radar_columns(result: Growth) -> list[tuple[str, int]]:
    """The check-ins the radar compares: first, previous and latest, without repeats."""
    count = len(result.checkins)
    wanted = [("first", 0), ("previous", count - 2), ("latest", count - 1)]
    chosen: dict[int, str] = {}
    for name, index in wanted:
        if index >= 0:
            chosen[index] = name
    return [(name, index) for index, name in sorted(chosen.items())]


def draw_radar(ax: Axes, result: Growth, *, title: bool = True) -> None:
    """Values around the circle: first, previous and latest check-in means."""
    angles = [2 * math.pi * i / len(result.values) for i in range(len(result.values))]
    styles: dict[str, dict[str, Any]] = {
        "first": {"color": "#999999", "linestyle": ":", "marker": "o"},
        "previous": {"color": "#56B4E9", "linestyle": "--", "marker": "s"},
        "latest": {"color": "#D55E00", "linestyle": "-", "marker": "D"},
    }
    for name, index in radar_columns(result):
        points = [v.series.points[index] for v in result.values]
        legend = f"{name} ({month_words(result.checkins[index].when)})"
        earlier: list[int] = []
        if name == "latest":
            points, earlier = latest_means(result)
            if earlier:
                legend += "\nopen marker: not rated then, its latest rating"
        closed = [math.nan if p is None else p for p in [*points, points[0]]]
        ax.plot([*angles, angles[0]], closed, label=legend, linewidth=2, **styles[name])
        if name == "latest":
            ax.fill([*angles, angles[0]], closed, color=styles[name]["color"], alpha=0.12)
        if earlier:
            ax.plot(
                [angles[k] for k in earlier],
                [closed[k] for k in earlier],
                linestyle="none",
                marker="D",
                markersize=7,
                markerfacecolor="white",
                markeredgecolor=styles[name]["color"],
                zorder=4,
            )
    polar = cast("PolarAxes", ax)
    polar.set_theta_offset(math.pi / 2)
    polar.set_theta_direction(-1)
    ax.set_xticks(angles, [textwrap.fill(v.name, 22) for v in result.values], fontsize=8)
    ax.set_ylim(0, len(result.scale_labels))
    ax.set_yticks(range(1, len(result.scale_labels) + 1))
    ax.tick_params(axis="y", labelsize=7, colors="#666666")
    ax.tick_params(axis="x", pad=6)
    for label, angle in zip(ax.get_xticklabels(), angles, strict=True):
        side = math.sin(angle)
        label.set_horizontalalignment(
            "center" if abs(side) < 0.2 else "left" if side > 0 else "right"
        )
    if title:
        ax.set_title(_title(result, "Value means: first, previous and latest"), fontsize=11, pad=30)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, frameon=False, fontsize=8)
    _plain(ax)


def trend_figure(result: Growth) -> Figure:
    """The trend chart on a figure of its own."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9, 6.5), layout="constrained")
    draw_trend(fig.add_subplot(), result)
    return fig


def heatmap_figure(result: Growth) -> Figure:
    """The heatmap on a figure sized to its rows and columns."""
    from matplotlib.figure import Figure

    width = 4.5 + 0.55 * len(heatmap_columns(result))
    height = 1.6 + 0.3 * len(result.items)
    fig = Figure(figsize=(width, height), layout="constrained")
    draw_heatmap(fig.add_subplot(), result)
    return fig


def radar_figure(result: Growth) -> Figure:
    """The radar chart on a figure of its own."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 8), layout="constrained")
    draw_radar(fig.add_subplot(projection="polar"), result)
    return fig


def figure_for(kind: str, result: Growth) -> Figure:
    """The figure of a chart kind: trend, heatmap or radar."""
    if kind not in KINDS:
        raise SelfcheckError(f"unknown chart kind {kind!r}; choose {', '.join(KINDS)}")
    makers = {"trend": trend_figure, "heatmap": heatmap_figure, "radar": radar_figure}
    return makers[kind](result)
