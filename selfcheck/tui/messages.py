"""Messages that widgets send up to the screen that coordinates them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from selfcheck.supervision.caseload import CaseloadRow

NOT_ASSESSABLE = 0
"""The choice number used for "not yet assessable" (the `0` key)."""


class RatingChosen(Message):
    """A level (1-5) or NOT_ASSESSABLE was chosen for the current item."""

    def __init__(self, choice: int) -> None:
        self.choice = choice
        super().__init__()


class DiscussToggled(Message):
    """The discuss-in-supervision mark was clicked."""


class NoteLeft(Message):
    """The note field lost focus: a good moment to save."""


class LastTimeToggled(Message):
    """The "last time" line was clicked to hide or show it."""


class PractitionerChosen(Message):
    """A practitioner of the caseload was chosen to open."""

    def __init__(self, person: CaseloadRow) -> None:
        self.person = person
        super().__init__()
