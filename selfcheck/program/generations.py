"""Export generations: per program and rubric version, a count that rises when the content does."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated, Literal

import tomli_w
from pydantic import Field, StrictInt, StrictStr

from selfcheck.formats.errors import InputError
from selfcheck.formats.fields import SHA256_PATTERN, _Strict
from selfcheck.program.export import MAX_GENERATION, AnonymousExport, shared_content
from selfcheck.store.lock import data_dir_locked
from selfcheck.store.vault import Vault, held, stored

GENERATIONS_FILE = "export-generations.toml"
"""The file in the data folder that remembers the last generation of each export."""
GENERATIONS_FORMAT = "selfcheck-export-generations"
MAX_GENERATIONS_BYTES = 1024 * 1024

Digest = Annotated[StrictStr, Field(pattern=SHA256_PATTERN)]


class LastExport(_Strict):
    """The last export made for one program and rubric version: its generation and content."""

    key: Digest
    """SHA-256 of the pseudonym, rubric id and version (so no program name is kept)."""
    generation: Annotated[StrictInt, Field(ge=1, le=MAX_GENERATION)]
    content: Digest
    """SHA-256 of what that export shared (`shared_content`)."""


class Generations(_Strict):
    """Every program and rubric version this installation has exported for."""

    format: Literal["selfcheck-export-generations"] = "selfcheck-export-generations"
    format_version: Literal[1] = 1
    export: list[LastExport] = Field(default_factory=list)


def _path(data_dir: Path) -> Path:
    return data_dir / GENERATIONS_FILE


def _key(export: AnonymousExport) -> str:
    parts = (export.pseudonym, export.rubric_id, export.rubric_version)
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def load_generations(data_dir: Path, vault: Vault | None = None) -> Generations:
    """The generations kept in a data folder (none yet when the file does not exist)."""
    path = stored(_path(data_dir))
    if path is None:
        return Generations()
    return held(vault).load_model(path, Generations, GENERATIONS_FORMAT, MAX_GENERATIONS_BYTES)


def _next(data_dir: Path, generations: Generations, export: AnonymousExport) -> LastExport:
    """The record this export makes: the last generation if it shares the same, else one more."""
    key, content = _key(export), hashlib.sha256(shared_content(export)).hexdigest()
    last = next((entry for entry in generations.export if entry.key == key), None)
    if last is None:
        return LastExport(key=key, generation=1, content=content)
    if last.content == content:
        return last
    if last.generation >= MAX_GENERATION:
        raise InputError(
            _path(data_dir),
            f"generation: {last.generation} cannot be counted further; export "
            "under a new --program name",
        )
    return LastExport(key=key, generation=last.generation + 1, content=content)


def with_generation(
    data_dir: Path, export: AnonymousExport, vault: Vault | None = None
) -> AnonymousExport:
    """The export carrying the generation it would be written with now (nothing is recorded)."""
    made = _next(data_dir, load_generations(data_dir, vault), export)
    return export.model_copy(update={"generation": made.generation})


def claim_generation(
    data_dir: Path, export: AnonymousExport, vault: Vault | None = None
) -> AnonymousExport:
    """Record the export's generation in the data folder, under its lock, before it is written.

    Recording first means a crash between the two leaves a gap in the count, never two
    different exports of one generation.
    """
    with data_dir_locked(data_dir):
        generations = load_generations(data_dir, vault)
        made = _next(data_dir, generations, export)
        kept = [entry for entry in generations.export if entry.key != made.key]
        updated = generations.model_copy(update={"export": [*kept, made]})
        data = tomli_w.dumps(updated.model_dump()).encode("utf-8")
        held(vault).write_data(data_dir, _path(data_dir), data)
    return export.model_copy(update={"generation": made.generation})
