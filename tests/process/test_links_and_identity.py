"""Links, permissions and one identity: planted links, odd folders and races never cost a file."""

from __future__ import annotations

import os
import stat
import time

import pytest
from helpers.other_user import give_to_user, run_as_user, user_folder

from selfcheck.cli import main
from selfcheck.formats.errors import LockedError, SelfcheckError
from selfcheck.store.checkin_files import checkin_bytes, checkins_dir, load_data_dir
from selfcheck.store.config import config_path, load_config


def test_a_planted_lock_link_never_touches_its_target(data_dir, make_checkin, save, capsys):
    draft = make_checkin({"integrity-honesty": 2}, complete=False)
    save(draft)
    victim = data_dir.parent / "victim.txt"
    victim.write_text("precious")
    (checkins_dir(data_dir) / f"{draft.id}.lock").symlink_to(victim)
    assert main(["start"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "link" in err
    assert victim.read_text() == "precious"


def test_lock_and_temporary_files_are_private_whatever_the_umask(data_dir, rubric):
    from selfcheck.checkin.draft import Draft
    from selfcheck.checkin.workspace import Workspace

    old = os.umask(0o277)
    try:
        draft = Draft.open(Workspace.load(data_dir, None))
        assert stat.S_IMODE(draft.lock.path.stat().st_mode) == 0o600
        draft.rate(rubric.items[0].id, 3)
        draft.writer.flush()
        assert stat.S_IMODE(draft.path.stat().st_mode) == 0o600
        draft.close()
        again = Draft.open(Workspace.load(data_dir, None))
        again.close()
    finally:
        os.umask(old)


def test_leftover_temporary_and_lock_files_are_swept_on_start(data_dir, make_checkin, save):
    from selfcheck.checkin.draft import Draft
    from selfcheck.checkin.workspace import Workspace

    save(make_checkin({"integrity-honesty": 2}))
    folder = checkins_dir(data_dir)
    leftover = folder / ".20260101T000000Z-abcdef.toml.1234abcd.tmp"
    leftover.write_bytes(b"half a wri")
    an_hour_ago = time.time() - 3600
    os.utime(leftover, (an_hour_ago, an_hour_ago))
    fresh = folder / ".other.toml.5678abcd.tmp"
    fresh.write_bytes(b"being written")
    stale_lock = folder / "20260101T000000Z-abcdef.lock"
    stale_lock.write_text("12345")
    Draft.open(Workspace.load(data_dir, None)).close()
    assert not leftover.exists() and not stale_lock.exists()
    assert fresh.exists()  # a write in progress elsewhere is left alone


@pytest.mark.parametrize("kind", ["dangling", "looping"])
def test_a_broken_config_link_is_an_error_never_a_new_identity(kind, data_dir, capsys):
    data_dir.mkdir(mode=0o700)
    link = config_path(data_dir)
    link.symlink_to(data_dir / "elsewhere.toml" if kind == "dangling" else link)
    for argv in (["config"], ["start"], ["export", "--anonymous", "--program", "P", "--dry-run"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "will not make a new one" in err
    assert link.is_symlink() and not (data_dir / "elsewhere.toml").exists()


def test_an_unreadable_config_is_an_error_never_a_new_identity():
    with user_folder() as home:
        data = home / "data"
        assert run_as_user(["--data-dir", str(data), "config", "--name", "Robin"])[0] == 0
        before = config_path(data).read_bytes()
        config_path(data).chmod(0)
        status, _out, err = run_as_user(["config", "--data-dir", str(data)])
        config_path(data).chmod(0o600)
        assert (status, err.count("\n")) == (2, 1) and "permission denied" in err
        assert config_path(data).read_bytes() == before


def test_show_takes_an_id_as_an_id_never_a_path_outside(
    data_dir, make_checkin, tmp_path, capsys, monkeypatch
):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.toml").write_bytes(
        checkin_bytes(make_checkin({"integrity-honesty": 1}, notes={"integrity-honesty": "SECRET"}))
    )
    checkins_dir(data_dir).mkdir(parents=True)
    monkeypatch.chdir(checkins_dir(data_dir))
    for ref in ("../../outside/secret", "..", "x y", "a\x1b[2J"):
        assert main(["show", ref]) == 2
        captured = capsys.readouterr()
        assert "SECRET" not in captured.out + captured.err
        assert "\x1b" not in captured.err


def test_show_latest_reports_skipped_files_with_exit_1(data_dir, make_checkin, save, capsys):
    save(make_checkin({"integrity-honesty": 3}))
    (checkins_dir(data_dir) / "broken.toml").write_text("[")
    assert main(["show", "latest"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("skipped ") and "broken.toml" in err


@pytest.mark.parametrize("what", ["data", "sessions", "config"])
def test_a_data_folder_others_can_change_is_refused_with_the_fix(what, data_dir, capsys):
    assert main(["config", "--name", "Robin"]) == 0
    target = {"data": data_dir, "sessions": checkins_dir(data_dir), "config": None}[what]
    if target is None:
        target = config_path(data_dir)
    target.mkdir(exist_ok=True) if what == "sessions" else None
    target.chmod(0o666 if what == "config" else 0o777)
    capsys.readouterr()
    assert main(["list"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"chmod go-w '{target}'" in err


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another user needs root")
def test_a_data_folder_of_another_user_is_refused(data_dir, capsys):
    data_dir.mkdir(mode=0o700)
    give_to_user(data_dir)
    assert main(["list"]) == 2
    assert "belongs to another user" in capsys.readouterr().err


def test_a_backup_copy_never_hides_the_real_checkin(data_dir, make_checkin, save, capsys):
    draft = make_checkin({"integrity-honesty": 2}, complete=False)
    backup = checkins_dir(data_dir) / "0-backup-of-my-draft.toml"
    save(draft)
    backup.write_bytes(checkin_bytes(draft))
    finished = make_checkin({"integrity-honesty": 2})
    save(finished.model_copy(update={"id": draft.id}))
    loaded = load_data_dir(data_dir)
    (checkin,) = loaded.checkins
    assert checkin.complete and loaded.paths[draft.id].name == f"{draft.id}.toml"
    assert main(["list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "0-backup-of-my-draft.toml: same check-in id" in err


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_two_starts_at_once_make_one_identity_and_one_draft(tmp_path, rubric):
    from selfcheck.tui.app import make_app

    for round_ in range(8):
        data = tmp_path / f"data{round_}"
        go_read, go_write = os.pipe()
        results = []
        children = []
        for _ in range(2):
            out_read, out_write = os.pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - runs in the child
                code = 3
                try:
                    os.read(go_read, 1)
                    app = make_app(data, None, straight_in=True)
                    assert app.draft is not None
                    app.draft.rate(rubric.items[0].id, 4)
                    os.write(out_write, b"opened")
                    time.sleep(0.3)  # hold the draft while the other one tries
                    app.draft.close()
                    code = 0
                except LockedError:
                    os.write(out_write, b"locked")
                    code = 0
                finally:
                    os._exit(code)
            os.close(out_write)
            children.append((pid, out_read))
        os.write(go_write, b"gg")
        for pid, out_read in children:
            _, status = os.waitpid(pid, 0)
            assert status == 0
            results.append(os.read(out_read, 16))
            os.close(out_read)
        assert sorted(results) == [b"locked", b"opened"]
        loaded = load_data_dir(data)
        (draft,) = loaded.checkins
        assert draft.practitioner.key == load_config(data).practitioner_key


async def test_a_failed_preference_save_is_a_notice(data_dir, rubric, monkeypatch):
    from selfcheck.checkin import workspace
    from selfcheck.tui.app import make_app

    def unwritable(*_args):
        raise SelfcheckError(f"{config_path(data_dir)}: cannot write here (Read-only file system)")

    monkeypatch.setattr(workspace, "save_config", unwritable)
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
    assert any("Read-only file system" in m for m in messages)
