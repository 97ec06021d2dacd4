"""What a packet is made from, worked out once for both the PDF and the web page."""

from __future__ import annotations

from dataclasses import dataclass

from selfcheck.formats.session import Session
from selfcheck.growth.analysis import Growth
from selfcheck.growth.packet_content import NoteChoice, latest_session
from selfcheck.growth.packet_supervision import SupervisionPages, answered


@dataclass(frozen=True)
class PacketInput:
    """Who, their growth and check-ins, the notes chosen, supervision, and the check-ins shown."""

    who: str
    result: Growth
    sessions: list[Session]
    notes: NoteChoice
    pages: SupervisionPages
    latest: Session
    """The check-in the packet is about: the latest complete one."""
    responded: Session | None
    """The newest check-in with a supervisor's response, shown beside its response."""


def packet_input(
    who: str,
    result: Growth,
    sessions: list[Session],
    *,
    notes: NoteChoice = "discuss",
    supervision: SupervisionPages | None = None,
) -> PacketInput:
    """A packet's material, with the latest and the responded check-in found once."""
    pages = supervision or SupervisionPages()
    return PacketInput(
        who=who,
        result=result,
        sessions=sessions,
        notes=notes,
        pages=pages,
        latest=latest_session(result, sessions),
        responded=answered(result, sessions, pages),
    )
