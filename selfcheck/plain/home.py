"""`selfcheck --plain` with no command: what home shows, and the commands to use, as text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from selfcheck.checkin.focus import full_checkin_due
from selfcheck.checkin.words import draft_words, history_words, step_words
from selfcheck.checkin.workspace import Workspace
from selfcheck.formats.printable import one_line
from selfcheck.store.vault import Vault

COMMANDS: tuple[tuple[str, str], ...] = (
    ("selfcheck start --plain", "start or resume a check-in, one question at a time (s)"),
    ("selfcheck start --focus --plain", "a short check-in of up to 6 items you choose (f)"),
    ("selfcheck list", "your check-ins, one per line"),
    ("selfcheck show ID", "one check-in in full"),
    ("selfcheck trends", "your growth: each value's mean over your check-ins (g)"),
    ("selfcheck report --out packet.html", "the packet (p): a web page, or packet.pdf"),
    ("selfcheck share --out share.toml", "share with your supervisor (h)"),
    ("selfcheck receive FILE", "take in your supervisor's response (r)"),
    ("selfcheck log", "supervision hours, by year (l)"),
    ("selfcheck export --anonymous --program NAME", "send to your program (x)"),
    ("selfcheck encrypt", "protect with a passphrase (k); `selfcheck passphrase` changes it"),
    ("selfcheck --help", "every command"),
)
"""The commands that stand in for each of the app's home actions (its key in brackets)."""


def home_lines(
    data_dir: Path, rubric_ref: str | None, vault: Vault | None = None
) -> tuple[list[str], list[str]]:
    """The home information as lines, and the data folder's unreadable files."""
    workspace = Workspace.load(data_dir, rubric_ref, vault)
    rubric = workspace.rubric
    lines = ["selfcheck", f"{rubric.title} (version {rubric.version})"]
    if workspace.config.name:
        lines.append(f"Practitioner: {one_line(workspace.config.name, 200)}")
    lines.append(history_words(workspace))
    if workspace.draft is not None:
        lines.append(draft_words(workspace))
    elif due := full_checkin_due(workspace.completed, date.today()):
        lines.append(due)
    previous = workspace.previous
    if previous is not None and previous.next_steps:
        lines.append("Your next steps from last time:")
        lines += [f"  • {step_words(rubric, step)}" for step in previous.next_steps]
    lines += ["", "Commands:"]
    lines += [f"  {command}: {words}." for command, words in COMMANDS]
    return lines, workspace.loaded.problems
