"""The anonymous export of a data folder's own check-ins, for the `export` command and the app."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from selfcheck.formats.checkin import Checkin
from selfcheck.formats.rubric import Rubric
from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.program.export import (
    AnonymousExport,
    build_export,
    default_export_name,
    describe_export,
    export_bytes,
)
from selfcheck.store.rubrics import rubric_versions
from selfcheck.store.vault import Vault


def version_to_export(versions: RubricVersions, checkins: list[Checkin]) -> Rubric:
    """The version the latest complete check-in of the rubric rated (else the one shown)."""
    rubric = versions.rubric
    done = [s for s in checkins if s.complete and s.rubric.id == rubric.id]
    if not done:
        return rubric
    return versions.version(done[-1].rubric.version) or rubric


@dataclass(frozen=True)
class FolderExport:
    """An export ready to be shown for consent, and the file name it is written under."""

    export: AnonymousExport
    name: str

    @property
    def consent(self) -> str:
        """What the export shares and does not, in plain words."""
        return describe_export(self.export)

    @property
    def text(self) -> str:
        """The file exactly as it would be written, for the practitioner to read."""
        return export_bytes(self.export).decode("utf-8")


def folder_export(folder: Path, program: str, vault: Vault) -> FolderExport:
    """The anonymous export of the folder's own complete check-ins for `program`."""
    from selfcheck.program.generations import with_generation
    from selfcheck.store.checkin_files import load_data_dir
    from selfcheck.store.config import ensure_identity
    from selfcheck.store.rubrics import find_rubric

    config = ensure_identity(folder, vault)
    mine = [
        s
        for s in load_data_dir(folder, vault).checkins
        if s.practitioner.key in ("", config.practitioner_key)
    ]
    shown = find_rubric(None, folder)
    versions = RubricVersions.of(shown, rubric_versions(shown.id, folder))
    rubric = version_to_export(versions, mine)
    secret = config.pseudonym_secret or secrets.token_hex(32)
    export = with_generation(folder, build_export(mine, rubric, secret, program), vault)
    return FolderExport(export, default_export_name(program, rubric))


def write_folder_export(folder: Path, made: FolderExport, out: Path, vault: Vault) -> Path:
    """Record the export's generation, then write it to `out` atomically."""
    from selfcheck.program.generations import claim_generation
    from selfcheck.store.outputs import write_out

    write_out(out, export_bytes(claim_generation(folder, made.export, vault)), folder)
    return out
