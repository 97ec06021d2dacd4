"""Check-ins of the two versions of the small test rubric in `tests/data/versions/`."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

from helpers.paths import DATA
from selfcheck.checkin.lifecycle import new_checkin_id, rubric_ref
from selfcheck.formats.checkin import Checkin, ItemAnswer, Practitioner
from selfcheck.formats.rubric import Rubric
from selfcheck.store.rubrics import find_rubric

VERSIONS = DATA / "versions"
"""The folder of `tiny-1.0.0.toml` and `tiny-2.0.0.toml`."""
KEY = "0123456789abcdef"


def install_tiny(data_dir: Path) -> tuple[Rubric, Rubric]:
    """Copy both versions into the data directory's own rubrics; return 1.0.0 and 2.0.0."""
    folder = data_dir / "rubrics"
    folder.mkdir(parents=True, exist_ok=True)
    for path in VERSIONS.glob("tiny-*.toml"):
        shutil.copy(path, folder / path.name)
    return find_rubric("tiny@1.0.0", data_dir), find_rubric("tiny@2.0.0", data_dir)


def checkin(
    rubric: Rubric,
    ratings: dict[str, int],
    *,
    day: int,
    complete: bool = True,
    focus: list[str] | None = None,
    discuss: tuple[str, ...] = (),
    notes: dict[str, str] | None = None,
) -> Checkin:
    """A check-in of `rubric` on day `day` of 2026; a rating of 0 is the not-assessable answer."""
    started = datetime(2026, 1, 5, 9, 0, tzinfo=timezone(timedelta(hours=-5)))
    started += timedelta(days=day)
    answered = set(ratings) | set(discuss) | set(notes or {})
    items = {
        item_id: ItemAnswer(
            rating=ratings.get(item_id) or None,
            not_assessable=ratings.get(item_id) == 0,
            discuss=item_id in discuss,
            note=(notes or {}).get(item_id, ""),
        )
        for item_id in answered
    }
    return Checkin(
        id=new_checkin_id(started),
        status="complete" if complete else "draft",
        started=started,
        finished=started + timedelta(minutes=10) if complete else None,
        scope="focus" if focus else "full",
        focus=focus or [],
        rubric=rubric_ref(rubric),
        practitioner=Practitioner(name="Robin Example", key=KEY),
        items=items,
    )


def year_across_versions(old: Rubric, new: Rubric) -> list[Checkin]:
    """Two 1.0.0 check-ins, then a 2.0.0 one, a 2.0.0 focus one, and a 2.0.0 draft."""
    return [
        checkin(
            old,
            {"care-kept": 2, "care-split-a": 2, "care-split-b": 4, "trust-dropped": 3},
            day=0,
            notes={"care-kept": "OLDNOTE"},
        ),
        checkin(
            old,
            {"care-kept": 3, "care-split-a": 3, "care-split-b": 3, "trust-dropped": 0},
            day=60,
            discuss=("care-split-a",),
        ),
        checkin(new, {"care-kept": 4, "care-merged": 4, "trust-new": 2}, day=120),
        checkin(new, {"trust-new": 3}, day=150, focus=["trust-new", "care-merged"]),
        checkin(new, {"care-kept": 5}, day=160, complete=False),
    ]
