"""Charts on disk: the one list of image formats, and a figure written atomically and privately."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from selfcheck.formats.errors import SelfcheckError
from selfcheck.store.outputs import write_out

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
"""Image file extensions selfcheck writes, and the matplotlib format of each."""


def image_format(path: Path) -> str:
    """The image format a file name asks for, by its extension; one line when it is unknown."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise SelfcheckError(
            f"{path}: unknown extension {path.suffix or '(none)'!r}; use .png, .svg or .pdf"
        )
    return fmt


def figure_bytes(fig: Figure, fmt: str, dpi: int = 150) -> bytes:
    """The figure rendered in memory as png, svg or pdf, without time stamps."""
    buffer = io.BytesIO()
    metadata = {"png": {}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}[fmt]
    fig.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata)
    return buffer.getvalue()


def save_figure(fig: Figure, path: Path, dpi: int = 150) -> None:
    """Write the figure to `path` atomically and privately, in the format its extension names."""
    write_out(path, figure_bytes(fig, image_format(path), dpi))
