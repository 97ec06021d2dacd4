"""The Textual check-in app; the rest of selfcheck reaches it only through `run_app`."""

from __future__ import annotations

import sys
from pathlib import Path


def run_app(data_dir: Path, rubric_ref: str | None, *, straight_in: bool) -> tuple[int, list[str]]:
    """Run the app until it quits; return its exit code and the data folder's unreadable files."""
    from selfcheck.store.draft_writer import SWITCH_INTERVAL
    from selfcheck.tui.app import make_app

    app = make_app(data_dir, rubric_ref, straight_in=straight_in)
    sys.setswitchinterval(SWITCH_INTERVAL)
    app.run()
    return app.return_code or 0, app.workspace.loaded.problems
