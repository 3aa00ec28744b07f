"""The pull client's retry rules, with its sleeps recorded instead of slept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest
from tests.pull.fakes import FakeApi, Reply, json_reply

from ccw.pull.http import (
    BACKOFF_MAX_SECONDS,
    MAX_RETRY_AFTER_SECONDS,
    CredentialError,
    JsonClient,
    PullError,
    retry_after_seconds,
)


class Echo(FakeApi):
    """Answers every request with a small JSON object."""

    def handle(
        self, method: str, path: str, query: dict[str, list[str]], headers: Any, body: bytes
    ) -> Reply:
        return json_reply({"ok": True, "path": path})


def client(sleeps: list[float], attempts: int = 4) -> JsonClient:
    return JsonClient(
        {},
        credential_hint="set TEST_TOKEN",
        timeout=2,
        attempts=attempts,
        sleep=sleeps.append,
    )


def test_retry_after_in_seconds_is_waited_exactly() -> None:
    sleeps: list[float] = []
    with Echo() as api, client(sleeps) as http:
        api.faults = {1: "429", 2: "429"}
        api.retry_after = "7"
        assert http.get(f"{api.url}/x").data == {"ok": True, "path": "/x"}
    assert sleeps == [7.0, 7.0]


def test_retry_after_as_an_http_date_and_its_cap() -> None:
    now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    later = format_datetime(now + timedelta(seconds=90), usegmt=True)
    assert retry_after_seconds(later, now=now) == 90.0
    assert retry_after_seconds("not a date") is None
    sleeps: list[float] = []
    with Echo() as api, client(sleeps) as http:
        api.faults = {1: "429"}
        api.retry_after = "86400"
        http.get(api.url)
    assert sleeps == [MAX_RETRY_AFTER_SECONDS]


def test_5xx_backs_off_growing_within_the_cap_and_gives_up_after_the_attempts() -> None:
    sleeps: list[float] = []
    with Echo() as api, client(sleeps, attempts=4) as http:
        api.down_from = 1
        with pytest.raises(PullError, match="failed 4 times, the last: HTTP 500"):
            http.get(api.url)
        assert api.requests == 4
    assert len(sleeps) == 3
    assert all(0 < s <= BACKOFF_MAX_SECONDS for s in sleeps)
    assert sleeps[2] > sleeps[0]


def test_refused_credentials_are_not_retried() -> None:
    sleeps: list[float] = []
    with Echo() as api, client(sleeps) as http:
        api.faults = {1: "expired"}
        with pytest.raises(CredentialError, match="set TEST_TOKEN"):
            http.get(api.url)
        assert api.requests == 1
    assert sleeps == []


def test_a_cut_body_and_a_body_that_is_not_json_are_retried() -> None:
    sleeps: list[float] = []
    with Echo() as api, client(sleeps) as http:
        api.faults = {1: "truncated", 2: "not_json"}
        assert http.get(api.url).data == {"ok": True, "path": "/"}
        assert api.requests == 3
    assert len(sleeps) == 2
