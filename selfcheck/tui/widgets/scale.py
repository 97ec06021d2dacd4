"""The rating scale: five levels with this item's anchors, and the not-yet-assessable choice."""

from __future__ import annotations

from typing import ClassVar

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.events import Click
from textual.widget import Widget

from selfcheck.formats.checkin import ItemAnswer
from selfcheck.formats.rubric import Item, Rubric
from selfcheck.tui.messages import NOT_ASSESSABLE, RatingChosen

CHOSEN = "●"
"""Marks the chosen answer, so it never depends on colour alone."""
NOT_CHOSEN = "○"
NOT_A_LEVEL = "Not a level: left out of means."
"""Said beside the answer that is not a level, whatever the rubric calls it."""
LABEL_WIDTH = 16
"""Cells for the marker, key and label, so the descriptions line up."""


def choice_of(answer: ItemAnswer) -> int | None:
    """The answer as a choice number: a level, NOT_ASSESSABLE, or None when unanswered."""
    return NOT_ASSESSABLE if answer.not_assessable else answer.rating


class RatingRow(Widget):
    """One choice of the scale: marker, key and label in a column, its description wrapping beside.

    One widget drawing a grid rather than three widgets: the item screen shows sooner.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"choice-row--label"}
    """The marker, key and label, styled in the app's stylesheet."""

    def __init__(self, rating: int, label: str) -> None:
        super().__init__(classes="choice-row")
        self.rating = rating
        self._label = label
        self._text = ""
        self._chosen = False

    def show(self, text: str, chosen: bool) -> None:
        """Show this item's description, and whether this choice is the chosen one."""
        self._text = text
        self._chosen = chosen
        self.set_class(chosen, "-chosen")
        self.refresh(layout=True)

    def render(self) -> RenderableType:
        """The label, then the description wrapping in the rest of the width."""
        marker = CHOSEN if self._chosen else NOT_CHOSEN
        label_style = self.get_component_rich_style("choice-row--label")
        label = Text(f"{marker} {self.rating} {self._label}", style=label_style)
        if not self._text:
            return label
        if self.rating == NOT_ASSESSABLE:
            # Its label is the rubric's and may be long: the words follow on the same line.
            return Text.assemble(label, "  ", self._text)
        grid = Table.grid(expand=True)
        grid.add_column(width=LABEL_WIDTH, style=label_style)
        grid.add_column(ratio=1)
        grid.add_row(label, Text(self._text))
        return grid

    def on_click(self, event: Click) -> None:
        """Choose this answer with the mouse."""
        event.stop()
        self.post_message(RatingChosen(self.rating))


class RatingScale(Vertical):
    """The five levels and not-yet-assessable, the chosen one marked with a filled dot."""

    def __init__(self, rubric: Rubric, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rubric = rubric
        self._rows = {step.level: RatingRow(step.level, step.label) for step in rubric.scale}
        self._rows[NOT_ASSESSABLE] = RatingRow(NOT_ASSESSABLE, rubric.not_assessable.label)

    def compose(self) -> ComposeResult:
        yield from self._rows.values()

    def show(self, item: Item, answer: ItemAnswer) -> None:
        """Show an item's anchors and mark its current answer."""
        chosen = choice_of(answer)
        for step in self.rubric.scale:
            anchor = item.anchors.get(step.level) or step.description
            self._rows[step.level].show(anchor, chosen == step.level)
        self._rows[NOT_ASSESSABLE].show(NOT_A_LEVEL, chosen == NOT_ASSESSABLE)
