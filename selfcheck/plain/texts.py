"""The plain mode's words: an item, the review, the keys and the summary as lines of text."""

from __future__ import annotations

from pathlib import Path

from selfcheck.checkin.draft import Draft
from selfcheck.checkin.lifecycle import unanswered_count
from selfcheck.checkin.words import last_time_words
from selfcheck.formats.checkin import Checkin, ItemAnswer
from selfcheck.formats.printable import printable
from selfcheck.formats.rubric import Rubric
from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.formats.wording import answer_words, not_my_role_label

KEYS: tuple[tuple[str, str], ...] = (
    ("1 to 5", "rate the item on the growth scale and go to the next item"),
    ("0", "not yet (not a score: no chance to judge it since last time), then the next item"),
    ("x", "not my role (not a score; offered when the rubric has it), then the next item"),
    ("enter", "skip to the next item; after the last item come the review and finishing"),
    ("d", "mark or unmark: discuss in supervision"),
    (
        "n",
        "write a note: n, a space and the note on one line; or n alone, then several "
        "lines ending with an empty line",
    ),
    ("b", "back to the previous item"),
    ("r", "review: every item with its answer, numbered"),
    ("f", "finish: asks to confirm with y"),
    ("?", "these keys, and how to rate"),
    ("q", "quit; the draft is already saved, resume any time"),
)
"""Every answer the item prompt takes, as the help and the README state them."""

PROMPT = "Your answer (1 to 5, 0, enter to skip, ? for keys): "


def answer_sentence(draft: Draft, answer: ItemAnswer) -> str:
    """The answer as a sentence: the rating and the discuss mark."""
    discuss = " Marked to discuss in supervision." if answer.discuss else ""
    return f"Your answer: {answer_words(draft.rubric, answer)}.{discuss}"


def item_lines(draft: Draft, index: int, *, show_last_time: bool) -> list[str]:
    """One item as lines: value, position, title, statement, prompt, levels, answer, last time."""
    rubric = draft.rubric
    item = draft.items[index]
    value = rubric.value_of(item.id)
    answer = draft.answer(item.id)
    answered = len(draft.items) - unanswered_count(draft.checkin, rubric)
    lines = [
        "",
        f"Item {index + 1} of {len(draft.items)} ({answered} answered). "
        f"Value: {value.name if value else ''}.",
        f"{item.title}.",
        item.statement,
        f"Reflect: {item.prompt}",
        "Levels:",
    ]
    levels = [
        f"  {step.level} {step.label}: {item.anchors.get(step.level) or step.description}"
        for step in rubric.scale
    ]
    levels.append(f"  0 {rubric.not_assessable.label}")
    if rubric.not_my_role is not None:
        # Remembered per item: last time's "not my role" is offered first.
        first = draft.was_not_my_role(item.id)
        levels.insert(0 if first else len(levels), f"  x {not_my_role_label(rubric)}")
    lines += levels
    lines.append(answer_sentence(draft, answer))
    if answer.note.strip():
        lines.append(f"Your note: {printable(answer.note)}")
    words = last_time_words(rubric, draft.previous_answer(item.id))
    if words and show_last_time:
        lines.append(words[0].upper() + words[1:] + ".")
    lines += [
        f"Your next step from last time: {printable(s.text)}" for s in draft.steps_for(item.id)
    ]
    return lines


def review_lines(draft: Draft) -> list[str]:
    """Every item, numbered, with its answer, note and discuss marks."""
    rubric = draft.rubric
    total = len(draft.items)
    answered = total - unanswered_count(draft.checkin, rubric)
    discuss = sum(draft.answer(item.id).discuss for item in draft.items)
    lines = ["", f"Review: {answered} of {total} answered, {discuss} to discuss."]
    for number, item in enumerate(draft.items, 1):
        answer = draft.answer(item.id)
        rated = answer_words(rubric, answer)
        marks = (", note" if answer.note.strip() else "") + (", discuss" if answer.discuss else "")
        lines.append(f"  {number}. {item.title}: {rated}{marks}.")
    return lines


def guidance_lines(rubric: Rubric) -> list[str]:
    """The rubric's "How to rate" guidance as lines (none when the rubric has none)."""
    return ["", "How to rate:", rubric.guidance] if rubric.guidance else []


def help_lines(rubric: Rubric) -> list[str]:
    """The keys of the item prompt, then how to rate."""
    lines = ["", "Keys: type one, then enter. Everything is saved as you go."]
    lines += [f"  {key}: {words}." for key, words in KEYS]
    return lines + guidance_lines(rubric)


def summary_lines(
    draft: Draft, previous: Checkin | None, path: Path, versions: RubricVersions
) -> list[str]:
    """The app's summary as lines: heading, each value against last time, the lists."""
    from selfcheck.growth.summary import listing_lines, summary_heading, value_rows

    lines = ["", *summary_heading(draft.checkin, previous, path)]
    for row in value_rows(versions.showing(draft.rubric), draft.checkin, previous):
        change = f", {row.change}" if row.change else ""
        lines.append(f"  {row.name}: this time {row.now}, last time {row.before}{change}.")
    return lines + listing_lines(draft.rubric, draft.checkin)
