"""Check-in files (the `sessions` folder): where each check-in lives, saving, loading in bulk."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w

from selfcheck.formats.checkin import CHECKIN_FORMAT, CHECKIN_VERSION, Checkin
from selfcheck.formats.errors import InputError, SelfcheckError
from selfcheck.formats.toml_reading import MAX_CHECKIN_BYTES, folder_problem
from selfcheck.store.vault import Vault, data_files, held

CHECKINS_FOLDER = "sessions"
"""Folder of the data directory holding one TOML file per check-in."""


def checkins_dir(data_dir: Path) -> Path:
    """The folder of check-in files inside a data directory."""
    return data_dir / CHECKINS_FOLDER


def checkin_path(data_dir: Path, checkin_id: str) -> Path:
    """The check-in with this id's file, named in plain form (`vault.stored` finds it on disk)."""
    return checkins_dir(data_dir) / f"{checkin_id}.toml"


def checkin_bytes(checkin: Checkin) -> bytes:
    """A check-in serialized as TOML; SelfcheckError when no reader would take it back (too big)."""
    data = tomli_w.dumps(checkin.to_toml_dict()).encode("utf-8")
    if len(data) > MAX_CHECKIN_BYTES:
        raise SelfcheckError(
            f"check-in {checkin.id}: would be {len(data):,} bytes, over the "
            f"{MAX_CHECKIN_BYTES:,} a check-in may hold; the last change was not kept"
        )
    return data


def save_checkin(data_dir: Path, checkin: Checkin, vault: Vault | None = None) -> Path:
    """Write a check-in atomically and durably to its file (sealed if encrypted); return it."""
    return held(vault).write_data(
        data_dir, checkin_path(data_dir, checkin.id), checkin_bytes(checkin)
    )


def load_checkin(path: Path, vault: Vault | None = None) -> Checkin:
    """Read (opening it if sealed) and validate one check-in file; InputError names the problem."""
    return held(vault).load_model(path, Checkin, CHECKIN_FORMAT, MAX_CHECKIN_BYTES, CHECKIN_VERSION)


def iter_toml_files(paths: Iterable[Path], problems: list[str]) -> Iterator[Path]:
    """Each given file, and the `.toml` (or sealed `.toml.age`) files in given folders.

    A folder that cannot be read adds one line to `problems`.
    """
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        try:
            children = data_files(path)
        except OSError as exc:
            problems.append(folder_problem(path, exc))
            continue
        yield from children


@dataclass
class Loaded:
    """Check-ins that loaded, and one line for each file that did not."""

    checkins: list[Checkin] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    paths: dict[str, Path] = field(default_factory=dict)


def load_checkins(paths: Iterable[Path], vault: Vault | None = None) -> Loaded:
    """Load every check-in file under `paths`, collecting a line per bad file and going on."""
    loaded = Loaded()
    chosen: dict[str, Checkin] = {}
    for path in iter_toml_files(paths, loaded.problems):
        try:
            checkin = load_checkin(path, vault)
        except InputError as exc:
            loaded.problems.append(str(exc))
            continue
        earlier = loaded.paths.get(checkin.id)
        if earlier is not None:
            # A copy (a backup, say) never hides the file named after the check-in's id.
            if path.stem == checkin.id and earlier.stem != checkin.id:
                path, earlier = earlier, path
                chosen[checkin.id] = checkin
                loaded.paths[checkin.id] = earlier
            loaded.problems.append(f"{path}: same check-in id as {earlier}; skipped")
            continue
        chosen[checkin.id] = checkin
        loaded.paths[checkin.id] = path
    loaded.checkins = sorted(chosen.values(), key=lambda s: (s.when, s.id))
    return loaded


def load_data_dir(data_dir: Path, vault: Vault | None = None) -> Loaded:
    """Load the check-ins stored in a data directory (none when it does not exist yet)."""
    folder = checkins_dir(data_dir)
    try:
        present = folder.is_dir()
    except OSError as exc:
        return Loaded(problems=[folder_problem(folder, exc)])
    return load_checkins([folder], vault) if present else Loaded()
