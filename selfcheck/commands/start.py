"""`selfcheck` and `selfcheck start`: open the check-in app."""

from __future__ import annotations

import argparse
from typing import Any

from selfcheck.commands.common import data_dir, data_dir_option, exit_status, report_problems


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
    start.set_defaults(handler=start_command)


def open_app(args: argparse.Namespace, *, straight_in: bool) -> int:
    """Run the TUI; Textual is imported only here, never by the core."""
    from selfcheck.tui import run_app

    code, problems = run_app(data_dir(args), getattr(args, "rubric", None), straight_in=straight_in)
    report_problems(problems)
    return code or exit_status(problems)


def start_command(args: argparse.Namespace) -> int:
    """Open the app on the current item of the draft, or a new check-in."""
    return open_app(args, straight_in=True)


def home_command(args: argparse.Namespace) -> int:
    """Open the app on its home screen."""
    return open_app(args, straight_in=False)
