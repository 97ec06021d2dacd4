"""A share never holds a note the policy excluded, whatever the notes and marks (property test)."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfcheck.formats.share import Share
from selfcheck.store.config import Config
from selfcheck.supervision.files import share_bytes
from selfcheck.supervision.share import build_share

PLANTED = "PLANTED-{n}-xq"
"""Text that can only reach the share file through the note it was planted in."""

answers = st.lists(
    st.tuples(st.booleans(), st.integers(min_value=0, max_value=5), st.text(max_size=30)),
    min_size=1,
    max_size=17,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    checkins=st.lists(answers, min_size=1, max_size=4),
    policy=st.sampled_from(["discuss", "none", "all"]),
)
def test_only_allowed_notes_reach_the_share_file(make_checkin, rubric, checkins, policy):
    items = [item.id for item in rubric.items]
    sessions = []
    allowed: set[str] = set()
    excluded: set[str] = set()
    n = 0
    for day, answered in enumerate(checkins):
        ratings, notes, discuss = {}, {}, []
        for (marked, level, extra), item in zip(answered, items, strict=False):
            n += 1
            planted = PLANTED.format(n=n)
            ratings[item] = level
            notes[item] = f"{extra} {planted}"
            if marked:
                discuss.append(item)
            keep = policy == "all" or (policy == "discuss" and marked)
            (allowed if keep else excluded).add(planted)
        sessions.append(make_checkin(ratings, day=day, notes=notes, discuss=tuple(discuss)))
    config = Config(name="Robin", practitioner_key="0123456789abcdef")
    share = build_share(sessions, config, policy, datetime(2026, 2, 1, tzinfo=UTC))
    text = share_bytes(share).decode("utf-8")
    assert not any(planted in text for planted in excluded)
    assert all(planted in text for planted in allowed)
    assert Share.model_validate(share.model_dump()).notes == policy
