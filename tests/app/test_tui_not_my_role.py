"""The item screen's x key answers "not my role", listed first where it was last time."""

from __future__ import annotations

from pathlib import Path

from helpers.drafts import on_disk

from selfcheck.checkin.lifecycle import rubric_ref, set_not_my_role
from selfcheck.tui.app import make_app
from selfcheck.tui.messages import NOT_ASSESSABLE, NOT_MY_ROLE
from selfcheck.tui.screens.practitioner.item import ItemScreen
from selfcheck.tui.widgets.scale import RatingRow, RatingScale

SIZE = (80, 24)


def scale_order(screen: object) -> list[int]:
    """The answers of the item screen's scale, top to bottom."""
    assert isinstance(screen, ItemScreen)
    return [row.rating for row in screen.query_one(RatingScale).query(RatingRow)]


async def test_x_answers_not_my_role_and_a_level_clears_it(
    data_dir: Path, newest, make_checkin, save
) -> None:
    """x saves "not my role"; 0 turns it into "not yet"; the scale lists it first when it was."""
    first, second = newest.items[0].id, newest.items[1].id
    before = make_checkin({}, day=-7, rubric_ref=rubric_ref(newest))
    set_not_my_role(before, second)
    save(before)
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=SIZE) as pilot:
        assert scale_order(app.screen) == [1, 2, 3, 4, 5, NOT_ASSESSABLE, NOT_MY_ROLE]
        await pilot.press("x")
        saved = on_disk(app)
        assert saved.answer(first).not_my_role and saved.answer(first).rating is None
        await pilot.press("n")
        assert scale_order(app.screen) == [NOT_MY_ROLE, 1, 2, 3, 4, 5, NOT_ASSESSABLE]
        await pilot.press("x", "0")
        saved = on_disk(app)
    assert saved.answer(second).not_assessable and not saved.answer(second).not_my_role
    assert saved.format_version == 2
