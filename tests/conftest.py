"""Fixtures every folder shares: a private home and data directory, the rubric, check-ins."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from helpers.floor import floor_entries, floor_entry
from helpers.low_work_age import seal_with_low_work
from helpers.samples import KEY
from hypothesis import settings

from selfcheck.checkin.lifecycle import new_checkin_id
from selfcheck.formats.checkin import Checkin, ItemAnswer, Practitioner, RubricRef
from selfcheck.formats.rubric import Rubric
from selfcheck.store.checkin_files import save_checkin
from selfcheck.store.rubrics import DEFAULT_RUBRIC_ID, find_rubric

settings.register_profile("selfcheck", deadline=None)
settings.load_profile("selfcheck")
"""No per-example time limit: a fsync on a busy machine once took 316 ms against hypothesis's
200, and timing belongs to the benchmarks, not to pass or fail."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark `floor` the tests helpers/floor.py lists; a listed test that is gone is an error.

    A `serial` test outside tests/process is an error too: the README's serial pass collects
    that folder only, so such a test would run in neither pass.
    """
    entries = floor_entries()
    used: set[str] = set()
    collected_files: set[str] = set()
    for item in items:
        relative = item.nodeid.removeprefix("tests/")
        collected_files.add(relative.partition("::")[0])
        if item.get_closest_marker("serial") and not relative.startswith("process/"):
            raise pytest.UsageError(f"{item.nodeid}: a serial test belongs in tests/process")
        entry = floor_entry(relative, entries)
        if entry is not None:
            used.add(entry)
            item.add_marker(pytest.mark.floor)
    missing = {entry for entry in entries - used if entry.partition("::")[0] in collected_files}
    if missing:
        raise pytest.UsageError(f"helpers/floor.py names tests that are gone: {sorted(missing)}")


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: two workers a core. A worker waits for a good part of its time (fsync,
    subprocesses, the app's timers), so one a core leaves the cores idle: on 2 cores the
    parallel pass took 183 s with 3 workers and 170 s with 4 (1.9 cores busy)."""
    return 2 * (os.cpu_count() or 1)


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Keep a developer's own data, config and environment out of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.delenv("SELFCHECK_DATA_DIR", raising=False)
    monkeypatch.delenv("SELFCHECK_PASSPHRASE_FILE", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield home


@pytest.fixture(autouse=True)
def low_work_passphrases(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Seal identity.age with a low scrypt work factor, but in the tests about the passphrase.

    A real derivation takes about a second each way and most encryption tests are about files,
    not passphrases; the shipped code opens these identities unchanged (age records the factor).
    """
    if request.node.get_closest_marker("real_scrypt") is None:
        monkeypatch.setattr("selfcheck.store.conversion.seal_with_passphrase", seal_with_low_work)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data directory (not yet created) that selfcheck uses by default in this test."""
    path = tmp_path / "data"
    monkeypatch.setenv("SELFCHECK_DATA_DIR", str(path))
    return path


@pytest.fixture(scope="session")
def rubric() -> Rubric:
    """The shipped default rubric's first version, 1.0.0, that most tests' check-ins rate."""
    return find_rubric(f"{DEFAULT_RUBRIC_ID}@1.0.0", None)


@pytest.fixture(scope="session")
def newest() -> Rubric:
    """The shipped default rubric's newest version, that new check-ins rate."""
    return find_rubric(DEFAULT_RUBRIC_ID, None)


MakeCheckin = Callable[..., Checkin]


@pytest.fixture
def make_checkin(rubric: Rubric) -> MakeCheckin:
    """Build a check-in: `ratings` maps item id to a level, 0 for not yet assessable."""

    def build(
        ratings: dict[str, int] | None = None,
        *,
        day: int = 0,
        complete: bool = True,
        name: str = "Robin Example",
        key: str = KEY,
        notes: dict[str, str] | None = None,
        discuss: tuple[str, ...] = (),
        rubric_ref: RubricRef | None = None,
    ) -> Checkin:
        started = datetime(2026, 1, 5, 9, 0, tzinfo=timezone(timedelta(hours=-5)))
        started += timedelta(days=day)
        items: dict[str, ItemAnswer] = {}
        for item_id in set(ratings or {}) | set(notes or {}) | set(discuss):
            level = (ratings or {}).get(item_id)
            items[item_id] = ItemAnswer(
                rating=level or None,
                not_assessable=level == 0,
                note=(notes or {}).get(item_id, ""),
                discuss=item_id in discuss,
            )
        return Checkin(
            id=new_checkin_id(started),
            status="complete" if complete else "draft",
            started=started,
            finished=started + timedelta(minutes=12) if complete else None,
            rubric=rubric_ref
            or RubricRef(id=rubric.id, version=rubric.version, sha256=rubric.sha256),
            practitioner=Practitioner(name=name, key=key),
            items=items,
        )

    return build


@pytest.fixture
def save(data_dir: Path) -> Callable[[Checkin], Path]:
    """Save a session into the test's data directory and return its path."""
    return lambda checkin: save_checkin(data_dir, checkin)


TRACEBACK = "Traceback (most recent call last)"
"""What Python prints for an uncaught exception: never part of what selfcheck says."""


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Fail a passing test whose captured output or log (not read by the test) holds a
    traceback, in its setup, call or teardown."""
    outcome = yield
    report: pytest.TestReport = outcome.get_result()  # type: ignore[attr-defined]
    if report.passed:
        printed = report.capstdout + report.capstderr + report.caplog
        if TRACEBACK in printed:
            report.outcome = "failed"
            report.longrepr = (
                "a traceback was printed during the test:\n"
                + printed[printed.index(TRACEBACK) :][:4000]
            )
