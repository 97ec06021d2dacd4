"""Start-up import hygiene: the CLI and `selfcheck start` load only what the first item needs."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

FIRST_ITEM_SCREENS = {"item", "home"}
"""The screens `selfcheck start` may load: the item, and home (the app's own import)."""


def package_modules(package: str) -> list[str]:
    """Every module under a package, found by walking it (so a new module is covered at once)."""
    path = importlib.import_module(package).__path__
    return [package, *(info.name for info in pkgutil.walk_packages(path, package + "."))]


def screen_modules() -> list[str]:
    """Every screen's module, in whichever side's folder it lives (the folders themselves not)."""
    path = importlib.import_module("selfcheck.tui.screens").__path__
    walked = pkgutil.walk_packages(path, "selfcheck.tui.screens.")
    return [info.name for info in walked if not info.ispkg]


NOT_FOR_THE_FIRST_ITEM = [
    "matplotlib",
    "sqlite3",
    "selfcheck.checkin.demo",
    *package_modules("selfcheck.growth"),
    *package_modules("selfcheck.program"),
    *(name for name in screen_modules() if name.rsplit(".", 1)[1] not in FIRST_ITEM_SCREENS),
]
"""Modules that other commands and screens use, and that start-up must never load."""

FIRST_ITEM = """
import asyncio, sys
from pathlib import Path
from selfcheck.tui.app import make_app

async def first_item():
    app = make_app(Path(sys.argv[1]), None, straight_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print(type(app.screen).__name__)

asyncio.run(first_item())
"""


def loaded_modules(code: str, *args: str) -> tuple[str, set[str]]:
    """Run `code` in a fresh interpreter; return its output and the modules it loaded."""
    report = "\nimport sys\nprint(' '.join(sorted(sys.modules)))\n"
    result = subprocess.run(
        [sys.executable, "-c", code + report, *args], capture_output=True, text=True, check=True
    )
    *output, modules = result.stdout.strip().splitlines()
    return "\n".join(output), set(modules.split())


def unwanted(modules: set[str]) -> list[str]:
    """The modules, or their submodules, that start-up should not have loaded."""
    return sorted(
        name
        for name in modules
        if any(name == bad or name.startswith(bad + ".") for bad in NOT_FOR_THE_FIRST_ITEM)
    )


def test_building_the_parser_loads_no_command_internals():
    """`import selfcheck.cli` loads neither Textual nor any other command's core modules."""
    _, modules = loaded_modules("import selfcheck.cli; selfcheck.cli.build_parser()")
    assert unwanted(modules) == []
    assert not any(name.split(".")[0] == "textual" for name in modules)


def test_the_first_item_loads_only_what_it_shows(tmp_path: Path):
    """Straight into a check-in, the first item is shown without review, summary or analysis."""
    screen, modules = loaded_modules(FIRST_ITEM, str(tmp_path))
    assert screen == "ItemScreen"
    assert unwanted(modules) == []


def test_the_screen_walk_reaches_every_side():
    """The walk finds the screens in each side's folder, so the check above still covers them."""
    found = set(screen_modules())
    assert {
        "selfcheck.tui.screens.practitioner.summary",
        "selfcheck.tui.screens.supervisor.caseload",
        "selfcheck.tui.screens.common.help",
    } <= found
    assert "selfcheck.tui.screens.practitioner" not in found
