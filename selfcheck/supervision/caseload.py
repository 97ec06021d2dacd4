"""A supervisor's caseload: a folder of received shares, one per practitioner, newest wins."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from selfcheck.formats.checkin import Checkin
from selfcheck.formats.errors import InputError
from selfcheck.formats.share import Share
from selfcheck.store.checkin_files import iter_toml_files
from selfcheck.store.vault import Vault, held, stored
from selfcheck.supervision.caseload_index import IndexEntry, read_index, summarize, write_index
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
    return (share.created, share.checkins[-1].finished) > (than.created, than.checkins[-1].finished)


def import_shares(
    paths: Iterable[Path], folder: Path, vault: Vault | None = None
) -> tuple[list[str], list[str]]:
    """Validate shares and copy them in (newest of a practitioner wins); lines done and skipped.

    The caseload's index is brought up to date, so the caseload opens without reading them.
    """
    done: list[str] = []
    problems: list[str] = []
    index = read_index(folder, vault)
    for path in paths:
        try:
            share = load_share(path, vault)
        except InputError as exc:
            problems.append(str(exc))
            continue
        target = share_path(folder, share.practitioner.key)
        who = share.practitioner.name or share.practitioner.key
        found = stored(target)
        if found is not None:
            try:
                kept = load_share(found, vault)
            except InputError:
                kept = None
            if kept is not None and not newer(share, kept):
                done.append(f"{path}: kept the newer share of {who} already in {folder}")
                continue
        written = save_share(target, share, vault)
        index[written.name] = summarize(written, share)
        count = len(share.checkins)
        done.append(f"{path}: imported {who}, {count} check-in{'s' if count != 1 else ''}")
    if done:
        present = {path.name for path in iter_toml_files([folder], problems)}
        kept_entries = [entry for name, entry in index.items() if name in present]
        write_index(folder, kept_entries, vault)
    return done, problems


@dataclass(frozen=True)
class Supervisee:
    """One practitioner's share, read in full: their check-ins, complete, oldest first."""

    share: Share
    checkins: list[Checkin]
    path: Path

    @property
    def name(self) -> str:
        """The practitioner's name, or a short form of their key when they gave none."""
        return self.share.practitioner.name or f"unnamed ({self.share.practitioner.key[:6]})"

    @property
    def latest(self) -> Checkin:
        """The newest shared check-in."""
        return self.checkins[-1]


@dataclass(frozen=True)
class CaseloadRow:
    """One practitioner as the caseload lists them, from the index or a share just read."""

    entry: IndexEntry
    path: Path
    waiting: bool

    @property
    def key(self) -> str:
        """The practitioner's key."""
        return self.entry.key

    @property
    def name(self) -> str:
        """The practitioner's name, or a short form of their key when they gave none."""
        return self.entry.name or f"unnamed ({self.key[:6]})"

    def days_since(self, today: date) -> int:
        """Days from the latest check-in to `today`."""
        return (today - self.entry.latest_when.date()).days

    def open(self, vault: Vault | None = None) -> Supervisee:
        """Read the share in full (InputError when it can no longer be read)."""
        share = load_share(self.path, vault)
        return Supervisee(share, share.as_checkins(), self.path)


@dataclass
class Caseload:
    """The practitioners of a caseload folder, by name, and a line for each unreadable file."""

    folder: Path
    people: list[CaseloadRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    vault: Vault = field(default_factory=Vault)
    """The keys the caseload's shares and responses were read with."""

    def matching(self, wanted: str) -> list[CaseloadRow]:
        """The practitioners `wanted` names: by their whole name, else by the start of their
        name or key (case aside). More than one means `wanted` is ambiguous."""
        wanted = wanted.strip().casefold()
        if not wanted:
            return []
        named = [p for p in self.people if p.name.casefold() == wanted]
        return named or [
            p
            for p in self.people
            if p.name.casefold().startswith(wanted) or p.key.casefold().startswith(wanted)
        ]


def load_caseload(folder: Path, vault: Vault | None = None) -> Caseload:
    """The caseload of a folder: from its index where it is fresh, else from each share."""
    caseload = Caseload(folder, vault=held(vault))
    if not folder.is_dir():
        return caseload
    index = read_index(folder, caseload.vault)
    for path in iter_toml_files([folder], caseload.problems):
        entry = index.get(path.name)
        try:
            if entry is None or not entry.fresh(path.stat()):
                entry = summarize(path, load_share(path, caseload.vault))
        except InputError as exc:
            caseload.problems.append(str(exc))
            continue
        except OSError as exc:
            caseload.problems.append(f"{path}: cannot be read ({exc.strerror or exc})")
            continue
        waiting = response_waiting(folder, entry.key, entry.latest_id, caseload.vault)
        caseload.people.append(CaseloadRow(entry, path, waiting))
    caseload.people.sort(key=lambda p: (p.name.casefold(), p.key))
    return caseload
