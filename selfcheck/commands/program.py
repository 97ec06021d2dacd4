"""`selfcheck export --anonymous` and `selfcheck aggregate`: share levels, publish safe figures."""

from __future__ import annotations

import argparse
import secrets
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcheck.commands.common import (
    EXIT_INVALID,
    EXIT_OK,
    data_dir_option,
    exit_status,
    report_problems,
    require_paths,
    tell,
)
from selfcheck.commands.passphrases import add_passphrase_option
from selfcheck.commands.sealing import (
    add_identity_option,
    add_to_option,
    sealed_for,
    sealed_words,
)
from selfcheck.formats.checkin import Checkin
from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.rubric import Rubric
from selfcheck.store.config import ensure_identity
from selfcheck.store.files import write_atomic
from selfcheck.store.outputs import write_out
from selfcheck.store.rubrics import find_rubric

if TYPE_CHECKING:
    from selfcheck.commands.context import CommandContext
    from selfcheck.formats.rubric_versions import RubricVersions

STAND_IN = (
    "# No identity yet: the pseudonym below is a stand-in; the real one is made at your\n"
    "# first check-in or export.\n"
)
"""Heads a dry run made before this person has an identity (a TOML comment)."""


def register(subparsers: Any) -> None:
    """Add the `export` and `aggregate` commands."""
    export = subparsers.add_parser(
        "export",
        parents=[data_dir_option()],
        help="share your levels with a program anonymously",
        description="Write your complete check-ins as an anonymous file for a program: "
        "quarters and levels under a pseudonym, never names, notes or dates.",
    )
    export.add_argument("--anonymous", action="store_true", help="required: the anonymous export")
    export.add_argument("--program", required=True, metavar="NAME", help="the program's name")
    export.add_argument("--rubric", default=None, metavar="ID|PATH", help="rubric to export")
    export.add_argument("--out", type=Path, default=None, metavar="FILE", help="file to write")
    export.add_argument(
        "--dry-run", action="store_true", help="print exactly what would be written; write nothing"
    )
    export.add_argument("--yes", action="store_true", help="write without asking")
    add_to_option(export, "the program's data steward")
    export.set_defaults(handler=export_command)
    agg = subparsers.add_parser(
        "aggregate",
        help="combine anonymous exports into a CSV a program can publish",
        description="Read anonymous exports (files or folders) and write counts per period, "
        "value and item: rows about fewer than K practitioners held back, every other figure "
        "perturbed by a small amount keyed on who is behind it. With --audit, attack "
        "published CSVs instead.",
    )
    agg.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="export files or folders of them"
    )
    agg.add_argument(
        "--min-group",
        type=int,
        default=None,
        metavar="K",
        help="publish a row only when at least K practitioners are behind it (default 5, 3-50)",
    )
    agg.add_argument(
        "--by",
        choices=("quarter", "year", "all"),
        default="quarter",
        help="period of each row (default: quarter)",
    )
    agg.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="FILE.csv",
        help="write the CSV here (and datapackage.json beside it), not stdout",
    )
    agg.add_argument(
        "--plot", type=Path, default=None, metavar="FILE", help="a chart of the published rows"
    )
    agg.add_argument(
        "--audit",
        type=Path,
        nargs="+",
        default=None,
        metavar="CSV",
        help="re-run the known attacks against published CSVs (one release or several): exit "
        "0 when they learn nothing certain, 1 otherwise",
    )
    add_identity_option(agg)
    add_passphrase_option(agg)
    agg.set_defaults(handler=aggregate_command)


def export_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Build the anonymous export, show it, and write it once the practitioner agrees."""
    from selfcheck.program.export import (
        build_export,
        default_export_name,
        describe_export,
        export_bytes,
    )
    from selfcheck.program.generations import claim_generation, with_generation

    if not args.anonymous:
        raise SelfcheckError("export: only the anonymous export exists; add --anonymous")
    folder, vault = context.data_dir, context.vault
    context.guarded_out(args.out)
    rubric = context.rubric(args.rubric)
    # A dry run writes nothing, not even the identity a real export would make once.
    config = context.config if args.dry_run else ensure_identity(folder, vault)
    loaded = context.stored
    report_problems(loaded.problems)
    mine = [s for s in loaded.checkins if s.practitioner.key in ("", config.practitioner_key)]
    rubric = _version_to_export(context.versions(rubric), mine, args.rubric)
    secret = config.pseudonym_secret or secrets.token_hex(32)
    export = with_generation(folder, build_export(mine, rubric, secret, args.program), vault)
    data = export_bytes(export)
    if args.dry_run:
        if not config.pseudonym_secret:
            sys.stdout.write(STAND_IN)
        sys.stdout.write(data.decode("utf-8"))
        return exit_status(loaded.problems)
    out = args.out or Path(default_export_name(args.program, rubric) + (".age" if args.to else ""))
    print(describe_export(export), file=sys.stderr)
    if not args.yes:
        if not sys.stdin.isatty():
            raise SelfcheckError(
                "export: not asked in a terminal; see the file with --dry-run, then add --yes"
            )
        print("\n" + data.decode("utf-8"), file=sys.stderr)
        answer = input(f"Write this to {out}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing written.", file=sys.stderr)
            return EXIT_INVALID
    data = export_bytes(claim_generation(folder, export, vault))
    write_out(out, sealed_for(args.to, data), folder)
    tell(f"wrote {out} ({sealed_words(args.to)}); send it to the program.")
    return exit_status(loaded.problems)


def _version_to_export(
    versions: RubricVersions, checkins: list[Checkin], asked: str | None
) -> Rubric:
    """The rubric version of the latest complete check-in, unless a version or path was asked.

    An export holds one version; check-ins of other versions are named on stderr.
    """
    from selfcheck.program.folder_export import version_to_export

    rubric = versions.rubric
    done = [s for s in checkins if s.complete and s.rubric.id == rubric.id]
    if asked is None or asked == rubric.id:
        rubric = version_to_export(versions, checkins)
    others = sorted({s.rubric.version for s in done} - {rubric.version})
    if others:
        print(
            f"note: check-ins of version {', '.join(others)} are not in this export; "
            f"export them with --rubric {rubric.id}@VERSION",
            file=sys.stderr,
        )
    return rubric


def _min_group(args: argparse.Namespace) -> int:
    from selfcheck.program.disclosure import DEFAULT_MIN_GROUP, MIN_GROUP_RANGE

    min_group = DEFAULT_MIN_GROUP if args.min_group is None else int(args.min_group)
    low, high = MIN_GROUP_RANGE
    if not low <= min_group <= high:
        raise SelfcheckError(f"--min-group must be between {low} and {high}")
    return min_group


def aggregate_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Aggregate the exports, hold back and perturb, write the CSV, its package and a chart."""
    min_group = _min_group(args)
    if args.audit is not None:
        if args.paths:
            raise SelfcheckError("--audit reads published CSVs; give no export paths with it")
        return audit_command(args.audit)
    if not args.paths:
        raise SelfcheckError("aggregate: give export files or folders (or --audit CSV...)")
    from selfcheck.program.aggregate import aggregate
    from selfcheck.program.disclosure import published_rows
    from selfcheck.program.release import csv_text, data_package, summary_lines
    from selfcheck.program.rows import rubric_labels
    from selfcheck.program.titles import rubric_titles

    require_paths(args.paths)
    context.guarded_out(args.out)
    context.hold_identities()
    result = aggregate(args.paths, context.vault)
    report_problems(result.problems)
    for line in result.notes:
        tell(line)
    if not result.tables:
        raise SelfcheckError("no anonymous export could be read; nothing to aggregate")
    titles = {label: rubric_titles(*label) for label in rubric_labels(result).values()}
    rows = published_rows(result, args.by, min_group, titles)
    text = csv_text(rows)
    if args.out:
        write_out(args.out, text.encode("utf-8"))
        package = args.out.parent / "datapackage.json"
        write_out(package, data_package(args.out.name, min_group).encode("utf-8"))
        tell(f"wrote {args.out} and {package}")
    else:
        sys.stdout.write(text)
    if args.plot:
        from selfcheck.program.chart import plot_aggregate

        plot_aggregate(rows, args.plot)
        tell(f"wrote {args.plot}")
    # The summary is the command's report: on stdout, unless the CSV itself goes there.
    for line in summary_lines(rows):
        tell(line, to_stdout=args.out is not None)
    return exit_status(result.problems)


def audit_command(paths: list[Path]) -> int:
    """Re-run the known attacks against published CSVs; print what an attacker learns."""
    from selfcheck.formats.toml_reading import read_bytes
    from selfcheck.program.audit import audit_releases, parse_csv

    require_paths(paths)
    releases = []
    for path in paths:
        try:
            releases.append((str(path), parse_csv(read_bytes(path, 64 * 1024 * 1024).decode())))
        except (ValueError, UnicodeDecodeError) as exc:
            raise SelfcheckError(
                f"{path}: not an aggregate CSV selfcheck can audit: {exc}"
            ) from exc
    findings = audit_releases(releases)
    for finding in findings:
        print(("exposed: " if finding.exposed else "note: ") + finding.words)
    exposed = sum(finding.exposed for finding in findings)
    compared = " together" if len(paths) > 1 else ""
    if exposed:
        print(f"{exposed} finding(s) give people away; do not publish these{compared}")
        return 1
    print(
        f"audit passed: {len(paths)} release(s){compared}: no published count stands for one "
        "or two people, no held-back row shows a figure, no growth mean shows everyone changed "
        "the most, and differences between releases (two or four at a time) stay within the "
        "noise or say only what many people answered"
    )
    return 0


def write_demo_exports(folder: Path) -> int:
    """Write a made-up program's exports into an empty folder, late ones in `late/` inside it."""
    from selfcheck.program.demo_exports import demo_program
    from selfcheck.program.export import export_bytes
    from selfcheck.store.files import ensure_private_dir
    from selfcheck.store.rubrics import DEFAULT_RUBRIC_ID

    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise SelfcheckError(f"{folder}: not an empty folder; give a new one for the demo exports")
    files = demo_program(find_rubric(DEFAULT_RUBRIC_ID, None))
    for made in files:
        target = ensure_private_dir(folder / "late" if made.late else folder) / made.name
        write_atomic(target, export_bytes(made.export))
    late = sum(made.late for made in files)
    tell(
        f"wrote {len(files) - late} demo exports to {folder} (one practitioner exported twice) "
        f"and {late} that arrive later to {folder / 'late'}",
        to_stdout=True,
    )
    print(
        "try (each release is perturbed the same way for the same people; no state is kept):\n"
        f"  selfcheck aggregate {folder} --out program.csv\n"
        f"  selfcheck aggregate {folder} {folder / 'late'} --out program-2.csv\n"
        "  selfcheck aggregate --audit program.csv program-2.csv"
    )
    return EXIT_OK
