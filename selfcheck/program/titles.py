"""Titles of the items and values behind an aggregate, from a rubric found on this computer."""

from __future__ import annotations

from selfcheck.formats.errors import InputError
from selfcheck.formats.rubric import Rubric
from selfcheck.store.data_dir import resolve_data_dir
from selfcheck.store.rubrics import rubric_versions


def find_rubric_version(rubric_id: str, version: str) -> Rubric | None:
    """The rubric of the exports, shipped or among the user's own; None when it is not here."""
    try:
        versions = rubric_versions(rubric_id, resolve_data_dir())
    except InputError:
        return None
    return next((rubric for rubric in versions if rubric.version == version), None)


def rubric_titles(rubric_id: str, version: str) -> dict[tuple[str, str], str]:
    """(scope, id) -> title of each value and item of a rubric version; empty when not here."""
    rubric = find_rubric_version(rubric_id, version)
    if rubric is None:
        return {}
    titles = {("value", value.id): value.name for value in rubric.values}
    titles.update({("item", item.id): item.title for _, item in rubric.iter_items()})
    return titles
