"""A supervisor's response in a few lines: levels beside the practitioner's, comments, steps."""

from __future__ import annotations

from rich.text import Text

from selfcheck.formats.checkin import Checkin
from selfcheck.formats.printable import one_line, printable
from selfcheck.formats.response import Response
from selfcheck.formats.rubric import Rubric
from selfcheck.formats.wording import answer_mark


def response_text(response: Response, rubric: Rubric, checkin: Checkin) -> Text:
    """The response to `checkin`: who, the overall comment, each item given, agreed steps."""
    who = one_line(response.supervisor, 60) or "your supervisor"
    lines = [f"{who} on your check-in of {checkin.when.date().isoformat()}:"]
    if response.comment:
        lines.append(f"  {printable(response.comment, keep_newlines=False)}")
    for number, item in enumerate(rubric.items, 1):
        given = response.item(item.id)
        if given.empty:
            continue
        mine = checkin.answer(item.id)
        levels = ""
        if given.rating is not None or given.not_assessable:
            levels = f" (you {answer_mark(mine)}, {who} {answer_mark(given)})"
        comment = f": {printable(given.comment, keep_newlines=False)}" if given.comment else ""
        lines.append(f"  • {number}. {one_line(item.title, 50)}{levels}{comment}")
    for step in response.next_steps:
        lines.append(f"  ☐ agreed: {printable(step.text, keep_newlines=False)}")
    return Text("\n".join(lines))
