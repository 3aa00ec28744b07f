"""Deterministic CxEngage interaction generator for benchmarks.

Builds from the interactions in sample_data/cxengage (voice with a transfer between queues, voice
abandoned in queue, IVR self-service, outbound, SMS, web messaging with a conference and a
cancelled transfer, email, work item; the redelivered SMS document wins over its first delivery).
Record `n` is template `n % 7` with its own interactionId, segment, queue-entry, agent-allocation,
hook, note, contact and message ids (uuid5 of seed and record number), all times moved to start
at BASE_TIME + 37 s * n (epoch-millisecond transcript stamps too), the template's agents swapped
for agents of a fixed pool, a new customer, a CSAT answer, and for SMS and messaging a few more
transcript messages of random words. Nested arrays (segments, queues, agents, details.agents,
hooks, notes, messagingTranscript) keep the template's shape.

Files are JSON Lines, one interaction per line as `ccw load cxengage` reads them (the sample's
`.jsonl`), named `interactions-<seed>-<start>-<file>.jsonl`.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from . import (
    AGENT_POOL_SIZE,
    SAMPLE_DATA,
    Renderer,
    TimeSlot,
    agent_name,
    dumps,
    epoch_ms,
    fill_files,
    is_time,
    place_times,
    rebuild,
    record_rng,
    record_start,
    stamp_ms,
    strings,
    time_slots,
    uid,
    words,
)

VENDOR = "cxengage"
# Keys whose values are ids of this one interaction (fresh per record).
ID_KEYS = frozenset(
    {
        "interactionId",
        "interactionSegmentId",
        "interactionQueueId",
        "interactionAgentId",
        "interactionHookId",
        "noteId",
        "contactId",
    }
)
# The sample's agents by pool index: first name, last name.
SAMPLE_AGENTS = {1: ("Maria", "Lopez"), 2: ("Ken", "Ito"), 3: ("Priya", "Shah")}


def agent_strings(index: int) -> dict[str, str]:
    """Every string the exports write for pool agent `index`, by role."""
    first, last = SAMPLE_AGENTS.get(index) or agent_name(index)
    return {
        "id": f"a1f0c2d4-{index:04d}-4c1e-9a7b-{index:012d}",
        "platform": f"p-{1000 + index}",
        "tenant": f"t-{1000 + index}",
        "session": f"5e550000-16a1-11f1-8a2b-{index:012d}",
        "name": f"{first} {last}",
        "first": first,
        "last": last,
        "joined": f"{first} {last} has joined the conversation.",
    }


AGENTS = {index: agent_strings(index) for index in range(1, AGENT_POOL_SIZE + 1)}
AGENT_BY_ID = {texts["id"]: index for index, texts in AGENTS.items()}


def read_time(text: str) -> tuple[datetime, Renderer] | None:
    if is_time(text) and text.endswith("Z"):
        return datetime.fromisoformat(text[:-1]), stamp_ms
    if len(text) == 13 and text.isdigit():
        return datetime(1970, 1, 1) + timedelta(milliseconds=int(text)), epoch_ms
    return None


@dataclass(frozen=True)
class Template:
    document: dict[str, Any]
    times: list[TimeSlot]
    ids: list[str]
    agents: list[int]
    customer: str | None
    duration: timedelta


def collect_ids(node: Any, found: dict[str, None], in_transcript: bool = False) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str) and (key in ID_KEYS or (in_transcript and key == "id")):
                found.setdefault(value, None)
            else:
                collect_ids(value, found, in_transcript or key == "messagingTranscript")
    elif isinstance(node, list):
        for value in node:
            collect_ids(value, found, in_transcript)


def sample_documents() -> list[dict[str, Any]]:
    documents: dict[str, dict[str, Any]] = {}
    for path in sorted((SAMPLE_DATA / VENDOR).rglob("*.json*")):
        text = path.read_text()
        if path.suffix == ".jsonl":
            parsed: list[Any] = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            loaded = json.loads(text)
            parsed = loaded if isinstance(loaded, list) else [loaded]
        for document in parsed:
            documents[str(document["interactionId"])] = document  # later deliveries win
    return [documents[key] for key in sorted(documents)]


def compile_template(document: dict[str, Any]) -> Template:
    anchor = datetime.fromisoformat(document["startTimestamp"][:-1])
    found: dict[str, None] = {}
    collect_ids(document, found)
    agents = sorted({AGENT_BY_ID[text] for text in strings(document) if text in AGENT_BY_ID})
    return Template(
        document=document,
        times=time_slots(document, anchor, read_time),
        ids=list(found),
        agents=agents,
        customer=document.get("customer"),
        duration=datetime.fromisoformat(document["endTimestamp"][:-1]) - anchor,
    )


TEMPLATES = [compile_template(document) for document in sample_documents()]


def new_customer(customer: str, rng: random.Random) -> str:
    if customer.startswith("+"):
        return f"+1506{rng.randrange(10**7):07d}"
    if "@" in customer:
        first, last = agent_name(rng.randrange(1000))
        return f"{first.lower()}.{last.lower()}{rng.randrange(1000)}@example.com"
    prefix = customer.rsplit("-", 1)[0]
    return f"{prefix}-{rng.randrange(10**6)}"


def extend_transcript(
    transcript: list[dict[str, Any]],
    seed: int,
    number: int,
    end: datetime,
    rng: random.Random,
) -> None:
    """Append messages shaped like the transcript's last customer and agent messages."""

    def sender(item: dict[str, Any]) -> str | None:
        return ((item.get("payload") or item).get("metadata") or {}).get("type")

    shapes = {sender(item): item for item in transcript}
    customer, agent = shapes.get("customer"), shapes.get("agent")
    if customer is None or agent is None:
        return
    last = transcript[-1]
    last_time = datetime.fromisoformat((last.get("payload") or last)["timestamp"][:-1])
    extra = rng.randrange(4, 12)
    step = (end - last_time) / (extra + 1)
    for i in range(extra):
        item = rebuild(agent if i % 2 else customer, {})
        moment = last_time + step * (i + 1)
        text = words(rng, 6, 24)
        message_id = uid(seed, VENDOR, number, f"message-{i}")
        if "payload" in item:
            payload = item["payload"]
            payload["body"]["id"] = message_id
            payload["body"]["text"] = text
            payload["timestamp"] = stamp_ms(moment)
            item["timestamp"] = epoch_ms(moment)
        else:
            item["id"] = message_id
            item["body"]["text"] = text
            item["timestamp"] = stamp_ms(moment)
        transcript.append(item)


def record(number: int, seed: int) -> dict[str, Any]:
    template = TEMPLATES[number % len(TEMPLATES)]
    rng = record_rng(seed, VENDOR, number)
    start = record_start(number)
    mapping = {text: uid(seed, VENDOR, number, text) for text in template.ids}
    place_times(template.times, start, mapping)
    chosen = rng.sample(range(1, AGENT_POOL_SIZE + 1), len(template.agents))
    for old, new in zip(template.agents, chosen, strict=True):
        for role, text in AGENTS[old].items():
            mapping[text] = AGENTS[new][role]
    if template.customer:
        mapping[template.customer] = new_customer(template.customer, rng)
    document: dict[str, Any] = rebuild(template.document, mapping)
    details = document.get("details")
    if isinstance(details, dict) and (details.get("csat") is not None or rng.random() < 0.3):
        details["csat"] = rng.randint(1, 5)
    transcript = document.get("messagingTranscript")
    if isinstance(transcript, list) and transcript:
        extend_transcript(transcript, seed, number, start + template.duration, rng)
    return document


def generate(
    out: Path, megabytes: float, seed: int, start: int = 0, records_per_file: int = 1000
) -> tuple[int, int]:
    """Write about `megabytes` MB of interactions to `out`; returns (records, bytes)."""
    out.mkdir(parents=True, exist_ok=True)

    def build(number: int) -> tuple[str, int]:
        line = dumps(record(number, seed))
        return line, len(line) + 1

    def write(lines: list[str], index: int, last: bool) -> int:
        data = ("\n".join(lines) + "\n").encode()
        (out / f"interactions-{seed}-{start:09d}-{index:05d}.jsonl").write_bytes(data)
        return len(data)

    return fill_files(megabytes, start, records_per_file, build, write)
