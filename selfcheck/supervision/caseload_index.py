"""The caseload's index: one summary line per share, so the caseload opens without parsing them."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Annotated, Literal

import tomli_w
from pydantic import AwareDatetime, Field, StrictFloat, StrictInt, StrictStr

from selfcheck.formats.errors import InputError
from selfcheck.formats.fields import KEY_PATTERN, Identifier, Name, _Strict
from selfcheck.formats.share import NotesPolicy, Share
from selfcheck.formats.toml_reading import MAX_CHECKIN_BYTES
from selfcheck.growth.analysis import overall_mean
from selfcheck.store.vault import Vault, held, stored

INDEX_FILE = ".caseload-index.toml"
"""The index's name inside a caseload folder (hidden, so it is never read as a share)."""
INDEX_FORMAT = "selfcheck-caseload-index"
"""The `format` of the index; it is selfcheck's own cache, rebuilt when it cannot be used."""


class IndexEntry(_Strict):
    """What the caseload shows of one share, and the file size and time it was taken from."""

    file: StrictStr
    size: StrictInt
    mtime_ns: StrictInt
    key: Annotated[StrictStr, Field(pattern=KEY_PATTERN, min_length=16)]
    name: Name
    notes: NotesPolicy
    latest_id: Identifier
    latest_when: AwareDatetime
    count: StrictInt
    discuss: StrictInt
    overall: list[StrictFloat] = Field(default_factory=list)
    """Each check-in's overall mean, oldest first; NaN where nothing was rated."""

    def fresh(self, stat: os.stat_result) -> bool:
        """True when the share file is still the one this entry summarizes."""
        return (self.size, self.mtime_ns) == (stat.st_size, stat.st_mtime_ns)

    @property
    def overall_means(self) -> list[float | None]:
        """The overall means with None where nothing was rated."""
        return [None if math.isnan(point) else point for point in self.overall]


class CaseloadIndex(_Strict):
    """The index file: an entry per share of the folder."""

    format: Literal["selfcheck-caseload-index"] = "selfcheck-caseload-index"
    format_version: Literal[1] = 1
    entries: list[IndexEntry] = Field(default_factory=list)


def summarize(path: Path, share: Share) -> IndexEntry:
    """The index entry of a share file just read or written."""
    stat = path.stat()
    checkins = share.as_checkins()
    latest = checkins[-1]
    means = [overall_mean(s) for s in checkins]
    return IndexEntry(
        file=path.name,
        size=stat.st_size,
        mtime_ns=stat.st_mtime_ns,
        key=share.practitioner.key,
        name=share.practitioner.name,
        notes=share.notes,
        latest_id=latest.id,
        latest_when=latest.when,
        count=len(checkins),
        discuss=sum(answer.discuss for answer in latest.items.values()),
        overall=[math.nan if mean is None else mean for mean in means],
    )


def read_index(folder: Path, vault: Vault | None = None) -> dict[str, IndexEntry]:
    """The index's entries by file name; none when it is missing or cannot be used."""
    path = stored(folder / INDEX_FILE)
    if path is None:
        return {}
    try:
        index = held(vault).load_model(path, CaseloadIndex, INDEX_FORMAT, MAX_CHECKIN_BYTES)
    except InputError:
        return {}
    return {entry.file: entry for entry in index.entries}


def write_index(folder: Path, entries: list[IndexEntry], vault: Vault | None = None) -> None:
    """Write the index atomically, private to the owner."""
    index = CaseloadIndex(entries=sorted(entries, key=lambda e: e.file))
    data = tomli_w.dumps(index.model_dump()).encode("utf-8")
    held(vault).write_file(folder / INDEX_FILE, data)
