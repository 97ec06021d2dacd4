"""The growth screen shows each value's sparkline, latest mean and change, and what moved."""

from __future__ import annotations

from helpers.samples import three_checkins
from textual.app import App
from textual.widgets import Static

from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.growth.analysis import growth
from selfcheck.tui.screens.common.growth import GrowthScreen


def shown_text(app: App) -> str:
    """Every Static's content on the current screen, rendered as plain text."""
    import io

    from rich.console import Console

    console = Console(width=120, record=True, file=io.StringIO())
    for static in app.screen.query(Static):
        console.print(static.content)
    return console.export_text()


async def growth_screen_text(result, size: tuple[int, int] = (80, 24)) -> str:
    """The growth screen of `result` as text, drawn in a terminal of `size`."""
    app: App[None] = App()
    async with app.run_test(size=size) as pilot:
        await app.push_screen(GrowthScreen(result))
        await pilot.pause()
        return shown_text(app)


def trend_cell(text: str, name: str, count: int) -> tuple[str, ...]:
    """The Trend column of a value's row, line by line, from the screen's text."""
    lines = text.splitlines()
    header = next(index for index, line in enumerate(lines) if " Trend " in line)
    start = lines[header].index("Trend")
    row = next(index for index, line in enumerate(lines) if line.startswith(name))
    cell = [lines[row][start : start + count]]
    for line in lines[row + 1 :]:
        if line[:start].strip() or not line[start:].strip():
            break
        cell.append(line[start : start + count])
    return tuple(cell)


def row_words(text: str, name: str) -> list[str]:
    """The words on the first line of a value's row."""
    return next(line for line in text.splitlines() if line.startswith(name)).split()


def twice(make_checkin, ratings: dict[str, int]) -> list:
    """Two check-ins a month apart with the same ratings."""
    return [make_checkin(ratings, day=0), make_checkin(ratings, day=30)]


HALF_APART = {
    "integrity-honesty": 3,
    "integrity-reliability": 4,
    "confidentiality-protecting-information": 3,
    "confidentiality-knowing-standards": 3,
}
"""Integrity at 3.5 and Confidentiality at 3.0, at every check-in."""


async def test_half_a_step_apart_looks_different(make_checkin, rubric):
    """Means of 3.5 and 3.0 draw different trend lines: 3 fills the lower row, 3.5 shows above."""
    text = await growth_screen_text(
        growth(twice(make_checkin, HALF_APART), RubricVersions.of(rubric)), (120, 50)
    )
    integrity = trend_cell(text, "Integrity", 2)
    confidentiality = trend_cell(text, "Confidentiality", 2)
    assert integrity != confidentiality
    assert (integrity, confidentiality) == (("▂▂", "██"), ("  ", "██"))
    assert "have the same trend line" not in text


async def test_values_on_the_same_path_are_marked(make_checkin, rubric):
    """Two values with the same means at every check-in share a mark, explained under the table."""
    ratings = HALF_APART | {"reflection-seeking-supervision": 3, "reflection-using-supervision": 4}
    text = await growth_screen_text(growth(twice(make_checkin, ratings), RubricVersions.of(rubric)))
    assert trend_cell(text, "Integrity", 2) == trend_cell(text, "Reflective Practice", 2)
    rows = {name: row_words(text, name) for name in ("Integrity", "Reflective Practice")}
    assert all("=A" in words for words in rows.values())
    assert "=A" not in row_words(text, "Confidentiality")
    notes = " ".join(text.split())
    assert "Values with the same mark (=A) have the same trend line." in notes


async def test_values_sparklines_latest_and_change(make_checkin, rubric):
    """Each value's line shows its sparkline, latest mean and change since the first."""
    result = growth(three_checkins(make_checkin), RubricVersions.of(rubric))
    app = App()
    async with app.run_test(size=(120, 50)) as pilot:
        await app.push_screen(GrowthScreen(result))
        await pilot.pause()
        text = shown_text(app)
        line = next(ln for ln in text.splitlines() if "Importance of Relationships" in ln)
        assert line.split()[-2:] == ["4.00", "+1.50"]
        assert trend_cell(text, "Importance of Relationships", 3) == ("  ▄", "▆██")
        assert "Items that moved most" in text
        moved = next(ln for ln in text.splitlines() if "Relationship as the path" in ln)
        assert moved.split()[-3:] == ["2", "4", "+2"]
        await pilot.press("escape")
        assert not isinstance(app.screen, GrowthScreen)


async def test_one_checkin_in_words(make_checkin, rubric):
    """With one check-in the screen says growth appears after the second."""
    result = growth(
        [make_checkin({"integrity-honesty": 3, "justice-advocacy": 0})], RubricVersions.of(rubric)
    )
    text = await growth_screen_text(result)
    assert "One check-in so far: growth appears after the second." in text


async def test_typed_markup_is_shown_literally(make_checkin, rubric):
    """Brackets in a rubric title are shown as typed, not read as markup."""
    result = growth([make_checkin({"integrity-honesty": 3})], RubricVersions.of(rubric))
    marked = type(result)(**{**result.__dict__, "rubric_title": "[bold]Mine[/bold]"})
    assert "Growth: [bold]Mine[/bold]" in await growth_screen_text(marked)


async def test_no_checkins_in_plain_words(rubric):
    """With nothing finished yet the screen says so once, with no empty table or count of 0."""
    text = await growth_screen_text(growth([], RubricVersions.of(rubric)))
    assert "No complete check-ins yet: growth appears after the second." in text
    assert "0 complete" not in text and "Values" not in text


async def test_a_focus_checkin_keeps_each_values_latest_rated_mean(make_checkin, rubric):
    """After a focus check-in, a value it left out shows its latest rated mean, marked † with
    that check-in's date, and its change; a value it rated shows the new mean unmarked."""
    first = make_checkin({item.id: 2 for item in rubric.items}, day=-30)
    full = make_checkin({item.id: 3 for item in rubric.items}, day=0)
    latest = make_checkin({"integrity-honesty": 4}, day=30)
    latest = latest.model_copy(update={"scope": "focus", "focus": ["integrity-honesty"]})
    result = growth([first, full, latest], RubricVersions.of(rubric))
    text = await growth_screen_text(result, size=(120, 60))
    rated = rubric.value_of("integrity-honesty")
    relationships = rubric.values[0]
    assert rated is not None and relationships.id != rated.id
    assert row_words(text, relationships.name)[-2:] == ["3.00†", "+1.00"]
    assert row_words(text, rated.name)[-2] == "4.00"
    words = " ".join(text.split())
    assert "† Not rated at the latest check-in, a focus check-in of a few items" in words
    assert f"{relationships.name} (5 Jan 2026)" in words
