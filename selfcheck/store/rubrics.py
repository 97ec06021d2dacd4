"""Loading and validating rubrics: the shipped ones, a user's own, or any file by path."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from selfcheck.formats.errors import InputError, SelfcheckError
from selfcheck.formats.fields import FORMAT_VERSION
from selfcheck.formats.rubric import RUBRIC_FORMAT, Rubric
from selfcheck.formats.toml_reading import (
    MAX_RUBRIC_BYTES,
    check_header,
    parse_toml,
    read_bytes,
    validate,
    validation_problems,
)

DEFAULT_RUBRIC_ID = "alliance-code-of-ethics"
"""The rubric used when none is named."""
USER_RUBRICS = "rubrics"
"""Folder of the data directory where a user's own rubrics live."""


def shipped_rubrics_dir() -> Path:
    """The folder of rubrics shipped with selfcheck (inside the wheel, or the source tree)."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "rubrics"
    return installed if installed.is_dir() else package.parent / "rubrics"


def load_rubric(path: Path) -> Rubric:
    """Read and validate a rubric file, stamped with the sha256 of its bytes."""
    data = read_bytes(path, MAX_RUBRIC_BYTES)
    parsed = parse_toml(path, data)
    check_header(path, parsed, RUBRIC_FORMAT, FORMAT_VERSION)
    rubric = validate(path, Rubric, parsed)
    return rubric.with_sha256(hashlib.sha256(data).hexdigest())


def check_rubric(path: Path) -> list[str]:
    """Every problem in a rubric file, one `file: location: message` line each."""
    try:
        parsed = parse_toml(path, read_bytes(path, MAX_RUBRIC_BYTES))
        check_header(path, parsed, RUBRIC_FORMAT, FORMAT_VERSION)
    except InputError as exc:
        return [str(exc)]
    try:
        Rubric.model_validate(parsed)
    except ValidationError as exc:
        return [f"{path}: {problem}" for problem in validation_problems(exc)]
    except RecursionError:
        return [f"{path}: nested too deeply"]
    return []


@dataclass(frozen=True)
class RubricEntry:
    """A rubric found on this machine and where it came from."""

    rubric: Rubric
    path: Path
    origin: str


def rubric_folders(data_dir: Path | None) -> list[tuple[str, Path]]:
    """The folders searched for rubrics, the user's own first."""
    folders = [("shipped", shipped_rubrics_dir())]
    if data_dir is not None:
        folders.insert(0, ("yours", data_dir / USER_RUBRICS))
    return folders


def list_rubrics(data_dir: Path | None) -> tuple[list[RubricEntry], list[str]]:
    """The rubrics available by id, and a line for each rubric file that failed to load."""
    entries: dict[str, RubricEntry] = {}
    problems = []
    for origin, folder in reversed(rubric_folders(data_dir)):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                rubric = load_rubric(path)
            except InputError as exc:
                problems.append(str(exc))
                continue
            entries[rubric.id] = RubricEntry(rubric, path, origin)
    return sorted(entries.values(), key=lambda entry: entry.rubric.id), problems


def find_rubric(ref: str | None, data_dir: Path | None) -> Rubric:
    """The rubric named by id or path (the default rubric when None)."""
    ref = ref or DEFAULT_RUBRIC_ID
    candidate = Path(ref).expanduser()
    if candidate.suffix == ".toml" or candidate.exists() or "/" in ref:
        return load_rubric(candidate)
    for _origin, folder in rubric_folders(data_dir):
        path = folder / f"{ref}.toml"
        if path.is_file():
            rubric = load_rubric(path)
            if rubric.id == ref:
                return rubric
    entries, _ = list_rubrics(data_dir)
    for entry in entries:
        if entry.rubric.id == ref:
            return entry.rubric
    known = ", ".join(entry.rubric.id for entry in entries) or "none"
    raise SelfcheckError(f"no rubric with id {ref!r} (known: {known}); give an id or a path")
