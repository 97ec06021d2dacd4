"""Bounds checked in one linear pass before TOML is parsed, so no file costs more than its size."""

from __future__ import annotations

import re
from pathlib import Path

from selfcheck.formats.errors import InputError

MAX_DEPTH = 16
"""Most arrays and inline tables open inside each other; selfcheck's formats need two."""
MAX_DOTTED_PARTS = 16
"""Most parts in one dotted key or table header (`a.b.c` has three); the formats need three."""
MAX_KEYS = 20_000
"""Most keys and table headers in one file; a check-in of a 200-item rubric needs about 1,000."""
MAX_DIGITS = 100
"""Longest run of digits outside strings; longer numbers are refused before parsing."""

# Every alternative also takes an unclosed string to its end (the parser then refuses the
# file), so each character is looked at once: the pass stays linear whatever the input.
_TOKENS = re.compile(
    r'"""[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*\\?(?:"""|\Z)'  # multi-line basic string
    r"|'''[\s\S]*?(?:'''|\Z)"  # multi-line literal string
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*\\?(?:"|(?=\n)|\Z)'  # basic string
    r"|'[^'\n]*'?"  # literal string
    r"|#[^\n]*"  # comment
    r"|[0-9][0-9_]{" + str(MAX_DIGITS - 1) + r",}"  # a number too long to convert
    r"|[.=\[\]{},\n]"
)


def check_bounds(path: Path, text: str) -> None:
    """Refuse, in one line, TOML nested too deeply, with too many keys or too long a number."""
    depth = parts = keys = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token[0] in "\"'#":
            continue
        if token[0].isdigit():
            raise InputError(path, f"a number of more than {MAX_DIGITS} digits; not read")
        if token == ".":
            parts += 1
            if parts >= MAX_DOTTED_PARTS:
                raise InputError(path, f"a dotted key of more than {MAX_DOTTED_PARTS} parts")
            continue
        parts = 0
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise InputError(path, f"nested more than {MAX_DEPTH} levels deep; not read")
            if (token == "[" and depth == 1) or token == "{":
                keys += 1
        elif token in "]}":
            depth = max(depth - 1, 0)
        elif token == "=":
            keys += 1
        if keys > MAX_KEYS:
            raise InputError(path, f"more than {MAX_KEYS:,} keys and tables; not read")
