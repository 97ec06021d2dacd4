"""Start-up without collector pauses: the garbage collector waits until the first screen is up.

Start-up makes tens of thousands of objects (modules, models, the parser, the first screen)
that live for the whole run; collecting while they are made walks them again and again (60 to
80 ms of a start). The collector is held off while they are made, then they are frozen, so no
later collection walks them, and the collector runs as usual from there.

The entry point holds it; `cli.main` collects again before a command runs; `tui.run_app` and
`tui.run_supervisor_app` hold it again, and each app collects again once its first screen is up.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


def hold_collection() -> None:
    """Hold the collector off while start-up makes what lives for the whole run."""
    gc.disable()


def collect_from_here() -> None:
    """Freeze what start-up made and turn the collector back on (if it was held off)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


@contextmanager
def collection_held() -> Iterator[None]:
    """Hold the collector while an app and its first screen are made; the app collects again
    once that screen is up, and at the latest when the block ends."""
    hold_collection()
    try:
        yield
    finally:
        collect_from_here()
