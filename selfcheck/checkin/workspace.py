"""What the app works on: the data directory, the rubric, the config and the stored check-ins."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selfcheck.checkin.lifecycle import find_draft, last_complete
from selfcheck.formats.checkin import Checkin, complete_checkins
from selfcheck.formats.rubric import Rubric
from selfcheck.store.checkin_files import Loaded, load_data_dir
from selfcheck.store.config import Config, load_config, save_config
from selfcheck.store.rubrics import find_rubric, rubric_for_ref, rubric_versions


@dataclass
class Workspace:
    """The rubric being rated and the check-ins stored for it, reloaded when they change."""

    data_dir: Path
    rubric: Rubric
    config: Config
    loaded: Loaded

    @classmethod
    def load(cls, data_dir: Path, rubric_ref: str | None) -> Workspace:
        """Read the rubric, config and check-ins (SelfcheckError when one cannot be used)."""
        config = load_config(data_dir)
        rubric = find_rubric(rubric_ref or config.rubric or None, data_dir)
        return cls(data_dir, rubric, config, load_data_dir(data_dir))

    def rubric_of(self, checkin: Checkin) -> Rubric:
        """The rubric text a check-in of this rubric was rated against, when it is here."""
        if checkin.rubric.sha256 == self.rubric.sha256:
            return self.rubric
        return rubric_for_ref(checkin.rubric, self.data_dir) or self.rubric

    @property
    def versions(self) -> list[Rubric]:
        """Every version of this rubric available here, oldest first."""
        return rubric_versions(self.rubric.id, self.data_dir)

    def reload(self) -> None:
        """Read the config and check-ins again, after this or another process changed them."""
        self.config = load_config(self.data_dir)
        self.loaded = load_data_dir(self.data_dir)

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


def remember_show_last_time(data_dir: Path, show: bool) -> None:
    """Keep the choice to show or hide last time's rating in the config."""
    config = load_config(data_dir)
    if config.show_last_time != show:
        save_config(data_dir, config.model_copy(update={"show_last_time": show}))


def remember_supervisor(data_dir: Path, supervisor: str) -> None:
    """Keep the supervisor typed for a check-in as the default for the next one."""
    config = load_config(data_dir)
    if config.supervisor != supervisor:
        save_config(
            data_dir, config.model_validate(config.model_dump() | {"supervisor": supervisor})
        )


def remember_in_config(data_dir: Path, **changes: str) -> None:
    """Keep settings the app was given (a packet folder, the supervisor's key) in the config."""
    config = load_config(data_dir)
    if any(getattr(config, name) != value for name, value in changes.items()):
        save_config(data_dir, config.model_validate(config.model_dump() | changes))


def remember_theme(data_dir: Path, theme: str) -> None:
    """Keep the app's theme, chosen in its command palette, in the config."""
    config = load_config(data_dir)
    if config.theme != theme:
        save_config(data_dir, config.model_validate(config.model_dump() | {"theme": theme}))
