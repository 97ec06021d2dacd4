"""Every command that reads files, over the hostile corpus: one line per bad file, no traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from selfcheck.cli import main
from selfcheck.storage import session_bytes
from selfcheck.tomlfile import MAX_SESSION_BYTES

CORPUS = Path(__file__).resolve().parent / "data" / "hostile"
SESSIONS = sorted((CORPUS / "sessions").glob("*.toml"))
RUBRICS = sorted((CORPUS / "rubrics").glob("*.toml"))
BAD_SESSIONS = [p for p in SESSIONS if p.name.startswith("bad-")]
OK_SESSIONS = [p for p in SESSIONS if p.name.startswith("ok-")]


def names(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


def assert_one_line_per_bad_file(err: str, bad: list[Path]) -> None:
    """Each bad file is named on exactly one stderr line, and nothing else is printed there."""
    lines = err.splitlines()
    assert "Traceback" not in err
    assert len(lines) == len(bad), err
    for path in bad:
        assert sum(str(path) in line for line in lines) == 1, path


def test_corpus_is_big_and_varied():
    assert len(SESSIONS) + len(RUBRICS) >= 40
    assert OK_SESSIONS and BAD_SESSIONS


@pytest.mark.parametrize("path", SESSIONS, ids=names(SESSIONS))
def test_show_each_file(path, capsys):
    status = main(["show", str(path)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    if path.name.startswith("bad-"):
        assert status == 2
        assert captured.err.count("\n") == 1 and str(path) in captured.err
    else:
        assert status == 0
        assert "\x1b" not in captured.out and "\u202e" not in captured.out


def test_list_over_the_corpus_processes_the_good_files(capsys):
    assert main(["list", str(CORPUS / "sessions")]) == 1
    captured = capsys.readouterr()
    assert_one_line_per_bad_file(captured.err, BAD_SESSIONS)
    assert captured.out.count("complete") == len(OK_SESSIONS)


@pytest.mark.parametrize("path", RUBRICS, ids=names(RUBRICS))
def test_rubric_check_each_file(path, capsys):
    status = main(["rubric", "check", str(path)])
    out = capsys.readouterr().out
    if path.name.startswith("bad-"):
        assert status == 2
        problems = out.splitlines()[:-1]
        assert problems and all(line.startswith(f"{path}: ") for line in problems)
    else:
        assert (status, out) == (0, f"{path}: valid rubric\n")


@pytest.mark.parametrize("path", [p for p in RUBRICS if p.name.startswith("bad-")])
def test_start_with_a_bad_rubric_is_one_line(path, capsys, data_dir):
    assert main(["start", "--rubric", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err


@pytest.fixture
def huge_inputs(tmp_path: Path, make_session) -> Path:
    """A folder with a 50 MB file, a session with a 1 MB note, and a folder named x.toml."""
    folder = tmp_path / "huge"
    folder.mkdir()
    with (folder / "bad-50mb.toml").open("wb") as handle:
        handle.write(b'format = "selfcheck-session"\nnote = "')
        handle.truncate(50 * 1024 * 1024)
    note = "I wrote a lot today. " * 50_000
    session = make_session({"integrity-honesty": 3}, notes={"integrity-honesty": note})
    (folder / "ok-1mb-note.toml").write_bytes(session_bytes(session))
    (folder / "bad-folder.toml").mkdir()
    return folder


def test_huge_inputs_are_refused_before_reading_or_handled(huge_inputs, capsys):
    assert main(["list", str(huge_inputs)]) == 1
    captured = capsys.readouterr()
    bad = sorted(huge_inputs.glob("bad-*"))
    assert_one_line_per_bad_file(captured.err, bad)
    assert f"over the limit of {MAX_SESSION_BYTES:,}" in captured.err
    assert captured.out.count("complete") == 1


def test_data_dir_full_of_hostile_files_still_lists_the_good_ones(data_dir, capsys):
    shutil.copytree(CORPUS / "sessions", data_dir / "sessions")
    assert main(["list"]) == 1
    assert capsys.readouterr().out.count("complete") == len(OK_SESSIONS)
