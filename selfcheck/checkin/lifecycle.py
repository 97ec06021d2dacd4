"""The life of one check-in: start or resume a draft, record answers, finish it."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from selfcheck.formats.checkin import (
    Checkin,
    ItemAnswer,
    Practitioner,
    RubricRef,
    complete_checkins,
)
from selfcheck.formats.rubric import Item, Rubric
from selfcheck.store.checkin_files import Loaded
from selfcheck.store.config import Config


def now() -> datetime:
    """The current time with the local UTC offset, to the second."""
    return datetime.now(UTC).astimezone().replace(microsecond=0)


def new_checkin_id(at: datetime) -> str:
    """A filename-safe id that sorts by time: UTC timestamp plus a random suffix."""
    stamp = at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{stamp}-{secrets.token_hex(3)}"


def rubric_ref(rubric: Rubric) -> RubricRef:
    """The reference a check-in keeps to the exact rubric text it is rated against."""
    return RubricRef(id=rubric.id, version=rubric.version, sha256=rubric.sha256)


def new_checkin(
    rubric: Rubric, config: Config, at: datetime | None = None, focus: list[str] | None = None
) -> Checkin:
    """A fresh draft for `rubric` (of the `focus` items only, when given), prefilled from config."""
    started = at or now()
    return Checkin(
        id=new_checkin_id(started),
        started=started,
        scope="focus" if focus else "full",
        focus=focus or [],
        rubric=rubric_ref(rubric),
        practitioner=Practitioner(name=config.name, key=config.practitioner_key),
        supervision=config.default_supervision(),
    )


def find_draft(loaded: Loaded, rubric_id: str) -> Checkin | None:
    """The newest draft for this rubric, if one is in progress."""
    drafts = [s for s in loaded.checkins if not s.complete and s.rubric.id == rubric_id]
    return drafts[-1] if drafts else None


def last_complete(loaded: Loaded, rubric_id: str, before: Checkin | None = None) -> Checkin | None:
    """The most recent complete check-in of this rubric (other than `before`)."""
    done = [
        s
        for s in complete_checkins(loaded.checkins, rubric_id)
        if s.id != getattr(before, "id", None)
    ]
    return done[-1] if done else None


def asked_items(checkin: Checkin, rubric: Rubric) -> list[Item]:
    """The items a check-in asks about, in rubric order: every item, or its focus items."""
    asked = set(checkin.asked([item.id for item in rubric.items]))
    return [item for item in rubric.items if item.id in asked]


def first_unanswered(checkin: Checkin, rubric: Rubric) -> int:
    """Index among the asked items of the first one without an answer (0 when all are)."""
    for index, item in enumerate(asked_items(checkin, rubric)):
        if not checkin.answer(item.id).answered:
            return index
    return 0


def unanswered_count(checkin: Checkin, rubric: Rubric) -> int:
    """How many of the items the check-in asks about have no answer yet."""
    return sum(not checkin.answer(item.id).answered for item in asked_items(checkin, rubric))


def update_answer(checkin: Checkin, item_id: str, **changes: object) -> ItemAnswer:
    """Change fields of an item's answer in place and return the new answer."""
    merged = checkin.answer(item_id).model_dump() | changes
    answer = ItemAnswer.model_validate(merged)
    checkin.items[item_id] = answer
    return answer


def set_rating(checkin: Checkin, item_id: str, rating: int) -> ItemAnswer:
    """Rate an item on the growth scale (clearing not-yet-assessable)."""
    return update_answer(checkin, item_id, rating=rating, not_assessable=False)


def set_not_assessable(checkin: Checkin, item_id: str) -> ItemAnswer:
    """Mark an item not yet assessable (clearing its rating)."""
    return update_answer(checkin, item_id, rating=None, not_assessable=True)


def toggle_discuss(checkin: Checkin, item_id: str) -> ItemAnswer:
    """Flip whether an item is marked for discussion in supervision."""
    return update_answer(checkin, item_id, discuss=not checkin.answer(item_id).discuss)


def set_note(checkin: Checkin, item_id: str, note: str) -> ItemAnswer:
    """Replace an item's note."""
    return update_answer(checkin, item_id, note=note)


def finish(checkin: Checkin, at: datetime | None = None) -> Checkin:
    """A copy of the draft marked complete with its finish time."""
    finished = max(at or now(), checkin.started)
    return Checkin.model_validate(
        checkin.model_dump() | {"status": "complete", "finished": finished}
    )
