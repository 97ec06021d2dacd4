"""Test-only start-up shim: a `selfcheck` subprocess seals passphrase files with low scrypt work.

Python imports `sitecustomize` from the path at start-up; process tests put this folder on the
subprocess's PYTHONPATH (`helpers.subprocesses.selfcheck_env`) and set SELFCHECK_TEST_LOW_WORK.
Then `pyrage.passphrase.encrypt` seals with a work factor of 2**10 (`helpers.low_work_age`)
instead of pyrage's own second or so. Opening needs nothing: age records the factor in the file.
The shipped code has no knob for this; without the variable this file changes nothing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

LOW_WORK_VARIABLE = "SELFCHECK_TEST_LOW_WORK"
"""Set by the tests that want the low work factor (as `helpers.subprocesses` names it)."""


def _seal_with_low_work(data: bytes, passphrase: str) -> bytes:
    """pyrage.passphrase.encrypt's stand-in: the same age file, but quick to open."""
    from helpers.low_work_age import seal_with_low_work

    return seal_with_low_work(data, passphrase)


if os.environ.get(LOW_WORK_VARIABLE):
    import pyrage.passphrase

    sys.path.append(str(Path(__file__).resolve().parents[2]))  # tests/, for `helpers`
    pyrage.passphrase.encrypt = _seal_with_low_work  # type: ignore[assignment]
