"""The supervisor's home: one row per practitioner of the caseload, keyboard first."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from selfcheck.formats.printable import one_line, printable
from selfcheck.growth.summary import shown_path
from selfcheck.growth.words import sparkline
from selfcheck.supervision.caseload import Caseload, CaseloadRow, load_caseload
from selfcheck.tui.messages import PractitionerChosen

SPARK_SHOWN = 12
"""How many of the latest check-ins a caseload row's sparkline shows."""


def caseload_cells(person: CaseloadRow, today: date) -> list[Text]:
    """One row of the caseload: name, latest, days since, count, to discuss, trend, response."""
    entry = person.entry
    return [
        Text(one_line(person.name, 30)),
        Text(entry.latest_when.date().isoformat()),
        Text(str(person.days_since(today)), justify="right"),
        Text(str(entry.count), justify="right"),
        Text(str(entry.discuss) if entry.discuss else "", justify="right"),
        Text(sparkline(entry.overall_means[-SPARK_SHOWN:])),
        Text("waiting" if person.waiting else ""),
    ]


def caseload_words(caseload: Caseload) -> str:
    """A line above the table: how many people, and where their files are."""
    count = len(caseload.people)
    if not count:
        return (
            f"No shares in {shown_path(caseload.folder)} yet. i imports one "
            "(or: selfcheck supervise --import FILE)."
        )
    people = f"{count} practitioner{'s' if count != 1 else ''}"
    return f"{people} in {shown_path(caseload.folder)}. Enter opens one; i imports a share."


class CaseloadScreen(Screen[None]):
    """Who the supervisor supervises, from the share files received."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "i", "import_share", "Import", tooltip="take in a practitioner's share: choose its file"
        ),
    ]

    KEYS_TITLE = "your caseload"
    WIDGET_KEYS = "↑ and ↓ move between practitioners; enter opens one."
    """Keys the table handles, told on the help."""

    def __init__(self, caseload: Caseload, today: date) -> None:
        super().__init__()
        self.caseload = caseload
        self.today = today

    def compose(self) -> ComposeResult:
        yield Static(Text("Your caseload"), classes="screen-title", id="caseload-title")
        yield Static(Text(caseload_words(self.caseload)), classes="hint", id="caseload-words")
        yield DataTable(cursor_type="row", id="caseload-table")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Fill the table and focus it."""
        table = self.query_one(DataTable)
        table.add_columns("Practitioner", "Latest", "Days", "#", "Discuss", "Overall", "Response")
        self.fill()
        table.focus()

    def fill(self) -> None:
        """Put one row per practitioner in the table."""
        table = self.query_one(DataTable)
        table.clear()
        for person in self.caseload.people:
            table.add_row(*caseload_cells(person, self.today), key=person.key)

    def on_screen_resume(self) -> None:
        """Coming back from a practitioner: a response may now be waiting."""
        self.caseload = load_caseload(self.caseload.folder, self.caseload.vault)
        self.fill()

    @work(exclusive=True, group="import")
    async def action_import_share(self) -> None:
        """Choose a share file and take it into the caseload, saying what came in."""
        from textual_fspicker import FileOpen, Filters

        from selfcheck.supervision.caseload import import_shares

        filters = Filters(
            ("Shares", lambda p: p.suffix in (".toml", ".age")), ("Any file", lambda _: True)
        )
        chosen = await self.app.push_screen_wait(
            FileOpen(Path.home(), "A practitioner's share", filters=filters)
        )
        if chosen is None:
            return
        folder = self.caseload.folder
        vault = self.caseload.vault
        done, problems = await asyncio.to_thread(import_shares, [chosen], folder, vault)
        for line in problems:
            self.notify(line, title="Not imported", severity="error", timeout=20, markup=False)
        for line in done:
            self.notify(printable(line, keep_newlines=False), title="Imported", markup=False)
        self.caseload = load_caseload(folder, vault)
        self.query_one("#caseload-words", Static).update(Text(caseload_words(self.caseload)))
        self.fill()

    @on(DataTable.RowSelected)
    def open_person(self, event: DataTable.RowSelected) -> None:
        """Ask the app to open the chosen practitioner."""
        person = next(p for p in self.caseload.people if p.key == event.row_key.value)
        self.post_message(PractitionerChosen(person))
