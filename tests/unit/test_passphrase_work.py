"""A passphrase file whose work factor age refuses on this machine is never called damaged."""

from __future__ import annotations

from pathlib import Path

import pyrage
import pytest
from helpers.low_work_age import seal_with_low_work
from pyrage import passphrase as scrypt

from selfcheck.formats.errors import InputError
from selfcheck.formats.sealed import open_with_passphrase


def with_work_factor(sealed: bytes, log_n: int) -> bytes:
    """The same age file with the work factor its scrypt stanza records set to `log_n`."""
    header, rest = sealed.split(b"\n", 2)[1], sealed.split(b"\n", 2)[2]
    stanza = header.rsplit(b" ", 1)[0] + b" %d" % log_n
    return b"age-encryption.org/v1\n" + stanza + b"\n" + rest


def test_a_work_factor_too_high_for_this_machine_says_so(tmp_path: Path) -> None:
    """age refuses 2**40 rounds anywhere: the line names the work, not a damaged file."""
    costly = with_work_factor(seal_with_low_work(b"secret\n", "pass"), 40)
    with pytest.raises(InputError) as raised:
        open_with_passphrase(tmp_path / "identity.age", costly, "pass")
    message = str(raised.value)
    assert "damaged" not in message
    assert "identity.age" in message and "more key-derivation work" in message


def test_a_refusal_in_a_busy_moment_is_tried_again(monkeypatch, tmp_path: Path) -> None:
    """age times scrypt before each try; a pause in that moment refuses once, then it opens."""
    sealed = seal_with_low_work(b"secret\n", "pass")
    real_decrypt, calls = scrypt.decrypt, []

    def busy_once(data: bytes, passphrase: str) -> bytes:
        calls.append(data)
        if len(calls) == 1:
            raise pyrage.DecryptError("Excessive work parameter for passphrase.")
        return real_decrypt(data, passphrase)

    monkeypatch.setattr(scrypt, "decrypt", busy_once)
    assert open_with_passphrase(tmp_path / "identity.age", sealed, "pass") == b"secret\n"
    assert len(calls) == 2
