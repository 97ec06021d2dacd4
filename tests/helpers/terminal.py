"""A real selfcheck in an 80x24 pseudo-terminal, for tests that type into it, signal or kill it."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

import pytest

from helpers.paths import ROOT
from helpers.subprocesses import selfcheck_env
from helpers.waiting import wait_for

needs_pty = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


class Terminal:
    """A process in a pseudo-terminal: what it drew so far, keys to type, and its end."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        primary, secondary = os.openpty()
        os.set_blocking(primary, False)
        self.fd = primary
        self.seen = bytearray()
        self.process = subprocess.Popen(
            argv,
            stdin=secondary,
            stdout=secondary,
            stderr=secondary,
            env=selfcheck_env(TERM="xterm-256color", COLUMNS="80", LINES="24", **env),
            cwd=ROOT,
            start_new_session=True,
        )
        os.close(secondary)

    def drain(self) -> None:
        """Read what was drawn (so the terminal never fills up) into `seen`."""
        with contextlib.suppress(OSError):
            while chunk := os.read(self.fd, 65536):
                self.seen += chunk

    def until(self, predicate: Callable[[], bool], what: str, timeout: float = 15.0) -> None:
        """Wait, reading the screen, until `predicate` holds; fail naming `what` after `timeout`."""

        def check() -> bool:
            self.drain()
            return predicate()

        wait_for(check, what, timeout)

    def shows_item_screen(self) -> bool:
        """Whether an item screen ("item N of M") was drawn yet."""
        return b"item" in self.seen and re.search(rb" of \d+", self.seen) is not None

    def type(self, *keys: bytes, pause: float = 0.1) -> None:
        """Type each chunk of keys, a short pause after each."""
        for chunk in keys:
            os.write(self.fd, chunk)
            time.sleep(pause)

    def ended(self) -> bool:
        """Whether the process has exited."""
        return self.process.poll() is not None


@contextlib.contextmanager
def in_terminal(args: list[str], env: dict[str, str] | None = None) -> Iterator[Terminal]:
    """Run `python -m selfcheck ARGS` (or a `-c` script when ARGS start with "-c") in a terminal;
    kill it if still running at the end."""
    command = args if args[0] == "-c" else ["-m", "selfcheck", *args]
    terminal = Terminal([sys.executable, *command], env or {})
    try:
        yield terminal
    finally:
        if terminal.process.poll() is None:
            terminal.process.kill()
        terminal.process.wait(timeout=10)
        os.close(terminal.fd)
