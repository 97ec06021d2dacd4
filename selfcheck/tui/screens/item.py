"""The item screen: one item at a time, rated from the keyboard, every change saved at once."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, TextArea

from selfcheck.formats.errors import SelfcheckError
from selfcheck.store.checkin import unanswered_count
from selfcheck.store.checkin_words import last_time_words
from selfcheck.store.draft import Draft
from selfcheck.store.workspace import remember_show_last_time
from selfcheck.tui.messages import (
    NOT_ASSESSABLE,
    DiscussToggled,
    LastTimeToggled,
    NoteLeft,
    RatingChosen,
)
from selfcheck.tui.widgets.item_card import ItemCard, ItemHeader
from selfcheck.tui.widgets.marks import DiscussMark, LastTime, PlannedSteps
from selfcheck.tui.widgets.note import NoteField
from selfcheck.tui.widgets.scale import RatingScale

NOTE_SAVE_DELAY = 1.0
"""Seconds of typing that a crash may lose: a note is saved at most this long after a keystroke."""


class ItemScreen(Screen[None]):
    """Steps through the rubric's items; the draft is saved after every change."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(level), f"rate({level})", "Rate", show=False) for level in range(1, 6)),
        Binding("0", f"rate({NOT_ASSESSABLE})", "Not yet", show=False),
        Binding("n,right", "next", "Next"),
        Binding("p,left", "previous", "Prev"),
        Binding("d", "discuss", "Discuss"),
        Binding("e", "write_note", "Note"),
        Binding("tab", "write_note", "Note", show=False),
        Binding("r", "review", "Review"),
        Binding("m", "details", "Details", show=False),
        Binding("l", "toggle_last_time", "Last time", show=False),
        Binding("ctrl+s", "finish", "Finish"),
        Binding("question_mark", "app.help", "Help"),
        Binding("q", "app.quit", "Quit"),
    ]

    index: reactive[int] = reactive(0, init=False)
    """Position of the current item in the rubric."""

    def __init__(self, draft: Draft, *, show_last_time: bool = True) -> None:
        super().__init__()
        self.draft = draft
        self.items = draft.items
        self.show_last_time = show_last_time
        self._note_timer: Timer | None = None
        self.set_reactive(ItemScreen.index, draft.start_index)

    def compose(self) -> ComposeResult:
        yield ItemHeader(id="item-header")
        with VerticalScroll(id="item-body"):
            yield ItemCard(id="item-card")
            yield RatingScale(self.draft.rubric, id="scale")
            with Horizontal(id="marks"):
                yield DiscussMark(id="discuss")
                yield LastTime(id="last-time")
            yield PlannedSteps(id="planned-steps")
            yield NoteField(blink=getattr(self.app, "cursor_blink", True), id="note")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Show the first item."""
        self.show_item()

    def watch_index(self) -> None:
        """Show the item that became current."""
        self.show_item()
        self.query_one("#item-body", VerticalScroll).scroll_home(animate=False)

    @property
    def item_id(self) -> str:
        """The current item's id."""
        return self.items[self.index].id

    def show_item(self) -> None:
        """Send the current item and its answer down to the widgets."""
        item = self.items[self.index]
        value = self.draft.rubric.value_of(item.id)
        answer = self.draft.answer(item.id)
        answered = len(self.items) - unanswered_count(self.draft.session, self.draft.rubric)
        assert value is not None
        self.query_one(ItemHeader).show(value, self.index + 1, len(self.items), answered)
        guidance = self.draft.rubric.guidance if self.index == 0 else ""
        self.query_one(ItemCard).show(item, guidance)
        self.query_one(RatingScale).show(item, answer)
        self.query_one(DiscussMark).show(answer.discuss)
        words = last_time_words(self.draft.rubric, self.draft.previous_answer(item.id))
        self.query_one(LastTime).show(words, self.show_last_time)
        self.query_one(PlannedSteps).show(self.draft.steps_for(item.id))
        self.query_one(NoteField).show(item.id, answer.note)

    def store_note(self) -> None:
        """Take the note from the field into the draft and queue it for saving."""
        note = self.query_one(NoteField)
        if note.item_id:
            self.draft.set_note(note.item_id, note.note)
        if self._note_timer is not None:
            self._note_timer.stop()
            self._note_timer = None
        self.draft.save()

    @on(TextArea.Changed, "#note")
    def note_changed(self) -> None:
        """Keep the note in the draft; save it within NOTE_SAVE_DELAY of this keystroke."""
        note = self.query_one(NoteField)
        before = self.draft.answer(note.item_id).note
        self.draft.set_note(note.item_id, note.note)
        if note.note != before and self._note_timer is None:
            self._note_timer = self.set_timer(NOTE_SAVE_DELAY, self.store_note)

    @on(NoteLeft)
    def note_left(self) -> None:
        """Save the note as soon as the field is left."""
        self.store_note()

    @on(RatingChosen)
    def rating_chosen(self, message: RatingChosen) -> None:
        """Record a choice made with the mouse."""
        self.action_rate(message.choice)

    @on(DiscussToggled)
    def discuss_clicked(self) -> None:
        """Toggle the discuss mark with the mouse."""
        self.action_discuss()

    @on(LastTimeToggled)
    def last_time_clicked(self) -> None:
        """Hide or show last time's rating with the mouse."""
        self.action_toggle_last_time()

    def action_rate(self, choice: int) -> None:
        """Rate the current item (NOT_ASSESSABLE: not yet assessable); stay on it."""
        if choice == NOT_ASSESSABLE:
            self.draft.mark_not_assessable(self.item_id)
        else:
            self.draft.rate(self.item_id, choice)
        self.show_item()

    def action_discuss(self) -> None:
        """Toggle discuss-in-supervision for the current item."""
        self.draft.toggle_discuss(self.item_id)
        self.show_item()

    def action_next(self) -> None:
        """Go to the next item; after the last one, open the review."""
        self.store_note()
        if self.index + 1 < len(self.items):
            self.index += 1
        else:
            self.action_review()

    def action_previous(self) -> None:
        """Go to the previous item."""
        self.store_note()
        self.index = max(self.index - 1, 0)

    def action_write_note(self) -> None:
        """Move into the note field."""
        note = self.query_one(NoteField)
        note.focus()
        note.move_cursor(note.document.end)

    def action_toggle_last_time(self) -> None:
        """Hide or show last time's rating, and remember the choice."""
        self.show_last_time = not self.show_last_time
        self.show_item()
        self.run_worker(
            partial(self._remember_last_time, self.show_last_time),
            thread=True,
            group="config",
        )

    def _remember_last_time(self, show: bool) -> None:
        """Save the preference (on a worker thread); a failure is a notice, never a crash."""
        try:
            remember_show_last_time(self.draft.data_dir, show)
        except SelfcheckError as exc:
            self.app.call_from_thread(
                self.notify,
                f"{exc}; the choice holds until you quit",
                title="Preference not saved",
                severity="warning",
                markup=False,
            )

    def action_review(self) -> None:
        """Open the review of every item."""
        # The screens this one opens are imported when opened, so the first item shows sooner.
        from selfcheck.tui.screens.review import ReviewScreen

        self.store_note()
        self.app.push_screen(ReviewScreen(self.draft, self.index), self._after_review)

    def _after_review(self, choice: int | str | None) -> None:
        if choice == "finish":
            self.action_finish()
        elif isinstance(choice, int):
            self.index = choice

    def action_details(self) -> None:
        """Open the optional supervision details."""
        from selfcheck.tui.screens.details import DetailsScreen

        self.store_note()
        self.app.push_screen(DetailsScreen(self.draft), lambda _: self.show_item())

    @work(exclusive=True, group="finish")
    async def action_finish(self) -> None:
        """Confirm, collect optional next steps, finish, and show the summary."""
        from selfcheck.tui.screens.confirm import ConfirmFinish
        from selfcheck.tui.screens.next_steps import NextStepsScreen
        from selfcheck.tui.screens.summary import SummaryScreen

        self.store_note()
        unanswered = unanswered_count(self.draft.session, self.draft.rubric)
        if not await self.app.push_screen_wait(ConfirmFinish(unanswered)):
            return
        if not await self.app.push_screen_wait(NextStepsScreen(self.draft)):
            return
        path = await asyncio.to_thread(self.draft.finish)
        summary = SummaryScreen(self.draft.rubric, self.draft.session, self.draft.previous, path)
        if self.app.screen_stack[0] is self:
            # The app opened straight on this screen, and Textual cannot switch away from
            # the first screen (Textual issue #2650): the summary goes on top of it.
            self.app.push_screen(summary)
        else:
            # Not awaited: the switch removes this screen, and with it this very worker.
            self.app.switch_screen(summary)
