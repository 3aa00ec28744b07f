"""Kore.ai SmartAssist: POST interactionDetails, window by window, page by page.

The documented limits: a window (startDate to endDate) of at most 7 days, `limit` at most 100
records a page, `offset` (pages to skip) at most 10, so one window reaches at most 1,100 sessions.
When the first page's `numResults` says a window holds more, the window is split in two at its
middle second and each half pulled in turn. Windows are read in order, the ends inclusive to
the second, and each is landed before the state records it done.

Times in the request and the response are local to `timeZoneOffset` (minutes, JavaScript's
sign: -330 is UTC+05:30); the pulled rows carry that offset, so staging reads them as UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

from ccw.pull.http import JsonClient, JsonResponse, PullError
from ccw.pull.run import PullRun

TOKEN_VARIABLE = "KORE_SMARTASSIST_TOKEN"
ENDPOINT = "interactionDetails"
PATH = "/agentassist/api/public/analytics/account/{account_id}/v2/interactionDetails"
MAX_WINDOW = timedelta(days=7)
PAGE_LIMIT = 100
MAX_OFFSET = 10
REACHABLE = PAGE_LIMIT * (MAX_OFFSET + 1)
ONE_SECOND = timedelta(seconds=1)
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
# The optional blocks the documentation's sample asks for, so each session comes whole.
SELECTED_FIELDS = ("userleveltags", "sessionleveltags", "customerinfo", "skills")
DEFAULT_OVERLAP = timedelta(hours=1)


@dataclass(frozen=True)
class KoreRequest:
    url: str
    account_id: str
    # Local times (in the offset below); since None: continue from the last pull's state.
    since: datetime | None
    until: datetime | None
    # Minutes, JavaScript's sign, as the API takes it.
    timezone_offset: int
    overlap: timedelta = DEFAULT_OVERLAP

    @property
    def endpoint_url(self) -> str:
        return self.url.rstrip("/") + PATH.format(account_id=self.account_id)

    @property
    def scope(self) -> str:
        return f"{self.endpoint_url} timeZoneOffset={self.timezone_offset}"


def local_now(timezone_offset: int) -> datetime:
    """Now, in the request's local time, to the second."""
    utc = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    return utc - timedelta(minutes=timezone_offset)


def headers(token: str, account_id: str, timezone_offset: int) -> dict[str, str]:
    return {
        "auth": token,
        "accountid": account_id,
        "x-timezone-offset": str(timezone_offset),
        "content-type": "application/json;charset=UTF-8",
    }


class KorePull:
    def __init__(self, run: PullRun, client: JsonClient, request: KoreRequest) -> None:
        self.run = run
        self.client = client
        self.request = request
        self.windows = 0
        self.pages = 0
        self.now = local_now(request.timezone_offset)

    def pull(self) -> None:
        request, run = self.request, self.run
        start, range_start = self._start()
        # Sessions after now may still come: a position never passes the time the pull began.
        self.now = local_now(request.timezone_offset)
        until = request.until or self.now
        if start > until:
            run.say(
                f"nothing to pull: the last pull reached {start - ONE_SECOND:%Y-%m-%d %H:%M:%S}"
            )
            return
        run.say(
            f"sessions from {start:{TIME_FORMAT}} to {until:{TIME_FORMAT}} local time "
            f"(timeZoneOffset {request.timezone_offset}), windows of at most 7 days"
        )
        while start <= until:
            end = window_end(start, until)
            self._pull_window(start, end, range_start, until)
            start = end + ONE_SECOND
        run.save_state(
            ENDPOINT,
            request.scope,
            range_start=range_start,
            range_end=until.strftime(TIME_FORMAT),
            position=min(until, self.now).strftime(TIME_FORMAT),
            finished=True,
        )

    def _start(self) -> tuple[datetime, str]:
        """Where this run starts, and the start of the range it continues."""
        request, run = self.request, self.run
        state = run.state(ENDPOINT, request.scope)
        position = _parse(state.position) if state and state.position else None
        if request.since is not None:
            since_text = request.since.strftime(TIME_FORMAT)
            if state and position and not state.finished and state.range_start == since_text:
                run.say(
                    f"resuming run {state.run_id}: windows up to {state.position} landed "
                    f"at {state.updated_at:%Y-%m-%d %H:%M:%S} UTC"
                )
                return position + ONE_SECOND, since_text
            return request.since, since_text
        if state is None or position is None:
            raise PullError(
                f"no earlier pull of {request.scope} is recorded; give --since for the first one"
            )
        if not state.finished:
            run.say(f"resuming run {state.run_id}: windows up to {state.position} landed")
            return position + ONE_SECOND, state.range_start or state.position or ""
        start = position + ONE_SECOND - request.overlap
        run.say(
            f"continuing after the last pull (up to {state.position}), "
            f"{request.overlap.total_seconds() / 60:g} minutes of overlap"
        )
        return start, start.strftime(TIME_FORMAT)

    def _pull_window(
        self, start: datetime, end: datetime, range_start: str, until: datetime
    ) -> None:
        pages = [self._page(start, end, 0)]
        total = _num_results(pages[0])
        if total is None or total <= REACHABLE:
            # Pages are read while they come full, whatever numResults says (it may be stale
            # or leave the count out); eleven full pages may not be all of the window.
            while len(_data(pages[-1])) == PAGE_LIMIT and len(pages) <= MAX_OFFSET:
                pages.append(self._page(start, end, len(pages)))
        more = (total is not None and total > REACHABLE) or (
            len(pages) > MAX_OFFSET and len(_data(pages[-1])) == PAGE_LIMIT
        )
        held = f"{total:,} sessions" if total is not None and total > REACHABLE else "full pages"
        if more and end > start:
            middle = (start + (end - start) // 2).replace(microsecond=0)
            self.run.say(
                f"window {start:{TIME_FORMAT}} - {end:{TIME_FORMAT}} holds {held}, more than "
                f"the {REACHABLE:,} sessions its pages reach: splitting it"
            )
            self._pull_window(start, middle, range_start, until)
            self._pull_window(middle + ONE_SECOND, end, range_start, until)
            return
        if more:
            self.run.say(
                f"WARNING: the second {start:{TIME_FORMAT}} alone holds more than {REACHABLE:,} "
                "sessions; the API's paging reaches only the first of them"
            )
            while len(pages) <= MAX_OFFSET:
                pages.append(self._page(start, end, len(pages)))
        received = sum(len(_data(page)) for page in pages)
        if total is not None and received != total and not more:
            self.run.say(
                f"NOTE: window {start:{TIME_FORMAT}} - {end:{TIME_FORMAT}} said numResults "
                f"{total:,} and gave {received:,} sessions"
            )
        stamp = f"{start:%Y%m%dT%H%M%S}_{end:%Y%m%dT%H%M%S}"
        paths = [
            self.run.write(f"{ENDPOINT}_{stamp}_offset-{offset:02d}.json", page.body)
            for offset, page in enumerate(pages)
        ]
        self.run.land(paths)
        self.windows += 1
        self.run.records += received
        count = "not given" if total is None else f"{total:,}"
        self.run.say(
            f"window {start:{TIME_FORMAT}} - {end:{TIME_FORMAT}}: {received:,} sessions in "
            f"{len(pages)} page{'s' if len(pages) > 1 else ''} (numResults {count})"
        )
        self.run.save_state(
            ENDPOINT,
            self.request.scope,
            range_start=range_start,
            range_end=until.strftime(TIME_FORMAT),
            position=min(end, self.now).strftime(TIME_FORMAT),
            finished=False,
        )

    def _page(self, start: datetime, end: datetime, offset: int) -> JsonResponse:
        body = {
            "startDate": start.strftime(TIME_FORMAT),
            "endDate": end.strftime(TIME_FORMAT),
            "timeZoneOffset": self.request.timezone_offset,
            "selectedFields": list(SELECTED_FIELDS),
        }
        response = self.client.post(
            self.request.endpoint_url, body, params={"offset": offset, "limit": PAGE_LIMIT}
        )
        self.run.requests += 1
        self.pages += 1
        data = response.data
        # `"data": null`, or no data and numResults 0, is an empty window; a body with neither
        # (an error message answered with 200) stops the pull before the window counts as done.
        count = _num_results(response) if isinstance(data, dict) else None
        empty = (
            isinstance(data, dict)
            and data.get("data") is None
            and (count == 0 or ("data" in data and count is None))
        )
        if not isinstance(data, dict) or not (isinstance(data.get("data"), list) or empty):
            saved = self.run.write(f"unexpected_{self.run.requests:05d}.json", response.body)
            raise PullError(
                f"{response.url} answered JSON without a `data` list of sessions (kept as "
                f"{saved}); the pull stops here and resumes from the last landed window"
            )
        return response


def _data(page: JsonResponse) -> list[Any]:
    data = page.data.get("data")
    return data if isinstance(data, list) else []


def _num_results(page: JsonResponse) -> int | None:
    """The window's session count; None when the page gives none (numeric text is read)."""
    value = page.data.get("numResults")
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return int(float(value))
    except ValueError:
        return None


def window_end(start: datetime, until: datetime) -> datetime:
    """The last second of the window from `start`: under 7 days long and within 7 calendar
    days, so the limit holds whether the API counts the duration or the dates."""
    seventh_day_ends = datetime.combine(start.date() + timedelta(days=7), time()) - ONE_SECOND
    return min(start + MAX_WINDOW - ONE_SECOND, seventh_day_ends, until)


def _parse(text: str) -> datetime:
    return datetime.strptime(text, TIME_FORMAT)


def parse_local_time(text: str, *, end_of_day: bool = False) -> datetime:
    """`YYYY-MM-DD HH:MM:SS` (or `T` between), or a date alone: its first second, or its last
    when it ends a range (the documentation's own example asks for one day as that date twice)."""
    value = text.strip()
    for form in (TIME_FORMAT, "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"):
        try:
            return datetime.strptime(value, form)
        except ValueError:
            continue
    try:
        day = datetime.strptime(value, "%Y-%m-%d")
    except ValueError:
        raise ValueError(
            f"{text!r} is not a local time: give YYYY-MM-DD HH:MM:SS or YYYY-MM-DD"
        ) from None
    return day + timedelta(days=1) - ONE_SECOND if end_of_day else day
