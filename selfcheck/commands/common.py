"""Options and helpers shared by subcommands: data directory, check-in sources, output."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from selfcheck.commands.passphrases import add_passphrase_option, unlock_folder
from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.printable import printable
from selfcheck.store.checkin_files import Loaded, checkins_dir, load_checkins, load_data_dir
from selfcheck.store.data_dir import check_data_dir, check_private, resolve_data_dir

EXIT_OK = 0
"""Everything was read and done."""
EXIT_SKIPPED = 1
"""Done, but some input files were bad and skipped (each named on stderr)."""
EXIT_INVALID = 2
"""Bad usage or invalid input: nothing was done."""
EXIT_PIPE_CLOSED = 141
"""The output was closed (a broken pipe) before everything was written, as SIGPIPE reports."""


def data_dir_option() -> argparse.ArgumentParser:
    """A parent parser adding `--data-dir` and `--passphrase-file` to a subcommand."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="where check-ins and config live (default: $SELFCHECK_DATA_DIR or the "
        "platform's user data folder)",
    )
    add_passphrase_option(parent, argparse.SUPPRESS)
    return parent


def sources_option() -> argparse.ArgumentParser:
    """A parent parser adding check-in files or folders to read instead of the data dir."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="session files or folders to read (default: the data directory's check-ins)",
    )
    return parent


def data_dir(args: argparse.Namespace) -> Path:
    """The data directory chosen by the options and environment, unlocked if it is encrypted."""
    folder = chosen_data_dir(args)
    unlock_folder(folder, args)
    return folder


def chosen_data_dir(args: argparse.Namespace) -> Path:
    """The data directory chosen by the options and environment, refused if it is unusable.

    Checked usable and private, but not unlocked.
    """
    return check_private(check_data_dir(resolve_data_dir(getattr(args, "data_dir", None))))


def load_sources(args: argparse.Namespace) -> Loaded:
    """Check-ins from the given paths, else from the data directory; bad files reported."""
    paths: list[Path] = getattr(args, "paths", None) or []
    require_paths(paths)
    loaded = load_checkins(map(checkin_folder, paths)) if paths else load_data_dir(data_dir(args))
    report_problems(loaded.problems)
    return loaded


def checkin_folder(path: Path) -> Path:
    """A path as given, or the `sessions` folder inside it when it is a data folder."""
    inside = checkins_dir(path)
    return inside if inside.is_dir() else path


def require_paths(paths: list[Path]) -> None:
    """Refuse at once, in one line, when a file or folder given on the command line is missing."""
    missing = [path for path in paths if not path.exists()]
    if missing:
        raise SelfcheckError(f"{missing[0]}: no such file or folder")


def guarded_out(args: argparse.Namespace, option: str = "out") -> Path | None:
    """The `--out` path (or another option's), refused inside the data folder or on a device;
    says what it replaces."""
    from selfcheck.store.outputs import check_out

    out: Path | None = getattr(args, option, None)
    if out is not None:
        note = check_out(out, resolve_data_dir(getattr(args, "data_dir", None)))
        if note is not None:
            tell(note)
    return out


def report_problems(problems: list[str]) -> None:
    """Print one line per skipped file to stderr."""
    for problem in problems:
        tell(f"skipped {problem}")


def tell(line: str, *, to_stdout: bool = False) -> None:
    """Print one line about files or outside text, made printable (stderr unless `to_stdout`)."""
    print(printable(line, keep_newlines=False), file=sys.stdout if to_stdout else sys.stderr)


def exit_status(problems: list[str]) -> int:
    """EXIT_SKIPPED when any input was skipped, else EXIT_OK."""
    return EXIT_SKIPPED if problems else EXIT_OK
