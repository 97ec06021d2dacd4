"""The supervisor's caseload as lines of text: each practitioner and their growth, for screen
readers and pipes."""

from __future__ import annotations

from datetime import date

from selfcheck.formats.printable import one_line
from selfcheck.supervision.caseload import Caseload, CaseloadRow


def caseload_lines(caseload: Caseload, today: date) -> list[str]:
    """One line per practitioner: check-ins, the latest, items to discuss, growth, a response."""
    if not caseload.people:
        return [
            f"No shares in {caseload.folder} yet: import one with `selfcheck supervise "
            "--import FILE`."
        ]
    lines = [f"Caseload in {caseload.folder}: {len(caseload.people)} practitioner(s)."]
    lines.extend(_person_line(row, today) for row in caseload.people)
    return lines


def _person_line(row: CaseloadRow, today: date) -> str:
    entry = row.entry
    count = f"{entry.count} check-in{'s' if entry.count != 1 else ''}"
    latest = f"latest {entry.latest_when.date().isoformat()} ({row.days_since(today)} days ago)"
    discuss = f"{entry.discuss} item(s) to discuss" if entry.discuss else "nothing marked"
    parts = [one_line(row.name, 80), count, latest, discuss, _growth_words(entry.overall_means)]
    if row.waiting:
        parts.append("your response is waiting to be sent")
    return ": ".join(parts[:2]) + "; " + "; ".join(parts[2:]) + "."


def _growth_words(means: list[float | None]) -> str:
    rated = [mean for mean in means if mean is not None]
    if not rated:
        return "no ratings yet"
    if len(rated) == 1:
        return f"overall {rated[0]:.1f}"
    change = rated[-1] - rated[0]
    return f"overall {rated[0]:.1f} to {rated[-1]:.1f} ({change:+.1f} over {len(rated)} check-ins)"
