"""The packet written to a file, PDF or web page, for the `report` command and the app alike."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from selfcheck.formats.checkin import Checkin
from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.response import Response
from selfcheck.growth.analysis import Growth
from selfcheck.packet.content import NoteChoice
from selfcheck.packet.inputs import PacketInput
from selfcheck.packet.supervision_parts import SupervisionPages
from selfcheck.store.outputs import write_out
from selfcheck.store.vault import Vault

PACKET_FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html"}
"""The packet's formats by file extension: the PDF, or one self-contained web page."""


def packet_format(out: Path) -> str:
    """`pdf` or `html` for a packet file's name; SelfcheckError for any other."""
    kind = PACKET_FORMATS.get(out.suffix.lower())
    if kind is None:
        raise SelfcheckError(
            f"{out}: the packet is a PDF or a web page; name it FILE.pdf or FILE.html"
        )
    return kind


def supervision_pages(
    checkins: list[Checkin],
    responses: Mapping[str, Response],
    trusted: Mapping[str, str],
    today: date,
) -> SupervisionPages:
    """Responses, the learning plan's history and this year's hours for the packet (a
    response's meeting counted only when signed by the key `trusted` for its supervisor)."""
    from selfcheck.supervision.hours import hours_by_year, meeting_records, year_line
    from selfcheck.supervision.plan import plan_history

    records = meeting_records(checkins, responses.values(), trusted)
    this_year = [y for y in hours_by_year(records) if y.year == today.year]
    return SupervisionPages(
        responses=dict(responses),
        plan=plan_history(checkins, dict(responses)),
        hours_this_year=year_line(this_year[0]) if this_year else None,
    )


def write_packet(out: Path, packet: PacketInput, data_dir: Path | None = None) -> Path:
    """Write the packet as the file's name asks (PDF or web page), atomically, through the
    `--out` guard (never inside a data folder, never over a device); return `out`."""
    if packet_format(out) == "html":
        from selfcheck.packet.web_page import packet_html

        write_out(out, packet_html(packet).encode("utf-8"), data_dir)
    else:
        from selfcheck.packet.pdf import packet_bytes

        write_out(out, packet_bytes(packet), data_dir)
    return out


def practitioners_packet(
    data_dir: Path,
    vault: Vault,
    checkins: list[Checkin],
    result: Growth,
    notes: NoteChoice,
    today: date,
) -> PacketInput:
    """The packet of the practitioner of a data folder, with the responses kept in it."""
    from selfcheck.checkin.practitioners import practitioner_label
    from selfcheck.packet.inputs import packet_input
    from selfcheck.store.config import load_config
    from selfcheck.supervision.receiving import load_received

    responses, _ = load_received(data_dir, vault)
    trusted = load_config(data_dir, vault).trusted_supervisors
    pages = supervision_pages(checkins, responses, trusted, today)
    return packet_input(
        practitioner_label(checkins), result, checkins, notes=notes, supervision=pages
    )
