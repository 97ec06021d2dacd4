"""Test data shared by test modules: a practitioner key and check-ins with hand-computed growth."""

from __future__ import annotations

from selfcheck.formats.checkin import Checkin, RubricRef

KEY = "0123456789abcdef"
"""A practitioner key for sessions made in tests."""
SHARED = "SHAREDNOTE about the east side family"
"""A note on an item marked for discussion: the packet shows it by default."""
PRIVATE = "PRIVATENOTE tired this week"
"""A note on an item not marked for discussion: private unless --notes all."""


def three_checkins(make_checkin) -> list[Checkin]:
    """Two complete check-ins a month apart, a draft, and a third complete one."""
    first = make_checkin(
        {
            "relationships-growth-instrument": 2,
            "relationships-nurturing-bonds": 3,
            "relationships-community-partners": 0,
            "integrity-honesty": 4,
        },
        day=0,
    )
    second = make_checkin(
        {
            "relationships-growth-instrument": 3,
            "relationships-nurturing-bonds": 4,
            "relationships-community-partners": 2,
            "integrity-honesty": 3,
            "justice-advocacy": 1,
        },
        day=30,
    )
    second.next_steps = [{"text": "STEPPREVIOUS read the guide", "item": "justice-advocacy"}]
    draft = make_checkin({"relationships-growth-instrument": 1}, day=40, complete=False)
    third = make_checkin(
        {"relationships-growth-instrument": 4, "relationships-community-partners": 0},
        day=60,
        notes={"justice-advocacy": SHARED, "integrity-honesty": PRIVATE},
        discuss=("justice-advocacy",),
    )
    third.next_steps = [{"text": "STEPLATEST ask about caseload", "item": None}]
    return [first, second, draft, third]


def old_version(make_checkin, rubric) -> Checkin:
    """A check-in against an older text of the rubric, with an item it no longer has."""
    ref = RubricRef(id=rubric.id, version="0.9.0", sha256="0" * 64)
    return make_checkin(
        {"relationships-growth-instrument": 1, "retired-item": 3}, day=-30, rubric_ref=ref
    )
