"""Several versions of one rubric: finding each, a check-in keeping its own text, `previous_ids`."""

from __future__ import annotations

import pytest
from helpers.versions_data import VERSIONS, checkin, install_tiny, year_across_versions

from selfcheck.cli import main
from selfcheck.formats.errors import SelfcheckError
from selfcheck.store.checkin_files import save_checkin
from selfcheck.store.rubrics import check_rubric, find_rubric, rubric_for_ref, rubric_versions


def test_an_id_means_the_newest_version_and_id_at_version_one_of_them(data_dir):
    old, new = install_tiny(data_dir)
    assert (old.version, new.version) == ("1.0.0", "2.0.0")
    assert find_rubric("tiny", data_dir).version == "2.0.0"
    assert [r.version for r in rubric_versions("tiny", data_dir)] == ["1.0.0", "2.0.0"]
    with pytest.raises(SelfcheckError, match=r"no version '3.0' here \(known: 1.0.0, 2.0.0\)"):
        find_rubric("tiny@3.0", data_dir)


def test_versions_sort_by_number_not_by_text(data_dir):
    install_tiny(data_dir)
    text = (VERSIONS / "tiny-1.0.0.toml").read_text().replace('"1.0.0"', '"10.0.0"')
    (data_dir / "rubrics" / "tiny-10.0.0.toml").write_text(text)
    assert find_rubric("tiny", data_dir).version == "10.0.0"


def test_a_checkin_finds_its_own_text_by_hash(data_dir):
    old, new = install_tiny(data_dir)
    assert rubric_for_ref(checkin(old, {}, day=0).rubric, data_dir).sha256 == old.sha256
    assert rubric_for_ref(checkin(new, {}, day=0).rubric, data_dir).sha256 == new.sha256


def test_previous_ids_and_guidance_are_read(data_dir):
    _, new = install_tiny(data_dir)
    merged = new.item("care-merged")
    assert merged.previous_ids == ["care-split-a", "care-split-b"]
    assert new.linked_item("care-split-b") is merged
    assert new.guidance.startswith("GUIDANCE:")
    assert new.not_assessable.label == "Not assessable or not my role"


def test_previous_ids_may_not_name_an_item_still_there(tmp_path):
    text = (VERSIONS / "tiny-2.0.0.toml").read_text()
    text = text.replace('"care-split-a", "care-split-b"', '"care-kept"')
    path = tmp_path / "reuse.toml"
    path.write_text(text)
    (problem,) = check_rubric(path)
    assert "previous_ids name items this version still has: care-kept" in problem


def test_rubric_list_shows_every_version_and_show_picks_one(data_dir, capsys):
    install_tiny(data_dir)
    assert main(["rubric", "list"]) == 0
    out = capsys.readouterr().out
    assert "tiny  v1.0.0" in out and "tiny  v2.0.0" in out
    assert main(["rubric", "show", "tiny@1.0.0"]) == 0
    assert "Kept OLDTEXT" in capsys.readouterr().out


def test_list_and_show_use_each_checkins_own_version(data_dir, capsys):
    old, new = install_tiny(data_dir)
    sessions = year_across_versions(old, new)
    paths = [save_checkin(data_dir, s) for s in sessions]
    assert main(["list"]) == 0
    rows = {row.split()[0]: row.split()[2:] for row in capsys.readouterr().out.splitlines()[1:]}
    assert rows[paths[0].stem] == ["complete", "tiny", "1.0.0", "4/4", "0"]
    assert rows[paths[2].stem] == ["complete", "tiny", "2.0.0", "3/3", "0"]
    assert rows[paths[3].stem] == ["complete", "tiny", "2.0.0", "1/2", "0", "focus"]
    assert rows[paths[4].stem] == ["draft", "tiny", "2.0.0", "1/3", "0"]
    assert main(["show", paths[0].stem]) == 0
    captured = capsys.readouterr()
    assert "Kept OLDTEXT: 2 Two" in captured.out and "Merged part A: 2 Two" in captured.out
    assert "NEWTEXT" not in captured.out and captured.err == ""
    assert main(["show", paths[3].stem]) == 0
    out = capsys.readouterr().out
    assert "Focus check-in: 2 chosen items" in out
    assert "New item: 3 Three" in out and "Merged item: unanswered" in out
    assert "Kept NEWTEXT" not in out


def _growth_of(data_dir):
    from selfcheck.formats.rubric_versions import RubricVersions
    from selfcheck.growth.analysis import growth
    from selfcheck.store.checkin_files import load_data_dir

    versions = RubricVersions.of(find_rubric("tiny", data_dir), rubric_versions("tiny", data_dir))
    return growth(load_data_dir(data_dir).checkins, versions)


def test_growth_links_items_by_id_or_previous_ids_and_values_by_id(data_dir):
    from selfcheck.growth.words import version_note

    old, new = install_tiny(data_dir)
    for session in year_across_versions(old, new):
        save_checkin(data_dir, session)
    result = _growth_of(data_dir)
    assert [c.rubric_version for c in result.checkins] == ["1.0.0", "1.0.0", "2.0.0", "2.0.0"]
    assert [c.focus for c in result.checkins] == [False, False, False, True]
    assert result.version_changes == [2]
    rows = {item.item_id: item for item in result.items}
    assert rows["care-kept"].title == "Kept NEWTEXT"
    assert rows["care-kept"].series.points == (2, 3, 4, None)
    # Merged from split-a and split-b: their mean at the 1.0.0 check-ins.
    assert rows["care-merged"].series.points == (3, 3, 4, None)
    assert "care-split-a" not in rows and rows["care-merged"].discuss_latest is False
    assert rows["trust-dropped"].series.points == (3, None, None, None)
    assert rows["trust-dropped"].not_assessable == (False, True, False, False)
    assert version_note(result, rows["trust-dropped"]) == "only in 1.0.0"
    assert version_note(result, rows["trust-new"]) == "only in 2.0.0"
    assert version_note(result, rows["care-merged"]) == ""
    care, trust = result.values
    # Values by value id, each check-in with its own version's items.
    assert care.series.points == ((2 + 2 + 4) / 3, 3, 4, None)
    assert care.items == (3, 3, 2, 2) and care.rated == (3, 3, 2, 0)
    assert trust.series.points == (3, None, 2, 3)
    assert trust.items == (1, 1, 1, 1)


def test_trends_csv_has_each_checkins_version_and_scope(data_dir, capsys):
    import csv
    import io

    old, new = install_tiny(data_dir)
    for session in year_across_versions(old, new):
        save_checkin(data_dir, session)
    assert main(["trends", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    care = [row for row in rows if row["value_id"] == "care"]
    assert [row["rubric_version"] for row in care] == ["1.0.0", "1.0.0", "2.0.0", "2.0.0"]
    assert [row["scope"] for row in care] == ["full", "full", "full", "focus"]
    assert [row["items"] for row in care] == ["3", "3", "2", "2"]
    assert main(["trends"]) == 0
    out = capsys.readouterr().out
    assert "The rubric changed from version 1.0.0 to 2.0.0 on 2026-05-05" in out


def test_trend_chart_marks_the_version_change_with_a_labelled_line(data_dir):
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    from selfcheck.growth.charts import draw_trend
    from selfcheck.growth.month_axis import local_times

    old, new = install_tiny(data_dir)
    for session in year_across_versions(old, new):
        save_checkin(data_dir, session)
    result = _growth_of(data_dir)
    ax = Figure().add_subplot()
    draw_trend(ax, result)
    labels = [t.get_text() for t in ax.texts]
    assert labels == [" rubric 2.0.0 from here"]
    dates = mdates.date2num(local_times([c.when for c in result.checkins]))
    (line,) = [ln for ln in ax.lines if list(ln.get_xdata()) == [ln.get_xdata()[0]] * 2]
    assert line.get_xdata()[0] == pytest.approx((dates[1] + dates[2]) / 2)


def test_packet_says_when_the_rubric_changed_and_marks_part_means(data_dir, tmp_path):
    from helpers.pdf_text import flat, pdf_pages

    old, new = install_tiny(data_dir)
    for session in year_across_versions(old, new):
        save_checkin(data_dir, session)
    out = tmp_path / "packet.pdf"
    assert main(["report", "--out", str(out)]) == 0
    text = flat(pdf_pages(out.read_bytes()))
    assert "The rubric changed from version 1.0.0 to 2.0.0 on 5 May 2026" in text
    assert "4 complete check-ins, 1 of them focus check-ins of a few items" in text
    assert "Dropped item (only in 1.0.0)" in text and "New item (only in 2.0.0)" in text


def test_rubric_show_gives_the_guidance_and_what_each_item_replaces(data_dir, capsys):
    install_tiny(data_dir)
    assert main(["rubric", "show", "tiny"]) == 0
    out = capsys.readouterr().out
    assert "How to rate: GUIDANCE: rate since my last check-in" in out
    assert "[care-merged] Merged item (commitment 2, replaces care-split-a, care-split-b)" in out


async def test_guidance_on_the_first_item_and_in_help_and_not_a_level_said(data_dir):
    """The first item shows how to rate, the second does not; ? shows it; 0 says 'left out'."""
    from textual.widgets import Static

    from selfcheck.tui.app import make_app
    from selfcheck.tui.screens.common.help import HelpScreen

    install_tiny(data_dir)
    app = make_app(data_dir, "tiny", straight_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        guidance = app.screen.query_one("#guidance", Static)
        assert guidance.display and "GUIDANCE: rate since" in str(guidance.render())
        rows = [str(row.render()) for row in app.screen.query(".choice-row")]
        assert "Not assessable or not my role  Not a level: left out of means." in rows[-1]
        await pilot.press("n")
        assert not app.screen.query_one("#guidance", Static).display
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "GUIDANCE" in str(app.screen.query_one("#help-guidance", Static).render())


def test_a_file_whose_name_says_another_version_is_not_trusted(data_dir):
    """The newest is found by file name, but only when the file holds what its name says."""
    install_tiny(data_dir)
    text = (VERSIONS / "tiny-1.0.0.toml").read_text()
    (data_dir / "rubrics" / "tiny-9.0.0.toml").write_text(text)
    assert find_rubric("tiny", data_dir).version == "2.0.0"
