"""One practitioner as the supervisor sees them: growth, what they marked to discuss, next steps."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from selfcheck.formats.checkin import Checkin
from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.printable import one_line, printable
from selfcheck.formats.rubric_versions import RubricVersions, item_title
from selfcheck.formats.wording import answer_words
from selfcheck.growth.analysis import growth
from selfcheck.store.vault import Vault
from selfcheck.supervision.caseload import Supervisee
from selfcheck.supervision.responding import ResponseDraft, since_last_response
from selfcheck.tui.screens.common.growth import values_notes, values_table


def discussion(versions: RubricVersions | None, checkins: Sequence[Checkin]) -> Text:
    """The items these check-ins mark to discuss, each check-in's in rubric order, with its
    date, level and shared note; titles from the version each check-in rated, when here."""
    text = Text()
    for checkin in checkins:
        rated = versions.version(checkin.rubric.version) if versions else None
        own = versions.showing(rated) if versions and rated else versions
        rubric = own.rubric if own else None
        order = [item.id for item in rubric.items] if rubric else []
        order += [item_id for item_id in checkin.items if item_id not in order]
        when = checkin.when.date().isoformat()
        for item_id in order:
            answer = checkin.answer(item_id)
            if not answer.discuss:
                continue
            text.append(f"• {one_line(item_title(own, item_id), 70)}", style="bold")
            text.append(f"  ({answer_words(rubric, answer)}, {when})\n")
            if answer.note:
                for line in printable(answer.note).split("\n"):
                    text.append(f"    {line}\n")
    return text or Text("Nothing was marked to discuss.")


def steps(versions: RubricVersions | None, checkin: Checkin) -> Text:
    """The next steps of the latest check-in, as a list."""
    if not checkin.next_steps:
        return Text("No next steps were written.")
    lines = []
    for step in checkin.next_steps:
        tied = f"  ({one_line(item_title(versions, step.item), 40)})" if step.item else ""
        lines.append(f"• {printable(step.text, keep_newlines=False)}{tied}")
    return Text("\n".join(lines))


def growth_view(versions: RubricVersions | None, person: Supervisee) -> RenderableType:
    """The values' trend lines and means, with how to read them, as on the growth screen.

    `versions` are the rubric's versions available here, so check-ins of older versions link
    to the latest as they do for the practitioner."""
    if versions is None:
        rubric_id = one_line(person.latest.rubric.id, 60)
        return Text(f"The rubric {rubric_id} is not available here, so growth cannot be drawn.")
    result = growth(person.checkins, versions)
    return Group(values_table(result), Text(values_notes(result)))


class SuperviseeScreen(Screen[None]):
    """A practitioner of the caseload; r opens the response to their latest check-in."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "respond", "Respond", tooltip="respond to the latest check-in"),
        Binding("escape", "close", "Back", tooltip="back to the caseload"),
    ]

    KEYS_TITLE = "one practitioner"
    WIDGET_KEYS = "↑ and ↓ scroll."
    """Keys the scrolling view handles, told on the help."""

    def __init__(
        self,
        person: Supervisee,
        versions: RubricVersions | None,
        supervisor: str,
        vault: Vault,
        data_dir: Path,
    ) -> None:
        """`versions` shows the latest check-in's rubric text, None when it is not here;
        `data_dir` is the supervisor's own data folder (their signing key)."""
        super().__init__()
        self.vault = vault
        self.data_dir = data_dir
        self.person = person
        self.versions = versions
        self.supervisor = supervisor

    def compose(self) -> ComposeResult:
        person = self.person
        count = len(person.checkins)
        latest = person.latest.when.date().isoformat()
        notes = {"discuss": "notes on items to discuss", "none": "no notes", "all": "all notes"}
        with VerticalScroll(id="practitioner-body"):
            yield Static(Text(one_line(person.name, 70)), classes="screen-title")
            yield Static(
                Text(
                    f"{count} check-in{'s' if count != 1 else ''} shared, the latest on {latest}; "
                    f"shared with {notes[person.share.notes]}."
                ),
                classes="hint",
            )
            yield Static(Text("Growth"), classes="growth-heading")
            yield Static(growth_view(self.versions, person), id="practitioner-growth")
            brought = since_last_response(person.path.parent, person.checkins)
            count = len(brought)
            yield Static(
                Text(
                    f"Marked to discuss in the {count} check-in{'s' if count != 1 else ''} "
                    "since your last response"
                ),
                classes="growth-heading",
            )
            yield Static(discussion(self.versions, brought), id="practitioner-discuss")
            yield Static(Text("Their next steps"), classes="growth-heading")
            yield Static(steps(self.versions, person.latest), id="practitioner-steps")
            yield Static(
                Group(Text("r responds to the latest check-in. escape goes back.")),
                classes="hint",
            )
        yield Footer(compact=True)

    def action_respond(self) -> None:
        """Open the response to the latest check-in, unless another selfcheck has it open."""
        from selfcheck.tui.screens.supervisor.response import ResponseScreen

        loop = asyncio.get_running_loop()

        def report(line: str) -> None:
            if not loop.is_closed():
                loop.call_soon_threadsafe(
                    partial(
                        self.app.notify, line, title="Not saved", severity="error", markup=False
                    )
                )

        folder = self.person.path.parent
        try:
            draft = ResponseDraft.open(
                folder, self.person.latest, self.supervisor, report, self.vault
            )
        except SelfcheckError as exc:
            self.notify(str(exc), title="Response", severity="error", timeout=15, markup=False)
            return
        self.app.push_screen(
            ResponseScreen(draft, self.person, self.versions, self.data_dir, self.vault)
        )

    def action_close(self) -> None:
        """Back to the caseload."""
        self.app.pop_screen()
