"""How an answer and a mean read, the same in the app, the terminal, the packet and the charts."""

from __future__ import annotations

from typing import Protocol

from selfcheck.formats.rubric import Rubric

MISSING = "–"
"""Shown where there is no number: a mean of nothing rated, a level never given."""
NOT_ASSESSABLE_MARK = "n/a"
"""The not-assessable answer in a cell too small for its label (heatmap, packet tables)."""
UNANSWERED = "unanswered"
"""An item of a check-in with neither a level nor the not-assessable answer."""


class Answer(Protocol):
    """A practitioner's or a supervisor's answer to an item: a level or not assessable."""

    @property
    def rating(self) -> int | None:
        """The level, if one was given."""

    @property
    def not_assessable(self) -> bool:
        """True for the not-yet-assessable answer."""


def answer_mark(answer: Answer) -> str:
    """An answer in a small cell: the level, `n/a`, or the missing mark."""
    if answer.rating is not None:
        return str(answer.rating)
    return NOT_ASSESSABLE_MARK if answer.not_assessable else MISSING


def answer_words(rubric: Rubric | None, answer: Answer) -> str:
    """`3 Practicing`, the rubric's own not-assessable label, or `unanswered`."""
    if answer.rating is not None:
        label = rubric.level_label(answer.rating) if rubric else ""
        return f"{answer.rating} {label}".strip()
    if answer.not_assessable:
        return rubric.not_assessable.label if rubric else "not assessable"
    return UNANSWERED


def mean_words(mean: float | None) -> str:
    """A mean to two decimals, or the missing mark when nothing was rated."""
    return MISSING if mean is None else f"{mean:.2f}"
