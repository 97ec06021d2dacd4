"""The command line through its real entry point: list, show, exit codes, literal text."""

from __future__ import annotations

import subprocess
import sys

import pytest

from selfcheck import __version__
from selfcheck.cli import main


def test_version_and_help(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"selfcheck {__version__}"
    for command in (["list"], ["show"], ["start"], ["rubric", "check"]):
        assert main([*command, "--help"]) == 0
        assert "usage: selfcheck" in capsys.readouterr().out


def test_bad_usage_exits_2(capsys):
    assert main(["list", "--no-such-option"]) == 2
    assert main(["rubric"]) == 2
    assert "usage:" in capsys.readouterr().err


def test_list_is_newest_first_with_counts(make_checkin, save, capsys):
    older = save(make_checkin({"integrity-honesty": 3}, day=0, discuss=("integrity-honesty",)))
    newer = save(make_checkin({"integrity-honesty": 4, "justice-advocacy": 0}, day=30))
    draft = save(make_checkin({}, day=31, complete=False))
    assert main(["list"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert [row.split()[0] for row in rows] == [draft.stem, newer.stem, older.stem]
    assert rows[1].split()[2:] == ["complete", "alliance-code-of-ethics", "1.0.0", "2/17", "0"]
    assert rows[2].split()[-2:] == ["1/17", "1"]


def test_list_separates_practitioners_and_skips_bad_files(make_checkin, save, capsys):
    path = save(make_checkin(name="Ana", key="a" * 16))
    save(make_checkin(name="Bo", key="b" * 16))
    (path.parent / "broken.toml").write_text("not = [toml")
    assert main(["list"]) == 1
    captured = capsys.readouterr()
    assert "\nAna:\n" in captured.out and "\nBo:\n" in captured.out
    assert captured.err.startswith("skipped ") and captured.err.count("\n") == 1


def test_show_prints_typed_text_literally(make_checkin, save, capsys):
    note = "[bold]mine[/] \x1b[31mred\u202e\nsecond line"
    checkin = make_checkin({"integrity-honesty": 4}, notes={"integrity-honesty": note})
    checkin.practitioner.name = "Robin [i]R[/i]"
    save(checkin)
    assert main(["show", "latest"]) == 0
    out = capsys.readouterr().out
    assert "Practitioner: Robin [i]R[/i]" in out
    assert "[bold]mine[/] \\x1b[31mred\\u202e\n    second line" in out
    assert "\x1b" not in out
    assert "4 Integrating" in out


def test_show_by_id_prefix_and_path(make_checkin, save, capsys):
    path = save(make_checkin({"integrity-honesty": 2}))
    assert main(["show", path.stem[:12]]) == 0
    assert main(["show", str(path)]) == 0
    assert capsys.readouterr().out.count(f"Check-in {path.stem}") == 2


def test_show_unknown_and_bad_file_are_one_line(tmp_path, capsys, data_dir):
    assert main(["show", "nothing-like-this"]) == 2
    bad = tmp_path / "bad.toml"
    bad.write_text('format = "selfcheck-session"\nformat_version = 9\n')
    assert main(["show", str(bad)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2
    assert err[1] == (
        f"selfcheck: {bad}: format_version 9 is newer than this selfcheck reads (1); "
        "upgrade selfcheck"
    )


@pytest.mark.parametrize("argv", [["--version"], ["rubric", "list"]])
def test_console_entry_point_runs(argv):
    result = subprocess.run(
        [sys.executable, "-m", "selfcheck", *argv], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_config_sets_name_and_supervisor_used_by_new_checkins(data_dir, rubric, capsys):
    assert main(["config", "--name", " Robin Example ", "--supervisor", "Dana Lee"]) == 0
    assert "name: Robin Example\n" in capsys.readouterr().out
    from selfcheck.checkin.lifecycle import new_checkin
    from selfcheck.store.config import load_config

    config = load_config(data_dir)
    checkin = new_checkin(rubric, config)
    assert checkin.practitioner.name == "Robin Example"
    assert checkin.supervision.supervisor == "Dana Lee"
    assert checkin.practitioner.key == config.practitioner_key != ""
    assert main(["config", "--show-last-time", "no"]) == 0
    assert load_config(data_dir).show_last_time is False
    assert load_config(data_dir).name == "Robin Example"


def test_config_refuses_bad_values_in_one_line(data_dir, capsys):
    assert main(["config", "--rubric", "no-such-rubric"]) == 2
    assert main(["config", "--name", "x" * 300]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and err[1].startswith("selfcheck: --name: ")
