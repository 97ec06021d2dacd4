"""Sealed files for one reader: `--to RECIPIENT` when writing, `--identity FILE` when reading."""

from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path

from selfcheck.commands.passphrases import ask_passphrase


def add_to_option(parser: argparse.ArgumentParser, reader: str) -> None:
    """Add `--to RECIPIENT`: seal the file written to its one reader."""
    parser.add_argument(
        "--to",
        type=recipient,
        metavar="RECIPIENT",
        help=f"seal the file to {reader}'s public key (age1..., from their `selfcheck keys`), "
        "so only they can open it",
    )


def recipient(text: str) -> str:
    """A checked `age1...` recipient (argparse type: a bad one is a usage error)."""
    from selfcheck.formats.errors import SelfcheckError
    from selfcheck.formats.sealed import parse_recipient

    try:
        parse_recipient(text)
    except SelfcheckError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text.strip()


def add_identity_option(parser: argparse.ArgumentParser) -> None:
    """Add `--identity FILE`: the age identity that opens files sealed to you."""
    parser.add_argument(
        "--identity",
        type=Path,
        action="append",
        metavar="FILE",
        help="an age identity file (your data folder's identity.age, a recovery identity, or "
        "one made by age-keygen; passphrase-protected or not) to open sealed files; repeatable",
    )


def sealed_for(args: argparse.Namespace, data: bytes) -> bytes:
    """`data` sealed to `--to RECIPIENT`, or as it is without the option."""
    if not getattr(args, "to", None):
        return data
    from selfcheck.formats.sealed import parse_recipient, seal

    return seal(data, [parse_recipient(args.to)])


def sealed_words(args: argparse.Namespace) -> str:
    """How a written file is protected, for the line that says it was written."""
    if getattr(args, "to", None):
        return f"sealed to {args.to[:16]}...: only that key's holder can open it"
    return "readable by you only"


def hold_identities(args: argparse.Namespace) -> None:
    """Hold the identities of `--identity FILE` for this run (asking a passphrase if needed)."""
    from selfcheck.formats.sealed import load_identities
    from selfcheck.store.vault import add_identities

    for path in getattr(args, "identity", None) or []:
        ask = partial(ask_passphrase, args, f"Passphrase of {path}")
        add_identities(load_identities(path, ask))
