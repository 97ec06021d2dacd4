"""Typed text is shown literally everywhere: no markup read, no escape sequence let through."""

from __future__ import annotations

import io

from pypdf import PdfReader

from selfcheck.cli import main

TYPED = "[bold]mine[/] \x1b[2J\x1b]0;x\x07 \u202eevil $x_2$"
SHOWN = "[bold]mine[/] \\x1b[2J\\x1b]0;x\\x07 \\u202eevil $x_2$"


def checkins_with_typed_text(make_checkin, save):
    item = "integrity-honesty"
    for day, level in ((0, 2), (30, 4)):
        checkin = make_checkin(
            {item: level}, day=day, name="Robin [i]R[/i]", notes={item: TYPED}, discuss=(item,)
        )
        save(checkin)


def test_show_trends_and_packet_show_typed_text_literally(make_checkin, save, capsys, tmp_path):
    checkins_with_typed_text(make_checkin, save)
    for argv in (["show", "latest"], ["trends"], ["list"]):
        assert main(argv) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "Robin [i]R[/i]" in out and SHOWN in out
    assert main(["report", "--out", str(tmp_path / "p.pdf")]) == 0
    text = " ".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO((tmp_path / "p.pdf").read_bytes())).pages
    )
    flat = " ".join(text.split())
    assert "Robin [i]R[/i]" in flat
    assert " ".join(SHOWN.split()) in flat
