"""The benchmark cases: each measures selfcheck against an anchor measured in the same run."""

from __future__ import annotations

import hashlib
import json
import os
import random
import statistics
import tempfile
import time
import tomllib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from measure import PYTHON, Terminal, repeat, run_timed

from selfcheck.checkin.lifecycle import new_checkin_id, rubric_ref
from selfcheck.formats.checkin import Checkin, ItemAnswer, Practitioner
from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.growth.analysis import growth
from selfcheck.program.export import AnonymousCheckin, AnonymousExport, export_bytes
from selfcheck.store.checkin_files import save_checkin
from selfcheck.store.rubrics import find_rubric

RUBRIC = find_rubric(None, None)
FIRST_ITEM = RUBRIC.items[0].id
KEY = "0123456789abcdef"


@dataclass
class Row:
    """One line of the table: a figure, its anchor, and the target it is held to."""

    name: str
    figure: str
    anchor: str
    ratio: float | None
    target: str
    met: bool
    peak_mib: float = 0.0


def environment(data_dir: Path) -> dict[str, str]:
    """The environment for a child selfcheck: its own data dir, no colour differences."""
    return os.environ | {"SELFCHECK_DATA_DIR": str(data_dir), "HOME": str(data_dir.parent)}


BLANK_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Blank(App):
    def compose(self):
        yield Header()
        yield Static("blank app ready")
        yield Footer()

Blank().run()
"""


def _time_to_screen(argv: list[str], marker: str, env: dict[str, str]) -> tuple[float, float]:
    terminal = Terminal(argv, env=env)
    try:
        return terminal.wait_for(marker), 0.0
    finally:
        terminal.kill()


def _wall_and_cpu_to_screen(
    argv: list[str], marker: str, env: dict[str, str]
) -> tuple[float, float]:
    terminal = Terminal(argv, env=env)
    try:
        return terminal.wait_for(marker), terminal.cpu_seconds()
    finally:
        terminal.kill()


def startup(*, quick: bool, runs: int) -> list[Row]:
    """From launching `selfcheck start` to the first item on screen, against a blank app:
    wall time, and CPU time (which other work on a shared machine disturbs far less).

    The two are launched in turns, so a change in the machine's load touches both alike.
    """
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        blank = root / "blank.py"
        blank.write_text(BLANK_APP)
        env = environment(root / "data")
        start = [PYTHON, "-m", "selfcheck", "start"]
        first_item = f"item 1 of {len(RUBRIC.items)}"
        rounds = [
            (
                _wall_and_cpu_to_screen(start, first_item, env),
                _wall_and_cpu_to_screen([PYTHON, str(blank)], "blank app ready", env),
            )
            for _ in range(2 * runs + 1)
        ][1:]  # the first round warms up
    rows = []
    for kind, index in (("", 0), (", CPU time", 1)):
        ours = statistics.median(mine[index] for mine, _ in rounds)
        anchor = statistics.median(blank[index] for _, blank in rounds)
        ratio = ours / anchor
        rows.append(
            Row(
                f"start-up to first item{kind}",
                f"{ours * 1000:.0f} ms",
                f"blank Textual app {anchor * 1000:.0f} ms",
                ratio,
                "<= 1.3x",
                ratio <= 1.3,
            )
        )
    return rows


def _rating_on_disk(checkins: Path) -> int | None:
    for path in checkins.glob("*.toml"):
        try:
            data = tomllib.loads(path.read_text())
        except (OSError, tomllib.TOMLDecodeError):
            return None
        return data.get("items", {}).get(FIRST_ITEM, {}).get("rating")
    return None


def autosave(*, quick: bool, runs: int) -> Row:
    """From a rating key to the durable file on disk (the writer fsyncs before renaming)."""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        terminal = Terminal([PYTHON, "-m", "selfcheck", "start"], env=environment(data))
        delays = []
        try:
            terminal.wait_for(f"item 1 of {len(RUBRIC.items)}")
            for press in range(10 if quick else 40):
                level = press % 5 + 1
                sent = time.perf_counter()
                terminal.send(str(level))
                while _rating_on_disk(data / "sessions") != level:
                    terminal.drain()
                    if time.perf_counter() - sent > 5:
                        raise TimeoutError("the rating never reached the disk")
                    time.sleep(0.0005)
                delays.append(time.perf_counter() - sent)
                time.sleep(0.05)
        finally:
            terminal.kill()
    median_ms = statistics.median(delays) * 1000
    return Row(
        "autosave: key to durable file",
        f"median {median_ms:.1f} ms (max {max(delays) * 1000:.0f})",
        "absolute target",
        None,
        "median <= 15 ms",
        median_ms <= 15,
    )


def write_checkins(data_dir: Path, count: int, seed: int = 1) -> list[Checkin]:
    """`count` complete check-ins, a week apart, with ratings drifting upwards."""
    rng = random.Random(seed)
    start = datetime(2024, 1, 8, 9, tzinfo=timezone(timedelta(hours=-5)))
    checkins = []
    for index in range(count):
        when = start + timedelta(days=7 * index)
        items = {}
        for item in RUBRIC.items:
            if rng.random() < 0.05:
                items[item.id] = ItemAnswer(not_assessable=True)
            else:
                level = min(5, max(1, round(1.5 + 3 * index / count + rng.uniform(-1, 1))))
                items[item.id] = ItemAnswer(rating=level, discuss=rng.random() < 0.1, note="n")
        checkin = Checkin(
            id=new_checkin_id(when),
            status="complete",
            started=when,
            finished=when + timedelta(minutes=11),
            rubric=rubric_ref(RUBRIC),
            practitioner=Practitioner(name="Bench Mark", key=KEY),
            items=items,
        )
        save_checkin(data_dir, checkin)
        checkins.append(checkin)
    return checkins


BARE_PLOT = """
import json, sys
from datetime import datetime
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
series = json.load(open(sys.argv[1]))
fig, ax = plt.subplots(figsize=(9, 6.5), layout="constrained")  # as selfcheck draws it
for name, points in series.items():
    days = [datetime.fromisoformat(day) for day, _ in points]
    ax.plot(days, [mean for _, mean in points], marker="o", label=name)
ax.set_ylim(0.8, 5.2)
ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1))
fig.savefig(sys.argv[2], dpi=150)
"""


def plot_and_report(*, quick: bool, runs: int, count: int = 100) -> list[Row]:
    """`selfcheck plot` against a bare matplotlib script; `selfcheck report` against the plot."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        data = root / "data"
        checkins = write_checkins(data, count)
        result = growth(checkins, RubricVersions.of(RUBRIC))
        dates = [checkin.when.isoformat() for checkin in result.checkins]
        series = {
            value.name: [
                [day, mean] for day, mean in zip(dates, value.series.points, strict=True) if mean
            ]
            for value in result.values
        }
        (root / "series.json").write_text(json.dumps(series))
        (root / "bare.py").write_text(BARE_PLOT)
        env = environment(data)
        selfcheck = [PYTHON, "-m", "selfcheck"]
        ours = repeat(
            lambda: run_timed([*selfcheck, "plot", "--out", str(root / "ours.png")], env=env), runs
        )
        bare = repeat(
            lambda: run_timed(
                [PYTHON, str(root / "bare.py"), str(root / "series.json"), str(root / "bare.png")],
                env=env,
            ),
            runs,
        )
        report = repeat(
            lambda: run_timed([*selfcheck, "report", "--out", str(root / "packet.pdf")], env=env),
            runs,
        )
    plot_ratio = ours.median / bare.median
    report_ratio = report.median / ours.median
    return [
        Row(
            f"plot, {count} check-ins (PNG)",
            f"{ours.median:.2f} s",
            f"bare matplotlib script {bare.median:.2f} s",
            plot_ratio,
            "<= 1.5x",
            plot_ratio <= 1.5,
            ours.peak_mib,
        ),
        Row(
            f"report, {count} check-ins (PDF)",
            f"{report.median:.2f} s",
            f"selfcheck plot {ours.median:.2f} s",
            report_ratio,
            "<= 3x",
            report_ratio <= 3,
            report.peak_mib,
        ),
    ]


PARSE_LOOP = """
import sys
from pathlib import Path
parser = sys.argv[1]
if parser == "tomllib":
    import tomllib
    loads = tomllib.loads
else:
    loads = __import__(parser).loads
for path in sorted(Path(sys.argv[2]).iterdir()):
    loads(path.read_text())
"""


def fastest_parsers() -> list[str]:
    """The TOML parsers importable here besides tomllib (install the `bench` extra for more)."""
    found = []
    for name in ("rtoml", "toml_rs"):
        try:
            __import__(name)
        except ImportError:
            continue
        found.append(name)
    return found


def write_exports(folder: Path, count: int, seed: int = 3) -> None:
    """`count` anonymous exports of one to four check-ins each, by distinct pseudonyms."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    quarters = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    for index in range(count):
        checkins = [
            AnonymousCheckin(
                period=period,
                levels=[rng.choice((0, 1, 2, 3, 3, 4, 4, 5)) for _ in RUBRIC.items],
                discuss=[int(rng.random() < 0.1) for _ in RUBRIC.items],
            )
            for period in quarters[: rng.randint(1, 4)]
        ]
        pseudonym = hashlib.sha256(f"{seed}-{index}".encode()).hexdigest()
        export = AnonymousExport(
            format="selfcheck-anonymous",
            format_version=3,
            generation=1,
            pseudonym=pseudonym,
            record_key=pseudonym[:16],
            rubric_id=RUBRIC.id,
            rubric_version=RUBRIC.version,
            items=[item.id for item in RUBRIC.items],
            values=[value.id for value, _ in RUBRIC.iter_items()],
            checkin=checkins,
        )
        (folder / f"export-{index:05d}.toml").write_bytes(export_bytes(export))


def aggregate(*, quick: bool, runs: int) -> list[Row]:
    """`selfcheck aggregate` of many exports against parse-only loops; memory at 5x the files."""
    small, large = (2_000, 10_000) if quick else (10_000, 50_000)
    runs = min(runs, 3)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_exports(root / "small", small)
        env = environment(root / "data")

        def ours(name: str) -> tuple[float, float]:
            return run_timed(
                [
                    PYTHON,
                    "-m",
                    "selfcheck",
                    "aggregate",
                    str(root / name),
                    "--out",
                    str(root / f"{name}.csv"),
                ],
                env=env,
            )

        mine = repeat(lambda: ours("small"), runs)
        loops = {
            parser: repeat(
                lambda parser=parser: run_timed(
                    [PYTHON, "-c", PARSE_LOOP, parser, str(root / "small")], env=env
                ),
                runs,
            )
            for parser in ["tomllib", *fastest_parsers()]
        }
        fastest = min(loops, key=lambda parser: loops[parser].median)
        ratio = mine.median / loops[fastest].median
        rows.append(
            Row(
                f"aggregate {small:,} exports",
                f"{mine.median:.2f} s",
                f"{fastest} parse-only loop {loops[fastest].median:.2f} s",
                ratio,
                "<= 2x fastest parser",
                ratio <= 2 and fastest != "tomllib",
                mine.peak_mib,
            )
        )
        speedup = loops["tomllib"].median / mine.median
        rows.append(
            Row(
                f"aggregate {small:,} exports",
                f"{mine.median:.2f} s",
                f"tomllib parse-only loop {loops['tomllib'].median:.2f} s",
                1 / speedup,
                ">= 3x faster (<= 0.33x)",
                speedup >= 3,
            )
        )
        write_exports(root / "large", large, seed=4)
        big = repeat(lambda: ours("large"), 1)
        growth = big.peak_mib / mine.peak_mib
        rows.append(
            Row(
                f"aggregate peak memory, {large:,} vs {small:,}",
                f"{big.peak_mib:.0f} MiB vs {mine.peak_mib:.0f} MiB",
                "same command, fewer files",
                growth,
                "within 20% (<= 1.2x)",
                growth <= 1.2,
                big.peak_mib,
            )
        )
    return rows


def demo_program(*, quick: bool, runs: int) -> list[Row]:
    """`selfcheck aggregate` of the 40-person demo program, process start to finish."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        env = environment(root / "data")
        run_timed([PYTHON, "-m", "selfcheck", "demo", "--exports", str(root / "ex")], env=env)
        command = [PYTHON, "-m", "selfcheck", "aggregate", str(root / "ex")]
        ours = repeat(lambda: run_timed([*command, "--out", str(root / "p.csv")], env=env), runs)
    return [
        Row(
            "aggregate the 40-person demo program",
            f"{ours.median:.2f} s",
            "one second, start to finish",
            ours.median,
            "< 1 s",
            ours.median < 1,
            ours.peak_mib,
        )
    ]


ALL = [startup, autosave, plot_and_report, aggregate, demo_program]
