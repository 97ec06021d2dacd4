"""Turning encryption on and off for a data folder, one file at a time, so a crash never hurts.

Each file is rewritten in its new form atomically, then its old form is removed: a crash
half-way leaves a folder whose every file opens (both forms of one file hold the same
check-in), and running the same command again finishes the job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.sealed import identity_text, seal, seal_with_passphrase
from selfcheck.formats.toml_reading import MAX_CHECKIN_BYTES, read_bytes
from selfcheck.store.checkin_files import checkins_dir
from selfcheck.store.files import remove_durably, write_atomic, write_new
from selfcheck.store.lock import data_dir_locked, drafts_open_elsewhere
from selfcheck.store.vault import (
    PLAIN_FOLDERS,
    FolderKey,
    Vault,
    all_data_files,
    conversion_unfinished,
    identity_path,
    is_sealed,
    mark_conversion,
    plain_form,
    sealed_form,
    unmark_conversion,
)

if TYPE_CHECKING:
    from pyrage.x25519 import Identity

MAX_DATA_BYTES = MAX_CHECKIN_BYTES
"""Largest data file converted (the largest any reader accepts)."""


@dataclass
class Conversion:
    """How many files were converted, and one line for each left as it was."""

    converted: int = 0
    problems: list[str] = field(default_factory=list)


def create_identity(data_dir: Path, identity: Identity, passphrase: str, vault: Vault) -> None:
    """Make `identity.age`, protected by the passphrase, refusing to replace one that exists.

    The folder is marked as converting first: its plain files are its own until sealed.
    """
    data = seal_with_passphrase(identity_text(identity).encode("utf-8"), passphrase)
    mark_conversion(data_dir)
    write_new(identity_path(data_dir), data)
    vault.remember(data_dir, identity)


def withdraw_identity(data_dir: Path, vault: Vault) -> None:
    """Remove an `identity.age` just made, before any file was sealed to it."""
    remove_durably(identity_path(data_dir))
    unmark_conversion(data_dir)
    vault.forget(data_dir)


def change_passphrase(data_dir: Path, identity: Identity, passphrase: str, vault: Vault) -> None:
    """Rewrite `identity.age` with the same identity behind a new passphrase; the vault holds it."""
    data = seal_with_passphrase(identity_text(identity).encode("utf-8"), passphrase)
    write_atomic(identity_path(data_dir), data)
    vault.remember(data_dir, identity)


def refuse_if_open(data_dir: Path) -> None:
    """Refuse in one line while another selfcheck has a draft of this folder open."""
    if not data_dir.is_dir():
        return
    with data_dir_locked(data_dir):  # its lock file is never a draft's: left alone
        elsewhere = drafts_open_elsewhere(checkins_dir(data_dir))
    if elsewhere:
        raise SelfcheckError(
            f"{elsewhere[0].with_suffix('.toml')}: this draft is open in another selfcheck; "
            "finish or quit there first; nothing was changed"
        )


def remove_leftovers(data_dir: Path) -> int:
    """Delete the temporary files of writes a crash interrupted (never renamed, never read)."""
    removed = 0
    if data_dir.is_dir():
        for leftover in sorted(data_dir.rglob(".*.tmp")):
            if leftover.relative_to(data_dir).parts[0] not in PLAIN_FOLDERS:
                removed += remove_durably(leftover)
    return removed


def seal_folder(data_dir: Path, vault: Vault) -> Conversion:
    """Rewrite every plain data file of an unlocked, encrypted folder in sealed form.

    Run under the data folder's lock: no writer adds a file while the listing is walked.
    Plain files are sealed only while the folder is marked as converting (a new or cut-short
    `encrypt`): in a folder encrypted to the end, one is planted, and named, not sealed.
    """
    key = _key(data_dir, vault)
    result = Conversion()
    remove_leftovers(data_dir)
    converting = conversion_unfinished(data_dir)
    for path in list(all_data_files(data_dir)):
        plain = plain_form(path)
        if is_sealed(path) and (not plain.exists() or _opens(path, vault)):
            remove_durably(plain)  # a crash came between the two steps
            continue
        try:
            if not converting:
                vault.read_data(plain, MAX_DATA_BYTES)  # refuses it, in one line
            data = read_bytes(plain, MAX_DATA_BYTES)
        except SelfcheckError as exc:
            result.problems.append(f"{exc}; left plain")
            continue
        _replace_form(plain, sealed_form(path), seal(data, [key.recipient]), data, vault)
        result.converted += 1
    if converting and not result.problems:
        unmark_conversion(data_dir)
    return result


def open_folder(data_dir: Path, vault: Vault) -> Conversion:
    """Rewrite every sealed data file in plain form; then turn encryption off for the folder.

    While any file cannot be opened, encryption stays on (`identity.age` is kept).
    """
    _key(data_dir, vault)
    result = Conversion()
    remove_leftovers(data_dir)
    mark_conversion(data_dir)
    for path in list(all_data_files(data_dir)):
        if not is_sealed(path):
            continue
        try:
            data = vault.read_data(path, MAX_DATA_BYTES)
        except SelfcheckError as exc:
            result.problems.append(f"{exc}; left encrypted")
            continue
        _replace_form(path, plain_form(path), data, data, vault)
        result.converted += 1
    if not result.problems:
        remove_durably(identity_path(data_dir))
        unmark_conversion(data_dir)
        vault.forget(data_dir)
    return result


def _opens(path: Path, vault: Vault) -> bool:
    """Whether a sealed file opens with the keys held (one sealed to a lost key does not)."""
    try:
        vault.read_data(path, MAX_DATA_BYTES)
    except SelfcheckError:
        return False
    return True


def _replace_form(old: Path, new: Path, payload: bytes, content: bytes, vault: Vault) -> None:
    """Write a file's other form, and remove the old one only once the new one reads back."""
    write_atomic(new, payload)
    if vault.read_data(new, MAX_DATA_BYTES) != content:
        raise SelfcheckError(f"{new}: did not read back as written; {old} was kept")
    remove_durably(old)


def _key(data_dir: Path, vault: Vault) -> FolderKey:
    key = vault.folder_key(data_dir)
    if key is None:
        raise SelfcheckError(f"{data_dir}: this data folder is not encrypted")
    return key


def protect_folder(data_dir: Path, passphrase: str, vault: Vault) -> tuple[str, Conversion]:
    """Turn encryption on: a new key kept under the passphrase, every data file sealed.

    The whole run holds the data folder's lock, as `selfcheck encrypt` does. Returns the
    recovery identity (to show once) and what was sealed.
    """
    from selfcheck.formats.sealed import new_identity

    with data_dir_locked(data_dir):
        refuse_if_open(data_dir)
        identity = new_identity()
        create_identity(data_dir, identity, passphrase, vault)
        return identity_text(identity), seal_folder(data_dir, vault)


def change_unlocked_passphrase(data_dir: Path, passphrase: str, vault: Vault) -> None:
    """Keep the unlocked folder's key under a new passphrase, under the folder's lock."""
    with data_dir_locked(data_dir):
        key = vault.folder_key(data_dir)
        if key is None:
            raise SelfcheckError(f"{data_dir} is not unlocked, so its passphrase cannot change")
        change_passphrase(data_dir, key.identity, passphrase, vault)
