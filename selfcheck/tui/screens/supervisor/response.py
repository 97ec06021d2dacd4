"""The supervisor's response to the latest check-in: levels, comments, agreed steps, the meeting."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.printable import one_line, printable
from selfcheck.formats.response import Meeting
from selfcheck.formats.rubric_versions import RubricVersions, item_title
from selfcheck.formats.wording import answer_mark
from selfcheck.store.vault import Vault
from selfcheck.supervision.caseload import Supervisee
from selfcheck.supervision.responding import ResponseDraft
from selfcheck.supervision.response_export import export_response
from selfcheck.tui.screens.common.prompt import MeetingPrompt, TextPrompt


def default_export_path(person: Supervisee) -> Path:
    """A file name for the exported response in the current folder: name and check-in date."""
    slug = (
        re.sub(r"[^a-z0-9]+", "-", person.name.casefold()).strip("-")
        or person.share.practitioner.key[:8]
    )
    return Path.cwd() / f"response-{slug}-{person.latest.when.date().isoformat()}.toml"


class ResponseScreen(Screen[None]):
    """Gives the supervisor's view of each item; every change is saved at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "A",
            "agree_all",
            "Agree all",
            tooltip="agree: take their own rating as yours on every item you have not answered",
        ),
        *(
            Binding(
                str(rating),
                f"rate({rating})",
                "Level",
                show=False,
                tooltip="your own level on the item under the cursor (overrides agreeing)",
            )
            for rating in range(1, 6)
        ),
        Binding("0", "rate(0)", "Not yet", show=False, tooltip="not yet assessable, in your view"),
        Binding(
            "backspace,delete", "clear", "No level", show=False, tooltip="take your level away"
        ),
        Binding("c", "item_comment", "Comment", tooltip="a comment on the item under the cursor"),
        Binding("o", "comment", "Overall", tooltip="your overall comment (optional)"),
        Binding("s", "add_step", "Step", tooltip="add a next step you agreed on"),
        Binding("m", "meeting", "Meeting", tooltip="record the meeting: date, minutes, kind"),
        Binding("x", "export", "Export", tooltip="write the response for the practitioner"),
        Binding("escape", "close", "Back", tooltip="back to the practitioner"),
    ]

    KEYS_TITLE = "your response"
    WIDGET_KEYS = "↑ and ↓ move between items."
    """Keys the table handles, told on the help."""

    def __init__(
        self,
        draft: ResponseDraft,
        person: Supervisee,
        versions: RubricVersions | None,
        data_dir: Path,
        vault: Vault,
    ) -> None:
        """`versions` shows the rubric text the check-in was rated against, when it is here;
        `data_dir` is the supervisor's own data folder, whose key signs the export."""
        super().__init__()
        self.draft = draft
        self.data_dir = data_dir
        self.vault = vault
        self.person = person
        self.versions = versions
        self.checkin = person.latest
        rubric = versions.rubric if versions else None
        order = [item.id for item in rubric.items] if rubric else []
        order += [item_id for item_id in self.checkin.items if item_id not in order]
        self.item_ids = [i for i in self.checkin.asked(order) if self.checkin.answer(i).answered]
        """The items the check-in rated, in the rubric's order: only those are answered."""

    def compose(self) -> ComposeResult:
        when = self.checkin.when.date().isoformat()
        yield Static(
            Text(f"Your response to {one_line(self.person.name, 40)}'s check-in of {when}"),
            classes="screen-title",
            id="response-title",
        )
        yield Static(
            Text(
                "Theirs: their own rating. A agrees with all you have not answered; "
                "1-5 or 0 gives your own. Saved as you go."
            ),
            classes="hint",
        )
        yield DataTable(cursor_type="row", id="response-table")
        yield Static(id="response-extra")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Fill the table and focus it."""
        table = self.query_one(DataTable)
        table.add_columns("#", "Item", "Theirs", "Yours", "Comment")
        for number, item_id in enumerate(self.item_ids, 1):
            table.add_row(*self.cells(number, item_id), key=item_id)
        table.focus()
        self.show_extra()

    def cells(self, number: int, item_id: str) -> list[Text]:
        """One item's row: number, title, their level, the supervisor's level and comment."""
        theirs = self.checkin.answer(item_id)
        yours = self.draft.item(item_id)
        return [
            Text(str(number), justify="right"),
            Text(one_line(item_title(self.versions, item_id), 34)),
            Text(answer_mark(theirs), justify="center"),
            Text(answer_mark(yours), justify="center"),
            Text(one_line(yours.comment, 24)),
        ]

    @property
    def item_id(self) -> str:
        """The item under the cursor."""
        return self.item_ids[self.query_one(DataTable).cursor_row]

    def refresh_row(self) -> None:
        """Show the current item's row and the lines below the table again."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        for column, cell in enumerate(self.cells(row + 1, self.item_id)):
            table.update_cell_at(Coordinate(row, column), cell, update_width=True)
        self.show_extra()

    def show_extra(self) -> None:
        """The overall comment, the agreed steps and the meeting, under the table."""
        response = self.draft.response
        overall = printable(response.comment, keep_newlines=False) or "none yet (o)"
        lines = [f"Overall comment: {overall}"]
        lines += [
            f"Agreed: {printable(step.text, keep_newlines=False)}" for step in response.next_steps
        ]
        meeting = response.meeting
        lines.append(
            f"Meeting: {meeting.date.isoformat()}, {meeting.minutes} minutes, {meeting.kind}"
            if meeting
            else "Meeting: not recorded yet (m)"
        )
        self.query_one("#response-extra", Static).update(Text("\n".join(lines)))

    def action_rate(self, rating: int) -> None:
        """Give a rating (0: not yet assessable) to the item under the cursor."""
        if rating:
            self.draft.rate(self.item_id, rating)
        else:
            self.draft.mark_not_assessable(self.item_id)
        self.refresh_row()

    def action_agree_all(self) -> None:
        """Agree with the practitioner's own rating on every item not answered yet."""
        agreed = self.draft.agree(self.checkin, self.item_ids)
        table = self.query_one(DataTable)
        for row, item_id in enumerate(self.item_ids):
            for column, cell in enumerate(self.cells(row + 1, item_id)):
                table.update_cell_at(Coordinate(row, column), cell, update_width=True)
        self.show_extra()
        self.notify(
            f"Agreed with {agreed} item{'s' if agreed != 1 else ''}; o adds an overall comment, "
            "x exports.",
            markup=False,
        )

    def action_clear(self) -> None:
        """Give no rating to the item under the cursor."""
        self.draft.clear_rating(self.item_id)
        self.refresh_row()

    def action_item_comment(self) -> None:
        """Write a comment on the item under the cursor."""
        item_id = self.item_id
        title = f"Your comment on: {one_line(item_title(self.versions, item_id), 50)}"

        def keep(text: str | None) -> None:
            if text is not None:
                self.draft.set_item_comment(item_id, text)
                self.refresh_row()

        self.app.push_screen(TextPrompt(title, self.draft.item(item_id).comment), keep)

    def action_comment(self) -> None:
        """Write the overall comment."""

        def keep(text: str | None) -> None:
            if text is not None:
                self.draft.set_comment(text)
                self.show_extra()

        self.app.push_screen(TextPrompt("Your overall comment", self.draft.response.comment), keep)

    def action_add_step(self) -> None:
        """Add a next step agreed in supervision."""

        def keep(text: str | None) -> None:
            if text and text.strip():
                self.draft.add_step(text)
                self.show_extra()

        self.app.push_screen(TextPrompt("A next step you agreed on"), keep)

    def action_meeting(self) -> None:
        """Record the meeting: date, minutes, individual or group."""

        def keep(meeting: Meeting | None) -> None:
            if meeting is not None:
                self.draft.set_meeting(meeting.date, meeting.minutes, meeting.kind)
                self.show_extra()

        self.app.push_screen(MeetingPrompt(self.draft.response.meeting, date.today()), keep)

    def action_export(self) -> None:
        """Write the response to a file for the practitioner."""

        def write(text: str | None) -> None:
            if not text or not text.strip():
                return
            out = Path(text.strip()).expanduser()
            try:
                exported = export_response(self.draft, self.person, out, self.data_dir, self.vault)
            except (SelfcheckError, OSError) as exc:
                self.notify(str(exc), title="Not exported", severity="error", markup=False)
                return
            self.notify(exported.words, title="Exported", timeout=20, markup=False)

        path = str(default_export_path(self.person))
        self.app.push_screen(TextPrompt("Export the response to this file", path), write)

    def action_close(self) -> None:
        """Back to the practitioner."""
        self.app.pop_screen()

    def on_unmount(self) -> None:
        """Write what is pending and let go of the response."""
        self.draft.close()
