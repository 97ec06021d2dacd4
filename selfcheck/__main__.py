"""Run selfcheck: `python -m selfcheck` and the `selfcheck` command start here."""

from __future__ import annotations

import gc
import os
import sys


def run() -> None:
    """The entry point: start without collector pauses or a plugin scan, then run the CLI."""
    # Start-up makes about 50,000 objects (modules, models, the parser) that live for the
    # whole run; collecting while they are made walks them again and again (about 60 ms).
    # `cli.main` freezes them and turns the collector back on before the command runs.
    gc.disable()
    # A pydantic plugin would see every value validated, notes included: selfcheck loads none,
    # which also spares the scan of every installed package's metadata (about 15 ms).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from selfcheck.cli import main

    sys.exit(main())


if __name__ == "__main__":
    run()
