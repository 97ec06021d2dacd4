"""Reading answers and writing lines: plain text in reading order, nothing redrawn."""

from __future__ import annotations

from typing import TextIO

from selfcheck.formats.printable import printable

MAX_LINE_BYTES = 64 * 1024
"""Longest answer line read; a longer one is cut there (no answer is near this long)."""


def number_in_range(text: str, count: int) -> int | None:
    """The whole number 1..count that `text` is (ASCII digits only), else None."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(count)):
        return None
    number = int(text)
    return number if 1 <= number <= count else None


class Lines:
    """One question at a time on a terminal or from a script; every line stays in the scrollback."""

    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.terminal = stdin.isatty() and stdout.isatty()
        self.ended = False
        """Whether the input has ended (ctrl+d on a terminal, the end of a script)."""

    def say(self, *lines: str) -> None:
        """Write lines and flush, so a screen reader hears them as they arrive."""
        for line in lines:
            self.stdout.write(line + "\n")
        self.stdout.flush()

    def ask(self, prompt: str) -> str | None:
        """One line typed after `prompt`, without its newline; None at the end of the input."""
        if self.terminal:
            try:
                # input() gives line editing on a terminal; the prompt is the line's start.
                return input(prompt)
            except EOFError:
                self.say("")
                self.ended = True
                return None
            except UnicodeDecodeError:
                self.say("That line is not UTF-8 text; type it again.")
                return self.ask(prompt)
        while True:
            self.stdout.write(prompt)
            self.stdout.flush()
            line = self._read_line()
            if line is None:
                self.say("")
                self.ended = True
                return None
            try:
                answer = line.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError:
                self.say("", "That line is not UTF-8 text; type it again.")
                continue
            # A script's answer is echoed, so the transcript reads like the terminal session,
            # made printable as `show` does: no control character reaches the screen raw.
            self.say(printable(answer, keep_newlines=False))
            return answer

    def _read_line(self) -> bytes | None:
        """The next line as bytes (bounded), or None at the end of the input."""
        source = getattr(self.stdin, "buffer", None)
        if source is None:  # a text stream (as in tests): already decoded
            text = self.stdin.readline(MAX_LINE_BYTES)
            return text.encode("utf-8", "surrogateescape") if text else None
        data: bytes = source.readline(MAX_LINE_BYTES)
        return data or None
