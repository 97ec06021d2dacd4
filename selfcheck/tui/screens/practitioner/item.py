"""The item screen: one item at a time, rated from the keyboard, every change saved at once."""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static, TextArea

from selfcheck.checkin.draft import Draft
from selfcheck.checkin.lifecycle import unanswered_count
from selfcheck.checkin.words import last_time_words
from selfcheck.checkin.workspace import remember_show_last_time
from selfcheck.formats.errors import SelfcheckError
from selfcheck.tui.help_keys import FINISH_WORDS
from selfcheck.tui.messages import (
    NOT_ASSESSABLE,
    NOT_MY_ROLE,
    DiscussToggled,
    LastTimeToggled,
    NoteEntered,
    NoteLeft,
    RatingChosen,
)
from selfcheck.tui.widgets.item_card import ItemCard, ItemHeader
from selfcheck.tui.widgets.marks import DiscussMark, LastTime, PlannedSteps
from selfcheck.tui.widgets.note import NoteField
from selfcheck.tui.widgets.scale import RatingScale

NOTE_HINT = "Writing a note: keys type here; escape leaves the note."
"""Shown under the note while it has focus."""

NOTE_SAVE_DELAY = 1.0
"""Seconds of typing that a crash may lose: a note is saved at most this long after a keystroke."""


class ItemScreen(Screen[None]):
    """Steps through the rubric's items; the draft is saved after every change."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                str(rating),
                f"rate({rating})",
                "Rate",
                show=False,
                tooltip="rate the current item on the growth scale (you stay on it)",
            )
            for rating in range(1, 6)
        ),
        Binding(
            "0",
            f"rate({NOT_ASSESSABLE})",
            "Not yet",
            show=False,
            tooltip="not yet (not a score: no chance to judge it since last time)",
        ),
        Binding(
            "x",
            f"rate({NOT_MY_ROLE})",
            "Not my role",
            show=False,
            tooltip="not my role (not a score; listed first next time)",
        ),
        Binding("n,right", "next", "Next", tooltip="next item (on the last item: the review)"),
        # Not in the footer, so it fits 60 columns; the help lists it.
        Binding("p,left", "previous", "Prev", show=False, tooltip="previous item"),
        *(
            Binding(
                f"page{way}",
                f"scroll_item('{way}')",
                f"Scroll {way}",
                show=False,
                tooltip="scroll the item when it does not fit",
            )
            for way in ("up", "down")
        ),
        Binding("d", "discuss", "Discuss", tooltip="mark or unmark: discuss in supervision"),
        *(
            Binding(
                key,
                "write_note",
                "Note",
                show=key == "e",
                tooltip="write a note; escape leaves the note",
            )
            for key in ("e", "tab")
        ),
        Binding("r", "review", "Review", tooltip="review all items; enter opens one"),
        Binding(
            "m",
            "details",
            "Details",
            show=False,
            tooltip="supervision details: supervisor, meeting date",
        ),
        Binding(
            "l",
            "toggle_last_time",
            "Last time",
            show=False,
            tooltip="hide or show last time's rating",
        ),
        Binding("ctrl+s", "finish", "Finish", tooltip=FINISH_WORDS),
    ]

    KEYS_TITLE = "an item of the check-in"

    index: reactive[int] = reactive(0, init=False)
    """Position of the current item in the rubric."""

    def __init__(self, draft: Draft, *, show_last_time: bool = True) -> None:
        super().__init__()
        self.draft = draft
        self.items = draft.items
        self.show_last_time = show_last_time
        self._note_timer: Timer | None = None
        self._note_refused = False
        """Whether the field's note was last refused as too long (said once while typing)."""
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
            with Vertical(id="note-box"):
                yield NoteField(blink=getattr(self.app, "cursor_blink", True), id="note")
                yield Static(NOTE_HINT, id="note-hint")
        yield Footer(compact=True, show_command_palette=False)

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
        answered = len(self.items) - unanswered_count(self.draft.checkin, self.draft.rubric)
        assert value is not None
        self.query_one(ItemHeader).show(value, self.index + 1, len(self.items), answered)
        guidance = self.draft.rubric.guidance if self.index == 0 else ""
        self.query_one(ItemCard).show(item, guidance)
        role_first = self.draft.was_not_my_role(item.id)
        self.query_one(RatingScale).show(item, answer, role_first=role_first)
        self.query_one(DiscussMark).show(answer.discuss)
        words = last_time_words(self.draft.rubric, self.draft.previous_answer(item.id))
        self.query_one(LastTime).show(words, self.show_last_time)
        self.query_one(PlannedSteps).show(self.draft.steps_for(item.id))
        self.query_one(NoteField).show(item.id, answer.note)

    def store_typing(self, *, quiet: bool = False) -> bool:
        """Take the note from the field into the draft and queue it for saving (also on quit).

        False when the note is too long for a check-in's readers: the draft keeps the note as
        it was, the field keeps what was typed, and the person is told in one line (unless
        `quiet`: the save after a pause in typing, when typing already said it).
        """
        if self._note_timer is not None:
            self._note_timer.stop()
            self._note_timer = None
        kept = self.keep_note(always_say=not quiet)
        self.draft.save()
        return kept

    def keep_note(self, *, always_say: bool = False) -> bool:
        """Put the field's note into the draft; False, said in one line, when it is too long.

        While typing it is said once; on leaving the item (`always_say`) each time.
        """
        note = self.query_one(NoteField)
        if not note.item_id:
            return True
        try:
            self.draft.set_note(note.item_id, note.note)
        except SelfcheckError as exc:
            if always_say or not self._note_refused:
                self.notify(
                    f"{exc}. Shorten the note to go on; the note saved before stays.",
                    title="Note too long to save",
                    severity="error",
                    markup=False,
                )
            self._note_refused = True
            return False
        self._note_refused = False
        return True

    @on(TextArea.Changed, "#note")
    def note_changed(self) -> None:
        """Keep the note in the draft; save it within NOTE_SAVE_DELAY of this keystroke."""
        note = self.query_one(NoteField)
        before = self.draft.answer(note.item_id).note
        if self.keep_note() and note.note != before and self._note_timer is None:
            self._note_timer = self.set_timer(
                NOTE_SAVE_DELAY, partial(self.store_typing, quiet=True)
            )

    @on(NoteEntered)
    def note_entered(self) -> None:
        """Say how to leave the note, and bring the note and that line into view."""
        self.query_one("#note-hint").visible = True
        # The hidden hint has no place on screen yet; the box around it always has.
        self.query_one("#note-box").scroll_visible(animate=False, immediate=True)

    @on(NoteLeft)
    def note_left(self) -> None:
        """Save the note as soon as the field is left."""
        self.query_one("#note-hint").visible = False
        self.store_typing()

    @on(RatingChosen)
    def rating_chosen(self, message: RatingChosen) -> None:
        """Record a choice made with the mouse."""
        self.action_rate(message.rating)

    @on(DiscussToggled)
    def discuss_clicked(self) -> None:
        """Toggle the discuss mark with the mouse."""
        self.action_discuss()

    @on(LastTimeToggled)
    def last_time_clicked(self) -> None:
        """Hide or show last time's rating with the mouse."""
        self.action_toggle_last_time()

    def action_rate(self, rating: int) -> None:
        """Rate the current item (NOT_ASSESSABLE: not yet; NOT_MY_ROLE); stay on it."""
        if rating == NOT_MY_ROLE:
            if self.draft.rubric.not_my_role is None:
                self.notify("This rubric has no answer 'not my role': 0 is not yet.")
                return
            self.draft.mark_not_my_role(self.item_id)
        elif rating == NOT_ASSESSABLE:
            self.draft.mark_not_assessable(self.item_id)
        else:
            self.draft.rate(self.item_id, rating)
        self.show_item()

    def action_discuss(self) -> None:
        """Toggle discuss-in-supervision for the current item."""
        self.draft.toggle_discuss(self.item_id)
        self.show_item()

    def action_next(self) -> None:
        """Go to the next item; after the last one, open the review."""
        if not self.store_typing():
            return
        if self.index + 1 < len(self.items):
            self.index += 1
        else:
            self.action_review()

    def action_previous(self) -> None:
        """Go to the previous item."""
        if not self.store_typing():
            return
        self.index = max(self.index - 1, 0)

    def action_write_note(self) -> None:
        """Move into the note field."""
        note = self.query_one(NoteField)
        note.focus()
        note.move_cursor(note.document.end)

    def action_scroll_item(self, direction: str) -> None:
        """Scroll the item a page, for terminals too small to show it whole."""
        body = self.query_one("#item-body", VerticalScroll)
        if direction == "up":
            body.scroll_page_up(animate=False)
        else:
            body.scroll_page_down(animate=False)

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
            remember_show_last_time(self.draft.data_dir, show, self.draft.vault)
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
        from selfcheck.tui.screens.practitioner.review import ReviewScreen

        if not self.store_typing():
            return
        self.app.push_screen(ReviewScreen(self.draft, self.index), self._after_review)

    async def _after_review(self, choice: int | str | None) -> None:
        if choice == "finish":
            await self.action_finish()
        elif isinstance(choice, int):
            self.index = choice

    def action_details(self) -> None:
        """Open the optional supervision details."""
        from selfcheck.tui.screens.practitioner.details import DetailsScreen

        if not self.store_typing():
            return
        self.app.push_screen(DetailsScreen(self.draft), lambda _: self.show_item())

    async def action_finish(self) -> None:
        """Save the note, then let the app confirm and finish the check-in."""
        if not self.store_typing():
            return
        await self.run_action("app.finish_checkin")
