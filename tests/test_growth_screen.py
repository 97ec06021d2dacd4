"""The growth screen shows each value's sparkline, latest mean and change, and what moved."""

from __future__ import annotations

from samples import three_checkins
from textual.app import App
from textual.widgets import Static

from selfcheck.growth.analysis import growth
from selfcheck.tui.screens.growth import GrowthScreen


def shown_text(app: App) -> str:
    """Every Static's content on the current screen, rendered as plain text."""
    import io

    from rich.console import Console

    console = Console(width=120, record=True, file=io.StringIO())
    for static in app.screen.query(Static):
        console.print(static.content)
    return console.export_text()


async def test_values_sparklines_latest_and_change(make_session, rubric):
    """Each value's line shows its sparkline, latest mean and change since the first."""
    result = growth(three_checkins(make_session), rubric)
    app = App()
    async with app.run_test(size=(120, 50)) as pilot:
        await app.push_screen(GrowthScreen(result))
        await pilot.pause()
        text = shown_text(app)
        line = next(ln for ln in text.splitlines() if "Importance of Relationships" in ln)
        assert line.split()[-3:] == ["▄▅▆", "4.00", "+1.50"]
        assert "Items that moved most" in text
        moved = next(ln for ln in text.splitlines() if "Relationship as the path" in ln)
        assert moved.split()[-3:] == ["2", "4", "+2"]
        await pilot.press("escape")
        assert not isinstance(app.screen, GrowthScreen)


async def test_one_checkin_in_words(make_session, rubric):
    """With one check-in the screen says growth appears after the second."""
    result = growth([make_session({"integrity-honesty": 3, "justice-advocacy": 0})], rubric)
    app = App()
    async with app.run_test() as pilot:
        await app.push_screen(GrowthScreen(result))
        await pilot.pause()
        assert "One check-in so far: growth appears after the second." in shown_text(app)


async def test_typed_markup_is_shown_literally(make_session, rubric):
    """Brackets in a rubric title are shown as typed, not read as markup."""
    result = growth([make_session({"integrity-honesty": 3})], rubric)
    marked = type(result)(**{**result.__dict__, "rubric_title": "[bold]Mine[/bold]"})
    app = App()
    async with app.run_test() as pilot:
        await app.push_screen(GrowthScreen(marked))
        await pilot.pause()
        assert "Growth: [bold]Mine[/bold]" in shown_text(app)


async def test_no_checkins_in_plain_words(rubric):
    """With nothing finished yet the screen says so once, with no empty table or count of 0."""
    app = App()
    async with app.run_test() as pilot:
        await app.push_screen(GrowthScreen(growth([], rubric)))
        await pilot.pause()
        text = shown_text(app)
    assert "No complete check-ins yet: growth appears after the second." in text
    assert "0 complete" not in text and "Values" not in text
