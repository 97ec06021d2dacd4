"""The plain mode on a real terminal (pexpect): a check-in typed key by key, resumed, finished."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from helpers.paths import ROOT

from selfcheck.store.checkin_files import load_data_dir


@pytest.fixture
def rubric(newest):
    """New check-ins rate the newest version: these flows use its items."""
    return newest


pexpect = pytest.importorskip("pexpect", reason="pexpect is in the test extras")

PROMPT = "Your answer"


def spawn(data_dir: Path):
    """`selfcheck start --plain` on a pseudo-terminal of 80 by 24."""
    env = os.environ | {"PYTHONPATH": str(ROOT), "TERM": "xterm-256color"}
    return pexpect.spawn(
        sys.executable,
        ["-m", "selfcheck", "start", "--plain", "--data-dir", str(data_dir)],
        cwd=str(ROOT),
        env=env,
        encoding="utf-8",
        dimensions=(24, 80),
        timeout=30,
    )


@pytest.mark.serial
@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_checkin_on_a_terminal_resume_and_finish(data_dir: Path, rubric) -> None:
    """Typed answers are saved; q quits; a second run resumes, f and y finish, the summary shows."""
    items = rubric.items
    child = spawn(data_dir)
    child.expect(f"Item 1 of {len(items)}")
    child.expect(PROMPT)
    child.sendline("3")
    child.expect(f"Saved: 3 {rubric.level_label(3)}.")
    child.expect(f"Item 2 of {len(items)}")
    child.sendline("d")
    child.expect("Saved: marked to discuss")
    child.sendline("q")
    child.expect("The draft is saved")
    child.expect(pexpect.EOF)
    assert child.wait() == 0

    child = spawn(data_dir)
    child.expect("Resuming your draft")
    child.expect(f"Item 2 of {len(items)} \\(1 answered\\)")
    child.sendline("f")
    child.expect(f"{len(items) - 1} items are still unanswered")
    child.sendline("y")
    child.expect("Check-in finished and saved")
    child.expect("Next step")
    child.sendline("")
    child.expect("Marked for discussion:")
    child.expect(f"2. {items[1].title}")
    child.expect(pexpect.EOF)
    assert child.wait() == 0
    [done] = load_data_dir(data_dir).checkins
    assert done.complete and done.answer(items[0].id).rating == 3
    assert done.answer(items[1].id).discuss
