"""Start-up as `selfcheck` runs it: no collector pauses, and no pydantic plugin is loaded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

AS_THE_COMMAND = """
import atexit, gc, runpy, sys
def report():
    print(gc.get_freeze_count(), gc.get_stats()[2]["collections"], gc.isenabled())
atexit.register(report)
sys.argv = ["selfcheck", *sys.argv[1:]]
runpy.run_module("selfcheck", run_name="__main__", alter_sys=True)
"""
"""Runs selfcheck exactly as `python -m selfcheck` does, and reports the collector at exit."""

FIRST_SCREEN = """
import asyncio, gc, sys
from pathlib import Path
from selfcheck.quick_start import hold_collection
hold_collection()
from selfcheck.tui.app import make_app
from selfcheck.tui.supervisor_app import make_supervisor_app

async def first_screen(which, folder):
    if which == "practitioner":
        app = make_app(folder / "data", None, straight_in=True)
    else:
        (folder / "caseload").mkdir()
        app = make_supervisor_app(folder / "caseload", folder / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print(type(app.screen).__name__, gc.get_freeze_count(), gc.get_stats()[2]["collections"],
              gc.isenabled())

asyncio.run(first_screen(sys.argv[1], Path(sys.argv[2])))
"""
"""Opens an app with the collector held, as `selfcheck start` and `supervise` do, and reports
the collector once the first screen is up."""

SPY_PLUGIN = """
import os, pathlib
pathlib.Path(os.environ["SPY_MARK"]).write_text("a pydantic plugin was loaded")

class Spy:
    def new_schema_validator(self, *args, **kwargs):
        return None, None, None

plugin = Spy()
"""
"""A pydantic plugin that leaves a mark when loaded (a real one would see every value)."""


def plain_environment(**extra: str) -> dict[str, str]:
    """This environment without any pydantic plugin setting of its own, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    return env | extra


def test_start_up_runs_no_collection_and_then_collects(tmp_path: Path):
    """Imports and the parser run without a full collection; their objects are then frozen
    and the collector is on again for the command itself."""
    result = subprocess.run(
        [sys.executable, "-c", AS_THE_COMMAND, "--data-dir", str(tmp_path / "data"), "list"],
        capture_output=True,
        text=True,
        check=True,
        env=plain_environment(),
    )
    *_, last = result.stdout.splitlines()
    frozen, full_collections, enabled = last.split()
    assert int(frozen) > 10_000
    assert int(full_collections) == 0
    assert enabled == "True"


@pytest.mark.parametrize(
    ("which", "first_screen"),
    [("practitioner", "ItemScreen"), ("supervisor", "CaseloadScreen")],
)
def test_each_app_collects_again_once_its_first_screen_is_up(
    tmp_path: Path, which: str, first_screen: str
):
    """An app's modules and first screen are made without a full collection; then they are
    frozen and the collector runs for the rest of the session (no growing memory)."""
    result = subprocess.run(
        [sys.executable, "-c", FIRST_SCREEN, which, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        env=plain_environment(),
    )
    *_, last = result.stdout.splitlines()
    screen, frozen, full_collections, enabled = last.split()
    assert screen == first_screen
    assert int(frozen) > 10_000
    assert int(full_collections) == 0
    assert enabled == "True"


def test_a_pydantic_plugin_installed_here_never_sees_selfcheck_data(tmp_path: Path):
    """An installed pydantic plugin would observe every check-in validated: selfcheck loads none
    (and so never scans every package's metadata for one at start-up)."""
    (tmp_path / "spy_plugin.py").write_text(SPY_PLUGIN)
    metadata = tmp_path / "spy_plugin-1.0.dist-info"
    metadata.mkdir()
    (metadata / "METADATA").write_text("Metadata-Version: 2.1\nName: spy-plugin\nVersion: 1.0\n")
    (metadata / "entry_points.txt").write_text("[pydantic]\nspy = spy_plugin:plugin\n")
    mark = tmp_path / "loaded"
    env = plain_environment(PYTHONPATH=str(tmp_path), SPY_MARK=str(mark))

    subprocess.run(
        [sys.executable, "-c", "import pydantic\nclass Model(pydantic.BaseModel):\n    x: int"],
        check=True,
        env=env,
    )
    assert mark.exists(), "the spy plugin is not found, so the check below proves nothing"
    mark.unlink()

    data = tmp_path / "data"
    subprocess.run(
        [sys.executable, "-m", "selfcheck", "--data-dir", str(data), "demo"],
        capture_output=True,
        check=True,
        env=env,
    )
    assert not mark.exists()
