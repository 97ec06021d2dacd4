"""`selfcheck demo`: a made-up year of check-ins in a folder of its own, to try things on."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcheck.commands.common import EXIT_OK, data_dir_option, tell
from selfcheck.formats.errors import SelfcheckError
from selfcheck.store.checkin_files import checkins_dir, save_checkin
from selfcheck.store.rubrics import rubric_versions
from selfcheck.store.vault import data_files, stored

if TYPE_CHECKING:
    from selfcheck.commands.context import CommandContext


def register(subparsers: Any) -> None:
    """Add the `demo` command."""
    demo = subparsers.add_parser(
        "demo", parents=[data_dir_option()], help="write a made-up year of check-ins to try out"
    )
    demo.add_argument(
        "--exports",
        type=Path,
        default=None,
        metavar="DIR",
        help="instead, write a made-up program's anonymous exports into an empty folder, to try "
        "`aggregate` and its audit on",
    )
    demo.set_defaults(handler=demo_command)


def demo_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Write a year of made-up check-ins into an empty data directory."""
    from selfcheck.checkin.demo import demo_checkins, demo_config
    from selfcheck.store.config import config_path, ensure_identity, save_config
    from selfcheck.store.rubrics import DEFAULT_RUBRIC_ID

    if args.exports is not None:
        from selfcheck.commands.program import write_demo_exports

        return write_demo_exports(args.exports)
    if context.data_dir_option is None:
        raise SelfcheckError(
            "give --data-dir DIR for the demo check-ins, so they never mix with your own"
        )
    target, vault = context.data_dir, context.vault
    folder = checkins_dir(target)
    if folder.is_dir() and data_files(folder):
        raise SelfcheckError(f"{target} already holds check-ins; give an empty --data-dir")
    checkins = demo_checkins(rubric_versions(DEFAULT_RUBRIC_ID, None))
    for checkin in checkins:
        save_checkin(target, checkin, vault)
    if stored(config_path(target)) is None:
        save_config(target, demo_config(), vault)
    ensure_identity(target, vault)
    versions = list(dict.fromkeys(s.rubric.version for s in checkins))
    focus = sum(s.is_focus for s in checkins)
    tell(
        f"wrote {len(checkins)} demo check-ins to {target} (rubric version "
        f"{' then '.join(versions)}; {focus} focus check-ins)",
        to_stdout=True,
    )
    print(f"try: selfcheck report --data-dir {target} --out packet.pdf")
    return EXIT_OK
