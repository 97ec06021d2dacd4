"""The tests CI runs again on the lowest declared versions: each exercises a dependency's API.

The lowest versions are a check that the lower bounds in pyproject.toml are true, not a second
run of the suite: a test belongs here when it calls a dependency in a way an older release could
do differently (a model validated, a TOML written, a chart drawn, a PDF laid out, a screen
driven, a file sealed). Entries are paths under tests/, a whole file or one test (every
parametrised case of it); an entry that names no collected test is an error, so the table
cannot rot.
"""

from __future__ import annotations

FLOOR_TESTS: dict[str, tuple[str, ...]] = {
    "pydantic, tomli-w": (
        "unit/test_models.py",
        "unit/test_storage.py",
        "unit/test_rubric.py",
        "unit/test_travelling_files.py",
        "unit/test_share_policy.py",
        "unit/test_anonymous_export.py",
        "unit/test_not_my_role.py",
        "process/test_quick_start.py::test_a_pydantic_plugin_installed_here_never_sees_selfcheck_data",
    ),
    "pyrage": (
        "unit/test_identity_file.py",
        "unit/test_passphrase_work.py",
        # Every file test, and one about the passphrase with pyrage's own work factor.
        "process/test_encryption.py::test_encrypt_seals_every_file_and_the_folder_still_reads",
        "process/test_encryption.py::test_the_age_tool_opens_every_file_with_the_recovery_identity",
        "process/test_encryption.py::test_the_age_tool_opens_files_written_after_encryption",
        "process/test_encryption.py::test_a_new_run_must_unlock",
        "process/test_encryption.py::test_decrypt_makes_every_file_plain_again",
        "process/test_encryption.py::test_passphrase_change",
        "process/test_encryption.py::test_keys_prints_the_recipient",
        "process/test_encryption.py::test_hostile_sealed_files_are_skipped_in_one_line",
        "process/test_encryption.py::test_a_missing_or_damaged_identity_is_one_line",
        "process/test_sealed_files.py",
    ),
    "cryptography": (
        "app/test_signed_responses.py",
        "app/test_trusted_responses.py::test_trusted_once_then_later_responses_must_match",
        "app/test_trusted_responses.py::test_an_older_response_is_refused_with_both_dates",
        "process/test_sealed_responses.py",
    ),
    "matplotlib": (
        "outputs/test_plotting.py",
        "outputs/test_chart_dates.py",
        "outputs/test_chart_coinciding.py",
        "outputs/test_program_chart.py",
    ),
    "fpdf2": (
        "outputs/test_packet_pdf.py",
        "outputs/test_report.py::test_front_page_who_rubric_period_count_summary",
        "outputs/test_report.py::test_charts_are_followed_by_their_numbers",
        "outputs/test_report.py::test_typed_dollars_are_not_math",
    ),
    "textual": (
        "app/test_tui_flow.py::test_full_checkin_saves_every_rating_and_finishes",
        "app/test_tui_flow.py::test_navigation_back_and_forth",
        "app/test_tui_flow.py::test_note_saved_within_a_second_without_leaving",
        "app/test_tui_flow.py::test_resume_after_quit",
        "app/test_tui_flow.py::test_finish_with_unanswered_items",
        "app/test_tui_flow.py::test_a_stalled_disk_never_freezes_the_screen",
        "app/test_tui_finish.py::test_enter_adds_the_step_after_an_item_is_picked",
        "app/test_tui_finish.py::test_delete_highlights_then_removes_a_step",
        "app/test_tui_keys.py::test_question_mark_explains_the_screen_it_is_on",
        "app/test_tui_keys.py::test_question_mark_and_q_on_every_supervisor_screen",
        "app/test_focus.py::test_f_on_home_chooses_items_and_starts_a_focus_checkin",
        "app/test_growth_screen.py::test_values_sparklines_latest_and_change",
        "app/test_theme.py::test_theme_from_option_config_and_palette",
        "app/test_theme.py::test_high_contrast_pairs_reach_aaa",
        "app/test_theme.py::test_the_first_item_is_styled_in_one_pass",
        "app/test_tui_unlock.py::test_a_checkin_in_an_encrypted_folder_is_saved_sealed",
        "app/test_supervisor_agreement.py::test_full_agreement_takes_three_keys_and_export_two",
        "app/test_supervisor_screens.py::test_what_was_brought_to_discuss_since_the_last_response",
    ),
    "textual-fspicker": (
        "app/test_home_jobs.py::test_take_in_a_response_from_home_and_see_it",
        "app/test_home_jobs.py::test_the_packet_from_home_is_a_pdf_in_documents",
        "app/test_home_jobs.py::test_share_from_home_says_what_is_shared_and_writes_the_toml",
    ),
}
"""What the lowest versions run, by the dependency whose API the tests exercise."""


def floor_entries() -> set[str]:
    """Every entry of the table, whatever dependency it is listed under."""
    return {entry for entries in FLOOR_TESTS.values() for entry in entries}


def floor_entry(relative_nodeid: str, entries: set[str]) -> str | None:
    """The table's entry covering a test (its id under tests/, parameters left off), if any."""
    file, _, name = relative_nodeid.partition("::")
    test = f"{file}::{name.split('[')[0]}"
    if test in entries:
        return test
    return file if file in entries else None
