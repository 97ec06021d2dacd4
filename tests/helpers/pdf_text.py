"""The text of a PDF's pages, for tests that read what a packet says."""

from __future__ import annotations

import io

from pypdf import PdfReader


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page of the PDF `data`."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def flat(pages: list[str]) -> str:
    """All pages as one line, runs of whitespace made one space."""
    return " ".join(" ".join(pages).split())
