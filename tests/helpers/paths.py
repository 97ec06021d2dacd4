"""Where the checkout's folders are, for tests that read its files or run it from source."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
"""The checkout: README.md, pyproject.toml, docs/ and rubrics/."""

DATA = ROOT / "tests" / "data"
"""Test data: the hostile corpus, the small versioned rubric and the eight-word runs."""

BROWSER = ROOT / "tests" / "browser"
"""The axe-core check of the HTML packet, run by Node in Chromium."""
