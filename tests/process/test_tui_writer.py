"""The draft writer: newest snapshot wins, writes never reorder, failures are reported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers.paths import ROOT

from selfcheck.store.draft_writer import DraftWriter


def test_last_snapshot_wins(tmp_path: Path) -> None:
    """After many quick submissions and a flush, the file holds the last one."""
    path = tmp_path / "sessions" / "draft.toml"
    writer = DraftWriter(path)
    for number in range(200):
        writer.submit(f"n = {number}\n".encode())
    assert writer.close()
    assert path.read_text() == "n = 199\n"
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_failed_write_is_reported(tmp_path: Path) -> None:
    """A write that cannot happen is reported in one line naming the file."""
    blocker = tmp_path / "file"
    blocker.write_text("")
    lines: list[str] = []
    writer = DraftWriter(blocker / "draft.toml", lines.append)
    writer.submit(b"x = 1\n")
    assert writer.close()
    assert len(lines) == 1 and "draft.toml: could not save the draft" in lines[0]


def test_app_import_stays_light() -> None:
    """Opening the app never imports matplotlib (or pypdf) on the way to the first screen."""
    code = (
        "import sys, selfcheck.cli, selfcheck.tui.app; "
        "heavy = ('matplotlib', 'pypdf', 'selfcheck.growth.charts'); "
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"
