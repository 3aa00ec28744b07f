"""Local stand-ins for the vendors' APIs, on 127.0.0.1, that keep the documented limits and can
be told to misbehave: 429 with Retry-After, 500, a response slower than the client's timeout, a
body cut short, a body that is not JSON, a credential that expires."""

from __future__ import annotations

import base64
import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

FAULTS = ("429", "500", "slow", "truncated", "not_json", "expired", "hang")


@dataclass
class Reply:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def json_reply(data: Any, status: int = 200) -> Reply:
    return Reply(status, json.dumps(data).encode(), {"content-type": "application/json"})


class FakeApi:
    """A threaded HTTP server whose `handle` subclasses answer; faults are injected by request
    number (`faults`, 1-based) or on every n-th request (`every_429`)."""

    def __init__(self) -> None:
        self.faults: dict[int, str] = {}
        # From this request number on, every request answers 500 (0: never).
        self.down_from = 0
        # Paths answered 500 whatever the request number (an id the server always fails on).
        self.failing_paths: set[str] = set()
        self.every_429 = 0
        self.retry_after = "0"
        self.slow_seconds = 3.0
        self.requests = 0
        self.log: list[dict[str, Any]] = []
        # Set when a request that hangs has arrived (for tests that kill the client then).
        self.hanging = threading.Event()
        self.release = threading.Event()
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> FakeApi:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    def fault_for(self) -> str | None:
        with self.lock:
            self.requests += 1
            number = self.requests
        if self.down_from and number >= self.down_from:
            return "500"
        if number in self.faults:
            return self.faults[number]
        if self.every_429 and number % self.every_429 == 0:
            return "429"
        return None

    def handle(
        self, method: str, path: str, query: dict[str, list[str]], headers: Any, body: bytes
    ) -> Reply:
        raise NotImplementedError


def _handler(api: FakeApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_: object) -> None:
            pass

        def _serve(self, method: str) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            fault = api.fault_for()
            if fault == "hang":
                api.hanging.set()
                api.release.wait(60)
                return
            if fault == "slow":
                time.sleep(api.slow_seconds)
            parts = urlsplit(self.path)
            if parts.path in api.failing_paths:
                fault = "500"
            reply = (
                _fault_reply(fault, api)
                if fault in ("429", "500", "expired", "not_json")
                else api.handle(method, parts.path, parse_qs(parts.query), self.headers, body)
            )
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("content-length", str(len(reply.body)))
            self.end_headers()
            if fault == "truncated":
                # Promise the whole body, send half of it, and hang up.
                self.wfile.write(reply.body[: len(reply.body) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            self.wfile.write(reply.body)

        def do_GET(self) -> None:
            self._serve("GET")

        def do_POST(self) -> None:
            self._serve("POST")

    return Handler


def _fault_reply(fault: str | None, api: FakeApi) -> Reply:
    if fault == "429":
        reply = json_reply({"error": "too many requests"}, 429)
        reply.headers["retry-after"] = api.retry_after
        return reply
    if fault == "500":
        return json_reply({"error": "internal"}, 500)
    if fault == "expired":
        return json_reply({"errors": [{"msg": "token expired"}]}, 401)
    return Reply(200, b"<html><body>Service temporarily unavailable</body></html>")


# -- Kore.ai SmartAssist ------------------------------------------------------------------------

KORE_PATH = re.compile(
    r"^/agentassist/api/public/analytics/account/([^/]+)/v2/interactiondetails$", re.IGNORECASE
)
KORE_TIME = "%Y-%m-%d %H:%M:%S"


def kore_sessions(count: int, start: datetime, days: int) -> list[dict[str, Any]]:
    """`count` sessions spread evenly over `days` from `start` (local times), shaped as the
    documentation's field table describes them, with a queue entry on every third."""
    step = timedelta(days=days) / count
    sessions = []
    for number in range(count):
        began = (start + step * number).replace(microsecond=0)
        ended = began + timedelta(seconds=90 + number % 300)
        session: dict[str, Any] = {
            "sessionId": f"66f4f3aa205c5afb{number:08x}",
            "channel": "voice" if number % 2 else "rtm",
            "sessionStartTime": began.strftime("%Y-%m-%dT%H:%M:%S"),
            "sessionEndTime": ended.strftime("%Y-%m-%dT%H:%M:%S"),
            "botId": "st-4b6a22d1-b8e5-533d-8020-93f847a90001",
            "userId": f"u-{number:08x}-6b06-5656-a3b1-587465150001",
            "smartStatus": "CLOSED AT BOT",
            "finalStatus": "CLOSED",
            "customerinfo": {"CustomerPhone": f"+1555{number:07d}", "Direction": "Inbound"},
            "skills": [],
            "userleveltags": [],
            "sessionleveltags": [],
        }
        if number % 3 == 0:
            entered = began + timedelta(seconds=20)
            session["conversationId"] = f"c-{number:07x}-5333-4655-a1de-219c1101abcd"
            session["smartStatus"] = "TERMINATED"
            session["destinations"] = [
                {
                    "destinationType": "QueueEntry",
                    "queueId": "qu-04e6978-6011-49d6-929d-cd7150800001",
                    "queueName": "Default Queue",
                    "EnterTime": entered.strftime("%Y-%m-%dT%H:%M:%S"),
                    "respondingAgent": {
                        "agentId": "u-0b7f0d22-4311-5555-9ed6-861c92310001",
                        "destinationType": "AgentSegment",
                        "status": "Answered",
                        "acceptedTime": (entered + timedelta(seconds=15)).strftime(
                            "%Y-%m-%dT%H:%M:%S"
                        ),
                        "interactionDuration": 45,
                    },
                }
            ]
        sessions.append(session)
    return sessions


class FakeKore(FakeApi):
    def __init__(self, sessions: list[dict[str, Any]], token: str, account_id: str) -> None:
        super().__init__()
        self.sessions = sorted(sessions, key=lambda s: (s["sessionStartTime"], s["sessionId"]))
        self.token = token
        self.account_id = account_id
        # Whether pages carry numResults (the documentation's sample does), and a number to
        # take from it (a stale count).
        self.num_results = True
        self.num_results_short_by = 0
        # Answer every request 200 with an error body instead of sessions.
        self.error_body = False
        # Count the 7 days as calendar dates (Sep 1 12:00 to Sep 8 11:00 is 8 days) rather
        # than as a duration.
        self.calendar_days = False

    def handle(
        self, method: str, path: str, query: dict[str, list[str]], headers: Any, body: bytes
    ) -> Reply:
        match = KORE_PATH.match(path)
        if method != "POST" or not match:
            return json_reply({"error": f"no route {method} {path}"}, 404)
        if headers.get("auth") != self.token:
            return json_reply({"errors": [{"msg": "invalid token"}]}, 401)
        if match.group(1) != self.account_id or headers.get("accountid") != self.account_id:
            return json_reply({"errors": [{"msg": "unknown account"}]}, 403)
        limit = int(query.get("limit", ["100"])[0])
        offset = int(query.get("offset", ["0"])[0])
        if limit > 100 or limit < 1:
            return json_reply({"errors": [{"msg": "limit must be at most 100"}]}, 400)
        if offset > 10 or offset < 0:
            return json_reply({"errors": [{"msg": "offset must be at most 10"}]}, 400)
        request = json.loads(body)
        try:
            start = datetime.strptime(request["startDate"], KORE_TIME)
            end = datetime.strptime(request["endDate"], KORE_TIME)
        except (KeyError, ValueError):
            return json_reply({"errors": [{"msg": "startDate and endDate are required"}]}, 400)
        if "timeZoneOffset" not in request:
            return json_reply({"errors": [{"msg": "timeZoneOffset is required"}]}, 400)
        too_long = (
            (end.date() - start.date()).days >= 7
            if self.calendar_days
            else end - start > timedelta(days=7)
        )
        if too_long or end < start:
            return json_reply({"errors": [{"msg": "the days' range cannot exceed 7 days"}]}, 400)
        window = [
            s
            for s in self.sessions
            if start <= datetime.strptime(s["sessionStartTime"], "%Y-%m-%dT%H:%M:%S") <= end
        ]
        page = window[offset * limit : (offset + 1) * limit]
        with self.lock:
            self.log.append({"start": start, "end": end, "offset": offset, "sessions": len(page)})
        if self.error_body:
            return json_reply({"errors": [{"msg": "Rate limit for this API has been reached"}]})
        if not self.num_results:
            return json_reply({"data": page})
        return json_reply({"numResults": len(window) - self.num_results_short_by, "data": page})


# -- Buzzeasy OData -------------------------------------------------------------------------


class FakeBuzzeasy(FakeApi):
    def __init__(
        self,
        sets: dict[str, list[dict[str, Any]]],
        token: str,
        page_size: int,
        *,
        service_document: bool = True,
    ) -> None:
        super().__init__()
        self.sets = sets
        self.token = token
        self.page_size = page_size
        # Whether the root answers OData's JSON service document (the list of entity sets).
        self.service_document = service_document
        # Skip tokens carry the generation they were handed out in; expire_tokens() moves it
        # on, and older ones are refused (400), as a server's tokens expire.
        self.generation = 0

    def expire_tokens(self) -> None:
        self.generation += 1

    def handle(
        self, method: str, path: str, query: dict[str, list[str]], headers: Any, body: bytes
    ) -> Reply:
        if headers.get("authorization") != f"Bearer {self.token}":
            return json_reply({"error": {"message": "unauthorized"}}, 401)
        if path.rstrip("/") == "/odata" and self.service_document:
            return json_reply(
                {
                    "@odata.context": f"{self.url}/odata/$metadata",
                    "value": [
                        {"name": name, "kind": "EntitySet", "url": name} for name in self.sets
                    ],
                }
            )
        name = path.rsplit("/", 1)[-1]
        if not path.startswith("/odata/") or name not in self.sets:
            return json_reply({"error": {"message": f"no entity set {name}"}}, 404)
        skip_text, _, generation = query.get("$skiptoken", ["0"])[0].partition("g")
        skip = int(skip_text)
        if skip and int(generation or 0) != self.generation:
            return json_reply({"error": {"message": "the skip token has expired"}}, 400)
        records = self.sets[name]
        page: dict[str, Any] = {
            "@odata.context": f"{self.url}/odata/$metadata#{name}",
            "value": records[skip : skip + self.page_size],
        }
        if skip + self.page_size < len(records):
            # A relative link on odd pages, an absolute one on even: both are OData.
            following = f"{name}?$skiptoken={skip + self.page_size}g{self.generation}"
            page["@odata.nextLink"] = (
                following if (skip // self.page_size) % 2 else f"{self.url}/odata/{following}"
            )
        with self.lock:
            self.log.append({"set": name, "skip": skip})
        return json_reply(page)


# -- CxEngage -------------------------------------------------------------------------------

CXENGAGE_PATH = re.compile(r"^/v1/tenants/([^/]+)/interactions/([^/]+)$")


def cxengage_interaction(interaction_id: str, tenant_id: str, minute: int) -> dict[str, Any]:
    started = datetime(2024, 5, 1, 9, 0) + timedelta(minutes=minute)
    return {
        "tenantId": tenant_id,
        "interactionId": interaction_id,
        "startTimestamp": started.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "endTimestamp": (started + timedelta(minutes=4)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "channelType": "voice",
        "direction": "inbound",
        "customer": "+15065552222",
        "contactPoint": "+15065551111",
        "interactionTime": 240.5,
        "segments": [],
        "queues": [],
        "details": {"interactionId": interaction_id, "channelType": "voice", "agents": []},
    }


class FakeCxEngage(FakeApi):
    def __init__(self, interactions: dict[str, dict[str, Any]], tenant_id: str) -> None:
        super().__init__()
        self.interactions = interactions
        self.tenant_id = tenant_id
        self.key, self.secret = "key-1", "secret-1"
        # Refuse (400) ids that are not UUIDs, as the documentation types them.
        self.uuid_ids_only = True

    def handle(
        self, method: str, path: str, query: dict[str, list[str]], headers: Any, body: bytes
    ) -> Reply:
        expected = base64.b64encode(f"{self.key}:{self.secret}".encode()).decode()
        if headers.get("authorization") != f"Basic {expected}":
            return json_reply({"error": "unauthorized"}, 401)
        match = CXENGAGE_PATH.match(path)
        if method != "GET" or not match or match.group(1) != self.tenant_id:
            return json_reply({"error": "not found"}, 404)
        if self.uuid_ids_only and not re.match(r"^[0-9a-f-]{36}$", match.group(2)):
            return json_reply({"error": "interactionId must be a UUID"}, 400)
        interaction = self.interactions.get(match.group(2))
        with self.lock:
            self.log.append({"id": match.group(2)})
        if interaction is None:
            return json_reply({"error": "interaction not found"}, 404)
        return json_reply(interaction)


def requests_of(api: FakeApi) -> Iterator[dict[str, Any]]:
    with api.lock:
        yield from list(api.log)
