"""`selfcheck` and `selfcheck start`: open the check-in app, or the plain mode."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

from selfcheck.commands.common import (
    EXIT_UNFINISHED,
    data_dir_option,
    exit_status,
    report_problems,
    tell,
)
from selfcheck.store.config import THEMES

if TYPE_CHECKING:
    from selfcheck.commands.context import CommandContext

PLAIN_ENV = "SELFCHECK_PLAIN"
"""Set to 1 to run the plain mode instead of the full-screen app."""


def add_interface_options(parser: argparse.ArgumentParser, default: object) -> None:
    """Add `--plain` and `--theme` (the subcommand's default leaves the top level's in place)."""
    parser.add_argument(
        "--plain",
        action="store_true",
        default=default,
        help="plain lines of text instead of the full-screen app: for screen readers and "
        f'scripts (also ${PLAIN_ENV}=1, or interface = "plain" in config)',
    )
    parser.add_argument(
        "--theme",
        choices=THEMES,
        default=default,
        help="the app's colours: calm, or high-contrast (default: the config's, calm)",
    )


def register(subparsers: Any) -> None:
    """Add the `start` command (the app also opens when no command is given)."""
    start = subparsers.add_parser(
        "start",
        parents=[data_dir_option()],
        help="go straight into a check-in (resuming the draft if there is one)",
    )
    start.add_argument(
        "--rubric", metavar="ID|PATH", default=argparse.SUPPRESS, help="rubric to rate against"
    )
    add_interface_options(start, argparse.SUPPRESS)
    start.add_argument(
        "--focus",
        action="store_true",
        help="a short check-in of up to 6 items: choose them from suggestions (also: f on home)",
    )
    start.set_defaults(handler=start_command)


def wants_plain(asked: bool, context: CommandContext) -> bool:
    """Whether to run the plain mode: `--plain`, SELFCHECK_PLAIN=1, no terminal, or the config.

    With no terminal to draw on (a pipe, a script), the app would write escape codes into the
    pipe and wait for keys that never come: plain lines instead.
    """
    if asked or os.environ.get(PLAIN_ENV, "").strip() not in ("", "0"):
        return True
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return True
    if context.vault.needs_unlock(context.chosen_dir) and context.passphrase_file is None:
        return False  # the config is sealed: the app asks the passphrase before reading it
    return context.config.interface == "plain"


def open_app(args: argparse.Namespace, context: CommandContext, *, straight_in: bool) -> int:
    """Run the TUI; Textual is imported only here, never by the core."""
    from selfcheck.tui import run_app

    folder = context.chosen_dir
    if context.passphrase_file is not None:
        context.unlock(folder)  # else the app asks, before it reads anything
    code, problems = run_app(
        folder,
        args.rubric,
        straight_in=straight_in,
        theme=args.theme,
        focus=getattr(args, "focus", False),
        vault=context.vault,
    )
    report_problems(problems)
    return code or exit_status(problems)


def start_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Open the app on the current item of the draft (or a new check-in), or the plain mode."""
    if wants_plain(args.plain, context):
        from selfcheck.plain.checkin import run_plain

        ended, problems = run_plain(
            context.data_dir, args.rubric, focus=args.focus, vault=context.vault
        )
        report_problems(problems)
        if ended is not None:
            tell(f"selfcheck: {ended}")
            return EXIT_UNFINISHED
        return exit_status(problems)
    return open_app(args, context, straight_in=True)


def home_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Open the app on its home screen, or print home and the commands in plain mode."""
    if wants_plain(args.plain, context):
        from selfcheck.plain.home import home_lines

        lines, problems = home_lines(context.data_dir, args.rubric, context.vault)
        print("\n".join(lines))
        report_problems(problems)
        return exit_status(problems)
    return open_app(args, context, straight_in=False)
