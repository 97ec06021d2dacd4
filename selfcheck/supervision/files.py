"""Reading and writing share and response files, with the defensive helpers check-ins use."""

from __future__ import annotations

from pathlib import Path

import tomli_w

from selfcheck.formats.response import RESPONSE_FORMAT, RESPONSE_VERSION, Response
from selfcheck.formats.share import SHARE_FORMAT, SHARE_VERSION, Share
from selfcheck.formats.toml_reading import MAX_RESPONSE_BYTES, MAX_SHARE_BYTES
from selfcheck.store.vault import Vault, held


def share_bytes(share: Share) -> bytes:
    """A share serialized as TOML, leaving out empty optional values."""
    return tomli_w.dumps(share.model_dump(mode="python", exclude_none=True)).encode("utf-8")


def load_share(path: Path, vault: Vault | None = None) -> Share:
    """Read and validate one share file, raising InputError naming the file and field."""
    return held(vault).load_model(path, Share, SHARE_FORMAT, MAX_SHARE_BYTES, SHARE_VERSION)


def save_share(path: Path, share: Share, vault: Vault | None = None) -> Path:
    """Write a share atomically, private to the owner (sealed in an encrypted data folder).

    Returns the file written: `path`, or its sealed form `path.age`.
    """
    return held(vault).write_file(path, share_bytes(share))


def response_bytes(response: Response) -> bytes:
    """A response serialized as TOML, leaving out empty optional parts."""
    return tomli_w.dumps(response.to_toml_dict()).encode("utf-8")


def load_response(path: Path, vault: Vault | None = None) -> Response:
    """Read and validate one response file, raising InputError naming the file and field."""
    return held(vault).load_model(
        path, Response, RESPONSE_FORMAT, MAX_RESPONSE_BYTES, RESPONSE_VERSION
    )


def save_response(path: Path, response: Response, vault: Vault | None = None) -> Path:
    """Write a response atomically, private to the owner (sealed in an encrypted data folder).

    Returns the file written: `path`, or its sealed form `path.age`.
    """
    return held(vault).write_file(path, response_bytes(response))
