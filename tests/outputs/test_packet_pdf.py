"""The PDF itself: searchable Unicode text, an outline of its sections, charts described."""

from __future__ import annotations

import io
from typing import Any

import pytest
from helpers.samples import three_checkins
from pypdf import PdfReader

from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.growth.analysis import growth
from selfcheck.packet.content import heatmap_description, radar_description, trend_description
from selfcheck.packet.inputs import packet_input
from selfcheck.packet.pdf import packet_bytes

NAME = "Zoë Núñez-Øster"
"""A practitioner's name with accents, which a PDF's standard fonts cannot print."""


@pytest.fixture
def reader(make_checkin, rubric) -> PdfReader:
    checkins = three_checkins(make_checkin)
    packet = packet_input(NAME, growth(checkins, RubricVersions.of(rubric)), checkins)
    return PdfReader(io.BytesIO(packet_bytes(packet)))


def titles(outline: list[Any]) -> list[str]:
    """Every title of a PDF outline, depth first."""
    found: list[str] = []
    for entry in outline:
        found += titles(entry) if isinstance(entry, list) else [entry.title]
    return found


def alternative_texts(element: Any) -> list[str]:
    """The alternative texts of a structure element and all of its descendants."""
    element = element.get_object()
    found = [str(element["/Alt"])] if "/Alt" in element else []
    kids = element.get("/K")
    for kid in kids if isinstance(kids, list) else [kids]:
        if hasattr(kid, "get_object") and hasattr(kid.get_object(), "get"):
            found += alternative_texts(kid)
    return found


def test_accented_names_are_text_in_an_embedded_unicode_font(reader):
    """The name reads back letter for letter, set in the embedded DejaVu Sans."""
    first = " ".join(reader.pages[0].extract_text().split())
    assert f"Practitioner {NAME}" in first
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts == {"DejaVuSansBook", "DejaVuSansBold"}
    assert reader.metadata is not None and reader.metadata.title.endswith(NAME)
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_the_outline_lists_every_section(reader):
    """A PDF reader's bookmarks list the title and each numbered section."""
    found = titles(reader.outline)
    assert found[0] == "Reflective supervision packet"
    assert [t for t in found if t[0].isdigit()] == [
        "1. Value means over time",
        "2. Strengths at a glance",
        "3. Each item per check-in",
        "4. Items marked for discussion",
        "5. Next steps",
    ]


def test_each_chart_is_described_in_words(reader, make_checkin, rubric):
    """The charts are tagged figures whose alternative text says what they show."""
    result = growth(three_checkins(make_checkin), RubricVersions.of(rubric))
    described = alternative_texts(reader.trailer["/Root"]["/StructTreeRoot"])
    assert trend_description(result) in described
    assert radar_description(result) in described
    assert heatmap_description(result) in described
