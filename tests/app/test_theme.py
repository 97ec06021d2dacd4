"""The high-contrast theme: every colour pair on every screen at 7:1 or more; focus by shape."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.color import Color
from textual.screen import Screen
from textual.widget import Widget

from selfcheck.checkin.draft import Draft
from selfcheck.cli import main
from selfcheck.formats.checkin import NextStep
from selfcheck.store.checkin_files import load_data_dir
from selfcheck.store.config import THEMES as CONFIG_THEMES
from selfcheck.store.config import load_config
from selfcheck.tui.app import SelfcheckApp, make_app
from selfcheck.tui.screens.common.confirm import ConfirmFinish
from selfcheck.tui.screens.common.growth import GrowthScreen
from selfcheck.tui.screens.common.help import HelpScreen
from selfcheck.tui.screens.common.message import MessageDialog
from selfcheck.tui.screens.practitioner.details import DetailsScreen
from selfcheck.tui.screens.practitioner.home import HomeScreen
from selfcheck.tui.screens.practitioner.item import ItemScreen
from selfcheck.tui.screens.practitioner.next_steps import NextStepsScreen
from selfcheck.tui.screens.practitioner.packet import PacketDialog
from selfcheck.tui.screens.practitioner.review import UNANSWERED_COLOUR, ReviewScreen
from selfcheck.tui.screens.practitioner.share import ShareDialog
from selfcheck.tui.screens.practitioner.summary import SummaryScreen
from selfcheck.tui.themes import THEMES

AAA = 7.0
SIZE = (100, 40)


def luminance(colour: Color) -> float:
    """WCAG 2 relative luminance of an opaque colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = colour.rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(foreground: Color, background: Color) -> float:
    """WCAG 2 contrast ratio, the foreground blended over the background first."""
    lighter, darker = sorted(
        (luminance(background + foreground), luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula_matches_wcag() -> None:
    """The formula gives WCAG's known ratios: 21:1 black on white, 4.5:1 for #767676."""
    assert contrast(Color.parse("#000000"), Color.parse("#ffffff")) == pytest.approx(21.0)
    assert contrast(Color.parse("#767676"), Color.parse("#ffffff")) == pytest.approx(4.54, 0.01)


def component_classes(widget: Widget) -> set[str]:
    """Every component class a widget's type declares, its bases' included."""
    names: set[str] = set()
    for kind in type(widget).__mro__:
        names |= set(getattr(kind, "COMPONENT_CLASSES", set()))
    return names


def colour_pairs(screen: Screen[Any]) -> Iterator[tuple[str, Color, Color]]:
    """(where, text colour, background) for each shown widget and each of its components."""
    for widget in [screen, *screen.query("*")]:
        if not widget.display or widget.region.area == 0:
            continue
        _, _, background, colour = widget.colors
        where = f"{type(screen).__name__} {type(widget).__name__}#{widget.id or ''}"
        yield where, colour, background
        for name in sorted(component_classes(widget)):
            style = widget.get_component_rich_style(name)
            fore = Color.from_rich_color(style.color) if style.color else colour
            back = Color.from_rich_color(style.bgcolor) if style.bgcolor else background
            yield f"{where} .{name}", fore, background + back


async def screens_shown(app: SelfcheckApp, draft: Draft) -> list[Screen[Any]]:
    """Every screen of selfcheck, each shown in turn on top of the item screen."""
    from selfcheck.growth.analysis import growth
    from selfcheck.supervision.share import FolderShare, build_share

    workspace = app.workspace
    result = growth(workspace.loaded.checkins, workspace.versions)
    previous = workspace.previous
    assert previous is not None
    config = workspace.config.model_copy(update={"practitioner_key": previous.practitioner.key})
    share = build_share([previous], config, "discuss", previous.when)
    made = FolderShare(share, [previous], [])
    return [
        HomeScreen(workspace),
        ReviewScreen(draft, 0),
        HelpScreen(ItemScreen, guidance=workspace.rubric.guidance),
        DetailsScreen(draft),
        ConfirmFinish(3),
        PacketDialog(Path.home()),
        ShareDialog("Dana Lee", made, Path.home(), "", lambda _: made),
        MessageDialog("Supervision hours", Text("2026: 1 meeting, 1 h")),
        NextStepsScreen(draft),
        SummaryScreen(workspace.versions, previous, None, draft.path),
        GrowthScreen(result),
    ]


@pytest.fixture
def history(data_dir: Path, make_checkin, save, rubric) -> None:
    """Two complete check-ins with next steps and notes, so every screen has all its parts."""
    first, second = rubric.items[0].id, rubric.items[1].id
    save(make_checkin({first: 2, second: 3}, day=-40, discuss=(first,)))
    latest = make_checkin({first: 3, second: 0}, day=-10, notes={first: "a note"})
    latest.next_steps = [NextStep(text="read the chapter", item=first)]
    save(latest)


async def test_high_contrast_pairs_reach_aaa(data_dir: Path, history, rubric) -> None:
    """On every screen, every text and component colour is at least 7:1 against its background."""
    app = make_app(data_dir, None, straight_in=True, theme="high-contrast")
    failures: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        assert app.draft is not None
        await pilot.press("3", "d")
        screens = await screens_shown(app, app.draft)
        checked = 0
        for screen in [app.screen, *screens]:
            if screen is not app.screen:
                await app.push_screen(screen)
                await pilot.pause()
            for where, fore, back in colour_pairs(app.screen):
                checked += 1
                ratio = contrast(fore, back)
                if ratio < AAA:
                    failures.append(f"{where}: {fore.hex} on {back.hex} is {ratio:.2f}:1")
        warn = Color.parse(app.theme_variables[UNANSWERED_COLOUR])
        background = Color.parse(app.theme_variables["calm-screen"])
        if contrast(warn, background) < AAA:
            failures.append(f"review: unanswered {warn.hex} on {background.hex}")
    assert checked > 200
    assert failures == [], "\n".join(failures)


def shape(widget: Widget) -> list[object]:
    """What a widget shows besides colour: text styles, borders, outline, its components' styles."""
    styles = widget.styles
    shown: list[object] = [str(styles.text_style)]
    shown += [edge[0] for edge in (*styles.border, *styles.outline)]
    for name in sorted(component_classes(widget)):
        style = widget.get_component_rich_style(name)
        shown.append((name, style.bold, style.reverse, style.underline, style.italic))
    return shown


async def test_focus_is_shown_by_more_than_colour(data_dir: Path, history) -> None:
    """Every focusable widget on every screen changes shape or text style when it takes focus."""
    app = make_app(data_dir, None, straight_in=True, theme="high-contrast")
    colour_only: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        assert app.draft is not None
        await pilot.press("3")
        app.draft.add_next_step("a step to list", None)
        screens = await screens_shown(app, app.draft)
        seen = 0
        for screen in [app.screen, *screens]:
            if screen is not app.screen:
                await app.push_screen(screen)
                await pilot.pause()
            focusable = [
                widget
                for widget in app.screen.query("*")
                if widget.focusable and widget.display and widget.region.area > 0
            ]
            app.set_focus(None)
            await pilot.pause()
            blurred = {widget: shape(widget) for widget in focusable}
            for widget in focusable:
                seen += 1
                widget.focus()
                await pilot.pause()
                if shape(widget) == blurred[widget]:
                    where = f"{type(screen).__name__} {type(widget).__name__}#{widget.id}"
                    colour_only.append(where)
    assert seen > 10
    assert colour_only == [], colour_only


async def test_theme_from_option_config_and_palette(data_dir: Path) -> None:
    """--theme wins over the config; a theme chosen in the palette is kept in the config."""
    from selfcheck.store.config import Config, save_config

    assert set(THEMES) == set(CONFIG_THEMES)
    save_config(data_dir, Config(theme="high-contrast"))
    app = make_app(data_dir, None, straight_in=False)
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "high-contrast"
        assert app.has_class("-high-contrast")
        assert set(app.available_themes) == set(THEMES)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"theme", "enter")
        await pilot.pause()
        await pilot.press(*"calm", "enter")
        await pilot.pause()
        assert app.theme == "calm"
        await app.workers.wait_for_complete()
    assert load_config(data_dir).theme == "calm"
    app = make_app(data_dir, None, straight_in=False, theme="high-contrast")
    async with app.run_test(size=SIZE):
        assert app.theme == "high-contrast"
    assert load_config(data_dir).theme == "calm", "an option is for this run only"


def test_theme_option_is_checked(data_dir: Path, capsys) -> None:
    """An unknown theme is refused by the parser before anything opens."""
    assert main(["start", "--theme", "neon"]) == 2
    assert "invalid choice: 'neon'" in capsys.readouterr().err
    assert load_data_dir(data_dir).checkins == []


def test_no_color_draws_in_high_contrast(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With NO_COLOR Textual draws in greys; the high-contrast theme keeps them far apart."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(data_dir, None, straight_in=False)
    assert app.no_color
    assert app.theme == "high-contrast"


async def test_supervisor_screens_reach_aaa_too(tmp_path: Path, make_checkin, rubric) -> None:
    """The supervisor's caseload, practitioner, response and prompts in high contrast: 7:1."""
    from helpers.practitioners import practitioner, share

    from selfcheck.store.config import Config, save_config
    from selfcheck.supervision.caseload import supervisees_dir
    from selfcheck.tui.supervisor_app import make_supervisor_app

    shared = tmp_path / "robin.toml"
    share(practitioner(tmp_path, "Robin Example", make_checkin, rubric), shared)
    supervisor = tmp_path / "supervisor"
    save_config(supervisor, Config(name="Dana Super", theme="high-contrast"))
    assert main(["supervise", "--data-dir", str(supervisor), "--import", str(shared)]) == 0
    app = make_supervisor_app(supervisees_dir(supervisor), supervisor)
    failures: list[str] = []
    shown: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "high-contrast"
        for keys in ((), ("enter",), ("r",), ("c",), ("escape", "m")):
            await pilot.press(*keys)
            await pilot.pause()
            shown.append(type(app.screen).__name__)
            for where, fore, back in colour_pairs(app.screen):
                if contrast(fore, back) < AAA:
                    failures.append(f"{where}: {fore.hex} on {back.hex}")
    assert shown == [
        "CaseloadScreen",
        "SuperviseeScreen",
        "ResponseScreen",
        "TextPrompt",
        "MeetingPrompt",
    ]
    assert failures == [], "\n".join(failures)
