"""Plain mode under hostile piped input: one line and the question again, never a traceback."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from selfcheck.cli import main
from selfcheck.store.checkin_files import load_data_dir


def piped(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Plain mode's stdin is these bytes, as from a pipe (not a terminal)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_invalid_utf8_is_one_line_and_the_question_again(
    data_dir: Path, monkeypatch, capsys
) -> None:
    """A line that is not UTF-8 ended plain mode in a traceback; now it is said in one line,
    the question comes again, and the next answer is saved."""
    piped(monkeypatch, b"\xff\xfe\xc3(\n4\nq\n")
    assert main(["start", "--plain", "--data-dir", str(data_dir)]) == 0
    out, err = capsys.readouterr()
    assert out.count("That line is not UTF-8 text; type it again.") == 1
    assert "Saved: 4" in out and err == ""
    (checkin,) = load_data_dir(data_dir).checkins
    assert [answer.rating for answer in checkin.items.values()] == [4]


def test_a_5000_digit_number_at_the_review_is_one_line_and_the_question_again(
    data_dir: Path, monkeypatch, capsys
) -> None:
    """A 5,000-digit item number at the review prompt ended in a traceback (Python refuses to
    convert it); now it is not an answer, said in one line, the question comes again, and an
    item number then opens that item."""
    piped(monkeypatch, b"r\n" + b"9" * 5000 + b"\n3\n4\nq\n")
    assert main(["start", "--plain", "--data-dir", str(data_dir)]) == 0
    out, err = capsys.readouterr()
    assert out.count("Not an answer:") == 1 and "Item 3 of" in out and err == ""
    (checkin,) = load_data_dir(data_dir).checkins
    assert [answer.rating for answer in checkin.items.values()] == [4]


def test_piped_answers_are_echoed_printable(data_dir: Path, monkeypatch, capsys) -> None:
    """A script's answers were echoed raw, so a note could drive the terminal (set the
    clipboard, recolour it); now the echo goes through the same printable rule as `show`,
    and the note itself is kept as typed."""
    note = "\x1b]52;c;ZXZpbA==\x07Planted\x1b[31m"
    piped(monkeypatch, f"n {note}\nq\n".encode())
    assert main(["start", "--plain", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "Planted" in out and "\x1b" not in out and "\x07" not in out
    (checkin,) = load_data_dir(data_dir).checkins
    assert [answer.note for answer in checkin.items.values()] == [note]
