"""One rubric with every version of it available here: the one value growth and titles need."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from selfcheck.formats.rubric import Rubric


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that orders versions as people expect: 1.10.0 after 1.9.0."""
    parts = re.split(r"[.\-+]", version)
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in parts)


@dataclass(frozen=True)
class RubricVersions:
    """A rubric (the version rated or shown) and every version of its id available here.

    Built with `of`, so the rubric is always among its versions and no caller can pass one
    without the other.
    """

    rubric: Rubric
    """The version rated or shown: the newest, or the one a check-in was rated against."""
    versions: tuple[Rubric, ...]
    """Every version of the rubric's id available, oldest first, `rubric` among them."""

    @classmethod
    def of(cls, rubric: Rubric, versions: Iterable[Rubric] = ()) -> RubricVersions:
        """The rubric with those of `versions` that share its id, one per version, oldest first."""
        kept: dict[str, Rubric] = {rubric.version: rubric}
        for text in versions:
            if text.id == rubric.id:
                kept.setdefault(text.version, text)
        ordered = sorted(kept.values(), key=lambda text: version_key(text.version))
        return cls(rubric, tuple(ordered))

    @property
    def id(self) -> str:
        """The rubric's id, shared by every version."""
        return self.rubric.id

    def showing(self, rubric: Rubric) -> RubricVersions:
        """The same versions, showing `rubric` (the version a check-in was rated against)."""
        return RubricVersions.of(rubric, self.versions)

    def version(self, version: str) -> Rubric | None:
        """The text of one version, when it is here."""
        return next((text for text in self.versions if text.version == version), None)

    def title(self, item_id: str) -> str:
        """An item's title: in this version, else in the newest version having it, else its id."""
        for text in (self.rubric, *reversed(self.versions)):
            item = text.linked_item(item_id)
            if item is not None:
                return item.title
        return item_id


def item_title(versions: RubricVersions | None, item_id: str) -> str:
    """An item's title across the rubric's versions, or its id when no version is here."""
    return versions.title(item_id) if versions is not None else item_id
