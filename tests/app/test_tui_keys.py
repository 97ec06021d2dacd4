"""Each screen's help is built from its bindings, on both apps; the README states the same keys."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from helpers.paths import ROOT
from rich.console import Console
from textual.app import App
from textual.binding import Binding
from textual.widgets import Static

from selfcheck.cli import main
from selfcheck.supervision.caseload import supervisees_dir
from selfcheck.tui.app import SelfcheckApp, make_app
from selfcheck.tui.help_keys import help_words
from selfcheck.tui.screens.common.growth import GrowthScreen
from selfcheck.tui.screens.common.help import HelpScreen, screen_keys
from selfcheck.tui.screens.practitioner.focus import FocusScreen
from selfcheck.tui.screens.practitioner.home import HomeScreen
from selfcheck.tui.screens.practitioner.item import ItemScreen
from selfcheck.tui.screens.practitioner.next_steps import NextStepsScreen
from selfcheck.tui.screens.practitioner.review import ReviewScreen
from selfcheck.tui.screens.practitioner.summary import SummaryScreen
from selfcheck.tui.screens.supervisor.caseload import CaseloadScreen
from selfcheck.tui.screens.supervisor.response import ResponseScreen
from selfcheck.tui.screens.supervisor.supervisee import SuperviseeScreen
from selfcheck.tui.supervisor_app import SupervisorApp, make_supervisor_app

README = ROOT / "README.md"
SCREENS: list[tuple[type[Any], type[App[None]]]] = [
    (HomeScreen, SelfcheckApp),
    (ItemScreen, SelfcheckApp),
    (ReviewScreen, SelfcheckApp),
    (NextStepsScreen, SelfcheckApp),
    (SummaryScreen, SelfcheckApp),
    (GrowthScreen, SelfcheckApp),
    (FocusScreen, SelfcheckApp),
    (CaseloadScreen, SupervisorApp),
    (SuperviseeScreen, SupervisorApp),
    (ResponseScreen, SupervisorApp),
]


@pytest.mark.parametrize("screen", SCREENS, ids=lambda pair: pair[0].__name__)
def test_every_key_bound_has_words_in_the_help(screen: tuple[type[Any], type[App[None]]]) -> None:
    """Every binding of a screen and its app says what it does, so its help lists it."""
    owner, app = screen
    for binding in Binding.make_bindings([*owner.BINDINGS, *app.BINDINGS]):
        assert help_words(binding), f"{owner.__name__}: {binding.key} has no words for the help"
    assert hasattr(owner, "KEYS_TITLE")


def readme_key_table(heading: str) -> list[tuple[str, str]]:
    """A README table of keys under `heading`: (keys as written, what they do)."""
    section = README.read_text(encoding="utf-8").split(heading, 1)[1].split("\n\n#", 1)[0]
    rows = re.findall(r"^\| (`.+?) \| (.+?) \|$", section, flags=re.MULTILINE)
    return [(keys.replace("`", ""), words) for keys, words in rows]


def test_readme_key_table_is_the_item_screen_help() -> None:
    """The README lists the item screen's keys and the app's, written as the help writes them."""
    in_readme = [keys for keys, _ in readme_key_table("### Keys\n")]
    in_help = [key.shown for key in screen_keys(ItemScreen, SelfcheckApp)]
    assert in_readme == in_help


@pytest.mark.parametrize(
    ("heading", "screen"),
    [
        ("### The supervisor's keys\n", CaseloadScreen),
        ("#### One practitioner\n", SuperviseeScreen),
        ("#### The response\n", ResponseScreen),
    ],
    ids=["caseload", "supervisee", "response"],
)
def test_readme_supervisor_tables_are_each_screens_help(heading: str, screen: type[Any]) -> None:
    """Each of the README's supervisor tables lists its screen's keys and the app's."""
    in_readme = [keys for keys, _ in readme_key_table(heading)]
    in_help = [key.shown for key in screen_keys(screen, SupervisorApp)]
    assert in_readme == in_help


async def open_help(app: App[None], pilot: Any, *keys: str) -> str:
    """Press `keys`, then ?, and return what the help lists; escape closes it again."""
    await pilot.press(*keys)
    await pilot.wait_for_scheduled_animations()
    shown_under = type(app.screen)
    await pilot.press("question_mark")
    assert isinstance(app.screen, HelpScreen), f"? on {shown_under.__name__} opened no help"
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
        assert "1–5" in item and "e or tab" in item
        review = await open_help(app, pilot, "r")
        assert "back to the item you were on" in review and "discuss" not in review
        steps = await open_help(app, pilot, "escape", "4", "ctrl+s", "y", "escape")
        assert "remove the highlighted step" in steps
        summary = await open_help(app, pilot, "escape")
        assert "home: start another check-in" in summary
        growth = await open_help(app, pilot, "escape", "g")
        assert "back to home" in growth


def supervisor_folder(tmp_path: Path) -> Path:
    """A supervisor's data folder that imported the demo practitioner's share."""
    own, supervisor = tmp_path / "sam", tmp_path / "dana"
    assert main(["demo", "--data-dir", str(own)]) == 0
    share = tmp_path / "share.toml"
    assert main(["share", "--data-dir", str(own), "--out", str(share), "--yes"]) == 0
    assert main(["supervise", "--data-dir", str(supervisor), "--import", str(share)]) == 0
    return supervisor


async def test_question_mark_and_q_on_every_supervisor_screen(tmp_path: Path) -> None:
    """? lists the keys of the caseload, the practitioner and the response; q quits the response."""
    supervisor = supervisor_folder(tmp_path)
    app = make_supervisor_app(supervisees_dir(supervisor), supervisor)
    async with app.run_test(size=(100, 40)) as pilot:
        caseload = await open_help(app, pilot)
        assert "your caseload" in caseload and "quit" in caseload
        person = await open_help(app, pilot, "enter")
        assert "respond to the latest check-in" in person
        response = await open_help(app, pilot, "r")
        assert "A" in response and "every item you have not answered" in response
        await pilot.press("q")
    assert app.return_code == 0 and not app.is_running
