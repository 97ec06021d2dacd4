"""Running a command as an ordinary user, so permission tests hold when the tests run as root."""

from __future__ import annotations

import contextlib
import encodings.utf_8_sig  # noqa: F401 - see run_as_user
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from selfcheck.cli import main

NOBODY = 65534
"""The uid and gid the command runs as when the tests run as root."""


def needs_fork() -> None:
    """Skip, with the reason, where a child cannot change its user."""
    if not hasattr(os, "fork"):
        pytest.skip("needs fork to run a command as another user")


@contextlib.contextmanager
def user_folder() -> Iterator[Path]:
    """A fresh folder owned by the user commands run as (the current one unless root)."""
    folder = Path(tempfile.mkdtemp(prefix="selfcheck-user-"))
    if os.geteuid() == 0:
        os.chown(folder, NOBODY, NOBODY)
    try:
        yield folder
    finally:
        for path in (folder, *folder.rglob("*")):
            with contextlib.suppress(OSError):
                path.chmod(0o700 if path.is_dir() else 0o600)
        shutil.rmtree(folder, ignore_errors=True)


def give_to_user(*paths: Path) -> None:
    """Hand files and folders made by the test to the user commands run as."""
    if os.geteuid() != 0:
        return
    for path in paths:
        for each in (path, *path.rglob("*")) if path.is_dir() else (path,):
            os.lchown(each, NOBODY, NOBODY)


def run_as_user(argv: list[str]) -> tuple[int, str, str]:
    """Run `selfcheck ARGV` in a child process as an ordinary user; its status, stdout, stderr.

    The child imports nothing new it could not read as that user (an interpreter under /root,
    say): what a command needs must be imported before, as the rubric reader's codec is here.
    """
    needs_fork()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        result = {"status": 99, "out": "", "err": ""}
        try:
            os.close(read_end)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    result["status"] = main(argv)
                except BaseException as exc:
                    import traceback

                    err.write("Traceback\n" + "".join(traceback.format_exception(exc)))
            result["out"], result["err"] = out.getvalue(), err.getvalue()
        finally:
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(json.dumps(result).encode())
            os._exit(0)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    os.waitpid(pid, 0)
    result = json.loads(b"".join(chunks))
    return result["status"], result["out"], result["err"]
