"""Measuring tools for the benchmarks: timed child processes, pseudo-terminals, peak memory."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ANSI = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)")
"""Terminal escape sequences, removed before looking for text on the screen."""


@dataclass
class Timing:
    """Wall-clock seconds of repeated runs and the largest peak memory seen (MiB)."""

    seconds: list[float]
    peak_mib: float = 0.0

    @property
    def median(self) -> float:
        """The median run time in seconds."""
        return statistics.median(self.seconds)


LAUNCH = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""
"""Runs a command as its own child and prints its seconds, peak RSS (KiB) and exit status.

Linux counts a parent's memory at fork in its child's peak; started from this small
launcher, the command's peak is its own, not the benchmark process's."""


def run_timed(
    argv: Sequence[str], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """Run a command to completion; return (seconds, peak RSS in MiB). Fails loudly."""
    done = subprocess.run(
        [sys.executable, "-c", LAUNCH, *argv], cwd=cwd, env=env, capture_output=True, text=True
    )
    seconds, peak_kib, code = done.stdout.split()
    if int(code) not in (0, 1):
        raise RuntimeError(f"{' '.join(argv)} failed: {done.stderr[-500:]}")
    return float(seconds), int(peak_kib) / 1024


def repeat(measure: Callable[[], tuple[float, float]], runs: int) -> Timing:
    """Call `measure` `runs` times after one warm-up run."""
    measure()
    results = [measure() for _ in range(runs)]
    return Timing([seconds for seconds, _ in results], max(peak for _, peak in results))


class Terminal:
    """A child process on a pseudo-terminal of a fixed size, with its screen output as text."""

    def __init__(
        self, argv: Sequence[str], *, env: dict[str, str], columns: int = 80, lines: int = 24
    ) -> None:
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child becomes the program
            os.environ.update(
                env | {"COLUMNS": str(columns), "LINES": str(lines), "TERM": "xterm-256color"}
            )
            os.execvp(argv[0], list(argv))
        import fcntl
        import struct
        import termios

        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.raw = b""

    def text(self) -> str:
        """Everything shown so far, escape sequences removed."""
        return ANSI.sub(b"", self.raw).decode("utf-8", "replace")

    def wait_for(self, marker: str, timeout: float = 30.0) -> float:
        """Seconds from start until `marker` appears on the screen."""
        deadline = time.perf_counter() + timeout
        while marker not in self.text():
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"{marker!r} did not appear; screen: {self.text()[-400:]!r}")
            ready, _, _ = select.select([self.fd], [], [], min(remaining, 0.05))
            if ready:
                try:
                    self.raw += os.read(self.fd, 65536)
                except OSError:
                    break
        return time.perf_counter() - self.started

    def cpu_seconds(self) -> float:
        """CPU time the program has used so far, every thread of it (Linux's scheduler counts)."""
        total = 0
        for task in os.listdir(f"/proc/{self.pid}/task"):
            with open(f"/proc/{self.pid}/task/{task}/schedstat") as stats:
                total += int(stats.read().split()[0])
        return total / 1e9

    def send(self, keys: str) -> None:
        """Type keys into the program."""
        os.write(self.fd, keys.encode())

    def drain(self) -> None:
        """Read whatever output is waiting, so the program never blocks on a full terminal."""
        while select.select([self.fd], [], [], 0)[0]:
            try:
                self.raw += os.read(self.fd, 65536)
            except OSError:
                return

    def kill(self) -> None:
        """End the program at once."""
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


PYTHON = sys.executable
