"""Encryption at rest: the one door every data file of a folder goes through, plain or sealed.

A data folder is encrypted when `<data dir>/identity.age` exists: an age identity protected
by the passphrase (age's scrypt recipient). Every data file is then `NAME.toml.age`, sealed
to that identity's recipient, so the passphrase is derived once per run (`Vault.unlock`) and a save
costs one X25519 encryption. Bytes are sealed in memory before the atomic write, so no
plaintext ever reaches the disk, not even in a temporary file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel

from selfcheck.formats.errors import InputError, SelfcheckError
from selfcheck.formats.sealed import (
    MAX_IDENTITY_BYTES,
    SEALED_SUFFIX,
    looks_sealed,
    open_sealed,
    open_with_passphrase,
    parse_identities,
    seal,
    sealed_limit,
)
from selfcheck.formats.toml_reading import parse_model, read_bytes
from selfcheck.store.files import remove_durably, write_atomic
from selfcheck.store.lock import DATA_DIR_LOCK, data_dir_locked

if TYPE_CHECKING:
    from pyrage.x25519 import Identity, Recipient

IDENTITY_FILE = "identity.age"
"""The passphrase-protected identity whose presence makes a data folder encrypted."""
CONVERSION_MARK = ".selfcheck-converting"
"""Present while `encrypt` or `decrypt` rewrites a folder's files (and after one was cut short).

Only then may an encrypted folder hold data files in plain form: any other plain data file
there was not written by selfcheck (planted), and is named and never read.
"""
PLAIN_FOLDERS = frozenset({"rubrics"})
"""Folders of a data folder that hold published texts, not personal data: never sealed."""
DATA_SUFFIXES = (".toml", ".sent")
"""Data files are TOML (a response as last sent ends `.sent`); sealed, `.toml.age`, `.sent.age`."""

ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True)
class FolderKey:
    """An unlocked data folder's identity and the recipient its files are sealed to."""

    identity: Identity
    recipient: Recipient


def identity_path(data_dir: Path) -> Path:
    """Where a data folder keeps its passphrase-protected identity."""
    return data_dir / IDENTITY_FILE


def is_encrypted(data_dir: Path) -> bool:
    """Whether encryption is on for a data folder; one line when the folder cannot be read."""
    try:
        return identity_path(data_dir).exists()
    except OSError as exc:  # never taken for plain: that could write a note unsealed
        raise InputError(data_dir, f"folder cannot be read ({exc.strerror or exc})") from None


def conversion_unfinished(data_dir: Path) -> bool:
    """Whether a conversion of the folder began and has not finished (its files in both forms)."""
    return (data_dir / CONVERSION_MARK).exists()


def mark_conversion(data_dir: Path) -> None:
    """Say durably, before a conversion writes anything, that the folder's files change form."""
    write_atomic(data_dir / CONVERSION_MARK, b"")


def unmark_conversion(data_dir: Path) -> None:
    """Say durably that every file of the folder is in its one form again."""
    remove_durably(data_dir / CONVERSION_MARK)


def sealed_form(path: Path) -> Path:
    """The sealed name of a data file: `x.toml` -> `x.toml.age`."""
    return path if is_sealed(path) else path.with_name(path.name + SEALED_SUFFIX)


def plain_form(path: Path) -> Path:
    """The plain name of a data file: `x.toml.age` -> `x.toml`."""
    return path.with_name(path.name.removesuffix(SEALED_SUFFIX))


def is_sealed(path: Path) -> bool:
    """Whether a data file's name says it is sealed."""
    return path.name.endswith(SEALED_SUFFIX)


def stored(path: Path) -> Path | None:
    """The file on disk for a data file named in plain form: sealed first, or None."""
    sealed = sealed_form(path)
    if os.path.exists(sealed):
        return sealed
    return path if os.path.exists(path) else None


def governing_folder(path: Path) -> Path | None:
    """The data folder a file lies in (an ancestor encrypted or locked by selfcheck), if any."""
    for folder in path.absolute().parents:
        if is_encrypted(folder) or (folder / DATA_DIR_LOCK).exists():
            return folder
    return None


def data_files(
    folder: Path, suffixes: tuple[str, ...] = (".toml",), *, hidden: bool = False
) -> list[Path]:
    """The data files directly in a folder, in name order: one per name, the sealed form first.

    Hidden ones (a caseload's index) only when `hidden`: a conversion must seal them too.
    """
    names: dict[str, Path] = {}
    for child in folder.iterdir():
        plain = child.name.removesuffix(SEALED_SUFFIX)
        if (child.name.startswith(".") and not hidden) or not plain.endswith(suffixes):
            continue
        if plain not in names or is_sealed(child):
            names[plain] = child
    return [names[name] for name in sorted(names)]


def all_data_files(data_dir: Path) -> Iterator[Path]:
    """Every data file of a data folder, in every folder but the published texts'."""
    if not data_dir.is_dir():
        return
    yield from data_files(data_dir, DATA_SUFFIXES, hidden=True)
    for child in sorted(data_dir.iterdir()):
        if child.is_dir() and not child.is_symlink() and child.name not in PLAIN_FOLDERS:
            yield from _under(child)


def _under(folder: Path) -> Iterator[Path]:
    yield from data_files(folder, DATA_SUFFIXES, hidden=True)
    for child in sorted(folder.iterdir()):
        if child.is_dir() and not child.is_symlink():
            yield from _under(child)


class Vault:
    """The identities one run holds: every read and write of a data file goes through it.

    A new vault holds no key, so it reads and writes plain folders only; `unlock` (the
    passphrase, derived once) and `add_identities` (`--identity FILE`) give it keys.
    """

    def __init__(self) -> None:
        self._unlocked: dict[Path, FolderKey] = {}
        """The folders unlocked in this run, by path as given and resolved."""
        self._given: list[Identity] = []
        """Identities given for this run (`--identity FILE`) to open files sealed to them."""

    def needs_unlock(self, data_dir: Path) -> bool:
        """Whether a data folder is encrypted and its passphrase not yet given to this vault."""
        return is_encrypted(data_dir) and data_dir.resolve() not in self._unlocked

    def unlock(self, data_dir: Path, passphrase: str) -> FolderKey:
        """Open the folder's identity with the passphrase and hold it.

        Raises SelfcheckError in one line on a wrong or empty passphrase or a damaged identity.
        """
        path = identity_path(data_dir)
        data = open_with_passphrase(path, read_bytes(path, MAX_IDENTITY_BYTES), passphrase)
        return self.remember(data_dir, parse_identities(path, data)[0])

    def remember(self, data_dir: Path, identity: Identity) -> FolderKey:
        """Hold a folder's identity."""
        key = FolderKey(identity, identity.to_public())
        self._unlocked[data_dir.resolve()] = key
        self._unlocked[data_dir] = key  # found without resolving the path again on each save
        return key

    def add_identities(self, identities: list[Identity]) -> None:
        """Open files sealed to these identities too."""
        self._given.extend(identities)

    def forget(self, data_dir: Path) -> None:
        """Drop one folder's identity (its encryption was turned off)."""
        key = self._unlocked.pop(data_dir.resolve(), None)
        for folder in [folder for folder, held in self._unlocked.items() if held is key]:
            del self._unlocked[folder]

    def folder_key(self, data_dir: Path) -> FolderKey | None:
        """The key a folder's files are sealed to: None when it is plain.

        Raises SelfcheckError when the folder is encrypted but not unlocked in this vault.
        """
        if not is_encrypted(data_dir):
            return None
        key = self._unlocked.get(data_dir) or self._unlocked.get(data_dir.resolve())
        if key is None:
            raise SelfcheckError(
                f"{data_dir}: this data folder is encrypted and was not unlocked in this "
                "selfcheck (was it encrypted while this one was open?); nothing was saved: "
                "quit and reopen"
            )
        return key

    def read_data(self, path: Path, max_bytes: int) -> bytes:
        """The content of a file, opening a sealed one with the identities held.

        Raises InputError for a plain data file in an unlocked encrypted folder that is not
        half-way through a conversion: selfcheck never wrote it, so it is not read.
        """
        data = read_bytes(path, sealed_limit(max_bytes) if is_sealed(path) else max_bytes)
        if looks_sealed(data):
            return self.unseal(path, data, max_bytes)
        if self._planted(path):
            raise InputError(
                path,
                "is a plain file in an encrypted data folder, where selfcheck writes only "
                "sealed ones (someone else put it there?); not read, remove it or move it out",
            )
        return data

    def _planted(self, path: Path) -> bool:
        """Whether a plain file lies among the data of an unlocked, fully encrypted folder."""
        for folder in self._unlocked:
            if path.is_relative_to(folder):
                inside = path.relative_to(folder).parts
                return (
                    len(inside) > 0
                    and inside[0] not in PLAIN_FOLDERS
                    and is_encrypted(folder)
                    and not conversion_unfinished(folder)
                )
        return False

    def unseal(self, path: Path, data: bytes, max_bytes: int) -> bytes:
        """The content of a sealed file's bytes, opened with the identities held."""
        held = {id(key): key.identity for key in self._unlocked.values()}  # a folder is held twice
        data = open_sealed(path, data, [*held.values(), *self._given])
        if len(data) > max_bytes:
            raise InputError(path, f"holds over {max_bytes:,} bytes, the limit; not read")
        return data

    def load_model(
        self, path: Path, model: type[ModelT], format_name: str, max_bytes: int, supported: int = 1
    ) -> ModelT:
        """Read (opening it if sealed), parse, check the header of and validate one data file."""
        return parse_model(path, self.read_data(path, max_bytes), model, format_name, supported)

    def write_data(self, data_dir: Path, path: Path, data: bytes) -> Path:
        """Write a data file (named in plain form) of `data_dir` in the folder's form; return it.

        Under the data folder's lock, so no conversion runs between choosing the form and
        writing. Sealed in memory before the atomic write when the folder is encrypted; the
        file's other form, left by a conversion, is removed once the new one is durable.
        """
        with data_dir_locked(data_dir):
            return _write_form(self.folder_key(data_dir), path, data)

    def write_file(self, path: Path, data: bytes) -> Path:
        """Write a data file (named in plain form), sealed when in an encrypted data folder."""
        folder = governing_folder(path)
        return (
            _write_form(None, path, data) if folder is None else self.write_data(folder, path, data)
        )


def _write_form(key: FolderKey | None, path: Path, data: bytes) -> Path:
    if key is None:
        target, other, payload = path, sealed_form(path), data
    else:
        target, other, payload = sealed_form(path), path, seal(data, [key.recipient])
    write_atomic(target, payload)
    remove_durably(other)
    return target


def held(vault: Vault | None) -> Vault:
    """The vault given, or an empty one (plain files only) when a caller holds no keys."""
    return vault if vault is not None else Vault()
