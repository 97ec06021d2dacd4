"""A data folder that is not one: every command says so in one line and exits 2, writing nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers.other_user import give_to_user, run_as_user, user_folder

from selfcheck.cli import main

COMMANDS: list[list[str]] = [
    ["start"],
    [],
    ["config"],
    ["config", "--name", "Robin"],
    ["export", "--anonymous", "--program", "P", "--dry-run"],
    ["list"],
    ["show", "latest"],
    ["trends"],
    ["plot", "--out", "OUT/trend.png"],
    ["report", "--out", "OUT/packet.pdf"],
    ["demo"],
]
"""Every command that uses the data folder (`[]` is the app's home screen, whose `s` starts)."""


def refused(argv: list[str], folder: Path, tmp_path: Path, capsys) -> str:
    """Run `selfcheck --data-dir FOLDER ...`; assert exit 2 and one line; return the line."""
    argv = [arg.replace("OUT", str(tmp_path / "out")) for arg in argv]
    assert main(["--data-dir", str(folder), *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    assert captured.err.count("\n") == 1, captured.err
    assert not (tmp_path / "out").exists()
    return captured.err


def command_id(argv: list[str]) -> str:
    return " ".join(argv[:2]) or "(home)"


@pytest.mark.parametrize("argv", COMMANDS, ids=command_id)
def test_a_file_given_as_the_data_folder(argv, tmp_path: Path, capsys) -> None:
    """A file, by --data-dir: named, said to be a file, and left as it was."""
    folder = tmp_path / "notes.txt"
    folder.write_text("mine\n")
    line = refused(argv, folder, tmp_path, capsys)
    assert str(folder) in line and "is a file, not a folder" in line
    assert folder.read_text() == "mine\n"


@pytest.mark.parametrize("argv", COMMANDS, ids=command_id)
def test_a_folder_inside_a_file_from_the_environment(
    argv, tmp_path: Path, capsys, monkeypatch
) -> None:
    """SELFCHECK_DATA_DIR under a file cannot be created: said in one line, nothing made."""
    afile = tmp_path / "notes.txt"
    afile.write_text("mine\n")
    monkeypatch.setenv("SELFCHECK_DATA_DIR", str(afile / "selfcheck"))
    argv = [arg.replace("OUT", str(tmp_path / "out")) for arg in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    # demo takes its folder only from --data-dir, and says so first.
    assert f"is inside {afile}, which is a file" in err or argv == ["demo"]


@pytest.mark.parametrize("argv", COMMANDS, ids=command_id)
def test_a_folder_without_permission(argv) -> None:
    """A folder this user may not even read: one line, exit 2, nothing made.

    Run as an ordinary user (uid 65534 when the tests run as root, who may read anywhere)."""
    with user_folder() as home:
        folder, out = home / "locked", home / "out"
        folder.mkdir()
        give_to_user(folder)
        folder.chmod(0o000)
        argv = [arg.replace("OUT", str(out)) for arg in argv]
        status, stdout, stderr = run_as_user(["--data-dir", str(folder), *argv])
        assert (status, stdout) == (2, ""), stderr
        assert "Traceback" not in stderr and stderr.count("\n") == 1, stderr
        assert "no permission to read this data folder" in stderr
        assert not out.exists()


WRITERS: list[list[str]] = [
    ["start"],
    ["config", "--name", "Robin"],
    ["demo"],
    ["start", "--plain"],
]
"""Commands that save in the data folder before anything else."""


@pytest.mark.parametrize("argv", WRITERS, ids=command_id)
def test_a_read_only_folder_refuses_a_writer_in_one_line(argv) -> None:
    """A folder this user may read but not write (a backup medium): a command that would save
    there says so in one line and exits 2, before asking anything; the folder is unchanged.
    (Reading such a folder works: tests/process/test_read_only_folder.py.)"""
    with user_folder() as home:
        folder = home / "backup"
        folder.mkdir()
        give_to_user(folder)
        folder.chmod(0o500)
        status, stdout, stderr = run_as_user(["--data-dir", str(folder), *argv])
        assert (status, stdout) == (2, ""), stderr
        assert "Traceback" not in stderr and stderr.count("\n") == 1, stderr
        assert "this data folder is read-only here" in stderr and str(folder) in stderr
        assert list(folder.iterdir()) == []


def test_list_and_trends_read_a_data_folder_given_as_a_path(
    data_dir: Path, save, make_checkin, rubric, capsys
) -> None:
    """`trends FOLDER` and `list FOLDER` on someone's data folder read its sessions/."""
    save(make_checkin({rubric.items[0].id: 3}, day=0))
    save(make_checkin({rubric.items[0].id: 4}, day=7))
    (data_dir / "config.toml").write_text('format = "selfcheck-config"\n')
    copy = data_dir.parent / "somebody" / "selfcheck"
    shutil.copytree(data_dir, copy)
    assert main(["list", str(copy)]) == 0
    listed = capsys.readouterr()
    assert listed.err == "" and listed.out.count("complete") == 2
    assert main(["trends", str(copy)]) == 0
    assert "2 complete check-ins" in capsys.readouterr().out


def test_dry_run_and_plain_config_write_nothing(
    data_dir: Path, save, make_checkin, rubric, tmp_path: Path, capsys
) -> None:
    """`export --dry-run` and `config` alone make no folder, no config and no key."""
    fresh = tmp_path / "fresh"
    assert main(["config", "--data-dir", str(fresh)]) == 0
    assert "made at your first check-in" in capsys.readouterr().out
    assert not fresh.exists()
    save(make_checkin({rubric.items[0].id: 3}, key=""))
    before = sorted(path.name for path in data_dir.rglob("*"))
    assert main(["export", "--anonymous", "--program", "P", "--dry-run"]) == 0
    assert "stand-in" in capsys.readouterr().out
    assert sorted(path.name for path in data_dir.rglob("*")) == before
    assert main(["config", "--name", "Robin", "--data-dir", str(fresh)]) == 0
    assert 'name = "Robin"' in (fresh / "config.toml").read_text()
