"""Showing text a person typed literally and safely in a terminal."""

from __future__ import annotations

import unicodedata

# Bidirectional embeddings, overrides and isolates can reorder what the terminal shows.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_LINE_SEPARATORS = frozenset("\u2028\u2029\x85")


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, keep_newlines: bool = True) -> str:
    """Return text with control and escape characters made visible as `\\xNN` / `\\uNNNN`."""
    out = []
    for char in text:
        if (char == "\n" and keep_newlines) or char == "\t":
            out.append(char)
        elif (
            unicodedata.category(char) == "Cc" or char in _BIDI_CONTROLS or char in _LINE_SEPARATORS
        ):
            out.append(_escape(char))
        else:
            out.append(char)
    return "".join(out)


def one_line(text: str, width: int) -> str:
    """Return printable text folded to a single line of at most `width` characters."""
    flat = " ".join(printable(text, keep_newlines=False).split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"
