"""A data folder on a backup medium (readable, not writable): reading works, saving refuses.

Run as an ordinary user (uid 65534 when the tests run as root, who may write anywhere).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from helpers.encryption_helpers import passphrase_file
from helpers.other_user import give_to_user, run_as_user, user_folder

from selfcheck.cli import main
from selfcheck.store.checkin_files import save_checkin

ITEM = "integrity-honesty"
"""The item the check-ins rate."""


def contents(folder: Path) -> dict[str, tuple[int, int]]:
    """Every path under a folder with its size and modification time."""
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
    }


@contextmanager
def backup(make_checkin, secret: list[str]) -> Iterator[tuple[Path, Path]]:
    """A home of the ordinary user's holding `backup/`, a data folder with two check-ins
    (encrypted when `secret` names a passphrase file), made read-only to that user."""
    with user_folder() as home:
        folder = home / "backup"
        for day in (0, 30):
            save_checkin(folder, make_checkin({ITEM: 2 + day // 30}, day=day, name="Sam Rivera"))
        if secret:
            recovery = ["--recovery-out", str(home / "recovery.txt")]
            assert main(["--data-dir", str(folder), "encrypt", *secret, *recovery]) == 0
        yield home, folder


def read_only(home: Path, folder: Path) -> dict[str, tuple[int, int]]:
    """Give `home` to the ordinary user and make `folder` read-only; what it holds."""
    give_to_user(home)
    for path in (folder, *folder.rglob("*")):
        path.chmod(0o500 if path.is_dir() else 0o400)
    return contents(folder)


def run_in(folder: Path, *argv: str) -> tuple[int, str, str]:
    """`selfcheck --data-dir FOLDER ARGV` as the ordinary user."""
    return run_as_user(["--data-dir", str(folder), *argv])


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_list_show_and_trends_read_a_read_only_folder(encrypted: bool, make_checkin) -> None:
    """`list`, `show` and `trends` work on a folder the user may only read (they said "no
    permission to read and write" and exited 2); the folder is unchanged, and `start`, which
    would save there, says so in one line."""
    with user_folder() as outside:
        secret = ["--passphrase-file", str(passphrase_file(outside))] if encrypted else []
        give_to_user(outside)
        with backup(make_checkin, secret) as (home, folder):
            before = read_only(home, folder)
            said = {}
            for argv in (["list"], ["show", "latest"], ["trends"]):
                status, stdout, stderr = run_in(folder, *secret, *argv)
                assert (status, stderr) == (0, ""), f"{argv[0]}: {stderr}"
                said[argv[0]] = stdout
            assert said["list"].count("complete") == 2
            assert "Sam Rivera" in said["show"]
            assert "2 complete check-ins" in said["trends"]
            status, stdout, stderr = run_in(folder, *secret, "start")
            assert (status, stdout) == (2, "") and stderr.count("\n") == 1, stderr
            assert f"{folder}: this data folder is read-only here" in stderr
            assert contents(folder) == before


@pytest.mark.slow
def test_report_of_a_read_only_folder_goes_elsewhere(make_checkin) -> None:
    """`report --out` a path outside a read-only folder writes the packet there (it said "no
    permission to read and write" and exited 2); the folder is unchanged."""
    with backup(make_checkin, []) as (home, folder):
        out = home / "packet.pdf"
        assert main(["--data-dir", str(folder), "report", "--out", str(out)]) == 0
        out.unlink()  # the packet's libraries are loaded now: the user could not read them
        before = read_only(home, folder)
        status, _, stderr = run_in(folder, "report", "--out", str(out))
        assert (status, stderr) == (0, ""), stderr
        assert out.read_bytes().startswith(b"%PDF")
        assert contents(folder) == before
