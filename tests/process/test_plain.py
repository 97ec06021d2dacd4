"""The plain mode through the real entry point: scripted answers in, the session file out."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.paths import ROOT
from helpers.plain_mode import checkins, plain

from selfcheck.cli import main
from selfcheck.store.checkin_files import checkins_dir
from selfcheck.store.config import load_config


@pytest.fixture
def rubric(newest):
    """New check-ins rate the newest version: these flows use its items."""
    return newest


def test_a_whole_checkin_from_a_script(data_dir: Path, rubric) -> None:
    """Every item rated, one discussed, a note, finish with y: a complete file and the summary."""
    items = rubric.items
    answers = ["d", "n talked with my supervisor", "3"] + ["4"] * (len(items) - 1)
    steps = ["2: read the chapter on repair", "x" * 2001, "3:", "ask for a co-visit", ""]
    script = "\n".join([*answers, "y", *steps])
    result = plain(data_dir, script + "\n")
    assert result.returncode == 0, result.stderr
    [done] = checkins(data_dir)
    assert done.complete and done.finished is not None
    first = done.answer(items[0].id)
    assert (first.rating, first.discuss, first.note) == (3, True, "talked with my supervisor")
    assert all(done.answer(item.id).rating == 4 for item in items[1:])
    written = [(step.text, step.item) for step in done.next_steps]
    assert written == [("read the chapter on repair", items[1].id), ("ask for a co-visit", None)]
    out = result.stdout
    assert f"Item 1 of {len(items)}" in out and items[0].statement in out
    assert "Levels:" in out and f"  1 {rubric.scale[0].label}:" in out
    assert "Check-in finished" in out and "your first check-in" in out
    assert f"1. {items[0].title}" in out.split("Marked for discussion:")[1]
    assert "read the chapter on repair" in out.split("Next steps:")[1]
    assert out.count("Not saved: a step has 1 to 2000 characters.") == 2
    assert "\x1b" not in out, "no colour or cursor movement"


def test_each_answer_is_on_disk_when_the_input_ends(data_dir: Path, rubric) -> None:
    """Piped answers running out before the finish: one line on stderr and exit 1 (not a
    success), every answer kept; resuming starts at the first unanswered."""
    items = rubric.items
    result = plain(data_dir, "2\n0\n\nd\n")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "selfcheck: the input ended before the check-in was finished; the draft is saved, "
        "and `selfcheck start --plain` resumes it"
    ]
    [draft] = checkins(data_dir)
    assert draft.status == "draft"
    assert draft.answer(items[0].id).rating == 2
    assert draft.answer(items[1].id).not_assessable
    assert draft.answer(items[3].id).discuss and not draft.answer(items[2].id).answered
    again = plain(data_dir, "q\n")
    assert "Resuming your draft" in again.stdout
    assert f"Item 3 of {len(items)}" in again.stdout
    assert len(list(checkins_dir(data_dir).glob("*.toml"))) == 1


def test_back_review_multiline_note_and_help(data_dir: Path, rubric) -> None:
    """b goes back, n alone takes lines up to an empty one, r lists items, ? lists keys."""
    items = rubric.items
    script = "5\nb\nn\nfirst line\nsecond line\n\nr\n2\n?\nz\nq\n"
    result = plain(data_dir, script)
    [draft] = checkins(data_dir)
    assert draft.answer(items[0].id).note == "first line\nsecond line"
    out = result.stdout
    assert f"  1. {items[0].title}: 5 {rubric.level_label(5)}, note." in out
    assert f"  2. {items[1].title}: unanswered." in out
    assert out.count(f"Item 2 of {len(items)}") == 2, "the review opened item 2"
    assert "q: quit; the draft is already saved" in out
    assert "Not an answer: z." in out


def test_finish_asks_first_and_shows_last_time(data_dir: Path, rubric, make_checkin, save) -> None:
    """Last time's rating is shown; f needs y; the summary compares with last time."""
    items = rubric.items
    save(make_checkin({items[0].id: 2}, day=-7))
    result = plain(data_dir, "4\nf\nn\nf\ny\n\n")
    out = result.stdout
    assert f"Last time: 2 ({rubric.level_label(2)}), 2025-12-29." in out
    assert "Keep going." in out
    assert f"{len(items) - 1} items are still unanswered" in out
    assert "compared with 2025-12-29" in out
    done = [s for s in checkins(data_dir) if s.answer(items[0].id).rating == 4]
    assert done and done[0].complete


def test_how_to_rate_comes_once_before_item_1_and_again_on_help(data_dir: Path, rubric) -> None:
    """The rubric's guidance is said once before the first item, and again with the keys."""
    result = plain(data_dir, "?\nq\n")
    out = result.stdout
    assert out.count(rubric.guidance) == 2
    assert out.index("How to rate:") < out.index("Item 1 of") < out.index("Keys: type one")
    assert out.index("Keys: type one") < out.rindex(rubric.guidance)
    assert result.returncode == 0 and "The draft is saved" in out


def test_f_at_the_finish_question_is_not_an_answer(data_dir: Path, rubric) -> None:
    """At the finish question f (or anything but y, a number, enter) is said to be no answer
    and the question comes again; it neither finishes nor steps back to an item."""
    last = len(rubric.items)
    answers = ["4"] * last
    result = plain(data_dir, "\n".join([*answers, "f", "y", ""]) + "\n")
    out = result.stdout
    assert result.returncode == 0, result.stderr
    finish = "Type y to finish, an item number to open it, or enter to keep going: "
    assert f"{finish}f\nNot an answer: f.\n{finish}y\n" in out
    assert out.count(f"Item {last} of {last}") == 1, "no step back to an item"
    [done] = checkins(data_dir)
    assert done.complete


def test_env_and_config_choose_plain(data_dir: Path, capsys) -> None:
    """SELFCHECK_PLAIN=1 and interface = "plain" both run the plain mode without --plain."""
    by_env = plain(data_dir, "q\n", "start", env={"SELFCHECK_PLAIN": "1"})
    assert "Item 1 of" in by_env.stdout
    assert main(["config", "--interface", "plain", "--theme", "high-contrast"]) == 0
    assert load_config(data_dir).interface == "plain"
    by_config = plain(data_dir, "q\n", "start")
    assert "Item 1 of" in by_config.stdout
    assert main(["config", "--interface", "voice"]) == 2


def test_plain_home_lists_the_commands(data_dir: Path, make_checkin, save, capsys) -> None:
    """`selfcheck --plain` prints home's information and the commands instead of the app."""
    save(make_checkin({"integrity-honesty": 3}))
    assert main(["--plain"]) == 0
    out = capsys.readouterr().out
    assert "1 past check-in, the last on 2026-01-05." in out
    assert "selfcheck start --plain: start or resume a check-in" in out


def test_a_draft_open_elsewhere_is_refused_in_one_line(data_dir: Path) -> None:
    """A second plain check-in on the same draft says where it is open and changes nothing."""
    plain(data_dir, "3\n")
    first = subprocess.Popen(
        [sys.executable, "-m", "selfcheck", "start", "--plain", "--data-dir", str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        cwd=ROOT,
    )
    assert first.stdout is not None and first.stdin is not None
    while "Item 2 of" not in first.stdout.readline():
        pass
    second = plain(data_dir, "1\n")
    assert second.returncode == 2
    assert "open in another selfcheck" in second.stderr
    assert len(second.stderr.strip().splitlines()) == 1
    first.communicate("q\n", timeout=30)
    [draft] = checkins(data_dir)
    assert [a.rating for a in draft.items.values()] == [3], "the refused answer changed nothing"


@pytest.mark.serial
def test_sigkill_keeps_every_answer_reported_saved(data_dir: Path, rubric) -> None:
    """Each `Saved:` line means on disk: SIGKILL just after it loses nothing, frees the lock."""
    process = subprocess.Popen(
        [sys.executable, "-m", "selfcheck", "start", "--plain", "--data-dir", str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        cwd=ROOT,
    )
    assert process.stdin is not None and process.stdout is not None
    for answer in ("4", "d", "n kept through a crash"):
        process.stdin.write(answer + "\n")
        process.stdin.flush()
        while not process.stdout.readline().startswith("Saved"):
            pass
    process.kill()
    process.wait(timeout=30)
    [draft] = checkins(data_dir)
    first, second = rubric.items[0].id, rubric.items[1].id
    assert draft.answer(first).rating == 4
    assert draft.answer(second).discuss and draft.answer(second).note == "kept through a crash"
    resumed = plain(data_dir, "q\n")
    assert resumed.returncode == 0 and "Resuming your draft" in resumed.stdout


async def test_a_draft_moves_between_the_app_and_plain_mode(data_dir: Path, rubric) -> None:
    """Rated in the app, resumed in plain mode on the next item; rated there, the app sees it."""
    from selfcheck.tui.app import make_app

    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "n")
        await pilot.press("q")
    result = plain(data_dir, "5\n")
    assert f"Item 2 of {len(rubric.items)} (1 answered)" in result.stdout
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=(80, 24)):
        assert app.draft is not None
        assert [app.draft.answer(item.id).rating for item in rubric.items[:3]] == [2, 5, None]
        assert app.draft.start_index == 2
