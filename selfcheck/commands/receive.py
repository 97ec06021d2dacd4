"""`selfcheck receive`: keep your supervisor's response beside the check-in it answers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcheck.commands.common import data_dir_option, exit_status, report_problems
from selfcheck.commands.sealing import add_identity_option
from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.printable import printable

if TYPE_CHECKING:
    from selfcheck.commands.context import CommandContext
    from selfcheck.supervision.receiving import IncomingResponse


def register(subparsers: Any) -> None:
    """Add the `receive` command."""
    receive = subparsers.add_parser(
        "receive",
        parents=[data_dir_option()],
        help="keep a response your supervisor sent you",
        description="Check that a response file answers one of your check-ins (id, key and "
        "rubric text), then keep it in your data folder; `show` prints it beside the check-in. "
        "A response sealed to your `selfcheck keys` recipient opens with your passphrase. "
        "Its signature must be by the key you trust for that supervisor; the first time, "
        "you are shown the key's fingerprint and asked (or give it with --trust).",
    )
    receive.add_argument("file", type=Path, metavar="FILE", help="the response file")
    receive.add_argument(
        "--trust",
        metavar="FINGERPRINT",
        help="trust the key with this fingerprint (from your supervisor's `selfcheck keys`) "
        "for the supervisor who signed the response",
    )
    receive.add_argument(
        "--unverified",
        action="store_true",
        help="keep a response that is unsigned or not signed by the trusted key, marked "
        "unverified: its meeting is never counted in your hours",
    )
    add_identity_option(receive)
    receive.set_defaults(handler=receive_command)


def receive_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Validate, verify and keep one response file."""
    from selfcheck.store.config import ensure_identity
    from selfcheck.supervision.receiving import keep_response, open_response

    folder, vault = context.data_dir, context.vault
    context.hold_identities()  # a response sealed to a key kept outside this folder
    config = ensure_identity(folder, vault)
    loaded = context.stored
    incoming = open_response(args.file, folder, loaded, config, vault)
    trust = decide_trust(incoming, args.trust)
    received = keep_response(
        incoming, folder, config, vault, trust=trust, unverified=args.unverified
    )
    who = printable(incoming.response.supervisor, keep_newlines=False) or "your supervisor"
    checkin = incoming.response.checkin
    how = "verified" if received.verified else "UNVERIFIED, not counted in your hours"
    print(f"received {who}'s response to check-in {checkin} ({how}); kept in {received.path}")
    print(f"see it with: selfcheck show {checkin}")
    report_problems(loaded.problems)
    return exit_status(loaded.problems)


def decide_trust(incoming: IncomingResponse, given: str | None) -> bool:
    """Whether to trust the key that signed a response: the fingerprint given with --trust,
    else asked on a terminal the first time a supervisor's key is seen."""
    from selfcheck.formats.signing import parse_fingerprint

    if given is not None:
        if incoming.trust not in ("new", "other-key", "trusted"):
            return False
        if parse_fingerprint(given) != incoming.fingerprint:
            raise SelfcheckError(
                f"{incoming.path}: --trust {given.strip()[:40]} is not the fingerprint of the "
                f"key this response is signed with ({incoming.fingerprint}); not received"
            )
        return True
    if incoming.trust != "new" or not sys.stdin.isatty():
        return False
    print(
        f"{incoming.supervisor} signs with a key you have not trusted yet. Its fingerprint:\n\n"
        f"    {incoming.fingerprint}\n\n"
        "Ask them to read theirs from `selfcheck keys` (in person or by phone).",
        file=sys.stderr,
    )
    answer = input("Is it the same? Trust it for their responses? [y/N] ")
    return answer.strip().lower() in ("y", "yes")
