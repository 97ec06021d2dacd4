"""The practitioner's jobs beyond the check-in, offered from home, the summary and growth."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App

from selfcheck.checkin.workspace import Workspace, remember_in_config
from selfcheck.formats.errors import SelfcheckError
from selfcheck.store.config import ensure_identity

if TYPE_CHECKING:
    from selfcheck.packet.content import NoteChoice
    from selfcheck.supervision.share import FolderShare
    from selfcheck.tui.screens.practitioner.share import ShareRequest


def system_viewer() -> str | None:
    """The program that opens a file with the system's viewer (xdg-open, or open on macOS)."""
    return shutil.which("open" if sys.platform == "darwin" else "xdg-open")


async def offer_to_open(app: App[None], path: Path, what: str) -> None:
    """Say where a file was written and offer to open it, or say plainly that nothing can."""
    from selfcheck.growth.summary import shown_path
    from selfcheck.tui.screens.common.confirm import Confirm

    viewer = system_viewer()
    written = f"{what.capitalize()} written to {shown_path(path)}"
    if viewer is None:
        app.notify(
            f"{written}. No program to open it was found here (xdg-open or open); "
            "open it from your file manager.",
            title="Written",
            timeout=20,
            markup=False,
        )
        return
    if await app.push_screen_wait(Confirm(f"Open the {what}?", written, "Open", "Not now")):
        subprocess.Popen(
            [viewer, str(path)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )


def write_workspace_packet(workspace: Workspace, out: Path, notes: NoteChoice) -> Path:
    """Write the packet of the workspace's complete check-ins to `out` (in a worker thread)."""
    from selfcheck.growth.analysis import growth
    from selfcheck.packet.packet_file import practitioners_packet, write_packet

    checkins = workspace.completed
    if not checkins:
        raise SelfcheckError("no complete check-ins yet: finish one, then make the packet")
    result = growth(checkins, workspace.versions)
    packet = practitioners_packet(
        workspace.data_dir, workspace.vault, checkins, result, notes, date.today()
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    write_packet(out, packet, workspace.data_dir)
    remember_in_config(workspace.data_dir, workspace.vault, packet_folder=str(out.parent))
    return out


async def make_packet(app: App[None], workspace: Workspace) -> Path | None:
    """Ask how to make the packet, write it, say where, offer to open it; return its path."""
    from selfcheck.tui.screens.practitioner.packet import PacketDialog, default_packet_folder

    folder = default_packet_folder(workspace.config.packet_folder, Path.home())
    request = await app.push_screen_wait(PacketDialog(folder))
    if request is None:
        return None
    out = request.folder / f"selfcheck-packet-{date.today().isoformat()}.{request.kind}"
    try:
        await asyncio.to_thread(write_workspace_packet, workspace, out, request.notes)
    except (SelfcheckError, OSError) as exc:
        app.notify(str(exc), title="No packet", severity="error", timeout=15, markup=False)
        return None
    workspace.reload()
    await offer_to_open(app, out, "packet")
    return out


def write_share(workspace: Workspace, request: ShareRequest) -> Path:
    """Write the share (sealed to the supervisor's key when given) and remember the key."""
    from selfcheck.formats.sealed import SEALED_SUFFIX, parse_recipient, seal
    from selfcheck.store.outputs import write_out
    from selfcheck.supervision.files import share_bytes

    data = share_bytes(request.made.share)
    name = f"selfcheck-share-{date.today().isoformat()}.toml"
    if request.recipient:
        data = seal(data, [parse_recipient(request.recipient)])
        name += SEALED_SUFFIX
    out = request.folder / name
    out.parent.mkdir(parents=True, exist_ok=True)
    write_out(out, data, workspace.data_dir)
    remember_in_config(workspace.data_dir, workspace.vault, supervisor_recipient=request.recipient)
    return out


async def share_with_supervisor(app: App[None], workspace: Workspace) -> Path | None:
    """Say what the share holds, for the period and notes chosen, write it where asked, say
    where; return its path."""
    from selfcheck.checkin.lifecycle import now
    from selfcheck.growth.summary import shown_path
    from selfcheck.supervision.share import folder_share
    from selfcheck.tui.screens.practitioner.packet import default_packet_folder
    from selfcheck.tui.screens.practitioner.share import ShareChoice, ShareDialog

    def describe(choice: ShareChoice) -> FolderShare:
        return folder_share(
            workspace.data_dir, workspace.vault, choice.notes, now(), since=choice.since
        )

    config = workspace.config
    try:
        made = await asyncio.to_thread(describe, ShareChoice())
    except SelfcheckError as exc:
        app.notify(str(exc), title="Nothing to share", severity="error", timeout=15, markup=False)
        return None
    folder = default_packet_folder(config.packet_folder, Path.home())
    supervisor = config.supervisor or "your supervisor"
    dialog = ShareDialog(supervisor, made, folder, config.supervisor_recipient, describe)
    request = await app.push_screen_wait(dialog)
    if request is None:
        app.notify("Nothing written.", markup=False)
        return None
    try:
        out = await asyncio.to_thread(write_share, workspace, request)
    except (SelfcheckError, OSError) as exc:
        app.notify(str(exc), title="Not shared", severity="error", timeout=15, markup=False)
        return None
    workspace.reload()
    sealed = "sealed: only their key opens it" if request.recipient else "readable by you only"
    app.notify(
        f"Share written to {shown_path(out)} ({sealed}); give it to {supervisor}.",
        title="Shared",
        timeout=20,
        markup=False,
    )
    return out


async def take_in_response(app: App[None], workspace: Workspace) -> Path | None:
    """Choose a response file, check its signature (asking to trust a supervisor's key the
    first time), keep it beside the check-in it answers, and show it; no file is written for
    the person to find."""
    from textual_fspicker import FileOpen, Filters

    from selfcheck.supervision.receiving import keep_response, open_response
    from selfcheck.tui.screens.common.message import MessageDialog
    from selfcheck.tui.screens.practitioner.packet import default_packet_folder
    from selfcheck.tui.screens.practitioner.trust import TrustKey
    from selfcheck.tui.widgets.response_view import response_text

    folder = default_packet_folder(workspace.config.packet_folder, Path.home())
    filters = Filters(
        ("Responses", lambda p: p.suffix in (".toml", ".age")), ("Any file", lambda _: True)
    )
    chosen = await app.push_screen_wait(
        FileOpen(folder, "Your supervisor's response", filters=filters)
    )
    if chosen is None:
        return None
    data_dir, vault = workspace.data_dir, workspace.vault
    try:
        config = await asyncio.to_thread(ensure_identity, data_dir, vault)
        incoming = await asyncio.to_thread(
            open_response, chosen, data_dir, workspace.loaded, config, vault
        )
        trust = incoming.trust == "new" and await app.push_screen_wait(
            TrustKey(incoming.supervisor, incoming.fingerprint)
        )
        if incoming.trust == "new" and not trust:
            app.notify("Nothing was kept.", title="Not received", markup=False)
            return None
        received = await asyncio.to_thread(
            keep_response, incoming, data_dir, config, vault, trust=trust
        )
    except (SelfcheckError, OSError) as exc:
        app.notify(str(exc), title="Not received", severity="error", timeout=20, markup=False)
        return None
    workspace.reload()
    response = received.response
    checkin = next(c for c in workspace.loaded.checkins if c.id == response.checkin)
    body = response_text(response, workspace.rubric_of(checkin), checkin)
    title = f"Received {incoming.supervisor}'s response (verified: key {incoming.fingerprint})"
    await app.push_screen_wait(MessageDialog(title, body))
    return None


async def show_hours(app: App[None], workspace: Workspace) -> Path | None:
    """Show the supervision meetings and hours by year, as `selfcheck log` prints them; no file."""
    from rich.text import Text

    from selfcheck.supervision.hours import log_lines, meeting_records
    from selfcheck.supervision.receiving import load_received
    from selfcheck.tui.screens.common.message import MessageDialog

    responses, _ = load_received(workspace.data_dir, workspace.vault)
    trusted = workspace.config.trusted_supervisors
    records = meeting_records(workspace.loaded.checkins, responses.values(), trusted)
    meetings, _, totals = "\n".join(log_lines(records)).partition("\n\n")
    body = Text(f"{totals}\n\n{meetings}" if totals else meetings)
    await app.push_screen_wait(MessageDialog("Supervision hours", body))
    return None


async def send_to_program(app: App[None], workspace: Workspace) -> Path | None:
    """Ask the program's name, show the anonymous export in full for consent, and write it."""
    from selfcheck.growth.summary import shown_path
    from selfcheck.program.folder_export import folder_export, write_folder_export
    from selfcheck.tui.screens.common.prompt import TextPrompt
    from selfcheck.tui.screens.practitioner.packet import default_packet_folder
    from selfcheck.tui.screens.practitioner.program import ExportConsent

    config = workspace.config
    asked = await app.push_screen_wait(
        TextPrompt("Your program's name, as the program gave it", config.program)
    )
    program = (asked or "").strip()
    if not program:
        return None
    try:
        made = await asyncio.to_thread(folder_export, workspace.data_dir, program, workspace.vault)
    except SelfcheckError as exc:
        app.notify(str(exc), title="Nothing to send", severity="error", timeout=15, markup=False)
        return None
    folder = default_packet_folder(config.packet_folder, Path.home())
    chosen = await app.push_screen_wait(ExportConsent(program, made.consent, made.text, folder))
    if chosen is None:
        app.notify("Nothing written.", markup=False)
        return None
    out = chosen / made.name
    try:
        chosen.mkdir(parents=True, exist_ok=True)
        await asyncio.to_thread(write_folder_export, workspace.data_dir, made, out, workspace.vault)
    except (SelfcheckError, OSError) as exc:
        app.notify(str(exc), title="Not written", severity="error", timeout=15, markup=False)
        return None
    remember_in_config(workspace.data_dir, workspace.vault, program=program)
    workspace.reload()
    app.notify(
        f"Written to {shown_path(out)}; send it to {program}.",
        title="Anonymous export",
        timeout=20,
        markup=False,
    )
    return out


async def protect_with_passphrase(app: App[None], workspace: Workspace) -> Path | None:
    """Encrypt the data folder (recovery key shown once, offered to a file) or change its
    passphrase; return the recovery file when one was saved."""
    from selfcheck.store.conversion import change_unlocked_passphrase, protect_folder
    from selfcheck.store.files import write_text_atomic
    from selfcheck.store.vault import is_encrypted
    from selfcheck.tui.screens.practitioner.protect import PassphraseDialog, RecoveryDialog

    folder = workspace.data_dir
    if is_encrypted(folder):
        words = "Your check-ins stay as they are; only the passphrase that opens them changes."
        new = await app.push_screen_wait(PassphraseDialog("Change the passphrase", words))
        if new is not None:
            await asyncio.to_thread(change_unlocked_passphrase, folder, new, workspace.vault)
            app.notify("The passphrase is changed.", title="Protected", markup=False)
        return None
    words = "Every file of your data folder is encrypted; the passphrase opens them."
    passphrase = await app.push_screen_wait(PassphraseDialog("Protect with a passphrase", words))
    if passphrase is None:
        return None
    try:
        identity, sealed = await asyncio.to_thread(
            protect_folder, folder, passphrase, workspace.vault
        )
    except (SelfcheckError, OSError) as exc:
        app.notify(str(exc), title="Not protected", severity="error", timeout=20, markup=False)
        return None
    app.notify(f"Encrypted {sealed.converted} file(s).", title="Protected", markup=False)
    offered = Path.home() / "selfcheck-recovery.txt"
    while (out := await app.push_screen_wait(RecoveryDialog(identity, offered))) is not None:
        if out.resolve().is_relative_to(folder.resolve()):
            app.notify("Keep the recovery key outside the data folder it opens.", markup=False)
            continue
        try:
            await asyncio.to_thread(write_text_atomic, out, identity)
        except (SelfcheckError, OSError) as exc:
            app.notify(str(exc), title="Not saved", severity="error", markup=False)
            continue
        return out
    return None
