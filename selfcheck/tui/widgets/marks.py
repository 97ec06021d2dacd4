"""Lines under the scale: the discuss mark, last time's rating, and last time's next steps."""

from __future__ import annotations

from rich.text import Text
from textual.events import Click
from textual.widgets import Static

from selfcheck.formats.checkin import NextStep
from selfcheck.formats.printable import one_line
from selfcheck.tui.messages import DiscussToggled, LastTimeToggled


class DiscussMark(Static):
    """Whether the item is marked to discuss in supervision: a box with an x, not just colour."""

    def show(self, discuss: bool) -> None:
        """Show the mark."""
        box = "[x]" if discuss else "[ ]"
        self.update(Text(f"{box} Discuss in supervision  (d)"))
        self.set_class(discuss, "-on")

    def on_click(self, event: Click) -> None:
        """Toggle the mark with the mouse."""
        event.stop()
        self.post_message(DiscussToggled())


class LastTime(Static):
    """Last check-in's answer to this item, or a hint that it is hidden."""

    def show(self, words: str, visible: bool) -> None:
        """Show the words, or say they are hidden; nothing at all when there are none."""
        self.display = bool(words)
        self.update(Text(words if visible else "last time: hidden (l shows it)"))

    def on_click(self, event: Click) -> None:
        """Hide or show with the mouse."""
        event.stop()
        self.post_message(LastTimeToggled())


class PlannedSteps(Static):
    """The next steps tied to this item at the last check-in."""

    def show(self, steps: list[NextStep]) -> None:
        """Show the steps, or nothing."""
        self.display = bool(steps)
        lines = [f"your next step: {one_line(step.text, 2000)}" for step in steps]
        self.update(Text("\n".join(lines)))
