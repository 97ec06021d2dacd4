"""Anonymous export: nothing typed, named or dated leaves; pseudonyms are stable per program."""

from __future__ import annotations

import csv
import os
import tomllib
from pathlib import Path

from helpers.samples import KEY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfcheck.cli import main
from selfcheck.formats.checkin import NextStep, Supervision
from selfcheck.program.export import AnonymousExport, build_export, export_bytes, pseudonym
from selfcheck.program.export_reading import parse_checked, parse_fast
from selfcheck.store.checkin_files import save_checkin
from selfcheck.store.config import ensure_identity, save_config

SECRET = "ab" * 32


def _identity(data_dir: Path) -> None:
    config = ensure_identity(data_dir)
    save_config(data_dir, config.model_copy(update={"practitioner_key": KEY}))


def test_export_holds_no_typed_text_names_dates_or_ids(data_dir, make_checkin, rubric, capsys):
    """Planted strings in every typed field, the session id and exact times stay out."""
    _identity(data_dir)
    items = [item.id for item in rubric.items]
    checkin = make_checkin(
        {items[0]: 3, items[1]: 0},
        name="Zelda Plantedname",
        notes={items[0]: "PLANTED-NOTE-xyzzy"},
        discuss=(items[2],),
    )
    checkin.supervision = Supervision(supervisor="PLANTED-SUPERVISOR")
    checkin.next_steps = [NextStep(text="PLANTED-STEP", item=items[0])]
    save_checkin(data_dir, checkin)
    assert main(["export", "--anonymous", "--program", "Cohort A", "--dry-run"]) == 0
    out = capsys.readouterr().out
    for planted in (
        "Plantedname",
        "Zelda",
        "PLANTED",
        checkin.id,
        checkin.id[:8],
        "2026-01",
        "09:",
        str(data_dir),
        checkin.rubric.sha256,
        KEY,
    ):
        assert planted not in out
    parsed = tomllib.loads(out)
    assert parsed["checkin"] == [
        {
            "period": "2026-Q1",
            "levels": [3, 0] + [-1] * (len(items) - 2),
            "discuss": [0, 0, 1] + [0] * (len(items) - 3),
        }
    ]


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=st.text(min_size=4), name=st.text(min_size=4, max_size=200).map(str.strip))
def test_no_arbitrary_text_reaches_the_export(make_checkin, rubric, note, name):
    """Whatever a person types in notes or names, the export bytes are the same."""
    item = rubric.items[0].id
    plain = make_checkin({item: 4}, name="x", notes={item: "y"})
    typed = make_checkin({item: 4}, name=name, notes={item: note})
    typed.next_steps = [NextStep(text=note)]
    assert export_bytes(build_export([typed], rubric, SECRET, "P")) == export_bytes(
        build_export([plain], rubric, SECRET, "P")
    )


def test_pseudonym_stable_per_program_different_across_programs_and_not_from_name():
    """Same secret and program: same pseudonym; another program or secret: another."""
    first = pseudonym(SECRET, "Cohort 2026")
    assert first == pseudonym(SECRET, "  cohort   2026 ")
    assert first != pseudonym(SECRET, "Cohort 2027")
    assert first != pseudonym("cd" * 32, "Cohort 2026")
    assert len(first) == 64 and int(first, 16) >= 0


def test_pseudonym_independent_of_name(data_dir, make_checkin, rubric):
    """Two names on the same installation share the pseudonym; it is no hash of the name."""
    a = build_export([make_checkin({}, name="Ann")], rubric, SECRET, "P")
    b = build_export([make_checkin({}, name="Bo")], rubric, SECRET, "P")
    assert a.pseudonym == b.pseudonym


def test_written_file_is_private_and_reads_back_fast_and_checked(data_dir, make_checkin, tmp_path):
    """--yes writes 0600 bytes equal to --dry-run; fast and tomllib readers agree."""
    _identity(data_dir)
    save_checkin(data_dir, make_checkin({"integrity-honesty": 5}))
    save_checkin(data_dir, make_checkin({"integrity-honesty": 2}, day=100))
    save_checkin(data_dir, make_checkin({"integrity-honesty": 1}, day=200, complete=False))
    out = tmp_path / "x.toml"
    assert main(["export", "--anonymous", "--program", "P", "--out", str(out), "--yes"]) == 0
    assert os.stat(out).st_mode & 0o777 == 0o600
    data = out.read_bytes()
    export = AnonymousExport.model_validate(tomllib.loads(data.decode()))
    assert [c.period for c in export.checkin] == ["2026-Q1", "2026-Q2"]
    slow = parse_checked(out, data)
    assert parse_fast(data) == slow


def test_export_needs_a_complete_checkin(data_dir, make_checkin, capsys):
    """With only a draft there is nothing to share, said in one line."""
    _identity(data_dir)
    save_checkin(data_dir, make_checkin({}, complete=False))
    assert main(["export", "--anonymous", "--program", "P", "--dry-run"]) == 2
    assert "no complete check-in" in capsys.readouterr().err


def test_export_asks_before_writing_when_not_in_a_terminal(data_dir, make_checkin, tmp_path):
    """Without a terminal and without --yes nothing is written."""
    _identity(data_dir)
    save_checkin(data_dir, make_checkin({}))
    out = tmp_path / "x.toml"
    assert main(["export", "--anonymous", "--program", "P", "--out", str(out)]) == 2
    assert not out.exists()


def test_not_my_role_is_read_in_version_3_and_refused_before(tmp_path, capsys):
    """`-2` (not my role) counts in its own column from a version 3 export; a version 2 file
    holding it is refused in one line naming the file and the field."""
    from helpers.anonymous_exports import write_export

    (tmp_path / "in").mkdir()
    for who in range(5):
        first = -2 if who < 3 else who
        write_export(tmp_path / "in", who, [("2026-Q1", [first, 3, who % 5 + 1])])
    out = tmp_path / "p.csv"
    assert main(["aggregate", str(tmp_path / "in"), "--out", str(out), "--by", "all"]) == 0
    with out.open() as handle:
        row = next(r for r in csv.DictReader(handle) if r["id"] == "a1")
    assert row["held_back"] == "" and int(row["n_not_my_role"]) > 0
    old = tmp_path / "in" / "e0.toml"
    text = old.read_text().replace("format_version = 3", "format_version = 2")
    text = "".join(line for line in text.splitlines(keepends=True) if "record_key" not in line)
    (tmp_path / "v2.toml").write_text(text)
    assert main(["aggregate", str(tmp_path / "v2.toml")]) == 2
    err = capsys.readouterr().err
    assert err.count("v2.toml") == 1 and "-2 (not my role) needs format_version 3" in err
