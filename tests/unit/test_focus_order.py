"""Focus suggestions: supervision first, at most two per value, an edge beside a strength."""

from __future__ import annotations

from pathlib import Path

from helpers.samples import KEY

from selfcheck.checkin.focus import PER_VALUE, suggest_focus
from selfcheck.checkin.lifecycle import rubric_ref, set_not_my_role
from selfcheck.formats.checkin import NextStep, TravellingStep
from selfcheck.formats.response import ItemResponse, Response
from selfcheck.supervision.files import save_response
from selfcheck.supervision.plan import focus_suggestion
from selfcheck.supervision.receiving import received_dir


def value_counts(rubric, chosen: list[str]) -> dict[str, int]:
    """How many chosen items each value has."""
    counts: dict[str, int] = {}
    for item_id in chosen:
        value = rubric.value_of(item_id)
        assert value is not None
        counts[value.id] = counts.get(value.id, 0) + 1
    return counts


def test_agreed_steps_and_rating_gaps_come_first(tmp_path: Path, make_checkin, newest) -> None:
    """An agreed step's item, then the item the supervisor rated 2 apart, lead the suggestion."""
    ids = [item.id for item in newest.items]
    last = make_checkin(dict.fromkeys(ids, 3), rubric_ref=rubric_ref(newest), discuss=(ids[0],))
    response = Response(
        checkin=last.id,
        practitioner_key=KEY,
        rubric_sha256=last.rubric.sha256,
        items={ids[5]: ItemResponse(rating=4), ids[9]: ItemResponse(rating=1)},
        next_steps=[TravellingStep(text="practise the repair talk", item=ids[12])],
    )
    save_response(received_dir(tmp_path) / "response.toml", response)
    chosen = focus_suggestion(tmp_path, newest, [last])
    assert chosen[:3] == [ids[12], ids[9], ids[0]], "agreed step, gap of 2, then discussed"
    assert ids[5] not in chosen[:3], "a gap of 1 is not a reason to come first"
    assert suggest_focus(newest, [last])[0] == ids[0], "without supervision: discussed first"


def test_at_most_two_per_value_and_a_strength_beside_an_edge(make_checkin, newest) -> None:
    """Never more than PER_VALUE items of a value; the lowest and the highest rated alternate."""
    ids = [item.id for item in newest.items]
    ratings = {item_id: 3 for item_id in ids} | {ids[0]: 1, ids[1]: 1, ids[2]: 1, ids[-1]: 5}
    chosen = suggest_focus(newest, [make_checkin(ratings, rubric_ref=rubric_ref(newest))])
    assert len(chosen) == 6
    assert max(value_counts(newest, chosen).values()) <= PER_VALUE
    assert chosen[:2] == [ids[0], ids[-1]], "the lowest rated, then the highest"
    assert newest.value_of(ids[2]) == newest.value_of(ids[0]) == newest.value_of(ids[1])
    assert ids[2] not in chosen, "a third item of the same value waits"


def test_never_an_item_last_answered_not_my_role(make_checkin, newest) -> None:
    """An item last answered "not my role" is left out even when discussed or tied to a step."""
    ids = [item.id for item in newest.items]
    last = make_checkin({i: 3 for i in ids[1:]}, rubric_ref=rubric_ref(newest), discuss=(ids[0],))
    set_not_my_role(last, ids[0])
    last.next_steps = [NextStep(text="ask", item=ids[0])]
    assert ids[0] not in suggest_focus(newest, [last], steps=[ids[0]])
