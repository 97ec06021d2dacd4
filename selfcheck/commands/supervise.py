"""`selfcheck supervise`: a supervisor's caseload of received shares, and responses to export."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcheck.commands.common import (
    EXIT_OK,
    data_dir_option,
    exit_status,
    report_problems,
    require_paths,
    tell,
)
from selfcheck.commands.sealing import add_identity_option, add_to_option
from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.printable import one_line

if TYPE_CHECKING:
    from selfcheck.commands.context import CommandContext
    from selfcheck.store.vault import Vault


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
        help="write your response to this practitioner's latest check-in (their name, or "
        "the start of their name or key that is theirs alone)",
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


def caseload_folder(asked: Path | None, context: CommandContext) -> Path:
    """The caseload folder: the one given, else `<data dir>/supervisees/`."""
    from selfcheck.supervision.caseload import supervisees_dir

    return asked.expanduser() if asked else supervisees_dir(context.data_dir)


def supervise_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Import shares, export a response, or open the supervisor's app."""
    folder = caseload_folder(args.folder, context)
    context.hold_identities()
    if args.imports:
        return import_command(args.imports, folder, context)
    if args.export_response:
        if args.out is None:
            raise SelfcheckError("--export-response needs --out FILE")
        context.guarded_out(args.out)
        return export_response(args.export_response, args.out, args.to, folder, context)
    if args.out is not None or args.to is not None:
        raise SelfcheckError("--out and --to are for --export-response PRACTITIONER")
    if args.plain:
        return list_caseload(folder, context.vault)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise SelfcheckError(
            "supervise: the caseload app needs a terminal; `selfcheck supervise --plain` "
            "lists it as text"
        )
    from selfcheck.tui import run_supervisor_app

    code, problems = run_supervisor_app(folder, context.data_dir, context.vault)
    report_problems(problems)
    return code or exit_status(problems)


def list_caseload(folder: Path, vault: Vault) -> int:
    """Print the caseload and each practitioner's growth as lines of text."""
    from selfcheck.plain.caseload import caseload_lines
    from selfcheck.supervision.caseload import load_caseload

    caseload = load_caseload(folder, vault)
    print("\n".join(caseload_lines(caseload, date.today())))
    report_problems(caseload.problems)
    return exit_status(caseload.problems)


def import_command(paths: list[Path], folder: Path, context: CommandContext) -> int:
    """Copy valid shares into the caseload folder, one line per file."""
    from selfcheck.formats.printable import printable
    from selfcheck.supervision.caseload import import_shares

    require_paths(paths)
    done, problems = import_shares(paths, folder, context.vault)
    for line in done:
        print(printable(line, keep_newlines=False))
    report_problems(problems)
    if not done:
        raise SelfcheckError("no share file could be imported")
    return exit_status(problems)


def export_response(
    wanted: str, out: Path, to: str | None, folder: Path, context: CommandContext
) -> int:
    """Write the response to one practitioner's latest check-in, signed (sealed with --to)."""
    from selfcheck.supervision.caseload import load_caseload
    from selfcheck.supervision.responding import ResponseDraft
    from selfcheck.supervision.response_export import export_response as export_signed

    caseload = load_caseload(folder, context.vault)
    matches = caseload.matching(wanted)
    if len(matches) > 1:
        named = ", ".join(f"{one_line(p.name, 40)} (key {p.key[:6]})" for p in matches)
        raise SelfcheckError(
            f"{wanted!r} could be {len(matches)} practitioners in {folder}: {named}; "
            "give more of the name, or the start of the key"
        )
    if not matches:
        present = ", ".join(one_line(p.name, 40) for p in caseload.people) or "nobody yet"
        raise SelfcheckError(f"no single practitioner {wanted!r} in {folder} (present: {present})")
    person = matches[0].open(context.vault)
    supervisor = context.config.name
    draft = ResponseDraft.open(folder, person.latest, supervisor, vault=context.vault)
    try:
        exported = export_signed(draft, person, out, context.data_dir, context.vault, to)
    finally:
        draft.close()
    tell(exported.words, to_stdout=True)
    return EXIT_OK
