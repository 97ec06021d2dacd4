"""Packaging: the wheel carries the rubrics, and the core never imports the UI or plotting."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ["models", "storage", "rubric", "checkin", "config", "people", "cli"]


def test_built_wheel_finds_the_default_rubric_from_elsewhere(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("selfcheck-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        assert "selfcheck/rubrics/alliance-code-of-ethics.toml" in archive.namelist()
        archive.extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from selfcheck.rubric import find_rubric, shipped_rubrics_dir;"
            "print(shipped_rubrics_dir()); print(len(find_rubric(None, None).items))",
        ],
        cwd=elsewhere,
        env={"PYTHONPATH": str(site), "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        check=True,
    )
    folder, count = result.stdout.split()
    assert Path(folder) == site / "selfcheck" / "rubrics"
    assert int(count) > 13


def test_core_imports_neither_textual_nor_matplotlib():
    modules = ", ".join(f"selfcheck.{name}" for name in CORE)
    code = (
        f"import sys, {modules}\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'matplotlib'})\n"
        "print(heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
