"""What the packet says, read back from the PDF and the web page `selfcheck report` writes."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers.samples import three_checkins
from pypdf import PdfReader

from selfcheck.cli import main
from selfcheck.packet.pdf_document import ELLIPSIS, fit_width, text_width

MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
DAY_WORDS = re.compile(rf"\b[1-9]\d? (?:{MONTHS}) \d{{4}}\b")
"""The packet's one way of writing a date: `3 Mar 2025`."""
OTHER_DATES = re.compile(
    r"\d{4}-\d\d-\d\d|\b\d{1,2}:\d\d\b|\b0\d (?:"
    + MONTHS
    + r")|January|February|March|April|June|July|August|September|October|November|December"
)
"""ISO dates, times of day, zero-padded days and month names written out."""


class PageText(HTMLParser):
    """The words a reader of the web page meets: its text and the charts' alternative text."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        alt = dict(attrs).get("alt")
        if alt:
            self.parts.append(alt)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    return flat(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)
    )


def html_text(path: Path) -> str:
    page = PageText()
    page.feed(path.read_text(encoding="utf-8"))
    return flat(" ".join(page.parts))


@pytest.fixture(scope="module")
def demo_packets(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The demo's twelve check-ins (three rubric versions, a plan, a meeting) as PDF and HTML."""
    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(folder / "home"))
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            patch.setenv(name, str(folder / "home" / name.lower()))
        data = ["--data-dir", str(folder / "data")]
        assert main(["demo", *data]) == 0
        for suffix in ("pdf", "html"):
            assert (
                main(["report", *data, "--notes", "all", "--out", str(folder / f"p.{suffix}")]) == 0
            )
    yield {"pdf": pdf_text(folder / "p.pdf"), "html": html_text(folder / "p.html")}


@pytest.mark.parametrize("kind", ["pdf", "html"])
def test_one_date_format_throughout(demo_packets: dict[str, str], kind: str) -> None:
    """Every date of the packet reads `3 Mar 2025`: no ISO dates, hours, or other spellings."""
    text = demo_packets[kind]
    assert OTHER_DATES.findall(text) == []
    found = set(DAY_WORDS.findall(text))
    assert {"10 Jan 2025", "6 Dec 2025", "12 May 2025", "8 Sep 2025", "12 Feb 2025"} <= found
    assert "Period 10 Jan 2025 to 6 Dec 2025" in text
    assert "The rubric changed from version 1.0.0 to 2.0.0 on 12 May 2025" in text
    assert "from version 2.0.0 to 2.1.0 on 8 Sep 2025" in text
    assert "From the latest check-in (6 Dec 2025)" in text
    assert "set 12 Feb 2025" in text


def test_titles_whole_when_the_table_has_room(data_dir, make_checkin, save, tmp_path) -> None:
    """With three check-ins the name column is wide: a name is cut only where it cannot fit."""
    for checkin in three_checkins(make_checkin):
        save(checkin)
    out = tmp_path / "packet.pdf"
    assert main(["report", "--out", str(out)]) == 0
    text = pdf_text(out)
    assert "Relationship as the path to change 2 3 4" in text
    assert "Respect for Ethnicity, Race, Culture, Individuality and Diversity –* –*" in text
    assert f"Respect for Ethnicity, Race, Culture, Individua{ELLIPSIS} –" in text  # 9-point radar


def test_demo_tables_cut_long_titles_with_an_ellipsis(demo_packets: dict[str, str]) -> None:
    """Twelve check-ins leave the name column narrow: long names end in `…`, notes stay whole."""
    text = demo_packets["pdf"]
    cuts = re.findall(r"Respect for Ethnicity, Race,[^…\d]*…", text)
    assert len(cuts) == 2 and all(len(cut) > 31 for cut in cuts)
    assert re.search(r"Ethical decisions[^…]*… \(only in 2\.1\.0\)", text)
    assert (
        "Respect for Ethnicity, Race, Culture, Individuality and Diversity" in demo_packets["html"]
    )


def test_fit_width_cuts_only_what_does_not_fit() -> None:
    """A title is cut by its measured width, to the longest part that fits, note kept."""
    title = "Respect for Ethnicity, Race, Culture, Individuality and Diversity"
    room = text_width(title, 7.5)
    assert fit_width(title, room, 7.5) == title
    cut = fit_width(title, room / 2, 7.5)
    assert cut.endswith(ELLIPSIS) and title.startswith(cut[:-1])
    one_more = title[: len(title) - len(title[len(cut) - 1 :].lstrip()) + 1]
    assert text_width(cut, 7.5) <= room / 2 < text_width(one_more + ELLIPSIS, 7.5)
    assert fit_width(title + " (only in 2.0.0)", room / 2, 7.5).endswith("… (only in 2.0.0)")
    narrow = "il" * 20
    assert fit_width(narrow, text_width("W" * 30, 7.5), 7.5) == narrow


def write_packets(tmp_path: Path) -> dict[str, str]:
    """`selfcheck report` of the data folder as PDF and web page, read back as text."""
    found = {}
    for kind, read in (("pdf", pdf_text), ("html", html_text)):
        out = tmp_path / f"packet.{kind}"
        assert main(["report", "--out", str(out)]) == 0
        found[kind] = read(out)
    return found


def test_summary_names_drops_since_the_previous_checkin(
    data_dir, make_checkin, save, tmp_path
) -> None:
    """An item that rose then fell is a drop since the previous check-in, not since the first."""
    levels = [(2, 2), (4, 3), (3, 4)]
    for day, (honest, path) in zip((0, 30, 60), levels, strict=True):
        save(
            make_checkin(
                {"integrity-honesty": honest, "relationships-growth-instrument": path}, day=day
            )
        )
    for text in write_packets(tmp_path).values():
        assert "Largest drops since the first check-in: none." in text
        assert (
            "Largest drops since the previous check-in: Being honest and ethical (4 to 3, -1)."
            in text
        )


def test_meeting_date_in_the_header_and_in_show(
    data_dir, make_checkin, save, tmp_path, capsys
) -> None:
    """The latest check-in's meeting date heads the packet; `show` prints it as a plain date."""
    first = make_checkin({"integrity-honesty": 2})
    latest = make_checkin({"integrity-honesty": 3}, day=30)
    latest.supervision.supervisor = "Jordan Lee"
    latest.supervision.meeting = date(2026, 2, 6)
    save(first)
    save(latest)
    for text in write_packets(tmp_path).values():
        assert "Supervisor Jordan Lee Meeting 6 Feb 2026 Rubric" in text
    capsys.readouterr()
    assert main(["show", latest.id]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown[shown.index("Supervisor: Jordan Lee") + 1] == "Meeting: 2026-02-06"


def test_no_meeting_line_without_a_meeting(data_dir, make_checkin, save, tmp_path) -> None:
    """A check-in with no meeting date has no Meeting line in the header."""
    save(make_checkin({"integrity-honesty": 2}))
    for text in write_packets(tmp_path).values():
        assert "Supervisor not recorded Rubric" in text
