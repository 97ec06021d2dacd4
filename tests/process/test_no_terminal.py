"""With no terminal (a pipe, a script), selfcheck prints plain lines or one line: never hangs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.paths import ROOT
from helpers.practitioners import practitioner, share

from selfcheck.cli import main


def without_terminal(data_dir: Path, *command: str, given: str = "") -> tuple[int, str, str]:
    """Run selfcheck with pipes for stdin and stdout; status, output and errors."""
    done = subprocess.run(
        [sys.executable, "-m", "selfcheck", *command, "--data-dir", str(data_dir)],
        input=given,
        capture_output=True,
        text=True,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        timeout=60,
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("command", [[], ["start"]], ids=["selfcheck", "start"])
def test_the_app_without_a_terminal_prints_plain_lines(data_dir: Path, command) -> None:
    """`selfcheck` and `selfcheck start` in a pipe drew escape codes and waited forever; now
    they run the plain mode, which ends with its input."""
    status, out, errors = without_terminal(data_dir, *command, given="q\n")
    assert status == 0, errors
    assert "\x1b" not in out and out.strip()
    assert "Traceback" not in errors


def test_supervise_without_a_terminal_is_one_line(data_dir: Path) -> None:
    """`selfcheck supervise` in a pipe hung; now one line says a terminal is needed, exit 2."""
    status, out, errors = without_terminal(data_dir, "supervise")
    assert status == 2 and out == ""
    assert errors.count("\n") == 1 and "supervise --plain" in errors


def test_supervise_plain_lists_the_caseload_and_growth(
    tmp_path: Path, make_checkin, rubric, capsys
) -> None:
    """`supervise --plain` was ignored; now it lists each practitioner and their growth."""
    shared = tmp_path / "share.toml"
    share(practitioner(tmp_path, "Dana Reyes", make_checkin, rubric), shared)
    supervisor = tmp_path / "supervisor"
    assert main(["supervise", "--data-dir", str(supervisor), "--import", str(shared)]) == 0
    capsys.readouterr()
    assert main(["supervise", "--data-dir", str(supervisor), "--plain"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Caseload in ") and "1 practitioner" in lines[0]
    assert lines[1].startswith("Dana Reyes: 3 check-ins; latest 2026-02-02")
    assert "overall " in lines[1] and "over 3 check-ins" in lines[1]
