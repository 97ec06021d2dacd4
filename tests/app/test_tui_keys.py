"""Each screen's help lists exactly the keys bound on it, and the README states the same keys."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from helpers.paths import ROOT
from rich.console import Console
from textual.binding import Binding
from textual.widgets import Static

from selfcheck.tui.app import SelfcheckApp, make_app
from selfcheck.tui.keys import APP_KEYS, KeyHelp
from selfcheck.tui.screens.common.growth import GrowthScreen
from selfcheck.tui.screens.common.help import HelpScreen
from selfcheck.tui.screens.practitioner.home import HomeScreen
from selfcheck.tui.screens.practitioner.item import ItemScreen
from selfcheck.tui.screens.practitioner.next_steps import NextStepsScreen
from selfcheck.tui.screens.practitioner.review import ReviewScreen
from selfcheck.tui.screens.practitioner.summary import SummaryScreen

README = ROOT / "README.md"
SCREENS: list[type[Any]] = [
    HomeScreen,
    ItemScreen,
    ReviewScreen,
    NextStepsScreen,
    SummaryScreen,
    GrowthScreen,
]
WIDGET_KEYS = {"enter", "tab", "up", "down", "escape", "delete"}
"""Keys a screen's widgets handle themselves (buttons, tables, text boxes), named in its help."""


def bound_keys(*owners: type[object]) -> set[str]:
    """The keys bound on these classes, one name each."""
    keys: set[str] = set()
    for owner in owners:
        for binding in getattr(owner, "BINDINGS", []):
            assert isinstance(binding, Binding)
            keys |= set(binding.key.split(","))
    return keys


def helped_keys(keys: tuple[KeyHelp, ...]) -> set[str]:
    """The keys a help list names."""
    return {name for key in keys for name in key.names}


@pytest.mark.parametrize("screen", SCREENS, ids=lambda screen: screen.__name__)
def test_help_names_every_key_bound_and_no_other(screen: type[Any]) -> None:
    """A screen's help and its bindings (with the app's) hold the same keys."""
    keys: tuple[KeyHelp, ...] = screen.KEYS
    bound = bound_keys(screen, SelfcheckApp) | {SelfcheckApp.COMMAND_PALETTE_BINDING}
    helped = helped_keys(keys) | helped_keys(APP_KEYS)
    assert bound <= helped, f"bound but not in the help: {bound - helped}"
    assert helped <= bound | WIDGET_KEYS, f"in the help but not bound: {helped - bound}"


def readme_key_table() -> list[tuple[str, str]]:
    """The README's table of check-in keys: (keys as written, what they do)."""
    section = README.read_text(encoding="utf-8").split("### Keys", 1)[1].split("\n\n## ", 1)[0]
    rows = re.findall(r"^\| (`.+?) \| (.+?) \|$", section, flags=re.MULTILINE)
    return [(keys.replace("`", ""), words) for keys, words in rows]


def test_readme_key_table_is_the_item_screen_help() -> None:
    """The README lists the item screen's keys and the app's, written as the help writes them."""
    in_readme = [keys for keys, _ in readme_key_table()]
    in_help = [key.shown for key in (*ItemScreen.KEYS, *APP_KEYS)]
    assert in_readme == in_help


async def open_help(app: SelfcheckApp, pilot, *keys: str) -> str:
    """Press `keys`, then ?, and return what the help lists."""
    await pilot.press(*keys)
    await pilot.wait_for_scheduled_animations()
    shown_under = type(app.screen)
    await pilot.press("question_mark")
    assert isinstance(app.screen, HelpScreen)
    console = Console(width=100, color_system=None)
    with console.capture() as captured:
        console.print(app.screen.query_one("#help-keys", Static).content)
    text = captured.get() + app.screen.title_words
    await pilot.press("escape")
    assert type(app.screen) is shown_under
    return text


async def test_question_mark_explains_the_screen_it_is_on(data_dir: Path) -> None:
    """? on home, item, review, next steps, summary and growth lists that screen's own keys."""
    app = make_app(data_dir, None, straight_in=False)
    async with app.run_test(size=(100, 40)) as pilot:
        home = await open_help(app, pilot)
        assert "home" in home and "growth across your check-ins" in home
        item = await open_help(app, pilot, "s")
        assert "discuss in supervision" in item and "growth across" not in item
        review = await open_help(app, pilot, "r")
        assert "open the item under the cursor" in review and "discuss" not in review
        steps = await open_help(app, pilot, "escape", "4", "ctrl+s", "y", "escape")
        assert "remove the highlighted step" in steps
        summary = await open_help(app, pilot, "escape")
        assert "scroll the summary" in summary
        growth = await open_help(app, pilot, "escape", "g")
        assert "back to home" in growth
