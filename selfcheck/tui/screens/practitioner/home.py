"""The home screen: the rubric, past check-ins, a draft in progress, and what to do next."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from selfcheck.checkin.focus import full_checkin_due
from selfcheck.checkin.words import draft_words, history_words, step_words
from selfcheck.checkin.workspace import Workspace
from selfcheck.formats.printable import one_line
from selfcheck.tui.keys import KeyHelp


def steps_list(workspace: Workspace) -> Group | None:
    """The next steps written at the last check-in as a bulleted list, or None."""
    previous = workspace.previous
    if previous is None or not previous.next_steps:
        return None
    steps = Table.grid(padding=(0, 1))
    steps.add_column(no_wrap=True)
    steps.add_column()
    for step in previous.next_steps:
        steps.add_row(Text("  •"), Text(step_words(workspace.rubric, step)))
    return Group(Text("Your next steps from last time:"), steps)


def latest_response_view(workspace: Workspace) -> Text | None:
    """The newest received response to a check-in of this rubric, in a few lines, or None."""
    from selfcheck.supervision.receiving import load_received
    from selfcheck.tui.widgets.response_view import response_text

    responses, _ = load_received(workspace.data_dir, workspace.vault)
    answered = [s for s in workspace.completed if s.id in responses]
    if not answered:
        return None
    return response_text(responses[answered[-1].id], workspace.rubric, answered[-1])


class HomeScreen(Screen[None]):
    """Where the app opens: start or resume a check-in, growth, help, quit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "start", "Start/resume"),
        Binding("f", "app.focus_checkin", "Focus check-in"),
        Binding("g", "growth", "Growth"),
    ]

    KEYS_TITLE = "home"
    KEYS: ClassVar[tuple[KeyHelp, ...]] = (
        KeyHelp("s", "start a check-in, or resume the one in progress"),
        KeyHelp("f", "a focus check-in: up to 6 items, suggested for you"),
        KeyHelp("g", "growth across your check-ins"),
        KeyHelp("tab,enter", "move between the buttons; enter presses one"),
    )
    """The keys of this screen."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self._shown = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="home-body"):
            yield Static(Text("selfcheck"), classes="screen-title")
            yield Static(id="rubric-title")
            yield Static(id="practitioner")
            yield Static(id="history")
            yield Static(id="draft-notice")
            yield Static(id="full-due")
            yield Static(id="last-steps")
            with Horizontal(id="home-actions"):
                yield Button("Start a check-in", id="start", variant="primary", compact=True)
                yield Button("Focus check-in", id="focus", compact=True)
                yield Button("Growth", id="growth", compact=True)
                yield Button("Help", id="help", compact=True)
                yield Button("Quit", id="quit", compact=True)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        """Show what is stored (the workspace is fresh when home is built) and focus Start."""
        self.show_workspace()
        self.query_one("#start", Button).focus()

    def on_screen_resume(self) -> None:
        """Coming back: read the check-ins again, one may have been finished or started."""
        if self._shown:
            self.workspace.reload()
            self.show_workspace()
        self._shown = True

    def show_workspace(self) -> None:
        """Fill in the rubric, the practitioner, the history and the draft notice."""
        workspace = self.workspace
        rubric = workspace.rubric
        self.query_one("#rubric-title", Static).update(
            Text(f"{rubric.title}  (version {rubric.version})")
        )
        name = workspace.config.name
        practitioner = self.query_one("#practitioner", Static)
        practitioner.update(Text(f"Practitioner: {one_line(name, 200)}"))
        practitioner.display = bool(name)
        self.query_one("#history", Static).update(Text(history_words(workspace)))
        notice = self.query_one("#draft-notice", Static)
        notice.update(Text(draft_words(workspace)))
        notice.display = workspace.draft is not None
        due = full_checkin_due(workspace.completed, date.today())
        full_due = self.query_one("#full-due", Static)
        full_due.update(Text(due or ""))
        full_due.display = due is not None and workspace.draft is None
        steps = steps_list(workspace)
        last_steps = self.query_one("#last-steps", Static)
        last_steps.update(steps or "")
        last_steps.display = steps is not None
        start = "Resume the check-in" if workspace.draft else "Start a check-in"
        self.query_one("#start", Button).label = f"s  {start}"
        self.query_one("#focus", Button).label = "f  Focus"
        self.query_one("#growth", Button).label = "g  Growth"
        self.query_one("#help", Button).label = "?  Help"
        self.query_one("#quit", Button).label = "q  Quit"

    @on(Button.Pressed, "#start")
    async def action_start(self) -> None:
        """Resume the draft or begin a new check-in."""
        await self.run_action("app.start_checkin")

    @on(Button.Pressed, "#focus")
    async def focus_pressed(self) -> None:
        """Choose the items of a focus check-in."""
        await self.run_action("app.focus_checkin")

    @on(Button.Pressed, "#growth")
    def action_growth(self) -> None:
        """Show growth across the complete check-ins of this rubric."""
        # Imported here so the analysis never slows down the first screen.
        from selfcheck.growth.analysis import growth
        from selfcheck.tui.screens.common.growth import GrowthScreen

        workspace = self.workspace
        result = growth(workspace.loaded.checkins, workspace.versions)
        self.app.push_screen(GrowthScreen(result, latest_response_view(workspace)))

    @on(Button.Pressed, "#help")
    async def help_pressed(self) -> None:
        """Open the help."""
        await self.run_action("app.help")

    @on(Button.Pressed, "#quit")
    async def quit_pressed(self) -> None:
        """Quit."""
        await self.run_action("app.quit")
