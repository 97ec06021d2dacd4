"""Building a share: which check-ins go to the supervisor, and which notes the policy lets out."""

from __future__ import annotations

from datetime import date, datetime

from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.session import ItemAnswer, Session
from selfcheck.formats.share import NotesPolicy, Share, SharedCheckin, SharedPractitioner
from selfcheck.store.config import Config

POLICY_WORDS = {
    "discuss": "notes on items you marked to discuss",
    "none": "no notes",
    "all": "all your notes",
}
"""What each notes policy shares, in words."""


def choose_checkins(
    sessions: list[Session], *, last: int | None = None, since: date | None = None
) -> list[Session]:
    """The complete check-ins to share, oldest first: all, the last N, or those since a date."""
    chosen = sorted((s for s in sessions if s.complete), key=lambda s: (s.when, s.id))
    if since is not None:
        chosen = [s for s in chosen if s.when.date() >= since]
    if last is not None:
        chosen = chosen[-last:] if last > 0 else []
    return chosen


def shared_answer(answer: ItemAnswer, policy: NotesPolicy) -> ItemAnswer:
    """An answer as shared: the note only when the policy allows it."""
    keep = policy == "all" or (policy == "discuss" and answer.discuss)
    return answer if keep or not answer.note else answer.model_copy(update={"note": ""})


def shared_checkin(session: Session, policy: NotesPolicy) -> SharedCheckin:
    """One complete check-in as it leaves for the supervisor."""
    return SharedCheckin(
        id=session.id,
        started=session.started,
        finished=session.when,
        rubric=session.rubric,
        supervision=session.supervision,
        items={item_id: shared_answer(a, policy) for item_id, a in session.items.items()},
        next_steps=list(session.next_steps),
    )


def build_share(
    sessions: list[Session], config: Config, policy: NotesPolicy, created: datetime
) -> Share:
    """A share of these check-ins under the notes policy (SelfcheckError when there are none)."""
    if not sessions:
        raise SelfcheckError("no complete check-ins to share; finish one with: selfcheck start")
    return Share(
        created=created,
        notes=policy,
        practitioner=SharedPractitioner(name=config.name, key=config.practitioner_key),
        checkins=[shared_checkin(s, policy) for s in sessions],
    )


def notes_held_back(sessions: list[Session], share: Share) -> int:
    """How many written notes the policy keeps out of the share."""
    written = sum(bool(a.note) for s in sessions for a in s.items.values())
    shared = sum(bool(a.note) for c in share.checkins for a in c.items.values())
    return written - shared


def share_words(sessions: list[Session], share: Share) -> list[str]:
    """What will and will not be shared, in plain words, one line each."""
    first, last = sessions[0].when.date(), sessions[-1].when.date()
    count = len(sessions)
    shared_notes = sum(bool(a.note) for c in share.checkins for a in c.items.values())
    held = notes_held_back(sessions, share)
    who = share.practitioner.name or "no name (set one with: selfcheck config --name)"
    return [
        f"Shared: your name ({who}) and your practitioner key {share.practitioner.key}.",
        f"Shared: {count} complete check-in{'s' if count != 1 else ''} "
        f"from {first.isoformat()} to {last.isoformat()}: levels, not-yet-assessable answers, "
        "discuss marks, next steps, supervisor and meeting date.",
        f"Shared: {shared_notes} note{'s' if shared_notes != 1 else ''} "
        f"({POLICY_WORDS[share.notes]}).",
        f"Not shared: {held} other note{'s' if held != 1 else ''}, drafts, and your settings.",
    ]
