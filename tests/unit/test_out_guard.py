"""`--out` cannot clobber: never inside the data folder, never over a device or pipe."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from helpers.practitioners import practitioner, share

from selfcheck.cli import main
from selfcheck.store.checkin_files import checkins_dir
from selfcheck.store.config import config_path, load_config


@pytest.fixture
def folder(tmp_path: Path, make_checkin, rubric) -> Path:
    """A practitioner's data folder with three check-ins."""
    return practitioner(tmp_path, "Dana Reyes", make_checkin, rubric)


def test_share_out_over_a_checkin_is_refused(folder: Path, capsys) -> None:
    """`share --out` naming a check-in of the data folder replaced it; now nothing changes."""
    checkin = sorted(checkins_dir(folder).iterdir())[0]
    before = checkin.read_bytes()
    args = ["share", "--data-dir", str(folder), "--out", str(checkin), "--yes"]
    assert main(args) == 2
    assert checkin.read_bytes() == before
    assert "inside the data folder" in capsys.readouterr().err


def test_export_out_over_the_config_is_refused(folder: Path, capsys) -> None:
    """`export --out config.toml` lost the practitioner key and pseudonym secret; now refused."""
    before = load_config(folder)
    out = config_path(folder)
    args = ["export", "--anonymous", "--data-dir", str(folder), "--out", str(out), "--yes"]
    assert main([*args, "--program", "north"]) == 2
    assert load_config(folder) == before
    assert "inside the data folder" in capsys.readouterr().err


def test_aggregate_out_inside_the_data_folder_is_refused(folder: Path, tmp_path, capsys) -> None:
    """`aggregate --out` inside the data folder is refused before anything is read or written."""
    out = folder / "program.csv"
    assert main(["--data-dir", str(folder), "aggregate", str(tmp_path), "--out", str(out)]) == 2
    assert not out.exists()
    assert "inside the data folder" in capsys.readouterr().err


def test_trends_out_inside_the_default_data_folder_is_refused(folder: Path, monkeypatch) -> None:
    """The guard knows the data folder from the environment as well as from `--data-dir`."""
    monkeypatch.setenv("SELFCHECK_DATA_DIR", str(folder))
    out = folder / "trends.csv"
    assert main(["trends", "--format", "csv", "--out", str(out)]) == 2
    assert not out.exists()


def test_share_out_on_a_pipe_is_refused_and_the_pipe_stays(folder: Path, tmp_path, capsys) -> None:
    """A named pipe (as a device would be) was renamed over with the notes; now refused."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    args = ["share", "--data-dir", str(folder), "--out", str(pipe), "--yes"]
    assert main(args) == 2
    assert pipe.is_fifo()
    assert "not a regular file" in capsys.readouterr().err


def test_share_out_on_a_device_is_refused_and_the_device_stays(
    folder: Path, tmp_path, capsys
) -> None:
    """As root, `--out /dev/null` turned the device into a regular file holding the notes;
    now a device is refused in one line and stays a device (a private twin of /dev/null)."""
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    args = ["share", "--data-dir", str(folder), "--out", str(device), "--yes"]
    assert main(args) == 2
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert "not a regular file" in capsys.readouterr().err


def test_replacing_a_file_selfcheck_did_not_write_is_said(folder: Path, tmp_path, capsys) -> None:
    """A regular file someone else made is named (with its size) before it is replaced."""
    out = tmp_path / "notes.toml"
    out.write_text("my own notes\n")
    out.chmod(0o644)
    share(folder, out)
    err = capsys.readouterr().err
    assert f"{out}: replacing an existing file (13 bytes) selfcheck did not write" in err
    share(folder, out)  # now it is one of ours: replaced without a word
    assert "replacing an existing file" not in capsys.readouterr().err


def test_a_symlinked_out_is_replaced_never_followed(folder: Path, tmp_path) -> None:
    """A link at `--out` (even into the data folder) is replaced; its target stays as it was."""
    target = config_path(folder)
    before = target.read_bytes()
    link = tmp_path / "share.toml"
    link.symlink_to(target)
    share(folder, link)
    assert not link.is_symlink() and target.read_bytes() == before
