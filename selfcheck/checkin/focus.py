"""Focus check-ins: which few items to suggest, and when a full check-in is due again."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from selfcheck.formats.checkin import FOCUS_MAX, Checkin
from selfcheck.formats.rubric import Rubric

FULL_CHECKIN_DAYS = 90
"""After this many days without a full check-in, home suggests one."""


def suggest_focus(rubric: Rubric, completed: Sequence[Checkin]) -> list[str]:
    """Up to FOCUS_MAX item ids of `rubric`, in the order a supervisor would pick them.

    First the items marked to discuss last time, then those tied to last time's next steps,
    then the items answered longest ago (never answered first), the lowest rated first
    among items answered at the same time. Older ids reach their item by `previous_ids`.
    """
    last = completed[-1] if completed else None
    chosen: list[str] = []

    def add(item_ids: Sequence[str | None]) -> None:
        for item_id in item_ids:
            item = rubric.linked_item(item_id) if item_id else None
            if item is not None and item.id not in chosen:
                chosen.append(item.id)

    if last is not None:
        add([item_id for item_id, answer in last.items.items() if answer.discuss])
        add([step.item for step in last.next_steps])
    order = sorted(rubric.items, key=lambda item: _staleness(item.linked_ids, completed))
    add([item.id for item in order])
    return chosen[:FOCUS_MAX]


def _staleness(item_ids: Sequence[str], completed: Sequence[Checkin]) -> tuple[float, int]:
    """When the item was last answered (oldest first), then its latest level (lowest first).

    Not assessable sorts after level 5: it is not a low level.
    """
    for checkin in reversed(completed):
        answers = [checkin.answer(i) for i in item_ids if checkin.answer(i).answered]
        if answers:
            rating = min((a.rating for a in answers if a.rating is not None), default=6)
            return checkin.when.timestamp(), rating
    return float("-inf"), 0


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
