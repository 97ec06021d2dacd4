"""How growth writes a date: in words for the packet (`3 Mar 2025`), by month on the charts
(`Mar 2025`), ISO for terminal listings."""

from __future__ import annotations

from datetime import date


def day_words(day: date) -> str:
    """A date as the packet writes it everywhere: day, short month, year (`3 Mar 2025`)."""
    return f"{day.day} {month_words(day)}"


def month_words(day: date) -> str:
    """A date's month as the charts write it everywhere: short month and year (`Mar 2025`)."""
    return f"{day:%b %Y}"


def iso_day(day: date) -> str:
    """A date as terminal listings write it, sorting as text: `2025-03-03`."""
    return f"{day:%Y-%m-%d}"
