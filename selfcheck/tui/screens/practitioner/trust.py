"""Asking to trust a supervisor's signing key the first time one of their responses comes in."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Button

from selfcheck.tui.screens.common.confirm import Confirm


class TrustKey(Confirm):
    """Shows the fingerprint of a supervisor's key and asks to trust it: only `y` trusts;
    enter, `n` and escape do not (a key is never trusted by a reflex)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "answer(False)", "No", show=False),
    ]

    def __init__(self, supervisor: str, fingerprint: str) -> None:
        super().__init__(
            f"Trust {supervisor}'s key?",
            f"This response is signed with a key you have not trusted yet. Its fingerprint:\n\n"
            f"    {fingerprint}\n\n"
            f"Ask {supervisor} to read theirs from `selfcheck keys` (in person or by phone). "
            "Trust it only if they are the same: later responses from them must then be "
            "signed with it, and their meetings count in your hours.",
            "Same: trust it",
            "Not received",
        )

    def on_mount(self) -> None:
        """Start on "Not received", so enter on the focused button does not trust either."""
        self.query_one("#no", Button).focus()
