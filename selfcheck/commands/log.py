"""`selfcheck log`: your reflective supervision meetings and hours, per year and in total."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from selfcheck.commands.common import data_dir_option, exit_status, report_problems
from selfcheck.formats.printable import one_line

if TYPE_CHECKING:
    from selfcheck.commands.context import CommandContext


def register(subparsers: Any) -> None:
    """Add the `log` command."""
    log = subparsers.add_parser(
        "log",
        parents=[data_dir_option()],
        help="supervision meetings and hours, per year and in total",
        description="Meetings recorded in your check-ins (m in a check-in) and in responses "
        "you received, each with its source; hours per year and in total.",
    )
    log.add_argument("--year", type=int, metavar="YYYY", help="only this year")
    log.set_defaults(handler=log_command)


def log_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Print each meeting with its source, then the hours per year and in total."""
    from selfcheck.supervision.hours import (
        hours_by_year,
        hours_words,
        meeting_records,
        year_line,
    )

    loaded = context.stored
    responses, bad = context.received
    problems = loaded.problems + bad
    records = meeting_records(loaded.checkins, responses.values())
    if args.year is not None:
        records = [r for r in records if r.date.year == args.year]
    if not records:
        when = f" in {args.year}" if args.year is not None else ""
        print(f"No supervision meetings recorded{when}. Record one with m in a check-in.")
        report_problems(problems)
        return exit_status(problems)
    print(f"{'date':<10}  {'kind':<10}  {'minutes':>7}  source")
    for record in records:
        minutes = str(record.minutes) if record.minutes is not None else "?"
        print(
            f"{record.date.isoformat():<10}  {record.kind:<10}  {minutes:>7}  "
            f"{one_line(record.source, 100)}"
        )
    years = hours_by_year(records)
    print()
    for year in years:
        print(year_line(year))
    if len(years) > 1:
        total = sum(y.minutes for y in years)
        count = sum(y.meetings for y in years)
        unknown = sum(y.unknown_length for y in years)
        without = f"; {unknown} without a recorded length" if unknown else ""
        print(f"Total: {count} meetings, {hours_words(total)}{without}")
    report_problems(problems)
    return exit_status(problems)
