"""The session and rubric models: what they accept, what they refuse, and exact round trips."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from selfcheck.formats.checkin import Checkin, ItemAnswer, NextStep, Supervision
from selfcheck.formats.errors import InputError
from selfcheck.store.checkin_files import checkin_bytes, load_checkin, save_checkin

AWKWARD = [
    'She said "not today" and left',
    "triple '''quotes''' and \"\"\"more\"\"\"",
    "back\\slash C:\\new\\table \\u0041",
    "line one\nline two\r\nline three\n",
    "emoji 👶🏽👨‍👩‍👧 and ZWJ",
    "مرحبا بالعائلة — שלום",
    "[bold]not markup[/] $x^2$ \x1b[31mred\x1b[0m",
    "",
    " leading and trailing space ",
]


@pytest.mark.parametrize("note", AWKWARD)
def test_awkward_notes_survive_write_and_read(note, make_checkin, data_dir):
    checkin = make_checkin({"integrity-honesty": 3}, notes={"integrity-honesty": note})
    path = save_checkin(data_dir, checkin)
    assert load_checkin(path).answer("integrity-honesty").note == note


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=st.text(), supervisor=st.text(max_size=50).map(str.strip), step=st.text(min_size=1))
def test_any_text_round_trips_exactly(note, supervisor, step, make_checkin, tmp_path):
    checkin = make_checkin({"integrity-honesty": 4}, notes={"integrity-honesty": note})
    checkin.supervision = Supervision(supervisor=supervisor, meeting=date(2026, 2, 1))
    checkin.next_steps = [NextStep(text=step, item="integrity-honesty")]
    path = save_checkin(tmp_path, checkin)
    assert load_checkin(path) == checkin


def test_session_file_round_trips_through_another_toml_implementation(make_checkin, data_dir):
    checkin = make_checkin(
        {"integrity-honesty": 2, "justice-advocacy": 0},
        notes={"integrity-honesty": 'a "quoted"\nnote \\ with 👶'},
        discuss=("justice-advocacy",),
    )
    checkin.next_steps = [NextStep(text='Ask about "advocacy" groups', item=None)]
    path = save_checkin(data_dir, checkin)
    text = path.read_text(encoding="utf-8")
    document = tomlkit.parse(text)
    assert tomlkit.dumps(document) == text
    rewritten = data_dir / "rewritten.toml"
    rewritten.write_text(tomlkit.dumps(document.unwrap()), encoding="utf-8")
    assert load_checkin(rewritten) == checkin


def test_written_file_has_documented_layout(make_checkin):
    checkin = make_checkin({"integrity-honesty": 5})
    text = checkin_bytes(checkin).decode()
    assert text.startswith('format = "selfcheck-session"\nformat_version = 1\n')
    assert '[items.integrity-honesty]\nrating = 5\nnot_assessable = false\nnote = ""' in text
    assert "finished = 2026-01-05 09:12:00-05:00\n" in text
    assert "next_steps" not in text


@pytest.mark.parametrize("bad", [0, 6, 3.5, "3", True])
def test_rating_must_be_a_whole_level(bad):
    with pytest.raises(ValidationError):
        ItemAnswer.model_validate({"rating": bad})


def test_rating_and_not_assessable_exclude_each_other():
    with pytest.raises(ValidationError, match="cannot have a rating and be not yet assessable"):
        ItemAnswer(rating=3, not_assessable=True)


def test_complete_needs_finished_and_draft_refuses_it(make_checkin):
    data = make_checkin().model_dump()
    with pytest.raises(ValidationError, match="needs its `finished` time"):
        Checkin.model_validate(data | {"finished": None})
    with pytest.raises(ValidationError, match="draft cannot have"):
        Checkin.model_validate(data | {"status": "draft"})


def test_bad_session_file_gives_one_line_naming_file_and_field(make_checkin, tmp_path: Path):
    text = checkin_bytes(make_checkin({"integrity-honesty": 3})).decode()
    path = tmp_path / "bad.toml"
    path.write_text(text.replace("rating = 3", 'rating = "3"'), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_checkin(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: items.integrity-honesty.rating:")
    assert "\n" not in message


def test_unknown_keys_are_refused(make_checkin, tmp_path: Path):
    text = checkin_bytes(make_checkin()).decode().replace("status =", 'mood = "x"\nstatus =')
    path = tmp_path / "typo.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="mood: unknown key"):
        load_checkin(path)
