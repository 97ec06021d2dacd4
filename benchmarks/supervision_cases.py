"""The supervisor's benchmark: opening a caseload of 40 practitioners with 24 check-ins each."""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from cases import BLANK_APP, Row, _time_to_screen, environment, write_checkins
from measure import PYTHON, repeat

from selfcheck.store.config import Config
from selfcheck.supervision.caseload import import_shares, load_caseload
from selfcheck.supervision.files import save_share
from selfcheck.supervision.share import build_share

PEOPLE = 40
"""Practitioners in the caseload."""
CHECKINS = 24
"""Check-ins shared by each of them."""


def write_caseload(folder: Path, scratch: Path) -> None:
    """PEOPLE shares of CHECKINS check-ins each, imported as `selfcheck supervise --import` does."""
    shares = []
    for person in range(PEOPLE):
        checkins = write_checkins(scratch / f"p{person}", CHECKINS, seed=person)
        key = f"{person:016x}"
        config = Config(name=f"Practitioner {person:02d}", practitioner_key=key)
        share = build_share(checkins, config, "discuss", datetime(2026, 3, 1, tzinfo=UTC))
        shares.append(scratch / f"{key}.toml")
        save_share(shares[-1], share)
    import_shares(shares, folder)


def caseload_open(*, quick: bool, runs: int) -> list[Row]:
    """`selfcheck supervise FOLDER` until the caseload is on screen, against a blank app."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "caseload"
        write_caseload(folder, root / "scratch")
        started = time.perf_counter()
        caseload = load_caseload(folder)
        core = time.perf_counter() - started
        assert len(caseload.people) == PEOPLE and not caseload.problems
        blank = root / "blank.py"
        blank.write_text(BLANK_APP)
        env = environment(root / "data")
        marker = f"{PEOPLE} practitioners in"
        ours = repeat(
            lambda: _time_to_screen(
                [PYTHON, "-m", "selfcheck", "supervise", str(folder)], marker, env
            ),
            runs,
        )
        anchor = repeat(lambda: _time_to_screen([PYTHON, str(blank)], "blank app ready", env), runs)
    ratio = ours.median / anchor.median
    return [
        Row(
            f"supervise: caseload of {PEOPLE}x{CHECKINS} on screen",
            f"{ours.median * 1000:.0f} ms",
            f"blank Textual app {anchor.median * 1000:.0f} ms",
            ratio,
            "<= 2.5x",
            ratio <= 2.5,
        ),
        Row(
            f"supervise: reading the {PEOPLE} shares (in process)",
            f"{core * 1000:.0f} ms",
            "absolute target",
            None,
            "<= 300 ms",
            core <= 0.3,
        ),
    ]
