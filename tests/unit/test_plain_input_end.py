"""Piped answers that run out before the work is done: one line on stderr and exit 1 (#21)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from selfcheck.cli import main
from selfcheck.store.checkin_files import load_data_dir


def test_input_ending_at_the_focus_chooser_is_unfinished(
    data_dir: Path, make_checkin, save, monkeypatch, capsys
) -> None:
    """Piped input ending at the focus chooser said "No check-in was started." and exited 0,
    as if the person had chosen to stop; now it is one line on stderr and exit 1."""
    save(make_checkin({"integrity-honesty": 3}))
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["start", "--plain", "--focus", "--data-dir", str(data_dir)]) == 1
    out, err = capsys.readouterr()
    assert "No check-in was started." in out
    assert err.strip().splitlines() == [
        "selfcheck: the input ended before the focus items were chosen; no check-in was started"
    ]
    assert len(load_data_dir(data_dir).checkins) == 1


def test_q_at_the_focus_chooser_stops_without_an_error(
    data_dir: Path, make_checkin, save, monkeypatch, capsys
) -> None:
    """Typing q at the chooser is a choice to stop: exit 0 and nothing on stderr."""
    save(make_checkin({"integrity-honesty": 3}))
    monkeypatch.setattr(sys, "stdin", io.StringIO("q\n"))
    assert main(["start", "--plain", "--focus", "--data-dir", str(data_dir)]) == 0
    out, err = capsys.readouterr()
    assert "No check-in was started." in out and err == ""
