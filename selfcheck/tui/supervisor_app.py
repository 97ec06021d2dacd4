"""The supervisor's app: caseload, practitioner, response; built by `make_supervisor_app`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from selfcheck.formats.checkin import RubricRef
from selfcheck.formats.errors import InputError
from selfcheck.formats.rubric import Rubric
from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.quick_start import collect_from_here
from selfcheck.store.config import load_config
from selfcheck.store.rubrics import rubric_for_ref, rubric_versions
from selfcheck.store.vault import Vault
from selfcheck.supervision.caseload import Caseload, load_caseload
from selfcheck.tui.messages import PractitionerChosen
from selfcheck.tui.screens.supervisor.caseload import CaseloadScreen
from selfcheck.tui.themes import mark_high_contrast, use_selfcheck_themes


class SupervisorApp(App[None]):
    """A supervisor's side of selfcheck, on a folder of received shares."""

    CSS_PATH = "selfcheck.tcss"
    TITLE = "selfcheck supervise"
    ENABLE_COMMAND_PALETTE = False

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", tooltip="the keys of the screen you are on"),
        Binding("q", "quit", "Quit", tooltip="quit; your imports and responses are already saved"),
        Binding(
            "ctrl+c",
            "quit",
            "Quit",
            show=False,
            priority=True,
            tooltip="quit; your imports and responses are already saved",
        ),
    ]

    cursor_blink = True
    """Whether text cursors blink (snapshot tests turn this off)."""

    def __init__(self, caseload: Caseload, data_dir: Path, supervisor: str, today: date) -> None:
        super().__init__()
        self.caseload = caseload
        self.data_dir = data_dir
        self.supervisor = supervisor
        self.today = today
        use_selfcheck_themes(self, load_config(data_dir, caseload.vault).theme)

    def watch_theme(self, theme: str) -> None:
        """Mark high contrast for the stylesheet."""
        mark_high_contrast(self, theme)

    def on_mount(self) -> None:
        """Open on the caseload, saying when some files could not be read."""
        self.push_screen(CaseloadScreen(self.caseload, self.today))
        self.call_after_refresh(collect_from_here)
        problems = self.caseload.problems
        if problems:
            self.notify(
                f"{len(problems)} file(s) in the caseload folder could not be read; they are "
                f"left untouched and listed when you quit. First: {problems[0]}",
                title="Skipped files",
                severity="warning",
                timeout=20,
                markup=False,
            )

    def action_help(self) -> None:
        """Show the keys of the screen on top."""
        from selfcheck.tui.screens.common.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(type(self.screen)))

    def rubric_for(self, ref: RubricRef) -> Rubric | None:
        """The rubric text a check-in was rated against (its own version), when it is here."""
        return rubric_for_ref(ref, self.data_dir)

    def on_practitioner_chosen(self, message: PractitionerChosen) -> None:
        """Open the chosen practitioner."""
        from selfcheck.tui.screens.supervisor.supervisee import SuperviseeScreen

        try:
            person = message.person.open(self.caseload.vault)
        except InputError as exc:
            self.notify(str(exc), title="Cannot open", severity="error", timeout=15, markup=False)
            return
        rubric = self.rubric_for(person.latest.rubric)
        versions = (
            RubricVersions.of(rubric, rubric_versions(rubric.id, self.data_dir)) if rubric else None
        )
        screen = SuperviseeScreen(
            person, versions, self.supervisor, self.caseload.vault, self.data_dir
        )
        self.push_screen(screen)


def make_supervisor_app(
    folder: Path, data_dir: Path, today: date | None = None, vault: Vault | None = None
) -> SupervisorApp:
    """The supervisor's app on a caseload folder; the supervisor's name comes from the config."""
    caseload = load_caseload(folder, vault)
    supervisor = load_config(data_dir, caseload.vault).name
    return SupervisorApp(caseload, data_dir, supervisor, today or date.today())
