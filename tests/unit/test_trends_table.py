"""The trends table fits the terminal it is printed in, however many check-ins there are."""

from __future__ import annotations

import pytest

from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.growth.analysis import growth
from selfcheck.growth.trends import trends_table


@pytest.mark.parametrize(("count", "width", "columns"), [(40, 80, 4), (40, 200, 12), (3, 80, 3)])
def test_table_fits_the_width(count, width, columns, make_checkin, rubric):
    checkins = [
        make_checkin({item.id: 1 + i % 5 for i, item in enumerate(rubric.items)}, day=day)
        for day in range(count)
    ]
    table = trends_table(growth(checkins, RubricVersions.of(rubric)), "Robin", width)
    lines = table.splitlines()
    assert max(len(line) for line in lines) <= width
    header = next(line for line in lines if line.startswith("value"))
    assert len(header.split()) == 1 + columns + 3
    overall = next(line for line in lines if line.startswith("Overall"))
    assert overall.split()[-1] == "0"
