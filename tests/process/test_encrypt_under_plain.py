"""`encrypt` while a plain check-in runs: refused in one line; the check-in goes on saving."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers.encryption_helpers import passphrase_file
from helpers.paths import ROOT
from helpers.plain_mode import checkins
from helpers.subprocesses import selfcheck_env
from helpers.waiting import wait_for

from selfcheck.cli import main
from selfcheck.store.vault import is_encrypted


def test_encrypt_under_a_running_plain_checkin_is_refused(
    data_dir: Path, tmp_path: Path, capsys
) -> None:
    """#23's example: a folder encrypted under a running plain check-in left it saying "Saved"
    for answers it could not write. `encrypt` refuses in one line while the draft is open
    (plain mode opens it at once), and every answer typed before and after is on disk."""
    plain = subprocess.Popen(
        [sys.executable, "-m", "selfcheck", "start", "--plain", "--data-dir", str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=selfcheck_env(),
        cwd=ROOT,
        text=True,
    )
    assert plain.stdin is not None
    plain.stdin.write("4\n")
    plain.stdin.flush()
    wait_for(lambda: any(c.items for c in checkins(data_dir)), "the first answer on disk")
    recovery = ["--recovery-out", str(tmp_path / "recovery.txt")]
    secret = ["--passphrase-file", str(passphrase_file(tmp_path))]
    assert main(["--data-dir", str(data_dir), "encrypt", *secret, *recovery]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "open in another selfcheck" in err
    out, errors = plain.communicate("3\nq\n", timeout=60)
    assert plain.returncode == 0, errors
    assert out.count("Saved:") == 2 and errors == ""
    assert not is_encrypted(data_dir)
    (checkin,) = checkins(data_dir)
    assert [answer.rating for answer in checkin.items.values()] == [4, 3]
