"""`selfcheck log`: your reflective supervision meetings and hours, per year and in total."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from selfcheck.commands.common import data_dir_option, exit_status, report_problems

if TYPE_CHECKING:
    from selfcheck.commands.context import CommandContext


def register(subparsers: Any) -> None:
    """Add the `log` command."""
    log = subparsers.add_parser(
        "log",
        parents=[data_dir_option()],
        help="supervision meetings and hours, per year and in total",
        description="Meetings recorded in your check-ins (m in a check-in) and in verified "
        "responses you received (signed by the key you trust for that supervisor), each with "
        "its source; hours per year and in total.",
    )
    log.add_argument("--year", type=int, metavar="YYYY", help="only this year")
    log.set_defaults(handler=log_command)


def log_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Print each meeting with its source, then the hours per year and in total."""
    from selfcheck.supervision.hours import log_lines, meeting_records, unverified_meetings

    loaded = context.stored
    responses, bad = context.received
    problems = loaded.problems + bad
    trusted = context.config.trusted_supervisors
    records = meeting_records(loaded.checkins, responses.values(), trusted)
    if args.year is not None:
        records = [r for r in records if r.date.year == args.year]
    for line in log_lines(records, args.year):
        print(line)
    unverified = unverified_meetings(responses.values(), trusted)
    if unverified:
        print(
            f"Not counted: {unverified} meeting{'s' if unverified != 1 else ''} from "
            "unverified responses (not signed by a key you trust)."
        )
    report_problems(problems)
    return exit_status(problems)
