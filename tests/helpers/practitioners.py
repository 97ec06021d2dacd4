"""Practitioners' data folders with check-ins to share, and `selfcheck share` run on them."""

from __future__ import annotations

from pathlib import Path

from selfcheck.cli import main
from selfcheck.formats.checkin import NextStep
from selfcheck.store.checkin_files import save_checkin
from selfcheck.store.config import ensure_identity, save_config

PRIVATE = "PLANTED-PRIVATE tired and unsure"
"""A note on an item not marked for discussion: it must never leave the practitioner."""
SHARED = "PLANTED-SHARED the family on the east side"
"""A note on an item marked for discussion: the default policy shares it."""


def practitioner(tmp_path: Path, name: str, make_checkin, rubric, days=(0, 14, 28)) -> Path:
    """A practitioner's data folder with complete check-ins; returns the folder."""
    folder = tmp_path / name.split()[0].lower()
    config = ensure_identity(folder)
    save_config(folder, config.model_copy(update={"name": name}))
    items = [item.id for item in rubric.items]
    for n, day in enumerate(days):
        session = make_checkin(
            {item: 2 + (n + i) % 3 for i, item in enumerate(items)},
            day=day,
            name=name,
            key=config.practitioner_key,
            notes={items[0]: SHARED, items[1]: PRIVATE},
            discuss=(items[0],),
        )
        session.next_steps = [NextStep(text=f"Step {n} of {name}", item=items[0])]
        save_checkin(folder, session)
    return folder


def share(folder: Path, out: Path, *extra: str) -> None:
    """Run `selfcheck share` for a practitioner and check it succeeded."""
    assert main(["share", "--data-dir", str(folder), "--out", str(out), "--yes", *extra]) == 0
