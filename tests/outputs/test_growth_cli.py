"""`trends`, `plot`, `report` and `demo` through `main`: sources, practitioners, formats."""

from __future__ import annotations

import csv
import io
import json

import pytest
from helpers.samples import three_checkins

from selfcheck.checkin.demo import DEMO_NAME
from selfcheck.cli import main
from selfcheck.store.checkin_files import save_checkin
from selfcheck.store.config import load_config

OTHER_KEY = "fedcba9876543210"


@pytest.fixture
def folder(tmp_path, make_checkin):
    """A supervisor's folder of one practitioner's files."""
    path = tmp_path / "received"
    for checkin in three_checkins(make_checkin):
        save_checkin(path, checkin)
    return path / "sessions"


def test_trends_csv_parses_back_with_the_means(folder, capsys):
    """The CSV is long format, one row per check-in and value, means as computed."""
    assert main(["trends", str(folder), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 3 * 7
    assert {"session_id", "finished", "value_id", "mean", "rated"} <= set(rows[0])
    relationships = [r for r in rows if r["value_id"] == "relationships"]
    assert [float(r["mean"]) for r in relationships] == [2.5, 3.0, 4.0]
    assert [r["rated"] for r in relationships] == ["2", "3", "1"]
    integrity = [r for r in rows if r["value_id"] == "integrity"]
    assert [r["mean"] for r in integrity] == ["4", "3", ""]


def test_trends_json_shape(folder, capsys):
    """The JSON holds a group per practitioner and rubric with check-ins, values and items."""
    assert main(["trends", str(folder), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["format"] == "selfcheck-trends"
    (group,) = document["groups"]
    assert group["practitioner"] == "Robin Example"
    assert len(group["checkins"]) == 3
    values = {v["id"]: v for v in group["values"]}
    assert values["relationships"]["points"] == [2.5, 3.0, 4.0]
    assert values["relationships"]["change_since_first"] == 1.5
    items = {i["id"]: i for i in group["items"]}
    assert items["relationships-community-partners"]["not_assessable"] == [True, False, True]


def test_trends_table_sparkline_and_change(folder, capsys):
    """The table shows each value's means, a sparkline and the change since the first."""
    assert main(["trends", str(folder)]) == 0
    out = capsys.readouterr().out
    line = next(ln for ln in out.splitlines() if ln.startswith("Importance of Relationships"))
    assert line.split()[-5:] == ["2.50", "3.00", "4.00", "▄▅▆", "+1.50"]


def test_bad_file_skipped_with_one_line(folder, capsys):
    """A bad file among the sources is named on stderr and the rest still counts."""
    (folder / "broken.toml").write_text("not = [valid")
    assert main(["trends", str(folder), "--format", "csv"]) == 1
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert line.startswith("skipped ") and "broken.toml: invalid TOML" in line
    assert len(captured.out.strip().splitlines()) == 1 + 3 * 7


def test_two_practitioners_never_mixed(folder, make_checkin, tmp_path, capsys):
    """Trends shows each practitioner apart; plot and report ask which one."""
    other = make_checkin({"integrity-honesty": 1}, name="Alex Other", key=OTHER_KEY, day=5)
    save_checkin(folder.parent, other)
    assert main(["trends", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Robin Example:" in out and "Alex Other:" in out
    out_file = tmp_path / "chart.png"
    assert main(["plot", str(folder), "--out", str(out_file)]) == 2
    err = capsys.readouterr().err
    assert "Alex Other, Robin Example" in err and "--practitioner" in err
    assert not out_file.exists()
    assert (
        main(["plot", str(folder), "--out", str(out_file), "--practitioner", "robin example"]) == 0
    )
    assert out_file.read_bytes().startswith(b"\x89PNG")


def test_report_from_data_dir(data_dir, make_checkin, tmp_path, capsys):
    """`report` reads the data directory by default and writes the PDF."""
    for checkin in three_checkins(make_checkin):
        save_checkin(data_dir, checkin)
    out = tmp_path / "packet.pdf"
    assert main(["report", "--out", str(out), "--notes", "none"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "notes: none" in capsys.readouterr().out


def test_plot_with_no_checkins_says_so(data_dir, tmp_path, capsys):
    """With no complete check-ins plot explains instead of drawing an empty chart."""
    assert main(["plot", "--out", str(tmp_path / "x.png")]) == 2
    assert "no complete check-ins" in capsys.readouterr().err


def test_demo_then_every_output(tmp_path, capsys):
    """The demo writes a year of check-ins that trends, plot and report all read."""
    demo = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(demo)]) == 0
    assert main(["demo", "--data-dir", str(demo)]) == 2
    assert "already holds check-ins" in capsys.readouterr().err
    assert main(["trends", "--data-dir", str(demo), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len({r["session_id"] for r in rows}) == 12
    for kind in ("trend", "heatmap", "radar"):
        assert (
            main(
                [
                    "plot",
                    "--data-dir",
                    str(demo),
                    "--kind",
                    kind,
                    "--out",
                    str(tmp_path / f"{kind}.svg"),
                ]
            )
            == 0
        )
    assert main(["report", "--data-dir", str(demo), "--out", str(tmp_path / "p.pdf")]) == 0


def test_demo_folder_is_the_demo_practitioners_installation(tmp_path, capsys):
    """The demo's config names Sam and carries their key, so export finds their check-ins."""
    demo = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(demo)]) == 0
    capsys.readouterr()
    assert load_config(demo).name == DEMO_NAME
    argv = ["export", "--anonymous", "--program", "P", "--dry-run", "--data-dir", str(demo)]
    assert main(argv) == 0
    # An export holds one rubric version: the latest check-in's, the other ones named.
    captured = capsys.readouterr()
    assert captured.out.count("[[checkin]]") == 4 and 'rubric_version = "2.1.0"' in captured.out
    assert "check-ins of version 1.0.0, 2.0.0 are not in this export" in captured.err
    assert main([*argv, "--rubric", "alliance-code-of-ethics@1.0.0"]) == 0
    assert capsys.readouterr().out.count("[[checkin]]") == 4


def test_demo_needs_an_explicit_data_dir(capsys):
    """The demo never writes into the default data directory."""
    assert main(["demo"]) == 2
    assert "--data-dir" in capsys.readouterr().err


def test_demo_year_changes_rubric_midway_with_focus_checkins(tmp_path, capsys):
    """The demo's year starts on 1.0.0, moves through each newer one, and has focus check-ins."""
    demo = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(demo)]) == 0
    assert (
        "rubric version 1.0.0 then 2.0.0 then 2.1.0; 2 focus check-ins; 3 answers 'not my role'"
        in capsys.readouterr().out
    )
    assert main(["trends", "--data-dir", str(demo), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    by_checkin = {r["session_id"]: (r["rubric_version"], r["scope"]) for r in rows}
    assert list(by_checkin.values()) == [
        *[("1.0.0", "full")] * 4,
        ("2.0.0", "focus"),
        *[("2.0.0", "full")] * 3,
        ("2.1.0", "full"),
        ("2.1.0", "focus"),
        *[("2.1.0", "full")] * 2,
    ]
    assert main(["trends", "--data-dir", str(demo)]) == 0
    words = " ".join(capsys.readouterr().out.split())
    assert "The rubric changed from version 1.0.0 to 2.0.0" in words
    assert "from version 2.0.0 to 2.1.0" in words


def test_demo_answers_not_my_role_on_2_1_0(tmp_path, capsys):
    """From 2.1.0 on, the demo practitioner answers one item "not my role"; trends show it."""
    demo = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(demo)]) == 0
    capsys.readouterr()
    assert main(["trends", "--data-dir", str(demo), "--format", "json"]) == 0
    [group] = json.loads(capsys.readouterr().out)["groups"]
    [item] = [i for i in group["items"] if i["id"] == "relationships-community-partners"]
    versions = [c["rubric_version"] for c in group["checkins"]]
    scopes = [c["scope"] for c in group["checkins"]]
    expected = [v == "2.1.0" and s == "full" for v, s in zip(versions, scopes, strict=True)]
    assert item["not_my_role"] == expected and sum(expected) == 3
    assert all(p is None for p, role in zip(item["points"], expected, strict=True) if role)


def test_trends_opens_the_responses_only_for_the_json_that_shows_them(
    data_dir, make_checkin, capsys
):
    """A CSV or table never shows a supervisor's response, so it never opens one (nor
    decrypts it): a damaged response file is named only by the JSON, which holds the plan."""
    for checkin in three_checkins(make_checkin):
        save_checkin(data_dir, checkin)
    responses = data_dir / "responses"
    responses.mkdir()
    (responses / "damaged.toml").write_text("this is [not toml\n")
    for shown in ("csv", "table"):
        assert main(["trends", "--format", shown]) == 0
        assert "damaged.toml" not in capsys.readouterr().err, shown
    assert main(["trends", "--format", "json"]) == 0
    assert "damaged.toml" in capsys.readouterr().err
