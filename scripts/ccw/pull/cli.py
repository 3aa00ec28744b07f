"""`ccw pull <source_system>`: its options, and running it."""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, TextIO

import httpx

from ccw.landing import OffsetConflictError, connect, ensure_raw_schema
from ccw.pull import buzzeasy, cxengage, kore
from ccw.pull.http import DEFAULT_ATTEMPTS, DEFAULT_TIMEOUT_SECONDS, JsonClient, PullError
from ccw.pull.run import PullRun, credential
from ccw.pull.state import ensure_state_table
from ccw.summary import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, plural, print_summary
from ccw.vendors import VENDORS
from ccw.warehouse import check_path

# Vendors whose exports are files in the customer's storage, not an API.
FILE_DROPS = {
    "nice_cxone": "NICE CXone writes its Interaction Analytics exports to your storage",
    "ccai_platform": "CCAI Platform writes its session metadata files to your storage",
}


# The exit status of a command stopped by Ctrl-C, as `ccw load` gives it.
EXIT_INTERRUPTED = 130


@dataclass(frozen=True)
class Stopped:
    """Why a pull ended before its end, and the exit status that says so."""

    message: str
    status: int


def _url(text: str) -> str:
    if not re.match(r"^https?://[^/]", text.strip()):
        raise argparse.ArgumentTypeError(f"{text!r} is not an http:// or https:// URL")
    return text.strip()


def _overlap(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("the overlap cannot be negative (it would leave a gap)")
    return value


def _local_time(end_of_day: bool) -> Callable[[str], Any]:
    def parse(text: str) -> Any:
        try:
            return kore.parse_local_time(text, end_of_day=end_of_day)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return parse


def _minutes(text: str) -> int:
    """The Kore request's timeZoneOffset: minutes with JavaScript's sign (-330 is UTC+05:30),
    or +HH:MM / -HH:MM, turned into those minutes."""
    from ccw.cli import parse_offset

    offset = parse_offset(text)
    sign = 1 if offset.startswith("+") else -1
    hours, minutes = offset[1:].split(":")
    return -sign * (int(hours) * 60 + int(minutes))


def _positive(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return value


def add_pull_parser(
    commands: Any,
    add_db: Callable[[argparse.ArgumentParser], None],
    add_landing: Callable[[argparse.ArgumentParser, str], None],
) -> None:
    pull = commands.add_parser(
        "pull",
        help="read a vendor's API and land every response (Kore, Buzzeasy, CxEngage)",
        description=(
            "Request a vendor's records from its API, keep each response body as a file under "
            "the landing folder, and load those files as `ccw load` does: content already "
            "landed is skipped, so pulling overlapping data again adds nothing. Where the pull "
            "stands is kept in raw._pull_state: a run that stopped resumes from its last landed "
            "window or page. Credentials come from the environment only. NICE CXone and CCAI "
            "Platform deliver files to your storage: `ccw load <source_system> s3://bucket/"
            "prefix/`. Exit status: 0 all landed, 1 some response rejected or an id not found, "
            "2 the pull stopped (the message says why; run it again to resume)."
        ),
    )
    vendors = pull.add_subparsers(dest="source_system", required=True, metavar="SOURCE_SYSTEM")

    def common(parser: argparse.ArgumentParser) -> None:
        add_db(parser)
        add_landing(parser, "the response bodies")
        parser.add_argument(
            "--timeout",
            type=_positive,
            default=DEFAULT_TIMEOUT_SECONDS,
            metavar="SECONDS",
            help=f"per request (default {DEFAULT_TIMEOUT_SECONDS:g}); a timeout is retried",
        )
        parser.add_argument(
            "--attempts",
            type=int,
            default=DEFAULT_ATTEMPTS,
            metavar="N",
            help=f"tries per request before the pull stops (default {DEFAULT_ATTEMPTS})",
        )

    k = vendors.add_parser(
        "kore_smartassist",
        help="POST interactionDetails, in windows of at most 7 days",
        description=(
            f"Token in ${kore.TOKEN_VARIABLE} (sent as the `auth` header). Times are local to "
            "--timezone-offset, which the pulled rows carry (no --assume-timezone needed). "
            "Without --since, continues from the end of the last pull, with --overlap-minutes."
        ),
    )
    k.add_argument(
        "--url", type=_url, required=True, help="environment URL, e.g. https://smartassist.kore.ai"
    )
    k.add_argument("--account-id", required=True, help="the SmartAssist account id")
    k.add_argument(
        "--since",
        type=_local_time(end_of_day=False),
        metavar="'YYYY-MM-DD HH:MM:SS'",
        help="first local time to pull (a date alone: its start); default: the last pull's end",
    )
    k.add_argument(
        "--until",
        type=_local_time(end_of_day=True),
        metavar="'YYYY-MM-DD HH:MM:SS'",
        help="last local time to pull, inclusive (a date alone: its end); default: now",
    )
    k.add_argument(
        "--timezone-offset",
        type=_minutes,
        required=True,
        metavar="MINUTES",
        help="the request's timeZoneOffset: -330 for UTC+05:30, 300 for UTC-05:00 (or +05:30)",
    )
    k.add_argument(
        "--overlap-minutes",
        type=_overlap,
        default=int(kore.DEFAULT_OVERLAP.total_seconds() // 60),
        metavar="N",
        help="without --since, start this long before the last pull's end (default 60)",
    )
    common(k)

    b = vendors.add_parser(
        "buzzeasy",
        help="GET every page of the OData feed's entity sets",
        description=(
            f"Bearer token in ${buzzeasy.TOKEN_VARIABLE}. Follows @odata.nextLink to the end of "
            "each entity set; unchanged pages are skipped by content."
        ),
    )
    b.add_argument("--url", type=_url, required=True, help="the OData feed's root URL")
    b.add_argument(
        "--entity-sets",
        type=lambda text: [name.strip() for name in text.split(",") if name.strip()],
        default=None,
        metavar="Calls,Chats,...",
        help="entity sets to read (default: every documented one)",
    )
    common(b)

    c = vendors.add_parser(
        "cxengage",
        help="GET each interaction of an id list",
        description=(
            f"HTTP basic auth from ${cxengage.KEY_VARIABLE} and ${cxengage.SECRET_VARIABLE}. "
            "GET {URL}/v1/tenants/{TENANT}/interactions/{id} for each id of the file."
        ),
    )
    c.add_argument(
        "--url", type=_url, required=True, help="API base URL, e.g. https://api.cxengage.net"
    )
    c.add_argument("--tenant-id", required=True, help="the tenant's id")
    c.add_argument(
        "--ids", type=Path, required=True, metavar="FILE", help="interaction ids, one a line"
    )
    c.add_argument(
        "--concurrency",
        type=int,
        default=cxengage.DEFAULT_CONCURRENCY,
        metavar="N",
        help=f"requests at once (default {cxengage.DEFAULT_CONCURRENCY})",
    )
    common(c)
    for source_system, where in FILE_DROPS.items():
        vendors.add_parser(
            source_system,
            help=f"no API: {where}; load it with ccw load {source_system} s3://...",
        )


def run_pull(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ccw.cli import default_db_path

    source_system = args.source_system
    if source_system in FILE_DROPS:
        print(
            f"ccw pull {source_system}: {FILE_DROPS[source_system]}; load the files from "
            f"there: ccw load {source_system} s3://bucket/prefix/ (or gs://)",
            file=err,
        )
        return EXIT_USAGE
    if args.attempts < 1:
        print("ccw pull: --attempts must be at least 1", file=err)
        return EXIT_USAGE
    spec = VENDORS[source_system]
    db_path = args.db or default_db_path()
    started = time.monotonic()
    try:
        client_headers, auth, hint, assumed_timezone = _credentials(args)
        ids = cxengage.read_ids(args.ids) if source_system == "cxengage" else []
        sets = buzzeasy.entity_sets(args.entity_sets) if source_system == "buzzeasy" else []
    except (PullError, cxengage.IdsFileError, ValueError) as exc:
        print(f"ccw pull {source_system}: {exc}", file=err)
        return EXIT_USAGE
    if check_path(db_path, create=True):
        print(f"creating new warehouse at {db_path}", file=err)
    con = connect(db_path)
    try:
        ensure_raw_schema(con, list(VENDORS.values()))
        ensure_state_table(con)
        run = PullRun(
            con,
            spec,
            landing=args.landing,
            err=err,
            rivals=list(VENDORS.values()),
            assumed_timezone=assumed_timezone,
        )
        print(f"{source_system}: pulling into {db_path}; responses kept in {run.folder}", file=err)
        with JsonClient(
            client_headers,
            auth=auth,
            credential_hint=hint,
            timeout=args.timeout,
            attempts=args.attempts,
            on_retry=run.on_retry,
        ) as client:
            stopped = _pull(args, run, client, ids, sets)
            sent, retries = client.sent, client.retries
    finally:
        con.close()
    summary = run.summary
    print(
        f"{source_system}: {plural(sent, 'request')} sent ({retries:,} of them retries), "
        f"{plural(run.records, 'record')} received; responses in {run.folder}",
        file=out,
    )
    print_summary(summary, time.monotonic() - started, out)
    for note in run.notes:
        print(f"NOTE {note}", file=out)
    if run.not_found:
        print(f"NOT FOUND (404): {', '.join(run.not_found)}", file=out)
    for refusal in run.refused:
        print(f"REFUSED {refusal}", file=out)
    if stopped is not None:
        print(f"ccw pull {source_system}: stopped: {stopped.message}", file=err)
        return stopped.status
    failed = summary.of("rejected") or summary.of("still_rejected") or run.not_found or run.refused
    return EXIT_REJECTED if failed else EXIT_OK


def _credentials(
    args: argparse.Namespace,
) -> tuple[dict[str, str], tuple[str, str] | None, str, str | None]:
    """Headers, basic auth, what to tell a user whose credentials are refused, and the UTC
    offset the pulled rows carry."""
    if args.source_system == "kore_smartassist":
        token = credential(kore.TOKEN_VARIABLE)
        offset = -args.timezone_offset
        sign = "+" if offset >= 0 else "-"
        assumed = f"{sign}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}"
        return (
            kore.headers(token, args.account_id, args.timezone_offset),
            None,
            f"set {kore.TOKEN_VARIABLE} to a valid JWT (an expired token answers 401)",
            assumed,
        )
    if args.source_system == "buzzeasy":
        token = credential(buzzeasy.TOKEN_VARIABLE)
        return (
            buzzeasy.headers(token),
            None,
            f"set {buzzeasy.TOKEN_VARIABLE} to a valid bearer token",
            None,
        )
    key = credential(cxengage.KEY_VARIABLE)
    secret = credential(cxengage.SECRET_VARIABLE)
    return (
        {},
        (key, secret),
        f"set {cxengage.KEY_VARIABLE} and {cxengage.SECRET_VARIABLE} to a key with "
        "INTERACTIONS_API_READ_ALL",
        None,
    )


def _pull(
    args: argparse.Namespace,
    run: PullRun,
    client: JsonClient,
    ids: list[str],
    sets: list[str],
) -> Stopped | None:
    """Run the vendor's pull; why it stopped early, or None when it finished."""
    try:
        if args.source_system == "kore_smartassist":
            request = kore.KoreRequest(
                url=args.url,
                account_id=args.account_id,
                since=args.since,
                until=args.until,
                timezone_offset=args.timezone_offset,
                overlap=timedelta(minutes=args.overlap_minutes),
            )
            if request.since and request.until and request.until < request.since:
                return Stopped("--until is before --since", EXIT_USAGE)
            kore.KorePull(run, client, request).pull()
        elif args.source_system == "buzzeasy":
            buzzeasy.BuzzeasyPull(run, client, args.url, sets, chosen=bool(args.entity_sets)).pull()
        else:
            cxengage.CxEngagePull(
                run, client, args.url, args.tenant_id, ids, concurrency=max(1, args.concurrency)
            ).pull()
    except (PullError, OffsetConflictError, httpx.HTTPError, httpx.InvalidURL) as exc:
        return Stopped(" ".join(str(exc).split()) or type(exc).__name__, EXIT_USAGE)
    except KeyboardInterrupt:
        return Stopped(
            "interrupted; what landed before is kept, and the next run resumes after it",
            EXIT_INTERRUPTED,
        )
    return None
