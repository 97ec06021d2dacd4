"""The learning plan's life: which steps are open, looking back on them, and each step's history."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from selfcheck.formats.checkin import (
    STEP_STATUS_WORDS,
    Checkin,
    NextStep,
    StepReview,
    StepStatus,
)
from selfcheck.formats.response import Response

if TYPE_CHECKING:
    from selfcheck.store.vault import Vault


@dataclass(frozen=True)
class OpenStep:
    """A next step still to look back on: its text, item, when it was set, and by whom."""

    text: str
    item: str | None
    set_on: date
    agreed: bool

    def reviewed(self, status: StepStatus, reflection: str = "") -> StepReview:
        """The answer to this step, to keep in the new check-in."""
        return StepReview(
            text=self.text,
            item=self.item,
            set_on=self.set_on,
            agreed=self.agreed,
            status=status,
            reflection=" ".join(reflection.split())[:300],
        )


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _agreed_steps(checkin: Checkin, response: Response | None) -> list[OpenStep]:
    if response is None:
        return []
    set_on = response.meeting.date if response.meeting else checkin.when.date()
    return [OpenStep(s.text, s.item, set_on, True) for s in response.next_steps]


def open_steps(completed: list[Checkin], responses: dict[str, Response]) -> list[OpenStep]:
    """The steps to look back on at the start of the next check-in, each once.

    They are the last complete check-in's next steps, the steps agreed in supervision on it,
    and the steps still being worked on when it began.
    """
    if not completed:
        return []
    last = completed[-1]
    steps = [OpenStep(s.text, s.item, last.when.date(), False) for s in last.next_steps]
    steps += _agreed_steps(last, responses.get(last.id))
    steps += [
        OpenStep(r.text, r.item, r.set_on, r.agreed)
        for r in last.plan_review
        if r.status == "working"
    ]
    unique: dict[str, OpenStep] = {}
    for step in steps:
        unique.setdefault(_key(step.text), step)
    return list(unique.values())


def still_to_review(steps: list[OpenStep], draft: Checkin) -> list[OpenStep]:
    """The open steps the draft has not looked back on yet."""
    done = {_key(review.text) for review in draft.plan_review}
    return [step for step in steps if _key(step.text) not in done]


def steps_to_look_back(
    data_dir: Path, completed: list[Checkin], draft: Checkin, vault: Vault | None = None
) -> list[OpenStep]:
    """At the start of a new check-in, the open steps to ask about once; none once begun."""
    from selfcheck.supervision.receiving import load_received

    if draft.items or draft.plan_review:
        return []
    responses, _ = load_received(data_dir, vault)
    return still_to_review(open_steps(completed, responses), draft)


@dataclass
class StepHistory:
    """One step of the learning plan over time: when set, by whom, and each look back."""

    text: str
    item: str | None
    set_on: date
    agreed: bool
    reviews: list[tuple[date, StepStatus, str]] = field(default_factory=list)

    @property
    def status(self) -> str:
        """The latest status in words, or `open` when not looked back on yet."""
        return STEP_STATUS_WORDS[self.reviews[-1][1]] if self.reviews else "open"


def plan_history(checkins: Iterable[Checkin], responses: dict[str, Response]) -> list[StepHistory]:
    """Every step ever set or agreed, oldest first, with what became of it."""
    history: dict[str, StepHistory] = {}

    def add(step: NextStep, set_on: date, agreed: bool) -> None:
        history.setdefault(_key(step.text), StepHistory(step.text, step.item, set_on, agreed))

    for checkin in sorted((s for s in checkins if s.complete), key=lambda s: (s.when, s.id)):
        for review in checkin.plan_review:
            entry = history.setdefault(
                _key(review.text),
                StepHistory(review.text, review.item, review.set_on, review.agreed),
            )
            entry.reviews.append((checkin.when.date(), review.status, review.reflection))
        for step in checkin.next_steps:
            add(step, checkin.when.date(), False)
        for agreed in _agreed_steps(checkin, responses.get(checkin.id)):
            add(NextStep(text=agreed.text, item=agreed.item), agreed.set_on, True)
    return list(history.values())


def plan_dicts(history: list[StepHistory]) -> list[dict[str, object]]:
    """The learning plan's history as plain JSON-ready data (documented in docs/growth.md)."""
    return [
        {
            "text": step.text,
            "item": step.item,
            "set_on": step.set_on.isoformat(),
            "agreed": step.agreed,
            "status": step.reviews[-1][1] if step.reviews else "open",
            "reviews": [
                {"on": on.isoformat(), "status": status, "reflection": reflection}
                for on, status, reflection in step.reviews
            ],
        }
        for step in history
    ]
