"""A check-in in words: the sentences the app and the plain mode both show."""

from __future__ import annotations

from datetime import date

from selfcheck.checkin.lifecycle import asked_items, unanswered_count
from selfcheck.checkin.workspace import Workspace
from selfcheck.formats.checkin import ItemAnswer, NextStep
from selfcheck.formats.printable import one_line
from selfcheck.formats.rubric import Rubric


def last_time_words(rubric: Rubric, previous: tuple[ItemAnswer, date] | None) -> str:
    """`last time: 3 (Practicing), 2026-01-05`, or an empty string when there is none."""
    if previous is None:
        return ""
    answer, when = previous
    if answer.rating is not None:
        rated = f"{answer.rating} ({rubric.level_label(answer.rating)})"
    else:
        rated = rubric.not_assessable.label.lower()
    return f"last time: {rated}, {when.isoformat()}"


def step_words(rubric: Rubric, step: NextStep) -> str:
    """A step as listed: its text and, when tied to one, the item's title."""
    item = rubric.item(step.item) if step.item else None
    text = one_line(step.text, 2000)
    return f"{text}  ({item.title})" if item else text


def unanswered_words(count: int) -> str:
    """A sentence about the unanswered items."""
    if count == 0:
        return "Every item has an answer."
    items = "item is" if count == 1 else "items are"
    return f"{count} {items} still unanswered; they will stay blank in this check-in."


def history_words(workspace: Workspace) -> str:
    """How many check-ins are done and when the last one was."""
    done = workspace.completed
    if not done:
        return "No check-ins yet: your first one takes about ten quiet minutes."
    times = "check-in" if len(done) == 1 else "check-ins"
    return f"{len(done)} past {times}, the last on {done[-1].when.date().isoformat()}."


def draft_words(workspace: Workspace) -> str:
    """A notice about the draft in progress, or nothing."""
    draft = workspace.draft
    if draft is None:
        return ""
    rubric = workspace.rubric_of(draft)
    total = len(asked_items(draft, rubric))
    answered = total - unanswered_count(draft, rubric)
    kind = "focus check-in" if draft.is_focus else "check-in"
    if rubric.version != workspace.rubric.version:
        kind += f" on rubric version {rubric.version}"
    return (
        f"A {kind} is in progress: {answered} of {total} items answered, "
        f"started {draft.started.date().isoformat()}."
    )
