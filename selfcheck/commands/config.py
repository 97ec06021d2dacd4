"""`selfcheck config`: show or change your name, supervisor, default rubric and preferences."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from selfcheck.commands.common import EXIT_OK, data_dir_option
from selfcheck.formats.errors import SelfcheckError
from selfcheck.formats.printable import printable
from selfcheck.formats.toml_reading import validation_problems
from selfcheck.store.config import INTERFACES, THEMES

if TYPE_CHECKING:
    from selfcheck.commands.context import CommandContext

SETTINGS = {
    "name": "your name, written into each check-in (empty: none)",
    "supervisor": "your supervisor's name, prefilled in each check-in",
    "rubric": "the rubric id or path used when none is given",
}
"""The text settings and what each is for."""


def register(subparsers: Any) -> None:
    """Add the `config` command."""
    parser = subparsers.add_parser(
        "config",
        parents=[data_dir_option()],
        help="show or change your name, supervisor, default rubric and preferences",
        description="With no options, shows the settings. Each option changes one.",
    )
    for key, meaning in SETTINGS.items():
        parser.add_argument(f"--{key}", metavar="TEXT", help=meaning)
    parser.add_argument(
        "--show-last-time",
        choices=("yes", "no"),
        help="show last check-in's rating beside each item (also: l in the app)",
    )
    parser.add_argument(
        "--interface",
        choices=INTERFACES,
        help="how `selfcheck` and `selfcheck start` run: the full-screen app or plain lines "
        "of text (for screen readers)",
    )
    parser.add_argument("--theme", choices=THEMES, help="the app's colours")
    parser.set_defaults(handler=config_command)


def config_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Change the settings given, then print them all."""
    from selfcheck.store.config import config_path, ensure_identity, save_config

    folder, vault = context.data_dir, context.vault
    config = context.config
    changes: dict[str, object] = {
        key: getattr(args, key).strip() for key in SETTINGS if getattr(args, key) is not None
    }
    if changes.get("rubric"):
        context.rubric(str(changes["rubric"]))
    if args.show_last_time is not None:
        changes["show_last_time"] = args.show_last_time == "yes"
    for key in ("interface", "theme"):
        if getattr(args, key) is not None:
            changes[key] = getattr(args, key)
    if changes:
        try:
            config.model_validate(config.model_dump() | changes)
        except ValidationError as exc:
            raise SelfcheckError(f"--{validation_problems(exc)[0]}") from None
        # Only a change writes the config, and then with the identity it keeps.
        config = ensure_identity(folder, vault).model_copy(update=changes)
        save_config(folder, config, vault)
    print(printable(f"Settings in {config_path(folder)}:", keep_newlines=False))
    for key in SETTINGS:
        print(f"  {key}: {printable(getattr(config, key), keep_newlines=False) or '(not set)'}")
    print(f"  show last time: {'yes' if config.show_last_time else 'no'}")
    print(f"  interface: {config.interface}")
    print(f"  theme: {config.theme}")
    key = config.practitioner_key or "(made at your first check-in)"
    print(f"  practitioner key: {key} (keeps your files apart from others')")
    return EXIT_OK
