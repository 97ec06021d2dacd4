"""Passphrases: asked on the terminal without echo, or read from a file for scripts."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.toml_reading import read_bytes

PASSPHRASE_FILE_ENV = "SELFCHECK_PASSPHRASE_FILE"
"""Environment variable naming a file whose first line is the passphrase."""
MAX_PASSPHRASE_BYTES = 4096
"""Largest passphrase file read."""


def add_passphrase_option(parser: argparse.ArgumentParser, default: object = None) -> None:
    """Add `--passphrase-file FILE` to a parser."""
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        default=default,
        metavar="FILE",
        help="read the passphrase of an encrypted data folder from the first line of FILE "
        f"(default: ${PASSPHRASE_FILE_ENV}, else asked on the terminal)",
    )


def read_passphrase_file(path: Path) -> str:
    """The first line of a passphrase file, without its line ending."""
    data = read_bytes(path, MAX_PASSPHRASE_BYTES)
    try:
        first = data.decode("utf-8").splitlines()[0] if data else ""
    except UnicodeDecodeError:
        raise SelfcheckError(f"{path}: the passphrase file is not UTF-8 text") from None
    if not first:
        raise SelfcheckError(f"{path}: the passphrase file's first line is empty; nothing was read")
    return first


def ask_passphrase(prompt: str, source: Path | None, *, twice: bool = False) -> str:
    """A passphrase from the `source` file when there is one, else asked on the terminal."""
    if source is not None:
        return read_passphrase_file(source)
    if not sys.stdin.isatty():
        raise SelfcheckError(
            f"{prompt}: no terminal to ask for it; give --passphrase-file FILE "
            f"or set {PASSPHRASE_FILE_ENV}"
        )
    first = getpass.getpass(f"{prompt}: ")
    if not first:
        raise SelfcheckError("the passphrase is empty; nothing was done")
    if twice and getpass.getpass(f"{prompt}, again: ") != first:
        raise SelfcheckError("the two passphrases differ; nothing was done")
    return first
