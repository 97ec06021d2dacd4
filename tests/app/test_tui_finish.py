"""Finishing a check-in through the real keys: complete on disk at once, next steps after."""

from __future__ import annotations

from pathlib import Path

from helpers.waiting import wait_until
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets._select import SelectOverlay

from selfcheck.checkin.draft import Draft
from selfcheck.checkin.workspace import Workspace
from selfcheck.formats.checkin import MAX_NEXT_STEPS, Checkin, NextStep
from selfcheck.store.checkin_files import load_checkin
from selfcheck.tui.app import SelfcheckApp, make_app
from selfcheck.tui.screens.practitioner.item import ItemScreen
from selfcheck.tui.screens.practitioner.next_steps import NextStepsScreen
from selfcheck.tui.screens.practitioner.summary import SummaryScreen

SIZE = (80, 24)


def on_disk(app: SelfcheckApp) -> Checkin:
    """The check-in as saved, once every queued write has reached the file."""
    assert app.draft is not None
    assert app.draft.writer.flush()
    return load_checkin(app.draft.path)


async def test_confirmed_finish_is_complete_on_disk_before_next_steps(data_dir: Path) -> None:
    """ctrl+s then y writes status complete and finished before the next-steps screen shows."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "ctrl+s", "y")
        await pilot.wait_for_scheduled_animations()
        assert isinstance(app.screen, NextStepsScreen)
        assert app.draft is not None
        # Read without waiting for any writer: the finish itself was durable.
        saved = load_checkin(app.draft.path)
        assert saved.status == "complete" and saved.finished is not None


async def test_q_on_next_steps_quits_with_the_checkin_complete(data_dir: Path) -> None:
    """Leaving the text box with escape, q quits; the check-in and its step stay complete."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "ctrl+s", "y")
        await pilot.wait_for_scheduled_animations()
        await pilot.press(*"call Sam", "enter", "escape", "q")
    assert app.draft is not None
    saved = load_checkin(app.draft.path)
    assert saved.status == "complete"
    assert saved.next_steps == [NextStep(text="call Sam")]
    assert not app.draft.path.with_suffix(".lock").exists()


async def test_ctrl_c_on_next_steps_keeps_a_step_typed_but_not_added(data_dir: Path) -> None:
    """ctrl+c quits even while typing, and what was typed becomes a step."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", "y")
        await pilot.wait_for_scheduled_animations()
        await pilot.press(*"half typed", "ctrl+c")
    assert app.draft is not None
    saved = load_checkin(app.draft.path)
    assert saved.complete and saved.next_steps == [NextStep(text="half typed")]


async def test_enter_adds_the_step_after_an_item_is_picked(data_dir: Path, rubric) -> None:
    """Picking an item hands focus back to the text box, and enter adds the step tied to it."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", "y")
        await pilot.wait_for_scheduled_animations()
        screen = app.screen
        assert isinstance(screen, NextStepsScreen)
        await pilot.press(*"ask about repair", "tab", "enter", "down", "down", "enter")
        assert screen.query_one("#step-text", Input).has_focus
        await pilot.press("enter")
        saved = on_disk(app)
        assert screen.query_one(Select).is_blank()
    assert saved.next_steps == [NextStep(text="ask about repair", item=rubric.items[1].id)]


async def test_escape_leaves_the_box_then_shows_the_summary(data_dir: Path) -> None:
    """escape in the text box only leaves it; escape again shows the summary, not the item."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", "y")
        await pilot.wait_for_scheduled_animations()
        await pilot.press("escape")
        assert isinstance(app.screen, NextStepsScreen) and app.screen.focused is None
        await pilot.press("escape")
        await pilot.wait_for_scheduled_animations()
        assert isinstance(app.screen, SummaryScreen)
        assert app.draft is not None
    assert load_checkin(app.draft.path).complete


async def test_delete_highlights_then_removes_a_step(data_dir: Path) -> None:
    """The footer shows delete; the first press highlights a step, the second removes it."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", "y")
        await pilot.wait_for_scheduled_animations()
        screen = app.screen
        assert isinstance(screen, NextStepsScreen)
        await pilot.press(*"one", "enter", *"two", "enter", "escape")
        assert any(b.binding.key == "delete" for b in screen.active_bindings.values())
        await pilot.press("delete")
        steps = screen.query_one(OptionList)
        assert steps.has_focus and steps.highlighted == 1
        assert len(on_disk(app).next_steps) == 2
        await pilot.press("delete")
        saved = on_disk(app)
    assert saved.next_steps == [NextStep(text="one")]


async def test_ctrl_c_on_an_item_quits_keeping_the_draft_and_note(data_dir: Path, rubric) -> None:
    """ctrl+c is q: the app quits (also from inside the note), the draft keeps everything."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "e", *"mid-thought", "ctrl+c")
    assert app.return_code == 0
    assert app.draft is not None
    saved = load_checkin(app.draft.path)
    assert saved.status == "draft"
    assert saved.answer(rubric.items[0].id).rating == 3
    assert saved.answer(rubric.items[0].id).note == "mid-thought"


async def test_the_note_says_how_to_leave_it(data_dir: Path) -> None:
    """While the note has focus a line under it says escape leaves it; it goes after."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ItemScreen)
        hint = screen.query_one("#note-hint")
        assert not hint.visible
        await pilot.press("e")
        assert hint.visible and "escape leaves the note" in str(hint.render())
        await pilot.press("escape")
        assert not hint.visible


async def test_supervisor_typed_with_m_is_the_next_default(data_dir: Path) -> None:
    """The supervisor typed with m is kept in the config and prefilled next check-in."""
    from selfcheck.store.config import load_config

    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", *"Dana Lee", "enter", "4", "ctrl+s", "y")
        await pilot.wait_for_scheduled_animations()
    assert load_config(data_dir).supervisor == "Dana Lee"
    again = make_app(data_dir, None, straight_in=True)
    async with again.run_test(size=SIZE):
        assert again.draft is not None
        assert again.draft.checkin.supervision.supervisor == "Dana Lee"


def list_open(field: Select[str]) -> bool:
    """True once the field's list of items is open and takes the arrow keys."""
    return field.expanded and field.query_one(SelectOverlay).has_focus


def rendered(widget: Select[str]) -> str:
    """What a field shows on screen, as plain text."""
    return str(widget.query_one("SelectCurrent Static").render())


async def test_ctrl_t_while_typing_ties_the_step_to_an_item_the_field_names(
    data_dir: Path, newest
) -> None:
    """The footer names ctrl+t; it opens the item list even mid-step, and the field says the
    item the step will be tied to before enter adds it."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", "y")
        await pilot.wait_for_scheduled_animations()
        screen = app.screen
        assert isinstance(screen, NextStepsScreen)
        shown = {b.binding.key: b.binding.description for b in screen.active_bindings.values()}
        assert shown.get("ctrl+t") == "Tie to item"
        field = screen.query_one(Select)
        assert "Tied to" in str(screen.query_one("#step-item-label", Static).render())
        assert rendered(field) == "no item (a general step)"
        await pilot.press(*"ask about repair", "ctrl+t")
        await wait_until(pilot, lambda: list_open(field), "the item list")
        await pilot.press("down", "down", "enter")  # past "no item", to item 2
        assert rendered(field) == f"2. {newest.items[1].title}"
        await pilot.press("enter")
        saved = on_disk(app)
    assert saved.next_steps == [NextStep(text="ask about repair", item=newest.items[1].id)]


async def test_the_item_field_numbers_a_focus_checkins_items_as_its_review(
    data_dir: Path, newest
) -> None:
    """A focus check-in's steps are tied to its own items, numbered 1, 2 as the review shows."""
    chosen = [newest.items[4].id, newest.items[9].id]
    workspace = Workspace.load(data_dir, None)
    Draft.open(workspace, None, chosen).close()
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", "y")
        await pilot.wait_for_scheduled_animations()
        screen = app.screen
        assert isinstance(screen, NextStepsScreen)
        field = screen.query_one(Select)
        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: list_open(field), "the item list")
        await pilot.press("end", "enter")
        assert rendered(field) == f"2. {newest.items[9].title}"
        assert len(field._options) == 3  # the blank choice, then the two items


async def test_s_on_the_summary_goes_back_to_the_next_steps(data_dir: Path) -> None:
    """The summary's footer offers s; it goes back to the steps, where one more step is added
    to the finished check-in. The summary holds no lock on it, so another selfcheck may start."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "ctrl+s", "y")
        await pilot.wait_for_scheduled_animations()
        await pilot.press(*"call Sam", "enter", "escape", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
        shown = {b.binding.key: b.binding.description for b in app.screen.active_bindings.values()}
        assert shown.get("s") == "Next steps"
        said = str(app.screen.query_one("#summary-next", Static).render())
        assert said.startswith("Next: s goes back to your next steps")
        assert app.draft is not None
        assert not app.draft.path.with_suffix(".lock").exists()
        await pilot.press("s")
        await wait_until(pilot, lambda: isinstance(app.screen, NextStepsScreen), "the steps")
        assert "call Sam" in str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        await pilot.press(*"read more", "enter", "escape", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
        assert app.draft is not None and not app.draft.path.with_suffix(".lock").exists()
        saved = load_checkin(app.draft.path)
    assert saved.complete
    assert saved.next_steps == [NextStep(text="call Sam"), NextStep(text="read more")]


async def test_a_step_past_the_plans_limit_is_said_and_the_app_goes_on(
    data_dir: Path, make_checkin, save, rubric
) -> None:
    """The 201st step ended the app with a pydantic error; now one notice says why it was not
    added, the typed text stays in the box, and the plan on disk stays readable."""
    draft = make_checkin({item.id: 3 for item in rubric.items}, complete=False)
    draft.next_steps = [NextStep(text=f"step {number}") for number in range(MAX_NEXT_STEPS)]
    save(draft)
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", "y")
        await pilot.wait_for_scheduled_animations()
        assert isinstance(app.screen, NextStepsScreen)
        await pilot.press(*"one too many", "enter")
        await wait_until(pilot, lambda: bool(app._notifications), "the notice")
        (notice,) = app._notifications
        assert notice.title == "Step not added"
        assert f"at most {MAX_NEXT_STEPS} next steps" in notice.message
        assert app.screen.query_one("#step-text", Input).value == "one too many"
        saved = on_disk(app)
    assert saved.complete and len(saved.next_steps) == MAX_NEXT_STEPS
