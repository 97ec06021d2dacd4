"""Benchmark cases of encryption at rest: autosave, start-up and aggregate, sealed against plain."""

from __future__ import annotations

import statistics
import subprocess
import tempfile
import time
import tomllib
from pathlib import Path

import pyrage
from cases import RUBRIC, Row, _time_to_screen, environment, write_checkins, write_exports
from measure import PYTHON, Terminal, repeat, run_timed

from selfcheck.formats.sealed import identity_text, new_identity, seal
from selfcheck.store.conversion import create_identity, seal_folder
from selfcheck.store.vault import Vault

PASSPHRASE = "a passphrase for benchmarks"
FIRST_ITEM = RUBRIC.items[0].id
FIRST_SCREEN = f"item 1 of {len(RUBRIC.items)}"


def encrypt_folder(data: Path) -> Path:
    """Turn encryption on for `data` as `selfcheck encrypt` does; return the passphrase file."""
    vault = Vault()
    create_identity(data, new_identity(), PASSPHRASE, vault)
    seal_folder(data, vault)
    secret = data.parent / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n")
    return secret


DERIVE = """
import sys, time
from pathlib import Path
from selfcheck.store.vault import Vault
start = time.perf_counter()
Vault().unlock(Path(sys.argv[1]), sys.argv[2])
print(time.perf_counter() - start)
"""
"""Opens `identity.age` with the passphrase (the scrypt derivation) and prints the seconds."""


def derivation_seconds(data: Path) -> float:
    """One key derivation, timed inside a fresh process as `selfcheck start` would do it."""
    done = subprocess.run(
        [PYTHON, "-c", DERIVE, str(data), PASSPHRASE], capture_output=True, text=True, check=True
    )
    return float(done.stdout)


def startup_encrypted(*, quick: bool, runs: int) -> Row:
    """Start-up of an encrypted folder without the key derivation, against the same plain.

    Each round times a derivation, the encrypted start and the plain start one after the
    other, so a busy moment of the machine weighs on all three alike."""
    with tempfile.TemporaryDirectory() as folder:
        plain, sealed = Path(folder) / "plain" / "data", Path(folder) / "sealed" / "data"
        write_checkins(plain, 20)
        write_checkins(sealed, 20)
        env = environment(sealed) | {"SELFCHECK_PASSPHRASE_FILE": str(encrypt_folder(sealed))}
        argv = [PYTHON, "-m", "selfcheck", "start"]
        _time_to_screen(argv, FIRST_SCREEN, env)  # warm-up
        rounds = [
            (
                derivation_seconds(sealed),
                _time_to_screen(argv, FIRST_SCREEN, env)[0],
                _time_to_screen(argv, FIRST_SCREEN, environment(plain))[0],
            )
            for _ in range(runs)
        ]
    derivation = statistics.median(d for d, _, _ in rounds)
    ours = statistics.median(e for _, e, _ in rounds)
    anchor = statistics.median(p for _, _, p in rounds)
    without = statistics.median(e - d for d, e, _ in rounds)
    ratio = without / anchor
    return Row(
        "start-up, encrypted folder (20 check-ins)",
        f"{ours * 1000:.0f} ms, less derivation {derivation * 1000:.0f} ms "
        f"= {without * 1000:.0f} ms",
        f"plain folder {anchor * 1000:.0f} ms",
        ratio,
        "<= 1.2x",
        ratio <= 1.2,
    )


def _sealed_rating(checkins: Path, identity: pyrage.x25519.Identity) -> int | None:
    for path in checkins.glob("*.toml.age"):
        try:
            data = tomllib.loads(pyrage.decrypt(path.read_bytes(), [identity]).decode())
        except (OSError, pyrage.DecryptError, tomllib.TOMLDecodeError):
            return None
        rating: int | None = data.get("items", {}).get(FIRST_ITEM, {}).get("rating")
        return rating
    return None


def autosave_encrypted(*, quick: bool, runs: int) -> Row:
    """From a rating key to the durable sealed file on disk."""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        env = environment(data) | {"SELFCHECK_PASSPHRASE_FILE": str(encrypt_folder(data))}
        identity = Vault().unlock(data, PASSPHRASE).identity
        terminal = Terminal([PYTHON, "-m", "selfcheck", "start"], env=env)
        delays = []
        try:
            terminal.wait_for(FIRST_SCREEN)
            for press in range(10 if quick else 40):
                level = press % 5 + 1
                sent = time.perf_counter()
                terminal.send(str(level))
                while _sealed_rating(data / "sessions", identity) != level:
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
        "autosave, encrypted: key to durable sealed file",
        f"median {median_ms:.1f} ms (max {max(delays) * 1000:.0f})",
        "absolute target",
        None,
        "median <= 15 ms",
        median_ms <= 15,
    )


def aggregate_sealed(*, quick: bool, runs: int) -> Row:
    """`selfcheck aggregate --identity` of sealed exports against the same exports plain."""
    count = 2_000 if quick else 10_000
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_exports(root / "plain", count)
        identity = new_identity()
        (root / "sealed").mkdir()
        for path in (root / "plain").iterdir():
            sealed = seal(path.read_bytes(), [identity.to_public()])
            (root / "sealed" / f"{path.name}.age").write_bytes(sealed)
        (root / "identity.txt").write_text(identity_text(identity))
        env = environment(root / "data")

        def ours(name: str, *extra: str) -> tuple[float, float]:
            out = str(root / f"{name}.csv")
            argv = [PYTHON, "-m", "selfcheck", "aggregate", str(root / name), "--out", out]
            return run_timed([*argv, *extra], env=env)

        runs = min(runs, 3)
        plain = repeat(lambda: ours("plain"), runs)
        sealed_run = repeat(lambda: ours("sealed", "--identity", str(root / "identity.txt")), runs)
    ratio = sealed_run.median / plain.median
    return Row(
        f"aggregate {count:,} sealed exports",
        f"{sealed_run.median:.2f} s",
        f"the same exports plain {plain.median:.2f} s",
        ratio,
        "<= 3x",
        ratio <= 3,
        sealed_run.peak_mib,
    )


ALL = [startup_encrypted, autosave_encrypted, aggregate_sealed]
"""The encryption cases, in the order of the table."""
