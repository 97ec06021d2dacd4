"""Building a share: which check-ins go to the supervisor, and which notes the policy lets out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from pydantic import ValidationError

from selfcheck.formats.checkin import Checkin, ItemAnswer, TravellingStep
from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.share import NotesPolicy, Share, SharedCheckin, SharedPractitioner
from selfcheck.formats.toml_reading import validation_problems
from selfcheck.store.config import Config
from selfcheck.store.vault import Vault

POLICY_WORDS = {
    "discuss": "notes on items you marked to discuss",
    "none": "no notes",
    "all": "all your notes",
}
"""What each notes policy shares, in words."""


def choose_checkins(
    checkins: list[Checkin], *, last: int | None = None, since: date | None = None
) -> list[Checkin]:
    """The complete check-ins to share, oldest first: all, the last N, or those since a date."""
    chosen = sorted((s for s in checkins if s.complete), key=lambda s: (s.when, s.id))
    if since is not None:
        chosen = [s for s in chosen if s.when.date() >= since]
    if last is not None:
        chosen = chosen[-last:] if last > 0 else []
    return chosen


def shared_answer(answer: ItemAnswer, policy: NotesPolicy) -> ItemAnswer:
    """An answer as shared: the note only when the policy allows it."""
    keep = policy == "all" or (policy == "discuss" and answer.discuss)
    return answer if keep or not answer.note else answer.model_copy(update={"note": ""})


def shared_checkin(checkin: Checkin, policy: NotesPolicy) -> SharedCheckin:
    """One complete check-in as it leaves for the supervisor."""
    return SharedCheckin(
        id=checkin.id,
        started=checkin.started,
        finished=checkin.when,
        rubric=checkin.rubric,
        supervision=checkin.supervision,
        items={item_id: shared_answer(a, policy) for item_id, a in checkin.items.items()},
        next_steps=[TravellingStep(text=s.text, item=s.item) for s in checkin.next_steps],
    )


def build_share(
    checkins: list[Checkin],
    config: Config,
    policy: NotesPolicy,
    created: datetime,
    recipient: str | None = None,
) -> Share:
    """A share of these check-ins under the notes policy (SelfcheckError when there are none),
    carrying the practitioner's age `recipient` when they have one."""
    if not checkins:
        raise SelfcheckError("no complete check-ins to share; finish one with: selfcheck start")
    try:
        return Share(
            created=created,
            notes=policy,
            practitioner=SharedPractitioner(
                name=config.name, key=config.practitioner_key, recipient=recipient
            ),
            checkins=[shared_checkin(s, policy) for s in checkins],
        )
    except ValidationError as exc:
        raise SelfcheckError(f"cannot share: {validation_problems(exc)[0]}") from None


def notes_held_back(checkins: list[Checkin], share: Share) -> int:
    """How many written notes the policy keeps out of the share."""
    written = sum(bool(a.note) for s in checkins for a in s.items.values())
    shared = sum(bool(a.note) for c in share.checkins for a in c.items.values())
    return written - shared


def share_words(checkins: list[Checkin], share: Share) -> list[str]:
    """What will and will not be shared, in plain words, one line each."""
    first, last = checkins[0].when.date(), checkins[-1].when.date()
    count = len(checkins)
    shared_notes = sum(bool(a.note) for c in share.checkins for a in c.items.values())
    held = notes_held_back(checkins, share)
    who = share.practitioner.name or "no name (set one with: selfcheck config --name)"
    return [
        f"Shared: your name ({who}) and your practitioner key {share.practitioner.key}.",
        f"Shared: {count} complete check-in{'s' if count != 1 else ''} "
        f"from {first.isoformat()} to {last.isoformat()}: levels, not-yet-assessable answers, "
        "discuss marks, next steps, supervisor and meeting date.",
        f"Shared: {shared_notes} note{'s' if shared_notes != 1 else ''} "
        f"({POLICY_WORDS[share.notes]}).",
        *(
            [
                f"Shared: your public key ({share.practitioner.recipient[:16]}...), so your "
                "supervisor's response comes back sealed to you."
            ]
            if share.practitioner.recipient
            else []
        ),
        f"Not shared: {held} other note{'s' if held != 1 else ''}, drafts, and your settings.",
    ]


@dataclass(frozen=True)
class FolderShare:
    """A share of a data folder's own check-ins, the check-ins it holds, and unreadable files."""

    share: Share
    checkins: list[Checkin]
    problems: list[str]

    @property
    def words(self) -> list[str]:
        """What will and will not be shared, in plain words, one line each."""
        return share_words(self.checkins, self.share)


def folder_share(
    folder: Path,
    vault: Vault,
    policy: NotesPolicy,
    created: datetime,
    *,
    last: int | None = None,
    since: date | None = None,
) -> FolderShare:
    """The share of the folder's own complete check-ins (SelfcheckError when there are none)."""
    from selfcheck.store.checkin_files import load_data_dir
    from selfcheck.store.config import ensure_identity

    config = ensure_identity(folder, vault)
    loaded = load_data_dir(folder, vault)
    mine = [s for s in loaded.checkins if s.practitioner.key in ("", config.practitioner_key)]
    chosen = choose_checkins(mine, last=last, since=since)
    key = vault.folder_key(folder)
    recipient = str(key.recipient) if key is not None else None
    share = build_share(chosen, config, policy, created, recipient)
    return FolderShare(share, chosen, loaded.problems)
