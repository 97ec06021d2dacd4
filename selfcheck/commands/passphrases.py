"""Passphrases: asked on the terminal without echo, or read from a file for scripts."""

from __future__ import annotations

import argparse
import getpass
import stat
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
    """The first line of a passphrase file (or pipe, as `<(pass show x)`), without its ending."""
    data = _first_line_of_pipe(path) if _is_pipe(path) else read_bytes(path, MAX_PASSPHRASE_BYTES)
    try:
        first = data.decode("utf-8").splitlines()[0] if data else ""
    except UnicodeDecodeError:
        raise SelfcheckError(f"{path}: the passphrase file is not UTF-8 text") from None
    if not first:
        raise SelfcheckError(f"{path}: the passphrase file's first line is empty; nothing was read")
    return first


def _is_pipe(path: Path) -> bool:
    try:
        return stat.S_ISFIFO(path.stat().st_mode)
    except OSError:
        return False  # read_bytes says what is wrong, in one line


def _first_line_of_pipe(path: Path) -> bytes:
    """The first line a pipe gives, read up to the passphrase limit (a pipe has no size)."""
    try:
        with path.open("rb") as handle:
            data = handle.readline(MAX_PASSPHRASE_BYTES + 1)
    except OSError as exc:
        raise SelfcheckError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_PASSPHRASE_BYTES:
        raise SelfcheckError(
            f"{path}: the passphrase's first line is over {MAX_PASSPHRASE_BYTES:,} bytes; not read"
        )
    return data


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
