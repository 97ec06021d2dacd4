"""The HTML packet: one self-contained page, ordered headings, real tables, charts in words."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers.paths import BROWSER
from helpers.samples import PRIVATE, SHARED, three_checkins

from selfcheck.cli import main
from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.growth.analysis import growth
from selfcheck.packet.inputs import packet_input
from selfcheck.packet.web_page import packet_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class Outline(HTMLParser):
    """Collects the headings, images, table headers and any script or outside reference."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.images: list[dict[str, str | None]] = []
        self.header_scopes: list[str | None] = []
        self.outside: list[str] = []
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.lang = found.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "img":
            self.images.append(found)
        if tag == "th":
            self.header_scopes.append(found.get("scope"))
        if tag in {"script", "link", "iframe"}:
            self.outside.append(tag)
        for name in ("src", "href"):
            value = found.get(name) or ""
            if value and not value.startswith(("data:", "#")):
                self.outside.append(value)


def web_packet(who, result, checkins, **options) -> str:
    """The web page packet of `sessions`, with the options `selfcheck report` passes."""
    return packet_html(packet_input(who, result, checkins, **options))


@pytest.fixture
def checkins(make_checkin):
    return three_checkins(make_checkin)


def outline(page: str) -> Outline:
    parsed = Outline()
    parsed.feed(page)
    return parsed


def test_page_is_self_contained_with_ordered_headings(checkins, rubric) -> None:
    """lang is set; no script or outside file; headings never skip a level; tables have headers."""
    page = web_packet("Robin Example", growth(checkins, RubricVersions.of(rubric)), checkins)
    found = outline(page)
    assert found.lang == "en"
    assert found.outside == []
    assert found.headings[0] == 1 and found.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(found.headings, found.headings[1:], strict=False))
    assert page.count("<table>") == 3 and page.count("<caption>") == 3
    assert set(found.header_scopes) == {"col", "row"}


def test_charts_are_pngs_described_in_words(checkins, rubric) -> None:
    """Each chart is an embedded PNG whose alt text says which values rose and fell."""
    result = growth(checkins, RubricVersions.of(rubric))
    images = outline(web_packet("Robin Example", result, checkins)).images
    assert len(images) == 3
    for image in images:
        src = str(image["src"])
        assert base64.b64decode(src.split(",", 1)[1]).startswith(b"\x89PNG")
    trend = str(images[0]["alt"])
    assert "rose: " in trend and "Importance of Relationships (2.50 to 4.00)" in trend
    assert "Latest means: Importance of Relationships 4.00 (+1.50 since the first)" in str(
        images[1]["alt"]
    )
    assert "Relationship as the path to change (2.00 to 4.00)" in str(images[2]["alt"])


def test_same_numbers_and_notes_as_the_pdf(checkins, rubric) -> None:
    """The tables hold the PDF's numbers; notes follow --notes; names are never shortened."""
    result = growth(checkins, RubricVersions.of(rubric))
    page = web_packet("Robin Example", result, checkins)
    assert "<td>2.50*</td><td>3.00*</td><td>4.00*</td>" in page
    assert '<th scope="row">Relationship as the path to change</th>' in page
    assert SHARED in page and PRIVATE.split()[0] not in page
    everything = web_packet("Robin Example", result, checkins, notes="all")
    assert PRIVATE in everything
    nothing = web_packet("Robin Example", result, checkins, notes="none")
    assert SHARED.split()[0] not in nothing


def test_hostile_text_is_escaped(make_checkin, rubric) -> None:
    """A note with markup and control characters is shown as text, never as HTML."""
    first = make_checkin({"integrity-honesty": 2}, day=0)
    second = make_checkin(
        {"integrity-honesty": 3},
        day=30,
        notes={"integrity-honesty": "<script>alert(1)</script>\x1b[31m"},
        discuss=("integrity-honesty",),
        name="<b>Robin</b>",
    )
    page = web_packet(
        "<b>Robin</b>", growth([first, second], RubricVersions.of(rubric)), [first, second]
    )
    assert "<script>" not in page and "<b>Robin" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;\\x1b[31m" in page


def test_report_command_writes_html_by_extension(
    data_dir, checkins, save, tmp_path, capsys
) -> None:
    """`selfcheck report --out packet.html` writes the page; other extensions are refused."""
    for checkin in checkins:
        save(checkin)
    out = tmp_path / "packet.html"
    assert main(["report", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["report", "--out", str(tmp_path / "packet.doc")]) == 2
    assert "FILE.pdf or FILE.html" in capsys.readouterr().err


def browser_missing() -> str:
    """Why the browser test cannot run here, or an empty string."""
    if CHROMIUM is None:
        return "Chromium is not installed (apt-get install chromium)"
    if shutil.which("node") is None:
        return "Node.js is not installed (apt-get install nodejs npm)"
    if not (BROWSER / "node_modules" / "axe-core").is_dir():
        return f"axe-core is not installed (npm ci --prefix {BROWSER})"
    return ""


@pytest.mark.slow
@pytest.mark.skipif(bool(browser_missing()), reason=browser_missing() or "ready")
def test_axe_finds_no_wcag_violation_in_chromium(checkins, rubric, tmp_path) -> None:
    """Rendered in headless Chromium, axe-core's WCAG 2.1 A and AA rules find nothing; not blank."""
    page = tmp_path / "packet.html"
    page.write_text(
        web_packet(
            "Robin Example", growth(checkins, RubricVersions.of(rubric)), checkins, notes="all"
        ),
        encoding="utf-8",
    )
    shot = tmp_path / "packet.png"
    run = subprocess.run(
        ["node", str(BROWSER / "axe_check.mjs"), str(page), str(shot), str(CHROMIUM)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=BROWSER,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["violations"] == [], json.dumps(report["violations"], indent=1)
    assert report["passes"] > 10
    assert [image["width"] > 0 for image in report["images"]] == [True, True, True]
    assert_not_blank(shot)


def assert_not_blank(shot: Path) -> None:
    """The screenshot is tall, and has dark text and coloured chart pixels on the white page."""
    import matplotlib.image

    pixels = matplotlib.image.imread(str(shot))[..., :3]
    height = pixels.shape[0]
    assert height > 2000, "the page is far shorter than the packet"
    dark = (pixels.max(axis=2) < 0.3).mean()
    coloured = ((pixels.max(axis=2) - pixels.min(axis=2)) > 0.3).mean()
    assert dark > 0.005 and coloured > 0.001, (dark, coloured)
