"""Ed25519 signatures: signing canonical bytes, checking them, and a key's short fingerprint."""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any

from pydantic import Field, StrictStr

from selfcheck.formats.errors import SelfcheckError

PUBLIC_KEY_PATTERN = r"^[0-9a-f]{64}$"
"""A public Ed25519 key as a file holds it: 32 bytes in lowercase hexadecimal."""
PublicKey = Annotated[StrictStr, Field(pattern=PUBLIC_KEY_PATTERN)]
"""A public Ed25519 key in a file: 64 lowercase hexadecimal digits."""
FINGERPRINT_GROUPS = 5
"""A fingerprint shows 5 groups of 4 hexadecimal digits (80 bits of the key's sha256)."""


def canonical_bytes(content: dict[str, Any]) -> bytes:
    """The one byte form of JSON-ready content that is signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def new_private_key() -> str:
    """A fresh Ed25519 private key (its 32-byte seed) in hexadecimal."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    key = Ed25519PrivateKey.generate()
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()).hex()


def public_key_of(private_key: str) -> str:
    """The public key, in hexadecimal, of a private key in hexadecimal."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(private_key))
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def sign(private_key: str, content: bytes) -> str:
    """The Ed25519 signature of `content`, in hexadecimal."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(private_key)).sign(content).hex()


def signature_holds(public_key: str, signature: str, content: bytes) -> bool:
    """Whether `signature` (hexadecimal) was made over `content` by the key `public_key`."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key))
        key.verify(bytes.fromhex(signature), content)
    except (InvalidSignature, ValueError):
        return False
    return True


def fingerprint(public_key: str) -> str:
    """A public key's short fingerprint to compare by eye or voice: `3f9c-2a7b-1d4e-5f60-a1b2`."""
    digest = hashlib.sha256(bytes.fromhex(public_key)).hexdigest()
    return "-".join(digest[i : i + 4] for i in range(0, 4 * FINGERPRINT_GROUPS, 4))


def parse_fingerprint(text: str) -> str:
    """A fingerprint as typed (any case, with or without `-` or spaces) in its shown form."""
    digits = "".join(char for char in text.strip().lower() if char not in "- :")
    if len(digits) != 4 * FINGERPRINT_GROUPS or any(c not in "0123456789abcdef" for c in digits):
        raise SelfcheckError(
            f"{text.strip()[:40]!r} is not a key fingerprint like 3f9c-2a7b-1d4e-5f60-a1b2"
        )
    return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))
