"""The share file format: a practitioner's chosen check-ins, with only the notes they allow."""

from __future__ import annotations

from typing import Annotated, Final, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    Field,
    StrictStr,
    ValidationError,
    model_validator,
)

from selfcheck.formats.checkin import (
    Checkin,
    ItemAnswer,
    NextStep,
    Practitioner,
    RubricRef,
    Supervision,
    TravellingStep,
)
from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.fields import KEY_PATTERN, Identifier, TravellingName, _Strict
from selfcheck.formats.toml_reading import validation_problems

SHARE_FORMAT = "selfcheck-share"
"""The `format` of a share file."""
SHARE_VERSION: Final = 2
"""The newest share format version: 2 adds the practitioner's `recipient` (and may hold
"not my role" answers, which version 1 readers refuse)."""


def _age_recipient(text: str) -> str:
    """A text that is an age X25519 recipient (`age1...`)."""
    from selfcheck.formats.sealed import parse_recipient

    try:
        parse_recipient(text)
    except SelfcheckError:
        raise ValueError(
            "is not an age recipient (age1..., as `selfcheck keys` prints it)"
        ) from None
    return text


AgeRecipient = Annotated[StrictStr, Field(max_length=100), AfterValidator(_age_recipient)]
"""An age recipient to seal files to."""

NotesPolicy = Literal["discuss", "none", "all"]
"""Which notes a share holds: those of items marked to discuss, none, or all."""


class SharedPractitioner(_Strict):
    """Who shared: their name and the installation key that keeps people apart."""

    name: TravellingName = ""
    key: Annotated[StrictStr, Field(pattern=KEY_PATTERN, min_length=16)]
    recipient: AgeRecipient | None = None
    """Version 2: the practitioner's own age recipient, when their data folder is encrypted;
    their supervisor's response is sealed to it."""


class SharedCheckin(_Strict):
    """One complete check-in as shared: levels, marks, the allowed notes, next steps."""

    id: Identifier
    started: AwareDatetime
    finished: AwareDatetime
    rubric: RubricRef
    supervision: Supervision = Supervision()
    items: dict[Identifier, ItemAnswer] = Field(default_factory=dict)
    next_steps: list[TravellingStep] = Field(default_factory=list)

    def as_checkin(self, practitioner: SharedPractitioner) -> Checkin:
        """The check-in as a complete `Checkin`, so growth reads it like the practitioner's own."""
        return Checkin(
            id=self.id,
            status="complete",
            started=self.started,
            finished=self.finished,
            rubric=self.rubric,
            practitioner=Practitioner(name=practitioner.name, key=practitioner.key),
            supervision=self.supervision,
            items=dict(self.items),
            next_steps=[NextStep(text=step.text, item=step.item) for step in self.next_steps],
        )


class Share(_Strict):
    """A share file: one practitioner's complete check-ins, oldest first."""

    format: Literal["selfcheck-share"] = "selfcheck-share"
    format_version: Literal[1, 2] = SHARE_VERSION
    created: AwareDatetime
    notes: NotesPolicy
    practitioner: SharedPractitioner
    checkins: Annotated[list[SharedCheckin], Field(min_length=1, max_length=1000)]

    @model_validator(mode="after")
    def _recipient_from_version_2(self) -> Share:
        if self.format_version == 1 and self.practitioner.recipient:
            raise ValueError("practitioner.recipient came with format_version 2")
        return self

    @model_validator(mode="after")
    def _checkins_by_the_checkin_rules(self) -> Share:
        """Every shared check-in passes the rules of a check-in file, before anything is kept."""
        ids = [checkin.id for checkin in self.checkins]
        twice = sorted({checkin_id for checkin_id in ids if ids.count(checkin_id) > 1})
        if twice:
            raise ValueError(f"check-in {twice[0]} is shared twice")
        for checkin in self.checkins:
            if self.notes == "none" and any(answer.note for answer in checkin.items.values()):
                raise ValueError(f'check-in {checkin.id}: holds notes though `notes = "none"`')
            try:
                checkin.as_checkin(self.practitioner)
            except ValidationError as exc:
                raise ValueError(f"check-in {checkin.id}: {validation_problems(exc)[0]}") from None
        return self

    def as_checkins(self) -> list[Checkin]:
        """The shared check-ins as complete `Checkin`s, oldest first."""
        return sorted(
            (checkin.as_checkin(self.practitioner) for checkin in self.checkins),
            key=lambda s: (s.when, s.id),
        )
