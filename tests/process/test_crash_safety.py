"""Crash safety: SIGKILL at random moments never tears a file or loses a reported save."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from selfcheck.checkin.lifecycle import set_note, set_rating
from selfcheck.formats.errors import LockedError
from selfcheck.store.checkin_files import checkin_path, load_checkin, save_checkin
from selfcheck.store.lock import DraftLock

KILLS = 200


def _save_forever(data_dir: Path, checkin, first: int, report: int) -> None:
    """Child body: save one change after another, reporting each only once it is durable."""
    items = sorted(checkin.items) or ["integrity-honesty"]
    change = first
    while True:
        change += 1
        item = items[change % len(items)]
        set_rating(checkin, item, change % 5 + 1)
        set_note(checkin, "integrity-honesty", str(change))
        save_checkin(data_dir, checkin)
        os.write(report, f"{change}\n".encode())


def _wait_for_saves(read_end: int, count: int) -> bytes:
    """Read the child's reports until it has made `count` durable saves (or died)."""
    seen = b""
    while seen.count(b"\n") < count and (chunk := os.read(read_end, 65536)):
        seen += chunk
    return seen


def _reported(read_end: int, seen: bytes) -> int:
    chunks = [seen]
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    lines = b"".join(chunks).split()
    return int(lines[-1]) if lines else 0


@pytest.mark.serial
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.slow
def test_random_sigkills_never_lose_a_reported_save(tmp_path, make_checkin):
    rng = random.Random(20261124)
    checkin = make_checkin({"integrity-honesty": 1, "justice-advocacy": 2}, complete=False)
    set_note(checkin, "integrity-honesty", "0")
    path = save_checkin(tmp_path, checkin)
    confirmed = waited = 0
    for _ in range(KILLS):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child never returns
            os.close(read_end)
            try:
                _save_forever(tmp_path, load_checkin(path), confirmed, write_end)
            finally:
                os._exit(0)
        os.close(write_end)
        # Kill after a random number of saves and a random moment into the next one, so the
        # kill lands anywhere in a write whatever the machine's speed.
        waits = rng.randint(0, 2)
        waited += waits
        seen = _wait_for_saves(read_end, waits)
        time.sleep(rng.uniform(0, 0.005))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        reported = _reported(read_end, seen)
        os.close(read_end)
        on_disk = int(load_checkin(path).answer("integrity-honesty").note)
        assert on_disk >= reported, "a save reported as durable is missing"
        assert on_disk <= max(reported, confirmed) + 1
        confirmed = on_disk
    assert confirmed >= waited, "the children saved less than they were waited for"


LOCK_HOLDER = """
import sys, time
from pathlib import Path
from selfcheck.store.lock import DraftLock
DraftLock(Path(sys.argv[1])).acquire()
print("locked", flush=True)
time.sleep(60)
"""


def test_lock_refuses_a_second_process_and_a_killed_one_leaves_it_free(tmp_path, make_checkin):
    draft = checkin_path(tmp_path, make_checkin(complete=False).id)
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(draft)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(
            LockedError, match=rf"open in another selfcheck \(process {holder.pid}\)"
        ):
            DraftLock(draft).acquire()
    finally:
        holder.kill()
        holder.wait()
    with DraftLock(draft) as lock:
        assert lock.path.exists()
