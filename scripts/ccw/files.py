"""Finding input files and fingerprinting them."""

from __future__ import annotations

import gzip
import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# Name endings the loader reads, each with the DuckDB JSON reader format that fits it.
# DuckDB decompresses `.gz` by itself.
SUFFIX_FORMATS: dict[str, str] = {
    ".json": "auto",
    ".jsonl": "newline_delimited",
    ".ndjson": "newline_delimited",
}
_HASH_CHUNK_BYTES = 1 << 20
# An empty JSON array with any whitespace around it is never longer than this in practice.
_EMPTY_ARRAY_MAX_BYTES = 4096


class InputPathError(Exception):
    """A path given on the command line cannot be read at all."""


@dataclass(frozen=True)
class InputFile:
    path: Path
    size_bytes: int
    sha256: str

    @property
    def reader_format(self) -> str:
        return reader_format(self.path)


def reader_format(path: Path) -> str:
    """The DuckDB JSON reader format for a file, from its name."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[: -len(".gz")]
    return SUFFIX_FORMATS[Path(name).suffix]


def is_supported(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[: -len(".gz")]
    return Path(name).suffix in SUFFIX_FORMATS


def discover(paths: Iterable[Path]) -> list[Path]:
    """Every supported file named, or found below a named directory, once, in a stable order.

    A named file is taken whatever its ending; inside directories only supported endings count.
    Directory symlinks are not followed, so a link loop cannot make the walk endless.
    """
    found: dict[Path, None] = {}
    for given in paths:
        if given.is_dir():
            for path in _walk(given):
                found.setdefault(path.resolve(), None)
        elif given.is_file():
            found.setdefault(given.resolve(), None)
        elif given.exists():
            raise InputPathError(f"{given}: not a regular file or directory")
        else:
            raise InputPathError(f"{given}: no such file or directory")
    return list(found)


def _walk(directory: Path) -> Iterator[Path]:
    for root, dirnames, filenames in os.walk(directory, onerror=_unreadable, followlinks=False):
        dirnames.sort()
        for filename in sorted(filenames):
            path = Path(root) / filename
            if is_supported(path) and path.is_file():
                yield path


def _unreadable(error: OSError) -> None:
    """A folder the walk cannot list would silently hide its files: stop instead."""
    raise InputPathError(
        f"cannot read the folder {error.filename}: {error.strerror or error}"
    ) from error


def fingerprint(path: Path) -> InputFile:
    """Size and SHA-256 of the file's bytes as delivered (compressed files hash compressed)."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_HASH_CHUNK_BYTES):
            digest.update(chunk)
            size += len(chunk)
    return InputFile(path=path, size_bytes=size, sha256=digest.hexdigest())


def holds_an_empty_array(path: Path) -> bool:
    """True when the file's whole content is `[]` (whitespace allowed; gzipped files too)."""
    try:
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        with opener(path, "rb") as handle:
            head = handle.read(_EMPTY_ARRAY_MAX_BYTES + 1)
    except (OSError, EOFError):
        return False
    if len(head) > _EMPTY_ARRAY_MAX_BYTES:
        return False
    return b"".join(head.split()) == b"[]"
