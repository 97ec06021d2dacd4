"""From home, without a subcommand: the packet, a share (sealed too), a response, the hours."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest
from helpers.encryption_helpers import AGE, NO_AGE, age_decrypt
from helpers.pdf_text import flat, pdf_pages
from helpers.responses import signed_by
from helpers.waiting import wait_until
from textual.binding import Binding
from textual.widgets import Input, Select, Static

from selfcheck.cli import main
from selfcheck.store.checkin_files import load_data_dir
from selfcheck.store.config import load_config
from selfcheck.store.vault import is_encrypted
from selfcheck.supervision.caseload import supervisees_dir
from selfcheck.tui.app import make_app
from selfcheck.tui.jobs import system_viewer
from selfcheck.tui.screens.common.confirm import Confirm
from selfcheck.tui.screens.common.message import MessageDialog
from selfcheck.tui.screens.common.prompt import TextPrompt
from selfcheck.tui.screens.practitioner.home import HomeScreen
from selfcheck.tui.screens.practitioner.packet import PacketDialog
from selfcheck.tui.screens.practitioner.program import ExportConsent
from selfcheck.tui.screens.practitioner.protect import PassphraseDialog, RecoveryDialog
from selfcheck.tui.screens.practitioner.share import ShareDialog
from selfcheck.tui.screens.practitioner.trust import TrustKey
from selfcheck.tui.supervisor_app import make_supervisor_app

SIZE = (100, 36)


@pytest.fixture
def no_viewer(monkeypatch: pytest.MonkeyPatch) -> None:
    """No system viewer here, so writing a file never opens a window during tests."""
    monkeypatch.setattr("selfcheck.tui.jobs.system_viewer", lambda: None)


async def until_screen(pilot: Any, kind: type[object]) -> None:
    """Wait for a screen of `kind` on top, failing with its name when it does not come."""
    for _ in range(600):
        if isinstance(pilot.app.screen, kind):
            return
        await pilot.pause(0.05)
    raise AssertionError(f"waited for {kind.__name__}; {type(pilot.app.screen).__name__} is shown")


async def test_the_packet_from_home_is_a_pdf_in_documents(data_dir: Path, no_viewer) -> None:
    """p, enter: the PDF is in ~/Documents, its text names the practitioner, the folder is kept."""
    assert main(["demo", "--data-dir", str(data_dir)]) == 0
    documents = Path.home() / "Documents"
    documents.mkdir()
    app = make_app(data_dir, None, straight_in=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await until_screen(pilot, PacketDialog)
        assert app.screen.query_one("#packet-folder", Input).value == "~/Documents"
        await pilot.press("enter")
        await until_screen(pilot, HomeScreen)
        await app.workers.wait_for_complete()
        said = [n.message for n in app._notifications]
        await pilot.press("q")
    packets = list(documents.glob("selfcheck-packet-*.pdf"))
    assert len(packets) == 1
    assert any(f"written to {packets[0]}" in line or "written to ~" in line for line in said)
    assert any("No program to open it" in line for line in said)
    text = flat(pdf_pages(packets[0].read_bytes()))
    assert "Sam" in text or "Demo" in text
    assert load_config(data_dir).packet_folder == str(documents)


async def test_the_packet_as_a_web_page_with_all_notes(data_dir: Path, no_viewer, tmp_path) -> None:
    """Choosing Web page and all notes writes one HTML file to the folder typed."""
    assert main(["demo", "--data-dir", str(data_dir)]) == 0
    folder = tmp_path / "for supervision"
    app = make_app(data_dir, None, straight_in=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await until_screen(pilot, PacketDialog)
        app.screen.query_one("#packet-kind", Select).value = "html"
        app.screen.query_one("#packet-notes", Select).value = "all"
        app.screen.query_one("#packet-folder", Input).value = str(folder)
        await pilot.press("enter")
        await until_screen(pilot, HomeScreen)
        await app.workers.wait_for_complete()
        await pilot.press("q")
    pages = list(folder.glob("selfcheck-packet-*.html"))
    assert len(pages) == 1 and "<html" in pages[0].read_text("utf-8").lower()


async def test_a_written_file_is_offered_to_the_viewer(data_dir: Path, monkeypatch) -> None:
    """With a viewer, the app asks before opening; y runs it on the file written."""
    assert main(["demo", "--data-dir", str(data_dir)]) == 0
    opened: list[list[str]] = []
    monkeypatch.setattr("selfcheck.tui.jobs.system_viewer", lambda: "/usr/bin/xdg-open")
    real_popen = subprocess.Popen

    def popen(argv: list[str], **options: Any) -> object:
        """The viewer is noted, not run; any other program (matplotlib's fc-list) runs."""
        if argv[0] != "/usr/bin/xdg-open":
            return real_popen(argv, **options)
        opened.append(argv)
        return None

    monkeypatch.setattr("subprocess.Popen", popen)
    app = make_app(data_dir, None, straight_in=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await until_screen(pilot, PacketDialog)
        await pilot.press("enter")
        await until_screen(pilot, Confirm)
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.press("q")
    assert len(opened) == 1 and opened[0][0] == "/usr/bin/xdg-open"
    assert Path(opened[0][1]).is_file()


def test_the_viewer_is_xdg_open_where_it_is_installed() -> None:
    """On Linux the viewer is xdg-open when it is on PATH, else there is none."""
    assert system_viewer() == shutil.which("xdg-open")


async def test_share_from_home_says_what_is_shared_and_writes_the_toml(
    data_dir: Path, no_viewer
) -> None:
    """h shows share's own summary; enter writes the share the supervisor can import."""
    assert main(["demo", "--data-dir", str(data_dir)]) == 0
    app = make_app(data_dir, None, straight_in=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await until_screen(pilot, ShareDialog)
        words = str(app.screen.query_one("#share-words", Static).content)
        assert "Shared: your name" in words and "Not shared:" in words
        await pilot.press("enter")
        await until_screen(pilot, HomeScreen)
        await app.workers.wait_for_complete()
        await pilot.press("q")
    shares = list(Path.home().glob("selfcheck-share-*.toml"))
    assert len(shares) == 1
    data = tomllib.loads(shares[0].read_text("utf-8"))
    assert data["format"] == "selfcheck-share" and data["checkins"]


async def words_saying(pilot: Any, words: str) -> str:
    """The share dialog's summary once it says `words` (it is made again off the screen)."""
    shown = pilot.app.screen.query_one("#share-words", Static)
    await wait_until(pilot, lambda: words in str(shown.content), f"the share saying {words!r}")
    return str(shown.content)


async def test_share_from_home_of_a_period_with_every_note(data_dir: Path, no_viewer) -> None:
    """The period and notes chosen in the dialog change what it says, and the file holds
    exactly that: the check-ins since the day typed, with every note."""
    assert main(["demo", "--data-dir", str(data_dir)]) == 0
    checkins = load_data_dir(data_dir).checkins
    since = checkins[-3].when.date()
    notes = sum(bool(a.note) for c in checkins[-3:] for a in c.items.values())
    app = make_app(data_dir, None, straight_in=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await until_screen(pilot, ShareDialog)
        app.screen.query_one("#share-since", Input).value = "2026-02-3"
        await words_saying(pilot, "The date should look like 2026-02-03.")
        app.screen.query_one("#share-since", Input).value = since.isoformat()
        app.screen.query_one("#share-notes", Select).value = "all"
        await words_saying(pilot, f"Shared: 3 complete check-ins from {since.isoformat()}")
        await words_saying(pilot, f"Shared: {notes} notes (all your notes).")
        await pilot.press("enter")
        await until_screen(pilot, HomeScreen)
        await app.workers.wait_for_complete()
        await pilot.press("q")
    [written] = Path.home().glob("selfcheck-share-*.toml")
    shared = tomllib.loads(written.read_text("utf-8"))["checkins"]
    assert [c["id"] for c in shared] == [c.id for c in checkins[-3:]]
    assert sum(bool(a.get("note")) for c in shared for a in c["items"].values()) == notes


async def test_a_share_of_a_date_typed_wrong_writes_nothing(data_dir: Path, no_viewer) -> None:
    """While the day typed is not a date, the dialog says so and enter writes no file."""
    assert main(["demo", "--data-dir", str(data_dir)]) == 0
    app = make_app(data_dir, None, straight_in=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await until_screen(pilot, ShareDialog)
        app.screen.query_one("#share-since", Input).value = "last week"
        await words_saying(pilot, "The date should look like 2026-02-03.")
        await pilot.press("enter")
        assert isinstance(app.screen, ShareDialog)
        await pilot.press("escape")
    assert not list(Path.home().glob("selfcheck-share-*"))


@pytest.mark.skipif(AGE is None, reason=NO_AGE)
async def test_a_share_sealed_to_the_supervisor_opens_with_age(
    data_dir: Path, tmp_path: Path, no_viewer
) -> None:
    """With the supervisor's key the share is sealed; `age` opens it; the key is remembered."""
    assert main(["demo", "--data-dir", str(data_dir)]) == 0
    identity = tmp_path / "dana.key"
    made = subprocess.run(
        ["age-keygen", "-o", str(identity)], capture_output=True, text=True, check=True
    )
    recipient = made.stderr.split("Public key: ")[1].strip()
    app = make_app(data_dir, None, straight_in=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await until_screen(pilot, ShareDialog)
        app.screen.query_one("#share-recipient", Input).value = recipient
        await pilot.press("enter")
        await until_screen(pilot, HomeScreen)
        await app.workers.wait_for_complete()
        await pilot.press("q")
    sealed = list(Path.home().glob("selfcheck-share-*.toml.age"))
    assert len(sealed) == 1
    assert b"selfcheck-share" not in sealed[0].read_bytes()
    data = tomllib.loads(age_decrypt(identity, sealed[0]).decode("utf-8"))
    assert data["format"] == "selfcheck-share"
    assert load_config(data_dir).supervisor_recipient == recipient


async def test_take_in_a_response_from_home_and_see_it(
    data_dir: Path, tmp_path: Path, no_viewer
) -> None:
    """r opens a file chooser; the first response of a supervisor shows their key's
    fingerprint and asks (y trusts it); the response is kept and shown with its comment."""
    assert main(["demo", "--data-dir", str(data_dir)]) == 0
    share = tmp_path / "share.toml"
    assert main(["share", "--data-dir", str(data_dir), "--out", str(share), "--yes"]) == 0
    supervisor = tmp_path / "dana"
    assert main(["supervise", "--data-dir", str(supervisor), "--import", str(share)]) == 0
    response = tmp_path / "response.toml"
    boss = make_supervisor_app(supervisees_dir(supervisor), supervisor)
    async with boss.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "r", "A", "o", *"Well prepared", "enter", "x")
        boss.screen.query_one(Input).value = str(response)
        await pilot.press("enter", "q")
    assert response.is_file()

    app = make_app(data_dir, None, straight_in=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        from textual_fspicker import FileOpen

        await until_screen(pilot, FileOpen)
        name = app.screen.query_one(Input)
        name.value = str(response)
        name.focus()
        await pilot.press("enter")
        await until_screen(pilot, TrustKey)
        asked = str(app.screen.query_one(".dialog-text", Static).content)
        assert signed_by(response) in asked
        await pilot.press("y")
        await until_screen(pilot, MessageDialog)
        shown = str(app.screen.query_one("#message-body", Static).content)
        assert "Well prepared" in shown
        await pilot.press("enter", "q")
    assert len(list((data_dir / "responses").glob("*.toml"))) == 1
    assert load_config(data_dir).trusted_supervisors


async def test_supervision_hours_from_home(data_dir: Path) -> None:
    """l shows the meetings and hours by year, as `selfcheck log` prints them."""
    assert main(["demo", "--data-dir", str(data_dir)]) == 0
    app = make_app(data_dir, None, straight_in=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await until_screen(pilot, MessageDialog)
        shown = str(app.screen.query_one("#message-body", Static).content)
        await pilot.press("escape", "q")
    assert "2025: 12 meetings, 12 h 45 min" in shown and "individual       60" in shown


async def test_send_to_my_program_shows_the_consent_and_remembers_the_program(
    data_dir: Path,
) -> None:
    """x asks the program, shows what is shared and the file, writes it, keeps the name."""
    assert main(["demo", "--data-dir", str(data_dir)]) == 0
    app = make_app(data_dir, None, straight_in=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await until_screen(pilot, TextPrompt)
        await pilot.press(*"Early Years Network", "enter")
        await until_screen(pilot, ExportConsent)
        consent = str(app.screen.query_one("#export-consent", Static).content)
        assert "Not shared: your name" in consent and "pseudonym" in consent
        shown = str(app.screen.query_one("#export-text", Static).content)
        await pilot.press("enter")
        await until_screen(pilot, HomeScreen)
        await app.workers.wait_for_complete()
        await pilot.press("q")
    (written,) = Path.home().glob("*.toml")
    assert written.read_text("utf-8") == shown
    assert tomllib.loads(shown)["format"] == "selfcheck-anonymous"
    assert load_config(data_dir).program == "Early Years Network"


@pytest.mark.skipif(AGE is None, reason=NO_AGE)
async def test_protect_from_home_encrypts_and_saves_the_recovery_key(data_dir: Path) -> None:
    """k, the passphrase twice, enter: every check-in is sealed; the saved key opens one."""
    assert main(["demo", "--data-dir", str(data_dir)]) == 0
    app = make_app(data_dir, None, straight_in=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        await until_screen(pilot, PassphraseDialog)
        await pilot.press(*"quiet harbour", "enter", *"quiet harbour", "enter")
        await until_screen(pilot, RecoveryDialog)
        key = str(app.screen.query_one("#recovery-key", Static).content)
        app.screen.query_one("#recovery-file", Input).focus()
        await pilot.press("enter")
        await until_screen(pilot, HomeScreen)
        await app.workers.wait_for_complete()
        await pilot.press("q")
    recovery = Path.home() / "selfcheck-recovery.txt"
    assert key.startswith("AGE-SECRET-KEY-") and key in recovery.read_text("utf-8")
    assert is_encrypted(data_dir)
    sealed = sorted((data_dir / "sessions").glob("*.toml.age"))
    assert len(sealed) == 12 and not list((data_dir / "sessions").glob("*.toml"))
    assert b"selfcheck-session" in age_decrypt(recovery, sealed[0])


def test_plain_home_names_a_command_for_every_home_job(data_dir: Path, capsys) -> None:
    """`selfcheck --plain` lists the command that stands in for each of home's keys."""
    assert main(["demo", "--data-dir", str(data_dir)]) == 0
    capsys.readouterr()
    assert main(["--plain", "--data-dir", str(data_dir)]) == 0
    said = capsys.readouterr().out
    jobs = [b for b in Binding.make_bindings(HomeScreen.BINDINGS) if b.action != "app.help"]
    assert len(jobs) == 9  # start, focus and growth too
    for job in jobs:
        assert f"({job.key})" in said, f"no command for {job.description} ({job.key})"
