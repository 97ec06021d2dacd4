"""Run selfcheck: `python -m selfcheck` and the `selfcheck` command start here."""

from __future__ import annotations

import os
import sys

from selfcheck.quick_start import hold_collection


def run() -> None:
    """The entry point: start without collector pauses or a plugin scan, then run the CLI."""
    hold_collection()  # until the command runs, or the app's first screen is up
    # A pydantic plugin would see every value validated, notes included: selfcheck loads none,
    # which also spares the scan of every installed package's metadata (about 15 ms).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from selfcheck.cli import main

    sys.exit(main())


if __name__ == "__main__":
    run()
