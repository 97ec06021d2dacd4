"""Loading and validating rubrics: the shipped ones, a user's own, or any file by path."""

from __future__ import annotations

import glob
import hashlib
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from selfcheck.formats.checkin import RubricRef
from selfcheck.formats.errors import InputError, SelfcheckError
from selfcheck.formats.fields import FORMAT_VERSION
from selfcheck.formats.rubric import RUBRIC_FORMAT, Rubric
from selfcheck.formats.rubric_versions import version_key
from selfcheck.formats.toml_reading import (
    MAX_RUBRIC_BYTES,
    check_header,
    parse_model,
    parse_toml,
    read_bytes,
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
    rubric = parse_model(path, data, Rubric, RUBRIC_FORMAT, FORMAT_VERSION)
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


VERSION_SEPARATOR = "@"
"""Names one version of a rubric: `alliance-code-of-ethics@1.0.0`."""


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


def _entries(
    data_dir: Path | None, rubric_id: str | None, problems: list[str] | None
) -> list[RubricEntry]:
    """Every rubric file of the folders (those named after `rubric_id` when given), yours first.

    A file that fails to load is added to `problems`, or raised when `problems` is None.
    """
    entries = []
    for origin, folder in rubric_folders(data_dir):
        if not folder.is_dir():
            continue
        if rubric_id is None:
            paths = sorted(folder.glob("*.toml"))
        else:
            named = folder / f"{rubric_id}.toml"
            paths = [named] if named.is_file() else []
            paths += sorted(folder.glob(f"{glob.escape(rubric_id)}-*.toml"))
        for path in paths:
            try:
                rubric = load_rubric(path)
            except InputError as exc:
                if problems is None:
                    raise
                problems.append(str(exc))
                continue
            if rubric_id is None or rubric.id == rubric_id:
                entries.append(RubricEntry(rubric, path, origin))
    return entries


def _newest_first(entries: list[RubricEntry]) -> list[RubricEntry]:
    """One entry per id and version (yours before the shipped one), newest version first."""
    unique: dict[tuple[str, str], RubricEntry] = {}
    for entry in entries:
        unique.setdefault((entry.rubric.id, entry.rubric.version), entry)
    return sorted(unique.values(), key=lambda e: version_key(e.rubric.version), reverse=True)


def list_rubrics(data_dir: Path | None) -> tuple[list[RubricEntry], list[str]]:
    """Every rubric version available, by id then version, and a line per file that failed."""
    problems: list[str] = []
    entries = _newest_first(_entries(data_dir, None, problems))
    entries.sort(key=lambda e: (e.rubric.id, version_key(e.rubric.version)))
    return entries, problems


def _entries_of(rubric_id: str, data_dir: Path | None) -> list[RubricEntry]:
    """The files of one rubric id: those named after it, else any file with that id."""
    entries = _entries(data_dir, rubric_id, None)
    return entries or [e for e in _entries(data_dir, None, []) if e.rubric.id == rubric_id]


def rubric_versions(rubric_id: str, data_dir: Path | None) -> list[Rubric]:
    """Every version of one rubric available here, oldest first (none when the id is unknown)."""
    return [entry.rubric for entry in reversed(_newest_first(_entries_of(rubric_id, data_dir)))]


def find_rubric(ref: str | None, data_dir: Path | None) -> Rubric:
    """The rubric named by path, `id`, or `id@version`: an id alone means its newest version."""
    ref = ref or DEFAULT_RUBRIC_ID
    candidate = Path(ref).expanduser()
    if candidate.suffix == ".toml" or candidate.exists() or "/" in ref:
        return load_rubric(candidate)
    rubric_id, _, version = ref.partition(VERSION_SEPARATOR)
    if not version and (newest := _newest_by_file_name(rubric_id, data_dir)) is not None:
        return newest
    versions = rubric_versions(rubric_id, data_dir)
    if not versions:
        entries, _ = list_rubrics(data_dir)
        known = ", ".join(dict.fromkeys(entry.rubric.id for entry in entries)) or "none"
        raise SelfcheckError(
            f"no rubric with id {rubric_id!r} (known: {known}); give an id or a path"
        )
    if not version:
        return versions[-1]
    for rubric in versions:
        if rubric.version == version:
            return rubric
    known = ", ".join(rubric.version for rubric in versions)
    raise SelfcheckError(f"rubric {rubric_id!r} has no version {version!r} here (known: {known})")


def _newest_by_file_name(rubric_id: str, data_dir: Path | None) -> Rubric | None:
    """The newest version read from `<id>-<version>.toml` names alone, loading one file.

    None when a folder has a plain `<id>.toml` or the file does not hold what its name says:
    then every file is read. Start-up reads one rubric instead of every version.
    """
    candidates = []
    for rank, (_origin, folder) in enumerate(reversed(rubric_folders(data_dir))):
        if (folder / f"{rubric_id}.toml").is_file():
            return None
        for path in folder.glob(f"{glob.escape(rubric_id)}-*.toml"):
            version = path.stem[len(rubric_id) + 1 :]
            candidates.append((version_key(version), rank, version, path))
    if not candidates:
        return None
    _key, _rank, version, path = max(candidates)
    rubric = load_rubric(path)
    return rubric if (rubric.id, rubric.version) == (rubric_id, version) else None


def rubric_for_ref(ref: RubricRef, data_dir: Path | None) -> Rubric | None:
    """The text a check-in was rated against: same sha256, else same version, else the newest.

    None when no version of the rubric is available here. Compare the result's `sha256`
    with the reference to tell the exact text from a stand-in.
    """
    try:
        entries = _entries_of(ref.id, data_dir)
    except InputError:
        return None
    exact = [entry.rubric for entry in entries if entry.rubric.sha256 == ref.sha256]
    versions = [entry.rubric for entry in reversed(_newest_first(entries))]
    same = [rubric for rubric in versions if rubric.version == ref.version]
    chosen = exact or same or versions
    return chosen[-1] if chosen else None
