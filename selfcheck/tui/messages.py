"""Messages that widgets and screens send up to the screen or app that coordinates them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from selfcheck.supervision.caseload import CaseloadRow

NOT_ASSESSABLE = 0
"""The choice number used for "not yet assessable" (the `0` key)."""


@dataclass
class RatingChosen(Message):
    """A rating (1-5) or NOT_ASSESSABLE was chosen for the current item."""

    rating: int


@dataclass
class DiscussToggled(Message):
    """The discuss-in-supervision mark was clicked."""


@dataclass
class NoteEntered(Message):
    """The note field gained focus: the screen says how to leave it."""


@dataclass
class NoteLeft(Message):
    """The note field lost focus: a good moment to save."""


@dataclass
class LastTimeToggled(Message):
    """The "last time" line was clicked to hide or show it."""


@dataclass
class PractitionerChosen(Message):
    """A practitioner of the caseload was chosen to open."""

    person: CaseloadRow
