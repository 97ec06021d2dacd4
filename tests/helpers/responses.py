"""A practitioner, a supervisor with their own data folder, and a response exported between them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from selfcheck.cli import main
from selfcheck.formats.checkin import Checkin
from selfcheck.formats.signing import fingerprint
from selfcheck.store.config import ensure_identity
from selfcheck.supervision.caseload import load_caseload, supervisees_dir
from selfcheck.supervision.files import load_response
from selfcheck.supervision.responding import ResponseDraft


def signed_by(path: Path) -> str:
    """The fingerprint of the key a response file is signed with."""
    signature = load_response(path).signature
    assert signature is not None
    return fingerprint(signature.key)


@dataclass(frozen=True)
class Supervision:
    """The two sides: the practitioner's check-in and the supervisor's data folder."""

    checkin: Checkin
    supervisor_dir: Path

    def export(
        self, out: Path, comment: str = "Signed-Heron comment", meeting: date | None = None
    ) -> list[str]:
        """The supervisor writes a comment (and a meeting) and exports the response to `out`;
        the arguments given to `supervise`, for more exports."""
        caseload = supervisees_dir(self.supervisor_dir)
        latest = load_caseload(caseload).people[0].open().latest
        draft = ResponseDraft.open(caseload, latest, "Dana Super")
        draft.set_item_comment("integrity-honesty", comment)
        if meeting is not None:
            draft.set_meeting(meeting, 60, "individual")
        draft.close()
        args = ["supervise", "--data-dir", str(self.supervisor_dir)]
        assert main([*args, "--export-response", "Robin", "--out", str(out)]) == 0
        return args


def supervision(
    tmp_path: Path,
    data_dir: Path,
    make_checkin: Callable[..., Checkin],
    save: Callable[[Checkin], Path],
    share_args: tuple[str, ...] = (),
) -> Supervision:
    """A complete check-in of the practitioner, shared and imported by the supervisor."""
    key = ensure_identity(data_dir).practitioner_key
    checkin = make_checkin({"integrity-honesty": 4}, key=key)
    save(checkin)
    share = tmp_path / "share.toml"
    assert main(["config", "--name", "Robin"]) == 0
    assert main(["share", "--out", str(share), "--yes", *share_args]) == 0
    supervisor_dir = tmp_path / "supervisor"
    assert main(["supervise", "--data-dir", str(supervisor_dir), "--import", str(share)]) == 0
    return Supervision(checkin, supervisor_dir)
