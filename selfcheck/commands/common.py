"""Options and helpers shared by subcommands: data directory, check-in sources, output."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from selfcheck.commands.passphrases import add_passphrase_option
from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.printable import printable

EXIT_OK = 0
"""Everything was read and done."""
EXIT_SKIPPED = 1
"""Done, but some input files were bad and skipped (each named on stderr)."""
EXIT_UNFINISHED = 1
"""Piped answers ended before the check-in was finished (the draft is kept)."""
EXIT_INVALID = 2
"""Bad usage or invalid input: nothing was done."""
EXIT_PIPE_CLOSED = 141
"""The output was closed (a broken pipe) before everything was written, as SIGPIPE reports."""


def data_dir_option() -> argparse.ArgumentParser:
    """A parent parser adding `--data-dir` and `--passphrase-file` to a subcommand."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="where check-ins and config live (default: $SELFCHECK_DATA_DIR or the "
        "platform's user data folder)",
    )
    add_passphrase_option(parent, argparse.SUPPRESS)
    return parent


def sources_option() -> argparse.ArgumentParser:
    """A parent parser adding check-in files or folders to read instead of the data dir."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="session files or folders to read (default: the data directory's check-ins)",
    )
    return parent


def require_paths(paths: list[Path]) -> None:
    """Refuse at once, in one line, when a file or folder given on the command line is missing."""
    missing = [path for path in paths if not path.exists()]
    if missing:
        raise SelfcheckError(f"{missing[0]}: no such file or folder")


def report_problems(problems: list[str]) -> None:
    """Print one line per skipped file to stderr."""
    for problem in problems:
        tell(f"skipped {problem}")


def tell(line: str, *, to_stdout: bool = False) -> None:
    """Print one line about files or outside text, made printable (stderr unless `to_stdout`)."""
    print(printable(line, keep_newlines=False), file=sys.stdout if to_stdout else sys.stderr)


def exit_status(problems: list[str]) -> int:
    """EXIT_SKIPPED when any input was skipped, else EXIT_OK."""
    return EXIT_SKIPPED if problems else EXIT_OK
