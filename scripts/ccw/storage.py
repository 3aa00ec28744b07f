"""Export files in object storage (`s3://`, `gs://`): listed and copied through fsspec.

NICE CXone writes its Interaction Analytics exports, and CCAI Platform its session metadata, to
the customer's storage bucket. `ccw load <source_system> s3://bucket/prefix/` lists the objects
under the prefix with the loader's file endings, copies each to the run's landing folder and loads
the copies like local files (content hash skip, manifest, rejects), recording each under its URL.
Credentials are the storage library's usual ones: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY /
AWS_SESSION_TOKEN / AWS_PROFILE (and AWS_ENDPOINT_URL, or FSSPEC_S3_ENDPOINT_URL, for an
S3-compatible service) for s3fs; GOOGLE_APPLICATION_CREDENTIALS for gcsfs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ccw.files import InputPathError, is_supported

_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
CREDENTIAL_HINTS = {
    "s3": "AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or AWS_PROFILE), and AWS_ENDPOINT_URL "
    "for an S3-compatible service",
    "gs": "GOOGLE_APPLICATION_CREDENTIALS",
    "gcs": "GOOGLE_APPLICATION_CREDENTIALS",
}


def is_url(text: str) -> bool:
    return bool(_URL.match(text))


@dataclass(frozen=True)
class Copied:
    """Local copies of remote objects, and the URL each was copied from (by local path)."""

    paths: list[Path]
    origins: dict[str, str]
    bytes: int


def _hint(protocol: str) -> str:
    hint = CREDENTIAL_HINTS.get(protocol)
    return f"; check the bucket, the prefix and the credentials ({hint})" if hint else ""


def copy_objects(
    urls: Sequence[str],
    folder: Path,
    on_object: Callable[[str, int], None] | None = None,
) -> Copied:
    """Copy every supported object named by `urls` (an object, or a prefix searched below) to
    `folder`, keeping bucket and key as the local path. Raises InputPathError naming the URL
    when it cannot be listed or read."""
    import fsspec  # type: ignore[import-untyped]  # only `ccw load` of a URL needs it

    paths: list[Path] = []
    origins: dict[str, str] = {}
    total = 0
    for url in urls:
        protocol = _URL.match(url).group(1).lower()  # type: ignore[union-attr]
        try:
            fs, root = fsspec.core.url_to_fs(url)
        except (ImportError, ValueError) as exc:
            raise InputPathError(f"{url}: {exc}") from exc
        try:
            keys = _objects(fs, root, url.endswith("/"))
        except Exception as exc:
            # The storage libraries raise their own errors (botocore's, google-auth's) besides
            # OSError: whichever it is, one line that names the URL.
            raise InputPathError(f"{url} cannot be listed: {_said(exc)}{_hint(protocol)}") from exc
        if not keys:
            raise InputPathError(
                f"{url}: no objects ending .json, .jsonl or .ndjson (optionally .gz) found"
            )
        for key in keys:
            relative = PurePosixPath(key.lstrip("/"))
            if ".." in relative.parts:
                raise InputPathError(f"{protocol}://{key}: an object key with '..' is not copied")
            local = folder.joinpath(*relative.parts)
            local.parent.mkdir(parents=True, exist_ok=True)
            # Copied under a temporary name, renamed when whole: a broken copy never lands.
            pending = local.with_name(f".{local.name}.partial")
            try:
                fs.get_file(key, str(pending))
            except Exception as exc:
                pending.unlink(missing_ok=True)
                raise InputPathError(
                    f"{protocol}://{key} cannot be read: {_said(exc)}{_hint(protocol)}"
                ) from exc
            pending.replace(local)
            size = local.stat().st_size
            total += size
            paths.append(local)
            origins[str(local)] = f"{protocol}://{key}"
            if on_object is not None:
                on_object(f"{protocol}://{key}", size)
    return Copied(paths, origins, total)


def _said(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _objects(fs: object, root: str, is_prefix: bool) -> list[str]:
    """The supported object keys at or below `root`, sorted."""
    find = fs.find  # type: ignore[attr-defined]
    isdir = fs.isdir  # type: ignore[attr-defined]
    if not is_prefix and not isdir(root):
        if not fs.exists(root):  # type: ignore[attr-defined]
            raise FileNotFoundError(f"no object {root}")
        return [root]
    return sorted(key for key in find(root) if is_supported(Path(key)))
