"""Plain mode says "Saved" only for what is on disk; a failed write ends the run, said once."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from selfcheck.cli import main
from selfcheck.formats.checkin import MAX_NEXT_STEPS, NextStep
from selfcheck.formats.errors import SelfcheckError
from selfcheck.store import vault
from selfcheck.store.checkin_files import load_data_dir


def test_a_full_disk_is_never_said_saved(data_dir: Path, monkeypatch, capsys) -> None:
    """On a full disk plain mode said "Not saved" and at once "Saved: 4", then "The draft is
    saved" with exit 0 and the answers lost; now the failure is one line and the exit is 2."""
    real = vault.write_atomic
    drafts: list[Path] = []

    def full_after_the_first_answer(path: Path, data: bytes) -> None:
        if path.parent.name == "sessions":
            drafts.append(path)
            if len(drafts) > 1:
                raise SelfcheckError(f"{path}: the disk is full; nothing was changed")
        real(path, data)

    monkeypatch.setattr(vault, "write_atomic", full_after_the_first_answer)
    monkeypatch.setattr(sys, "stdin", io.StringIO("4\n3\n2\n"))
    assert main(["start", "--plain", "--data-dir", str(data_dir)]) == 2
    out, err = capsys.readouterr()
    assert out.count("Saved:") == 1 and "The draft is saved" not in out
    assert err.count("the disk is full") == 1
    assert "Not saved:" in err and len(err.strip().splitlines()) == 1
    (checkin,) = load_data_dir(data_dir).checkins
    assert [answer.rating for answer in checkin.items.values()] == [4]


def test_a_note_too_big_for_any_reader_is_refused_before_saving(
    data_dir: Path, monkeypatch, capsys
) -> None:
    """A 10 MB note was saved, then every reader refused the draft and the next `start` began
    a new one; now the note is refused in one line and the draft stays readable."""
    huge = ("x" * 60_000 + "\n") * 170  # about 10 MB, in lines a terminal could send
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"4\nn\n{huge}\nq\n"))
    assert main(["start", "--plain", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "Not saved: check-in" in out and "a check-in may hold" in out
    loaded = load_data_dir(data_dir)
    assert loaded.problems == []
    (checkin,) = loaded.checkins
    assert checkin.items and not any(answer.note for answer in checkin.items.values())


def test_a_step_past_the_plans_limit_is_refused_in_one_line(
    data_dir: Path, make_checkin, save, rubric, monkeypatch, capsys
) -> None:
    """The 201st next step was a pydantic error with no words for a person (in the app, the
    end of the app); now it is refused before saving, in one line, and the plan stays readable."""
    draft = make_checkin({item.id: 3 for item in rubric.items}, complete=False)
    draft.next_steps = [NextStep(text=f"step {number}") for number in range(MAX_NEXT_STEPS)]
    save(draft)
    monkeypatch.setattr(sys, "stdin", io.StringIO("f\ny\none step too many\n\n"))
    assert main(["start", "--plain", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert out.count(f"Not saved: a check-in holds at most {MAX_NEXT_STEPS} next steps") == 1
    loaded = load_data_dir(data_dir)
    assert loaded.problems == []
    (checkin,) = loaded.checkins
    assert checkin.complete and len(checkin.next_steps) == MAX_NEXT_STEPS
