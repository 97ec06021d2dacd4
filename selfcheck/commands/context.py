"""One command's inputs, resolved once from its options and read lazily when first asked for."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING

from selfcheck.commands.common import require_paths, tell
from selfcheck.commands.passphrases import PASSPHRASE_FILE_ENV, ask_passphrase
from selfcheck.store.data_dir import check_data_dir, check_private, resolve_data_dir
from selfcheck.store.vault import Vault

if TYPE_CHECKING:
    from selfcheck.formats.response import Response
    from selfcheck.formats.rubric import Rubric
    from selfcheck.formats.rubric_versions import RubricVersions
    from selfcheck.store.checkin_files import Loaded
    from selfcheck.store.config import Config


@dataclass(frozen=True)
class CommandContext:
    """The data folder, its vault, check-ins, responses and rubrics of one command run.

    Nothing is read until asked for, then once: a command that never shows responses never
    decrypts them, and a folder is unlocked (its passphrase asked) at most once.
    """

    data_dir_option: Path | None = None
    """`--data-dir`, when given (else the environment or the platform's folder)."""
    passphrase_option: Path | None = None
    """`--passphrase-file`, when given."""
    paths: tuple[Path, ...] = ()
    """Check-in files or folders given on the command line, read instead of the data folder."""
    identity_files: tuple[Path, ...] = ()
    """`--identity FILE`: age identities that open files sealed to them."""
    vault: Vault = field(default_factory=Vault)
    """The keys every read and write of this run goes through."""
    _rubrics: dict[str | None, Rubric] = field(default_factory=dict, init=False, repr=False)
    """The rubrics found so far, by the reference that named them."""
    _versions: dict[str, list[Rubric]] = field(default_factory=dict, init=False, repr=False)
    """The versions of each rubric read so far: a rubric's folders are scanned once."""

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CommandContext:
        """The context of a parsed command line (options a command lacks count as not given)."""
        return cls(
            data_dir_option=getattr(args, "data_dir", None),
            passphrase_option=getattr(args, "passphrase_file", None),
            paths=tuple(getattr(args, "paths", None) or ()),
            identity_files=tuple(getattr(args, "identity", None) or ()),
        )

    @property
    def passphrase_file(self) -> Path | None:
        """The passphrase file named by `--passphrase-file`, else by the environment."""
        from_env = os.environ.get(PASSPHRASE_FILE_ENV)
        return self.passphrase_option or (Path(from_env).expanduser() if from_env else None)

    def ask_passphrase(self, prompt: str, *, twice: bool = False, file: Path | None = None) -> str:
        """A passphrase from `file`, else the passphrase file, else the terminal."""
        return ask_passphrase(prompt, file or self.passphrase_file, twice=twice)

    @cached_property
    def chosen_dir(self) -> Path:
        """The data folder chosen by the options and environment, checked usable and private.

        Not unlocked: for commands that decide themselves when to ask the passphrase.
        """
        return check_private(check_data_dir(resolve_data_dir(self.data_dir_option)))

    @cached_property
    def data_dir(self) -> Path:
        """The data folder, unlocked (its passphrase asked once) when it is encrypted."""
        folder = self.chosen_dir
        self.unlock(folder)
        return folder

    def unlock(self, folder: Path) -> None:
        """Unlock an encrypted folder once per run; a plain or unlocked one is left alone."""
        if self.vault.needs_unlock(folder):
            self.vault.unlock(folder, self.ask_passphrase(f"Passphrase of {folder}"))

    def guarded_out(self, out: Path | None) -> Path | None:
        """An output path (`--out` or the like), refused inside the data folder or on a device;
        says what it replaces."""
        from selfcheck.store.outputs import check_out

        if out is not None:
            note = check_out(out, resolve_data_dir(self.data_dir_option))
            if note is not None:
                tell(note)
        return out

    def hold_identities(self) -> None:
        """Hold the identities of `--identity FILE` (asking a passphrase if one is protected)."""
        from selfcheck.formats.sealed import load_identities

        for path in self.identity_files:
            ask = partial(self.ask_passphrase, f"Passphrase of {path}")
            self.vault.add_identities(load_identities(path, ask))

    @cached_property
    def config(self) -> Config:
        """The data folder's config (defaults when there is none yet)."""
        from selfcheck.store.config import load_config

        return load_config(self.data_dir, self.vault)

    @cached_property
    def stored(self) -> Loaded:
        """The check-ins stored in the data folder, and a line per file that did not load."""
        from selfcheck.store.checkin_files import load_data_dir

        return load_data_dir(self.data_dir, self.vault)

    @cached_property
    def sources(self) -> Loaded:
        """The check-ins of the given paths, else of the data folder; a line per bad file."""
        from selfcheck.store.checkin_files import checkins_dir, load_checkins

        if not self.paths:
            return self.stored
        require_paths(list(self.paths))
        folders = [checkins_dir(p) if checkins_dir(p).is_dir() else p for p in self.paths]
        return load_checkins(folders, self.vault)

    @cached_property
    def received(self) -> tuple[dict[str, Response], list[str]]:
        """The supervisor's responses kept in the data folder by check-in id, and bad files."""
        from selfcheck.supervision.receiving import load_received

        return load_received(self.data_dir, self.vault)

    def rubric(self, ref: str | None) -> Rubric:
        """The rubric named by a path, `id` or `id@version` (the default one for None)."""
        from selfcheck.store.rubrics import find_rubric

        if ref not in self._rubrics:
            self._rubrics[ref] = find_rubric(ref, self.data_dir)
        return self._rubrics[ref]

    def versions(self, rubric: Rubric) -> RubricVersions:
        """The rubric with every version of it available here (its folders read once)."""
        from selfcheck.formats.rubric_versions import RubricVersions
        from selfcheck.store.rubrics import rubric_versions

        if rubric.id not in self._versions:
            self._versions[rubric.id] = rubric_versions(rubric.id, self.data_dir)
        return RubricVersions.of(rubric, self._versions[rubric.id])
