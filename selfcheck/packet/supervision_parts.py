"""The packet's supervision pages: both views of a check-in, and the learning plan's history."""

from __future__ import annotations

from dataclasses import dataclass, field

from selfcheck.formats.checkin import STEP_STATUS_WORDS, Checkin
from selfcheck.formats.printable import one_line, printable
from selfcheck.formats.response import Response
from selfcheck.formats.wording import answer_mark
from selfcheck.growth.analysis import Growth
from selfcheck.growth.dates import day_words
from selfcheck.packet.content import CONTENTS, whole
from selfcheck.supervision.plan import StepHistory

VIEWS = "Your view and your supervisor's"
"""The title of the section that puts both levels side by side."""
VIEWS_CONTENTS = "Your view and your supervisor's, and questions to talk about"
"""The section as the front page lists it."""
PLAN_CONTENTS = "Next steps: this time, last time, agreed in supervision, and over time"
"""The next steps section as the front page lists it when supervision adds to it."""


@dataclass(frozen=True)
class SupervisionPages:
    """What the packet shows of supervision: responses, the plan's history, this year's hours."""

    responses: dict[str, Response] = field(default_factory=dict)
    plan: list[StepHistory] = field(default_factory=list)
    hours_this_year: str | None = None


def answered(result: Growth, checkins: list[Checkin], pages: SupervisionPages) -> Checkin | None:
    """The newest check-in of the packet that has a supervisor's response."""
    by_id = {s.id: s for s in checkins}
    ids = [c.checkin_id for c in result.checkins if c.checkin_id in pages.responses]
    return by_id[ids[-1]] if ids else None


def contents(views: bool) -> list[str]:
    """The front page's list of sections, with both views when a response is there."""
    return [*CONTENTS[:4], PLAN_CONTENTS, *([VIEWS_CONTENTS] if views else [])]


def hours_fact(pages: SupervisionPages) -> list[tuple[str, str]]:
    """This year's supervision hours as a front page fact, when any meeting was recorded."""
    if not pages.hours_this_year:
        return []
    return [("Supervision", f"{pages.hours_this_year} (each meeting: selfcheck log)")]


def views_intro(checkin: Checkin, response: Response) -> str:
    """A line saying whose views are compared, and that a gap is a question."""
    who = one_line(response.supervisor, 60) or "your supervisor"
    return (
        f"Your check-in of {day_words(checkin.when)} beside {who}'s response. A gap is a "
        "question to talk about, not a verdict."
    )


NO_GAPS = "Your levels and your supervisor's are the same wherever both gave one."
"""Said instead of questions when no level differs."""
VIEWS_HEADER = ("Item", "You", "Supervisor", "Supervisor's comment")
"""The columns of the side-by-side table."""


def views_rows(result: Growth, checkin: Checkin, response: Response) -> list[list[str]]:
    """Each item: its title, your level, your supervisor's level and comment."""
    return [
        [
            whole(item.title),
            answer_mark(checkin.answer(item.item_id)),
            answer_mark(response.item(item.item_id)),
            whole(response.item(item.item_id).comment),
        ]
        for item in result.items
    ]


def gap_questions(result: Growth, checkin: Checkin, response: Response) -> list[str]:
    """Every item where the two levels differ by one or more, as a question to talk about."""
    questions = []
    for item in result.items:
        mine, theirs = checkin.answer(item.item_id).rating, response.item(item.item_id).rating
        if mine is None or theirs is None or abs(mine - theirs) < 1:
            continue
        questions.append(
            f"{whole(item.title)}: you see {mine} ({result.scale_labels[mine - 1]}), "
            f"your supervisor sees {theirs} ({result.scale_labels[theirs - 1]}). What does each "
            "of you notice that the other may not, and what would a next step look like?"
        )
    return questions


def plan_blocks(pages: SupervisionPages, agreed: Response | None) -> list[tuple[str, list[str]]]:
    """The steps agreed in supervision, and each step's history: set when, status since."""
    blocks = []
    if agreed is not None and agreed.next_steps:
        steps = [printable(step.text) for step in agreed.next_steps]
        blocks.append(("Agreed in supervision", steps))
    lines = [step_history_words(step) for step in pages.plan]
    if lines:
        blocks.append(("The learning plan over time", lines))
    return blocks


def step_history_words(step: StepHistory) -> str:
    """One step of the plan in words: `Read the guide: set 3 Mar 2025; done at 2 Apr 2025`.

    A full stop or colon ending the step's text is left out, so it never reads `guide.: set`.
    """
    how = "agreed in supervision" if step.agreed else "set"
    line = f"{printable(step.text).rstrip(' .:;,')}: {how} {day_words(step.set_on)}"
    for on, status, reflection in step.reviews:
        line += f"; {STEP_STATUS_WORDS[status]} at {day_words(on)}"
        if reflection:
            line += f" (“{printable(reflection)}”)"
    return line if step.reviews else line + "; not looked back on yet"
