"""`selfcheck` in a child forked from the test process: a real process to race or kill, at once.

A fresh interpreter spends about 0.3 s importing before a command begins; the kill and race
loops start hundreds of commands, so they fork this warm process instead and run the CLI's
`main` in the child, which then exits without any clean-up (`os._exit`), as a killed one would.
The child inherits the tests' low scrypt work factor (tests/conftest.py) and the environment.
"""

from __future__ import annotations

import os
import signal
import sys
import time
import traceback
from pathlib import Path

from selfcheck.cli import main

CRASHED = 70
"""A child's exit status when `main` raised instead of returning (its traceback is on stderr)."""


def start_forked(argv: list[str], errors: Path | None = None) -> int:
    """Start `selfcheck ARGV` in a forked child (stderr to `errors` if given); its process id."""
    pid = os.fork()
    if pid != 0:
        return pid
    status = CRASHED  # pragma: no cover - from here on runs in the child
    try:
        quiet = os.open(os.devnull, os.O_RDWR)
        os.dup2(quiet, 0)
        os.dup2(quiet, 1)
        if errors is not None:
            os.dup2(os.open(errors, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 2)
        else:
            os.dup2(quiet, 2)
        sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115 - the child exits without closing
        sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115
        status = main(argv)
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def finish(pid: int) -> int:
    """Wait for a forked child to end; its exit status (negative: the signal that ended it)."""
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def has_ended(pid: int) -> bool:
    """Whether a child has ended (until `finish` reaps it, it stays a zombie)."""
    state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    return state in {"Z", "X"}


def whole_run_time(argv: list[str]) -> float:
    """Seconds `selfcheck ARGV` takes in a forked child, run to its end, which must succeed."""
    began = time.monotonic()
    status = finish(start_forked(argv))
    assert status == 0, f"selfcheck {' '.join(argv)} exited {status}"
    return time.monotonic() - began


def kill_after(pid: int, seconds: float) -> int:
    """SIGKILL a child after `seconds` (unless it ended first); its exit status."""
    time.sleep(seconds)
    os.kill(pid, signal.SIGKILL)
    return finish(pid)
