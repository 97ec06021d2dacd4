"""Looking back on the learning plan in plain mode: each open step asked about once, in lines."""

from __future__ import annotations

from selfcheck.checkin.draft import Draft
from selfcheck.checkin.workspace import Workspace
from selfcheck.formats.checkin import StepStatus
from selfcheck.formats.printable import printable
from selfcheck.plain.lines import Lines
from selfcheck.supervision.plan import steps_to_look_back

CHOICES: dict[str, StepStatus] = {"1": "done", "2": "working", "3": "let-go"}
"""The answers to a look back, by what is typed."""
QUESTION = "1 done, 2 still working on it, 3 let go, enter for later: "


def look_back(draft: Draft, workspace: Workspace, lines: Lines) -> None:
    """Ask what became of each open step; each answer is saved before the next question."""
    steps = steps_to_look_back(
        workspace.data_dir, workspace.completed, draft.checkin, workspace.vault
    )
    if not steps:
        return
    lines.say("", "Your learning plan: looking back (enter alone leaves the rest for later).")
    for number, step in enumerate(steps, 1):
        where = "agreed in supervision" if step.agreed else "set"
        lines.say(
            f"Step {number} of {len(steps)}, {where} on {step.set_on.isoformat()}: "
            + printable(step.text, keep_newlines=False)
        )
        while (answer := lines.ask(QUESTION)) is not None and answer.strip() not in CHOICES:
            if not answer.strip():
                return
            lines.say("Type 1, 2 or 3, or enter alone for later.")
        if answer is None:
            return
        reflection = lines.ask("A one-line reflection (optional): ") or ""
        draft.keep_step_review(step.reviewed(CHOICES[answer.strip()], reflection))
        lines.say("Saved.")
    lines.say("")
