"""Readers that cannot be made to eat the machine: every bound ends in one line, no traceback."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from helpers.other_user import give_to_user, run_as_user, user_folder
from helpers.paths import DATA

from selfcheck.cli import main
from selfcheck.store.checkin_files import checkin_bytes

CORPUS = DATA / "hostile"
OK_EXPORT = CORPUS / "exports" / "ok-export.toml"


def one_line_naming(err: str, path: Path) -> None:
    assert "Traceback" not in err
    (line,) = [line for line in err.splitlines() if str(path) in line]
    assert line.startswith(("skipped ", "selfcheck: "))


def test_a_deeply_dotted_key_is_refused_in_one_line(tmp_path, capsys):
    """32 KB of `a.a.a...` made every reader allocate about 1 GB."""
    path = tmp_path / "dotted.toml"
    path.write_text("a" + ".a" * 16_000 + " = 1\n")
    assert main(["show", str(path)]) == 2
    err = capsys.readouterr().err
    one_line_naming(err, path)
    assert "dotted key of more than" in err


def test_an_integer_of_5000_digits_is_one_line_and_aggregate_goes_on(tmp_path, capsys):
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "ok.toml").write_bytes(OK_EXPORT.read_bytes())
    huge = folder / "huge-int.toml"
    huge.write_text('format = "selfcheck-anonymous"\nformat_version = ' + "9" * 5000 + "\n")
    assert main(["aggregate", str(folder), "--min-group", "3"]) == 1
    captured = capsys.readouterr()
    one_line_naming(captured.err, huge)
    assert "relationships-growth-instrument" in captured.out


@pytest.mark.parametrize(
    ("what", "extra"),
    [
        ("next steps", '[[next_steps]]\ntext = "call the family"\n' * 100_000),
        ("item tables", "".join(f"[items.x{n}]\ndiscuss = true\n" for n in range(100_000))),
    ],
)
def test_a_hundred_thousand_steps_or_items_are_refused(what, extra, tmp_path, make_checkin, capsys):
    """100,000 next steps took `report` 37 s; 100,000 unknown items reached 5.9 GB."""
    path = tmp_path / f"many-{what.replace(' ', '-')}.toml"
    path.write_bytes(checkin_bytes(make_checkin({"integrity-honesty": 3})) + extra.encode())
    assert main(["report", "--out", str(tmp_path / "p.pdf"), str(path)]) == 2
    err = capsys.readouterr().err
    assert "more than 20,000 keys" in err and err.count("\n") <= 2
    assert not (tmp_path / "p.pdf").exists()


def test_step_and_item_limits_are_in_the_model(tmp_path, make_checkin, capsys):
    path = tmp_path / "steps.toml"
    steps = '[[next_steps]]\ntext = "call"\n' * 201
    path.write_bytes(checkin_bytes(make_checkin({"integrity-honesty": 3})) + steps.encode())
    assert main(["show", str(path)]) == 2
    assert "next_steps: List should have at most 200 items" in capsys.readouterr().err


@pytest.mark.parametrize("moment", ["9999-12-31T23:00:00-23:59", "0001-01-01T00:30:00+14:00"])
@pytest.mark.parametrize("command", ["plot", "report"])
def test_extreme_dates_are_refused_by_the_model(moment, command, tmp_path, make_checkin, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for day in (0, 30):
        checkin = make_checkin({"integrity-honesty": 3}, day=day)
        (folder / f"{checkin.id}.toml").write_bytes(checkin_bytes(checkin))
    text = checkin_bytes(make_checkin({"integrity-honesty": 4}, day=60)).decode()
    odd = folder / "odd-date.toml"
    odd.write_text(re.sub(r"(?m)^finished = .*$", f"finished = {moment}", text))
    out = tmp_path / ("c.png" if command == "plot" else "p.pdf")
    assert main([command, "--out", str(out), str(folder)]) == 1
    err = capsys.readouterr().err
    one_line_naming(err, odd)
    assert "between the years 1970 and 2999" in err
    assert out.stat().st_size > 1000


def test_a_symlink_loop_in_an_aggregate_folder_is_one_skipped_line(tmp_path, capsys):
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "ok.toml").write_bytes(OK_EXPORT.read_bytes())
    loop = folder / "loop.toml"
    loop.symlink_to(loop)
    assert main(["aggregate", str(folder), "--min-group", "3"]) == 1
    one_line_naming(capsys.readouterr().err, loop)


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["trends"],
        ["export", "--anonymous", "--program", "P", "--dry-run"],
        ["show", "latest"],
    ],
)
def test_an_unreadable_sessions_folder_is_one_line(command):
    """Mode 000 as an ordinary user ended in a traceback in list, trends, export and show."""
    with user_folder() as home:
        data = home / "data"
        assert run_as_user(["--data-dir", str(data), "config", "--name", "Robin"])[0] == 0
        (data / "sessions").mkdir(mode=0o700)
        give_to_user(data)
        (data / "sessions").chmod(0)
        status, _out, err = run_as_user([*command[:1], "--data-dir", str(data), *command[1:]])
    assert "Traceback" not in err
    assert status in (1, 2)
    assert "sessions: folder cannot be read (Permission denied)" in err


def test_an_unreadable_data_folder_is_one_line():
    with user_folder() as home:
        data = home / "data"
        data.mkdir(mode=0o700)
        give_to_user(data)
        data.chmod(0)
        status, _out, err = run_as_user(["--data-dir", str(data), "config"])
    assert (status, "Traceback" in err, err.count("\n")) == (2, False, 1)
    assert "no permission" in err


def test_out_naming_a_folder_is_one_line_and_changes_nothing(tmp_path, make_checkin, save, capsys):
    for day in (0, 30):
        save(make_checkin({"integrity-honesty": 3}, day=day))
    for command, name in (("trends", "t.csv"), ("plot", "c.png"), ("report", "p.pdf")):
        folder = tmp_path / name
        folder.mkdir()
        status = main([command, "--out", str(folder)])
        err = capsys.readouterr().err
        assert status == 2 and "Traceback" not in err and err.count("\n") == 1, err
        assert "is a folder; give a file name" in err
        assert list(folder.iterdir()) == []


def test_a_full_disk_is_one_line_and_the_old_file_stays(
    tmp_path, make_checkin, save, monkeypatch, capsys
):
    import errno

    from selfcheck.store import files

    for day in (0, 30):
        save(make_checkin({"integrity-honesty": 3}, day=day))
    out = tmp_path / "t.csv"
    out.write_text("old")
    out.chmod(0o600)  # an earlier output of selfcheck's: replaced without a word

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", full)
    assert main(["trends", "--format", "csv", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the disk is full" in err
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_read_only_data_folder_is_one_line_in_config_and_start():
    with user_folder() as home:
        data = home / "data"
        data.mkdir(mode=0o700)
        give_to_user(data)
        data.chmod(0o500)
        for argv in (
            ["config", "--name", "Robin"],
            ["export", "--anonymous", "--program", "P", "--dry-run"],
        ):
            status, _out, err = run_as_user([argv[0], "--data-dir", str(data), *argv[1:]])
            assert status == 2 and "Traceback" not in err and err.count("\n") == 1, err
