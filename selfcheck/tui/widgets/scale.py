"""The rating scale: five levels with this item's anchors, and the not-yet-assessable choice."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import Click
from textual.widgets import Static

from selfcheck.models import Item, ItemAnswer, Rubric
from selfcheck.tui.messages import NOT_ASSESSABLE, RatingChosen

CHOSEN = "●"
"""Marks the chosen answer, so it never depends on colour alone."""
NOT_CHOSEN = "○"


def choice_of(answer: ItemAnswer) -> int | None:
    """The answer as a choice number: a level, NOT_ASSESSABLE, or None when unanswered."""
    return NOT_ASSESSABLE if answer.not_assessable else answer.rating


class ChoiceRow(Horizontal):
    """One choice of the scale: marker and key, label, and its description."""

    def __init__(self, choice: int, label: str, text: str) -> None:
        super().__init__(classes="choice-row")
        self.choice = choice
        self._label = label
        self._marker = Static(classes="choice-label")
        self._text = Static(Text(text), classes="choice-text")

    def compose(self) -> ComposeResult:
        yield self._marker
        yield self._text

    def show(self, text: str, chosen: bool) -> None:
        """Show this item's description, and whether this choice is the chosen one."""
        marker = CHOSEN if chosen else NOT_CHOSEN
        self._marker.update(Text(f"{marker} {self.choice} {self._label}"))
        self._text.update(Text(text))
        self.set_class(chosen, "-chosen")

    def on_click(self, event: Click) -> None:
        """Choose this answer with the mouse."""
        event.stop()
        self.post_message(RatingChosen(self.choice))


class RatingScale(Vertical):
    """The five levels and not-yet-assessable, the chosen one marked with a filled dot."""

    def __init__(self, rubric: Rubric, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rubric = rubric
        self._rows = {step.level: ChoiceRow(step.level, step.label, "") for step in rubric.scale}
        self._rows[NOT_ASSESSABLE] = ChoiceRow(NOT_ASSESSABLE, rubric.not_assessable.label, "")
        self._rows[NOT_ASSESSABLE].add_class("-not-assessable")

    def compose(self) -> ComposeResult:
        yield from self._rows.values()

    def show(self, item: Item, answer: ItemAnswer) -> None:
        """Show an item's anchors and mark its current answer."""
        chosen = choice_of(answer)
        for step in self.rubric.scale:
            anchor = item.anchors.get(step.level) or step.description
            self._rows[step.level].show(anchor, chosen == step.level)
        # The same for every item, so the help screen explains it instead of each row.
        self._rows[NOT_ASSESSABLE].show("", chosen == NOT_ASSESSABLE)
