"""The response file format: a supervisor's view of one check-in, never the practitioner's notes."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StrictBool, StrictStr, model_validator

from selfcheck.formats.checkin import MeetingKind, Minutes, TravellingStep
from selfcheck.formats.fields import (
    KEY_PATTERN,
    SHA256_PATTERN,
    Day,
    Identifier,
    Level,
    TravellingName,
    TypedText,
    _Strict,
)

RESPONSE_FORMAT = "selfcheck-response"
"""The `format` of a response file."""


class ItemResponse(_Strict):
    """The supervisor's level on one item (or not yet assessable) and a comment."""

    rating: Level | None = None
    not_assessable: StrictBool = False
    comment: TypedText = ""

    @model_validator(mode="after")
    def _rating_or_not_assessable(self) -> ItemResponse:
        if self.rating is not None and self.not_assessable:
            raise ValueError("an item cannot have a rating and be not yet assessable")
        return self

    @property
    def empty(self) -> bool:
        """True when the supervisor has given nothing for this item."""
        return self.rating is None and not self.not_assessable and not self.comment

    @property
    def not_my_role(self) -> bool:
        """Always False: whether an item is part of the role is the practitioner's answer."""
        return False


class Meeting(_Strict):
    """A reflective supervision meeting: when, how long, one to one or in a group."""

    date: Day
    minutes: Minutes
    kind: MeetingKind = "individual"


class Response(_Strict):
    """A response file: the supervisor's levels, comments, agreed steps and the meeting."""

    format: Literal["selfcheck-response"] = "selfcheck-response"
    format_version: Literal[1] = 1
    checkin: Identifier
    practitioner_key: Annotated[StrictStr, Field(pattern=KEY_PATTERN, min_length=16)]
    rubric_sha256: Annotated[StrictStr, Field(pattern=SHA256_PATTERN)]
    supervisor: TravellingName = ""
    comment: TypedText = ""
    items: dict[Identifier, ItemResponse] = Field(default_factory=dict)
    next_steps: list[TravellingStep] = Field(default_factory=list)
    meeting: Meeting | None = None

    def item(self, item_id: str) -> ItemResponse:
        """The supervisor's answer for an item, an empty one when nothing was given."""
        return self.items.get(item_id) or ItemResponse()

    @property
    def empty(self) -> bool:
        """True when nothing has been given yet."""
        return (
            not self.comment
            and not self.next_steps
            and self.meeting is None
            and all(answer.empty for answer in self.items.values())
        )

    def to_toml_dict(self) -> dict[str, object]:
        """The response as plain data for a TOML writer, omitting empty optional parts."""
        data = self.model_dump(mode="python", exclude_none=True)
        data["items"] = {
            item_id: {k: v for k, v in answer.items() if k != "rating" or v is not None}
            for item_id, answer in data["items"].items()
            if not self.items[item_id].empty
        }
        for key in ("items", "next_steps"):
            if not data[key]:
                del data[key]
        return data
