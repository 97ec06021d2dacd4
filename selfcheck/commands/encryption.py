"""`selfcheck encrypt`, `decrypt`, `passphrase` and `keys`: encryption at rest, with age."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcheck.commands.common import EXIT_OK, data_dir_option, exit_status, report_problems
from selfcheck.formats.errors import SelfcheckError
from selfcheck.store.lock import data_dir_locked
from selfcheck.store.vault import Vault, is_encrypted

if TYPE_CHECKING:
    from selfcheck.commands.context import CommandContext


def register(subparsers: Any) -> None:
    """Add the `encrypt`, `decrypt`, `passphrase` and `keys` commands."""
    parents = [data_dir_option()]
    encrypt = subparsers.add_parser(
        "encrypt",
        parents=parents,
        help="turn encryption on for your data folder (with a passphrase)",
        description="Encrypt every check-in and setting with age, behind a passphrase asked "
        "once per run. Shows a recovery identity once: write it down, since a lost passphrase "
        "without it means lost data. Running it again finishes an interrupted encryption.",
    )
    encrypt.add_argument(
        "--recovery-out",
        type=Path,
        metavar="FILE",
        help="write the recovery identity to FILE (readable by you only), not the screen",
    )
    encrypt.set_defaults(handler=encrypt_command)
    decrypt = subparsers.add_parser(
        "decrypt",
        parents=parents,
        help="turn encryption off: every file plain again",
        description="Rewrite every encrypted file in plain form, then forget the passphrase. "
        "Running it again finishes an interrupted decryption.",
    )
    decrypt.set_defaults(handler=decrypt_command)
    change = subparsers.add_parser(
        "passphrase",
        parents=parents,
        help="change the passphrase of an encrypted data folder",
        description="Asks the current passphrase (or opens with --recovery FILE), then the new "
        "one twice. Only identity.age is rewritten.",
    )
    change.add_argument(
        "--recovery",
        type=Path,
        metavar="FILE",
        help="the recovery identity written down at `selfcheck encrypt`, for a lost passphrase",
    )
    change.add_argument(
        "--new-passphrase-file",
        type=Path,
        metavar="FILE",
        help="read the new passphrase from the first line of FILE, not the terminal",
    )
    change.set_defaults(handler=passphrase_command)
    keys = subparsers.add_parser(
        "keys",
        parents=parents,
        help="print your public recipient (age1...) and your signing key's fingerprint",
        description="Prints your public recipient (age1..., when the folder is encrypted) for "
        "others to seal files to you, then the public key that signs your responses and its "
        "short fingerprint, which a practitioner compares before trusting your responses.",
    )
    keys.set_defaults(handler=keys_command)


def encrypt_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Turn encryption on (or finish turning it on) and seal every data file.

    The whole run holds the data folder's lock, so no other conversion, check-in or write
    comes between reading the folder and sealing it.
    """
    from selfcheck.store.conversion import refuse_if_open, seal_folder

    folder = context.chosen_dir
    with data_dir_locked(folder):
        refuse_if_open(folder)
        if is_encrypted(folder):
            context.unlock(folder)
            print(f"{folder} is encrypted; sealing the files still plain.", file=sys.stderr)
        else:
            _make_identity(folder, args.recovery_out, context)
        result = seal_folder(folder, context.vault)
    report_problems(result.problems)
    print(f"Encrypted {result.converted} file(s) in {folder}; your passphrase opens them.")
    return exit_status(result.problems)


def _make_identity(folder: Path, recovery_out: Path | None, context: CommandContext) -> None:
    """Make `identity.age`, then deliver the recovery identity; undone if it cannot be delivered."""
    from selfcheck.formats.sealed import identity_text, new_identity
    from selfcheck.store.conversion import create_identity, withdraw_identity
    from selfcheck.store.files import write_text_atomic

    if recovery_out is not None and recovery_out.resolve().is_relative_to(folder.resolve()):
        raise SelfcheckError(
            f"{recovery_out}: keep the recovery identity outside the data folder it opens"
        )
    context.guarded_out(recovery_out)
    passphrase = context.ask_passphrase("New passphrase", twice=True)
    identity = new_identity()
    create_identity(folder, identity, passphrase, context.vault)
    try:
        if recovery_out is not None:
            write_text_atomic(recovery_out, identity_text(identity))
            print(f"wrote the recovery identity to {recovery_out} (readable by you only)")
        else:
            print(
                "Your recovery identity, shown only this once. Write it on paper and keep it "
                "apart from this computer:\n\n"
                f"    {identity}\n\n"
                "With it, `selfcheck passphrase --recovery FILE` sets a new passphrase and "
                "`age -d -i FILE` opens any of your files. Without it, a lost passphrase "
                "means lost data.\n"
            )
        sys.stdout.flush()
    except (SelfcheckError, OSError) as exc:
        withdraw_identity(folder, context.vault)
        reason = exc if isinstance(exc, SelfcheckError) else "the output was closed"
        raise SelfcheckError(
            f"{folder}: the recovery identity could not be delivered ({reason}); "
            "nothing was encrypted"
        ) from None


def decrypt_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Turn encryption off: every data file plain, then `identity.age` removed."""
    from selfcheck.store.conversion import open_folder, refuse_if_open

    folder = context.chosen_dir
    with data_dir_locked(folder):
        if not is_encrypted(folder):
            print(f"{folder} is not encrypted; nothing to do.")
            return EXIT_OK
        refuse_if_open(folder)
        context.unlock(folder)
        result = open_folder(folder, context.vault)
    report_problems(result.problems)
    if result.problems:
        print(f"Decrypted {result.converted} file(s); encryption stays on until all are.")
    else:
        print(f"Decrypted {result.converted} file(s) in {folder}; encryption is off.")
    return exit_status(result.problems)


def passphrase_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Change the passphrase: only `identity.age` is rewritten, under the folder's lock."""
    from selfcheck.store.conversion import change_passphrase

    folder = context.chosen_dir
    with data_dir_locked(folder):
        _require_encrypted(folder)
        if args.recovery is not None:
            _unlock_with_recovery(folder, args.recovery, context.vault)
        else:
            context.unlock(folder)
        key = context.vault.folder_key(folder)
        assert key is not None  # the folder is encrypted and was just unlocked
        new = context.ask_passphrase("New passphrase", twice=True, file=args.new_passphrase_file)
        change_passphrase(folder, key.identity, new, context.vault)
    print(f"Changed the passphrase of {folder}.")
    return EXIT_OK


def keys_command(args: argparse.Namespace, context: CommandContext) -> int:
    """Print the public recipient others seal files to (first, alone on its line, for
    scripts), then the signing key and its fingerprint."""
    from selfcheck.store.signing_key import folder_signing_key

    folder = context.chosen_dir
    if is_encrypted(folder):
        context.unlock(folder)
        key = context.vault.folder_key(folder)
        assert key is not None  # the folder is encrypted and was just unlocked
        print(key.recipient)
    else:
        print(
            f"{folder} is not encrypted, so it has no recipient (age1...) for sealed files yet; "
            "`selfcheck encrypt` makes one",
            file=sys.stderr,
        )
    signing = folder_signing_key(folder, context.vault)
    print(f"signing key: ed25519 {signing.public_key}")
    print(f"fingerprint: {signing.fingerprint}")
    return EXIT_OK


def _require_encrypted(folder: Path) -> None:
    if not is_encrypted(folder):
        raise SelfcheckError(
            f"{folder} is not encrypted, so it has no key yet; `selfcheck encrypt` makes one"
        )


def _unlock_with_recovery(folder: Path, recovery: Path, vault: Vault) -> None:
    """Hold the recovery identity as the folder's key, once it opens one of the folder's files."""
    from selfcheck.formats.sealed import load_identities
    from selfcheck.store.conversion import MAX_DATA_BYTES
    from selfcheck.store.vault import all_data_files, is_sealed

    identity = load_identities(recovery)[0]
    sealed = next((path for path in all_data_files(folder) if is_sealed(path)), None)
    if sealed is not None:
        vault.remember(folder, identity)
        try:
            vault.read_data(sealed, MAX_DATA_BYTES)
        except SelfcheckError:
            vault.forget(folder)
            raise SelfcheckError(
                f"{recovery}: this identity does not open the files of {folder}; nothing changed"
            ) from None
    vault.remember(folder, identity)
