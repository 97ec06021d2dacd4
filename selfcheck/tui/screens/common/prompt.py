"""Small dialogs of the supervisor's side: one line of text, and the meeting record."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from selfcheck.formats.response import Meeting
from selfcheck.formats.typed_input import parse_meeting


class TextPrompt(ModalScreen[str | None]):
    """Asks for one line of text; enter answers it, escape answers None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, title: str, value: str = "", *, max_length: int = 2000) -> None:
        super().__init__()
        self.title_words = title
        self.value = value
        self.max_length = max_length

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.title_words), classes="dialog-title")
            yield Input(self.value, id="prompt-text", max_length=self.max_length, compact=True)
            yield Static(Text("enter keeps it, escape leaves it as it was"), classes="hint")

    def on_mount(self) -> None:
        """Type at once."""
        self.query_one("#prompt-text", Input).focus()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        """Answer with the text typed."""
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Answer nothing."""
        self.dismiss(None)


class MeetingPrompt(ModalScreen[Meeting | None]):
    """Records the supervision meeting: date, minutes, individual or group."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, meeting: Meeting | None, today: date) -> None:
        super().__init__()
        self.meeting = meeting
        self.today = today

    def compose(self) -> ComposeResult:
        meeting = self.meeting
        with Vertical(classes="dialog"):
            yield Static(Text("The supervision meeting"), classes="dialog-title")
            yield Label("Date (YYYY-MM-DD)")
            when = meeting.date if meeting else self.today
            yield Input(when.isoformat(), id="meeting-date", compact=True)
            yield Label("Minutes")
            minutes = str(meeting.minutes) if meeting else ""
            yield Input(minutes, placeholder="e.g. 60", id="meeting-minutes", compact=True)
            yield Select(
                [("individual", "individual"), ("group", "group")],
                value=meeting.kind if meeting else "individual",
                allow_blank=False,
                id="meeting-kind",
                compact=True,
            )
            yield Static(id="meeting-error")
            yield Static(Text("enter keeps it, escape leaves it as it was"), classes="hint")

    def on_mount(self) -> None:
        """Start on the minutes: the date is already today's, or the one recorded."""
        self.query_one("#meeting-minutes", Input).focus()

    @on(Input.Submitted)
    def save(self) -> None:
        """Answer the meeting, or say what is wrong."""
        kind = self.query_one("#meeting-kind", Select).value
        try:
            meeting = parse_meeting(
                self.query_one("#meeting-date", Input).value,
                self.query_one("#meeting-minutes", Input).value,
                "group" if kind == "group" else "individual",
            )
        except ValueError as exc:
            self.query_one("#meeting-error", Static).update(Text(str(exc)))
            return
        self.dismiss(meeting)

    def action_cancel(self) -> None:
        """Answer nothing."""
        self.dismiss(None)
