"""`identity.age` is made once: an existing one is unlocked, never replaced."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.sealed import new_identity
from selfcheck.store.conversion import create_identity
from selfcheck.store.vault import CONVERSION_MARK, Vault, identity_path


def test_an_existing_identity_is_never_replaced(tmp_path: Path) -> None:
    """A second `create_identity` (a second `encrypt` racing the first) refuses in one line, and
    the first identity still opens with the first passphrase."""
    first = new_identity()
    create_identity(tmp_path, first, "first passphrase", Vault())
    before = identity_path(tmp_path).read_bytes()
    with pytest.raises(SelfcheckError, match="already exists; nothing was replaced"):
        create_identity(tmp_path, new_identity(), "second passphrase", Vault())
    assert identity_path(tmp_path).read_bytes() == before
    assert str(Vault().unlock(tmp_path, "first passphrase").recipient) == str(first.to_public())
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == [CONVERSION_MARK, "identity.age"]  # no temporary file left
