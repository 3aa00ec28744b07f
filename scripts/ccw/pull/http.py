"""HTTP for `ccw pull`: JSON requests with bounded retries, on httpx and tenacity.

What is retried, a bounded number of times with exponential backoff and jitter: timeouts,
connection errors, 429 (waiting what `Retry-After` asks, within a cap) and 5xx, and a body that
is cut short or is not JSON. 401 and 403 stop at once: retrying cannot fix a credential, so the
error names the environment variable to set. Any other 4xx stops too, with the server's words.
"""

from __future__ import annotations

import email.utils
import json
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

import httpx
import tenacity

# Attempts per request, the first included.
DEFAULT_ATTEMPTS = 6
DEFAULT_TIMEOUT_SECONDS = 60.0
# The longest a Retry-After is honoured for; a server asking for more is waited this long.
MAX_RETRY_AFTER_SECONDS = 300.0
BACKOFF_INITIAL_SECONDS = 0.5
BACKOFF_MAX_SECONDS = 30.0
# Characters of a refusing server's body quoted in an error.
_QUOTED_BODY_CHARS = 300
USER_AGENT = "ccw-pull"


class PullError(Exception):
    """A request failed for good; the message names the URL and what to do."""


class CredentialError(PullError):
    """The server refused the credentials (401/403)."""


class ClientError(PullError):
    """The server refused the request itself (a 4xx other than 401, 403 and 429)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class NotFoundError(ClientError):
    """The server does not know the resource (404)."""


class _Retryable(Exception):
    """A failure worth another attempt."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class JsonResponse:
    url: str
    body: bytes
    data: Any


# Called before each retry: (what failed, attempt number that failed, seconds until the next).
RetryCallback = Callable[[str, int, float], None]


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds a `Retry-After` header asks for: delay-seconds or an HTTP date (RFC 9110)."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class _Wait(tenacity.wait.wait_base):
    """The server's Retry-After when it gave one (capped), else exponential backoff with jitter."""

    def __init__(self) -> None:
        self.backoff = tenacity.wait_exponential_jitter(
            multiplier=BACKOFF_INITIAL_SECONDS, max=BACKOFF_MAX_SECONDS
        )

    def __call__(self, retry_state: tenacity.RetryCallState) -> float:
        outcome = retry_state.outcome
        error = outcome.exception() if outcome is not None else None
        if isinstance(error, _Retryable) and error.retry_after is not None:
            return min(error.retry_after, MAX_RETRY_AFTER_SECONDS)
        return float(self.backoff(retry_state))


class JsonClient:
    """Sends requests and returns parsed JSON bodies, retrying what can pass with time."""

    def __init__(
        self,
        headers: Mapping[str, str],
        *,
        auth: httpx.Auth | tuple[str, str] | None = None,
        credential_hint: str,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        attempts: int = DEFAULT_ATTEMPTS,
        on_retry: RetryCallback | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        for name, value in headers.items():
            if not value.isascii():
                raise PullError(
                    f"the {name} header holds characters other than ASCII; {credential_hint}"
                )
        self.client = httpx.Client(
            headers={"accept": "application/json", "user-agent": USER_AGENT, **headers},
            auth=auth,
            timeout=timeout,
            follow_redirects=True,
        )
        self.credential_hint = credential_hint
        self.attempts = attempts
        self.on_retry = on_retry
        self.sleep = sleep
        self.retries = 0
        # Requests sent, every attempt counted (from several threads: under the lock).
        self.sent = 0
        self.counting = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> JsonClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        params: Mapping[str, str | int] | None = None,
        *,
        json_required: bool = True,
    ) -> JsonResponse:
        return self.request("GET", url, params=params, json_required=json_required)

    def post(
        self, url: str, body: Any, params: Mapping[str, str | int] | None = None
    ) -> JsonResponse:
        return self.request("POST", url, params=params, body=body)

    def request(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, str | int] | None = None,
        body: Any = None,
        json_required: bool = True,
    ) -> JsonResponse:
        """The parsed JSON body; with `json_required` False, a body that is not JSON is
        returned with `data` None instead of being retried."""
        retrying = tenacity.Retrying(
            retry=tenacity.retry_if_exception_type(_Retryable),
            stop=tenacity.stop_after_attempt(self.attempts),
            wait=_Wait(),
            sleep=self.sleep,
            before_sleep=self._before_sleep,
            reraise=True,
        )
        try:
            return retrying(self._once, method, url, params, body, json_required)
        except _Retryable as exc:
            raise PullError(
                f"{method} {url} failed {self.attempts} time{'s' if self.attempts > 1 else ''}, "
                f"the last: {exc}; nothing of it "
                "was landed (run the same command again to resume)"
            ) from exc

    def _before_sleep(self, retry_state: tenacity.RetryCallState) -> None:
        with self.counting:
            self.retries += 1
        if self.on_retry is None or retry_state.outcome is None:
            return
        seconds = retry_state.next_action.sleep if retry_state.next_action else 0.0
        method, url, params = retry_state.args[:3]
        query = f"?{urlencode(params)}" if params else ""
        self.on_retry(
            f"{retry_state.outcome.exception()} from {method} {url}{query}",
            retry_state.attempt_number,
            seconds,
        )

    def _once(
        self,
        method: str,
        url: str,
        params: Mapping[str, str | int] | None,
        body: Any,
        json_required: bool,
    ) -> JsonResponse:
        with self.counting:
            self.sent += 1
        try:
            response = self.client.request(
                method, url, params=params, json=body if method != "GET" else None
            )
        except httpx.TimeoutException as exc:
            raise _Retryable(f"timed out ({type(exc).__name__})") from exc
        except (httpx.UnsupportedProtocol, httpx.LocalProtocolError) as exc:
            # A URL without http(s)://, or a request this client cannot send: no retry helps.
            raise PullError(f"{method} {url}: {exc}") from exc
        except (httpx.TransportError, httpx.DecodingError) as exc:
            # Connection refused or reset, or a body cut short of its Content-Length.
            raise _Retryable(f"{type(exc).__name__}: {exc}") from exc
        where = str(response.request.url)
        status = response.status_code
        if status in (401, 403):
            raise CredentialError(
                f"{method} {where} answered {status} ({response.reason_phrase}): the credentials "
                f"were refused; {self.credential_hint}"
            )
        if status == 429 or status >= 500:
            raise _Retryable(
                f"HTTP {status}",
                retry_after=retry_after_seconds(response.headers.get("retry-after")),
            )
        if status >= 400:
            error = NotFoundError if status == 404 else ClientError
            raise error(
                f"{method} {where} answered {status} ({response.reason_phrase}): "
                f"{_quoted(response.content)}",
                status,
            )
        try:
            data = json.loads(response.content)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            if not json_required:
                return JsonResponse(url=where, body=response.content, data=None)
            raise _Retryable(
                f"the body is not JSON ({exc}; {len(response.content):,} bytes)"
            ) from exc
        return JsonResponse(url=where, body=response.content, data=data)


def _quoted(body: bytes) -> str:
    text = body.decode("utf-8", errors="replace").strip()
    if len(text) > _QUOTED_BODY_CHARS:
        text = text[:_QUOTED_BODY_CHARS] + "..."
    return text or "(empty body)"
