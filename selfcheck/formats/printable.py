"""Making outside text (file names, keys, field values, typed text) safe to show in a terminal."""

from __future__ import annotations

import unicodedata

# Zero-width joiners shape emoji and Persian or Indic words; they cannot reorder or hide text.
_HARMLESS_FORMAT = frozenset("\u200c\u200d")
_UNSAFE_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))
"""Controls, format characters (bidi overrides among them), lone surrogates, line separators."""
_ESCAPE_FROM = 0xDC80
_ESCAPE_TO = 0xDCFF


def unsafe(char: str) -> bool:
    """True for a character that could drive, reorder or break a terminal line."""
    return unicodedata.category(char) in _UNSAFE_CATEGORIES and char not in _HARMLESS_FORMAT


def _escape(char: str) -> str:
    code = ord(char)
    if _ESCAPE_FROM <= code <= _ESCAPE_TO:
        return f"\\x{code - 0xDC00:02x}"  # a byte of a file name that is not UTF-8
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def printable(text: str, *, keep_newlines: bool = True) -> str:
    """Return text with control, format and separator characters shown as `\\xNN` / `\\uNNNN`."""
    if text.isprintable():
        return text
    return "".join(
        char
        if ((char == "\n" and keep_newlines) or char == "\t" or not unsafe(char))
        else _escape(char)
        for char in text
    )


def one_line(text: str, width: int) -> str:
    """Return printable text folded to a single line of at most `width` characters."""
    flat = " ".join(printable(text, keep_newlines=False).split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"


def json_safe(document: str) -> str:
    """A JSON text with every unsafe character written as a `\\uNNNN` escape (same data)."""
    if document.isprintable():
        return document
    out = []
    for char in document:
        if char != "\n" and unsafe(char):
            code = ord(char)
            if code > 0xFFFF:
                code -= 0x10000
                out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
            else:
                out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)
