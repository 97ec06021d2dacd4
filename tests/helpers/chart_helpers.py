"""Catch the figure a command saves, drawn, so tests read what the chart really shows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import selfcheck.program.chart
import selfcheck.store.images


def catch_figures(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Keep every figure `save_figure` writes (still written), drawn by Agg before it is kept."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    caught: list[Any] = []
    save: Callable[..., None] = selfcheck.store.images.save_figure

    def keep(fig: Any, path: Path, dpi: int = 150) -> None:
        save(fig, path, dpi)
        FigureCanvasAgg(fig)
        fig.canvas.draw()
        caught.append(fig)

    monkeypatch.setattr(selfcheck.store.images, "save_figure", keep)
    monkeypatch.setattr(selfcheck.program.chart, "save_figure", keep)
    return caught


def tick_texts(labels: list[Any]) -> list[str]:
    """The texts of tick labels, left to right or top to bottom."""
    return [label.get_text() for label in labels]
