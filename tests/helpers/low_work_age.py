"""Passphrase-protected age files with a low scrypt work factor, so tests unlock in milliseconds.

age's scrypt stanza records its work factor (`-> scrypt SALT LOG_N`), so the shipped code opens
these files unchanged, through pyrage; only the sealing is done here, by the format's spec
(https://age-encryption.org/v1), because pyrage always picks a work factor of about a second.
The tests about the passphrase itself keep the real one (the `real_scrypt` marker).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

LOW_WORK_FACTOR = 10
"""log2 of scrypt's N: about a millisecond, where pyrage's choice is about a second."""
CHUNK = 64 * 1024
"""age's payload chunk size."""


def _b64(data: bytes) -> bytes:
    """age's base64: the standard alphabet without padding."""
    return base64.b64encode(data).rstrip(b"=")


def _hkdf(key: bytes, salt: bytes, info: bytes) -> bytes:
    """HKDF-SHA-256 to 32 bytes, as age derives its header and payload keys."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(key)


def seal_with_low_work(data: bytes, passphrase: str) -> bytes:
    """`data` as an age file opened by `passphrase`, its scrypt work factor 2**LOW_WORK_FACTOR."""
    file_key, salt = os.urandom(16), os.urandom(16)
    wrap_key = hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=b"age-encryption.org/v1/scrypt" + salt,
        n=2**LOW_WORK_FACTOR,
        r=8,
        p=1,
        dklen=32,
    )
    body = ChaCha20Poly1305(wrap_key).encrypt(bytes(12), file_key, None)
    header = (
        b"age-encryption.org/v1\n"
        + b"-> scrypt "
        + _b64(salt)
        + b" %d\n" % LOW_WORK_FACTOR
        + _b64(body)
        + b"\n---"
    )
    mac = hmac.new(_hkdf(file_key, b"", b"header"), header, hashlib.sha256).digest()
    nonce = os.urandom(16)
    payload = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    chunks = [data[start : start + CHUNK] for start in range(0, len(data), CHUNK)] or [b""]
    sealed = [
        payload.encrypt(
            index.to_bytes(11, "big") + (b"\x01" if index == len(chunks) - 1 else b"\x00"),
            chunk,
            None,
        )
        for index, chunk in enumerate(chunks)
    ]
    return header + b" " + _b64(mac) + b"\n" + nonce + b"".join(sealed)
