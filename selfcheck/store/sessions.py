"""Session files in a data directory: where each check-in lives, saving, and loading in bulk."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w

from selfcheck.formats.errors import InputError
from selfcheck.formats.session import SESSION_FORMAT, Session
from selfcheck.formats.toml_reading import MAX_SESSION_BYTES
from selfcheck.store.vault import data_files, load_model, write_data

SESSIONS = "sessions"
"""Folder of the data directory holding one TOML file per check-in."""


def sessions_dir(data_dir: Path) -> Path:
    """The folder of session files inside a data directory."""
    return data_dir / SESSIONS


def session_path(data_dir: Path, session_id: str) -> Path:
    """The check-in with this id's file, named in plain form (`vault.stored` finds it on disk)."""
    return sessions_dir(data_dir) / f"{session_id}.toml"


def session_bytes(session: Session) -> bytes:
    """A session serialized as TOML."""
    return tomli_w.dumps(session.to_toml_dict()).encode("utf-8")


def save_session(data_dir: Path, session: Session) -> Path:
    """Write a check-in atomically and durably to its file (sealed if encrypted); return it."""
    return write_data(data_dir, session_path(data_dir, session.id), session_bytes(session))


def load_session(path: Path) -> Session:
    """Read (opening it if sealed) and validate one session file; InputError names the problem."""
    return load_model(path, Session, SESSION_FORMAT, MAX_SESSION_BYTES)


def iter_toml_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Each given file, and the `.toml` (or sealed `.toml.age`) files in given folders."""
    for path in paths:
        if path.is_dir():
            yield from data_files(path)
        else:
            yield path


@dataclass
class Loaded:
    """Sessions that loaded, and one line for each file that did not."""

    sessions: list[Session] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    paths: dict[str, Path] = field(default_factory=dict)


def load_sessions(paths: Iterable[Path]) -> Loaded:
    """Load every session file under `paths`, collecting a line per bad file and going on."""
    loaded = Loaded()
    for path in iter_toml_files(paths):
        try:
            session = load_session(path)
        except InputError as exc:
            loaded.problems.append(str(exc))
            continue
        if session.id in loaded.paths:
            loaded.problems.append(
                f"{path}: same check-in id as {loaded.paths[session.id]}; skipped"
            )
            continue
        loaded.sessions.append(session)
        loaded.paths[session.id] = path
    loaded.sessions.sort(key=lambda s: (s.when, s.id))
    return loaded


def load_data_dir(data_dir: Path) -> Loaded:
    """Load the check-ins stored in a data directory (none when it does not exist yet)."""
    folder = sessions_dir(data_dir)
    return load_sessions([folder]) if folder.is_dir() else Loaded()
