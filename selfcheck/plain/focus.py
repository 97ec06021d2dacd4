"""Choosing a focus check-in's items in plain mode: the suggested few, or the numbers typed."""

from __future__ import annotations

import re
from collections.abc import Sequence

from selfcheck.checkin.focus import SUGGESTION_WORDS
from selfcheck.formats.checkin import FOCUS_MAX
from selfcheck.formats.printable import one_line
from selfcheck.formats.rubric import Rubric
from selfcheck.plain.lines import Lines, number_in_range

QUESTION = "Items (enter takes the suggested ones; or numbers such as 2 5 9; q stops): "


def focus_lines(rubric: Rubric, suggested: Sequence[str]) -> list[str]:
    """The items numbered, the suggested ones said so, and how to choose."""
    lines = [f"A focus check-in rates 1 to {FOCUS_MAX} items. {SUGGESTION_WORDS}"]
    for number, item in enumerate(rubric.items, start=1):
        mark = " (suggested)" if item.id in suggested else ""
        lines.append(f"  {number}. {one_line(item.title, 200)}{mark}")
    numbers = [str(n) for n, item in enumerate(rubric.items, start=1) if item.id in suggested]
    lines.append(f"Suggested: {', '.join(numbers)}.")
    return lines


def parse_choice(typed: str, rubric: Rubric, suggested: list[str]) -> list[str] | str:
    """The chosen item ids in rubric order, or a sentence saying what is wrong."""
    if not typed.strip():
        return suggested
    words = [word for word in re.split(r"[\s,]+", typed.strip()) if word]
    count = len(rubric.items)
    chosen = [number_in_range(word, count) for word in words]
    if None in chosen:
        return f"Type item numbers from 1 to {count}, separated by spaces."
    numbers = sorted({number for number in chosen if number is not None})
    if len(numbers) > FOCUS_MAX:
        return f"Choose at most {FOCUS_MAX} items (now {len(numbers)})."
    return [rubric.items[number - 1].id for number in numbers]


def choose_focus(rubric: Rubric, suggested: list[str], lines: Lines) -> list[str] | None:
    """Ask which items the focus check-in rates (enter takes `suggested`); None on stopping."""
    lines.say(*focus_lines(rubric, suggested))
    while (typed := lines.ask(QUESTION)) is not None and typed.strip() != "q":
        chosen = parse_choice(typed, rubric, suggested)
        if isinstance(chosen, list):
            return chosen
        lines.say(chosen)
    return None
