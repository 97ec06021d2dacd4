"""Telling practitioners apart in a folder of check-ins, so two people are never mixed."""

from __future__ import annotations

from collections.abc import Iterable

from selfcheck.formats.checkin import Checkin
from selfcheck.formats.errors import SelfcheckError


def practitioner_id(checkin: Checkin) -> str:
    """Who a check-in belongs to: the installation key, else the name, else unknown."""
    person = checkin.practitioner
    if person.key:
        return f"key:{person.key}"
    return f"name:{person.name.casefold()}" if person.name else "unknown"


def practitioner_label(checkins: Iterable[Checkin]) -> str:
    """A readable name for one practitioner's check-ins (newest name wins)."""
    names = [s.practitioner.name for s in checkins if s.practitioner.name]
    if names:
        return names[-1]
    keys = [s.practitioner.key for s in checkins if s.practitioner.key]
    return f"unnamed ({keys[-1][:6]})" if keys else "unnamed"


def by_practitioner(checkins: Iterable[Checkin]) -> dict[str, list[Checkin]]:
    """Check-ins grouped per practitioner, each group in the given order."""
    groups: dict[str, list[Checkin]] = {}
    for checkin in checkins:
        groups.setdefault(practitioner_id(checkin), []).append(checkin)
    return groups


def pick_practitioner(checkins: list[Checkin], name: str | None) -> list[Checkin]:
    """The check-ins of one practitioner: the only one present, or the one named.

    Raises SelfcheckError listing who is present when the choice is ambiguous.
    """
    groups = by_practitioner(checkins)
    if name:
        wanted = name.casefold()
        chosen = [
            group
            for group in groups.values()
            if practitioner_label(group).casefold() == wanted
            or any(s.practitioner.key.startswith(wanted) for s in group if s.practitioner.key)
        ]
        if len(chosen) != 1:
            raise SelfcheckError(
                f"--practitioner {name!r} matches {len(chosen)} practitioners; present: "
                + _present(groups)
            )
        return chosen[0]
    if len(groups) > 1:
        raise SelfcheckError(
            f"check-ins of {len(groups)} practitioners are present ({_present(groups)}); "
            "choose one with --practitioner NAME"
        )
    return checkins


def _present(groups: dict[str, list[Checkin]]) -> str:
    return ", ".join(sorted(practitioner_label(group) for group in groups.values()))
