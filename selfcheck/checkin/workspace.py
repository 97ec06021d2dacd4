"""What the app works on: the data directory, the rubric, the config and the stored check-ins."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from selfcheck.checkin.lifecycle import find_draft, last_complete
from selfcheck.formats.checkin import Checkin, complete_checkins
from selfcheck.formats.rubric import Rubric
from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.store.checkin_files import Loaded, load_data_dir
from selfcheck.store.config import Config, load_config, save_config
from selfcheck.store.rubrics import find_rubric, rubric_for_ref, rubric_versions
from selfcheck.store.vault import Vault


@dataclass
class Workspace:
    """The rubric being rated and the check-ins stored for it, reloaded when they change."""

    data_dir: Path
    rubric: Rubric
    config: Config
    loaded: Loaded
    vault: Vault = field(default_factory=Vault)
    """The keys every read and write of this data folder goes through."""

    @classmethod
    def load(cls, data_dir: Path, rubric_ref: str | None, vault: Vault | None = None) -> Workspace:
        """Read the rubric, config and check-ins (SelfcheckError when one cannot be used)."""
        vault = vault or Vault()
        config = load_config(data_dir, vault)
        rubric = find_rubric(rubric_ref or config.rubric or None, data_dir)
        return cls(data_dir, rubric, config, load_data_dir(data_dir, vault), vault)

    def rubric_of(self, checkin: Checkin) -> Rubric:
        """The rubric text a check-in of this rubric was rated against, when it is here."""
        if checkin.rubric.sha256 == self.rubric.sha256:
            return self.rubric
        return rubric_for_ref(checkin.rubric, self.data_dir) or self.rubric

    @cached_property
    def versions(self) -> RubricVersions:
        """This rubric with every version of it available here (its folders read once)."""
        return RubricVersions.of(self.rubric, rubric_versions(self.rubric.id, self.data_dir))

    def reload(self) -> None:
        """Read the config and check-ins again, after this or another process changed them."""
        self.config = load_config(self.data_dir, self.vault)
        self.loaded = load_data_dir(self.data_dir, self.vault)

    @property
    def completed(self) -> list[Checkin]:
        """The complete check-ins of this rubric, oldest first."""
        return complete_checkins(self.loaded.checkins, self.rubric.id)

    @property
    def draft(self) -> Checkin | None:
        """The draft in progress for this rubric, if any."""
        return find_draft(self.loaded, self.rubric.id)

    @property
    def previous(self) -> Checkin | None:
        """The most recent complete check-in of this rubric."""
        return last_complete(self.loaded, self.rubric.id)


def remember_show_last_time(data_dir: Path, show: bool, vault: Vault) -> None:
    """Keep the choice to show or hide last time's rating in the config."""
    config = load_config(data_dir, vault)
    if config.show_last_time != show:
        save_config(data_dir, config.model_copy(update={"show_last_time": show}), vault)


def remember_supervisor(data_dir: Path, supervisor: str, vault: Vault) -> None:
    """Keep the supervisor typed for a check-in as the default for the next one."""
    config = load_config(data_dir, vault)
    if config.supervisor != supervisor:
        changed = config.model_validate(config.model_dump() | {"supervisor": supervisor})
        save_config(data_dir, changed, vault)


def remember_in_config(data_dir: Path, vault: Vault, **changes: str) -> None:
    """Keep settings the app was given (a packet folder, the supervisor's key) in the config."""
    config = load_config(data_dir, vault)
    if any(getattr(config, name) != value for name, value in changes.items()):
        save_config(data_dir, config.model_validate(config.model_dump() | changes), vault)


def remember_theme(data_dir: Path, theme: str, vault: Vault) -> None:
    """Keep the app's theme, chosen in its command palette, in the config."""
    config = load_config(data_dir, vault)
    if config.theme != theme:
        changed = config.model_validate(config.model_dump() | {"theme": theme})
        save_config(data_dir, changed, vault)
