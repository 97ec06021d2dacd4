"""The rubric file format: a growth scale and the values of the Code with their items."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field, PrivateAttr, StrictInt, field_validator

from selfcheck.formats.fields import (
    LEVELS,
    Identifier,
    Label,
    Level,
    LevelKey,
    OptionalText,
    Text,
    Title,
    Version,
    _Strict,
)

RUBRIC_FORMAT = "selfcheck-rubric"
"""The `format` of a rubric file."""


class ScaleLevel(_Strict):
    """One level of the growth scale."""

    level: Level
    label: Label
    description: Text


class NotAssessable(_Strict):
    """The answer that is not a level: not yet possible to judge."""

    label: Label = "Not yet assessable"
    description: OptionalText = ""


class NotMyRole(_Strict):
    """The second answer that is not a level, offered when a rubric names it: not my role."""

    label: Label = "Not my role"
    description: OptionalText = ""


class Item(_Strict):
    """One rateable practice derived from a commitment of the Code."""

    id: Identifier
    commitment: Annotated[StrictInt, Field(ge=1)]
    title: Title
    statement: Text
    prompt: Text
    anchors: dict[LevelKey, Text]
    previous_ids: list[Identifier] = Field(default_factory=list)

    @field_validator("anchors")
    @classmethod
    def _core_anchors_present(cls, anchors: dict[int, str]) -> dict[int, str]:
        missing = [level for level in (1, 3, 5) if level not in anchors]
        if missing:
            raise ValueError(f"anchors for levels {', '.join(map(str, missing))} are missing")
        return anchors

    @field_validator("previous_ids")
    @classmethod
    def _previous_ids_unique(cls, previous_ids: list[str]) -> list[str]:
        _reject_duplicates("previous id", previous_ids)
        return previous_ids

    @property
    def linked_ids(self) -> tuple[str, ...]:
        """This item's id and the ids of the earlier items it replaces."""
        return (self.id, *self.previous_ids)


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
    version: Version
    source: Text
    description: OptionalText = ""
    guidance: OptionalText = ""
    not_assessable: NotAssessable = NotAssessable()
    not_my_role: NotMyRole | None = None
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
        items = [item for value in values for item in value.items]
        _reject_duplicates("item id", [item.id for item in items])
        reused = sorted(
            {old for item in items for old in item.previous_ids} & {i.id for i in items}
        )
        if reused:
            raise ValueError(
                f"previous_ids name items this version still has: {', '.join(reused)}; "
                "an item whose meaning is unchanged keeps its id without previous_ids"
            )
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

    def linked_items(self, item_id: str) -> list[Item]:
        """The item with this id, else every item naming it in `previous_ids` (two for a split)."""
        own = self.item(item_id)
        return [own] if own else [item for item in self.items if item_id in item.previous_ids]

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
