"""The per-installation config: name, supervisor, preferences, and the random identity."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Annotated, Literal, get_args

import tomli_w
from pydantic import Field, StrictBool, StrictStr

from selfcheck.formats.checkin import Supervision
from selfcheck.formats.errors import InputError
from selfcheck.formats.fields import KEY_PATTERN, Name, _Strict
from selfcheck.formats.signing import PublicKey
from selfcheck.store.lock import data_dir_locked
from selfcheck.store.vault import Vault, held, stored

CONFIG_FILE = "config.toml"
CONFIG_FORMAT = "selfcheck-config"
MAX_CONFIG_BYTES = 64 * 1024

Interface = Literal["app", "plain"]
"""How a check-in is shown: the full-screen app, or plain lines of text (screen readers)."""
INTERFACES: tuple[str, ...] = get_args(Interface)
Theme = Literal["calm", "high-contrast"]
"""The app's colours: calm (muted), or high contrast (every text at 7:1 or more)."""
THEMES: tuple[str, ...] = get_args(Theme)


class Config(_Strict):
    """Settings kept in `<data dir>/config.toml`."""

    format: StrictStr = CONFIG_FORMAT
    format_version: int = 1
    name: Name = ""
    supervisor: Name = ""
    rubric: StrictStr = ""
    show_last_time: StrictBool = True
    interface: Interface = "app"
    theme: Theme = "calm"
    packet_folder: StrictStr = ""
    """The folder the app last wrote a packet to."""
    supervisor_recipient: StrictStr = ""
    """The supervisor's public key (age1...) that the app seals shares to, once given."""
    program: StrictStr = ""
    """The program the app last sent an anonymous export to."""
    trusted_supervisors: dict[StrictStr, PublicKey] = Field(default_factory=dict)
    """Each supervisor's public signing key, by name, trusted at their first response."""
    # Never part of a repr (so of no traceback, log or message); only the file holds them.
    practitioner_key: Annotated[StrictStr, Field(pattern=KEY_PATTERN, repr=False)] = ""
    pseudonym_secret: Annotated[StrictStr, Field(pattern=r"^([0-9a-f]{64})?$", repr=False)] = ""

    def default_supervision(self) -> Supervision:
        """Supervision details prefilled from the config."""
        return Supervision(supervisor=self.supervisor)


def config_path(data_dir: Path) -> Path:
    """Where the config lives in a data directory."""
    return data_dir / CONFIG_FILE


def load_config(data_dir: Path, vault: Vault | None = None) -> Config:
    """The config, or defaults when there is none yet."""
    plain = config_path(data_dir)
    path = stored(plain) or (plain if os.path.lexists(plain) else None)
    if path is None:
        return Config()
    if path.is_symlink() and not path.exists():
        raise InputError(
            path,
            "is a link to a file that is missing or loops back; restore that file or remove "
            "the link (it holds your identity, so selfcheck will not make a new one over it)",
        )
    return held(vault).load_model(path, Config, CONFIG_FORMAT, MAX_CONFIG_BYTES)


def save_config(data_dir: Path, config: Config, vault: Vault | None = None) -> None:
    """Write the config atomically, private to the owner (sealed if the folder is encrypted)."""
    data = tomli_w.dumps(config.model_dump()).encode("utf-8")
    held(vault).write_data(data_dir, config_path(data_dir), data)


def ensure_identity(data_dir: Path, vault: Vault | None = None) -> Config:
    """The config with its practitioner key and pseudonym secret, made once and saved."""
    with data_dir_locked(data_dir):
        config = load_config(data_dir, vault)
        if config.practitioner_key and config.pseudonym_secret:
            return config
        config = config.model_copy(
            update={
                "practitioner_key": config.practitioner_key or secrets.token_hex(8),
                "pseudonym_secret": config.pseudonym_secret or secrets.token_hex(32),
            }
        )
        save_config(data_dir, config, vault)
        return config


def trust_supervisor(
    data_dir: Path, supervisor: str, public_key: str, vault: Vault | None = None
) -> None:
    """Remember `public_key` as the signing key of the supervisor of that name."""
    with data_dir_locked(data_dir):
        config = load_config(data_dir, vault)
        trusted = config.trusted_supervisors | {supervisor: public_key}
        save_config(data_dir, config.model_copy(update={"trusted_supervisors": trusted}), vault)
