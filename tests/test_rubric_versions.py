"""Several versions of one rubric: finding each, a check-in keeping its own text, `previous_ids`."""

from __future__ import annotations

import pytest

from selfcheck.cli import main
from selfcheck.formats.errors import SelfcheckError
from selfcheck.store.rubrics import check_rubric, find_rubric, rubric_for_ref, rubric_versions
from selfcheck.store.sessions import save_session
from tests.versions_data import VERSIONS, checkin, install_tiny, year_across_versions


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
    paths = [save_session(data_dir, s) for s in sessions]
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
