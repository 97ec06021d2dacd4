"""The life of a supervisor's response: opened for the latest check-in, autosaved, exported."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path

from pydantic import ValidationError

from selfcheck.formats.checkin import Checkin, MeetingKind, TravellingStep
from selfcheck.formats.errors import InputError, SelfcheckError
from selfcheck.formats.response import ItemResponse, Meeting, Response
from selfcheck.formats.toml_reading import MAX_RESPONSE_BYTES, validation_problems
from selfcheck.store.autosaved import Autosaved
from selfcheck.store.checkin_files import iter_toml_files
from selfcheck.store.draft_writer import ErrorHandler
from selfcheck.store.outputs import write_out
from selfcheck.store.vault import Vault, held, stored
from selfcheck.supervision.files import load_response, response_bytes

RESPONSES = "responses"
"""Folder of a caseload holding the supervisor's responses, one folder per practitioner."""


def response_path(folder: Path, key: str, checkin_id: str) -> Path:
    """Where the supervisor's working response to one check-in is autosaved."""
    return folder / RESPONSES / key / f"{checkin_id}.toml"


def sent_path(working: Path) -> Path:
    """Where the copy of the response as last exported is kept."""
    return working.with_suffix(".sent")


def response_waiting(folder: Path, key: str, checkin_id: str, vault: Vault | None = None) -> bool:
    """True when a response to this check-in has content not yet exported."""
    plain = response_path(folder, key, checkin_id)
    working = stored(plain)
    if working is None:
        return False
    try:
        data = held(vault).read_data(working, MAX_RESPONSE_BYTES)
        if load_response(working, vault).empty:
            return False
        sent = stored(sent_path(plain))
        return sent is None or held(vault).read_data(sent, MAX_RESPONSE_BYTES) != data
    except InputError:
        return False


def since_last_response(folder: Path, checkins: list[Checkin]) -> list[Checkin]:
    """The check-ins after the newest one already answered by an exported response
    (at least the latest): what was brought to discuss since the last supervision."""
    for newest in range(len(checkins) - 1, -1, -1):
        checkin = checkins[newest]
        working = response_path(folder, checkin.practitioner.key, checkin.id)
        if stored(sent_path(working)) is not None:
            return checkins[newest + 1 :] or checkins[-1:]
    return list(checkins)


def written_responses(folder: Path, vault: Vault | None = None) -> tuple[list[Response], list[str]]:
    """The responses a supervisor wrote in a caseload folder (as they stand, exported or
    not), and a line for each file that could not be read."""
    responses: list[Response] = []
    problems: list[str] = []
    top = folder / RESPONSES
    if not top.is_dir():
        return responses, problems
    people = [child for child in sorted(top.iterdir()) if child.is_dir() and not child.is_symlink()]
    for path in iter_toml_files(people, problems):
        try:
            responses.append(load_response(path, vault))
        except InputError as exc:
            problems.append(str(exc))
    return responses, problems


class ResponseDraft(Autosaved):
    """A locked response to one check-in: every change is handed to a background writer."""

    def __init__(
        self,
        path: Path,
        response: Response,
        on_error: ErrorHandler | None = None,
        vault: Vault | None = None,
    ) -> None:
        self.response = response
        self.vault = held(vault)
        saved = response_bytes(response) if stored(path) else b""
        super().__init__(path, self.vault.write_file, on_error, saved)

    @classmethod
    def open(
        cls,
        folder: Path,
        checkin: Checkin,
        supervisor: str,
        on_error: ErrorHandler | None = None,
        vault: Vault | None = None,
    ) -> ResponseDraft:
        """Resume or begin the response to a check-in; LockedError if another app has it."""
        key = checkin.practitioner.key
        path = response_path(folder, key, checkin.id)
        try:
            fresh = Response(
                checkin=checkin.id,
                practitioner_key=key,
                rubric_sha256=checkin.rubric.sha256,
                supervisor=supervisor,
            )
        except ValidationError as exc:
            raise SelfcheckError(f"cannot respond: {validation_problems(exc)[0]}") from None
        draft = cls(path, fresh, on_error, vault)
        draft.lock.acquire()
        found = stored(path)
        if found is not None:
            try:
                draft.response = load_response(found, draft.vault)
            except InputError:
                draft.lock.release()
                raise
            draft._saved = response_bytes(draft.response)
        return draft

    def item(self, item_id: str) -> ItemResponse:
        """The supervisor's current answer for an item."""
        return self.response.item(item_id)

    def _update_item(self, item_id: str, **changes: object) -> None:
        merged = self.item(item_id).model_dump() | changes
        items = dict(self.response.items)
        items[item_id] = ItemResponse.model_validate(merged)
        self.response.items = items
        self.save()

    def rate(self, item_id: str, rating: int) -> None:
        """Give the supervisor's rating for an item and save."""
        self._update_item(item_id, rating=rating, not_assessable=False)

    def mark_not_assessable(self, item_id: str) -> None:
        """Say the item is not yet assessable and save."""
        self._update_item(item_id, rating=None, not_assessable=True)

    def clear_rating(self, item_id: str) -> None:
        """Give no rating for the item and save."""
        self._update_item(item_id, rating=None, not_assessable=False)

    def agree(self, checkin: Checkin, item_ids: Iterable[str]) -> int:
        """Take the practitioner's own rating as the supervisor's on each of `item_ids` not
        answered yet (a comment stays); save once and return how many were agreed."""
        items = dict(self.response.items)
        agreed = 0
        for item_id in item_ids:
            theirs = checkin.answer(item_id)
            yours = self.item(item_id)
            if not theirs.answered or yours.rating is not None or yours.not_assessable:
                continue
            items[item_id] = yours.model_copy(
                update={"rating": theirs.rating, "not_assessable": theirs.not_assessable}
            )
            agreed += 1
        if agreed:
            self.response.items = items
            self.save()
        return agreed

    def set_item_comment(self, item_id: str, comment: str) -> None:
        """Replace the comment on an item and save."""
        self._update_item(item_id, comment=comment.strip())

    def set_comment(self, comment: str) -> None:
        """Replace the overall comment and save."""
        self.response.comment = comment.strip()
        self.save()

    def add_step(self, text: str, item_id: str | None = None) -> None:
        """Add an agreed next step and save."""
        step = TravellingStep(text=text.strip(), item=item_id)
        self.response.next_steps = [*self.response.next_steps, step]
        self.save()

    def remove_step(self, index: int) -> None:
        """Drop an agreed next step and save."""
        steps = list(self.response.next_steps)
        del steps[index]
        self.response.next_steps = steps
        self.save()

    def set_meeting(self, when: date, minutes: int, kind: MeetingKind) -> None:
        """Record the meeting and save."""
        self.response.meeting = Meeting(date=when, minutes=minutes, kind=kind)
        self.save()

    def current_bytes(self) -> bytes:
        """The response as it stands, as its file holds it."""
        return response_bytes(self.response)

    def export(
        self,
        out: Path,
        private_key: str,
        seal: Callable[[bytes], bytes] | None = None,
        data_dir: Path | None = None,
    ) -> Path:
        """Write the response for the practitioner to `out`, signed with `private_key` (and
        through `seal`, when given, so only they can open it); remember it as sent.

        `data_dir`: the supervisor's data folder, which `out` must not lie in."""
        if self.response.empty:
            raise SelfcheckError("the response is still empty: give a level, comment or step first")
        self.save()
        if not self.writer.flush():
            raise SelfcheckError(f"{self.path}: the response could not be saved in time")
        data = response_bytes(self.response)
        written = datetime.now(UTC).astimezone().replace(microsecond=0)
        signed = response_bytes(self.response.signed(private_key, written))
        write_out(out, seal(signed) if seal else signed, data_dir)
        self.vault.write_file(sent_path(self.path), data)
        return out
