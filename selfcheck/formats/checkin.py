"""The check-in file format (`selfcheck-session`): answers, and the plan written at its end."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Annotated, Literal

from pydantic import (
    Field,
    SerializerFunctionWrapHandler,
    StrictBool,
    StrictInt,
    StrictStr,
    model_serializer,
    model_validator,
)

from selfcheck.formats.fields import (
    KEY_PATTERN,
    SHA256_PATTERN,
    Day,
    Identifier,
    Level,
    Moment,
    Name,
    OneLine,
    TravellingText,
    Version,
    _Strict,
)

CHECKIN_FORMAT = "selfcheck-session"
"""The `format` of a check-in file."""
CHECKIN_VERSION: Literal[2] = 2
"""The check-in format version this selfcheck writes, and the newest it reads (1 is read too)."""
MAX_ITEMS = 1000
"""Most answers one check-in holds (a rubric has tens of items)."""
MAX_NEXT_STEPS = 200
"""Most steps in one learning plan."""
FOCUS_MAX = 6
"""The most items a focus check-in holds, so it stays short."""


class ItemAnswer(_Strict):
    """The practitioner's answer to one item."""

    rating: Level | None = None
    not_assessable: StrictBool = False
    """Not yet: no chance to judge it since the last check-in."""
    not_my_role: StrictBool = False
    """Not part of this practitioner's role (format version 2)."""
    note: StrictStr = ""
    discuss: StrictBool = False

    @model_validator(mode="after")
    def _one_answer(self) -> ItemAnswer:
        if sum((self.rating is not None, self.not_assessable, self.not_my_role)) > 1:
            raise ValueError(
                "an item has one answer: a rating, not_assessable or not_my_role, not two"
            )
        return self

    @model_serializer(mode="wrap")
    def _not_my_role_only_when_true(self, handler: SerializerFunctionWrapHandler) -> object:
        # Left out when false, so check-ins and shares without it read as they did before.
        data = handler(self)
        if isinstance(data, dict) and not self.not_my_role:
            data.pop("not_my_role", None)
        return data

    @property
    def answered(self) -> bool:
        """True once the item has a level, or one of the two answers that are not levels."""
        return self.rating is not None or self.not_assessable or self.not_my_role


class RubricRef(_Strict):
    """Which rubric, and which exact text of it, a check-in was rated against."""

    id: Identifier
    version: Version
    sha256: Annotated[StrictStr, Field(pattern=SHA256_PATTERN)]


class Practitioner(_Strict):
    """Who rated: an optional name and the installation's random key."""

    name: Name = ""
    key: Annotated[StrictStr, Field(pattern=KEY_PATTERN)] = ""


MeetingKind = Literal["individual", "group"]
"""Reflective supervision one to one, or in a group."""
Minutes = Annotated[StrictInt, Field(ge=1, le=24 * 60)]
"""How long a meeting lasted, in whole minutes (at most a day)."""


class Supervision(_Strict):
    """Optional details of the supervision meeting the check-in prepares for."""

    supervisor: Name = ""
    meeting: Day | None = None
    minutes: Minutes | None = None
    kind: MeetingKind | None = None


class NextStep(_Strict):
    """A step of the learning plan written when finishing, optionally tied to an item."""

    text: Annotated[StrictStr, Field(min_length=1, max_length=2000)]
    item: Identifier | None = None


class TravellingStep(NextStep):
    """A next step in a share or response: its text follows the rule of travelling text."""

    text: TravellingText


StepStatus = Literal["done", "working", "let-go"]
"""What became of a next step: done, still working on it, or let go."""
STEP_STATUS_WORDS = {"done": "done", "working": "still working on it", "let-go": "let go"}
"""Each status of a step in words."""


class StepReview(_Strict):
    """A next step from before, looked back on once at the start of a later check-in."""

    text: Annotated[StrictStr, Field(min_length=1, max_length=2000)]
    item: Identifier | None = None
    set_on: Day
    agreed: StrictBool = False
    status: StepStatus
    reflection: OneLine = ""


class Checkin(_Strict):
    """One check-in: a draft while in progress, complete once finished."""

    format: Literal["selfcheck-session"] = "selfcheck-session"
    format_version: Literal[1, 2] = CHECKIN_VERSION
    id: Identifier
    status: Literal["draft", "complete"] = "draft"
    scope: Literal["full", "focus"] = "full"
    focus: Annotated[list[Identifier], Field(max_length=FOCUS_MAX)] = Field(default_factory=list)
    started: Moment
    finished: Moment | None = None
    rubric: RubricRef
    practitioner: Practitioner = Practitioner()
    supervision: Supervision = Supervision()
    items: dict[Identifier, ItemAnswer] = Field(default_factory=dict, max_length=MAX_ITEMS)
    next_steps: list[NextStep] = Field(default_factory=list, max_length=MAX_NEXT_STEPS)
    plan_review: list[StepReview] = Field(default_factory=list)

    @model_validator(mode="after")
    def _finished_when_complete(self) -> Checkin:
        if self.status == "complete" and self.finished is None:
            raise ValueError("a complete check-in needs its `finished` time")
        if self.status == "draft" and self.finished is not None:
            raise ValueError("a draft cannot have a `finished` time")
        if self.finished is not None and self.finished < self.started:
            raise ValueError("`finished` is earlier than `started`")
        return self

    @model_validator(mode="after")
    def _not_my_role_needs_version_2(self) -> Checkin:
        if self.format_version == 1 and any(a.not_my_role for a in self.items.values()):
            raise ValueError("not_my_role: needs format_version 2")
        return self

    @model_validator(mode="after")
    def _focus_names_its_items(self) -> Checkin:
        if self.scope == "full" and self.focus:
            raise ValueError('`focus` lists items only in a check-in with `scope = "focus"`')
        if self.scope == "focus":
            if not self.focus:
                raise ValueError("a focus check-in needs its `focus` items (1 to 6 item ids)")
            if len(set(self.focus)) != len(self.focus):
                raise ValueError("`focus` lists an item twice")
            outside = sorted(set(self.items) - set(self.focus))
            if outside:
                raise ValueError(f"items: {', '.join(outside)} not in this focus check-in")
        return self

    @property
    def is_focus(self) -> bool:
        """True for a short check-in of a few chosen items."""
        return self.scope == "focus"

    def asked(self, item_ids: list[str]) -> list[str]:
        """The ones of `item_ids` this check-in asks about: all, or its focus items."""
        return [i for i in item_ids if i in self.focus] if self.is_focus else list(item_ids)

    @property
    def complete(self) -> bool:
        """True once the check-in has been finished."""
        return self.status == "complete"

    def answer(self, item_id: str) -> ItemAnswer:
        """The answer for an item, an empty one when nothing is recorded."""
        return self.items.get(item_id) or ItemAnswer()

    @property
    def when(self) -> datetime:
        """When the check-in happened: its finish time, else its start."""
        return self.finished or self.started

    def to_toml_dict(self) -> dict[str, object]:
        """The check-in as plain data for a TOML writer, omitting empty optional fields."""
        data = self.model_dump(mode="python", exclude_none=True)
        data["items"] = {
            item_id: {
                key: value for key, value in answer.items() if key != "rating" or value is not None
            }
            for item_id, answer in data["items"].items()
        }
        for key in ("next_steps", "plan_review"):
            if not data[key]:
                del data[key]
        if not self.is_focus:
            del data["scope"], data["focus"]
        return data


def complete_checkins(checkins: Iterable[Checkin], rubric_id: str) -> list[Checkin]:
    """The complete check-ins of one rubric, oldest first."""
    chosen = [s for s in checkins if s.complete and s.rubric.id == rubric_id]
    return sorted(chosen, key=lambda s: (s.when, s.id))
