"""Shares and responses are read by the check-in's own rules and the travelling-text rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.paths import DATA

from selfcheck.formats.errors import InputError
from selfcheck.supervision.files import load_response, load_share

CORPUS = DATA / "hostile"
SHARES = sorted((CORPUS / "shares").glob("*.toml"))
RESPONSES = sorted((CORPUS / "responses").glob("*.toml"))


@pytest.mark.parametrize("path", SHARES, ids=[p.name for p in SHARES])
def test_each_share_is_read_or_refused_in_one_line(path: Path) -> None:
    """A share whose check-in ends before it starts, dated year 1 or 9999, sharing one check-in
    twice, holding notes under `notes = "none"`, or with controls, bidi overrides or line
    breaks in a name or next step passed the share checks; now each is one line naming it."""
    if path.name.startswith("ok-"):
        load_share(path)
        return
    with pytest.raises(InputError) as refused:
        load_share(path)
    assert str(path) in str(refused.value) and "\n" not in str(refused.value)


@pytest.mark.parametrize("path", RESPONSES, ids=[p.name for p in RESPONSES])
def test_each_response_is_read_or_refused_in_one_line(path: Path) -> None:
    """A supervisor name or next step with controls, bidi overrides or line breaks, or a
    meeting outside the years 1970-2999, was accepted; now each is one line naming the file."""
    if path.name.startswith("ok-"):
        load_response(path)
        return
    with pytest.raises(InputError) as refused:
        load_response(path)
    assert str(path) in str(refused.value) and "\n" not in str(refused.value)
