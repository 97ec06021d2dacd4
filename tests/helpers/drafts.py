"""The draft an app is editing, read back from its file."""

from __future__ import annotations

from selfcheck.formats.checkin import Checkin
from selfcheck.store.checkin_files import load_checkin
from selfcheck.tui.app import SelfcheckApp


def on_disk(app: SelfcheckApp) -> Checkin:
    """The draft as saved, once every queued write has reached the file."""
    assert app.draft is not None
    assert app.draft.writer.flush()
    return load_checkin(app.draft.path)
