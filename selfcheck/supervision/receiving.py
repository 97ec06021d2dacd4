"""Receiving a supervisor's response: checked against one's own check-ins and the
supervisor's trusted signing key, then kept."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from selfcheck.formats.errors import InputError
from selfcheck.formats.printable import one_line
from selfcheck.formats.response import Response
from selfcheck.formats.signing import fingerprint
from selfcheck.store.checkin_files import Loaded, iter_toml_files
from selfcheck.store.config import Config, trust_supervisor
from selfcheck.store.vault import Vault, stored
from selfcheck.supervision.files import load_response, save_response

Trust = Literal["trusted", "new", "other-key", "unsigned", "changed"]
"""What a response's signature says: by the trusted key, by a supervisor not trusted yet,
by another key than the trusted one, not signed, or changed since it was signed."""

RECEIVED = "responses"
"""Folder of the data directory holding received responses, one per check-in."""


def received_dir(data_dir: Path) -> Path:
    """Where received responses live in a data directory."""
    return data_dir / RECEIVED


def check_response(path: Path, response: Response, loaded: Loaded, key: str) -> None:
    """Refuse, in one line, a response that is not for one of these check-ins."""
    checkin = next((s for s in loaded.checkins if s.id == response.checkin), None)
    if checkin is None or not checkin.complete:
        raise InputError(
            path, f"checkin: {response.checkin} is not one of your complete check-ins; not received"
        )
    if response.practitioner_key not in {key, checkin.practitioner.key}:
        raise InputError(
            path, "practitioner_key: this response is for another practitioner; not received"
        )
    if response.rubric_sha256 != checkin.rubric.sha256:
        raise InputError(
            path,
            "rubric_sha256: the response was given on another text of the rubric; not received",
        )


def signature_trust(response: Response, config: Config) -> Trust:
    """What the response's signature says, given the supervisors' keys trusted so far."""
    signature = response.signature
    if signature is None:
        return "unsigned"
    if not response.signature_holds:
        return "changed"
    trusted = config.trusted_supervisors.get(response.supervisor)
    if trusted is None:
        return "new"
    return "trusted" if trusted == signature.key else "other-key"


@dataclass(frozen=True)
class IncomingResponse:
    """A response file read and checked against one's check-ins, not yet kept."""

    path: Path
    response: Response
    trust: Trust
    trusted_key: str
    """The key trusted for this supervisor so far ("" when none)."""

    @property
    def supervisor(self) -> str:
        """The supervisor's name, on one line, for what is said."""
        return one_line(self.response.supervisor, 60) or "your supervisor"

    @property
    def fingerprint(self) -> str:
        """The fingerprint of the key the response is signed with ("" when unsigned)."""
        signature = self.response.signature
        return fingerprint(signature.key) if signature is not None else ""

    def refusal(self) -> str:
        """Why the response is not received as verified, in words, for one line."""
        unverified = "not received (`--unverified` keeps it, never counted in your hours)"
        if self.trust == "unsigned":
            return f"signature: the response is not signed (an older selfcheck?); {unverified}"
        if self.trust == "changed":
            return f"signature: the response was changed after it was signed; {unverified}"
        if self.trust == "other-key":
            return (
                f"signature: signed with key {self.fingerprint}, not the key you trust for "
                f"{self.supervisor} ({fingerprint(self.trusted_key)}); {unverified}"
            )
        return (
            f"signature: first response signed by {self.supervisor}, key fingerprint "
            f"{self.fingerprint}; not received. Compare it with their `selfcheck keys`, "
            f"then receive it with --trust {self.fingerprint}"
        )


def kept_response(data_dir: Path, checkin_id: str, vault: Vault | None = None) -> Response | None:
    """The response kept for a check-in, if one is kept and readable."""
    path = stored(received_dir(data_dir) / f"{checkin_id}.toml")
    try:
        return load_response(path, vault) if path is not None else None
    except InputError:
        return None


def check_not_replayed(
    path: Path, response: Response, kept: Response | None, trusted: Mapping[str, str]
) -> None:
    """Refuse, with both dates, a response older than the verified one kept for its check-in
    (an unverified one's date proves nothing, so it never holds a genuine response back)."""
    if kept is None or not kept.verified_by(trusted):
        return
    if kept.written is None or response.written is None:
        return
    if response.written < kept.written:
        raise InputError(
            path,
            f"written: this response is from {response.written.isoformat()}, older than the "
            f"one kept for check-in {response.checkin} ({kept.written.isoformat()}); "
            "not received",
        )


def open_response(
    path: Path, data_dir: Path, loaded: Loaded, config: Config, vault: Vault | None = None
) -> IncomingResponse:
    """Read a response file, check it answers one of these check-ins and is not older than
    the response kept, and say what its signature is worth."""
    response = load_response(path, vault)
    check_response(path, response, loaded, config.practitioner_key)
    kept = kept_response(data_dir, response.checkin, vault)
    check_not_replayed(path, response, kept, config.trusted_supervisors)
    trusted = config.trusted_supervisors.get(response.supervisor, "")
    return IncomingResponse(path, response, signature_trust(response, config), trusted)


@dataclass(frozen=True)
class Received:
    """A response kept: where, and whether it is verified (counted in the hours)."""

    response: Response
    path: Path
    verified: bool


def keep_response(
    incoming: IncomingResponse,
    data_dir: Path,
    config: Config,
    vault: Vault | None = None,
    *,
    trust: bool = False,
    unverified: bool = False,
) -> Received:
    """Keep a response: verified when signed by the trusted key, or by a key the person
    chose to `trust` now (remembered for that supervisor); else only when `unverified`.

    A verified response kept for the check-in is never replaced by an unverified one.
    """
    response = incoming.response
    signed_by = response.signature.key if response.signature is not None else ""
    verified = incoming.trust == "trusted" or (trust and incoming.trust in ("new", "other-key"))
    if not verified:
        if not unverified:
            raise InputError(incoming.path, incoming.refusal())
        kept = kept_response(data_dir, response.checkin, vault)
        if kept is not None and kept.verified_by(config.trusted_supervisors):
            raise InputError(
                incoming.path,
                f"signature: a verified response from {incoming.supervisor} is kept for "
                f"check-in {response.checkin}; an unverified one does not replace it",
            )
    elif incoming.trust != "trusted":
        trust_supervisor(data_dir, response.supervisor, signed_by, vault)
    path = save_response(received_dir(data_dir) / f"{response.checkin}.toml", response, vault)
    return Received(response, path, verified)


def response_to(checkin_file: Path, checkin_id: str, vault: Vault | None = None) -> Response | None:
    """The received response to a check-in stored at `session_file`, if one is kept.

    A check-in lives in `<data dir>/sessions/`, its response in `<data dir>/responses/`.
    """
    path = stored(received_dir(checkin_file.parent.parent) / f"{checkin_id}.toml")
    try:
        return load_response(path, vault) if path is not None else None
    except InputError:
        return None


def load_received(
    data_dir: Path, vault: Vault | None = None
) -> tuple[dict[str, Response], list[str]]:
    """Received responses by check-in id, and a line for each file that could not be read."""
    folder = received_dir(data_dir)
    responses: dict[str, Response] = {}
    problems: list[str] = []
    if not folder.is_dir():
        return responses, problems
    for path in iter_toml_files([folder], problems):
        try:
            response = load_response(path, vault)
        except InputError as exc:
            problems.append(str(exc))
            continue
        responses[response.checkin] = response
    return responses, problems
