"""Focus check-ins: the suggestion order, choosing items in the app, the file, and home's nudge."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers.drafts import on_disk
from helpers.versions_data import checkin, install_tiny, year_across_versions
from pydantic import ValidationError
from textual.widgets import SelectionList, Static

from selfcheck.checkin.focus import full_checkin_due, suggest_focus
from selfcheck.formats.checkin import Checkin, NextStep
from selfcheck.store.checkin_files import checkin_bytes, load_data_dir, save_checkin
from selfcheck.tui.app import make_app
from selfcheck.tui.screens.practitioner.focus import FocusScreen
from selfcheck.tui.screens.practitioner.home import HomeScreen
from selfcheck.tui.screens.practitioner.item import ItemScreen

SIZE = (80, 24)


def test_suggestions_follow_discuss_steps_staleness_then_lowest(make_checkin, rubric):
    """Discussed, then tied to a step, then answered longest ago, then lowest rated; 6 at most."""
    every = {item.id: 3 for item in rubric.items}
    first = make_checkin(every | {"knowledge-ongoing-learning": 1}, day=0)
    latest = make_checkin(
        {i: 4 for i in every if i not in ("integrity-honesty", "knowledge-ongoing-learning")}
        | {"justice-advocacy": 2, "diversity-each-family-unique": 1},
        day=30,
        discuss=("reflection-using-supervision",),
    )
    latest.next_steps = [NextStep(text="read", item="confidentiality-knowing-standards")]
    assert suggest_focus(rubric, [first, latest]) == [
        "reflection-using-supervision",
        "confidentiality-knowing-standards",
        "knowledge-ongoing-learning",
        "integrity-honesty",
        "diversity-each-family-unique",
        "justice-advocacy",
    ]


def test_old_ids_suggest_the_item_that_replaced_them(data_dir):
    old, new = install_tiny(data_dir)
    last = checkin(old, {"care-split-b": 2, "care-kept": 3}, day=0, discuss=("care-split-b",))
    assert suggest_focus(new, [last])[0] == "care-merged"


def test_full_checkin_suggested_after_90_days(make_checkin):
    full = make_checkin({}, day=0)
    assert full_checkin_due([full], date(2026, 4, 5)) is None
    words = full_checkin_due([full], date(2026, 4, 6))
    assert words is not None and "91 days ago, on 2026-01-05" in words


def test_focus_file_records_scope_and_refuses_answers_outside(data_dir):
    _old, new = install_tiny(data_dir)
    session = checkin(new, {"trust-new": 3}, day=0, focus=["trust-new"])
    text = checkin_bytes(session).decode()
    assert 'scope = "focus"' in text and '"trust-new"' in text
    full = checkin(new, {"trust-new": 3}, day=0)
    assert "scope" not in checkin_bytes(full).decode()
    with pytest.raises(ValidationError, match="care-kept not in this focus check-in"):
        Checkin.model_validate(session.model_dump() | {"items": {"care-kept": {"rating": 2}}})


async def test_f_on_home_chooses_items_and_starts_a_focus_checkin(data_dir: Path) -> None:
    """f shows the suggested items ticked; dropping one and pressing s starts with the rest."""
    old, new = install_tiny(data_dir)
    for session in year_across_versions(old, new)[:3]:
        save_checkin(data_dir, session)
    app = make_app(data_dir, "tiny", straight_in=False)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        due = app.screen.query_one("#full-due", Static)
        assert due.display and "a full check-in is suggested" in str(due.render())
        await pilot.press("f")
        assert isinstance(app.screen, FocusScreen)
        # The last check-in rated all three at once: the lowest rated comes first.
        assert app.screen.suggested == ["trust-new", "care-kept", "care-merged"]
        assert set(app.screen.query_one(SelectionList).selected) == set(app.screen.suggested)
        await pilot.press("space")  # drops the first, trust-new
        await pilot.press("s")
        assert isinstance(app.screen, ItemScreen)
        assert [item.id for item in app.screen.items] == ["care-kept", "care-merged"]
        await pilot.press("4")
        saved = on_disk(app)
    assert saved.scope == "focus" and saved.focus == ["care-kept", "care-merged"]
    assert saved.answer("care-kept").rating == 4


async def test_start_focus_resumes_a_draft_on_its_own_version(data_dir: Path) -> None:
    """A draft started on 1.0.0 resumes on 1.0.0's text even though 2.0.0 is newest."""
    old, _new = install_tiny(data_dir)
    save_checkin(data_dir, checkin(old, {"care-kept": 2}, day=0, complete=False))
    app = make_app(data_dir, "tiny", straight_in=False, focus=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ItemScreen)
        assert screen.draft.rubric.version == "1.0.0"
        assert str(screen.query_one("#item-title", Static).render()) == "Merged part A"
        await pilot.press("p")
        assert str(screen.query_one("#item-title", Static).render()) == "Kept OLDTEXT"
    assert load_data_dir(data_dir).checkins[0].rubric.version == "1.0.0"


def test_plain_home_suggests_a_full_checkin_too(data_dir, make_checkin, save, capsys):
    """The plain mode's home says the same as the app's when the last full one is old."""
    from selfcheck.cli import main

    save(make_checkin({}, day=0))
    assert main(["--plain"]) == 0
    assert "a full check-in is suggested" in capsys.readouterr().out
