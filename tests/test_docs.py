"""The documented examples are real: the session example loads, the rubric example's keys exist."""

from __future__ import annotations

import re
from pathlib import Path

from selfcheck.store.sessions import load_session

DOCS = Path(__file__).resolve().parents[1] / "docs"


def toml_blocks(page: str) -> list[str]:
    return re.findall(r"```toml\n(.*?)```", (DOCS / page).read_text(), flags=re.S)


def test_session_format_example_is_a_valid_session(tmp_path):
    (example,) = toml_blocks("session-format.md")
    path = tmp_path / "example.toml"
    path.write_text(example)
    session = load_session(path)
    assert session.answer("justice-advocacy").not_assessable
    assert session.next_steps[0].item == "relationships-growth-instrument"


def test_the_map_names_every_module():
    """docs/architecture.md lists every module of the package, so the map stays the territory."""
    root = Path(__file__).resolve().parents[1]
    text = (root / "docs" / "architecture.md").read_text()
    package = root / "selfcheck"
    modules = [p.relative_to(package).as_posix() for p in package.rglob("*.py")]
    assert [
        m for m in sorted(modules) if f"`{m}`" not in text and f"`selfcheck/{m}`" not in text
    ] == []
