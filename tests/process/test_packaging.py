"""Packaging: the wheel carries the rubrics, and the core never imports the UI or plotting."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers.paths import ROOT


@pytest.mark.slow
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
        assert "selfcheck/rubrics/alliance-code-of-ethics-1.0.0.toml" in archive.namelist()
        archive.extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from selfcheck.store.rubrics import find_rubric, shipped_rubrics_dir;"
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


def modules_under(*packages: str) -> list[str]:
    """Every module of the given selfcheck packages, found by walking them."""
    names = []
    for package in packages:
        path = importlib.import_module(package).__path__
        names += [package, *(info.name for info in pkgutil.walk_packages(path, package + "."))]
    return names


def heavy_imports(modules: list[str], heavy: set[str]) -> str:
    """Import `modules` in a fresh interpreter; print the loaded modules of the `heavy` packages."""
    code = (
        f"import sys, {', '.join(modules)}\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {sorted(heavy)!r}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_nothing_outside_the_tui_imports_textual_or_rich():
    """Every module of the core and the commands can load without Textual or Rich."""
    core = [
        "selfcheck.cli",
        *modules_under(
            "selfcheck.formats",
            "selfcheck.store",
            "selfcheck.growth",
            "selfcheck.program",
            "selfcheck.commands",
        ),
    ]
    assert heavy_imports(core, {"textual", "rich"}) == "[]"


def test_formats_store_and_commands_load_no_matplotlib():
    """Reading and writing files, and building the parser, never wait for matplotlib."""
    core = [
        "selfcheck.cli",
        *modules_under("selfcheck.formats", "selfcheck.store", "selfcheck.commands"),
    ]
    assert heavy_imports(core, {"matplotlib"}) == "[]"
