"""The packet's PDF document on fpdf2: A4, an embedded Unicode font, headings in the outline."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fpdf import FPDF, FontFace, TextStyle

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FONT = "DejaVu"
"""The family the packet embeds: DejaVu Sans, which ships with matplotlib and covers accents."""
MARGIN = 47.6
"""Left and right page margins in points: a text width of 500 points on A4."""
TOP = 40.0
"""The top margin in points."""
BOTTOM = 48.0
"""The bottom margin in points, which holds the footer."""
BLACK = (0, 0, 0)
MUTED = (85, 85, 85)
"""Grey of secondary text (7:1 on white)."""
RULE = (187, 187, 187)
"""Light grey of the rule under a table's header."""
CELL_MARGIN = 1.5
"""Points a table cell's text keeps from each side of its column."""
CHART_DPI = 150
"""Resolution of the chart images: sharp enough to print, quick to draw."""
ELLIPSIS = "…"
"""Ends a text cut to fit its column."""
CLOSING_NOTE = re.compile(r"(.+?)( \([^()]+\))")
"""A text ending in a note in brackets, like an item's `(only in 1.0.0)`, kept when cutting."""
HEADING_SIZES = (20, 14, 12)
"""Points of the title, a section, and a part of a section."""
HEADING_STYLES = tuple(
    TextStyle(font_family=FONT, font_style="B", font_size_pt=size, t_margin=top, b_margin=4)
    for size, top in zip(HEADING_SIZES, (0, 10, 8), strict=True)
)
"""The title, a section, and a part of a section: each also an entry of the PDF's outline."""


@cache
def font_files() -> dict[str, Path]:
    """DejaVu Sans regular and bold from matplotlib's own fonts, by fpdf2 style."""
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return {"": folder / "DejaVuSans.ttf", "B": folder / "DejaVuSans-Bold.ttf"}


class PacketDocument(FPDF):
    """An A4 document of flowing paragraphs, outlined headings, ruled tables and charts."""

    def __init__(self, title: str, footer: str) -> None:
        super().__init__(orientation="portrait", unit="pt", format="A4")
        self.footer_text = footer
        for style, path in font_files().items():
            self.add_font(FONT, style=style, fname=str(path))
        self.set_margins(MARGIN, TOP, MARGIN)
        self.set_auto_page_break(True, margin=BOTTOM)
        self.c_margin = CELL_MARGIN
        self.set_title(title)
        self.set_lang("en")
        self.set_creator("selfcheck")
        self.set_section_title_styles(*HEADING_STYLES)
        self.set_font(FONT, size=10)

    def footer(self) -> None:
        """Who and when the packet is about, and the page number, at the foot of every page."""
        with self.local_context(font_size=7, text_color=MUTED):
            self.set_y(-BOTTOM + 16)
            self.cell(0, 10, self.footer_text, align="L")
            self.set_x(MARGIN)
            self.cell(0, 10, f"page {self.page_no()}", align="R")

    def paragraph(
        self,
        text: str,
        *,
        size: float = 10,
        bold: bool = False,
        muted: bool = False,
        indent: float = 0.0,
        bullet: str = "",
        space_before: float = 0.0,
    ) -> None:
        """A paragraph of literal text wrapped to the text width, with a hanging bullet."""
        self.ln(space_before)
        with self.local_context(
            font_family=FONT,
            font_style="B" if bold else "",
            font_size=size,
            text_color=MUTED if muted else BLACK,
        ):
            self.set_x(self.l_margin + indent)
            left = indent
            if bullet:
                width = self.get_string_width(bullet + " ")
                self.cell(width, size * 1.35, bullet)
                left += width
            self.multi_cell(
                self.epw - left, size * 1.35, text, align="L", new_x="LMARGIN", new_y="NEXT"
            )

    def heading(self, text: str, level: int = 1, *, new_page: bool = False) -> None:
        """A heading in the outline, on a new page if asked or if fewer than six lines fit."""
        if new_page or self.will_page_break(HEADING_SIZES[level] * 2 + 6 * 14):
            self.add_page()
        self.start_section(text, level=level)

    def chart(self, fig: Figure, alt_text: str) -> None:
        """A matplotlib figure as an image across the text width, described for screen readers."""
        from selfcheck.store.images import figure_bytes

        width, height = fig.get_size_inches()
        shown = self.epw * height / width
        if self.will_page_break(shown):
            self.add_page()
        image = figure_bytes(fig, "png", dpi=CHART_DPI)
        self.image(image, x=self.l_margin, w=self.epw, h=shown, alt_text=alt_text)
        self.ln(4)

    def ruled_table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        size: float = 7.5,
    ) -> None:
        """A table ruled under its header, which repeats on each page; long names are cut to fit.

        `widths` are shares of the text width; the first column is left, the rest right aligned.
        """
        rooms = [share * self.epw - 2 * CELL_MARGIN for share in widths]
        aligns = ("LEFT", *(["RIGHT"] * (len(widths) - 1)))
        header_style = FontFace(family=FONT, emphasis="", size_pt=size - 0.5, color=BLACK)
        with (
            self.local_context(font_family=FONT, font_size=size, draw_color=RULE, line_width=0.6),
            self.table(
                col_widths=tuple(widths),
                text_align=aligns,
                borders_layout="SINGLE_TOP_LINE",
                headings_style=header_style,
                line_height=size * 1.2,
                padding=(1.2, CELL_MARGIN),
                width=self.epw,
            ) as table,
        ):
            heading = table.row()
            for col, cell in enumerate(header):
                weight = "B" if col == 0 else ""
                heading.cell(
                    fit_lines(cell, rooms[col], size if col == 0 else size - 0.5, weight),
                    style=FontFace(emphasis=weight.replace("B", "BOLD") or None),
                )
            for cells in rows:
                row = table.row()
                for col, cell in enumerate(cells):
                    row.cell(fit_lines(cell, rooms[col], size))
        self.ln(size)

    def facts(self, facts: Sequence[tuple[str, str]]) -> None:
        """Label and value pairs in two columns, labels muted; an empty label continues above."""
        with (
            self.local_context(font_family=FONT, font_size=10),
            self.table(
                col_widths=(0.17, 0.83),
                text_align="LEFT",
                borders_layout="NONE",
                first_row_as_headings=False,
                line_height=13,
                width=self.epw,
            ) as table,
        ):
            for label, value in facts:
                row = table.row()
                row.cell(label, style=FontFace(color=MUTED))
                row.cell(value)

    def pdf_bytes(self) -> bytes:
        """The finished document."""
        return bytes(self.output())


@lru_cache(maxsize=1)
def _measuring() -> FPDF:
    document = FPDF(unit="pt")
    for style, path in font_files().items():
        document.add_font(FONT, style=style, fname=str(path))
    return document


@lru_cache(maxsize=4096)
def text_width(text: str, size: float, weight: str = "") -> float:
    """The width in points of one line of `text` in the packet's font at `size` points."""
    document = _measuring()
    document.set_font(FONT, style=weight, size=size)
    return float(document.get_string_width(text))


def fit_width(text: str, points: float, size: float, weight: str = "") -> str:
    """`text` whole when it fits in `points`, else cut to fit and ending in an ellipsis.

    A closing note in brackets (an item's `(only in 1.0.0)`) stays whole after the cut.
    """
    if text_width(text, size, weight) <= points:
        return text
    head, tail = text, ""
    noted = CLOSING_NOTE.fullmatch(text)
    if noted and text_width(noted[2], size, weight) < points / 2:
        head, tail = noted[1], noted[2]
    low, high = 0, len(head)
    while low < high:
        middle = (low + high + 1) // 2
        cut = head[:middle].rstrip() + ELLIPSIS + tail
        low, high = (middle, high) if text_width(cut, size, weight) <= points else (low, middle - 1)
    return head[:low].rstrip() + ELLIPSIS + tail


def fit_lines(cell: str, points: float, size: float, weight: str = "") -> str:
    """Each line of a table cell fitted to `points` on its own."""
    return "\n".join(fit_width(line, points, size, weight) for line in cell.split("\n"))


def figure(width: float, height: float) -> tuple[Figure, Any]:
    """A figure of `width` by `height` inches laid out to fit, and its one axes."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    return fig, fig.add_subplot()


def polar_figure(width: float, height: float) -> tuple[Figure, Any]:
    """A figure with one polar axes, leaving room around it for the spokes' long labels."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height))
    fig.subplots_adjust(left=0.22, right=0.78, top=0.9, bottom=0.14)
    return fig, fig.add_subplot(projection="polar")
