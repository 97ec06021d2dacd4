"""The project's exception types, each carrying one line meant for a person."""

from __future__ import annotations

from pathlib import Path


class SelfcheckError(Exception):
    """A problem to report to the user in one line; the CLI maps it to exit status 2."""


class InputError(SelfcheckError):
    """A file that cannot be used: names the file and what is wrong with it."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class LockedError(SelfcheckError):
    """A draft that another running selfcheck already has open."""
