"""The review screen: every item with its answer and marks; choosing a row jumps to it."""

from __future__ import annotations

from typing import ClassVar, Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from selfcheck.checkin.draft import Draft
from selfcheck.checkin.lifecycle import unanswered_count
from selfcheck.formats.checkin import ItemAnswer
from selfcheck.formats.rubric import Rubric
from selfcheck.formats.wording import UNANSWERED, answer_words
from selfcheck.tui.help_keys import FINISH_WORDS
from selfcheck.tui.widgets.review_table import ReviewRow, ReviewTable

ReviewChoice = int | Literal["finish"] | None
"""An item index to jump to, "finish" to finish the check-in, or None to go back."""

UNANSWERED_COLOUR = "calm-warn"
"""The theme colour of unanswered rows, which stand out by a word and a mark as well."""


def answer_cell(rubric: Rubric, answer: ItemAnswer, warn: str) -> Text:
    """The rating as the review shows it; unanswered items stand out in bold `warn` colour."""
    if answer.answered:
        return Text(answer_words(rubric, answer))
    return Text(f"! {UNANSWERED}", style=f"bold {warn}")


class ReviewScreen(Screen[ReviewChoice]):
    """A table of all items: rating, note marker and discuss marker."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,r", "back", "Back", tooltip="back to the item you were on"),
        Binding("ctrl+s", "finish", "Finish", tooltip=FINISH_WORDS),
    ]

    KEYS_TITLE = "the review"
    WIDGET_KEYS = "↑ and ↓ move between items; enter opens the item under the cursor."
    """Keys the table handles, told under the screen's own on its help."""

    def __init__(self, draft: Draft, current: int) -> None:
        super().__init__()
        self.draft = draft
        self.current = current

    def compose(self) -> ComposeResult:
        rubric = self.draft.rubric
        checkin = self.draft.checkin
        total = len(self.draft.items)
        answered = total - unanswered_count(checkin, rubric)
        discuss = sum(checkin.answer(item.id).discuss for item in self.draft.items)
        yield Static(
            Text(
                f"Review: {answered} of {total} answered, {discuss} to discuss. "
                "Enter opens an item."
            ),
            id="review-title",
        )
        yield ReviewTable(id="review-table")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        """Fill the table and put the cursor on the current item."""
        rubric = self.draft.rubric
        warn = self.app.theme_variables[UNANSWERED_COLOUR]
        rows: list[ReviewRow] = []
        for index, item in enumerate(self.draft.items):
            answer = self.draft.answer(item.id)
            rows.append(
                (
                    Text(str(index + 1), justify="right"),
                    Text(item.title),
                    answer_cell(rubric, answer, warn),
                    Text("✎ note" if answer.note.strip() else ""),
                    Text("[x]" if answer.discuss else ""),
                )
            )
        table = self.query_one(ReviewTable)
        table.show(rows, self.current)
        table.focus()

    @on(DataTable.RowSelected)
    def row_selected(self, event: DataTable.RowSelected) -> None:
        """Jump to the chosen item."""
        self.dismiss(int(event.row_key.value or 0))

    def action_back(self) -> None:
        """Go back to the item that was open."""
        self.dismiss(None)

    def action_finish(self) -> None:
        """Finish the check-in from here."""
        self.dismiss("finish")
