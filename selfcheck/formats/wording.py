"""How an answer and a mean read, the same in the app, the terminal, the packet and the charts."""

from __future__ import annotations

from typing import Protocol

from selfcheck.formats.rubric import Rubric

MISSING = "–"
"""Shown where there is no number: a mean of nothing rated, a level never given."""
NOT_ASSESSABLE_MARK = "n/a"
"""The answer "not yet" in a cell too small for its label (heatmap, packet tables)."""
NOT_MY_ROLE_MARK = "role"
"""The answer "not my role" in a cell too small for its label."""
NOT_MY_ROLE_WORDS = "not my role"
"""The answer "not my role" where the rubric does not name it."""
UNANSWERED = "unanswered"
"""An item of a check-in with neither a level nor an answer that is not a level."""


class Answer(Protocol):
    """A practitioner's or a supervisor's answer to an item: a level or an answer that is not."""

    @property
    def rating(self) -> int | None:
        """The level, if one was given."""

    @property
    def not_assessable(self) -> bool:
        """True for the answer "not yet"."""

    @property
    def not_my_role(self) -> bool:
        """True for the answer "not my role"."""


def answer_mark(answer: Answer) -> str:
    """An answer in a small cell: the level, `n/a`, `role`, or the missing mark."""
    if answer.rating is not None:
        return str(answer.rating)
    if answer.not_my_role:
        return NOT_MY_ROLE_MARK
    return NOT_ASSESSABLE_MARK if answer.not_assessable else MISSING


def not_my_role_label(rubric: Rubric | None) -> str:
    """What the rubric calls the answer "not my role" (its own words when it names it)."""
    return rubric.not_my_role.label if rubric and rubric.not_my_role else NOT_MY_ROLE_WORDS


def answer_words(rubric: Rubric | None, answer: Answer) -> str:
    """`3 Practicing`, the rubric's own label of an answer that is not a level, or `unanswered`."""
    if answer.rating is not None:
        label = rubric.level_label(answer.rating) if rubric else ""
        return f"{answer.rating} {label}".strip()
    if answer.not_my_role:
        return not_my_role_label(rubric)
    if answer.not_assessable:
        return rubric.not_assessable.label if rubric else "not assessable"
    return UNANSWERED


def mean_words(mean: float | None) -> str:
    """A mean to two decimals, or the missing mark when nothing was rated."""
    return MISSING if mean is None else f"{mean:.2f}"
