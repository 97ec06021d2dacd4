"""Pure numbers from check-ins to growth: ratings, value means, changes (words: growth/words.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from selfcheck.formats.checkin import Checkin, complete_checkins
from selfcheck.formats.rubric import Rubric
from selfcheck.formats.rubric_versions import RubricVersions, version_key
from selfcheck.formats.wording import not_my_role_label


@dataclass(frozen=True)
class CheckinColumn:
    """One complete check-in as a column of the analysis."""

    checkin_id: str
    when: datetime
    rubric_version: str
    focus: bool = False


@dataclass(frozen=True)
class Series:
    """Numbers over check-ins, with the change since the first and previous at each one.

    `changes_since_first[k]` compares check-in k with the earliest one that has a number;
    `changes_since_previous[k]` compares it with check-in k-1. Both are None where a side
    is missing, and at the first number itself.
    """

    points: tuple[float | None, ...]
    changes_since_first: tuple[float | None, ...]
    changes_since_previous: tuple[float | None, ...]

    @property
    def latest(self) -> float | None:
        """The number at the latest check-in."""
        return self.points[-1] if self.points else None

    @property
    def first(self) -> float | None:
        """The earliest number present."""
        return next((point for point in self.points if point is not None), None)

    @property
    def latest_rated(self) -> tuple[int, float] | None:
        """The index and number of the latest check-in with a number (focus ones may have none)."""
        found = [(k, p) for k, p in enumerate(self.points) if p is not None]
        return found[-1] if found else None

    @property
    def rated_change(self) -> float | None:
        """The latest number present minus the earliest (None with fewer than two)."""
        rated = [point for point in self.points if point is not None]
        return rated[-1] - rated[0] if len(rated) > 1 else None

    @property
    def change_since_first(self) -> float | None:
        """Latest minus the earliest number present."""
        return self.changes_since_first[-1] if self.points else None

    @property
    def change_since_previous(self) -> float | None:
        """Latest minus the one before it."""
        return self.changes_since_previous[-1] if self.points else None


@dataclass(frozen=True)
class ItemGrowth:
    """One item's ratings over the check-ins (None: not rated, not yet, not my role or absent)."""

    item_id: str
    title: str
    value_id: str | None
    series: Series
    not_assessable: tuple[bool, ...]
    not_my_role: tuple[bool, ...]
    discuss_latest: bool
    versions: tuple[str, ...] = ()
    """The rubric versions rated against whose text has this item (by id or previous_ids)."""
    split_from: tuple[str, ...] = ()
    """Titles of the older items this one shares with another item: it is half of a split."""


@dataclass(frozen=True)
class ValueGrowth:
    """One value's mean per check-in over its rated items, with how many were rated."""

    value_id: str
    name: str
    series: Series
    rated: tuple[int, ...]
    items: tuple[int, ...] = ()
    """How many items the value has in each check-in's rubric version."""


@dataclass(frozen=True)
class Growth:
    """Everything the trends, charts, packet and growth screen show for one rubric."""

    rubric_id: str
    rubric_title: str
    rubric_version: str
    checkins: tuple[CheckinColumn, ...]
    values: tuple[ValueGrowth, ...]
    items: tuple[ItemGrowth, ...]
    overall: Series
    overall_rated: tuple[int, ...]
    scale_labels: tuple[str, ...]
    not_assessable_label: str
    not_my_role_label: str
    compared_versions: tuple[str, ...] = ()
    """The versions rated against whose text is here, oldest first."""

    @property
    def versions(self) -> list[str]:
        """The rubric versions rated against, in the order first used."""
        return list(dict.fromkeys(checkin.rubric_version for checkin in self.checkins))

    @property
    def version_changes(self) -> list[int]:
        """Indexes of the check-ins rated against another version than the one before."""
        versions = [checkin.rubric_version for checkin in self.checkins]
        return [k for k in range(1, len(versions)) if versions[k] != versions[k - 1]]


@dataclass(frozen=True)
class Change:
    """An item or value that moved, for summaries."""

    label: str
    first: float
    latest: float
    change: float


def make_series(points: Sequence[float | None]) -> Series:
    """A series with its changes since the first number and since the previous check-in."""
    first_index = next((i for i, p in enumerate(points) if p is not None), None)
    since_first: list[float | None] = []
    since_previous: list[float | None] = []
    for index, point in enumerate(points):
        first = points[first_index] if first_index is not None else None
        if point is None or first is None or first_index is None or index <= first_index:
            since_first.append(None)
        else:
            since_first.append(point - first)
        previous = points[index - 1] if index else None
        since_previous.append(None if point is None or previous is None else point - previous)
    return Series(tuple(points), tuple(since_first), tuple(since_previous))


def _mean(ratings: list[int]) -> float | None:
    return sum(ratings) / len(ratings) if ratings else None


def overall_mean(checkin: Checkin) -> float | None:
    """The mean level of every rated item of a check-in (None when nothing is rated)."""
    return _mean([a.rating for a in checkin.items.values() if a.rating is not None])


def growth(
    checkins: Iterable[Checkin], versions: RubricVersions, *, focus_means: bool = True
) -> Growth:
    """Growth over the complete check-ins of a rubric, across its versions available here.

    Labels come from the newest version the check-ins used; items link across versions by id
    or `previous_ids`, values by value id; an item of one version only is kept, with the
    versions that have it. A focus check-in counts as asking only its items; with
    `focus_means` False its value and overall means are left out (None, 0 rated), as a mean
    of a few chosen items is not the value's.
    """
    chosen = complete_checkins(checkins, versions.id)
    by_version = {text.version: text for text in versions.versions}
    used = [by_version.get(s.rubric.version) for s in chosen]
    base = next((text for text in reversed(used) if text is not None), versions.rubric)
    own = [text or base for text in used]
    rows = _item_rows(base, [text for text in by_version.values() if text is not base], chosen)
    latest = chosen[-1] if chosen else None
    compared = sorted({s.rubric.version for s in chosen} & set(by_version), key=version_key)
    items = []
    split = _split_titles(base, [by_version[v] for v in compared])
    for title, value_id, ids, having in rows:
        answers = [_linked_answer(s, ids) for s in chosen]
        items.append(
            ItemGrowth(
                item_id=ids[0],
                title=title,
                value_id=value_id,
                series=make_series([answer.level for answer in answers]),
                not_assessable=tuple(answer.not_yet for answer in answers),
                not_my_role=tuple(answer.not_my_role for answer in answers),
                discuss_latest=bool(latest and any(latest.answer(i).discuss for i in ids)),
                versions=tuple(v for v in compared if v in having),
                split_from=tuple(split[i] for i in ids[1:] if i in split),
            )
        )
    values = []
    for value_id, name in _value_names(base, by_version.values()):
        per_checkin = [
            _value_ratings(s, text, value_id) if focus_means or not s.is_focus else []
            for s, text in zip(chosen, own, strict=True)
        ]
        sizes = [sum(v.id == value_id for v, _ in text.iter_items()) for text in own]
        values.append(
            ValueGrowth(
                value_id=value_id,
                name=name,
                series=make_series([_mean(r) for r in per_checkin]),
                rated=tuple(len(r) for r in per_checkin),
                items=tuple(sizes),
            )
        )
    overall = [
        [
            a.rating
            for a in s.items.values()
            if a.rating is not None and (focus_means or not s.is_focus)
        ]
        for s in chosen
    ]
    return Growth(
        rubric_id=versions.id,
        rubric_title=base.title,
        rubric_version=base.version,
        checkins=tuple(
            CheckinColumn(s.id, s.when, s.rubric.version, focus=s.is_focus) for s in chosen
        ),
        values=tuple(values),
        items=tuple(items),
        overall=make_series([_mean(r) for r in overall]),
        overall_rated=tuple(len(r) for r in overall),
        scale_labels=tuple(step.label for step in base.scale),
        not_assessable_label=base.not_assessable.label,
        not_my_role_label=not_my_role_label(base),
        compared_versions=tuple(compared),
    )


ItemRow = tuple[str, str | None, tuple[str, ...], set[str]]
"""An item row: title, value id, the ids it links (its own first), the versions having it."""


def _item_rows(base: Rubric, others: Sequence[Rubric], chosen: Sequence[Checkin]) -> list[ItemRow]:
    """The base version's items, then items of other versions and answers linked to neither."""
    rows: list[ItemRow] = []
    for value, item in base.iter_items():
        versions = {base.version}
        versions |= {t.version for t in others if any(t.item(i) for i in item.linked_ids)}
        rows.append((item.title, value.id, item.linked_ids, versions))
    seen = {i for _, _, ids, _ in rows for i in ids}
    for text in sorted(others, key=lambda t: t.version, reverse=True):
        for value, item in text.iter_items():
            if item.id not in seen:
                versions = {t.version for t in others if t.item(item.id)}
                rows.append((item.title, value.id, (item.id,), versions))
                seen.add(item.id)
    answered = {i for s in chosen for i, a in s.items.items() if a.answered}
    rows += [(i, None, (i,), set()) for i in sorted(answered - seen)]
    return rows


@dataclass(frozen=True)
class LinkedAnswer:
    """An item's answer at one check-in, through the ids it links."""

    level: float | None = None
    not_yet: bool = False
    not_my_role: bool = False


def _split_titles(base: Rubric, versions: Sequence[Rubric]) -> dict[str, str]:
    """Older item ids that two or more items of `base` name, with their newest title in `versions`.

    Only items some of `versions` (those rated against) still have: a split shows once it matters.
    """
    named = Counter(old for _, item in base.iter_items() for old in item.previous_ids)
    titles: dict[str, str] = {}
    for text in sorted(versions, key=lambda t: version_key(t.version), reverse=True):
        for item in text.items:
            if named[item.id] > 1:
                titles.setdefault(item.id, item.title)
    return titles


def _linked_answer(checkin: Checkin, ids: Sequence[str]) -> LinkedAnswer:
    """An item's level at a check-in: its own answer, else the mean of the items it replaces.

    With no level, the answer that is not a level when every linked answer gave it.
    """
    for group in (ids[:1], ids[1:]):
        answers = [checkin.answer(i) for i in group if checkin.answer(i).answered]
        if answers:
            return LinkedAnswer(
                _mean([a.rating for a in answers if a.rating is not None]),
                all(a.not_assessable for a in answers),
                all(a.not_my_role for a in answers),
            )
    return LinkedAnswer()


def _value_names(base: Rubric, versions: Iterable[Rubric]) -> list[tuple[str, str]]:
    """Every value id of the base version, then values only older versions have."""
    names = {value.id: value.name for value in base.values}
    for text in versions:
        for value in text.values:
            names.setdefault(value.id, value.name)
    return list(names.items())


def _value_ratings(checkin: Checkin, text: Rubric, value_id: str) -> list[int]:
    """The ratings a check-in gave to the items of one value, in its own rubric version."""
    return [
        rating
        for value, item in text.iter_items()
        if value.id == value_id and (rating := checkin.answer(item.id).rating) is not None
    ]


def _changes(labelled: Iterable[tuple[str, Series]]) -> list[Change]:
    changes = [
        Change(label, first, latest, change)
        for label, series in labelled
        if (change := series.change_since_first) is not None
        and (first := series.first) is not None
        and (latest := series.latest) is not None
    ]
    return sorted(changes, key=lambda c: (-abs(c.change), c.label))


def item_changes(result: Growth) -> list[Change]:
    """Every item with a change since the first check-in, largest movement first."""
    return _changes((item.title, item.series) for item in result.items)


def value_changes(result: Growth) -> list[Change]:
    """Every value with a change since the first check-in, largest movement first."""
    return _changes((value.name, value.series) for value in result.values)


def largest_growth(result: Growth, limit: int = 3) -> list[Change]:
    """The items that grew most since the first check-in."""
    grown = [c for c in item_changes(result) if c.change > 0]
    return sorted(grown, key=lambda c: (-c.change, c.label))[:limit]


def largest_drops(result: Growth, limit: int = 3) -> list[Change]:
    """The items that dropped most since the first check-in."""
    dropped = [c for c in item_changes(result) if c.change < 0]
    return sorted(dropped, key=lambda c: (c.change, c.label))[:limit]


def largest_drops_since_previous(result: Growth, limit: int = 3) -> list[Change]:
    """The items that dropped most since the check-in before the latest."""
    dropped = [
        Change(item.title, before, latest, change)
        for item in result.items
        if (change := item.series.change_since_previous) is not None
        and change < 0
        and (before := item.series.points[-2]) is not None
        and (latest := item.series.latest) is not None
    ]
    return sorted(dropped, key=lambda c: (c.change, c.label))[:limit]


def discussion_items(result: Growth) -> list[ItemGrowth]:
    """The items marked for discussion at the latest check-in."""
    return [item for item in result.items if item.discuss_latest]


def latest_means(result: Growth) -> tuple[list[float | None], list[int]]:
    """Each value's latest mean, and the values (by index) whose mean is from an earlier check-in.

    After a focus check-in of a few items, a value it left out takes its mean from the latest
    check-in that rated it, so views keep their shape; after a full one, the latest stands.
    """
    latest = len(result.checkins) - 1
    points = [value.series.latest for value in result.values]
    if latest < 0 or not result.checkins[latest].focus:
        return points, []
    earlier = []
    for index, value in enumerate(result.values):
        found = value.series.latest_rated
        if points[index] is None and found is not None:
            points[index] = found[1]
            earlier.append(index)
    return points, earlier
