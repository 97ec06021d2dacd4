"""`selfcheck rubric list|show|check`: the rubrics available and their validity."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcheck.commands.common import (
    EXIT_INVALID,
    EXIT_OK,
    data_dir_option,
    exit_status,
    report_problems,
)
from selfcheck.formats.printable import json_safe, printable
from selfcheck.formats.rubric import Rubric
from selfcheck.store.rubrics import check_rubric, list_rubrics

if TYPE_CHECKING:
    from selfcheck.commands.context import CommandContext


def register(subparsers: Any) -> None:
    """Add the `rubric` command and its subcommands."""
    parser = subparsers.add_parser("rubric", help="list, show or check rubrics")
    actions = parser.add_subparsers(dest="rubric_action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", parents=[data_dir_option()], help="the rubrics available")
    listing.set_defaults(handler=list_command)
    show = actions.add_parser("show", parents=[data_dir_option()], help="one rubric in full")
    show.add_argument("rubric", metavar="ID|PATH")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(handler=show_command)
    check = actions.add_parser("check", help="validate a rubric file and list every problem")
    check.add_argument("path", type=Path, metavar="PATH")
    check.set_defaults(handler=check_command)


def list_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Print one line per available rubric."""
    entries, problems = list_rubrics(context.data_dir)
    report_problems(problems)
    for entry in entries:
        rubric = entry.rubric
        print(
            f"{rubric.id}  v{rubric.version}  {len(rubric.items)} items  "
            f"({entry.origin}: {entry.path})"
        )
        print(f"    {printable(rubric.title)}")
    return exit_status(problems)


def show_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Print a rubric as readable text or JSON."""
    rubric = context.rubric(args.rubric)
    if args.format == "json":
        data = rubric.model_dump(mode="json") | {"sha256": rubric.sha256}
        print(json_safe(json.dumps(data, indent=2, ensure_ascii=False)))
    else:
        print(rubric_text(rubric))
    return EXIT_OK


def rubric_text(rubric: Rubric) -> str:
    """A rubric laid out for reading in a terminal."""
    lines = [
        f"{rubric.title} (version {rubric.version})",
        f"id {rubric.id}, sha256 {rubric.sha256[:12]}",
        f"Source: {rubric.source}",
    ]
    if rubric.description:
        lines += ["", rubric.description]
    if rubric.guidance:
        lines += ["", f"How to rate: {rubric.guidance}"]
    lines += ["", "Growth scale:"]
    lines += [f"  {step.level} {step.label}: {step.description}" for step in rubric.scale]
    lines.append(f"  0 {rubric.not_assessable.label}: {rubric.not_assessable.description}")
    for value in rubric.values:
        lines += ["", f"== {value.name} ==", *([value.summary] if value.summary else [])]
        for item in value.items:
            replaces = f", replaces {', '.join(item.previous_ids)}" if item.previous_ids else ""
            lines += [
                "",
                f"[{item.id}] {item.title} (commitment {item.commitment}{replaces})",
                f"  {item.statement}",
                f"  Reflect: {item.prompt}",
            ]
            lines += [f"    {level}: {text}" for level, text in sorted(item.anchors.items())]
    return printable("\n".join(lines))


def check_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Validate a rubric file: every problem on its own line, exit 0 or 2."""
    problems = check_rubric(args.path)
    if problems:
        for problem in problems:
            print(printable(problem, keep_newlines=False))
        print(printable(f"{len(problems)} problem(s) found in {args.path}", keep_newlines=False))
        return EXIT_INVALID
    print(printable(f"{args.path}: valid rubric", keep_newlines=False))
    return EXIT_OK
