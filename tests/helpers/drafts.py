"""The draft an app is editing, read back from its file."""

from __future__ import annotations

from selfcheck.formats.session import Session
from selfcheck.store.sessions import load_session
from selfcheck.tui.app import SelfcheckApp


def on_disk(app: SelfcheckApp) -> Session:
    """The draft as saved, once every queued write has reached the file."""
    assert app.draft is not None
    assert app.draft.writer.flush()
    return load_session(app.draft.path)
