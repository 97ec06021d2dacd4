"""The check-in as a conversation of lines: one item, one answer, saved before the next question."""

from __future__ import annotations

import sys
from pathlib import Path

from selfcheck.checkin.draft import Draft
from selfcheck.checkin.lifecycle import unanswered_count
from selfcheck.checkin.words import step_words, unanswered_words
from selfcheck.checkin.workspace import Workspace
from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.printable import printable
from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.formats.wording import answer_words
from selfcheck.plain.focus import choose_focus
from selfcheck.plain.lines import Lines, number_in_range
from selfcheck.plain.plan import look_back
from selfcheck.plain.texts import (
    PROMPT,
    guidance_lines,
    help_lines,
    item_lines,
    review_lines,
    summary_lines,
)
from selfcheck.store.vault import Vault
from selfcheck.supervision.plan import focus_suggestion

QUIT_WORDS = "The draft is saved; `selfcheck start --plain` resumes it."
INPUT_ENDED = (
    "the input ended before the check-in was finished; the draft is saved, and "
    "`selfcheck start --plain` resumes it"
)
"""Said on stderr when piped answers run out before the check-in is finished."""
INPUT_ENDED_AT_FOCUS = "the input ended before the focus items were chosen; no check-in was started"
"""Said on stderr when piped answers run out at the focus chooser."""
STEP_LIMIT = 2000
"""The longest next step the check-in format takes."""
STEPS_INTRO = (
    "Next steps (optional): a few steps for your learning plan, one per line. To tie a step "
    "to an item, begin with the item's number and a colon, as in `3: read the chapter`. "
    "An empty line ends."
)


class PlainCheckin:
    """Walks a locked draft item by item; every answer is on disk before the next question."""

    def __init__(
        self,
        draft: Draft,
        lines: Lines,
        *,
        show_last_time: bool,
        versions: RubricVersions,
    ) -> None:
        """`versions` are the rubric's versions here, for the summary's comparison."""
        self.draft = draft
        self.lines = lines
        self.show_last_time = show_last_time
        self.versions = versions
        self.index = draft.start_index
        self.items = draft.items

    def run(self) -> bool:
        """Ask until the check-in is finished, or the person quits, or the input ends.

        False when piped input ended first (on a terminal, the end of input quits as q does).
        """
        self.lines.say(*guidance_lines(self.draft.rubric))
        self.show_item()
        while True:
            answer = self.lines.ask(PROMPT)
            if answer is None and not self.lines.terminal:
                return False
            if answer is None or answer.strip() == "q":
                self.lines.say(QUIT_WORDS)
                return True
            if self.handle(answer):
                return True

    def show_item(self) -> None:
        """Print the current item once."""
        self.lines.say(*item_lines(self.draft, self.index, show_last_time=self.show_last_time))

    def handle(self, typed: str) -> bool:
        """Act on one answer; True once the check-in is complete."""
        answer = typed.strip()
        item_id = self.items[self.index].id
        if answer in {"0", "1", "2", "3", "4", "5", "x"}:
            if answer == "x" and self.draft.rubric.not_my_role is None:
                self.lines.say("This rubric has no answer 'not my role': use 0 for not yet.")
                return False
            if answer == "x":
                self.draft.mark_not_my_role(item_id)
            elif answer == "0":
                self.draft.mark_not_assessable(item_id)
            else:
                self.draft.rate(item_id, int(answer))
            self.saved(f"Saved: {answer_words(self.draft.rubric, self.draft.answer(item_id))}.")
            return self.next_item()
        if answer == "":
            return self.next_item()
        if answer == "d":
            self.draft.toggle_discuss(item_id)
            marked = self.draft.answer(item_id).discuss
            self.saved("Saved: marked to discuss." if marked else "Saved: not marked to discuss.")
        elif answer == "n" or answer.startswith("n "):
            self.write_note(item_id, typed.strip()[2:])
        elif answer == "b":
            if self.index == 0:
                self.lines.say("This is the first item.")
            else:
                self.index -= 1
                self.show_item()
        elif answer == "r":
            return self.review(final=False)
        elif answer == "?":
            self.lines.say(*help_lines(self.draft.rubric))
        elif answer == "f":
            return self.confirm_finish()
        else:
            self.lines.say(f"Not an answer: {printable(answer)}. Type ? and enter for the keys.")
        return False

    def saved(self, words: str) -> None:
        """Wait until the change is on disk, then say so; a failed write ends the check-in.

        The failure is said once, as the run's one error line, and the exit status is not 0.
        """
        if not self.draft.writer.flush():
            self.lines.say("Not saved yet: the disk is slow; your answer is kept and retried.")
        elif self.draft.writer.failure is not None:
            raise SelfcheckError(
                f"Not saved: {self.draft.writer.failure}; the check-in stopped here"
            )
        else:
            self.lines.say(words)

    def next_item(self) -> bool:
        """Move on; after the last item come the review and the finish question."""
        if self.index + 1 < len(self.items):
            self.index += 1
            self.show_item()
            return False
        self.lines.say("That was the last item.")
        return self.review(final=True)

    def write_note(self, item_id: str, text: str) -> None:
        """A note on one line after `n `, or lines after `n` alone up to an empty line."""
        if not text.strip():
            self.lines.say(
                "Write the note; an empty line ends it (an empty note keeps the old one)."
            )
            typed: list[str] = []
            while (line := self.lines.ask("Note: ")) is not None and line.strip():
                typed.append(line.rstrip())
            text = "\n".join(typed)
        if not text.strip():
            self.lines.say("The note is unchanged.")
            return
        try:
            self.draft.set_note(item_id, text.strip())
        except SelfcheckError as exc:
            self.lines.say(f"Not saved: {exc}.")
            return
        self.draft.save()
        self.saved("Saved: the note.")

    def review(self, *, final: bool) -> bool:
        """List every item; open one by its number, finish, or carry on."""
        self.lines.say(*review_lines(self.draft))
        if final:
            unanswered = unanswered_count(self.draft.checkin, self.draft.rubric)
            self.lines.say(f"Finish this check-in? {unanswered_words(unanswered)}")
            question = "Type y to finish, an item number to open it, or enter to keep going: "
        else:
            question = "Type an item number to open it, f to finish, or enter to go back: "
        finishing = "y" if final else "f"
        choice = self.choose(question, {finishing, ""}, numbered=True)
        if choice is None:
            return False
        if choice == finishing:
            return self.finish() if final else self.confirm_finish()
        number = number_in_range(choice, len(self.items))
        if number is not None:
            self.index = number - 1
        elif final and unanswered_count(self.draft.checkin, self.draft.rubric):
            self.index = self.draft.start_index
        self.show_item()
        return False

    def confirm_finish(self) -> bool:
        """Ask to finish; only `y` finishes, enter or `n` keeps going."""
        unanswered = unanswered_count(self.draft.checkin, self.draft.rubric)
        self.lines.say(f"Finish this check-in? {unanswered_words(unanswered)}")
        choice = self.choose("Type y to finish, or enter to keep going: ", {"y", "n", ""})
        if choice == "y":
            return self.finish()
        if choice is not None:
            self.lines.say("Keep going.")
            self.show_item()
        return False

    def choose(self, question: str, answers: set[str], *, numbered: bool = False) -> str | None:
        """Ask `question` until one of `answers` (or, when `numbered`, an item's number) is
        typed; anything else is not an answer and the question comes again. None at the end
        of the input."""
        while (choice := self.lines.ask(question)) is not None:
            choice = choice.strip()
            if choice in answers or (numbered and number_in_range(choice, len(self.items))):
                return choice
            self.lines.say(f"Not an answer: {printable(choice)}.")
        return None

    def finish(self) -> bool:
        """Complete the check-in at once, then the optional next steps, then the summary."""
        self.draft.complete()
        self.saved("Check-in finished and saved.")
        self.next_steps()
        self.draft.close()
        draft = self.draft
        self.lines.say(*summary_lines(draft, draft.previous, draft.path, self.versions))
        return True

    def next_steps(self) -> None:
        """Ask for next steps one line at a time, each saved as it is typed."""
        self.lines.say("", STEPS_INTRO)
        if self.draft.checkin.next_steps:
            self.lines.say("Already written:")
            self.lines.say(
                *(f"  • {step_words(self.draft.rubric, s)}" for s in self.draft.checkin.next_steps)
            )
        while (
            line := self.lines.ask("Next step (enter when done): ")
        ) is not None and line.strip():
            number, colon, rest = line.partition(":")
            item = number_in_range(number, len(self.items)) if colon else None
            text = rest.strip() if item is not None else line.strip()
            if not text or len(text) > STEP_LIMIT:
                self.lines.say(f"Not saved: a step has 1 to {STEP_LIMIT} characters.")
                continue
            try:
                self.draft.add_next_step(
                    text, self.items[item - 1].id if item is not None else None
                )
            except SelfcheckError as exc:
                self.lines.say(f"Not saved: {exc}.")
                continue
            self.saved("Saved: the step.")


def run_plain(
    data_dir: Path, rubric_ref: str | None, *, focus: bool = False, vault: Vault | None = None
) -> tuple[str | None, list[str]]:
    """Run a check-in in plain mode on standard input and output; return what to say when
    piped input ended before the check-in was finished (None when it did not), and the
    unreadable files.

    With `focus`, a new check-in rates only the items chosen first (a draft is resumed)."""
    workspace = Workspace.load(data_dir, rubric_ref, vault)
    lines = Lines(sys.stdin, sys.stdout)
    chosen = None
    if focus and workspace.draft is None:
        suggested = focus_suggestion(workspace.data_dir, workspace.rubric, workspace.completed)
        chosen = choose_focus(workspace.rubric, suggested, lines)
        if chosen is None:
            lines.say("No check-in was started.")
            ended = lines.ended and not lines.terminal
            return (INPUT_ENDED_AT_FOCUS if ended else None), workspace.loaded.problems
    elif focus:
        lines.say("You have a draft open: it is resumed (finish it to start a focus check-in).")
    draft = Draft.open(workspace, None, chosen)  # a failed write ends the run, said once
    try:
        resumed = bool(draft.checkin.items)
        lines.say(
            f"{draft.rubric.title}: {len(draft.items)} items, one at a time. "
            + ("Resuming your draft. " if resumed else "")
            + "Type ? and enter for the keys, q to stop; every answer is saved at once."
        )
        look_back(draft, workspace, lines)
        stopped = PlainCheckin(
            draft,
            lines,
            show_last_time=workspace.config.show_last_time,
            versions=workspace.versions,
        ).run()
    finally:
        draft.close()
    return (None if stopped else INPUT_ENDED), workspace.loaded.problems
