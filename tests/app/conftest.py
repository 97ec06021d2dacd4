"""Textual Pilot and snapshot tests: the app and the supervisor app driven in-process.

A test belongs here when it runs an app (`run_test`, `snap_compare`) and starts no process.
"""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every snapshot test, so a run on older Textual can leave them out by marker."""
    for item in items:
        if "snap_compare" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.snapshot)
