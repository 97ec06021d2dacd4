"""Optional supervision details: the supervisor, the meeting date, its minutes and kind."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from selfcheck.checkin.draft import Draft
from selfcheck.formats.printable import one_line
from selfcheck.formats.typed_input import parse_day, parse_minutes


class DetailsScreen(ModalScreen[bool]):
    """Edits the supervision details of the draft; enter saves, escape leaves them as they were."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft

    def compose(self) -> ComposeResult:
        supervision = self.draft.checkin.supervision
        meeting = supervision.meeting.isoformat() if supervision.meeting else ""
        with Vertical(classes="dialog"):
            yield Static(Text("Supervision details (optional)"), classes="dialog-title")
            yield Label("Supervisor")
            yield Input(
                one_line(supervision.supervisor, 200), id="supervisor", max_length=200, compact=True
            )
            yield Label("Meeting date (YYYY-MM-DD)")
            yield Input(meeting, placeholder="e.g. 2026-02-03", id="meeting", compact=True)
            yield Label("Minutes of the meeting (counted by selfcheck log)")
            minutes = str(supervision.minutes) if supervision.minutes else ""
            yield Input(minutes, placeholder="e.g. 60", id="minutes", compact=True)
            yield Select(
                [("individual", "individual"), ("group", "group")],
                value=supervision.kind or "individual",
                allow_blank=False,
                id="kind",
                compact=True,
            )
            yield Static(id="details-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        """Save the details, or say what is wrong with the date."""
        try:
            meeting = parse_day(self.query_one("#meeting", Input).value)
        except ValueError:
            self.query_one("#details-error", Static).update(
                Text("The meeting date should look like 2026-02-03.")
            )
            self.query_one("#meeting", Input).focus()
            return
        try:
            minutes = parse_minutes(self.query_one("#minutes", Input).value)
        except ValueError as exc:
            self.query_one("#details-error", Static).update(Text(str(exc)))
            self.query_one("#minutes", Input).focus()
            return
        group = self.query_one("#kind", Select).value == "group"
        self.draft.set_details(
            self.query_one("#supervisor", Input).value,
            meeting,
            minutes,
            "group" if group else ("individual" if minutes else None),
        )
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(False)
