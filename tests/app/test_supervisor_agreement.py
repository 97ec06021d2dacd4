"""A supervisor who agrees with a check-in responds in three keys and exports in two more."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from helpers.practitioners import share
from textual.widgets import DataTable

from selfcheck.cli import main
from selfcheck.store.checkin_files import load_data_dir, save_checkin
from selfcheck.store.config import ensure_identity
from selfcheck.supervision.caseload import supervisees_dir
from selfcheck.tui.screens.supervisor.response import ResponseScreen
from selfcheck.tui.supervisor_app import make_supervisor_app

COMMENT = "A steady year; bring the home visit from March."


def imported(own: Path, tmp_path: Path) -> Path:
    """A supervisor's data folder that imported the share of the practitioner folder `own`."""
    share(own, tmp_path / "share.toml")
    supervisor = tmp_path / "dana"
    args = ["supervise", "--data-dir", str(supervisor), "--import", str(tmp_path / "share.toml")]
    assert main(args) == 0
    return supervisor


class CountedPilot:
    """Presses keys through a Pilot and counts them, a typed text counting as none."""

    def __init__(self, pilot: Any) -> None:
        self.pilot = pilot
        self.keys = 0

    async def press(self, *keys: str) -> None:
        """Press keys that cost the supervisor a keystroke each."""
        self.keys += len(keys)
        await self.pilot.press(*keys)

    async def type(self, text: str) -> None:
        """Type a text (its keys are the text itself, not counted)."""
        await self.pilot.press(*text)


async def test_full_agreement_takes_three_keys_and_export_two(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """A, o, comment, enter agree with every rated item; x, enter write it beside the cwd."""
    own, supervisor = tmp_path / "sam", tmp_path / "dana"
    assert main(["demo", "--data-dir", str(own)]) == 0
    share(own, tmp_path / "share.toml")
    assert (
        main(["supervise", "--data-dir", str(supervisor), "--import", str(tmp_path / "share.toml")])
        == 0
    )
    latest = load_data_dir(own).checkins[-1]
    monkeypatch.chdir(tmp_path)

    app = make_supervisor_app(supervisees_dir(supervisor), supervisor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "r")
        assert isinstance(app.screen, ResponseScreen)
        counted = CountedPilot(pilot)
        await counted.press("A", "o")
        await counted.type(COMMENT)
        await counted.press("enter")
        assert counted.keys <= 3
        await counted.press("x", "enter")
        assert counted.keys <= 5
        await pilot.press("q")

    written = list(tmp_path.glob("response-*.toml"))
    assert len(written) == 1
    data = tomllib.loads(written[0].read_text("utf-8"))
    assert data["comment"] == COMMENT
    # A response has no "not my role" (that answer is the practitioner's): agreeing skips it.
    rated = {i: a for i, a in latest.items.items() if a.answered and not a.not_my_role}
    assert set(data["items"]) == set(rated)
    for item_id, theirs in rated.items():
        assert data["items"][item_id]["rating"] == theirs.rating
        assert data["items"][item_id]["not_assessable"] == theirs.not_assessable


async def test_a_level_overrides_one_and_agree_all_keeps_it(
    tmp_path: Path, make_checkin, rubric
) -> None:
    """A level given first stays the supervisor's own; A fills in only the others."""
    own = tmp_path / "robin"
    config = ensure_identity(own)
    ratings = {item.id: 2 for item in rubric.items}
    save_checkin(own, make_checkin(ratings, key=config.practitioner_key))
    share(own, tmp_path / "share.toml")
    supervisor = tmp_path / "dana"
    assert (
        main(["supervise", "--data-dir", str(supervisor), "--import", str(tmp_path / "share.toml")])
        == 0
    )
    app = make_supervisor_app(supervisees_dir(supervisor), supervisor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "r", "5", "A")
        assert isinstance(app.screen, ResponseScreen)
        response = app.screen.draft.response
        first = rubric.items[0].id
        assert response.items[first].rating == 5
        assert {response.items[i.id].rating for i in rubric.items[1:]} == {2}
        await pilot.press("q")


async def test_the_response_lists_only_the_items_a_focus_checkin_rated(
    tmp_path: Path, make_checkin, rubric
) -> None:
    """A focus check-in of three items has three rows, not one per rubric item."""
    own = tmp_path / "robin"
    config = ensure_identity(own)
    chosen = [item.id for item in rubric.items[:3]]
    checkin = make_checkin({i: 3 for i in chosen}, key=config.practitioner_key)
    save_checkin(own, checkin.model_copy(update={"scope": "focus", "focus": chosen}))
    share(own, tmp_path / "share.toml")
    supervisor = tmp_path / "dana"
    assert (
        main(["supervise", "--data-dir", str(supervisor), "--import", str(tmp_path / "share.toml")])
        == 0
    )
    app = make_supervisor_app(supervisees_dir(supervisor), supervisor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "r")
        assert isinstance(app.screen, ResponseScreen)
        assert app.screen.query_one(DataTable).row_count == 3
        await pilot.press("q")
