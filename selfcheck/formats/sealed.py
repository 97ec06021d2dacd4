"""The age file format through pyrage: seal to a recipient, open with identities, one-line errors.

Never a cipher of our own: pyrage binds the reference Rust implementation of age
(https://age-encryption.org/v1), so every file selfcheck seals opens with the `age` tool.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from selfcheck.formats.errors import InputError, SelfcheckError
from selfcheck.formats.toml_reading import read_bytes

if TYPE_CHECKING:
    from pyrage.x25519 import Identity, Recipient

AGE_MAGIC = b"age-encryption.org/v1\n"
"""How every binary age file begins."""
AGE_ARMOR = b"-----BEGIN AGE ENCRYPTED FILE-----"
"""How every armored (text) age file begins."""
SEALED_SUFFIX = ".age"
"""Added to the name of a file when it is sealed: `x.toml` becomes `x.toml.age`."""
MAX_IDENTITY_BYTES = 64 * 1024
"""Largest identity file read."""
MAX_OVERHEAD = 4096
"""Bytes age adds to a file besides 16 per 64 KiB chunk (its header), generously rounded up."""
PASSPHRASE_TRIES = 4
"""Times a passphrase file is tried when age finds its work factor too high for this machine.

Before each try age times a tiny scrypt run (about a millisecond) and refuses a file needing
over 16 times the work that timing predicts for a second; a busy machine that pauses selfcheck
in that millisecond makes a sound identity look too costly. The refusal comes before any key
derivation, so trying again costs only the timing.
"""


def looks_sealed(data: bytes) -> bool:
    """Whether bytes are an age file (binary or armored)."""
    return data.startswith(AGE_MAGIC) or data.lstrip().startswith(AGE_ARMOR)


def sealed_limit(max_bytes: int) -> int:
    """The largest sealed file whose content can be at most `max_bytes`."""
    return max_bytes + max_bytes // 65536 * 16 + MAX_OVERHEAD


def new_identity() -> Identity:
    """A fresh X25519 identity."""
    from pyrage import x25519

    return x25519.Identity.generate()


def identity_text(identity: Identity) -> str:
    """An identity in the layout of `age-keygen`, which `age -i` reads."""
    created = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return f"# created: {created}\n# public key: {identity.to_public()}\n{identity}\n"


def parse_recipient(text: str) -> Recipient:
    """An `age1...` recipient, or SelfcheckError in one line."""
    from pyrage import RecipientError, x25519

    try:
        return x25519.Recipient.from_str(text.strip())
    except RecipientError:
        raise SelfcheckError(
            f"{text.strip()[:70]!r} is not an age recipient; ask its owner for the line "
            "`selfcheck keys` prints (age1...)"
        ) from None


def parse_identities(path: Path, data: bytes) -> list[Identity]:
    """The `AGE-SECRET-KEY-` lines of an identity file (comments and blank lines skipped)."""
    from pyrage import IdentityError, x25519

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(path, "is not an age identity file (not UTF-8 text)") from None
    identities = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            identities.append(x25519.Identity.from_str(line))
        except IdentityError:
            raise InputError(
                path, f"line {number} is not an age identity (AGE-SECRET-KEY-...)"
            ) from None
    if not identities:
        raise InputError(path, "holds no age identity (AGE-SECRET-KEY-...)")
    return identities


def seal(data: bytes, recipients: Sequence[Recipient]) -> bytes:
    """`data` as an age file only the holders of `recipients` can open."""
    import pyrage

    return pyrage.encrypt(data, list(recipients))


def open_sealed(path: Path, data: bytes, identities: Sequence[Identity]) -> bytes:
    """The content of an age file, or InputError saying in one line why it cannot be opened."""
    import pyrage

    if not identities:
        raise InputError(
            path,
            "is encrypted and no key to open it was given (its data folder's passphrase, "
            "or --identity FILE)",
        )
    try:
        return pyrage.decrypt(data, list(identities))
    except pyrage.DecryptError as exc:
        if "No matching keys" in str(exc):
            raise InputError(path, "is sealed to another key; this one cannot open it") from None
        raise InputError(path, "is damaged or cut short; it cannot be decrypted") from None


def seal_with_passphrase(data: bytes, passphrase: str) -> bytes:
    """`data` as an age file opened by `passphrase` (age's scrypt recipient)."""
    from pyrage import passphrase as scrypt

    return scrypt.encrypt(data, passphrase)


def open_with_passphrase(path: Path, data: bytes, passphrase: str) -> bytes:
    """The content of a passphrase-protected age file; SelfcheckError when it does not open."""
    from pyrage import DecryptError
    from pyrage import passphrase as scrypt

    if not passphrase:
        raise SelfcheckError(f"{path}: the passphrase is empty; nothing was read")
    for attempt in range(PASSPHRASE_TRIES):
        try:
            return scrypt.decrypt(data, passphrase)
        except DecryptError as exc:
            if "Excessive work" in str(exc):
                time.sleep(0.1 * attempt)  # a busy moment passes
                continue
            if "No matching keys" in str(exc):
                raise InputError(path, "is not protected by a passphrase") from None
            if "Decryption failed" in str(exc):
                raise SelfcheckError(f"{path}: wrong passphrase; nothing was read") from None
            raise InputError(path, "is damaged or cut short; it cannot be decrypted") from None
    raise InputError(
        path,
        "needs more key-derivation work than this computer allows right now (age refuses over "
        "about 16 seconds); try again when it is less busy, or open it on a faster computer",
    )


def load_identities(path: Path, ask_passphrase: Callable[[], str] | None = None) -> list[Identity]:
    """The identities of an age identity file, opening it with a passphrase when it is sealed."""
    data = read_bytes(path, MAX_IDENTITY_BYTES)
    if looks_sealed(data):
        if ask_passphrase is None:
            raise InputError(path, "is protected by a passphrase; give a plain identity file")
        data = open_with_passphrase(path, data, ask_passphrase())
    return parse_identities(path, data)
