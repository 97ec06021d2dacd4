"""Next steps after finishing: an optional edit of the completed check-in, saved as you go."""

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

from selfcheck.checkin.draft import Draft
from selfcheck.checkin.words import step_words
from selfcheck.formats.errors import SelfcheckError

FINISHED = "Your check-in is finished and saved."
INTRO = (
    "Optional: next steps for your learning plan. Type one and press enter; ctrl+t first "
    "ties it to an item. A box takes your keys until escape. Then delete removes the "
    "highlighted step, escape shows the summary, q quits."
)
NOT_TIED = "no item (a general step)"
"""What the item field says while the step being typed is tied to no item."""


class NextStepsScreen(Screen[None]):
    """Adds next steps to the finished check-in; escape or ctrl+s goes on to the summary."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # ctrl+t works while typing: a letter would type into the text box.
        Binding(
            "ctrl+t",
            "tie",
            "Tie to item",
            priority=True,
            tooltip="choose the item the step you type is tied to (or none)",
        ),
        # Not in the footer, so it fits 60 columns: escape does the same outside a box.
        Binding(
            "ctrl+s",
            "done",
            "Summary",
            show=False,
            tooltip="show the summary (a step typed but not added is kept)",
        ),
        Binding(
            "escape",
            "leave",
            "Leave box/Summary",
            tooltip="leave the box you are typing in; outside a box, show the summary",
        ),
        Binding(
            "delete",
            "remove",
            "Remove step",
            tooltip="remove the highlighted step (the first press highlights one)",
        ),
    ]

    KEYS_TITLE = "next steps"
    WIDGET_KEYS = (
        "In the text box, enter adds the step, tied to the item the Tied to field shows; "
        "tab moves between the text box, that field and the steps."
    )
    """Keys the text box and lists handle, told under the screen's own on its help."""

    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft

    def compose(self) -> ComposeResult:
        with Vertical(id="steps-body"):
            yield Static(Text("Next steps"), classes="screen-title")
            yield Static(Text(FINISHED), id="steps-finished")
            yield Static(Text(INTRO), classes="hint")
            yield OptionList(id="steps-list")
            yield Input(
                placeholder="A next step, then enter", id="step-text", max_length=2000, compact=True
            )
            with Horizontal(id="step-item-row"):
                yield Static(Text("Tied to (ctrl+t):"), id="step-item-label")
                # Numbered as the review numbers this check-in's items, as plain mode's `3: text`.
                yield Select(
                    [(f"{n}. {item.title}", item.id) for n, item in enumerate(self.draft.items, 1)],
                    prompt=NOT_TIED,
                    id="step-item",
                    compact=True,
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Show the summary", id="done", variant="primary", compact=True)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        """List the steps already written and focus the text field."""
        self.show_steps()
        self.query_one("#step-text", Input).focus()

    def show_steps(self) -> None:
        """List the check-in's next steps."""
        steps = self.query_one(OptionList)
        steps.clear_options()
        steps.add_options(
            Option(Text(f"• {step_words(self.draft.rubric, step)}"))
            for step in self.draft.checkin.next_steps
        )
        steps.display = bool(self.draft.checkin.next_steps)

    def chosen_item(self) -> str | None:
        """The item picked for the next step, if any."""
        chosen = self.query_one(Select).value
        return chosen if isinstance(chosen, str) else None

    @on(Input.Submitted, "#step-text")
    def add_step(self, event: Input.Submitted) -> None:
        """Add the typed step (an empty line adds nothing)."""
        self.store_typing()

    @on(Select.Changed, "#step-item")
    def item_picked(self) -> None:
        """Back to the text box, so enter adds the step."""
        self.query_one("#step-text", Input).focus()

    def store_typing(self) -> None:
        """Add a step typed but not yet added (also on quit)."""
        typed = self.query_one("#step-text", Input)
        text = typed.value.strip()
        if not text:
            return
        try:
            self.draft.add_next_step(text, self.chosen_item())
        except SelfcheckError as exc:
            self.notify(f"{exc}.", title="Step not added", severity="error", markup=False)
            return
        typed.clear()
        self.query_one(Select).clear()
        self.show_steps()

    def action_tie(self) -> None:
        """Open the item field's list, to choose the item the step is tied to."""
        chosen = self.query_one(Select)
        chosen.focus()
        chosen.action_show_overlay()  # as enter on the field does

    def action_remove(self) -> None:
        """Highlight a step to remove; when the list has focus, remove the highlighted one."""
        steps = self.query_one(OptionList)
        if not steps.option_count:
            self.notify("There is no step to remove.", timeout=3)
            return
        if not steps.has_focus or steps.highlighted is None:
            steps.focus()
            if steps.highlighted is None:
                steps.highlighted = steps.option_count - 1
            return
        index = steps.highlighted
        self.draft.remove_next_step(index)
        self.show_steps()
        if steps.option_count:
            steps.highlighted = min(index, steps.option_count - 1)
            steps.focus()
        else:
            self.query_one("#step-text", Input).focus()

    def action_leave(self) -> None:
        """Leave the box being typed in; outside a box, go on to the summary."""
        if isinstance(self.focused, Input | Select):
            self.set_focus(None)
        else:
            self.action_done()

    @on(Button.Pressed, "#done")
    def action_done(self) -> None:
        """Keep a step typed but not yet added, then show the summary."""
        self.store_typing()
        self.app.call_later(self.app.run_action, "show_summary")
