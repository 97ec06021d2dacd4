"""The keys each screen explains on its help: one list per screen, checked against its bindings."""

from __future__ import annotations

from dataclasses import dataclass

SHOWN_NAMES = {
    "right": "→",
    "left": "←",
    "up": "↑",
    "down": "↓",
    "question_mark": "?",
    "pageup": "pgup",
    "pagedown": "pgdn",
}
"""Textual key names written the way a person reads them; other names are shown as they are."""


@dataclass(frozen=True)
class KeyHelp:
    """Keys (Textual names, comma-separated as in a Binding) and what they do on one screen."""

    keys: str
    words: str

    @property
    def names(self) -> tuple[str, ...]:
        """The Textual key names."""
        return tuple(self.keys.split(","))

    @property
    def shown(self) -> str:
        """The keys as the help screen and README write them: `n or →`, `1–5`."""
        names = self.names
        if len(names) > 2 and all(name.isdigit() for name in names):
            return f"{names[0]}–{names[-1]}"
        return " or ".join(SHOWN_NAMES.get(name, name) for name in names)


APP_KEYS = (
    KeyHelp("question_mark", "the keys of the screen you are on"),
    KeyHelp("q,ctrl+c", "quit; everything is already saved, and selfcheck start resumes a draft"),
    KeyHelp("ctrl+p", "commands, such as Change theme (high contrast)"),
)
"""Keys that work on every screen (except q and ? while typing in a text box).

Footers leave ctrl+p out so the screen's own keys fit 60 columns; the help lists it.
"""
