"""`selfcheck receive`: keep your supervisor's response beside the check-in it answers."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcheck.commands.common import data_dir_option, exit_status, report_problems
from selfcheck.commands.sealing import add_identity_option
from selfcheck.formats.printable import printable

if TYPE_CHECKING:
    from selfcheck.commands.context import CommandContext


def register(subparsers: Any) -> None:
    """Add the `receive` command."""
    receive = subparsers.add_parser(
        "receive",
        parents=[data_dir_option()],
        help="keep a response your supervisor sent you",
        description="Check that a response file answers one of your check-ins (id, key and "
        "rubric text), then keep it in your data folder; `show` prints it beside the check-in. "
        "A response sealed to your `selfcheck keys` recipient opens with your passphrase.",
    )
    receive.add_argument("file", type=Path, metavar="FILE", help="the response file")
    add_identity_option(receive)
    receive.set_defaults(handler=receive_command)


def receive_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Validate and keep one response file."""
    from selfcheck.store.config import ensure_identity
    from selfcheck.supervision.receiving import receive

    folder, vault = context.data_dir, context.vault
    context.hold_identities()  # a response sealed to a key kept outside this folder
    config = ensure_identity(folder, vault)
    loaded = context.stored
    response, kept = receive(args.file, folder, loaded, config.practitioner_key, vault)
    who = printable(response.supervisor, keep_newlines=False) or "your supervisor"
    print(f"received {who}'s response to check-in {response.checkin}; kept in {kept}")
    print(f"see it with: selfcheck show {response.checkin}")
    report_problems(loaded.problems)
    return exit_status(loaded.problems)
