"""`selfcheck share`: a file of your check-ins for your supervisor, with the notes you allow."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcheck.commands.common import (
    EXIT_INVALID,
    data_dir_option,
    exit_status,
    report_problems,
    tell,
)
from selfcheck.commands.sealing import add_to_option, sealed_for, sealed_words
from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.typed_input import parse_day

if TYPE_CHECKING:
    from selfcheck.commands.context import CommandContext


def _date(text: str) -> date:
    try:
        day = parse_day(text)
    except ValueError:
        day = None
    if day is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-01-31")
    return day


def _count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return int(text)


def register(subparsers: Any) -> None:
    """Add the `share` command."""
    share = subparsers.add_parser(
        "share",
        parents=[data_dir_option()],
        help="one file of your check-ins for your supervisor",
        description="Write your complete check-ins to one file for your supervisor: levels, "
        "not-yet-assessable answers, discuss marks, next steps, and only the notes you choose.",
    )
    share.add_argument("--out", type=Path, required=True, metavar="FILE", help="file to write")
    share.add_argument(
        "--notes",
        choices=("discuss", "none", "all"),
        default="discuss",
        help="which notes to share: those on items marked to discuss (default), none, or all",
    )
    which = share.add_mutually_exclusive_group()
    which.add_argument("--last", type=_count, metavar="N", help="only the last N check-ins")
    which.add_argument(
        "--since", type=_date, metavar="DATE", help="only check-ins on or after DATE"
    )
    share.add_argument(
        "--dry-run", action="store_true", help="print exactly what would be written; write nothing"
    )
    share.add_argument("--yes", action="store_true", help="write without asking")
    add_to_option(share, "your supervisor")
    share.set_defaults(handler=share_command)


def share_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Build the share, say what it holds, and write it once the practitioner agrees."""
    from selfcheck.checkin.lifecycle import now
    from selfcheck.store.outputs import write_out
    from selfcheck.supervision.files import share_bytes
    from selfcheck.supervision.share import folder_share

    context.guarded_out(args.out)
    made = folder_share(
        context.data_dir, context.vault, args.notes, now(), last=args.last, since=args.since
    )
    data = share_bytes(made.share)
    if args.dry_run:
        sys.stdout.write(data.decode("utf-8"))
        return _done(made.problems)
    for line in made.words:
        print(line, file=sys.stderr)
    if not args.yes:
        if not sys.stdin.isatty():
            raise SelfcheckError(
                "share: not asked in a terminal; see the file with --dry-run, then add --yes"
            )
        answer = input(f"Write this to {args.out}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing written.", file=sys.stderr)
            return EXIT_INVALID
    write_out(args.out, sealed_for(args.to, data), context.data_dir)
    tell(f"wrote {args.out} ({sealed_words(args.to)}); give it to your supervisor.")
    return _done(made.problems)


def _done(problems: list[str]) -> int:
    report_problems(problems)
    return exit_status(problems)
