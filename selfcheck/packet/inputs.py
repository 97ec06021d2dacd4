"""What a packet is made from, worked out once for both the PDF and the web page."""

from __future__ import annotations

from dataclasses import dataclass

from selfcheck.formats.checkin import Checkin
from selfcheck.growth.analysis import Growth
from selfcheck.packet.content import NoteChoice, latest_checkin
from selfcheck.packet.supervision_parts import SupervisionPages, answered


@dataclass(frozen=True)
class PacketInput:
    """Who, their growth and check-ins, the notes chosen, supervision, and the check-ins shown."""

    who: str
    result: Growth
    checkins: list[Checkin]
    notes: NoteChoice
    pages: SupervisionPages
    latest: Checkin
    """The check-in the packet is about: the latest complete one."""
    responded: Checkin | None
    """The newest check-in with a supervisor's response, shown beside its response."""
    discussion: list[Checkin]
    """The check-ins whose items marked for discussion the packet brings, oldest first."""


def discussion_checkins(
    result: Growth, checkins: list[Checkin], responded: Checkin | None
) -> list[Checkin]:
    """The check-ins to bring to discussion: those since the newest one with a response.

    With no response yet, the latest full check-in and the focus check-ins after it, so a
    focus check-in of a few items never hides what the full one before it marked.
    """
    by_id = {s.id: s for s in checkins}
    ordered = [by_id[c.checkin_id] for c in result.checkins]
    if responded is not None:
        start = [s.id for s in ordered].index(responded.id) + 1
    else:
        full = [k for k, checkin in enumerate(result.checkins) if not checkin.focus]
        start = full[-1] if full else 0
    return ordered[start:] or ordered[-1:]


def packet_input(
    who: str,
    result: Growth,
    checkins: list[Checkin],
    *,
    notes: NoteChoice = "discuss",
    supervision: SupervisionPages | None = None,
) -> PacketInput:
    """A packet's material: the latest, responded and discussed check-ins found once."""
    pages = supervision or SupervisionPages()
    responded = answered(result, checkins, pages)
    return PacketInput(
        who=who,
        result=result,
        checkins=checkins,
        notes=notes,
        pages=pages,
        latest=latest_checkin(result, checkins),
        responded=responded,
        discussion=discussion_checkins(result, checkins, responded),
    )
