"""Reading TOML files defensively and turning validation errors into lines for people."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from selfcheck.formats.errors import InputError
from selfcheck.formats.fields import PATTERN_HINTS, SECRET_FIELDS
from selfcheck.formats.printable import one_line
from selfcheck.formats.toml_bounds import check_bounds

MAX_RUBRIC_BYTES = 1024 * 1024
"""Largest rubric file read (1 MiB); larger ones are refused before reading."""
MAX_CHECKIN_BYTES = 4 * 1024 * 1024
"""Largest check-in file read (4 MiB); larger ones are refused before reading."""
MAX_EXPORT_BYTES = 1024 * 1024
"""Largest anonymous export read (1 MiB); larger ones are refused before reading."""
MAX_SHARE_BYTES = 16 * 1024 * 1024
"""Largest share file read (16 MiB); larger ones are refused before reading."""
MAX_RESPONSE_BYTES = 1024 * 1024
"""Largest response file read (1 MiB); larger ones are refused before reading."""

ModelT = TypeVar("ModelT", bound=BaseModel)


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """Read a file of at most `max_bytes`, refusing a larger one before reading it."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise InputError(path, "not a regular file")
        if size > max_bytes:
            raise InputError(
                path, f"file is {size:,} bytes, over the limit of {max_bytes:,}; not read"
            )
        with path.open("rb") as handle:
            data = handle.read(min(size, max_bytes) + 1)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a file") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(path, f"file grew past the limit of {max_bytes:,} bytes; not read")
    return data


def folder_problem(folder: Path, exc: OSError) -> str:
    """The line for a folder that cannot be listed, in the words `read_bytes` uses for files."""
    return str(InputError(folder, f"folder cannot be read ({exc.strerror or exc}); skipped"))


def parse_toml(path: Path, data: bytes) -> dict[str, Any]:
    """Parse TOML bytes (a leading UTF-8 byte order mark is allowed) into a dict."""
    if b"\x00" in data:
        raise InputError(path, "not a TOML file (binary content)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text (bad byte at offset {exc.start})") from None
    if not text.strip():
        raise InputError(path, "empty file")
    check_bounds(path, text)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(path, f"invalid TOML: {exc}") from None
    except ValueError as exc:  # a number too large to convert, however it is written
        raise InputError(path, f"invalid TOML: {one_line(str(exc), 80)}") from None
    except RecursionError:
        raise InputError(path, "invalid TOML: nested too deeply") from None


def validation_problems(exc: ValidationError) -> list[str]:
    """One `location: message` line per problem in a pydantic error."""
    lines = []
    for error in exc.errors(include_url=False):
        location = ".".join(str(part) for part in error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        found = error.get("input")
        if error["type"] == "extra_forbidden":
            message = "unknown key"
        elif error["type"] == "missing":
            message = "required key is missing"
        elif error["type"] == "string_pattern_mismatch":
            pattern = (error.get("ctx") or {}).get("pattern", "")
            message = PATTERN_HINTS.get(pattern, message)
        secret = bool(error["loc"]) and error["loc"][-1] in SECRET_FIELDS
        if (
            error["type"] not in {"extra_forbidden", "missing"}
            and not secret
            and (found is None or isinstance(found, str | int | float | bool))
        ):
            message += f" (found {one_line(repr(found), 40)})"
        lines.append(f"{location}: {message}" if location else message)
    return lines


def validate(path: Path, model: type[ModelT], data: dict[str, Any]) -> ModelT:
    """Validate parsed data as `model`, raising one line that names the first problem."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = validation_problems(exc)
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise InputError(path, problems[0] + more) from None
    except RecursionError:
        raise InputError(path, "nested too deeply") from None


def check_header(path: Path, data: dict[str, Any], format_name: str, supported: int) -> None:
    """Refuse a file that is not of `format_name` or is of a newer format version."""
    found = data.get("format")
    if found != format_name:
        shown = one_line(repr(found), 40) if found is not None else "missing"
        raise InputError(path, f"not a {format_name} file (format is {shown})")
    version = data.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > supported:
        raise InputError(
            path,
            f"format_version {version} is newer than this selfcheck reads ({supported}); "
            "upgrade selfcheck",
        )


def parse_model(
    path: Path, data: bytes, model: type[ModelT], format_name: str, supported: int = 1
) -> ModelT:
    """Parse, check the header of and validate one file's bytes as `model`."""
    parsed = parse_toml(path, data)
    check_header(path, parsed, format_name, supported)
    return validate(path, model, parsed)
