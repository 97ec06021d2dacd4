"""A supervisor's caseload: a folder of received shares, one per practitioner, newest wins."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from selfcheck.formats.errors import InputError
from selfcheck.formats.session import Session
from selfcheck.formats.share import Share
from selfcheck.growth.analysis import overall_mean
from selfcheck.store.sessions import iter_toml_files
from selfcheck.supervision.files import load_share, save_share
from selfcheck.supervision.responding import response_waiting

SUPERVISEES = "supervisees"
"""Folder of the data directory where received shares live, one file per practitioner."""


def supervisees_dir(data_dir: Path) -> Path:
    """The default caseload folder inside a data directory."""
    return data_dir / SUPERVISEES


def share_path(folder: Path, key: str) -> Path:
    """Where the share of the practitioner with this key is kept."""
    return folder / f"{key}.toml"


def newer(share: Share, than: Share) -> bool:
    """True when `share` is the newer of two shares of one practitioner."""
    latest = share.checkins[-1].finished if share.checkins else share.created
    other = than.checkins[-1].finished if than.checkins else than.created
    return (share.created, latest) > (than.created, other)


def import_shares(paths: Iterable[Path], folder: Path) -> tuple[list[str], list[str]]:
    """Validate shares and copy them in (newest of a practitioner wins); lines done and skipped."""
    done: list[str] = []
    problems: list[str] = []
    for path in paths:
        try:
            share = load_share(path)
        except InputError as exc:
            problems.append(str(exc))
            continue
        target = share_path(folder, share.practitioner.key)
        who = share.practitioner.name or share.practitioner.key
        if target.exists():
            try:
                kept = load_share(target)
            except InputError:
                kept = None
            if kept is not None and not newer(share, kept):
                done.append(f"{path}: kept the newer share of {who} already in {folder}")
                continue
        save_share(target, share)
        count = len(share.checkins)
        done.append(f"{path}: imported {who}, {count} check-in{'s' if count != 1 else ''}")
    return done, problems


@dataclass(frozen=True)
class Supervisee:
    """One practitioner of the caseload and what the caseload shows about them."""

    share: Share
    sessions: list[Session]
    path: Path
    waiting: bool

    @property
    def key(self) -> str:
        """The practitioner's key."""
        return self.share.practitioner.key

    @property
    def name(self) -> str:
        """The practitioner's name, or a short form of their key when they gave none."""
        return self.share.practitioner.name or f"unnamed ({self.key[:6]})"

    @property
    def latest(self) -> Session:
        """The newest shared check-in."""
        return self.sessions[-1]

    @property
    def discuss(self) -> int:
        """How many items the latest check-in marks to discuss."""
        return sum(answer.discuss for answer in self.latest.items.values())

    @property
    def overall(self) -> list[float | None]:
        """The overall mean of each shared check-in, oldest first."""
        return [overall_mean(s) for s in self.sessions]

    def days_since(self, today: date) -> int:
        """Days from the latest check-in to `today`."""
        return (today - self.latest.when.date()).days


@dataclass
class Caseload:
    """The practitioners of a caseload folder, by name, and a line for each unreadable file."""

    folder: Path
    people: list[Supervisee] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def find(self, wanted: str) -> Supervisee | None:
        """The one practitioner whose name or key prefix is `wanted`, else None."""
        wanted = wanted.casefold()
        found = [p for p in self.people if p.name.casefold() == wanted or p.key.startswith(wanted)]
        return found[0] if len(found) == 1 else None


def load_caseload(folder: Path) -> Caseload:
    """Read every share in a caseload folder (none when it does not exist yet)."""
    caseload = Caseload(folder)
    if not folder.is_dir():
        return caseload
    for path in iter_toml_files([folder]):
        try:
            share = load_share(path)
        except InputError as exc:
            caseload.problems.append(str(exc))
            continue
        sessions = share.sessions()
        waiting = response_waiting(folder, share.practitioner.key, sessions[-1].id)
        caseload.people.append(Supervisee(share, sessions, path, waiting))
    caseload.people.sort(key=lambda p: (p.name.casefold(), p.key))
    return caseload
