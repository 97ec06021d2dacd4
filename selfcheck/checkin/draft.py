"""The check-in being edited: answers change here and every change is queued to disk at once."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from selfcheck.checkin.lifecycle import (
    asked_items,
    find_draft,
    finish,
    first_unanswered,
    last_complete,
    new_checkin,
    set_not_assessable,
    set_not_my_role,
    set_note,
    set_rating,
    toggle_discuss,
)
from selfcheck.checkin.workspace import Workspace, remember_supervisor
from selfcheck.formats.checkin import (
    MAX_NEXT_STEPS,
    Checkin,
    ItemAnswer,
    MeetingKind,
    NextStep,
    StepReview,
    Supervision,
)
from selfcheck.formats.errors import LockedError, SelfcheckError
from selfcheck.formats.rubric import Item, Rubric
from selfcheck.store.autosaved import Autosaved
from selfcheck.store.checkin_files import checkin_bytes, checkin_path, checkins_dir, load_checkin
from selfcheck.store.config import config_path, ensure_identity
from selfcheck.store.draft_writer import DraftWriter, ErrorHandler
from selfcheck.store.files import sweep_temporary_files
from selfcheck.store.lock import data_dir_locked, drafts_open_elsewhere
from selfcheck.store.vault import Vault, held, stored


class Draft(Autosaved):
    """A locked check-in draft: every change is snapshotted and handed to a background writer."""

    def __init__(
        self,
        data_dir: Path,
        rubric: Rubric,
        checkin: Checkin,
        previous: Checkin | None,
        on_error: ErrorHandler | None = None,
        vault: Vault | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.on_error = on_error
        self.vault = held(vault)
        self.rubric = rubric
        self.checkin = checkin
        self.previous = previous
        path = checkin_path(data_dir, checkin.id)
        saved = checkin_bytes(checkin) if stored(path) else b""
        super().__init__(path, partial(self.vault.write_data, data_dir), on_error, saved)
        self.supervisor_writer = DraftWriter(
            config_path(data_dir), on_error, self._remember_supervisor
        )
        """Keeps the supervisor typed as the config's default, off the screen's thread."""

    @classmethod
    def open(
        cls,
        workspace: Workspace,
        on_error: ErrorHandler | None = None,
        focus: list[str] | None = None,
    ) -> Draft:
        """Resume the workspace's draft on its own rubric version, or begin one on the newest.

        A new check-in covers the `focus` items only when they are given. The identity is
        made and the draft chosen under the data folder's lock, so two selfchecks started at
        once end with one identity and one draft. Raises LockedError if another selfcheck
        has the draft open.
        """
        folder = checkins_dir(workspace.data_dir)
        with data_dir_locked(workspace.data_dir):
            config = ensure_identity(workspace.data_dir, workspace.vault)
            sweep_temporary_files(folder)
            elsewhere = drafts_open_elsewhere(folder)
            found = find_draft(workspace.loaded, workspace.rubric.id)
            if found is None and elsewhere:
                raise LockedError(
                    f"{elsewhere[0].with_suffix('.toml')}: a check-in is open in another "
                    "selfcheck; finish or quit there first"
                )
            checkin = found or new_checkin(workspace.rubric, config, focus=focus)
            rubric = workspace.rubric_of(checkin)
            previous = last_complete(workspace.loaded, rubric.id, before=checkin)
            draft = cls(workspace.data_dir, rubric, checkin, previous, on_error, workspace.vault)
            draft.lock.acquire()
        if found is not None:
            # Another process may have saved it between loading and locking: read it again.
            draft.checkin = load_checkin(stored(draft.path) or draft.path, draft.vault)
            draft._saved = checkin_bytes(draft.checkin)
        return draft

    def reopened(self) -> Draft:
        """This check-in open again after `close`, locked for more changes (its next steps);
        LockedError if another selfcheck holds it."""
        again = Draft(
            self.data_dir, self.rubric, self.checkin, self.previous, self.on_error, self.vault
        )
        again.lock.acquire()
        return again

    @property
    def items(self) -> list[Item]:
        """The items this check-in asks about, in rubric order."""
        return asked_items(self.checkin, self.rubric)

    @property
    def start_index(self) -> int:
        """Where to begin: the first unanswered item."""
        return first_unanswered(self.checkin, self.rubric)

    def answer(self, item_id: str) -> ItemAnswer:
        """The current answer to an item."""
        return self.checkin.answer(item_id)

    def rate(self, item_id: str, rating: int) -> None:
        """Rate an item and save."""
        set_rating(self.checkin, item_id, rating)
        self.save()

    def mark_not_assessable(self, item_id: str) -> None:
        """Mark an item not yet assessable and save."""
        set_not_assessable(self.checkin, item_id)
        self.save()

    def mark_not_my_role(self, item_id: str) -> None:
        """Answer "not my role" for an item and save."""
        set_not_my_role(self.checkin, item_id)
        self.save()

    def toggle_discuss(self, item_id: str) -> None:
        """Flip the discuss-in-supervision mark and save."""
        toggle_discuss(self.checkin, item_id)
        self.save()

    def set_note(self, item_id: str, note: str) -> None:
        """Keep a note in memory; the caller decides when to `save`.

        Raises SelfcheckError, keeping the old note, when the check-in would grow past what
        its readers take: refused before it is saved, never saved and then unreadable.
        """
        previous = self.answer(item_id).note
        if previous != note:
            set_note(self.checkin, item_id, note)
            try:
                checkin_bytes(self.checkin)
            except SelfcheckError:
                set_note(self.checkin, item_id, previous)
                raise

    def set_details(
        self,
        supervisor: str,
        meeting: date | None,
        minutes: int | None = None,
        kind: MeetingKind | None = None,
    ) -> None:
        """Set the supervision details and save; the supervisor becomes the next default."""
        self.checkin.supervision = Supervision(
            supervisor=supervisor.strip(), meeting=meeting, minutes=minutes, kind=kind
        )
        self.save()
        self.supervisor_writer.submit(self.checkin.supervision.supervisor.encode("utf-8"))

    def _remember_supervisor(self, _config: Path, supervisor: bytes) -> None:
        remember_supervisor(self.data_dir, supervisor.decode("utf-8"), self.vault)

    def close(self) -> None:
        """Write what is pending (the check-in, the supervisor's default) and release the lock."""
        self.supervisor_writer.close()
        super().close()

    def add_next_step(self, text: str, item_id: str | None) -> None:
        """Append a step to the learning plan and save.

        Raises SelfcheckError, adding nothing, when the plan already holds as many steps as a
        check-in's readers take: refused before it is saved, never saved and then unreadable.
        """
        if len(self.checkin.next_steps) >= MAX_NEXT_STEPS:
            raise SelfcheckError(
                f"a check-in holds at most {MAX_NEXT_STEPS} next steps; remove one to add another"
            )
        self.checkin.next_steps = [*self.checkin.next_steps, NextStep(text=text, item=item_id)]
        self.save()

    def remove_next_step(self, index: int) -> None:
        """Drop a step of the learning plan and save."""
        steps = list(self.checkin.next_steps)
        del steps[index]
        self.checkin.next_steps = steps
        self.save()

    def keep_step_review(self, review: StepReview) -> None:
        """Keep what became of a next step from before, and save."""
        self.checkin.plan_review = [*self.checkin.plan_review, review]
        self.save()

    def previous_answer(self, item_id: str) -> tuple[ItemAnswer, date] | None:
        """The answer given at the last complete check-in, with its date, if it had one."""
        if self.previous is None:
            return None
        for linked in self._linked_ids(item_id):
            answer = self.previous.answer(linked)
            if answer.answered:
                return answer, self.previous.when.date()
        return None

    def was_not_my_role(self, item_id: str) -> bool:
        """True when the last complete check-in answered this item "not my role"."""
        found = self.previous_answer(item_id)
        return found is not None and found[0].not_my_role

    def steps_for(self, item_id: str) -> list[NextStep]:
        """The last check-in's next steps tied to this item (or to an item it replaces)."""
        steps = self.previous.next_steps if self.previous else []
        linked = self._linked_ids(item_id)
        return [step for step in steps if step.item in linked]

    def _linked_ids(self, item_id: str) -> tuple[str, ...]:
        item = self.rubric.item(item_id)
        return item.linked_ids if item else (item_id,)

    def current_bytes(self) -> bytes:
        """The check-in as it stands, as its file holds it."""
        return checkin_bytes(self.checkin)

    def complete(self) -> Path:
        """Mark the check-in complete and write it durably before returning its path.

        The check-in stays open for its optional next steps, saved like every other change.
        Raises SelfcheckError, leaving the draft as it was, when the file cannot be written.
        """
        draft = self.checkin
        self.writer.flush()
        self.checkin = finish(draft)
        data = checkin_bytes(self.checkin)
        try:
            # Through the vault, like every autosave: sealed when the folder is encrypted.
            written = self.vault.write_data(self.data_dir, self.path, data)
        except (OSError, SelfcheckError) as exc:
            self.checkin = draft
            raise SelfcheckError(f"{self.path}: could not finish the check-in ({exc})") from None
        self._saved = data
        return written
