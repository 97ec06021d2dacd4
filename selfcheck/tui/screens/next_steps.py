"""Next steps before finishing: optional lines of learning plan, each maybe tied to an item."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from selfcheck.store.checkin_words import step_words
from selfcheck.store.draft import Draft

INTRO = (
    "Optional: a few next steps for your learning plan. Type a step and press enter to add "
    "it. To tie it to an item, pick the item (tab) before pressing enter."
)


class NextStepsScreen(Screen[bool]):
    """Adds next steps to the draft; True finishes the check-in, False goes back to it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "done", "Finish"),
        Binding("escape", "back", "Back"),
        Binding("delete", "remove", "Remove step", show=False),
    ]

    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft

    def compose(self) -> ComposeResult:
        rubric = self.draft.rubric
        with Vertical(id="steps-body"):
            yield Static(Text("Next steps"), classes="screen-title")
            yield Static(Text(INTRO), classes="hint")
            yield OptionList(id="steps-list")
            yield Input(
                placeholder="A next step, then enter", id="step-text", max_length=2000, compact=True
            )
            yield Select(
                [(f"{n}. {item.title}", item.id) for n, item in enumerate(rubric.items, 1)],
                prompt="Not tied to an item",
                id="step-item",
                compact=True,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Finish check-in", id="finish", variant="primary", compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """List the steps already written and focus the text field."""
        self.show_steps()
        self.query_one("#step-text", Input).focus()

    def show_steps(self) -> None:
        """List the draft's next steps (delete removes the highlighted one)."""
        steps = self.query_one(OptionList)
        steps.clear_options()
        steps.add_options(
            Option(Text(f"• {step_words(self.draft.rubric, step)}"))
            for step in self.draft.session.next_steps
        )
        steps.display = bool(self.draft.session.next_steps)

    @on(Input.Submitted, "#step-text")
    def add_step(self, event: Input.Submitted) -> None:
        """Add the typed step (an empty line adds nothing)."""
        text = event.value.strip()
        if not text:
            return
        chosen = self.query_one(Select).value
        self.draft.add_next_step(text, chosen if isinstance(chosen, str) else None)
        event.input.clear()
        self.query_one(Select).clear()
        self.show_steps()

    @on(Button.Pressed, "#finish")
    def finish_pressed(self) -> None:
        """Finish with the mouse."""
        self.action_done()

    def action_remove(self) -> None:
        """Remove the highlighted step from the list."""
        steps = self.query_one(OptionList)
        if steps.has_focus and steps.highlighted is not None:
            self.draft.remove_next_step(steps.highlighted)
            self.show_steps()

    def action_done(self) -> None:
        """Finish, keeping a step typed but not yet added."""
        typed = self.query_one("#step-text", Input).value.strip()
        if typed:
            chosen = self.query_one(Select).value
            self.draft.add_next_step(typed, chosen if isinstance(chosen, str) else None)
        self.dismiss(True)

    def action_back(self) -> None:
        """Go back to the check-in without finishing."""
        self.dismiss(False)
