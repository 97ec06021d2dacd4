"""Every file selfcheck writes is private (0600) under any umask, exports and reports included."""

from __future__ import annotations

import os
import stat

import pytest
from helpers.samples import KEY

from selfcheck.cli import main
from selfcheck.store.config import ensure_identity, save_config


@pytest.fixture
def permissive_umask():
    old = os.umask(0)
    yield
    os.umask(old)


def test_outputs_are_private_under_a_permissive_umask(
    permissive_umask, data_dir, make_checkin, save, tmp_path
):
    config = ensure_identity(data_dir)
    save_config(data_dir, config.model_copy(update={"practitioner_key": KEY}))
    for day in (0, 40):
        save(make_checkin({"integrity-honesty": 2 + day // 40}, day=day))
    out = tmp_path / "out"
    commands = [
        ["plot", "--out", str(out / "trend.png")],
        ["report", "--out", str(out / "packet.pdf")],
        ["trends", "--format", "csv", "--out", str(out / "trends.csv")],
        ["export", "--anonymous", "--program", "P", "--yes", "--out", str(out / "export.toml")],
    ]
    for argv in commands:
        assert main(argv) == 0, argv
    assert main(["aggregate", str(out / "export.toml"), "--out", str(out / "program.csv")]) == 0
    written = sorted(out.iterdir())
    assert [p.name for p in written] == [
        "datapackage.json",
        "export.toml",
        "packet.pdf",
        "program.csv",
        "trend.png",
        "trends.csv",
    ]
    for path in [*written, *data_dir.rglob("*.toml")]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder in [out, data_dir, data_dir / "sessions"]:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
