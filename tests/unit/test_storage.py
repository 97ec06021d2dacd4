"""Storage: where data lives, atomic durable writes, private permissions, per-file errors."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.toml_reading import MAX_CHECKIN_BYTES
from selfcheck.store import files as storage
from selfcheck.store.checkin_files import checkin_bytes, load_checkins, save_checkin
from selfcheck.store.config import ensure_identity, load_config
from selfcheck.store.data_dir import resolve_data_dir
from selfcheck.store.files import write_atomic


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_data_dir_prefers_option_then_environment_then_platform(tmp_path, monkeypatch):
    monkeypatch.setenv("SELFCHECK_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "opt") == tmp_path / "opt"
    assert resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv("SELFCHECK_DATA_DIR")
    assert resolve_data_dir(None).name == "selfcheck"
    assert str(resolve_data_dir(None)).startswith(os.environ["HOME"])


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077])
def test_files_and_folders_are_private_under_any_umask(umask, tmp_path, make_checkin):
    old = os.umask(umask)
    try:
        data = tmp_path / "deep" / "data"
        path = save_checkin(data, make_checkin())
        save_checkin(data, make_checkin())
        ensure_identity(data)
    finally:
        os.umask(old)
    assert mode(tmp_path / "deep") == mode(data) == mode(data / "sessions") == 0o700
    assert mode(path) == 0o600
    assert mode(data / "config.toml") == 0o600


def test_replacing_a_file_keeps_it_private(tmp_path):
    target = tmp_path / "f.toml"
    target.write_text("old")
    target.chmod(0o644)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert mode(target) == 0o600


def test_crash_before_rename_leaves_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "f.toml"
    write_atomic(target, b"old")

    def crash(*_args):
        raise OSError("disk gone")

    monkeypatch.setattr(storage.os, "replace", crash)
    with pytest.raises(SelfcheckError, match="nothing was changed"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.toml"]


def test_write_is_flushed_and_synced_before_rename(tmp_path, monkeypatch):
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(storage.os, "fsync", lambda fd: calls.append("fsync") or real_fsync(fd))
    monkeypatch.setattr(
        storage.os, "replace", lambda a, b: calls.append("replace") or real_replace(a, b)
    )
    write_atomic(tmp_path / "f.toml", b"x")
    assert calls == ["fsync", "replace", "fsync"]


def test_bulk_load_skips_bad_files_with_one_line_each(tmp_path, make_checkin):
    good = save_checkin(tmp_path, make_checkin())
    folder = good.parent
    (folder / "broken.toml").write_text("format = [")
    (folder / "binary.toml").write_bytes(b"\x00\x01\x02")
    (folder / "notes.txt").write_text("ignored: not a .toml file")
    loaded = load_checkins([folder])
    assert [s.id for s in loaded.checkins] == [good.stem]
    assert len(loaded.problems) == 2
    assert all("\n" not in line for line in loaded.problems)
    assert any(
        line.startswith(f"{folder / 'broken.toml'}: invalid TOML") for line in loaded.problems
    )


def test_oversize_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:
        handle.truncate(MAX_CHECKIN_BYTES + 1)
    opened: list[Path] = []
    real_open = Path.open
    monkeypatch.setattr(
        Path, "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k)
    )
    loaded = load_checkins([path])
    assert "over the limit" in loaded.problems[0]
    assert opened == []


def test_utf8_bom_and_crlf_are_accepted(tmp_path, make_checkin):
    text = checkin_bytes(make_checkin()).decode().replace("\n", "\r\n")
    path = tmp_path / "windows.toml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert load_checkins([path]).problems == []


def test_identity_is_made_once_and_kept(tmp_path):
    first = ensure_identity(tmp_path)
    assert len(first.practitioner_key) == 16 and len(first.pseudonym_secret) == 64
    assert ensure_identity(tmp_path) == first == load_config(tmp_path)


def test_existing_output_folder_keeps_its_permissions(tmp_path):
    folder = tmp_path / "shared-out"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    write_atomic(folder / "packet.pdf", b"%PDF")
    assert mode(folder) == 0o755
    assert mode(folder / "packet.pdf") == 0o600
