"""Pydantic models of the rubric and session files: the single source of truth for both formats."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    StrictInt,
    StrictStr,
    field_validator,
    model_validator,
)

RUBRIC_FORMAT = "selfcheck-rubric"
SESSION_FORMAT = "selfcheck-session"
FORMAT_VERSION = 1
LEVELS = (1, 2, 3, 4, 5)
"""The growth scale's levels; format version 1 fixes the scale at five."""

IDENTIFIER_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
KEY_PATTERN = r"^([0-9a-f]{16,64})?$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
PATTERN_HINTS = {
    IDENTIFIER_PATTERN: "use letters, digits, '_', '.' and '-' only, at most 64 characters",
    KEY_PATTERN: "must be 16 to 64 lowercase hexadecimal digits",
    SHA256_PATTERN: "must be 64 lowercase hexadecimal digits",
}
"""What each pattern asks for, in words, for error messages."""

Identifier = Annotated[StrictStr, Field(pattern=IDENTIFIER_PATTERN)]
"""A stable id that is safe in a file name: letters, digits, `_`, `.`, `-`, at most 64."""


def _no_control_characters(value: str) -> str:
    if any(unicodedata.category(char) == "Cc" and char not in "\n\t" for char in value):
        raise ValueError("must not contain control characters or escape sequences")
    return value


Text = Annotated[
    StrictStr, Field(min_length=1, max_length=2000), AfterValidator(_no_control_characters)
]
"""Rubric prose: required, of a readable length, with nothing that could drive a terminal."""
OptionalText = Annotated[StrictStr, Field(max_length=2000), AfterValidator(_no_control_characters)]
"""Rubric prose that may be left empty."""
Label = Annotated[
    StrictStr, Field(min_length=1, max_length=40), AfterValidator(_no_control_characters)
]
"""A short rubric label: a level's name, a version."""
Title = Annotated[
    StrictStr, Field(min_length=1, max_length=120), AfterValidator(_no_control_characters)
]
"""A rubric, value or item title."""

Level = Annotated[StrictInt, Field(ge=1, le=5)]
"""A rating on the growth scale."""

LevelKey = Annotated[int, Field(ge=1, le=5)]
"""A level used as a TOML key, where it is written as text (`1 = "..."`)."""


def _no_surrounding_space(value: str) -> str:
    if value != value.strip():
        raise ValueError("must not start or end with white space")
    return value


Name = Annotated[StrictStr, Field(max_length=200), AfterValidator(_no_surrounding_space)]
"""A person's name as typed: one line of reasonable length."""


class _Strict(BaseModel):
    """Base for file models: unknown keys are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class ScaleLevel(_Strict):
    """One level of the growth scale."""

    level: Level
    label: Label
    description: Text


class NotAssessable(_Strict):
    """The answer that is not a level: not yet possible to judge."""

    label: Label = "Not yet assessable"
    description: OptionalText = ""


class Item(_Strict):
    """One rateable practice derived from a commitment of the Code."""

    id: Identifier
    commitment: Annotated[StrictInt, Field(ge=1)]
    title: Title
    statement: Text
    prompt: Text
    anchors: dict[LevelKey, Text]

    @field_validator("anchors")
    @classmethod
    def _core_anchors_present(cls, anchors: dict[int, str]) -> dict[int, str]:
        missing = [level for level in (1, 3, 5) if level not in anchors]
        if missing:
            raise ValueError(f"anchors for levels {', '.join(map(str, missing))} are missing")
        return anchors


class Value(_Strict):
    """A value of the Code with the items derived from its commitments."""

    id: Identifier
    name: Title
    summary: OptionalText = ""
    items: Annotated[list[Item], Field(min_length=1)]

    @field_validator("items")
    @classmethod
    def _every_commitment_covered(cls, items: list[Item]) -> list[Item]:
        numbers = {item.commitment for item in items}
        gaps = sorted(set(range(1, max(numbers) + 1)) - numbers)
        if gaps:
            raise ValueError(f"no item for commitment {', '.join(map(str, gaps))}")
        return items


class Rubric(_Strict):
    """A rubric file: a scale and the values with their items."""

    format: Literal["selfcheck-rubric"]
    format_version: Literal[1]
    id: Identifier
    title: Title
    version: Label
    source: Text
    description: OptionalText = ""
    not_assessable: NotAssessable = NotAssessable()
    scale: list[ScaleLevel]
    values: Annotated[list[Value], Field(min_length=1)]

    _sha256: str = PrivateAttr(default="")

    @field_validator("scale")
    @classmethod
    def _five_levels(cls, scale: list[ScaleLevel]) -> list[ScaleLevel]:
        levels = [step.level for step in scale]
        if levels != list(LEVELS):
            raise ValueError(f"must list levels 1 to 5 in order, found {levels or 'none'}")
        return scale

    @field_validator("values")
    @classmethod
    def _unique_ids(cls, values: list[Value]) -> list[Value]:
        _reject_duplicates("value id", [value.id for value in values])
        _reject_duplicates("item id", [item.id for value in values for item in value.items])
        return values

    @property
    def sha256(self) -> str:
        """The sha256 of the file's bytes, identifying the exact text rated against."""
        return self._sha256

    def with_sha256(self, digest: str) -> Rubric:
        """Return this rubric stamped with the content hash of the file it came from."""
        self._sha256 = digest
        return self

    def iter_items(self) -> Iterator[tuple[Value, Item]]:
        """Yield every (value, item) pair in rubric order."""
        for value in self.values:
            for item in value.items:
                yield value, item

    @property
    def items(self) -> list[Item]:
        """Every item in rubric order."""
        return [item for _, item in self.iter_items()]

    def item(self, item_id: str) -> Item | None:
        """The item with this id, or None."""
        return next((item for item in self.items if item.id == item_id), None)

    def value_of(self, item_id: str) -> Value | None:
        """The value an item belongs to, or None."""
        return next((value for value, item in self.iter_items() if item.id == item_id), None)

    def level_label(self, level: int) -> str:
        """The label of a scale level."""
        return next(step.label for step in self.scale if step.level == level)


def _reject_duplicates(what: str, ids: list[str]) -> None:
    duplicates = sorted(i for i, count in Counter(ids).items() if count > 1)
    if duplicates:
        raise ValueError(f"duplicate {what}: {', '.join(duplicates)}")


class ItemAnswer(_Strict):
    """The practitioner's answer to one item."""

    rating: Level | None = None
    not_assessable: StrictBool = False
    note: StrictStr = ""
    discuss: StrictBool = False

    @model_validator(mode="after")
    def _rating_or_not_assessable(self) -> ItemAnswer:
        if self.rating is not None and self.not_assessable:
            raise ValueError("an item cannot have a rating and be not yet assessable")
        return self

    @property
    def answered(self) -> bool:
        """True once the item has a level or is marked not yet assessable."""
        return self.rating is not None or self.not_assessable


class RubricRef(_Strict):
    """Which rubric, and which exact text of it, a check-in was rated against."""

    id: Identifier
    version: Annotated[StrictStr, Field(min_length=1, max_length=40)]
    sha256: Annotated[StrictStr, Field(pattern=SHA256_PATTERN)]


class Practitioner(_Strict):
    """Who rated: an optional name and the installation's random key."""

    name: Name = ""
    key: Annotated[StrictStr, Field(pattern=KEY_PATTERN)] = ""


class Supervision(_Strict):
    """Optional details of the supervision meeting the check-in prepares for."""

    supervisor: Name = ""
    meeting: date | None = None


class NextStep(_Strict):
    """A step of the learning plan written when finishing, optionally tied to an item."""

    text: Annotated[StrictStr, Field(min_length=1, max_length=2000)]
    item: Identifier | None = None


class Session(_Strict):
    """One check-in: a draft while in progress, complete once finished."""

    format: Literal["selfcheck-session"] = "selfcheck-session"
    format_version: Literal[1] = 1
    id: Identifier
    status: Literal["draft", "complete"] = "draft"
    started: AwareDatetime
    finished: AwareDatetime | None = None
    rubric: RubricRef
    practitioner: Practitioner = Practitioner()
    supervision: Supervision = Supervision()
    items: dict[Identifier, ItemAnswer] = {}
    next_steps: list[NextStep] = []

    @model_validator(mode="after")
    def _finished_when_complete(self) -> Session:
        if self.status == "complete" and self.finished is None:
            raise ValueError("a complete check-in needs its `finished` time")
        if self.status == "draft" and self.finished is not None:
            raise ValueError("a draft cannot have a `finished` time")
        if self.finished is not None and self.finished < self.started:
            raise ValueError("`finished` is earlier than `started`")
        return self

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
        """The session as plain data for a TOML writer, omitting empty optional fields."""
        data = self.model_dump(mode="python", exclude_none=True)
        data["items"] = {
            item_id: {
                key: value for key, value in answer.items() if key != "rating" or value is not None
            }
            for item_id, answer in data["items"].items()
        }
        if not data["next_steps"]:
            del data["next_steps"]
        return data
