"""What the Code of Ethics holds, for tests of the shipped rubrics: its commitments, copied runs."""

from __future__ import annotations

import hashlib

from helpers.paths import DATA
from selfcheck.formats.rubric import Rubric

COMMITMENTS = {
    "relationships": 4,
    "diversity": 2,
    "justice": 3,
    "integrity": 1,
    "confidentiality": 1,
    "knowledge": 1,
    "reflection": 1,
}
"""How many commitments each value of the Code has: every one needs an item."""


def eight_word_runs(text: str) -> set[str]:
    """The digest of every run of 8 words in `text`, as in tests/data/code-eight-word-runs.txt."""
    words = text.lower().split()
    return {
        hashlib.sha256(" ".join(words[i : i + 8]).encode()).hexdigest()[:16]
        for i in range(len(words) - 7)
    }


def copied_runs(rubric: Rubric) -> set[str]:
    """The digests of the runs of 8 words that a rubric's prose shares with the Code."""
    lines = (DATA / "code-eight-word-runs.txt").read_text().splitlines()
    code = {line for line in lines if not line.startswith("#")}
    prose = [rubric.description, rubric.guidance, *(v.summary for v in rubric.values)]
    prose += [step.description for step in rubric.scale]
    for item in rubric.items:
        prose += [item.title, item.statement, item.prompt, *item.anchors.values()]
    return code & eight_word_runs(" ".join(prose))
