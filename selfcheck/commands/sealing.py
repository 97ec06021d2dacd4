"""Sealed files for one reader: `--to RECIPIENT` when writing, `--identity FILE` when reading."""

from __future__ import annotations

import argparse
from pathlib import Path


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


def sealed_for(to: str | None, data: bytes) -> bytes:
    """`data` sealed to the `--to` recipient, or as it is without one."""
    if not to:
        return data
    from selfcheck.formats.sealed import parse_recipient, seal

    return seal(data, [parse_recipient(to)])


def sealed_words(to: str | None) -> str:
    """How a written file is protected, for the line that says it was written."""
    if to:
        return f"sealed to {to[:16]}...: only that key's holder can open it"
    return "readable by you only"
