"""Every command that reads files, over the hostile corpus: one line per bad file, no traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers.paths import DATA

from selfcheck.cli import main
from selfcheck.formats.printable import unsafe
from selfcheck.formats.toml_reading import MAX_CHECKIN_BYTES
from selfcheck.store.checkin_files import checkin_bytes

CORPUS = DATA / "hostile"
CHECKINS = sorted((CORPUS / "sessions").glob("*.toml"))
RUBRICS = sorted((CORPUS / "rubrics").glob("*.toml"))
BAD_CHECKINS = [p for p in CHECKINS if p.name.startswith("bad-")]
OK_CHECKINS = [p for p in CHECKINS if p.name.startswith("ok-")]


def names(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


def assert_one_line_per_bad_file(err: str, bad: list[Path]) -> None:
    """Each bad file is named on exactly one stderr line, and nothing else is printed there."""
    lines = [line for line in err.splitlines() if not line.lower().startswith("wrote ")]
    assert "Traceback" not in err
    assert len(lines) == len(bad), err
    for path in bad:
        assert sum(f"/{path.name}: " in line for line in lines) == 1, path


def test_corpus_is_big_and_varied():
    assert len(CHECKINS) + len(RUBRICS) >= 40
    assert OK_CHECKINS and BAD_CHECKINS


@pytest.mark.parametrize("path", CHECKINS, ids=names(CHECKINS))
def test_show_each_file(path, capsys):
    status = main(["show", str(path)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    if path.name.startswith("bad-"):
        assert status == 2
        assert captured.err.count("\n") == 1 and str(path) in captured.err
    else:
        assert status == 0
        assert "\x1b" not in captured.out and "\u202e" not in captured.out


def test_list_over_the_corpus_processes_the_good_files(capsys):
    assert main(["list", str(CORPUS / "sessions")]) == 1
    captured = capsys.readouterr()
    assert_one_line_per_bad_file(captured.err, BAD_CHECKINS)
    assert captured.out.count("complete") == len(OK_CHECKINS)


@pytest.mark.parametrize("path", RUBRICS, ids=names(RUBRICS))
def test_rubric_check_each_file(path, capsys):
    status = main(["rubric", "check", str(path)])
    out = capsys.readouterr().out
    if path.name.startswith("bad-"):
        assert status == 2
        problems = out.splitlines()[:-1]
        assert problems and all(line.startswith(f"{path}: ") for line in problems)
    else:
        assert (status, out) == (0, f"{path}: valid rubric\n")


@pytest.mark.parametrize("path", [p for p in RUBRICS if p.name.startswith("bad-")])
def test_start_with_a_bad_rubric_is_one_line(path, capsys, data_dir):
    assert main(["start", "--rubric", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err


@pytest.fixture
def huge_inputs(tmp_path: Path, make_checkin) -> Path:
    """A folder with a 50 MB file, a session with a 1 MB note, and a folder named x.toml."""
    folder = tmp_path / "huge"
    folder.mkdir()
    with (folder / "bad-50mb.toml").open("wb") as handle:
        handle.write(b'format = "selfcheck-session"\nnote = "')
        handle.truncate(50 * 1024 * 1024)
    note = "I wrote a lot today. " * 50_000
    checkin = make_checkin({"integrity-honesty": 3}, notes={"integrity-honesty": note})
    (folder / "ok-1mb-note.toml").write_bytes(checkin_bytes(checkin))
    (folder / "bad-folder.toml").mkdir()
    return folder


def test_huge_inputs_are_refused_before_reading_or_handled(huge_inputs, capsys):
    assert main(["list", str(huge_inputs)]) == 1
    captured = capsys.readouterr()
    bad = sorted(huge_inputs.glob("bad-*"))
    assert_one_line_per_bad_file(captured.err, bad)
    assert f"over the limit of {MAX_CHECKIN_BYTES:,}" in captured.err
    assert captured.out.count("complete") == 1


def test_data_dir_full_of_hostile_files_still_lists_the_good_ones(data_dir, capsys):
    shutil.copytree(CORPUS / "sessions", data_dir / "sessions")
    assert main(["list"]) == 1
    assert capsys.readouterr().out.count("complete") == len(OK_CHECKINS)


EXPORTS = sorted((CORPUS / "exports").glob("*.toml"))
BAD_EXPORTS = [p for p in EXPORTS if p.name.startswith("bad-")]


@pytest.mark.parametrize(
    ("command", "made"),
    [
        (["trends", "--format", "csv"], None),
        (["plot", "--kind", "heatmap", "--out"], "chart.png"),
        (["report", "--out"], "packet.pdf"),
    ],
)
def test_growth_commands_over_the_corpus(command, made, tmp_path, capsys):
    argv = [*command, str(tmp_path / made)] if made else command
    assert main([*argv, str(CORPUS / "sessions")]) == 1
    captured = capsys.readouterr()
    assert_one_line_per_bad_file(captured.err, BAD_CHECKINS)
    if made:
        assert (tmp_path / made).stat().st_size > 1000
    else:
        ids = {line.split(",")[3] for line in captured.out.splitlines()[1:]}
        assert len(ids) == len(OK_CHECKINS)


def test_export_from_a_data_dir_full_of_hostile_files(data_dir, capsys):
    shutil.copytree(CORPUS / "sessions", data_dir / "sessions")
    (data_dir / "config.toml").write_text(
        'format = "selfcheck-config"\nformat_version = 1\npractitioner_key = "3f9c2a7b1d4e5f60"\n'
    )
    assert main(["export", "--anonymous", "--program", "P", "--dry-run"]) == 1
    captured = capsys.readouterr()
    assert_one_line_per_bad_file(captured.err, BAD_CHECKINS)
    assert captured.out.count("[[checkin]]") == len(OK_CHECKINS)


def test_aggregate_over_the_corpus(tmp_path, capsys):
    out = tmp_path / "program.csv"
    assert main(["aggregate", str(CORPUS / "exports"), "--min-group", "3", "--out", str(out)]) == 1
    assert_one_line_per_bad_file(capsys.readouterr().err, BAD_EXPORTS)
    assert "relationships-growth-instrument" in out.read_text()


def test_aggregate_refuses_an_oversize_export_before_reading(tmp_path, capsys):
    huge = tmp_path / "huge.toml"
    with huge.open("wb") as handle:
        handle.write(b'format = "selfcheck-anonymous"\n')
        handle.truncate(50 * 1024 * 1024)
    assert main(["aggregate", str(huge), "--out", str(tmp_path / "a.csv")]) == 2
    err = capsys.readouterr().err
    assert "over the limit" in err and err.count("\n") <= 2


async def test_start_over_a_data_dir_full_of_hostile_files(data_dir, rubric):
    """The app opens on the good draft-free data, says how many files it skipped, and names them."""
    from selfcheck.tui.app import make_app
    from selfcheck.tui.screens.practitioner.item import ItemScreen
    from selfcheck.tui.screens.practitioner.plan_review import PlanReviewScreen

    shutil.copytree(CORPUS / "sessions", data_dir / "sessions")
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        if isinstance(app.screen, PlanReviewScreen):
            await pilot.press("escape")  # last time's next steps, looked back on later
        assert isinstance(app.screen, ItemScreen)
        (notice,) = app._notifications
        assert notice.message.startswith(f"{len(BAD_CHECKINS)} file(s) in your data folder")
        await pilot.press("4")
    assert len(app.workspace.loaded.problems) == len(BAD_CHECKINS)
    assert app.draft is not None and app.draft.previous is not None
    for path in BAD_CHECKINS:
        assert (data_dir / "sessions" / path.name).read_bytes() == path.read_bytes()


CONFIGS = sorted((CORPUS / "config").glob("*.toml"))


@pytest.mark.parametrize("path", CONFIGS, ids=names(CONFIGS))
def test_config_over_each_file(path, data_dir, capsys):
    """A bad config is one line naming it, never a new identity; a good one shows printable."""
    data_dir.mkdir(mode=0o700)
    shutil.copyfile(path, data_dir / "config.toml")
    status = main(["config"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    if path.name.startswith("bad-"):
        assert status == 2 and captured.err.count("\n") == 1, captured.err
        assert "config.toml: " in captured.err
        assert "TOPSECRET" not in captured.err
        assert (data_dir / "config.toml").read_bytes() == path.read_bytes()
    else:
        assert status == 0
        assert "\x1b" not in captured.out and "\u202e" not in captured.out


HOSTILE_NAMES = [
    line.encode("ascii").decode("unicode_escape")
    for line in (CORPUS / "file-names.txt").read_text().splitlines()
    if line and not line.startswith("#")
]


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=[repr(n) for n in HOSTILE_NAMES])
def test_hostile_file_names_never_reach_the_terminal_raw(name, tmp_path, capsys):
    """Each name, on a good and on a bad file, through list, show, trends and aggregate."""
    folder = tmp_path / "in"
    folder.mkdir()
    good = folder / f"{name}.toml"
    good.write_bytes((CORPUS / "sessions" / "ok-example.toml").read_bytes())
    (folder / f"{name}-bad.toml").write_text("[")
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / f"{name}.toml").write_text("[")
    (exports / "ok.toml").write_bytes((CORPUS / "exports" / "ok-export.toml").read_bytes())
    runs = [
        (["list", str(folder)], 1),
        (["show", str(good)], 0),
        (["trends", "--format", "csv", str(folder)], 1),
        (["aggregate", str(exports), "--min-group", "3"], 1),
    ]
    for argv, expected in runs:
        assert main(argv) == expected
        captured = capsys.readouterr()
        shown = captured.out + captured.err
        assert "Traceback" not in shown
        assert not any(unsafe(char) and char not in "\n\t" for char in shown), repr(shown)
