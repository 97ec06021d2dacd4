"""Receiving a supervisor's response: checked against one's own check-ins, then kept."""

from __future__ import annotations

from pathlib import Path

from selfcheck.formats.errors import InputError
from selfcheck.formats.response import Response
from selfcheck.store.checkin_files import Loaded, iter_toml_files
from selfcheck.store.vault import Vault, stored
from selfcheck.supervision.files import load_response, save_response

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


def receive(
    path: Path, data_dir: Path, loaded: Loaded, key: str, vault: Vault | None = None
) -> tuple[Response, Path]:
    """Validate a response file, check it is for one of these check-ins, and keep it."""
    response = load_response(path, vault)
    check_response(path, response, loaded, key)
    kept = save_response(received_dir(data_dir) / f"{response.checkin}.toml", response, vault)
    return response, kept


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
