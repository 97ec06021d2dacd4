"""`receive` keeps only responses it can trust; `log` counts only their hours (#23)."""

from __future__ import annotations

from datetime import date, timedelta

from helpers.paths import DATA
from helpers.responses import signed_by, supervision
from helpers.waiting import wait_until

from selfcheck.cli import main
from selfcheck.store.config import load_config
from selfcheck.store.signing_key import folder_signing_key
from selfcheck.supervision.files import load_response, response_bytes

MEETING = date(2026, 1, 7)
"""The meeting the supervisor records in the response."""


def one_line_refusal(capsys, *words: str) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    for word in words:
        assert word in err, err
    return err


def test_the_first_response_without_a_terminal_says_how_to_trust_it(
    tmp_path, data_dir, make_checkin, save, capsys
):
    """No terminal, no --trust: one line with the fingerprint and the option; nothing kept."""
    out = tmp_path / "response.toml"
    supervision(tmp_path, data_dir, make_checkin, save).export(out)
    capsys.readouterr()
    assert main(["receive", str(out)]) == 2
    one_line_refusal(capsys, signed_by(out), f"--trust {signed_by(out)}", "Dana Super")
    assert not (data_dir / "responses").exists()
    assert load_config(data_dir).trusted_supervisors == {}


def test_trusted_once_then_later_responses_must_match(
    tmp_path, data_dir, make_checkin, save, capsys
):
    """--trust FINGERPRINT remembers the key by supervisor; the next response needs no option;
    a response in Dana's name signed by another key is refused in one line."""
    sides = supervision(tmp_path, data_dir, make_checkin, save)
    first, second = tmp_path / "first.toml", tmp_path / "second.toml"
    sides.export(first)
    assert main(["receive", str(first), "--trust", signed_by(first).upper()]) == 0
    assert "(verified)" in capsys.readouterr().out
    key = folder_signing_key(sides.supervisor_dir).public_key
    assert load_config(data_dir).trusted_supervisors == {"Dana Super": key}
    sides.export(second, "Second-Heron")
    assert main(["receive", str(second)]) == 0
    assert "(verified)" in capsys.readouterr().out

    impostor = tmp_path / "impostor"
    share = tmp_path / "share.toml"
    assert main(["supervise", "--data-dir", str(impostor), "--import", str(share)]) == 0
    swapped = tmp_path / "swapped.toml"
    type(sides)(sides.checkin, impostor).export(swapped, "Forged-Heron")
    capsys.readouterr()
    assert main(["receive", str(swapped)]) == 2
    one_line_refusal(capsys, "not the key you trust for Dana Super", signed_by(swapped))
    assert main(["show", sides.checkin.id]) == 0
    assert "Forged-Heron" not in capsys.readouterr().out


def test_a_wrong_trust_fingerprint_is_refused(tmp_path, data_dir, make_checkin, save, capsys):
    out = tmp_path / "response.toml"
    supervision(tmp_path, data_dir, make_checkin, save).export(out)
    capsys.readouterr()
    assert main(["receive", str(out), "--trust", "0000-0000-0000-0000-0000"]) == 2
    one_line_refusal(capsys, "is not the fingerprint", signed_by(out))
    assert load_config(data_dir).trusted_supervisors == {}


def test_a_tampered_response_is_refused_or_kept_unverified_and_never_counted(
    tmp_path, data_dir, make_checkin, save, capsys
):
    """A response changed after signing (its meeting made longer) is refused; with
    --unverified it is kept, said to be unverified, and `log` does not count its hours."""
    out = tmp_path / "response.toml"
    supervision(tmp_path, data_dir, make_checkin, save).export(out, meeting=MEETING)
    fingerprint_of = signed_by(out)
    out.write_text(out.read_text().replace("minutes = 60", "minutes = 600"))
    capsys.readouterr()
    assert main(["receive", str(out), "--trust", fingerprint_of]) == 2
    one_line_refusal(capsys, "changed after it was signed", "--unverified")
    assert main(["receive", str(out), "--unverified"]) == 0
    assert "UNVERIFIED, not counted in your hours" in capsys.readouterr().out
    assert main(["show", "latest"]) == 0
    assert "== Response from Dana Super (UNVERIFIED: not signed by the key you trust" in (
        capsys.readouterr().out
    )
    assert main(["log"]) == 0
    logged = capsys.readouterr().out
    assert "No supervision meetings recorded" in logged and "600" not in logged
    assert "Not counted: 1 meeting from unverified responses" in logged


def test_an_unsigned_version_1_response_is_refused_or_kept_unverified(
    data_dir, make_checkin, save, capsys
):
    """A version 1 response (unsigned) is refused in one line; kept only with --unverified."""
    from selfcheck.store.config import ensure_identity, save_config

    path = DATA / "hostile" / "responses" / "ok-minimal.toml"
    response = load_response(path)
    config = ensure_identity(data_dir)
    save_config(data_dir, config.model_copy(update={"practitioner_key": response.practitioner_key}))
    checkin = make_checkin({"integrity-honesty": 4}, key=response.practitioner_key)
    checkin.id = response.checkin
    checkin.rubric = checkin.rubric.model_copy(update={"sha256": response.rubric_sha256})
    save(checkin)
    assert main(["receive", str(path)]) == 2
    one_line_refusal(capsys, "not signed", "--unverified")
    assert main(["receive", str(path), "--unverified"]) == 0
    assert main(["log"]) == 0
    assert "No supervision meetings recorded" in capsys.readouterr().out


def test_an_older_response_is_refused_with_both_dates(
    tmp_path, data_dir, make_checkin, save, capsys
):
    """Replaying an older signed response after a newer one: refused, both dates named."""
    sides = supervision(tmp_path, data_dir, make_checkin, save)
    newer = tmp_path / "newer.toml"
    sides.export(newer, "Newer-Heron")
    response = load_response(newer)
    assert response.written is not None
    earlier = response.written - timedelta(days=3)
    key = folder_signing_key(sides.supervisor_dir).private_key
    older = tmp_path / "older.toml"
    older.write_bytes(
        response_bytes(response.model_copy(update={"comment": "Older"}).signed(key, earlier))
    )
    assert main(["receive", str(newer), "--trust", signed_by(newer)]) == 0
    capsys.readouterr()
    assert main(["receive", str(older)]) == 2
    one_line_refusal(capsys, earlier.isoformat(), response.written.isoformat(), "older")
    assert main(["show", sides.checkin.id]) == 0
    assert "Newer-Heron" in capsys.readouterr().out


def test_a_verified_response_is_not_replaced_by_an_unverified_one(
    tmp_path, data_dir, make_checkin, save, capsys
):
    sides = supervision(tmp_path, data_dir, make_checkin, save)
    good, bad = tmp_path / "good.toml", tmp_path / "bad.toml"
    sides.export(good)
    assert main(["receive", str(good), "--trust", signed_by(good)]) == 0
    sides.export(bad, "Later-Heron")
    bad.write_text(bad.read_text().replace("Later-Heron", "Forged-Heron"))
    capsys.readouterr()
    assert main(["receive", str(bad), "--unverified"]) == 2
    one_line_refusal(capsys, "a verified response from Dana Super is kept")


def test_log_counts_and_marks_the_hours_of_verified_responses(
    tmp_path, data_dir, make_checkin, save, capsys
):
    out = tmp_path / "response.toml"
    supervision(tmp_path, data_dir, make_checkin, save).export(out, meeting=MEETING)
    assert main(["receive", str(out), "--trust", signed_by(out)]) == 0
    capsys.readouterr()
    assert main(["log"]) == 0
    logged = capsys.readouterr().out
    assert "verified response from Dana Super" in logged
    assert main(["show", "latest"]) == 0
    assert "== Response from Dana Super (verified) ==" in capsys.readouterr().out
    assert "2026: 1 meeting, 1 h 00 min (60 minutes)" in logged


async def test_the_app_asks_to_trust_and_enter_does_not_trust(
    tmp_path, data_dir, make_checkin, save
):
    """Home's r: the trust question shows the fingerprint; enter (a reflex) keeps nothing."""
    from textual.widgets import Input, Static
    from textual_fspicker import FileOpen

    from selfcheck.tui.app import make_app
    from selfcheck.tui.screens.practitioner.home import HomeScreen
    from selfcheck.tui.screens.practitioner.trust import TrustKey

    async def until(pilot, kind: type[object]) -> None:
        await wait_until(pilot, lambda: isinstance(app.screen, kind), kind.__name__)

    out = tmp_path / "response.toml"
    supervision(tmp_path, data_dir, make_checkin, save).export(out)
    app = make_app(data_dir, None, straight_in=False)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.press("r")
        await until(pilot, FileOpen)
        name = app.screen.query_one(Input)
        name.value = str(out)
        name.focus()
        await pilot.press("enter")
        await until(pilot, TrustKey)
        assert signed_by(out) in str(app.screen.query_one(".dialog-text", Static).content)
        await pilot.press("enter")
        await until(pilot, HomeScreen)
    assert not (data_dir / "responses").exists()
    assert load_config(data_dir).trusted_supervisors == {}


class Terminal:
    """A stdin that is a terminal, for the trust question."""

    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_fingerprint_is_shown_and_asked(
    tmp_path, data_dir, make_checkin, save, capsys, monkeypatch
):
    """The first response on a terminal: the fingerprint is shown; n keeps nothing, y trusts."""
    out = tmp_path / "response.toml"
    supervision(tmp_path, data_dir, make_checkin, save).export(out)
    monkeypatch.setattr("sys.stdin", Terminal())
    answers = iter(["n", "y"])
    monkeypatch.setattr("builtins.input", lambda _prompt: next(answers))
    capsys.readouterr()
    assert main(["receive", str(out)]) == 2
    assert f"    {signed_by(out)}\n" in capsys.readouterr().err
    assert not (data_dir / "responses").exists()
    assert main(["receive", str(out)]) == 0
    assert "(verified)" in capsys.readouterr().out
    assert load_config(data_dir).trusted_supervisors


async def test_the_supervisor_apps_export_is_signed_and_sealed_to_the_practitioner(
    tmp_path, data_dir, make_checkin, save, monkeypatch
):
    """x in the supervisor app: the file is sealed to the key the share carries, and the
    notice says so beside where it went."""
    from helpers.encryption_helpers import encrypt, passphrase_file
    from textual.widgets import Input

    from selfcheck.formats.sealed import looks_sealed
    from selfcheck.supervision.caseload import supervisees_dir
    from selfcheck.tui.supervisor_app import make_supervisor_app

    monkeypatch.setenv("SELFCHECK_PASSPHRASE_FILE", str(passphrase_file(tmp_path)))
    sides = supervision(tmp_path, data_dir, make_checkin, save, lambda: encrypt(data_dir, tmp_path))
    out = tmp_path / "response.toml.age"
    boss = make_supervisor_app(supervisees_dir(sides.supervisor_dir), sides.supervisor_dir)
    notices: list[str] = []
    async with boss.run_test(size=(100, 36)) as pilot:
        monkeypatch.setattr(boss, "notify", lambda message, **_: notices.append(message))
        await pilot.press("enter", "r", "A", "x")
        boss.screen.query_one(Input).value = str(out)
        await pilot.press("enter")
        await wait_until(pilot, out.exists, "the exported response")
        await pilot.press("q")
    assert looks_sealed(out.read_bytes()) and b"selfcheck-response" not in out.read_bytes()
    assert any("signed with your key" in n and "only Robin can open it" in n for n in notices)
    fingerprint = folder_signing_key(sides.supervisor_dir).fingerprint
    assert main(["receive", str(out), "--trust", fingerprint]) == 0


def test_an_unverified_response_dated_in_the_future_holds_no_genuine_one_back(
    tmp_path, data_dir, make_checkin, save, capsys
):
    """A forged response dated 2999, kept with --unverified, does not make Dana's genuine
    response look like a replay."""
    sides = supervision(tmp_path, data_dir, make_checkin, save)
    forged, genuine = tmp_path / "forged.toml", tmp_path / "genuine.toml"
    sides.export(forged, "Forged-Heron")
    text = forged.read_text()
    written = text.split("written = ")[1].split("\n")[0]
    forged.write_text(text.replace(f"written = {written}", "written = 2999-01-01 00:00:00Z"))
    assert main(["receive", str(forged), "--unverified"]) == 0
    sides.export(genuine, "Genuine-Heron")
    assert main(["receive", str(genuine), "--trust", signed_by(genuine)]) == 0
    assert main(["show", sides.checkin.id]) == 0
    assert "Genuine-Heron" in capsys.readouterr().out
