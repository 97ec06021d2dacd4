"""Run every benchmark and print a table of figures, anchors, ratios and targets.

Usage: python benchmarks/run.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cases
import encryption_cases
import supervision_cases

CASES = [*cases.ALL, supervision_cases.caseload_open, *encryption_cases.ALL]
"""Every case, in the order of the table."""


def machine() -> str:
    """A one-line description of the machine the figures come from."""
    cores = len(os.sched_getaffinity(0))
    python = platform.python_version()
    return f"{platform.machine()}, {cores} cores, Python {python}, {platform.system()}"


def table(rows: list[cases.Row]) -> str:
    """The rows as a Markdown table."""
    lines = [
        "| benchmark | selfcheck | anchor (same run) | ratio | target | met | peak MiB |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
        peak = f"{row.peak_mib:.0f}" if row.peak_mib else "-"
        lines.append(
            f"| {row.name} | {row.figure} | {row.anchor} | {ratio} | {row.target} | "
            f"{'yes' if row.met else 'NO'} | {peak} |"
        )
    return "\n".join(lines)


def main() -> int:
    """Run the benchmarks and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and files")
    parser.add_argument(
        "--only",
        nargs="*",
        default=[],
        metavar="CASE",
        help=f"run only these cases: {', '.join(c.__name__ for c in CASES)}",
    )
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    rows: list[cases.Row] = []
    for case in [c for c in CASES if not args.only or c.__name__ in args.only]:
        print(f"running {case.__name__} ...", file=sys.stderr, flush=True)
        result = case(quick=args.quick, runs=runs)
        rows.extend(result if isinstance(result, list) else [result])
    print(f"Machine: {machine()}\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
