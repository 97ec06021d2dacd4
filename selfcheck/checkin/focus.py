"""Focus check-ins: which few items to suggest, and when a full check-in is due again."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from selfcheck.formats.checkin import FOCUS_MAX, Checkin, ItemAnswer
from selfcheck.formats.response import Response
from selfcheck.formats.rubric import Item, Rubric

FULL_CHECKIN_DAYS = 90
"""After this many days without a full check-in, home suggests one."""


SUGGESTION_WORDS = (
    "Suggested first: the items of your open steps and of steps agreed in supervision, items "
    "your supervisor rated 2 or more apart from you, items you marked to discuss; then a "
    "growth edge beside a strength among those rated longest ago. At most 2 per value, and "
    "never an item you last answered 'not my role'."
)
"""How the suggestion is made, as the app and the plain mode say it."""
PER_VALUE = 2
"""The most items of one value a suggestion holds, so it spans the Code."""
GAP = 2
"""A supervisor's rating this far from the practitioner's puts the item first."""


def suggest_focus(
    rubric: Rubric,
    completed: Sequence[Checkin],
    *,
    steps: Sequence[str | None] = (),
    responses: Mapping[str, Response] | None = None,
) -> list[str]:
    """Up to FOCUS_MAX item ids of `rubric`, in the order a supervisor would pick them.

    First the items of the open and supervisor-agreed steps (`steps`: their item ids), and
    items where the supervisor's last rating (`responses`, by check-in id) differs from the
    practitioner's by GAP or more; then the items marked to discuss last time and those tied
    to last time's next steps; then, among the items answered longest ago (never answered
    first), a growth edge and a strength in turn. At most PER_VALUE items of one value, and
    never an item last answered "not my role". Older ids reach their item by `previous_ids`.
    """
    last = completed[-1] if completed else None
    chosen: list[str] = []
    per_value: Counter[str] = Counter()

    def add(item_ids: Iterable[str | None]) -> None:
        linked = [item for i in item_ids if i for item in rubric.linked_items(i)]
        for item in linked:
            value = rubric.value_of(item.id)
            if value is None or item.id in chosen:
                continue
            if per_value[value.id] < PER_VALUE and not _last_not_my_role(item, completed):
                chosen.append(item.id)
                per_value[value.id] += 1

    add(steps)
    add(_rating_gaps(completed, responses or {}))
    if last is not None:
        add([item_id for item_id, answer in last.items.items() if answer.discuss])
        add([step.item for step in last.next_steps])
    edges = sorted(rubric.items, key=lambda item: _staleness(item, completed, strength=False))
    strengths = sorted(rubric.items, key=lambda item: _staleness(item, completed, strength=True))
    add(item.id for pair in zip(edges, strengths, strict=True) for item in pair)
    return chosen[:FOCUS_MAX]


def _last_answer(item: Item, completed: Sequence[Checkin]) -> tuple[Checkin, list[ItemAnswer]]:
    """The latest check-in that answered the item (through its linked ids), with its answers."""
    for checkin in reversed(completed):
        answers = [checkin.answer(i) for i in item.linked_ids if checkin.answer(i).answered]
        if answers:
            return checkin, answers
    raise LookupError(item.id)


def _last_not_my_role(item: Item, completed: Sequence[Checkin]) -> bool:
    """True when the item's latest answer was "not my role"."""
    try:
        _, answers = _last_answer(item, completed)
    except LookupError:
        return False
    return all(answer.not_my_role for answer in answers)


def _rating_gaps(completed: Sequence[Checkin], responses: Mapping[str, Response]) -> list[str]:
    """Items of the latest check-in with a response where the two ratings differ by GAP or more."""
    answered = [checkin for checkin in completed if checkin.id in responses]
    if not answered:
        return []
    checkin = answered[-1]
    response = responses[checkin.id]
    gaps = []
    for item_id, answer in checkin.items.items():
        theirs = response.item(item_id).rating
        if answer.rating is not None and theirs is not None and abs(theirs - answer.rating) >= GAP:
            gaps.append((-abs(theirs - answer.rating), item_id))
    return [item_id for _, item_id in sorted(gaps)]


def _staleness(item: Item, completed: Sequence[Checkin], *, strength: bool) -> tuple[float, int]:
    """Sort key: last answered (oldest first), then lowest level first, or highest for a strength.

    An answer that is not a level sorts after every level.
    """
    try:
        checkin, answers = _last_answer(item, completed)
    except LookupError:
        return float("-inf"), 0
    ratings = [a.rating for a in answers if a.rating is not None]
    if not ratings:
        return checkin.when.timestamp(), 6
    return checkin.when.timestamp(), -max(ratings) if strength else min(ratings)


def full_checkin_due(completed: Sequence[Checkin], today: date) -> str | None:
    """A line suggesting a full check-in when the last one is over FULL_CHECKIN_DAYS old."""
    full = [s for s in completed if not s.is_focus]
    if not completed:
        return None
    if not full:
        return "You have done only focus check-ins: a full check-in is suggested."
    days = (today - full[-1].when.date()).days
    if days <= FULL_CHECKIN_DAYS:
        return None
    return (
        f"Your last full check-in was {days} days ago, on {full[-1].when.date().isoformat()}: "
        "a full check-in is suggested."
    )
