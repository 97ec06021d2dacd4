"""The review's table: every column in view, item titles wrapping into the width left to them."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.events import Resize
from textual.widgets import DataTable

REVIEW_HEADERS = ("#", "Item", "Rating", "Note", "Discuss")
"""The columns, in order; the title and the rating wrap when the terminal is narrow."""

TITLE_COLUMN = REVIEW_HEADERS.index("Item")
"""Where the title sits in a row."""

RATING_COLUMN = REVIEW_HEADERS.index("Rating")
"""Where the rating sits in a row."""

RATING_NARROW = 14
"""The rating's width when space is short: a level ("4 Integrating") or "Not assessable"."""

TITLE_NARROWEST = 12
"""The title column never gets narrower than this, even in a terminal too small for the rest."""

ReviewRow = tuple[Text, ...]
"""One item's cells, in the order of REVIEW_HEADERS."""


class ReviewTable(DataTable[Text]):
    """A row per item, every column in view; titles and long ratings wrap when space is short."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, id=id)
        self._review_rows: list[ReviewRow] = []
        self._widths: tuple[int, int] = (0, 0)

    def show(self, rows: Sequence[ReviewRow], cursor: int) -> None:
        """Fill the table with these rows and put the cursor on row `cursor`."""
        self._review_rows = list(rows)
        self._fill(cursor)

    def _widest(self, column: int) -> int:
        cells = (row[column].cell_len for row in self._review_rows)
        return max(len(REVIEW_HEADERS[column]), *cells)

    def wrapped_widths(self) -> tuple[int, int]:
        """The title's and the rating's widths: whole if they fit, else the title takes the rest."""
        padding = 2 * self.cell_padding
        fixed = sum(
            self._widest(column) + padding
            for column in range(len(REVIEW_HEADERS))
            if column not in (TITLE_COLUMN, RATING_COLUMN)
        )
        room = self.size.width - self.styles.scrollbar_size_vertical - fixed - 2 * padding
        title, rating = self._widest(TITLE_COLUMN), self._widest(RATING_COLUMN)
        if title + rating <= room:
            return title, rating
        rating = min(rating, RATING_NARROW)
        return max(TITLE_NARROWEST, min(title, room - rating)), rating

    def on_resize(self, event: Resize) -> None:
        """Lay the rows out again when the widths of the wrapping columns change."""
        if self.wrapped_widths() != self._widths:
            self._fill(self.cursor_row)

    def _fill(self, cursor: int) -> None:
        self.clear(columns=True)
        self._widths = title, rating = self.wrapped_widths()
        for index, header in enumerate(REVIEW_HEADERS):
            width = {TITLE_COLUMN: title, RATING_COLUMN: rating}.get(index)
            self.add_column(header, width=width)
        for number, row in enumerate(self._review_rows):
            self.add_row(*row, height=None, key=str(number))
        self.move_cursor(row=cursor, animate=False)
