"""Building blocks shared by every file format: strict models, ids, texts and levels."""

from __future__ import annotations

import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt, StrictStr

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


class _Strict(BaseModel):
    """Base for file models: unknown keys are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)
