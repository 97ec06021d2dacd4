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
from selfcheck.growth.summary import CHANGE_MARKS, listing_lines, summary_heading, value_rows
from selfcheck.supervision.receiving import response_to
from selfcheck.tui.widgets.response_view import response_text


def values_table(rubric: Rubric, session: Session, previous: Session | None) -> Table:
    """Each value's mean this time and last time, and which way it moved (a mark and a word)."""
    table = Table(box=None, pad_edge=False, expand=True, show_edge=False)
    table.add_column("Value", ratio=1)
    table.add_column("this time", justify="right")
    table.add_column("last time", justify="right")
    table.add_column("", min_width=6)
    for row in value_rows(rubric, session, previous):
        change = f"{CHANGE_MARKS[row.change]} {row.change}" if row.change else ""
        table.add_row(Text(row.name), row.now, row.before, change)
    return table


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
        finished, saved_to, compared = summary_heading(self.session, self.previous, self.path)
        with VerticalScroll(id="summary-body"):
            yield Static(Text(finished), id="summary-title")
            yield Static(Text(saved_to), id="saved-to")
            yield Static(Text(compared), classes="hint")
            yield Static(values_table(self.rubric, self.session, self.previous), id="values")
            yield Static(
                Text("\n".join(listing_lines(self.rubric, self.session))), id="summary-lists"
            )
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
