"""Reading answers and writing lines: plain text in reading order, nothing redrawn."""

from __future__ import annotations

from typing import TextIO


class Lines:
    """One question at a time on a terminal or from a script; every line stays in the scrollback."""

    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.terminal = stdin.isatty() and stdout.isatty()

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
                return None
        self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self.say("")
            return None
        answer = line.rstrip("\r\n")
        # A script's answer is echoed, so the transcript reads like the terminal session.
        self.say(answer)
        return answer
