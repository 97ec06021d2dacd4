"""What the packet says, read back from the PDF and the web page `selfcheck report` writes."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from selfcheck.cli import main

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
    """The demo's twelve check-ins (two rubric versions, a plan, a meeting) as PDF and web page."""
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
    assert {"11 Jan 2025", "11 Dec 2025", "8 Jul 2025", "7 Feb 2025"} <= found
    assert "Period 11 Jan 2025 to 11 Dec 2025" in text
    assert "The rubric changed from version 1.0.0 to 2.0.0 on 8 Jul 2025" in text
    assert "From the latest check-in (11 Dec 2025)" in text
    assert "set 7 Feb 2025" in text
