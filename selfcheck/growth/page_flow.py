"""Flowing text, tables and charts down A4 pages of a matplotlib PDF, typed text kept literal."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

PAGE = (8.27, 11.69)
"""A4 portrait, in inches."""
LEFT = 0.08
RIGHT = 0.92
TOP = 0.95
BOTTOM = 0.06
MUTED = "#555555"
RULE = "#bbbbbb"
CELL_GAP = 3.0
"""Points a table cell's text leaves free before the next column's text."""
ELLIPSIS = "…"
"""Ends a text cut to fit its column."""
CLOSING_NOTE = re.compile(r"(.+?)( \([^()]+\))")
"""A text ending in a note in brackets, like an item's `(only in 1.0.0)`, kept when cutting."""
WIDEST_CHAR = 1.1
"""No character of the font is wider than this many times its size (a quick bound)."""


class PageFlow:
    """Places blocks top to bottom, starting a new page when a block does not fit."""

    def __init__(self, pdf: PdfPages, footer: str) -> None:
        self.pdf = pdf
        self.footer = footer
        self.fig: Figure | None = None
        self.y = TOP
        self.pages = 0

    def new_page(self) -> Figure:
        """Finish the current page and start a fresh one."""
        from matplotlib.figure import Figure

        self.close_page()
        self.fig = Figure(figsize=PAGE)
        self.pages += 1
        self.y = TOP
        self.fig.text(LEFT, 0.03, self.footer, fontsize=7, color=MUTED, parse_math=False)
        self.fig.text(RIGHT, 0.03, f"page {self.pages}", fontsize=7, color=MUTED, ha="right")
        return self.fig

    def close_page(self) -> None:
        """Write the current page to the PDF."""
        if self.fig is not None:
            self.pdf.savefig(self.fig)  # type: ignore[no-untyped-call]
            self.fig = None

    def page(self) -> Figure:
        """The page being filled (a new one if none is open)."""
        return self.fig if self.fig is not None else self.new_page()

    def room(self, height: float) -> Figure:
        """The page to draw a block of `height` (figure fraction) on, breaking if needed."""
        if self.fig is None or (self.y - height < BOTTOM and self.y < TOP):
            self.new_page()
        return self.page()

    @staticmethod
    def line_height(size: float) -> float:
        """The height of one line of text of `size` points, as a fraction of the page."""
        return size * 1.45 / (PAGE[1] * 72)

    @staticmethod
    def chars_per_line(size: float, indent: float = 0.0) -> int:
        """How many characters of `size` points fit across the text width."""
        width_pt = (RIGHT - LEFT - indent) * PAGE[0] * 72
        return max(20, int(width_pt / (0.55 * size)))

    def text(
        self,
        text: str,
        *,
        size: float = 10,
        indent: float = 0.0,
        weight: str = "normal",
        color: str = "black",
        space_before: float = 0.0,
        bullet: str = "",
    ) -> None:
        """A wrapped paragraph of literal text (never read as math)."""
        self.y -= space_before
        width = self.chars_per_line(size, indent) - len(bullet)
        lines: list[str] = []
        for paragraph in text.split("\n") or [""]:
            lines += textwrap.wrap(paragraph, width, break_long_words=True) or [""]
        step = self.line_height(size)
        for index, line in enumerate(lines):
            fig = self.room(step)
            prefix = bullet if index == 0 else " " * len(bullet)
            fig.text(
                LEFT + indent,
                self.y,
                prefix + line,
                fontsize=size,
                va="top",
                fontweight=weight,
                color=color,
                parse_math=False,
            )
            self.y -= step

    def heading(self, text: str, size: float = 14) -> None:
        """A section heading, kept together with at least a few lines after it."""
        needed = self.line_height(size) + 6 * self.line_height(10)
        if self.y - needed < BOTTOM:
            self.new_page()
        self.text(text, size=size, weight="bold", space_before=0.012)
        self.y -= 0.004

    def chart(
        self,
        height: float,
        draw: Callable[[Axes], None],
        *,
        polar: bool = False,
        margins: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0),
    ) -> None:
        """An axes `height` high (page share) drawn by `draw`; margins: left, right, top, bottom."""
        fig = self.room(height)
        left, right, top, bottom = margins
        rect = (
            LEFT + left,
            self.y - height + bottom,
            RIGHT - LEFT - left - right,
            height - top - bottom,
        )
        ax = fig.add_axes(rect, projection="polar" if polar else None)
        draw(ax)
        self.y -= height

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        size: float = 7.5,
        header_lines: int = 1,
    ) -> None:
        """A ruled table; `widths` are column shares of the text width; the header repeats."""
        step = self.line_height(size) * 1.1
        room = [share * (RIGHT - LEFT) * PAGE[0] * 72 - CELL_GAP for share in widths]
        xs = [LEFT]
        for share in widths[:-1]:
            xs.append(xs[-1] + share * (RIGHT - LEFT))

        def draw_header() -> None:
            fig = self.room(step * (header_lines + 2))
            for col, cell in enumerate(header):
                weight = "bold" if col == 0 else "normal"
                fig.text(
                    *self._cell_at(xs, col, widths),
                    self.y,
                    fit_lines(cell, room[col], size if col == 0 else size - 0.5, weight),
                    fontsize=size if col == 0 else size - 0.5,
                    fontweight=weight,
                    va="top",
                    parse_math=False,
                    **_align(col),
                )
            self.y -= step * header_lines
            fig.add_artist(_rule(fig, self.y + step * 0.15))
            self.y -= step * 0.2

        draw_header()
        for row in rows:
            if self.y - step < BOTTOM:
                self.new_page()
                draw_header()
            fig = self.page()
            for col, cell in enumerate(row):
                fig.text(
                    *self._cell_at(xs, col, widths),
                    self.y,
                    fit_lines(cell, room[col], size),
                    fontsize=size,
                    va="top",
                    parse_math=False,
                    **_align(col),
                )
            self.y -= step
        self.y -= step * 0.6

    @staticmethod
    def _cell_at(xs: list[float], col: int, widths: Sequence[float]) -> tuple[float]:
        if col == 0:
            return (xs[0],)
        return (xs[col] + widths[col] * (RIGHT - LEFT) - 0.004,)


@lru_cache(maxsize=4096)
def text_width(text: str, size: float, weight: str = "normal") -> float:
    """The width in points of one line of `text` in the packet's font at `size` points."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    font = FontProperties(family="DejaVu Sans", size=size, weight=weight)
    width, _, _ = text_to_path.get_text_width_height_descent(text, font, ismath=False)
    return float(width)


def fit_width(text: str, points: float, size: float, weight: str = "normal") -> str:
    """`text` whole when it fits in `points`, else cut to fit and ending in an ellipsis.

    A closing note in brackets (an item's `(only in 1.0.0)`) stays whole after the cut.
    """
    if len(text) * size * WIDEST_CHAR <= points or text_width(text, size, weight) <= points:
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


def fit_lines(cell: str, points: float, size: float, weight: str = "normal") -> str:
    """Each line of a table cell fitted to `points` on its own."""
    return "\n".join(fit_width(line, points, size, weight) for line in cell.split("\n"))


def _align(col: int) -> dict[str, Any]:
    return {"ha": "left" if col == 0 else "right"}


def _rule(fig: Figure, y: float) -> Any:
    from matplotlib.lines import Line2D

    return Line2D([LEFT, RIGHT], [y, y], transform=fig.transFigure, color=RULE, linewidth=0.6)
