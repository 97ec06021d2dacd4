"""A realistic year of made-up check-ins, for trying the charts and the packet safely."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone

from selfcheck.checkin.focus import suggest_focus
from selfcheck.checkin.lifecycle import rubric_ref
from selfcheck.formats.checkin import Checkin, ItemAnswer, NextStep, Practitioner, Supervision
from selfcheck.formats.rubric import Rubric
from selfcheck.store.config import Config

DEMO_NAME = "Sam Rivera (demo)"
"""The fictional practitioner of the demo data."""
DEMO_KEY = "de30de30de30de30"
"""The demo practitioner's key, recognisably not a real one."""
DEMO_SUPERVISOR = "Jordan Lee (demo)"
MONTHS = 12

_NOTES = {
    "relationships-past-experiences": (
        "A visit with a young mother brought up my own memories of moving a lot as a child. "
        "I noticed I went quiet and wanted to fix things quickly."
    ),
    "justice-advocacy": (
        "The family on the east side still waits for housing help; I am not sure how far "
        "my role goes in pushing the agency."
    ),
    "integrity-reliability": (
        "With 18 families on my caseload I cancelled two visits this month and did not "
        "call back the same day. I want to talk about limits."
    ),
    "justice-examining-my-bias": (
        "I caught myself assuming a father was not involved because he missed two visits. "
        "He works nights."
    ),
    "reflection-using-supervision": (
        "I bring the hard cases now instead of the easy ones. It still feels exposed."
    ),
}
"""Notes marked for discussion, shown in the packet with `--notes discuss`."""
_PRIVATE_NOTE = "Tired this week; slept badly. Keep this to myself."
"""A note on an item not marked for discussion: private by default."""
_STEPS = [
    ("Ask the team lead about a caseload review before the next intake.", "integrity-reliability"),
    ("Read the county's housing-advocacy guide and list two contacts.", "justice-advocacy"),
    (
        "After each visit, write one line about what I felt and when.",
        "relationships-past-experiences",
    ),
    ("Bring one recording of a visit to reflective supervision.", "reflection-using-supervision"),
    ("Join the anti-bias learning circle that meets on Thursdays.", "justice-anti-bias-learning"),
    ("Review the agency's release-of-information form with a colleague.", None),
]


FOCUS_MONTHS = (4, 9)
"""Months whose check-in is a focus check-in of a few suggested items."""


_MEETING_MINUTES = (60, 60, 90, 45)
"""The demo's supervision meetings last an hour, sometimes longer or shorter."""


def _rating(start: float, rate: float, month: int, rng: random.Random) -> int:
    return max(1, min(5, round(start + rate * month + rng.uniform(-0.45, 0.45))))


def _linked(rubric: Rubric, item_id: str | None) -> str | None:
    """The id an older item id has in `rubric` (itself, or the item replacing it)."""
    item = rubric.linked_item(item_id) if item_id else None
    return item.id if item else None


def demo_checkins(versions: Sequence[Rubric], seed: int = 7) -> list[Checkin]:
    """Twelve monthly check-ins of one fictional practitioner, growing gradually.

    The months are shared out over the rubric `versions` (oldest first), so with two the
    rubric changes mid-year; the check-ins of FOCUS_MONTHS are focus check-ins.
    """
    rng = random.Random(seed)
    zone = timezone(timedelta(hours=-6))
    profile: dict[str, tuple[float, float]] = {}
    for rubric in versions:
        for item in rubric.items:
            known = next((profile[i] for i in item.previous_ids if i in profile), None)
            profile.setdefault(item.id, known or (rng.uniform(1.2, 2.8), rng.uniform(0.08, 0.2)))
    checkins: list[Checkin] = []
    for month in range(MONTHS):  # the meetings' lengths repeat, drawing nothing from `rng`
        rubric = versions[month * len(versions) // MONTHS]
        notes = {_linked(rubric, key): text for key, text in _NOTES.items()}
        started = datetime(2025, 1 + month, 6 + rng.randrange(8), 16, 30, tzinfo=zone)
        focus = suggest_focus(rubric, checkins) if month in FOCUS_MONTHS else []
        items = {}
        for item in rubric.items:
            if focus and item.id not in focus:
                continue
            start, rate = profile[item.id]
            rating = _rating(start, rate, month, rng)
            strained = item.id == _linked(rubric, "integrity-reliability")
            if strained and 5 <= month <= 8:
                rating = max(1, rating - 2)
            not_assessable = (item.id == "justice-advocacy" and month < 4) or (
                item.id == _linked(rubric, "confidentiality-knowing-standards") and month == 2
            )
            discuss = (item.id in notes and rng.random() < 0.45) or (strained and month >= 5)
            note = notes.get(item.id, "") if discuss else ""
            if item.id == "knowledge-ongoing-learning" and month % 3 == 1:
                note = _PRIVATE_NOTE
            items[item.id] = ItemAnswer(
                rating=None if not_assessable else rating,
                not_assessable=not_assessable,
                note=note,
                discuss=discuss,
            )
        steps = [
            NextStep(text=text, item=_linked(rubric, item)) for text, item in rng.sample(_STEPS, 2)
        ]
        stamp = started.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        checkins.append(
            Checkin(
                id=f"{stamp}-{rng.randrange(16**6):06x}",
                status="complete",
                started=started,
                finished=started + timedelta(minutes=rng.randrange(4 if focus else 9, 25)),
                scope="focus" if focus else "full",
                focus=focus,
                rubric=rubric_ref(rubric),
                practitioner=Practitioner(name=DEMO_NAME, key=DEMO_KEY),
                supervision=Supervision(
                    supervisor=DEMO_SUPERVISOR,
                    meeting=(started + timedelta(days=2)).date(),
                    minutes=_MEETING_MINUTES[month % len(_MEETING_MINUTES)],
                    kind="group" if month % 4 == 3 else "individual",
                ),
                items=items,
                next_steps=steps,
            )
        )
    return checkins


def demo_config() -> Config:
    """The config of the demo practitioner's installation, so the app greets them by name."""
    return Config(name=DEMO_NAME, supervisor=DEMO_SUPERVISOR, practitioner_key=DEMO_KEY)
