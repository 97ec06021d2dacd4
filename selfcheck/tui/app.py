"""The check-in App: wiring only, built by `make_app` for the CLI and the tests alike."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from selfcheck.checkin.draft import Draft
from selfcheck.checkin.workspace import Workspace, remember_theme
from selfcheck.formats.errors import LockedError, SelfcheckError
from selfcheck.formats.printable import one_line
from selfcheck.store.vault import Vault
from selfcheck.tui import jobs
from selfcheck.tui.screens.practitioner.home import HomeScreen
from selfcheck.tui.screens.practitioner.item import ItemScreen
from selfcheck.tui.themes import CALM, mark_high_contrast, use_selfcheck_themes

QUIT_WORDS = "quit; everything is already saved, and selfcheck start resumes a draft"
"""What q and ctrl+c do, on the help."""


@dataclass(frozen=True)
class Opening:
    """An encrypted data folder to read once the app has unlocked it."""

    data_dir: Path
    rubric_ref: str | None
    straight_in: bool


class SelfcheckApp(App[None]):
    """Home, the item screens of one check-in, review, help and summary."""

    CSS_PATH = "selfcheck.tcss"
    TITLE = "selfcheck"
    COMMAND_PALETTE_BINDING = "ctrl+p"
    """Opens the command palette, where "Change theme" offers calm and high contrast."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", tooltip="the keys of the screen you are on"),
        Binding("q", "quit", "Quit", tooltip=QUIT_WORDS),
        # Anywhere, even in a text box: the same as q, never a pointer to another key.
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True, tooltip=QUIT_WORDS),
        # Footers leave it out so the screen's own keys fit 60 columns; the help lists it.
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            show=False,
            priority=True,
            tooltip="commands, such as Change theme (high contrast)",
        ),
    ]

    QUIT_SIGNALS = ("SIGTERM", "SIGHUP")
    """Signals (kill, terminal closed) that quit as q does: draft saved, terminal restored."""

    cursor_blink = True
    """Whether text cursors blink (snapshot tests turn this off)."""

    def __init__(
        self,
        workspace: Workspace | None,
        draft: Draft | None = None,
        opening: Opening | None = None,
        theme: str | None = None,
        *,
        focus: bool = False,
        vault: Vault | None = None,
    ) -> None:
        super().__init__()
        self.vault = workspace.vault if workspace else vault or Vault()
        """The keys every read and write of the data folder goes through."""
        self._workspace = workspace
        self.draft = draft
        self.focus_first = focus
        self.opening = opening
        """What to open once the passphrase has unlocked the data folder."""
        self.written: list[Path] = []
        """The files the app's jobs wrote (packet, share), said on quitting."""
        self.failure: SelfcheckError | None = None
        """Why the data folder could not be opened after unlocking, for the CLI's one line."""
        self._ui_loop: asyncio.AbstractEventLoop | None = None
        self._remember_theme = False
        self._chosen_theme = theme
        use_selfcheck_themes(self, theme or (workspace.config.theme if workspace else CALM.name))

    def watch_theme(self, theme: str) -> None:
        """Mark high contrast for the stylesheet; keep a theme chosen in the palette in config."""
        mark_high_contrast(self, theme)
        if self._remember_theme:
            self.run_worker(
                partial(remember_theme, self.workspace.data_dir, theme, self.vault),
                thread=True,
                group="config",
            )

    @property
    def workspace(self) -> Workspace:
        """The data folder's rubric, config and check-ins (read once it is unlocked)."""
        if self._workspace is None:
            raise RuntimeError("the data folder is not open yet")
        return self._workspace

    @property
    def problems(self) -> list[str]:
        """One line per file of the data folder that could not be read."""
        return self._workspace.loaded.problems if self._workspace is not None else []

    def on_mount(self) -> None:
        """Ask the passphrase first when the folder is encrypted; else show what is stored."""
        self._ui_loop = loop = asyncio.get_running_loop()
        self.quit_on_signals(loop)
        if self.opening is not None:
            from selfcheck.tui.screens.common.unlock import UnlockScreen

            self.push_screen(UnlockScreen(self.opening.data_dir, self.vault), self.open_unlocked)
            return
        self.show_opened()

    def open_unlocked(self, unlocked: bool | None) -> None:
        """Read the folder now that it is unlocked, and open on home or the draft."""
        opening = self.opening
        if not unlocked or opening is None:
            self.exit()
            return
        try:
            self._workspace = Workspace.load(opening.data_dir, opening.rubric_ref, self.vault)
            if opening.straight_in and not self.focus_first:
                self.draft = Draft.open(self._workspace, self.report_save_error)
        except SelfcheckError as exc:
            self.failure = exc
            self.exit(return_code=2)
            return
        self.opening = None
        if not (self._chosen_theme or self.no_color):
            self.theme = self._workspace.config.theme  # the config is readable now
        if self.draft is not None:
            self.push_screen(self.item_screen(self.draft))
        self.show_opened()

    def show_opened(self) -> None:
        """Open on home unless the draft's item screen is shown; tell about unreadable files."""
        self._remember_theme = True
        # Straight in, home is built only when it is first needed: the first item shows sooner.
        if self.draft is None:
            self.push_screen(HomeScreen(self.workspace))
            if self.focus_first:
                self.action_focus_checkin()
        else:
            self.look_back_on_the_plan(self.draft)
        problems = self.problems
        if problems:
            self.notify(
                f"{len(problems)} file(s) in your data folder could not be read; they are left "
                f"untouched and listed when you quit. First: {one_line(problems[0], 300)}",
                title="Skipped files",
                severity="warning",
                timeout=20,
                markup=False,
            )

    def quit_on_signals(self, loop: asyncio.AbstractEventLoop) -> None:
        """Quit cleanly on SIGTERM and SIGHUP, where the platform has them."""
        for name in self.QUIT_SIGNALS:
            number = getattr(signal, name, None)
            if number is not None:
                with suppress(NotImplementedError):
                    loop.add_signal_handler(number, partial(self.call_later, self.action_quit))

    def get_default_screen(self) -> Screen[None]:
        """The draft's item screen when opening straight in, else Textual's blank screen."""
        # As the first screen the item is drawn in the first frame, not pushed after it.
        if self.draft is not None:
            return self.item_screen(self.draft)
        return super().get_default_screen()

    def action_home(self) -> None:
        """Leave the summary for home, building home now if the app opened straight in."""
        if any(isinstance(screen, HomeScreen) for screen in self.screen_stack):
            self.pop_screen()
        else:
            self.workspace.reload()
            self.switch_screen(HomeScreen(self.workspace))

    def item_screen(self, draft: Draft) -> ItemScreen:
        """The item screen of a draft, with the config's preference for last time's rating."""
        return ItemScreen(draft, show_last_time=self.workspace.config.show_last_time)

    def report_save_error(self, line: str) -> None:
        """Show a failed write; called from the writer thread, so it never waits for the UI."""
        if self._ui_loop is not None and not self._ui_loop.is_closed():
            self._ui_loop.call_soon_threadsafe(
                partial(
                    self.notify, line, title="Not saved", severity="error", timeout=15, markup=False
                )
            )

    def action_focus_checkin(self) -> None:
        """Choose a few items for a focus check-in; a draft in progress is resumed instead."""
        from selfcheck.supervision.plan import focus_suggestion
        from selfcheck.tui.screens.practitioner.focus import FocusScreen

        self.workspace.reload()
        if self.workspace.draft is not None:
            self.notify("A check-in is in progress: resuming it.", markup=False)
            self.action_start_checkin()
            return
        rubric = self.workspace.rubric
        suggested = focus_suggestion(self.workspace.data_dir, rubric, self.workspace.completed)
        self.push_screen(FocusScreen(rubric, suggested), self._focus_chosen)

    def _focus_chosen(self, chosen: list[str] | None) -> None:
        if chosen:
            self.action_start_checkin(chosen)

    def action_start_checkin(self, focus: list[str] | None = None) -> None:
        """Resume the draft or begin a new check-in (of `focus` items only, when given).

        A draft open in another selfcheck is refused.
        """
        if self.draft is not None:
            self.draft.close()
        # Another selfcheck may have started or finished a check-in since home was shown.
        self.workspace.reload()
        try:
            self.draft = Draft.open(self.workspace, self.report_save_error, focus)
        except LockedError as exc:
            self.draft = None
            self.notify(str(exc), title="Draft in use", severity="error", timeout=15, markup=False)
            return
        self.push_screen(self.item_screen(self.draft))
        self.look_back_on_the_plan(self.draft)

    def look_back_on_the_plan(self, draft: Draft) -> None:
        """At the start of a new check-in, ask once what became of each open next step."""
        from selfcheck.supervision.plan import steps_to_look_back

        workspace = self.workspace
        steps = steps_to_look_back(
            workspace.data_dir, workspace.completed, draft.checkin, workspace.vault
        )
        if steps:
            from selfcheck.tui.screens.practitioner.plan_review import PlanReviewScreen

            self.push_screen(PlanReviewScreen(draft, steps))

    @work(exclusive=True, group="finish")
    async def action_finish_checkin(self) -> None:
        """Confirm; then write the check-in complete at once and offer next steps."""
        from selfcheck.checkin.lifecycle import unanswered_count
        from selfcheck.tui.screens.common.confirm import ConfirmFinish
        from selfcheck.tui.screens.practitioner.next_steps import NextStepsScreen

        draft = self.draft
        if draft is None:
            return
        unanswered = unanswered_count(draft.checkin, draft.rubric)
        if not await self.push_screen_wait(ConfirmFinish(unanswered)):
            return
        try:
            draft.complete()
        except SelfcheckError as exc:
            self.notify(str(exc), title="Not finished", severity="error", timeout=15, markup=False)
            return
        self.replace_checkin_screen(NextStepsScreen(draft))

    def action_show_summary(self) -> None:
        """Close the finished check-in and show its summary."""
        from selfcheck.tui.screens.practitioner.summary import SummaryScreen

        draft = self.draft
        if draft is None:
            return
        draft.close()
        versions = self.workspace.versions.showing(draft.rubric)
        summary = SummaryScreen(versions, draft.checkin, draft.previous, draft.path, draft.vault)
        self.replace_checkin_screen(summary)

    def action_edit_steps(self) -> None:
        """From the summary, back to the next steps of the check-in just finished."""
        from selfcheck.tui.screens.practitioner.next_steps import NextStepsScreen

        draft = self.draft
        if draft is None or not draft.checkin.complete:
            return
        try:
            self.draft = draft.reopened()
        except LockedError as exc:
            self.notify(str(exc), title="In use", severity="error", timeout=15, markup=False)
            return
        self.replace_checkin_screen(NextStepsScreen(self.draft))

    def replace_checkin_screen(self, screen: Screen[None]) -> None:
        """Show `screen` in place of the current one (on top of it when it is the first)."""
        if self.screen is self.screen_stack[0]:
            # Opened straight on the item screen, and Textual cannot switch away from the
            # first screen (Textual issue #2650): the new screen goes on top of it.
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def start_job(self, job: Callable[[App[None], Workspace], Awaitable[Path | None]]) -> None:
        """Run one of the practitioner's jobs (it may ask in dialogs), one at a time; keep
        the file it wrote for the line said on quitting."""

        async def run() -> None:
            written = await job(self, self.workspace)
            if written is not None:
                self.written.append(written)

        self.run_worker(run(), group="job", exclusive=True)

    @property
    def standing(self) -> str:
        """Where things stand, in one line said after the app exits."""
        from selfcheck.growth.summary import shown_path

        lines = []
        if self.written:
            lines.append(f"Written: {', '.join(str(shown_path(p)) for p in self.written)}.")
        draft = self.draft
        if draft is not None and draft.checkin.complete:
            lines.append(f"The check-in is finished and saved in {shown_path(draft.path)}.")
        elif draft is not None or (self._workspace and self._workspace.draft is not None):
            lines.append("The draft is saved; `selfcheck start` resumes it.")
        return " ".join(lines)

    def action_make_packet(self) -> None:
        """Make the packet for supervision, in a dialog."""
        self.start_job(jobs.make_packet)

    def action_share(self) -> None:
        """Share the check-ins with the supervisor, in a dialog."""
        self.start_job(jobs.share_with_supervisor)

    def action_take_in_response(self) -> None:
        """Take in the supervisor's response, chosen in a file dialog."""
        self.start_job(jobs.take_in_response)

    def action_send_to_program(self) -> None:
        """Send the anonymous export to the program, after its consent text."""
        self.start_job(jobs.send_to_program)

    def action_protect(self) -> None:
        """Protect the data folder with a passphrase, or change it."""
        self.start_job(jobs.protect_with_passphrase)

    def action_show_hours(self) -> None:
        """Show the supervision hours by year."""
        self.start_job(jobs.show_hours)

    def action_help(self) -> None:
        """Show the keys of the screen on top."""
        from selfcheck.tui.screens.common.help import HelpScreen

        screen = self.screen
        if not isinstance(screen, HelpScreen):
            rubric = self.draft.rubric if self.draft else self.workspace.rubric
            guidance = rubric.guidance if isinstance(screen, ItemScreen) else ""
            label = rubric.not_assessable.label
            self.push_screen(HelpScreen(type(screen), guidance=guidance, not_assessable=label))

    async def action_quit(self) -> None:
        """Quit, saving what is being typed (a note, a next step) first."""
        store_typing = getattr(self.screen, "store_typing", None)
        if callable(store_typing):
            store_typing()
        self.exit()

    def _fatal_error(self) -> None:
        """Exit after an unhandled exception, printing the traceback without local variables.

        Textual's own crash output lists every frame's locals, and with them the config and
        its identity: overriding this one hook keeps a crash from ever showing a secret.
        """
        from rich.segment import Segments
        from rich.traceback import Traceback

        self.bell()
        traceback = Traceback(show_locals=False, width=None)
        self._exit_renderables.append(
            Segments(self.console.render(traceback, self.console.options))
        )
        self._close_messages_no_wait()

    def on_unmount(self) -> None:
        """Write what is pending, release the draft's lock, and stop catching signals."""
        if self.draft is not None:
            self.draft.close()
        if self._ui_loop is not None and not self._ui_loop.is_closed():
            for name in self.QUIT_SIGNALS:
                number = getattr(signal, name, None)
                if number is not None:
                    self._ui_loop.remove_signal_handler(number)


def make_app(
    data_dir: Path,
    rubric_ref: str | None,
    *,
    straight_in: bool,
    theme: str | None = None,
    focus: bool = False,
    vault: Vault | None = None,
) -> SelfcheckApp:
    """The app for a data directory and rubric; `straight_in` opens the draft at once.

    `theme` (calm or high-contrast) overrides the config's theme for this run; `focus`
    opens on the choice of a focus check-in's items (or resumes the draft); `vault` holds
    the keys of the run (the folder's, when the CLI unlocked it already).

    Raises SelfcheckError (LockedError when the draft is open in another selfcheck)
    before anything is drawn, so the CLI reports it in one line. An encrypted folder not yet
    unlocked is read only after the app has asked its passphrase.
    """
    vault = vault or Vault()
    if vault.needs_unlock(data_dir):
        opening = Opening(data_dir, rubric_ref, straight_in)
        return SelfcheckApp(None, opening=opening, theme=theme, focus=focus, vault=vault)
    workspace = Workspace.load(data_dir, rubric_ref, vault)
    app = SelfcheckApp(workspace, theme=theme, focus=focus)
    if straight_in and not focus:
        app.draft = Draft.open(workspace, app.report_save_error)
    return app
