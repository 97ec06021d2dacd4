"""Choosing the items of a focus check-in: a few suggested, any added or dropped before starting."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, SelectionList, Static

from selfcheck.checkin.focus import SUGGESTION_WORDS
from selfcheck.formats.checkin import FOCUS_MAX
from selfcheck.formats.rubric import Rubric

INTRO = (
    f"A focus check-in rates up to {FOCUS_MAX} items. {SUGGESTION_WORDS} "
    "Space adds or drops an item; s starts; escape goes back."
)


CHOSEN_MARK = "✓"
"""Marks a chosen item's line, beside the list's own toggle."""


class FocusScreen(Screen[list[str] | None]):
    """The rubric's items with the suggested ones ticked; returns the chosen ids, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "s,ctrl+s", "start", "Start", tooltip="start the focus check-in on the items chosen"
        ),
        Binding("escape", "cancel", "Back", tooltip="back home without starting"),
        Binding("question_mark", "app.help", "Help"),
    ]

    KEYS_TITLE = "choosing a focus check-in"
    WIDGET_KEYS = "↑ and ↓ move between items; space adds or drops the item under the cursor."
    """Keys the list handles, told under the screen's own on its help."""

    def __init__(self, rubric: Rubric, suggested: list[str]) -> None:
        super().__init__()
        self.rubric = rubric
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        yield Static(Text("Focus check-in"), classes="screen-title")
        yield Static(Text(INTRO), classes="hint")
        yield Static(id="focus-count")
        order = self.suggested + [i.id for i in self.rubric.items if i.id not in self.suggested]
        yield SelectionList[str](
            *((self.prompt(i, i in self.suggested), i, i in self.suggested) for i in order),
            id="focus-items",
        )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Say how many are chosen and put the cursor in the list."""
        self.show_count()
        self.query_one(SelectionList).focus()

    def prompt(self, item_id: str, chosen: bool) -> Text:
        """An item's line: a tick when chosen, so chosen never differs by colour alone."""
        item = self.rubric.item(item_id)
        title = item.title if item else item_id
        return Text(f"{CHOSEN_MARK if chosen else ' '} {title}")

    @on(SelectionList.SelectedChanged)
    def mark_chosen(self) -> None:
        """Tick the chosen items' lines and say how many are chosen."""
        items = self.query_one(SelectionList)
        chosen = set(items.selected)
        for index in range(items.option_count):
            value = items.get_option_at_index(index).value
            items.replace_option_prompt_at_index(index, self.prompt(value, value in chosen))
        self.show_count()

    def show_count(self) -> None:
        """`3 of at most 6 items chosen`, warning when there are too many."""
        count = len(self.chosen)
        words = f"{count} of at most {FOCUS_MAX} items chosen."
        if count > FOCUS_MAX:
            words += f" Drop {count - FOCUS_MAX} to start."
        self.query_one("#focus-count", Static).update(Text(words))

    @property
    def chosen(self) -> list[str]:
        """The ticked item ids, in rubric order."""
        ticked = set(self.query_one(SelectionList).selected)
        return [item.id for item in self.rubric.items if item.id in ticked]

    def action_start(self) -> None:
        """Start with the chosen items, when there are 1 to FOCUS_MAX."""
        chosen = self.chosen
        if not 1 <= len(chosen) <= FOCUS_MAX:
            self.notify(
                f"Choose 1 to {FOCUS_MAX} items (now {len(chosen)}).",
                severity="warning",
                markup=False,
            )
            return
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        """Go back without starting."""
        self.dismiss(None)
