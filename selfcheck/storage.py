"""The data directory: atomic durable private writes, session files, and per-file load errors."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w

from selfcheck.errors import InputError, SelfcheckError
from selfcheck.models import SESSION_FORMAT, Session
from selfcheck.tomlfile import MAX_SESSION_BYTES, load_model

DATA_DIR_ENV = "SELFCHECK_DATA_DIR"
"""Environment variable naming the data directory when `--data-dir` is not given."""
SESSIONS = "sessions"
"""Folder of the data directory holding one TOML file per check-in."""
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def default_data_dir() -> Path:
    """The platform's per-user data directory for selfcheck."""
    from platformdirs import user_data_path

    return user_data_path("selfcheck", appauthor=False)


def resolve_data_dir(explicit: Path | str | None = None) -> Path:
    """The data directory: `--data-dir`, else $SELFCHECK_DATA_DIR, else the platform default."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    return Path(from_env).expanduser() if from_env else default_data_dir()


def ensure_private_dir(path: Path) -> Path:
    """Create a folder and each missing parent as owner-only, whatever the umask.

    Folders that already exist (a user's chosen output folder, say) are left as they are.
    """
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    try:
        for folder in reversed(missing):
            folder.mkdir(mode=PRIVATE_DIR, exist_ok=True)
            os.chmod(folder, PRIVATE_DIR)
    except OSError as exc:
        raise SelfcheckError(f"{path}: cannot create folder ({exc.strerror or exc})") from None
    return path


def _fsync_dir(path: Path) -> None:
    if sys.platform == "win32":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so a crash leaves the old or the new file, never a torn one.

    The bytes go to a private temporary file in the same folder, are flushed and
    fsynced, renamed over the target, and the folder is fsynced so the rename lasts.
    """
    ensure_private_dir(path.parent)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), PRIVATE_FILE)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def write_text_atomic(path: Path, text: str) -> None:
    """Atomically and durably write UTF-8 text, private to the owner."""
    write_atomic(path, text.encode("utf-8"))


def sessions_dir(data_dir: Path) -> Path:
    """The folder of session files inside a data directory."""
    return data_dir / SESSIONS


def session_path(data_dir: Path, session_id: str) -> Path:
    """Where the check-in with this id is stored."""
    return sessions_dir(data_dir) / f"{session_id}.toml"


def session_bytes(session: Session) -> bytes:
    """A session serialized as TOML."""
    return tomli_w.dumps(session.to_toml_dict()).encode("utf-8")


def save_session(data_dir: Path, session: Session) -> Path:
    """Write a check-in atomically and durably to its file; return the path."""
    path = session_path(data_dir, session.id)
    write_atomic(path, session_bytes(session))
    return path


def load_session(path: Path) -> Session:
    """Read and validate one session file, raising InputError naming the file and field."""
    return load_model(path, Session, SESSION_FORMAT, MAX_SESSION_BYTES)


def iter_toml_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Each given file, and the `.toml` files inside each given folder, in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                child
                for child in path.iterdir()
                if child.suffix == ".toml" and not child.name.startswith(".")
            )
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
