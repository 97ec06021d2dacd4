"""A closed output (`selfcheck ... | head -1`) before the work is done is not a success."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers.paths import ROOT

from selfcheck.store.checkin_files import save_checkin


def run_with_output_closed(data_dir: Path, *command: str, given: str = "") -> tuple[int, str]:
    """Run selfcheck with its stdout a pipe nobody reads; its exit status and stderr."""
    reader, writer = os.pipe()
    os.close(reader)
    done = subprocess.run(
        [sys.executable, "-m", "selfcheck", *command, "--data-dir", str(data_dir)],
        input=given,
        stdout=writer,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        timeout=60,
    )
    os.close(writer)
    return done.returncode, done.stderr


def test_list_into_a_closed_pipe_exits_141(data_dir: Path, make_checkin) -> None:
    """`selfcheck list | head -1` with the reader gone exited 0; now 141, without a traceback."""
    for day in range(3):
        save_checkin(data_dir, make_checkin({"integrity-honesty": 3}, day=day))
    status, errors = run_with_output_closed(data_dir, "list")
    assert status == 141
    assert errors == ""


def test_plain_checkin_into_a_closed_pipe_is_not_a_success(data_dir: Path) -> None:
    """`selfcheck start --plain < answers | head -1` exited 0 with nothing said; now not 0."""
    status, errors = run_with_output_closed(data_dir, "start", "--plain", given="4\n3\n")
    assert status != 0
    assert "Traceback" not in errors
