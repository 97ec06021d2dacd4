"""`selfcheck list` and `selfcheck show`: the check-ins stored, one in readable form."""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcheck.checkin.lifecycle import asked_items
from selfcheck.checkin.practitioners import by_practitioner, practitioner_label
from selfcheck.commands.common import (
    data_dir_option,
    exit_status,
    report_problems,
    sources_option,
    tell,
)
from selfcheck.formats.checkin import Checkin
from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.fields import IDENTIFIER_PATTERN, PATTERN_HINTS
from selfcheck.formats.printable import one_line, printable
from selfcheck.formats.response import Response
from selfcheck.formats.rubric import Rubric
from selfcheck.formats.wording import answer_words
from selfcheck.store.checkin_files import Loaded, load_checkin
from selfcheck.store.rubrics import rubric_for_ref

if TYPE_CHECKING:
    from selfcheck.commands.context import CommandContext


def register(subparsers: Any) -> None:
    """Add the `list` and `show` commands."""
    listing = subparsers.add_parser(
        "list", parents=[data_dir_option(), sources_option()], help="the check-ins, newest first"
    )
    listing.set_defaults(handler=list_command)
    show = subparsers.add_parser(
        "show", parents=[data_dir_option()], help="one check-in in readable form"
    )
    show.add_argument("checkin", metavar="ID|PATH|latest")
    show.set_defaults(handler=show_command)


def rubric_for(checkin: Checkin, data_dir: Path | None) -> Rubric | None:
    """The rubric text a check-in was rated against (or the nearest one), when it is here."""
    return rubric_for_ref(checkin.rubric, data_dir)


def list_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Print the check-ins newest first, grouped per practitioner when there are several."""
    loaded = context.sources
    report_problems(loaded.problems)
    if not loaded.checkins:
        print("No check-ins yet. Start one with: selfcheck start")
        return exit_status(loaded.problems)
    groups = by_practitioner(loaded.checkins)
    rubrics: dict[str, Rubric | None] = {}
    for group in groups.values():
        if len(groups) > 1:
            print(f"\n{printable(practitioner_label(group), keep_newlines=False)}:")
        print(
            f"{'id':<24} {'date':<10} {'status':<8} {'rubric':<24} {'version':<7} "
            f"{'rated':>7} discuss"
        )
        for checkin in reversed(group):
            if checkin.rubric.sha256 not in rubrics:
                rubrics[checkin.rubric.sha256] = rubric_for(checkin, context.data_dir)
            print(list_row(checkin, rubrics[checkin.rubric.sha256]))
    return exit_status(loaded.problems)


def list_row(checkin: Checkin, rubric: Rubric | None) -> str:
    """One line of `selfcheck list`; a focus check-in counts its own items and says so."""
    if checkin.is_focus:
        total = len(checkin.focus)
    else:
        total = len(asked_items(checkin, rubric)) if rubric else len(checkin.items)
    rated = sum(answer.answered for answer in checkin.items.values())
    discuss = sum(answer.discuss for answer in checkin.items.values())
    return (
        f"{checkin.id:<24} {checkin.when.date().isoformat():<10} {checkin.status:<8} "
        f"{one_line(checkin.rubric.id, 24):<24} {one_line(checkin.rubric.version, 7):<7} "
        f"{f'{rated}/{total}':>7} {discuss}" + ("  focus" if checkin.is_focus else "")
    )


def resolve_checkin(ref: str, context: CommandContext) -> tuple[Checkin, Path, list[str]]:
    """The check-in named by a path, an id (or unique id prefix), or `latest`.

    A path (with a folder separator or ending in `.toml`) is read as given; anything else is
    an id and must look like one, so an id never reaches outside the data folder. Also
    returns a line per data folder file skipped on the way.
    """
    if looks_like_path(ref):
        path = Path(ref).expanduser()
        return load_checkin(path, context.vault), path, []
    if not re.fullmatch(IDENTIFIER_PATTERN, ref):
        raise SelfcheckError(
            f"{ref!r} is not a check-in id ({PATTERN_HINTS[IDENTIFIER_PATTERN]}); "
            "to show a file, give its path, e.g. ./FILE.toml"
        )
    loaded: Loaded = context.stored
    if ref == "latest":
        if not loaded.checkins:
            report_problems(loaded.problems)
            raise SelfcheckError(f"{context.data_dir}: no check-ins yet")
        latest = loaded.checkins[-1]
        return latest, loaded.paths[latest.id], loaded.problems
    matches = [s for s in loaded.checkins if s.id == ref] or [
        s for s in loaded.checkins if s.id.startswith(ref)
    ]
    if len(matches) != 1:
        what = "no check-in" if not matches else f"{len(matches)} check-ins"
        raise SelfcheckError(f"{what} with id {ref!r} in {context.data_dir}; see: selfcheck list")
    return matches[0], loaded.paths[matches[0].id], loaded.problems


def looks_like_path(ref: str) -> bool:
    """True when a `show` argument names a file rather than an id."""
    separators = {os.sep, os.altsep or os.sep}
    return (
        ref.endswith((".toml", ".toml.age"))
        or ref.startswith("~")
        or any(sep in ref for sep in separators)
    )


def show_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Print one check-in with its ratings, notes and next steps; exit 1 if files were skipped."""
    checkin, path, problems = resolve_checkin(args.checkin, context)
    rubric = rubric_for(checkin, context.data_dir)
    if rubric is not None and rubric.sha256 != checkin.rubric.sha256:
        tell(
            f"note: {path} was rated against a text of rubric {checkin.rubric.id!r} "
            f"version {checkin.rubric.version} that is not here; shown with version "
            f"{rubric.version}, items matched by id"
        )
    responses, received_problems = context.received
    response = responses.get(checkin.id)
    verified = response is not None and response.verified_by(context.config.trusted_supervisors)
    print(checkin_text(checkin, rubric, path, response, verified=verified))
    problems = [*problems, *received_problems]
    report_problems(problems)
    return exit_status(problems)


def checkin_text(
    checkin: Checkin,
    rubric: Rubric | None,
    path: Path,
    response: Response | None = None,
    *,
    verified: bool = False,
) -> str:
    """A check-in laid out for reading, with typed text shown literally, and any response
    (said to be unverified unless `verified`: signed by the key trusted for its supervisor)."""
    p = printable
    who = checkin.practitioner.name or "(no name)"
    lines = [
        f"Check-in {checkin.id} ({checkin.status})",
        f"File: {p(str(path), keep_newlines=False)}",
        f"Practitioner: {p(who, keep_newlines=False)}",
        f"Started: {checkin.started.isoformat()}",
    ]
    if checkin.finished:
        lines.append(f"Finished: {checkin.finished.isoformat()}")
    if checkin.supervision.supervisor:
        lines.append(f"Supervisor: {p(checkin.supervision.supervisor, keep_newlines=False)}")
    if checkin.supervision.meeting:
        lines.append(f"Meeting: {checkin.supervision.meeting.isoformat()}")
    lines.append(f"Rubric: {checkin.rubric.id} version {checkin.rubric.version}")
    if checkin.is_focus:
        lines.append(f"Focus check-in: {len(checkin.focus)} chosen items")
    for heading, item_ids in _sections(checkin, rubric):
        lines += ["", f"== {heading} =="]
        for item_id, title in item_ids:
            lines += _answer_lines(checkin, rubric, item_id, title)
            if response is not None:
                lines += _response_lines(response, rubric, item_id)
    if checkin.next_steps:
        lines += ["", "== Next steps =="]
        for step in checkin.next_steps:
            tied = f" (item {step.item})" if step.item else ""
            lines.append(f"- {p(step.text)}{tied}")
    if response is not None:
        lines += response_section(response, verified)
    return "\n".join(lines)


def _response_lines(response: Response, rubric: Rubric | None, item_id: str) -> list[str]:
    given = response.item(item_id)
    if given.empty:
        return []
    lines = []
    if given.rating is not None or given.not_assessable:
        level = answer_words(rubric, given)
        lines.append(f"    supervisor's view: {level}")
    if given.comment:
        lines += [f"    supervisor: {line}" for line in printable(given.comment).split("\n")]
    return lines


def response_section(response: Response, verified: bool) -> list[str]:
    """The parts of a supervisor's response not tied to one item, for `show`."""
    who = printable(response.supervisor, keep_newlines=False) or "your supervisor"
    trust = (
        "verified"
        if verified
        else "UNVERIFIED: not signed by the key you trust; not counted in your hours"
    )
    lines = ["", f"== Response from {who} ({trust}) =="]
    if response.comment:
        lines.append(printable(response.comment))
    if response.meeting is not None:
        meeting = response.meeting
        lines.append(
            f"Meeting: {meeting.date.isoformat()}, {meeting.minutes} minutes, {meeting.kind}"
        )
    if response.next_steps:
        lines.append("Next steps agreed in supervision:")
        lines += [f"- {printable(step.text)}" for step in response.next_steps]
    return lines


def _sections(checkin: Checkin, rubric: Rubric | None) -> list[tuple[str, list[tuple[str, str]]]]:
    if rubric is None:
        return [("Items", [(item_id, item_id) for item_id in checkin.items])]
    asked = {item.id for item in asked_items(checkin, rubric)}
    sections = [
        (value.name, [(item.id, item.title) for item in value.items if item.id in asked])
        for value in rubric.values
    ]
    sections = [(name, items) for name, items in sections if items]
    unknown = [(item_id, item_id) for item_id in checkin.items if rubric.item(item_id) is None]
    if unknown:
        sections.append(("Items not in this rubric version", unknown))
    return sections


def _answer_lines(checkin: Checkin, rubric: Rubric | None, item_id: str, title: str) -> list[str]:
    answer = checkin.answer(item_id)
    rating = answer_words(rubric, answer)
    discuss = "  [discuss]" if answer.discuss else ""
    lines = [f"{printable(title, keep_newlines=False)}: {rating}{discuss}"]
    if answer.note:
        lines += [f"    {line}" for line in printable(answer.note).split("\n")]
    return lines
