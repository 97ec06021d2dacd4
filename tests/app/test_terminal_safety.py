"""Nothing from a file reaches the terminal raw: names, keys and values are shown printable."""

from __future__ import annotations

import json
import shutil

import pytest
from helpers.paths import DATA, ROOT

from selfcheck.cli import main
from selfcheck.store.checkin_files import checkin_bytes

CORPUS = DATA / "hostile"
TITLE_AND_CLIPBOARD = "\x1b]0;pwned\x07\x1b]52;c;ZWNobyBwd25lZA==\x07"
"""An escape sequence that sets the window title and writes the clipboard (OSC 52)."""
RAW = ("\x1b", "\x07", "\u202e", "\u2028", "\x9b")


def assert_no_raw(text: str) -> None:
    for char in RAW:
        assert char not in text, repr(text)


def test_escape_in_a_file_name_is_printable_in_skipped_lines(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"bad{TITLE_AND_CLIPBOARD}.toml").write_text("not toml [")
    assert main(["list", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "skipped" in err and "\\x1b]0;pwned\\x07" in err
    assert_no_raw(err)


def test_show_file_line_shows_a_hostile_file_name_printable(tmp_path, make_checkin, capsys):
    path = tmp_path / f"check\u202ein{TITLE_AND_CLIPBOARD}.toml"
    path.write_bytes(checkin_bytes(make_checkin({"integrity-honesty": 3})))
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "File: " in out and "\\u202e" in out
    assert_no_raw(out)


def test_aggregate_messages_show_hostile_file_names_printable(tmp_path, capsys):
    folder = tmp_path / "exports"
    shutil.copytree(CORPUS / "exports", folder)
    (folder / f"x{TITLE_AND_CLIPBOARD}.toml").write_text("format = 1")
    assert main(["aggregate", str(folder), "--min-group", "3"]) == 1
    captured = capsys.readouterr()
    assert "\\x1b]52" in captured.err
    assert_no_raw(captured.err + captured.out)


@pytest.mark.parametrize("version", ["1.0\x1b[2J", "1.0\n# planted", "1.0\u202e", "1 0"])
def test_export_rubric_version_allows_only_its_documented_characters(tmp_path, version, capsys):
    text = (CORPUS / "exports" / "ok-export.toml").read_text()
    path = tmp_path / "e.toml"
    path.write_text(
        text.replace('rubric_version = "1.0.0"', f"rubric_version = {json.dumps(version)}")
    )
    assert main(["aggregate", str(path), "--min-group", "3"]) == 2
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 2 and "rubric_version" in lines[0]
    assert_no_raw(err)


def test_rubric_text_with_a_bidi_override_is_refused(tmp_path, capsys):
    shipped = ROOT / "rubrics"
    text = next(shipped.glob("*.toml")).read_text()
    path = tmp_path / "r.toml"
    path.write_text(text.replace('title = "', 'title = "\u202e', 1))
    assert main(["rubric", "check", str(path)]) == 2
    out = capsys.readouterr().out
    assert "format characters" in out
    assert_no_raw(out)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_trends_output_never_carries_format_characters(fmt, make_checkin, save, capsys):
    name = f"Robin\u202eelpmaxE{TITLE_AND_CLIPBOARD}"
    for day in (0, 30):
        save(make_checkin({"integrity-honesty": 2 + day // 30}, day=day, name=name))
    assert main(["trends", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert_no_raw(out)
    if fmt == "json":  # the escapes are JSON's own: the data reads back exactly
        assert json.loads(out)["groups"][0]["practitioner"].startswith(name)
    else:
        assert "Robin\\u202eelpmaxE" in out


def test_printable_covers_controls_format_characters_separators_and_bad_bytes():
    from selfcheck.formats.printable import json_safe, printable

    text = "a\x1b[31m\u202e\u2066\u2028\u2029\x85\x9b\u200b\ufeff\udcff\U000e0041"
    shown = printable(text)
    assert shown == (
        "a\\x1b[31m\\u202e\\u2066\\u2028\\u2029\\x85\\x9b\\u200b\\ufeff\\xff\\U000e0041"
    )
    assert printable("zero\u200dwidth joiner, emoji 👩\u200d👩\u200d👧, tab\tand\nline") == (
        "zero\u200dwidth joiner, emoji 👩\u200d👩\u200d👧, tab\tand\nline"
    )
    assert json.loads(json_safe(json.dumps({"k": text[:-2]}, ensure_ascii=False)))["k"] == text[:-2]


async def test_the_apps_skipped_files_notice_is_printable(data_dir, rubric):
    from selfcheck.tui.app import make_app

    (data_dir / "sessions").mkdir(parents=True)
    (data_dir / "sessions" / f"a{TITLE_AND_CLIPBOARD}.toml").write_text("[")
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        (notice,) = app._notifications
        assert "\\x1b]0;pwned" in notice.message
        assert_no_raw(notice.message)
