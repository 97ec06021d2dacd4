"""Export generations: a re-export replaces the earlier one, even holding fewer check-ins."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import tomllib
from pathlib import Path

import pytest
from helpers.paths import DATA, ROOT
from helpers.samples import KEY

from selfcheck.cli import main
from selfcheck.formats.rubric import Rubric
from selfcheck.program.export import AnonymousCheckin, AnonymousExport, export_bytes
from selfcheck.program.export_reading import parse_checked, parse_fast
from selfcheck.store.checkin_files import save_checkin
from selfcheck.store.config import ensure_identity, save_config

CORPUS = DATA / "hostile" / "exports"
HOSTILE_GENERATIONS = sorted(CORPUS.glob("bad-generation-*.toml"))
RUBRIC = ("alliance-code-of-ethics", "1.0.0")
EXPORT = ["export", "--anonymous", "--program", "Cohort A", "--yes", "--out"]


def _identity(data_dir: Path) -> None:
    config = ensure_identity(data_dir)
    save_config(data_dir, config.model_copy(update={"practitioner_key": KEY}))


def other_export(
    folder: Path, who: int, rubric: Rubric, quarters: list[str], version: int = 2, generation=1
) -> Path:
    """An export of another practitioner, with levels that differ between practitioners."""
    width = len(rubric.items)
    export = AnonymousExport(
        format="selfcheck-anonymous",
        format_version=version,
        pseudonym=hashlib.sha256(str(who).encode()).hexdigest(),
        **({"generation": generation} if version == 2 else {}),
        rubric_id=rubric.id,
        rubric_version=rubric.version,
        items=[item.id for item in rubric.items],
        values=[value.id for value, _ in rubric.iter_items()],
        checkin=[
            AnonymousCheckin(
                period=quarter,
                levels=[(who + n + i) % 5 + 1 for i in range(width)],
                discuss=[0] * width,
            )
            for n, quarter in enumerate(quarters)
        ],
    )
    path = folder / f"other-{who}-{generation}-{len(quarters)}.toml"
    path.write_bytes(export_bytes(export))
    return path


def aggregate_csv(folder: Path, tmp_path: Path, *extra: str) -> list[dict[str, str]]:
    """Run `selfcheck aggregate` on a folder (K = 3 unless `extra` says) and read the CSV it
    wrote."""
    out = tmp_path / "program.csv"
    defaults = [] if extra else ["--min-group", "3"]
    assert main(["aggregate", str(folder), "--out", str(out), *defaults, *extra]) == 0
    return list(csv.DictReader(io.StringIO(out.read_text())))


def test_written_export_is_version_3_and_reads_back_the_same_both_ways(
    data_dir, make_checkin, tmp_path
):
    """The writer makes format_version 3 with a record key and generation 1; fast and checked
    readers agree."""
    _identity(data_dir)
    save_checkin(data_dir, make_checkin({"integrity-honesty": 4}))
    out = tmp_path / "mine.toml"
    assert main([*EXPORT, str(out)]) == 0
    data = out.read_bytes()
    parsed = tomllib.loads(data.decode())
    assert (parsed["format_version"], parsed["generation"]) == (3, 1)
    assert re.fullmatch(r"[0-9a-f]{16}", parsed["record_key"])
    checked = parse_checked(out, data)
    assert checked.generation == 1 and parse_fast(data) == checked


def test_generation_rises_only_when_the_shared_content_changes(data_dir, make_checkin, tmp_path):
    """The same content exports as the same bytes; a changed one counts up; a dry run and a
    declined export record nothing; the data folder keeps no program name or pseudonym."""
    _identity(data_dir)
    save_checkin(data_dir, make_checkin({"integrity-honesty": 4}))
    first, again, later = tmp_path / "1.toml", tmp_path / "2.toml", tmp_path / "3.toml"
    assert main([*EXPORT, str(first)]) == 0
    assert main([*EXPORT, str(again)]) == 0
    assert again.read_bytes() == first.read_bytes()
    save_checkin(data_dir, make_checkin({"integrity-honesty": 5}, day=100))
    assert main(["export", "--anonymous", "--program", "Cohort A", "--dry-run"]) == 0
    assert main(["export", "--anonymous", "--program", "Cohort A", "--out", str(later)]) == 2
    assert main([*EXPORT, str(later)]) == 0
    assert tomllib.loads(later.read_text())["generation"] == 2
    kept = data_dir / "export-generations.toml"
    assert os.stat(kept).st_mode & 0o777 == 0o600
    pseudonym = tomllib.loads(later.read_text())["pseudonym"]
    assert "ohort" not in kept.read_text() and pseudonym not in kept.read_text()


def test_re_export_with_fewer_checkins_replaces_the_earlier_one(
    data_dir, make_checkin, rubric, tmp_path, capsys
):
    """After deleting a check-in, the new, smaller export counts and the old one is named."""
    _identity(data_dir)
    save_checkin(data_dir, make_checkin({"integrity-honesty": 4}))
    save_checkin(data_dir, make_checkin({"integrity-honesty": 3}, day=100))
    deleted = save_checkin(data_dir, make_checkin({"integrity-honesty": 2}, day=200))
    exports = tmp_path / "exports"
    exports.mkdir()
    for who in range(5):  # version 1 files beside version 2 ones
        other_export(exports, who, rubric, ["2026-Q1", "2026-Q2"], version=1)
    older, newer = exports / "mine-older.toml", exports / "mine-newer.toml"
    assert main([*EXPORT, str(older)]) == 0
    assert "2026-Q3" in {row["period"] for row in aggregate_csv(exports, tmp_path)}
    deleted.unlink()
    assert main([*EXPORT, str(newer)]) == 0
    capsys.readouterr()
    rows = aggregate_csv(exports, tmp_path)
    assert "2026-Q3" not in {row["period"] for row in rows}
    notes = [line for line in capsys.readouterr().err.splitlines() if "superseded" in line]
    assert notes == [f"{older}: superseded by {newer} (same practitioner, a later export)"]


def test_version_1_files_are_read_as_generation_0(rubric, tmp_path, capsys):
    """A version 1 export still counts; a version 2 export of the same person replaces it
    even when it holds fewer check-ins; between version 1 files the larger one counts."""
    for who in range(1, 5):
        other_export(tmp_path, who, rubric, ["2026-Q1"], version=1)
    old = other_export(tmp_path, 0, rubric, ["2026-Q1", "2026-Q2"], version=1)
    old_record = parse_checked(old, old.read_bytes())
    assert old_record.generation == 0 and parse_fast(old.read_bytes()) == old_record
    assert "2026-Q2" in {row["period"] for row in aggregate_csv(tmp_path, tmp_path)}
    new = other_export(tmp_path, 0, rubric, ["2026-Q1"])
    capsys.readouterr()
    assert "2026-Q2" not in {row["period"] for row in aggregate_csv(tmp_path, tmp_path)}
    assert f"{old}: superseded by {new} (same practitioner, a later export)" in (
        capsys.readouterr().err
    )
    new.unlink()
    smaller = other_export(tmp_path, 0, rubric, ["2026-Q1"], version=1)
    aggregate_csv(tmp_path, tmp_path)
    assert f"{smaller}: superseded by {old} (same practitioner; between version 1" in (
        capsys.readouterr().err
    )


def test_two_exports_of_one_generation_are_settled_the_same_in_any_order(rubric, tmp_path, capsys):
    """Same pseudonym and generation, other content: the one with more check-ins counts,
    whatever the order of the files, and one line says so."""
    for who in range(1, 5):
        other_export(tmp_path, who, rubric, ["2026-Q1"])
    one = other_export(tmp_path, 0, rubric, ["2026-Q1"], generation=3)
    two = other_export(tmp_path, 0, rubric, ["2026-Q1", "2026-Q2"], generation=3)
    others = sorted(tmp_path.glob("other-[1-4]-*.toml"))
    outputs = []
    for order in ([one, two], [two, one]):
        out = tmp_path / "program.csv"
        args = ["--min-group", "3", "--out", str(out)]
        assert main(["aggregate", *map(str, [*others, *order]), *args]) == 0
        outputs.append(out.read_text())
        lines = [line for line in capsys.readouterr().err.splitlines() if str(two) in line]
        assert lines == [
            f"{one}: same practitioner and export generation as {two}, but different content; "
            f"counted {two} (more check-ins, then the later quarter)"
        ]
    assert outputs[0] == outputs[1] and "2026-Q2" in outputs[0]


def test_the_generation_never_reaches_the_aggregate(rubric, tmp_path):
    """The same check-ins under generation 2 or 9 give the same CSV: the count of a person's
    exports is no side channel in what is published, nor in its noise."""
    outputs = []
    for generation in (2, 9):
        folder = tmp_path / f"g{generation}"
        folder.mkdir()
        for who in range(6):
            path = other_export(folder, who, rubric, ["2026-Q1", "2026-Q3"], generation=generation)
            path.rename(folder / f"{who}.toml")
        outputs.append(aggregate_csv(folder, tmp_path, "--min-group", "3", "--by", "all"))
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("path", HOSTILE_GENERATIONS, ids=[p.name for p in HOSTILE_GENERATIONS])
def test_a_hostile_generation_is_refused_in_one_line_naming_the_file(path, capsys):
    """Negative, zero, huge, text, float, boolean, array or misplaced: one line, exit 2."""
    assert main(["aggregate", str(path)]) == 2
    err = [line for line in capsys.readouterr().err.splitlines() if str(path) in line]
    assert len(err) == 1 and ("generation" in err[0] or "TOML" in err[0]), err


def test_a_future_format_version_asks_for_an_upgrade(capsys):
    """An export newer than version 3 is refused with one line saying to upgrade."""
    path = CORPUS / "bad-future-format-version.toml"
    assert main(["aggregate", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: format_version 4 is newer than this selfcheck reads (3); upgrade" in err


@pytest.mark.parametrize("generation", ["-3", '"2"', "2147483647"])
def test_a_damaged_or_full_generations_file_is_one_line(generation, data_dir, make_checkin, capsys):
    """A generations file with a bad count, or one that cannot count further, stops the
    export with one line naming it."""
    _identity(data_dir)
    save_checkin(data_dir, make_checkin({"integrity-honesty": 4}))
    assert main(["export", "--anonymous", "--program", "P", "--dry-run"]) == 0
    key = hashlib.sha256(
        "\x00".join([tomllib.loads(capsys.readouterr().out)["pseudonym"], *RUBRIC]).encode()
    ).hexdigest()
    kept = data_dir / "export-generations.toml"
    kept.write_text(
        'format = "selfcheck-export-generations"\nformat_version = 1\n[[export]]\n'
        f'key = "{key}"\ngeneration = {generation}\ncontent = "{"b" * 64}"\n'
    )
    assert main(["export", "--anonymous", "--program", "P", "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(kept) in err and "generation" in err


def test_the_documented_example_is_a_version_2_export_in_the_written_layout(tmp_path):
    """docs/anonymous-format.md's example reads the same with the strict and the fast reader."""
    page = (ROOT / "docs" / "anonymous-format.md").read_text()
    (example,) = re.findall(r"```toml\n(.*?)```", page, flags=re.S)
    data = example.encode()
    checked = parse_checked(tmp_path / "example.toml", data)
    assert checked.generation == 3 and parse_fast(data) == checked


def test_the_generations_file_is_sealed_in_an_encrypted_folder(data_dir, make_checkin, tmp_path):
    """In an encrypted data folder the count is kept sealed, never as plain text."""
    from helpers.encryption_helpers import encrypt, passphrase_file

    _identity(data_dir)
    save_checkin(data_dir, make_checkin({"integrity-honesty": 4}))
    encrypt(data_dir, tmp_path)
    unlock = ["--passphrase-file", str(passphrase_file(tmp_path))]
    for name in ("1.toml", "2.toml"):
        assert main([*EXPORT, str(tmp_path / name), *unlock]) == 0
    assert (tmp_path / "1.toml").read_bytes() == (tmp_path / "2.toml").read_bytes()
    assert (data_dir / "export-generations.toml.age").exists()
    assert not (data_dir / "export-generations.toml").exists()


def test_a_smaller_re_export_is_not_shown_by_difference(rubric, tmp_path, capsys):
    """The release after a re-export with one check-in fewer redraws every row that one person
    is behind: the only count that moved, by -1, is the removed answer on at most 2 items."""
    for who in range(1, 6):
        other_export(tmp_path, who, rubric, ["2026-Q1"])
    older = other_export(tmp_path, 0, rubric, ["2026-Q1", "2026-Q1"])
    args = ["--min-group", "3", "--by", "all"]
    first = aggregate_csv(tmp_path, tmp_path, *args)
    (tmp_path / "program.csv").rename(tmp_path / "first.csv")
    newer = other_export(tmp_path, 0, rubric, ["2026-Q1"], generation=2)
    second = {
        (row["period"], row["scope"], row["id"]): row
        for row in aggregate_csv(tmp_path, tmp_path, *args)
    }
    assert f"{older}: superseded by {newer}" in capsys.readouterr().err
    levels = ["n_level_1", "n_level_2", "n_level_3", "n_level_4", "n_level_5"]
    shown = 0
    for i, item in enumerate(rubric.items):
        before = next(
            r for r in first if (r["period"], r["scope"], r["id"]) == ("all", "item", item.id)
        )
        after = second[("all", "item", item.id)]
        moved = [c for c in levels if before[c] != after[c]]
        removed = f"n_level_{(1 + i) % 5 + 1}"
        shown += moved == [removed] and int(after[removed]) - int(before[removed]) == -1
    assert shown <= 2
