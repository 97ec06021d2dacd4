"""Building blocks shared by every file format: strict models, ids, texts and levels."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from typing import Annotated

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
)

from selfcheck.formats.printable import unsafe

FORMAT_VERSION = 1
LEVELS = (1, 2, 3, 4, 5)
"""The growth scale's levels; format version 1 fixes the scale at five."""

IDENTIFIER_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
KEY_PATTERN = r"^([0-9a-f]{16,64})?$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
VERSION_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.+-]{0,39}$"
SIGNATURE_PATTERN = r"^[0-9a-f]{128}$"
"""An Ed25519 signature as a file holds it: 64 bytes in lowercase hexadecimal."""
PATTERN_HINTS = {
    IDENTIFIER_PATTERN: "use letters, digits, '_', '.' and '-' only, at most 64 characters",
    KEY_PATTERN: "must be 16 to 64 lowercase hexadecimal digits",
    SHA256_PATTERN: "must be 64 lowercase hexadecimal digits",
    VERSION_PATTERN: "use letters, digits, '_', '.', '+' and '-' only, at most 40 characters",
    SIGNATURE_PATTERN: "must be 128 lowercase hexadecimal digits",
}
"""What each pattern asks for, in words, for error messages."""
SECRET_FIELDS = frozenset(
    ("practitioner_key", "pseudonym_secret", "key", "private_key", "recipient")
)
"""Fields whose values an error message never repeats."""

Identifier = Annotated[StrictStr, Field(pattern=IDENTIFIER_PATTERN)]
"""A stable id that is safe in a file name: letters, digits, `_`, `.`, `-`, at most 64."""
Version = Annotated[StrictStr, Field(pattern=VERSION_PATTERN)]
"""A rubric's version as written in rubrics, check-ins and exports: `1.0.0`, `2026.1`."""


def _no_control_characters(value: str) -> str:
    """Typed text: no terminal controls (format characters such as RTL marks stay allowed)."""
    if any(unicodedata.category(char) == "Cc" and char not in "\n\t" for char in value):
        raise ValueError("must not contain control characters or escape sequences")
    return value


def _no_control_or_format_characters(value: str) -> str:
    """Rubric prose: neither terminal controls nor format characters that reorder text."""
    if any(unsafe(char) and char not in "\n\t" for char in value):
        raise ValueError(
            "must not contain control characters, escape sequences or format characters "
            "such as bidi overrides"
        )
    return value


_PROSE = AfterValidator(_no_control_or_format_characters)
Text = Annotated[StrictStr, Field(min_length=1, max_length=2000), _PROSE]
"""Rubric prose: required, of a readable length, with nothing that could drive a terminal."""
OptionalText = Annotated[StrictStr, Field(max_length=2000), _PROSE]
"""Rubric prose that may be left empty."""
TypedText = Annotated[StrictStr, Field(max_length=2000), AfterValidator(_no_control_characters)]
"""Text a person typed (a comment): may be empty; RTL marks allowed, terminal controls not."""
Label = Annotated[StrictStr, Field(min_length=1, max_length=40), _PROSE]
"""A short rubric label: a level's name, a version."""
Title = Annotated[
    StrictStr, Field(min_length=1, max_length=120), AfterValidator(_no_control_or_format_characters)
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


def _single_line(value: str) -> str:
    if "\n" in value or "\t" in value:
        raise ValueError("must be one line")
    return value


OneLine = Annotated[
    StrictStr,
    Field(max_length=300),
    AfterValidator(_no_control_characters),
    AfterValidator(_single_line),
    AfterValidator(_no_surrounding_space),
]
"""One line a person typed, such as a reflection: may be empty, at most 300 characters."""


TravellingName = Annotated[
    StrictStr,
    Field(max_length=200),
    AfterValidator(_no_surrounding_space),
    AfterValidator(_no_control_or_format_characters),
    AfterValidator(_single_line),
]
"""A name in a file that travels between people (a share, a response): one line, with nothing
that could drive or reorder the reader's terminal."""
TravellingText = Annotated[
    StrictStr,
    Field(min_length=1, max_length=2000),
    AfterValidator(_no_control_or_format_characters),
    AfterValidator(_single_line),
]
"""A next step in a share or response: one line, no terminal controls, no bidi overrides."""


EARLIEST_YEAR = 1970
"""The earliest year a check-in, meeting or export period may carry."""
LATEST_YEAR = 2999
"""The latest year: far enough for any real date, near enough that every offset converts."""


def _in_range(value: date) -> date:
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValueError(f"must be between the years {EARLIEST_YEAR} and {LATEST_YEAR}")
    return value


def _moment_in_range(value: datetime) -> datetime:
    _in_range(value)
    return value


Moment = Annotated[AwareDatetime, AfterValidator(_moment_in_range)]
"""A date and time with its UTC offset, within the years every reader can convert."""
Day = Annotated[date, AfterValidator(_in_range)]
"""A calendar date within the same years."""


class _Strict(BaseModel):
    """Base for file models: unknown keys are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)
