"""What a packet is made from, worked out once for both the PDF and the web page."""

from __future__ import annotations

from dataclasses import dataclass

from selfcheck.formats.checkin import Checkin
from selfcheck.growth.analysis import Growth
from selfcheck.growth.packet_content import NoteChoice, latest_checkin
from selfcheck.growth.packet_supervision import SupervisionPages, answered


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


def packet_input(
    who: str,
    result: Growth,
    checkins: list[Checkin],
    *,
    notes: NoteChoice = "discuss",
    supervision: SupervisionPages | None = None,
) -> PacketInput:
    """A packet's material, with the latest and the responded check-in found once."""
    pages = supervision or SupervisionPages()
    return PacketInput(
        who=who,
        result=result,
        checkins=checkins,
        notes=notes,
        pages=pages,
        latest=latest_checkin(result, checkins),
        responded=answered(result, checkins, pages),
    )
