"""The growth screen: each value's sparkline, latest mean and change, and the items that moved."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from selfcheck.formats.wording import MISSING, mean_words
from selfcheck.growth.analysis import Growth, item_changes, latest_means
from selfcheck.growth.trends import coverage
from selfcheck.growth.words import (
    EARLIER_MARK,
    earlier_means_words,
    signed,
    too_few_words,
    version_change_words,
)
from selfcheck.tui.help_keys import PACKET_WORDS
from selfcheck.tui.trend_lines import (
    TrendLine,
    same_trend_groups,
    same_trend_marks,
    same_trend_words,
    tall_sparkline,
)

MOVED_SHOWN = 5
"""How many of the items that moved most the screen lists."""


TREND_KEY = "Each bar is a check-in: 3 fills the lower row, 5 fills both."
"""How to read the trend lines, said under the values."""


def trend_lines(result: Growth) -> list[TrendLine]:
    """Each value's two-row trend line, in the rubric's order."""
    return [tall_sparkline(value.series.points) for value in result.values]


def values_table(result: Growth) -> Table:
    """Per value: name, a two-row trend line and its mark, latest mean, change since the first.

    After a focus check-in, a value it did not rate shows its latest rated mean, marked.
    """
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("Value", ratio=1)
    lines = trend_lines(result)
    marks = same_trend_marks(same_trend_groups(lines), len(lines))
    table.add_column("Trend", no_wrap=True)
    if any(marks):
        table.add_column("", no_wrap=True)
    table.add_column("Latest", justify="right", no_wrap=True)
    table.add_column("Since first", justify="right", no_wrap=True)
    latest, earlier = latest_means(result)
    for index, (value, line, mark) in enumerate(zip(result.values, lines, marks, strict=True)):
        from_earlier = index in earlier
        change = value.series.rated_change if from_earlier else value.series.change_since_first
        cells = [Text(value.name), Text("\n".join(line))]
        cells += [Text(mark)] if any(marks) else []
        latest_words = mean_words(latest[index]) + (EARLIER_MARK if from_earlier else "")
        table.add_row(*cells, Text(latest_words), Text(signed(change) or MISSING))
    overall = result.overall
    cells = [Text("Overall"), Text("\n".join(tall_sparkline(overall.points)))]
    cells += [Text("")] if any(marks) else []
    change_words = signed(overall.change_since_first) or MISSING
    table.add_row(*cells, Text(mean_words(overall.latest)), Text(change_words))
    return table


def values_notes(result: Growth) -> str:
    """How to read the trend lines, which values share one (each still has its own row), and
    which latest means come from an earlier check-in."""
    lines = trend_lines(result)
    shared = same_trend_words(same_trend_groups(lines), len(lines))
    return " ".join(filter(None, [TREND_KEY, shared, earlier_means_words(result)]))


def moved_table(result: Growth) -> Table | Text:
    """The items whose level changed most since they were first rated."""
    moved = [change for change in item_changes(result) if change.change][:MOVED_SHOWN]
    if not moved:
        return Text("No item has changed level yet.")
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("Item", ratio=1)
    table.add_column("First", justify="right", no_wrap=True)
    table.add_column("Latest", justify="right", no_wrap=True)
    table.add_column("Change", justify="right", no_wrap=True)
    for change in moved:
        table.add_row(
            Text(change.label),
            Text(f"{change.first:g}"),
            Text(f"{change.latest:g}"),
            Text(signed(change.change, 0)),
        )
    return table


class GrowthScreen(Screen[None]):
    """Growth across check-ins, from an analysis already computed; escape goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", tooltip="back to home"),
        Binding("p", "app.make_packet", "Packet", tooltip=PACKET_WORDS),
    ]

    KEYS_TITLE = "growth"
    WIDGET_KEYS = "↑ and ↓ scroll."
    """Keys the scrolling view handles, told on the help."""

    def __init__(self, result: Growth, supervisor_view: Text | None = None) -> None:
        super().__init__()
        self.result = result
        self.supervisor_view = supervisor_view

    def compose(self) -> ComposeResult:
        result = self.result
        count = len(result.checkins)
        with VerticalScroll(id="growth-body"):
            yield Static(Text(f"Growth: {result.rubric_title}"), classes="growth-title")
            words = too_few_words(count)
            if count:
                yield Static(Text(coverage(result)), classes="hint")
            if words:
                yield Static(Text(words[0].upper() + words[1:] + "."), id="growth-message")
            if changed := version_change_words(result):
                yield Static(Text(changed), classes="hint", id="growth-versions")
            if count:
                yield Static(Text("Values"), classes="growth-heading")
                yield Static(values_table(result), id="growth-values")
                yield Static(Text(values_notes(result)), classes="hint", id="growth-values-notes")
            if count > 1:
                yield Static(Text("Items that moved most"), classes="growth-heading")
                yield Static(moved_table(result), id="growth-moved")
            if self.supervisor_view is not None:
                yield Static(Text("Your supervisor's comments"), classes="growth-heading")
                yield Static(self.supervisor_view, id="growth-supervisor")
            yield Static(
                Text("Means leave out items not yet assessable. escape goes back."),
                classes="hint",
            )
        yield Footer(compact=True, show_command_palette=False)

    def action_close(self) -> None:
        """Go back to the previous screen."""
        self.app.pop_screen()
