"""Looking back on the learning plan at the start of a check-in: each open step, once."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from selfcheck.checkin.draft import Draft
from selfcheck.formats.checkin import StepStatus
from selfcheck.formats.printable import printable
from selfcheck.supervision.plan import OpenStep

CHOICES = "d done   w still working on it   g let go   e a reflection   escape later"
"""The keys of the look back, as the dialog states them: letters, never a rating's digits,
so a rating key pressed at once answers nothing."""


class PlanReviewScreen(ModalScreen[None]):
    """Asks what became of each open next step; every answer is saved in the new check-in."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "answer('done')", "Done", show=False, tooltip="the step is done"),
        Binding(
            "w",
            "answer('working')",
            "Still working",
            show=False,
            tooltip="still working on it: asked again next time",
        ),
        Binding("g", "answer('let-go')", "Let go", show=False, tooltip="let the step go"),
        Binding(
            "e", "reflect", "Reflection", show=False, tooltip="write a one-line reflection first"
        ),
        Binding(
            "escape",
            "later",
            "Later",
            show=False,
            tooltip="leave the reflection; outside it, look back on the rest later",
        ),
    ]

    KEYS_TITLE = "looking back on your next steps"

    def __init__(self, draft: Draft, steps: list[OpenStep]) -> None:
        super().__init__()
        self.draft = draft
        self.steps = steps
        self.index = 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="plan-dialog"):
            yield Static(Text("Your learning plan: looking back"), classes="dialog-title")
            yield Static(id="plan-step")
            yield Input(
                placeholder="e writes an optional one-line reflection",
                id="plan-reflection",
                max_length=300,
                compact=True,
                disabled=True,
            )
            yield Static(Text(CHOICES), classes="hint", id="plan-keys")

    def on_mount(self) -> None:
        """Show the first step, with the keys free for answering."""
        self.show_step()

    def show_step(self) -> None:
        """Show the current step and where it came from."""
        step = self.steps[self.index]
        where = "agreed in supervision" if step.agreed else "set"
        self.query_one("#plan-step", Static).update(
            Text(
                f"Step {self.index + 1} of {len(self.steps)}, {where} on "
                f"{step.set_on.isoformat()}:\n  {printable(step.text, keep_newlines=False)}\n"
                "What became of it?"
            )
        )
        field = self.query_one("#plan-reflection", Input)
        field.value = ""
        field.disabled = True
        self.query_one("#plan-keys", Static).update(Text(CHOICES))

    def action_reflect(self) -> None:
        """Write a reflection on the step (the field stays closed otherwise, so keys answer)."""
        field = self.query_one("#plan-reflection", Input)
        field.disabled = False
        field.focus()

    @on(Input.Submitted)
    def reflection_written(self) -> None:
        """Leave the reflection so the keys answer again, saying it is kept."""
        self.query_one("#plan-reflection", Input).disabled = True
        self.query_one("#plan-keys", Static).update(
            Text(f"Reflection kept; it is saved with your answer.\n{CHOICES}")
        )

    def action_answer(self, status: StepStatus) -> None:
        """Keep the answer to this step and go on to the next, or close after the last."""
        reflection = self.query_one("#plan-reflection", Input).value
        self.draft.keep_step_review(self.steps[self.index].reviewed(status, reflection))
        self.index += 1
        if self.index < len(self.steps):
            self.show_step()
        else:
            self.dismiss(None)

    def action_later(self) -> None:
        """From the reflection, back to the keys; else leave the remaining steps unanswered."""
        field = self.query_one("#plan-reflection", Input)
        if field.has_focus:
            field.disabled = True
        else:
            self.dismiss(None)
