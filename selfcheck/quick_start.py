"""Start-up without collector pauses: the garbage collector waits until the first screen is up.

Start-up makes tens of thousands of objects (modules, models, the parser, the first screen)
that live for the whole run; collecting while they are made walks them again and again (60 to
80 ms of a start). The collector is held off while they are made, then they are frozen, so no
later collection walks them, and the collector runs as usual from there.
"""

from __future__ import annotations

import gc


def hold_collection() -> None:
    """Hold the collector off while start-up makes what lives for the whole run."""
    gc.disable()


def collect_from_here() -> None:
    """Freeze what start-up made and turn the collector back on (if it was held off)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
