"""A practitioner, a supervisor with their own data folder, and a response exported between them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from selfcheck.cli import main
from selfcheck.formats.checkin import Checkin
from selfcheck.formats.signing import fingerprint
from selfcheck.store.config import ensure_identity, save_config
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
        self,
        out: Path,
        comment: str = "Signed-Heron comment",
        meeting: date | None = None,
        to: str | None = None,
    ) -> None:
        """The supervisor writes a comment (and a meeting) and exports the response to `out`
        (sealed `to` a recipient, when given)."""
        caseload = supervisees_dir(self.supervisor_dir)
        latest = load_caseload(caseload).people[0].open().latest
        draft = ResponseDraft.open(caseload, latest, "Dana Super")
        draft.set_item_comment("integrity-honesty", comment)
        if meeting is not None:
            draft.set_meeting(meeting, 60, "individual")
        draft.close()
        args = ["supervise", "--data-dir", str(self.supervisor_dir)]
        sealed = ["--to", to] if to else []
        assert main([*args, "--export-response", "Robin", "--out", str(out), *sealed]) == 0


def supervision(
    tmp_path: Path,
    data_dir: Path,
    make_checkin: Callable[..., Checkin],
    save: Callable[[Checkin], Path],
    before_share: Callable[[], object] = lambda: None,
) -> Supervision:
    """A complete check-in of the practitioner (named Robin), shared (after `before_share`,
    such as encrypting their folder) and imported by the supervisor."""
    config = ensure_identity(data_dir)
    save_config(data_dir, config.model_copy(update={"name": "Robin"}))
    checkin = make_checkin({"integrity-honesty": 4}, key=config.practitioner_key)
    save(checkin)
    before_share()
    share = tmp_path / "share.toml"
    assert main(["share", "--out", str(share), "--yes"]) == 0
    supervisor_dir = tmp_path / "supervisor"
    assert main(["supervise", "--data-dir", str(supervisor_dir), "--import", str(share)]) == 0
    return Supervision(checkin, supervisor_dir)
