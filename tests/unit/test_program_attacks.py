"""The attacks of issue #20 on a program aggregate, each run through the real CLI.

Each test publishes made-up exports with `selfcheck aggregate` as a data steward would, then
attacks the CSVs as a reader who knows the method (what `datapackage.json` states) would, and
asserts what that reader can no longer conclude about one person.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from selfcheck.cli import main
from selfcheck.program.export import AnonymousCheckin, AnonymousExport, export_bytes

ITEMS = [f"i{number:02d}" for number in range(1, 20)]
"""Nineteen items, as many as the shipped rubric's newest version has."""
VALUES = [f"v{number // 4}" for number in range(19)]
LEVELS = ("n_level_1", "n_level_2", "n_level_3", "n_level_4", "n_level_5")
QUARTER = "2026-Q1"


def write_person(folder: Path, name: str, checkins: list[tuple[str, list[int]]]) -> None:
    """Write one practitioner's export (format 2, as a selfcheck of today writes it)."""
    folder.mkdir(parents=True, exist_ok=True)
    export = AnonymousExport(
        format="selfcheck-anonymous",
        format_version=2,
        pseudonym=hashlib.sha256(name.encode()).hexdigest(),
        generation=1,
        rubric_id="r",
        rubric_version="1",
        items=ITEMS,
        values=VALUES,
        checkin=[AnonymousCheckin(period=p, levels=lv, discuss=[0] * 19) for p, lv in checkins],
    )
    (folder / f"{name}.toml").write_bytes(export_bytes(export))


def spread_group(folder: Path, prefix: str, size: int) -> None:
    """`size` practitioners in one quarter, their levels spread evenly over 1 to 5 on each item."""
    for who in range(size):
        levels = [(who + item) % 5 + 1 for item in range(19)]
        write_person(folder, f"{prefix}{who}", [(QUARTER, levels)])


@dataclass
class Release:
    """A published CSV as its reader sees it, and what its data package says of the noise."""

    rows: list[dict[str, str]]
    table: list[dict[str, list[float]]]
    """The perturbation table (true count -> deviations), empty when figures are exact."""
    growth_deviation: int
    checkins_drawn: bool
    """Whether an item's check-ins carry information of their own (exact, or drawn apart)."""

    def cell(self, period: str, scope: str, id_: str) -> dict[str, str]:
        """The row of one period, scope and id."""
        return next(
            r for r in self.rows if (r["period"], r["scope"], r["id"]) == (period, scope, id_)
        )

    def support(self, true: int) -> set[int]:
        """Every figure a true count can be published as, by the stated method."""
        if not self.table:
            return {true}
        row = self.table[min(true, len(self.table) - 1)]
        return {
            true + int(d)
            for d, p in zip(row["deviations"], row["probabilities"], strict=True)
            if p > 0
        }

    def truths_behind(self, shown: str, most: int) -> set[int]:
        """The true counts (up to `most`) a published count could stand for; blank: 1 or 2."""
        if not shown:
            return {1, 2}
        return {t for t in range(most + 1) if int(shown) in self.support(t)}


def publish(paths: Iterable[Path], out: Path, *options: str) -> Release:
    """Run `selfcheck aggregate` as a data steward would, and read what it published."""
    out.parent.mkdir(parents=True, exist_ok=True)
    assert main(["aggregate", *map(str, paths), "--out", str(out), *options]) == 0
    with out.open() as handle:
        rows = list(csv.DictReader(handle))
    package = out.parent / "datapackage.json"
    noise = json.loads(package.read_text())["perturbation"] if package.exists() else {}
    return Release(
        rows,
        noise.get("table", []),
        noise.get("growth_sum", {}).get("max_deviation", 0),
        "item_checkins" not in noise,
    )


def answer_cells(row: dict[str, str]) -> list[str]:
    """A row's published answer counts: the five levels, then the non-level answers."""
    others = [name for name in row if name.startswith("n_not_")]
    return [row[name] for name in (*LEVELS, *others)]


def pinned_small_counts(release: Release, truth: dict[str, list[int]]) -> int:
    """Counts of 1 or 2 a rule-aware reader recovers exactly from one release's item rows.

    For each row: every combination of true counts consistent with each published count and
    with the published check-ins; a count is recovered when all combinations agree on it.
    """
    found = 0
    for item, true_counts in truth.items():
        row = release.cell(QUARTER, "item", item)
        if not row["checkins"]:
            continue
        most = int(row["checkins"]) + 2
        choices = [release.truths_behind(shown, most) for shown in answer_cells(row)]
        fits = [
            combo
            for combo in itertools.product(*choices)
            if not release.checkins_drawn or int(row["checkins"]) in release.support(sum(combo))
        ]
        for position, true in enumerate(true_counts):
            if true in (1, 2) and {combo[position] for combo in fits} == {true}:
                found += 1
    return found


def test_one_release_gives_back_no_count_of_one_or_two(tmp_path):
    """Rows like `_,_,0,3,3` over 8 check-ins: no count of 1 or 2 can be recovered exactly."""
    truth = {}
    for item_number, item in enumerate(ITEMS):
        pattern = [1, 2, 4, 4, 4, 5, 5, 5] if item_number % 2 else [1, 1, 3, 3, 3, 4, 5, 5]
        truth[item] = [pattern.count(level) for level in range(1, 6)] + [0]
    for who in range(8):
        levels = []
        for item_number in range(19):
            pattern = [1, 2, 4, 4, 4, 5, 5, 5] if item_number % 2 else [1, 1, 3, 3, 3, 4, 5, 5]
            levels.append(pattern[(who + item_number) % 8])
        write_person(tmp_path / "in", f"p{who}", [(QUARTER, levels)])
    release = publish([tmp_path / "in"], tmp_path / "out" / "p.csv")
    assert pinned_small_counts(release, truth) == 0


def one_hot_items(differences: list[list[int]], levels: list[int], amount: int) -> int:
    """Items whose level-count differences are `amount` at the person's level and 0 elsewhere."""
    return sum(
        1
        for diff, level in zip(differences, levels, strict=True)
        if diff == [amount if position == level - 1 else 0 for position in range(5)]
    )


def level_counts(release: Release, item: str) -> list[int]:
    """One item's five published level counts in the quarter (blank counts as 0)."""
    return [int(release.cell(QUARTER, "item", item)[name] or 0) for name in LEVELS]


def target_levels() -> list[int]:
    """The target practitioner's levels: a different one on each item."""
    return [(item * 2) % 5 + 1 for item in range(19)]


def test_four_releases_do_not_isolate_one_person(tmp_path):
    """R2 - R3 + R4 - R1 over S, S+Y+x, S+Y+T, S+T gives x's level on at most 2 of 19 items."""
    spread_group(tmp_path / "s", "s", 15)
    spread_group(tmp_path / "y", "y", 5)
    spread_group(tmp_path / "t", "t", 5)
    write_person(tmp_path / "x", "x", [(QUARTER, target_levels())])
    out = tmp_path / "out"
    r1 = publish([tmp_path / "s"], out / "r1.csv")
    r2 = publish([tmp_path / "s", tmp_path / "y", tmp_path / "x"], out / "r2.csv")
    r3 = publish([tmp_path / "s", tmp_path / "y", tmp_path / "t"], out / "r3.csv")
    r4 = publish([tmp_path / "s", tmp_path / "t"], out / "r4.csv")
    combined = [
        [
            a - b + c - d
            for a, b, c, d in zip(
                level_counts(r2, item),
                level_counts(r3, item),
                level_counts(r4, item),
                level_counts(r1, item),
                strict=True,
            )
        ]
        for item in ITEMS
    ]
    assert one_hot_items(combined, target_levels(), 1) <= 2


def test_release_two_in_another_folder_does_not_show_the_late_joiner(tmp_path):
    """Release 2 written elsewhere (no state carried over): the one count that moved between
    the releases is the joiner's level on at most 2 of 19 items."""
    spread_group(tmp_path / "s", "s", 15)
    write_person(tmp_path / "x", "x", [(QUARTER, target_levels())])
    first = publish([tmp_path / "s"], tmp_path / "one" / "program.csv")
    second = publish([tmp_path / "s", tmp_path / "x"], tmp_path / "two" / "program.csv")
    moved = [
        [b - a for a, b in zip(level_counts(first, item), level_counts(second, item), strict=True)]
        for item in ITEMS
    ]
    assert one_hot_items(moved, target_levels(), 1) <= 2


def test_five_like_minded_newcomers_do_not_show(tmp_path):
    """Five newcomers who all chose level 1: the only count that moved, by 5, at level 1 shows
    on at most 2 of 19 items."""
    spread_group(tmp_path / "s", "s", 15)
    out = tmp_path / "out"
    first = publish([tmp_path / "s"], out / "one.csv")
    for who in range(5):
        write_person(tmp_path / "new", f"new{who}", [(QUARTER, [1] * 19)])
    second = publish([tmp_path / "s", tmp_path / "new"], out / "two.csv")
    moved = [
        [b - a for a, b in zip(level_counts(first, item), level_counts(second, item), strict=True)]
        for item in ITEMS
    ]
    assert one_hot_items(moved, [1] * 19, 5) <= 2


def test_a_growth_mean_never_shows_that_everyone_changed_the_most(tmp_path):
    """Six practitioners who all went from 1 to 5, among others who checked in once each: no
    growth mean of 4.00 is published."""
    spread_group(tmp_path / "in", "once", 15)
    for who in range(15):
        levels = [(who + item) % 5 + 1 for item in range(19)]
        write_person(tmp_path / "in", f"later{who}", [("2026-Q2", levels)])
    for who in range(6):
        write_person(tmp_path / "in", f"p{who}", [("2026-Q1", [1] * 19), ("2026-Q2", [5] * 19)])
    release = publish([tmp_path / "in"], tmp_path / "out" / "p.csv")
    means = [
        abs(float(r["mean"]))
        for r in release.rows
        if r["period"] == "first-to-latest" and r["mean"]
    ]
    assert all(mean < 4 for mean in means)


COLLEAGUES = {
    "a": (2, 3),
    "b": (2, 3),
    "c": (3, 3),
    "d": (3, 5),
    "e": (3, 5),
}
"""Five colleagues' levels in Q1 and Q2 on every item; the sixth, the outlier, goes 2 -> 5."""


def outlier_candidates(release: Release, period: str, item: str) -> list[int]:
    """The outlier's possible answers in one quarter, given the five colleagues' own answers.

    An answer is possible when every published count of the row can stand for the colleagues'
    count there plus the outlier's one answer (0 stands for not yet assessable).
    """
    row = release.cell(period, "item", item)
    if not row["checkins"]:
        return list(range(6))
    column = 0 if period == "2026-Q1" else 1
    own = [0] * 6
    for levels in COLLEAGUES.values():
        own[levels[column] - 1] += 1
    cells = answer_cells(row)[:6]
    return [
        answer
        for answer in range(6)
        if all(
            own[position] + (position == (answer - 1) % 6)
            in release.truths_behind(shown, own[position] + 3)
            for position, shown in enumerate(cells)
        )
    ]


def outlier_release(folder: Path) -> Release:
    """Five colleagues and the outlier in Q1 and Q2, published."""
    for name, (first, latest) in COLLEAGUES.items():
        write_person(folder / "in", name, [("2026-Q1", [first] * 19), ("2026-Q2", [latest] * 19)])
    write_person(folder / "in", "outlier", [("2026-Q1", [2] * 19), ("2026-Q2", [5] * 19)])
    return publish([folder / "in"], folder / "out" / "p.csv")


def test_five_colleagues_cannot_pin_the_outlier_change(tmp_path):
    """Five colleagues pool their own changes against the published growth mean: the sixth's
    change (2 -> 5, the largest) is pinned to one value on at most 2 of 19 items."""
    release = outlier_release(tmp_path)
    own_change = sum(latest - first for first, latest in COLLEAGUES.values())
    pinned = 0
    for item in ITEMS:
        row = release.cell("first-to-latest", "item", item)
        slack = release.growth_deviation + 0.03
        changes = [
            c
            for c in range(-4, 5)
            if not row["mean"] or abs(float(row["mean"]) * 6 - own_change - c) <= slack
        ]
        pinned += len(changes) == 1
    assert pinned <= 2


def test_all_other_contributors_together_are_a_stated_limit(tmp_path):
    """Every other contributor of a row pooling their answers can still pin the last one's
    answer on some items (docs/anonymous-format.md says so), but no longer on every item."""
    release = outlier_release(tmp_path)
    pinned = sum(
        any(len(outlier_candidates(release, q, item)) == 1 for q in ("2026-Q1", "2026-Q2"))
        for item in ITEMS
    )
    assert pinned < len(ITEMS)


def test_publishing_keeps_no_record_of_anyone(tmp_path):
    """`aggregate --out` writes the CSV and its data package, and no file about the people."""
    spread_group(tmp_path / "s", "s", 6)
    publish([tmp_path / "s"], tmp_path / "out" / "p.csv")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["datapackage.json", "p.csv"]
