"""`selfcheck trends`, `plot` and `report`: growth across check-ins."""

from __future__ import annotations

import argparse
import shutil
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcheck.checkin.practitioners import by_practitioner, pick_practitioner, practitioner_label
from selfcheck.commands.common import (
    EXIT_OK,
    EXIT_SKIPPED,
    data_dir_option,
    exit_status,
    report_problems,
    sources_option,
    tell,
)
from selfcheck.formats.checkin import Checkin, complete_checkins
from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.printable import printable
from selfcheck.formats.rubric import Rubric
from selfcheck.store.outputs import write_out

if TYPE_CHECKING:
    from selfcheck.commands.context import CommandContext
    from selfcheck.formats.response import Response
    from selfcheck.growth.analysis import Growth


def _selection_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--rubric",
        metavar="ID|PATH",
        default=argparse.SUPPRESS,
        help="only check-ins of this rubric (default: each rubric present, or the latest one)",
    )
    parent.add_argument(
        "--practitioner",
        metavar="NAME",
        default=None,
        help="whose check-ins, when a folder holds several practitioners' (name or key prefix)",
    )
    return parent


def register(subparsers: Any) -> None:
    """Add the `trends`, `plot` and `report` commands."""
    parents = [data_dir_option(), sources_option(), _selection_options()]
    trends = subparsers.add_parser("trends", parents=parents, help="value means over check-ins")
    trends.add_argument("--format", choices=("table", "csv", "json"), default="table")
    trends.add_argument("--out", type=Path, metavar="FILE", help="write to FILE, not the screen")
    trends.add_argument(
        "--leave-out-focus",
        action="store_true",
        help="leave focus check-ins out of value and overall means (their items stay)",
    )
    trends.set_defaults(handler=trends_command)
    plot = subparsers.add_parser("plot", parents=parents, help="a chart of growth (.png .svg .pdf)")
    plot.add_argument("--out", type=Path, required=True, metavar="FILE")
    plot.add_argument("--kind", choices=("trend", "heatmap", "radar"), default="trend")
    plot.set_defaults(handler=plot_command)
    report = subparsers.add_parser(
        "report",
        parents=parents,
        help="the packet for reflective supervision: a PDF, or an accessible web page (.html)",
    )
    report.add_argument("--out", type=Path, required=True, metavar="FILE.pdf|FILE.html")
    report.add_argument(
        "--notes",
        choices=("none", "discuss", "all"),
        default="discuss",
        help="which notes the packet shows: none, those of items marked for discussion "
        "(default), or all",
    )
    report.set_defaults(handler=report_command)


def _rubric_groups(
    checkins: list[Checkin], context: CommandContext, asked: str | None, problems: list[str]
) -> list[Rubric]:
    """The rubrics to analyse: the one asked for, else each rubric of the complete check-ins."""
    if asked:
        return [context.rubric(asked)]
    ids = list(dict.fromkeys(s.rubric.id for s in reversed(checkins) if s.complete))
    rubrics = []
    for rubric_id in ids:
        try:
            rubrics.append(context.rubric(rubric_id))
        except SelfcheckError:
            count = len(complete_checkins(checkins, rubric_id))
            problems.append(
                f"{count} check-in(s) of rubric {rubric_id!r}: that rubric is not available "
                "here; give its file with --rubric PATH"
            )
    return rubrics


def received_responses(context: CommandContext) -> dict[str, Response]:
    """The supervisor's responses kept in the data folder, when reading it (none for paths)."""
    if context.paths:
        return {}
    responses, problems = context.received
    report_problems(problems)
    return responses


def trends_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Print or write value means per check-in for each practitioner and rubric."""
    from selfcheck.growth.analysis import growth
    from selfcheck.growth.trends import trends_csv, trends_json, trends_table

    context.guarded_out(args.out)
    loaded = context.sources
    report_problems(loaded.problems)
    problems = list(loaded.problems)
    people = (
        [pick_practitioner(loaded.checkins, args.practitioner)]
        if args.practitioner
        else list(by_practitioner(loaded.checkins).values())
    )
    from selfcheck.supervision.plan import plan_dicts, plan_history

    responses = received_responses(context) if args.format == "json" else {}
    groups: list[tuple[str, Growth]] = []
    plans: list[list[dict[str, Any]]] = []
    for checkins in people:
        who = practitioner_label(checkins)
        for rubric in _rubric_groups(checkins, context, args.rubric, problems):
            result = growth(
                checkins, context.versions(rubric), focus_means=not args.leave_out_focus
            )
            groups.append((who, result))
            plans.append(plan_dicts(plan_history(checkins, responses)))
    report_problems(problems[len(loaded.problems) :])
    if args.format == "csv":
        text = trends_csv(groups)
    elif args.format == "json":
        text = trends_json(groups, plans)
    elif not groups:
        text = "No complete check-ins yet: growth appears after the second.\n"
    else:
        width = shutil.get_terminal_size().columns
        tables = (printable(trends_table(result, who, width)) for who, result in groups)
        text = "\n\n".join(tables) + "\n"
    if args.out:
        write_out(args.out, text.encode("utf-8"))
        tell(f"wrote {args.out}", to_stdout=True)
    else:
        sys.stdout.write(text)
    return exit_status(problems)


def one_growth(
    context: CommandContext, practitioner: str | None, rubric_ref: str | None
) -> tuple[str, Growth, list[Checkin], int]:
    """One practitioner's growth for `plot` and `report`, the check-ins, and the exit status."""
    from selfcheck.growth.analysis import growth
    from selfcheck.growth.words import too_few_words

    loaded = context.sources
    report_problems(loaded.problems)
    checkins = pick_practitioner(loaded.checkins, practitioner)
    problems: list[str] = []
    rubrics = _rubric_groups(checkins, context, rubric_ref, problems)
    report_problems(problems)
    if not rubrics:
        raise SelfcheckError(
            "no complete check-ins to show"
            + (f" (read {len(loaded.checkins)} drafts only)" if loaded.checkins else "")
        )
    if len(rubrics) > 1:
        others = ", ".join(r.id for r in rubrics[1:])
        print(
            f"note: showing rubric {rubrics[0].id!r}; check-ins of {others} are kept apart "
            "(choose with --rubric ID)",
            file=sys.stderr,
        )
    result = growth(checkins, context.versions(rubrics[0]))
    if not result.checkins:
        raise SelfcheckError(f"no complete check-ins of rubric {rubrics[0].id!r}")
    words = too_few_words(len(result.checkins))
    if words:
        print(f"note: {words}", file=sys.stderr)
    status = EXIT_SKIPPED if loaded.problems or problems else EXIT_OK
    return practitioner_label(checkins), result, checkins, status


def plot_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Draw one chart of one practitioner's growth to a file."""
    from selfcheck.growth.charts import figure_for
    from selfcheck.store.images import image_format, save_figure

    image_format(args.out)
    context.guarded_out(args.out)
    _who, result, _checkins, status = one_growth(context, args.practitioner, args.rubric)
    save_figure(figure_for(args.kind, result), args.out)
    tell(f"wrote {args.out}", to_stdout=True)
    return status


def report_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Write the supervision packet of one practitioner as a PDF or an accessible web page."""
    from selfcheck.packet.inputs import packet_input
    from selfcheck.packet.packet_file import packet_format, supervision_pages, write_packet

    packet_format(args.out)
    context.guarded_out(args.out)
    who, result, checkins, status = one_growth(context, args.practitioner, args.rubric)
    trusted = {} if context.paths else context.config.trusted_supervisors
    pages = supervision_pages(checkins, received_responses(context), trusted, date.today())
    write_packet(args.out, packet_input(who, result, checkins, notes=args.notes, supervision=pages))
    tell(
        f"wrote {args.out} ({len(result.checkins)} check-ins, notes: {args.notes})", to_stdout=True
    )
    return status
