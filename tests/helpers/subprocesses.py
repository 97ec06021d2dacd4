"""The environment a `selfcheck` subprocess runs in: this checkout, and low scrypt work."""

from __future__ import annotations

import os

from helpers.paths import ROOT

LOW_WORK_SITE = ROOT / "tests" / "helpers" / "low_work_site"
"""Holds the `sitecustomize` that gives a subprocess's passphrase files a low work factor."""
LOW_WORK_VARIABLE = "SELFCHECK_TEST_LOW_WORK"
"""What switches that shim on (it changes nothing without it)."""


def selfcheck_env(**extra: str) -> dict[str, str]:
    """This process's environment for a `python -m selfcheck` run from the checkout.

    Passphrase files it seals open at a low work factor (`helpers.low_work_age`), as in the
    in-process tests: a real scrypt derivation is a second or more of every run. `extra` adds or
    replaces variables (SELFCHECK_DATA_DIR, say).
    """
    path = os.pathsep.join([str(LOW_WORK_SITE), str(ROOT)])
    return os.environ | {"PYTHONPATH": path, LOW_WORK_VARIABLE: "1"} | extra
