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
from selfcheck.tui.help_keys import PACKET_WORDS, SHARE_WORDS


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


SUPERVISION_JOBS = (
    ("p", "Packet", "app.make_packet"),
    ("h", "Share", "app.share"),
    ("r", "Response", "app.take_in_response"),
    ("l", "Hours", "app.show_hours"),
)
"""The jobs around supervision, on home's second row of buttons: key, label, action."""


class HomeScreen(Screen[None]):
    """Where the app opens: start or resume a check-in, growth, help, quit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "start", "Start", tooltip="start a check-in, or resume the one in progress"),
        Binding(
            "f",
            "app.focus_checkin",
            "Focus",
            tooltip="a focus check-in: up to 6 items, suggested for you",
        ),
        Binding("g", "growth", "Growth", tooltip="growth across your check-ins"),
        Binding("p", "app.make_packet", "Packet", tooltip=PACKET_WORDS),
        Binding("h", "app.share", "Share", tooltip=SHARE_WORDS),
        Binding(
            "r",
            "app.take_in_response",
            "Response",
            tooltip="take in your supervisor's response: choose its file",
        ),
        Binding(
            "l",
            "app.show_hours",
            "Hours",
            tooltip="supervision hours: the meetings and hours by year (selfcheck log)",
        ),
        Binding(
            "x",
            "app.send_to_program",
            "Program",
            tooltip="send to my program: the anonymous export, after what it shares",
        ),
        Binding(
            "k",
            "app.protect",
            "Protect",
            tooltip="protect with a passphrase: encrypt the folder, or change the passphrase",
        ),
    ]

    KEYS_TITLE = "home"
    WIDGET_KEYS = "tab moves between the buttons; enter presses one."
    """Keys the buttons handle, told under the screen's own on its help."""

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
            with Horizontal(classes="home-actions"):
                yield Button("Start a check-in", id="start", variant="primary", compact=True)
                yield Button("f  Focus", id="focus", compact=True)
                yield Button("g  Growth", id="growth", compact=True)
            with Horizontal(classes="home-actions home-jobs"):
                for key, label, action in SUPERVISION_JOBS:
                    yield Button(f"{key}  {label}", action=action, compact=True)
            with Horizontal(classes="home-actions home-jobs"):
                yield Button("x  Program", action="app.send_to_program", compact=True)
                yield Button("k  Protect", action="app.protect", compact=True)
                yield Button("?  Help", id="help", compact=True)
                yield Button("q  Quit", id="quit", compact=True)
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
