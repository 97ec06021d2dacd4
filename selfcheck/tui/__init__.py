"""The Textual apps; the rest of selfcheck reaches them only through `run_app` and
`run_supervisor_app`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selfcheck.store.vault import Vault


def run_app(
    data_dir: Path,
    rubric_ref: str | None,
    *,
    straight_in: bool,
    theme: str | None = None,
    focus: bool = False,
    vault: Vault,
) -> tuple[int, list[str]]:
    """Run the app until it quits; return its exit code and the data folder's unreadable files.

    `theme` overrides the config's theme for this run; `focus` opens on the choice of
    items for a focus check-in; `vault` holds the run's keys.
    Raises SelfcheckError when the folder, once unlocked in the app, cannot be opened.
    """
    from selfcheck.quick_start import collection_held

    with collection_held():
        from selfcheck.store.draft_writer import SWITCH_INTERVAL
        from selfcheck.tui.app import make_app

        app = make_app(
            data_dir, rubric_ref, straight_in=straight_in, theme=theme, focus=focus, vault=vault
        )
        sys.setswitchinterval(SWITCH_INTERVAL)
        app.run()
    if app.failure is not None:
        raise app.failure
    if app.standing:
        print(app.standing, file=sys.stderr)
    return app.return_code or 0, app.problems


def run_supervisor_app(folder: Path, data_dir: Path, vault: Vault) -> tuple[int, list[str]]:
    """Run the supervisor's app on a caseload folder; return its exit code and unreadable files."""
    from selfcheck.quick_start import collection_held

    with collection_held():
        from selfcheck.store.draft_writer import SWITCH_INTERVAL
        from selfcheck.tui.supervisor_app import make_supervisor_app

        app = make_supervisor_app(folder, data_dir, vault=vault)
        sys.setswitchinterval(SWITCH_INTERVAL)
        app.run()
    return app.return_code or 0, app.caseload.problems
