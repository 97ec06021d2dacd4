"""Each screen's help, built from its bindings: one source of truth for keys."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding, BindingType

SHOWN_NAMES = {
    "right": "→",
    "left": "←",
    "up": "↑",
    "down": "↓",
    "question_mark": "?",
    "pageup": "pgup",
    "pagedown": "pgdn",
    "backspace": "bksp",
    "delete": "del",
}
"""Textual key names written the way a person reads them; other names are shown as they are."""


@dataclass(frozen=True)
class KeyHelp:
    """Keys (Textual names) and what they do on one screen."""

    names: tuple[str, ...]
    words: str

    @property
    def shown(self) -> str:
        """The keys as the help screen and README write them: `n or →`, `1–5`."""
        names = self.names
        if len(names) > 2 and all(name.isdigit() for name in names):
            return f"{names[0]}–{names[-1]}"
        return " or ".join(SHOWN_NAMES.get(name, name) for name in names)


def help_words(binding: Binding) -> str:
    """What a binding does in the help's words: its tooltip, else its footer label."""
    return binding.tooltip or binding.description


def keys_help(bindings: Iterable[BindingType]) -> list[KeyHelp]:
    """The keys of these bindings, those that do the same thing (same words) on one row."""
    rows: dict[str, list[str]] = {}
    for binding in Binding.make_bindings(bindings):
        if binding.action == "app.help":
            continue  # a screen's own ? is the app's, listed once with the keys of every screen
        names = rows.setdefault(help_words(binding), [])
        names += [name for name in binding.key.split(",") if name not in names]
    return [KeyHelp(tuple(names), words) for words, names in rows.items()]


FINISH_WORDS = "finish: y or enter confirms and completes it, n or escape goes back"
"""What ctrl+s does on the item and review screens."""

PACKET_WORDS = "the packet for supervision: a PDF or a web page, written to a folder"
"""What p does on home, the summary and growth."""

SHARE_WORDS = "share your check-ins with your supervisor: says what is and is not shared first"
"""What h does on home and the summary."""
