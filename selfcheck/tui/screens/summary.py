"""The summary after finishing: each value against last time, items to discuss, the file."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from selfcheck.formats.rubric import Rubric
from selfcheck.formats.session import Session
from selfcheck.formats.wording import mean_words
from selfcheck.growth.analysis import growth
from selfcheck.supervision.receiving import response_to
from selfcheck.tui.widgets.marks import step_words
from selfcheck.tui.widgets.response_view import response_text


def change_words(now: float | None, before: float | None) -> str:
    """`↑ up`, `↓ down`, `= same`, or nothing when either side has no rating."""
    if now is None or before is None:
        return ""
    if abs(now - before) < 0.005:
        return "= same"
    return "↑ up" if now > before else "↓ down"


def shown_path(path: Path) -> str:
    """A path with the home folder written as `~`."""
    try:
        return "~/" + path.relative_to(Path.home()).as_posix()
    except ValueError:
        return str(path)


def values_table(rubric: Rubric, session: Session, previous: Session | None) -> Table:
    """Each value's mean this time and last time, and which way it moved."""
    result = growth([s for s in (previous, session) if s is not None], rubric)
    table = Table(box=None, pad_edge=False, expand=True, show_edge=False)
    table.add_column("Value", ratio=1)
    table.add_column("this time", justify="right")
    table.add_column("last time", justify="right")
    table.add_column("", min_width=6)
    for value in result.values:
        now = value.series.latest
        before = value.series.points[0] if previous is not None else None
        table.add_row(
            Text(value.name), mean_words(now), mean_words(before), change_words(now, before)
        )
    return table


def listing(rubric: Rubric, session: Session) -> Text:
    """The items marked for discussion, the next steps, in plain words."""
    lines = ["Marked for discussion:"]
    discuss = [
        f"  • {number}. {item.title}"
        for number, item in enumerate(rubric.items, 1)
        if session.answer(item.id).discuss
    ]
    lines += discuss or ["  none"]
    if session.next_steps:
        lines.append("Next steps:")
        lines += [f"  • {step_words(rubric, step)}" for step in session.next_steps]
    return Text("\n".join(lines))


class SummaryScreen(Screen[None]):
    """What this check-in says, compared with the last complete one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape", "app.home", "Home"),
        Binding("question_mark", "app.help", "Help"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(
        self, rubric: Rubric, session: Session, previous: Session | None, path: Path
    ) -> None:
        super().__init__()
        self.rubric = rubric
        self.session = session
        self.previous = previous
        self.path = path

    def compose(self) -> ComposeResult:
        when = self.session.when.strftime("%Y-%m-%d %H:%M")
        compared = (
            f"compared with {self.previous.when.date().isoformat()}"
            if self.previous
            else "your first check-in: nothing to compare with yet"
        )
        with VerticalScroll(id="summary-body"):
            yield Static(Text(f"Check-in finished {when}"), id="summary-title")
            yield Static(Text(f"Saved to {shown_path(self.path)}"), id="saved-to")
            yield Static(Text(f"Mean rating per value, {compared}."), classes="hint")
            yield Static(values_table(self.rubric, self.session, self.previous), id="values")
            yield Static(listing(self.rubric, self.session), id="summary-lists")
            if self.previous is not None:
                response = response_to(self.path, self.previous.id)
                if response is not None:
                    yield Static(
                        Text("Your supervisor's view of last time"), classes="growth-heading"
                    )
                    yield Static(
                        response_text(response, self.rubric, self.previous), id="summary-response"
                    )
        yield Footer(compact=True)
