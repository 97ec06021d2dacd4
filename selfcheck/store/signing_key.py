"""The supervisor's own Ed25519 signing key: made once in the data folder, kept private."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Final, Literal

import tomli_w
from pydantic import Field, StrictStr

from selfcheck.formats.fields import _Strict
from selfcheck.formats.signing import fingerprint, new_private_key, public_key_of
from selfcheck.store.lock import data_dir_locked
from selfcheck.store.vault import Vault, held, stored

SIGNING_KEY_FILE = "signing-key.toml"
"""The file of a data folder holding its signing key (sealed, `.toml.age`, when encrypted)."""
SIGNING_KEY_FORMAT: Final = "selfcheck-signing-key"
MAX_SIGNING_KEY_BYTES = 4 * 1024


class SigningKeyFile(_Strict):
    """What `signing-key.toml` holds: the private Ed25519 key, never shown."""

    format: Literal["selfcheck-signing-key"] = SIGNING_KEY_FORMAT
    format_version: Literal[1] = 1
    private_key: Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{64}$", repr=False)]


@dataclass(frozen=True)
class SigningKey:
    """A data folder's signing key: the private half signs, the public half is given out."""

    private_key: str
    public_key: str

    @property
    def fingerprint(self) -> str:
        """The public key's short fingerprint, as the receiver is asked to compare it."""
        return fingerprint(self.public_key)


def signing_key_path(data_dir: Path) -> Path:
    """Where a data folder keeps its signing key (named in plain form)."""
    return data_dir / SIGNING_KEY_FILE


def folder_signing_key(data_dir: Path, vault: Vault | None = None) -> SigningKey:
    """The data folder's signing key, made and saved (privately, sealed when encrypted) once.

    Under the folder's lock, so two runs never make two keys; an existing key is never replaced.
    """
    vault = held(vault)
    plain = signing_key_path(data_dir)
    with data_dir_locked(data_dir):
        found = stored(plain)
        if found is not None:
            kept = vault.load_model(
                found, SigningKeyFile, SIGNING_KEY_FORMAT, MAX_SIGNING_KEY_BYTES
            )
            private = kept.private_key
        else:
            private = new_private_key()
            data = tomli_w.dumps(SigningKeyFile(private_key=private).model_dump()).encode()
            vault.write_data(data_dir, plain, data)
    return SigningKey(private, public_key_of(private))
