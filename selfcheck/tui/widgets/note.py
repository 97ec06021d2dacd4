"""The note field: a wrapped text area that says when it is left, so the note can be saved."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.events import Blur, Focus, Paste
from textual.widgets import TextArea

from selfcheck.formats.printable import printable
from selfcheck.tui.messages import NoteEntered, NoteLeft


class NoteField(TextArea):
    """The practitioner's note on the current item; `escape` leaves it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave", "Leave note")]

    def __init__(self, *, blink: bool = True, id: str | None = None) -> None:
        super().__init__(
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            placeholder="Your note on this item (press e or tab to write, escape to leave)",
            id=id,
        )
        self.cursor_blink = blink
        self.item_id = ""
        self._kept = ""
        self._shown = ""

    def show(self, item_id: str, note: str) -> None:
        """Load an item's note, with control characters made visible, remembering its item."""
        self.item_id = item_id
        shown = printable(note)
        if self.text != shown:
            self.load_text(shown)
        self._kept, self._shown = note, self.text

    @property
    def note(self) -> str:
        """The note to keep: exactly as it was loaded until the person edits what is shown."""
        return self._kept if self.text == self._shown else self.text

    def action_leave(self) -> None:
        """Give up focus so the rating keys work again."""
        self.screen.set_focus(None)

    def on_focus(self, event: Focus) -> None:
        """Tell the screen the note was entered."""
        self.post_message(NoteEntered())

    def on_blur(self, event: Blur) -> None:
        """Tell the screen the note was left."""
        self.post_message(NoteLeft())

    async def _on_paste(self, event: Paste) -> None:
        # Pasted escape sequences would reach the terminal raw: insert them made visible.
        event.prevent_default()
        if self.read_only:
            return
        if result := self._replace_via_keyboard(printable(event.text), *self.selection):
            self.move_cursor(result.end_location)
