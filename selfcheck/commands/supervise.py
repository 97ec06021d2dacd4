"""`selfcheck supervise`: a supervisor's caseload of received shares, and responses to export."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from selfcheck.commands.common import (
    EXIT_OK,
    data_dir,
    data_dir_option,
    exit_status,
    guarded_out,
    report_problems,
    require_paths,
    tell,
)
from selfcheck.commands.sealing import (
    add_identity_option,
    add_to_option,
    hold_identities,
    sealed_for,
    sealed_words,
)
from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.printable import one_line


def register(subparsers: Any) -> None:
    """Add the `supervise` command."""
    supervise = subparsers.add_parser(
        "supervise",
        parents=[data_dir_option()],
        help="your caseload as a supervisor: shares received, responses",
        description="Open the supervisor's side of the app on a folder of share files "
        "(default: <data dir>/supervisees/), import shares into it, or export a response.",
    )
    supervise.add_argument(
        "folder", nargs="?", type=Path, default=None, metavar="FOLDER", help="the caseload folder"
    )
    supervise.add_argument(
        "--import",
        dest="imports",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="validate share files and copy them in (the newest share of a practitioner wins)",
    )
    supervise.add_argument(
        "--export-response",
        metavar="PRACTITIONER",
        help="write your response to this practitioner's latest check-in (name or key prefix)",
    )
    supervise.add_argument("--out", type=Path, metavar="FILE", help="where to write the response")
    supervise.add_argument(
        "--plain",
        action="store_true",
        help="list the caseload and each practitioner's growth as text (for screen readers)",
    )
    add_to_option(supervise, "the practitioner")
    add_identity_option(supervise)
    supervise.set_defaults(handler=supervise_command)


def caseload_folder(args: argparse.Namespace) -> Path:
    """The caseload folder: the one given, else `<data dir>/supervisees/`."""
    from selfcheck.supervision.caseload import supervisees_dir

    folder: Path | None = args.folder
    return folder.expanduser() if folder else supervisees_dir(data_dir(args))


def supervise_command(args: argparse.Namespace) -> int:
    """Import shares, export a response, or open the supervisor's app."""
    folder = caseload_folder(args)
    hold_identities(args)
    if args.imports:
        return import_command(args.imports, folder)
    if args.export_response:
        if args.out is None:
            raise SelfcheckError("--export-response needs --out FILE")
        guarded_out(args)
        return export_response(args, folder)
    if args.out is not None or args.to is not None:
        raise SelfcheckError("--out and --to are for --export-response PRACTITIONER")
    if args.plain:
        return list_caseload(folder)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise SelfcheckError(
            "supervise: the caseload app needs a terminal; `selfcheck supervise --plain` "
            "lists it as text"
        )
    from selfcheck.tui import run_supervisor_app

    code, problems = run_supervisor_app(folder, data_dir(args))
    report_problems(problems)
    return code or exit_status(problems)


def list_caseload(folder: Path) -> int:
    """Print the caseload and each practitioner's growth as lines of text."""
    from selfcheck.plain.caseload import caseload_lines
    from selfcheck.supervision.caseload import load_caseload

    caseload = load_caseload(folder)
    print("\n".join(caseload_lines(caseload, date.today())))
    report_problems(caseload.problems)
    return exit_status(caseload.problems)


def import_command(paths: list[Path], folder: Path) -> int:
    """Copy valid shares into the caseload folder, one line per file."""
    from selfcheck.formats.printable import printable
    from selfcheck.supervision.caseload import import_shares

    require_paths(paths)
    done, problems = import_shares(paths, folder)
    for line in done:
        print(printable(line, keep_newlines=False))
    report_problems(problems)
    if not done:
        raise SelfcheckError("no share file could be imported")
    return exit_status(problems)


def export_response(args: argparse.Namespace, folder: Path) -> int:
    """Write the response to one practitioner's latest check-in (sealed to them with --to)."""
    from selfcheck.store.config import load_config
    from selfcheck.supervision.caseload import load_caseload
    from selfcheck.supervision.responding import ResponseDraft

    wanted, out = args.export_response, args.out
    caseload = load_caseload(folder)
    row = caseload.find(wanted)
    if row is None:
        present = ", ".join(one_line(p.name, 40) for p in caseload.people) or "nobody yet"
        raise SelfcheckError(f"no single practitioner {wanted!r} in {folder} (present: {present})")
    person = row.open()
    draft = ResponseDraft.open(folder, person.latest, load_config(data_dir(args)).name)
    try:
        draft.export(out, lambda data: sealed_for(args, data))
    finally:
        draft.close()
    tell(
        f"wrote {out} ({sealed_words(args)}); give it to {one_line(person.name, 80)}.",
        to_stdout=True,
    )
    return EXIT_OK
