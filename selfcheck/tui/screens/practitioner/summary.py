"""The summary after finishing: each value against last time, items to discuss, the file."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from selfcheck.formats.checkin import Checkin
from selfcheck.formats.printable import one_line
from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.growth.summary import CHANGE_MARKS, listing_lines, summary_heading, value_rows
from selfcheck.store.vault import Vault
from selfcheck.supervision.receiving import response_to
from selfcheck.tui.help_keys import PACKET_WORDS, SHARE_WORDS
from selfcheck.tui.widgets.response_view import response_text

STEPS_WORDS = "back to this check-in's next steps, to add, change the item of, or remove one"
"""What s does on the summary of a check-in just finished."""

BULLET = "  • "
"""How the shared summary lines start a list entry."""


def values_table(versions: RubricVersions, checkin: Checkin, previous: Checkin | None) -> Table:
    """Each value's mean this time and last time, and which way it moved (a mark and a word)."""
    table = Table(box=None, pad_edge=False, expand=True, show_edge=False)
    table.add_column("Value", ratio=1)
    table.add_column("this time", justify="right")
    table.add_column("last time", justify="right")
    table.add_column("", min_width=6)
    for row in value_rows(versions, checkin, previous):
        change = f"{CHANGE_MARKS[row.change]} {row.change}" if row.change else ""
        table.add_row(Text(row.name), row.now, row.before, change)
    return table


def bulleted(lines: list[str]) -> Group:
    """Lines as shown, with each bulleted entry's wrapped lines kept under its text."""
    parts: list[Text | Table] = []
    for line in lines:
        if not line.startswith(BULLET):
            parts.append(Text(line))
            continue
        if not parts or not isinstance(parts[-1], Table):
            grid = Table.grid(padding=(0, 1))
            grid.add_column(no_wrap=True)
            grid.add_column()
            parts.append(grid)
        last = parts[-1]
        assert isinstance(last, Table)
        last.add_row(Text(BULLET.rstrip()), Text(line.removeprefix(BULLET)))
    return Group(*parts)


class SummaryScreen(Screen[None]):
    """What this check-in says, compared with the last complete one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter,escape",
            "app.home",
            "Home",
            tooltip="home: start another check-in, see your growth",
        ),
        Binding("s", "app.edit_steps", "Next steps", tooltip=STEPS_WORDS),
        Binding("p", "app.make_packet", "Packet", tooltip=PACKET_WORDS),
        Binding("h", "app.share", "Share", tooltip=SHARE_WORDS),
    ]

    KEYS_TITLE = "the summary"
    WIDGET_KEYS = "↑ and ↓ scroll the summary."
    """Keys the scrolling view handles, told on the help."""

    def __init__(
        self,
        versions: RubricVersions,
        checkin: Checkin,
        previous: Checkin | None,
        path: Path,
        vault: Vault | None = None,
    ) -> None:
        """`versions` shows the check-in's rubric among every version of it here, so a last
        check-in of another version counts fairly."""
        super().__init__()
        self.rubric = versions.rubric
        self.checkin = checkin
        self.previous = previous
        self.path = path
        self.versions = versions
        self.vault = vault

    def compose(self) -> ComposeResult:
        finished, saved_to, compared = summary_heading(self.checkin, self.previous, self.path)
        with VerticalScroll(id="summary-body"):
            yield Static(Text(finished), id="summary-title")
            yield Static(Text(saved_to), id="saved-to")
            yield Static(Text(compared), classes="hint")
            supervisor = self.checkin.supervision.supervisor or "your supervisor"
            yield Static(
                Text(
                    "Next: s goes back to your next steps, p makes the packet, h shares with "
                    f"{one_line(supervisor, 40)}."
                ),
                id="summary-next",
            )
            yield Static(values_table(self.versions, self.checkin, self.previous), id="values")
            yield Static(bulleted(listing_lines(self.rubric, self.checkin)), id="summary-lists")
            if self.previous is not None:
                response = response_to(self.path, self.previous.id, self.vault)
                if response is not None:
                    yield Static(
                        Text("Your supervisor's view of last time"), classes="growth-heading"
                    )
                    yield Static(
                        response_text(response, self.rubric, self.previous), id="summary-response"
                    )
        yield Footer(compact=True, show_command_palette=False)
