"""`selfcheck export --anonymous` and `selfcheck aggregate`: share levels, publish safe totals."""

from __future__ import annotations

import argparse
import hashlib
import secrets
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcheck.commands.common import (
    EXIT_INVALID,
    EXIT_OK,
    data_dir,
    data_dir_option,
    exit_status,
    guarded_out,
    report_problems,
    require_paths,
    tell,
)
from selfcheck.commands.passphrases import add_passphrase_option
from selfcheck.commands.sealing import (
    add_identity_option,
    add_to_option,
    hold_identities,
    sealed_for,
    sealed_words,
)
from selfcheck.formats.checkin import Checkin
from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.rubric import Rubric
from selfcheck.store.checkin_files import load_data_dir
from selfcheck.store.config import ensure_identity, load_config
from selfcheck.store.files import write_atomic
from selfcheck.store.outputs import write_out
from selfcheck.store.rubrics import find_rubric, rubric_versions

if TYPE_CHECKING:
    from selfcheck.program.ledger import Ledger

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
        "value and item, blanking any figure about fewer than K practitioners, and audit it. "
        "With --audit, check a published CSV instead.",
    )
    agg.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="export files or folders of them"
    )
    agg.add_argument(
        "--min-group",
        type=int,
        default=None,
        metavar="K",
        help="publish a figure only when at least K practitioners contributed (default 5, 3-50)",
    )
    agg.add_argument(
        "--min-count",
        type=int,
        default=None,
        metavar="N",
        help="blank a level count of 1 to N-1 answers (default 3)",
    )
    agg.add_argument(
        "--by",
        choices=("quarter", "year", "all"),
        default="quarter",
        help="period of each row (default: quarter)",
    )
    agg.add_argument(
        "--out", type=Path, default=None, metavar="FILE.csv", help="write the CSV here, not stdout"
    )
    agg.add_argument(
        "--plot", type=Path, default=None, metavar="FILE", help="a chart of the published rows"
    )
    agg.add_argument(
        "--ledger",
        default=None,
        metavar="FILE|none",
        help="the release ledger to check against and add to (default: selfcheck-ledger.json "
        "beside --out); `none` keeps no ledger",
    )
    agg.add_argument(
        "--audit",
        type=Path,
        default=None,
        metavar="OUT.csv",
        help="check a published CSV: exit 0 when no blanked figure can be narrowed, 1 otherwise",
    )
    add_identity_option(agg)
    add_passphrase_option(agg)
    agg.set_defaults(handler=aggregate_command)


def export_command(args: argparse.Namespace) -> int:
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
    folder = data_dir(args)
    guarded_out(args)
    rubric = find_rubric(args.rubric, folder)
    # A dry run writes nothing, not even the identity a real export would make once.
    config = load_config(folder) if args.dry_run else ensure_identity(folder)
    loaded = load_data_dir(folder)
    report_problems(loaded.problems)
    mine = [s for s in loaded.checkins if s.practitioner.key in ("", config.practitioner_key)]
    rubric = _version_to_export(rubric, mine, args.rubric, folder)
    secret = config.pseudonym_secret or secrets.token_hex(32)
    export = with_generation(folder, build_export(mine, rubric, secret, args.program))
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
    data = export_bytes(claim_generation(folder, export))
    write_out(out, sealed_for(args, data), folder)
    tell(f"wrote {out} ({sealed_words(args)}); send it to the program.")
    return exit_status(loaded.problems)


def _version_to_export(
    rubric: Rubric, checkins: list[Checkin], asked: str | None, folder: Path
) -> Rubric:
    """The rubric version of the latest complete check-in, unless a version or path was asked.

    An export holds one version; check-ins of other versions are named on stderr.
    """
    done = [s for s in checkins if s.complete and s.rubric.id == rubric.id]
    if done and (asked is None or asked == rubric.id):
        versions = [
            r for r in rubric_versions(rubric.id, folder) if r.version == done[-1].rubric.version
        ]
        rubric = versions[-1] if versions else rubric
    others = sorted({s.rubric.version for s in done} - {rubric.version})
    if others:
        print(
            f"note: check-ins of version {', '.join(others)} are not in this export; "
            f"export them with --rubric {rubric.id}@VERSION",
            file=sys.stderr,
        )
    return rubric


def _thresholds(args: argparse.Namespace) -> tuple[int, int]:
    from selfcheck.program.disclosure import DEFAULT_MIN_COUNT, DEFAULT_MIN_GROUP, MIN_GROUP_RANGE

    min_group = DEFAULT_MIN_GROUP if args.min_group is None else args.min_group
    low, high = MIN_GROUP_RANGE
    if not low <= min_group <= high:
        raise SelfcheckError(f"--min-group must be between {low} and {high}")
    min_count = DEFAULT_MIN_COUNT if args.min_count is None else args.min_count
    if not 1 <= min_count <= min_group:
        raise SelfcheckError(f"--min-count must be between 1 and --min-group ({min_group})")
    return min_group, min_count


def _ledger(args: argparse.Namespace) -> Ledger | None:
    """The ledger the options name: beside --out by default, None for `--ledger none`."""
    from selfcheck.program.ledger import DEFAULT_LEDGER_NAME, Ledger

    if args.ledger == "none":
        print(
            "warning: --ledger none: this release is not recorded, so a later one cannot be "
            "checked against it; differences between releases could show single people",
            file=sys.stderr,
        )
        return None
    folder = args.out.parent if args.out else Path()
    return Ledger.open(Path(args.ledger) if args.ledger else folder / DEFAULT_LEDGER_NAME)


def aggregate_command(args: argparse.Namespace) -> int:
    """Aggregate the exports, audit and print or write the CSV, and draw the published figures."""
    min_group, min_count = _thresholds(args)
    if args.audit is not None:
        if args.paths:
            raise SelfcheckError("--audit reads a published CSV; give no export paths with it")
        return audit_command(args.audit, min_group, args.ledger)
    if not args.paths:
        raise SelfcheckError("aggregate: give export files or folders (or --audit OUT.csv)")
    from selfcheck.program.aggregate import aggregate, period_kind
    from selfcheck.program.release import History, protected_rows
    from selfcheck.program.rows import csv_text, rubric_labels

    require_paths(args.paths)
    guarded_out(args)
    ledger = _ledger(args)
    hold_identities(args)
    result = aggregate(args.paths, ledger.fingerprint if ledger else None)
    report_problems(result.problems)
    for line in result.notes:
        tell(line)
    if not result.tables:
        raise SelfcheckError("no anonymous export could be read; nothing to aggregate")
    labels = rubric_labels(result)
    history = History()
    if ledger is not None:
        history = History(*ledger.history(result.fingerprints, labels, min_group))
    rows = protected_rows(result, args.by, min_group, min_count, history)
    text = csv_text(rows)
    if ledger is not None:
        today = datetime.now(UTC).date().isoformat()
        digest = hashlib.sha256(text.encode()).hexdigest()
        quarters = {
            layout: sorted(p for p in table.periods if period_kind(p) == "quarter")
            for layout, table in result.tables.items()
        }
        ledger.record(today, digest, rows, result.fingerprints, labels, quarters)
        ledger.save()
        tell(f"wrote {ledger.path} (the release ledger: keep it, privately)")
    if args.out:
        write_out(args.out, text.encode("utf-8"))
        tell(f"wrote {args.out}")
    else:
        sys.stdout.write(text)
    if args.plot:
        from selfcheck.program.chart import plot_aggregate

        plot_aggregate(rows, args.plot, min_group)
        tell(f"wrote {args.plot}")
    return exit_status(result.problems)


def audit_command(path: Path, min_group: int, ledger_name: str | None) -> int:
    """Audit a published CSV (with its ledger): name each blanked figure it lets one narrow."""
    from selfcheck.formats.toml_reading import read_bytes
    from selfcheck.program.audit import CellKey, Figures, audit_rows, parse_csv
    from selfcheck.program.ledger import Ledger

    require_paths([path])
    data = read_bytes(path, 64 * 1024 * 1024)
    known: dict[CellKey, Figures] = {}
    changed: list[tuple[str, ...]] = []
    quarters: dict[tuple[str, str], list[str]] = {}
    if ledger_name not in (None, "none"):
        ledger = Ledger.open(Path(str(ledger_name)))
        index = ledger.find(hashlib.sha256(data).hexdigest())
        if index is None:
            raise SelfcheckError(f"{path}: not a release recorded in {ledger_name}")
        rosters, labels = ledger.rosters_of(index)
        moved, known = ledger.history(rosters, labels, min_group, before=index)
        changed = [
            (*rubric, *key, why) for rubric, rows in moved.items() for key, why in rows.items()
        ]
        quarters = ledger.quarters_of(index)
    try:
        rows = parse_csv(data.decode("utf-8"))
        exposures = audit_rows(rows, min_group, known, quarters)
    except (ValueError, KeyError) as exc:
        raise SelfcheckError(f"{path}: not an aggregate CSV selfcheck can audit: {exc}") from exc
    lines = [f"exposed: {exposure.describe(min_group)}" for exposure in exposures]
    shown = {
        (r["rubric_id"], r["rubric_version"], r["period"], r["scope"], r["id"])
        for r in rows
        if r["practitioners"]
    }
    lines += [f"exposed: {' '.join(cell[:5])}: {cell[5]}" for cell in changed if cell[:5] in shown]
    for line in lines:
        print(line)
    if lines:
        print(f"{path}: {len(lines)} figure(s) or row(s) give away too much; do not publish it")
        return 1
    blanked = sum(1 for row in rows if row["suppressed"])
    print(
        f"{path}: audit passed: none of the {blanked} rows with blanks can be narrowed to one "
        f"value, and no blanked group can be shown smaller than {min_group}"
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
        "try (the aggregate is audited before it is written; the ledger goes beside --out):\n"
        f"  selfcheck aggregate {folder} --out program.csv\n"
        "  selfcheck aggregate --audit program.csv --ledger selfcheck-ledger.json\n"
        f"  selfcheck aggregate {folder} {folder / 'late'} --out program-2.csv\n"
        "  selfcheck aggregate --audit program-2.csv --ledger selfcheck-ledger.json"
    )
    return EXIT_OK
