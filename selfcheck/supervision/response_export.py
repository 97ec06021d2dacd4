"""Exporting a supervisor's response: signed with their own key, sealed to the practitioner."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selfcheck.formats.printable import one_line
from selfcheck.formats.sealed import parse_recipient, seal
from selfcheck.store.signing_key import folder_signing_key
from selfcheck.store.vault import Vault
from selfcheck.supervision.caseload import Supervisee
from selfcheck.supervision.responding import ResponseDraft


@dataclass(frozen=True)
class ExportedResponse:
    """Where a response went, the key that signed it and the key it is sealed to, if any."""

    path: Path
    fingerprint: str
    sealed_to: str
    practitioner: str

    @property
    def words(self) -> str:
        """One line saying where the file went, how it is signed and who can open it."""
        who = one_line(self.practitioner, 80)
        sealed = (
            f"sealed to {self.sealed_to[:16]}...: only {who} can open it"
            if self.sealed_to
            else "not sealed: whoever holds the file can read it"
        )
        return (
            f"wrote {self.path} (signed with your key {self.fingerprint}; {sealed}); "
            f"give it to {who}."
        )


def export_response(
    draft: ResponseDraft,
    person: Supervisee,
    out: Path,
    data_dir: Path,
    vault: Vault,
    to: str | None = None,
) -> ExportedResponse:
    """Sign the response with the data folder's key and write it to `out`, sealed to `to`, or
    else to the practitioner's own recipient when their share carries one."""
    key = folder_signing_key(data_dir, vault)
    recipient = to or person.share.practitioner.recipient or ""

    def sealed(data: bytes) -> bytes:
        return seal(data, [parse_recipient(recipient)]) if recipient else data

    draft.export(out, key.private_key, sealed, data_dir)
    return ExportedResponse(out, key.fingerprint, recipient, person.name)
