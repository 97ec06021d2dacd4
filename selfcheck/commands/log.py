"""`selfcheck log`: your reflective supervision meetings and hours, per year and in total."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from selfcheck.commands.common import data_dir_option, exit_status, report_problems

if TYPE_CHECKING:
    from selfcheck.commands.context import CommandContext
    from selfcheck.supervision.hours import MeetingRecord


def register(subparsers: Any) -> None:
    """Add the `log` command."""
    log = subparsers.add_parser(
        "log",
        parents=[data_dir_option()],
        help="supervision meetings and hours, per year and in total",
        description="Meetings recorded in your check-ins (m in a check-in) and in verified "
        "responses you received (signed by the key you trust for that supervisor), each with "
        "its source; hours per year and in total. If you supervise others (`selfcheck "
        "supervise`), the meetings recorded in your responses to them follow, counted apart "
        "as supervision you gave.",
    )
    log.add_argument("--year", type=int, metavar="YYYY", help="only this year")
    log.set_defaults(handler=log_command)


def log_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Print each meeting with its source, then the hours per year and in total: supervision
    received, then supervision given when the folder holds responses to a caseload."""
    from selfcheck.supervision.hours import log_lines, meeting_records, unverified_meetings

    loaded = context.stored
    responses, bad = context.received
    given, unreadable = given_meetings(context)
    problems = loaded.problems + bad + unreadable
    trusted = context.config.trusted_supervisors
    records = meeting_records(loaded.checkins, responses.values(), trusted)
    if args.year is not None:
        records = [r for r in records if r.date.year == args.year]
        given = [r for r in given if r.date.year == args.year]
    if given:
        print("Supervision you received:")
    for line in log_lines(records, args.year):
        print(line)
    unverified = unverified_meetings(responses.values(), trusted)
    if unverified:
        print(
            f"Not counted: {unverified} meeting{'s' if unverified != 1 else ''} from "
            "unverified responses (not signed by a key you trust)."
        )
    if given:
        print()
        print("Supervision you gave (meetings recorded in your responses, m on a response):")
        print("\n".join(log_lines(given, args.year)))
    report_problems(problems)
    return exit_status(problems)


def given_meetings(context: CommandContext) -> tuple[list[MeetingRecord], list[str]]:
    """The meetings recorded in the responses to the caseload of this data folder, and a line
    for each response that could not be read."""
    from selfcheck.supervision.caseload import load_caseload, supervisees_dir
    from selfcheck.supervision.hours import given_records
    from selfcheck.supervision.responding import written_responses

    folder = supervisees_dir(context.data_dir)
    responses, problems = written_responses(folder, context.vault)
    if not any(response.meeting for response in responses):
        return [], problems
    names = {row.key: row.name for row in load_caseload(folder, context.vault).people}
    return given_records(responses, names), problems
