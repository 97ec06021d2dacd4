"""The command line: builds the parser from the command modules; `main(argv)` is the one exit."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from selfcheck import __version__
from selfcheck.commands import (
    checkins,
    config,
    demo,
    encryption,
    growth,
    log,
    program,
    receive,
    rubric,
    share,
    start,
    supervise,
)
from selfcheck.commands.common import EXIT_INVALID, EXIT_PIPE_CLOSED
from selfcheck.commands.context import CommandContext
from selfcheck.commands.passphrases import add_passphrase_option
from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.printable import printable
from selfcheck.quick_start import collect_from_here

COMMAND_MODULES = (
    start,
    checkins,
    growth,
    share,
    supervise,
    receive,
    log,
    demo,
    program,
    rubric,
    config,
    encryption,
)
"""Each module adds its subcommands with `register(subparsers)`."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="selfcheck",
        description="A reflective self-check against the Alliance Code of Ethics, "
        "for reflective supervision. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"selfcheck {__version__}")
    parser.add_argument(
        "--data-dir", type=Path, default=None, metavar="DIR", help="where check-ins and config live"
    )
    add_passphrase_option(parser)
    parser.add_argument(
        "--rubric",
        default=None,
        metavar="ID|PATH",
        help="rubric to rate against (default: the Alliance Code of Ethics)",
    )
    start.add_interface_options(parser, None)
    parser.set_defaults(handler=start.home_command)
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run selfcheck with `argv`; return the exit status (errors: one line on stderr)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_INVALID
    collect_from_here()
    try:
        status: int = args.handler(args, CommandContext.from_args(args))
    except SelfcheckError as exc:
        _drop_closed_output()
        print(f"selfcheck: {printable(str(exc), keep_newlines=False)}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away before everything was said: not a success (as a shell reports a
        # command SIGPIPE ended).
        _drop_closed_output()
        return EXIT_PIPE_CLOSED
    except OSError as exc:
        # The last guard: a file the checks did not foresee is still one line, not a traceback.
        where = f"{exc.filename}: " if exc.filename else ""
        line = printable(f"{where}{exc.strerror or exc}", keep_newlines=False)
        print(f"selfcheck: {line}", file=sys.stderr)
        return EXIT_INVALID
    return status


def _drop_closed_output() -> None:
    """When stdout's reader has gone, send what is still buffered nowhere, without a word."""
    try:
        sys.stdout.flush()
    except OSError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
