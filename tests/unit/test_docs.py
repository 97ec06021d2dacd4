"""The documented examples are real: the session example loads, the rubric example's keys exist."""

from __future__ import annotations

import re

from helpers.paths import ROOT

from selfcheck.store.checkin_files import load_checkin

DOCS = ROOT / "docs"


def toml_blocks(page: str) -> list[str]:
    return re.findall(r"```toml\n(.*?)```", (DOCS / page).read_text(), flags=re.S)


def test_session_format_example_is_a_valid_session(tmp_path):
    (example,) = toml_blocks("session-format.md")
    path = tmp_path / "example.toml"
    path.write_text(example)
    checkin = load_checkin(path)
    assert checkin.answer("justice-advocacy").not_assessable
    assert checkin.next_steps[0].item == "relationships-growth-instrument"


def test_the_map_names_every_module():
    """docs/architecture.md lists every module of the package, so the map stays the territory."""
    text = (DOCS / "architecture.md").read_text()
    package = ROOT / "selfcheck"
    modules = [p.relative_to(package).as_posix() for p in package.rglob("*.py")]
    assert [
        m for m in sorted(modules) if f"`{m}`" not in text and f"`selfcheck/{m}`" not in text
    ] == []


def test_share_format_example_is_a_valid_share(tmp_path):
    from selfcheck.supervision.files import load_share

    (example,) = toml_blocks("share-format.md")
    path = tmp_path / "share.toml"
    path.write_text(example)
    share = load_share(path)
    assert share.notes == "discuss" and share.checkins[0].items["integrity-honesty"].rating == 4


def test_response_format_example_is_a_valid_response(tmp_path):
    from selfcheck.supervision.files import load_response

    (example,) = toml_blocks("response-format.md")
    path = tmp_path / "response.toml"
    path.write_text(example)
    response = load_response(path)
    assert response.signature_holds  # the documented signature is a real one
    assert response.meeting is not None and response.meeting.minutes == 60
    assert response.item("justice-advocacy").not_assessable
