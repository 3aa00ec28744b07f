"""Deterministic Google CCAI Platform session metadata generator for benchmarks.

Builds from the session metadata documents in sample_data/ccai_platform (IVR calls: answered,
transferred between agents, escalated from a virtual agent, handled by a virtual agent only,
deflected to voicemail; an outbound call, a scheduled web call, a web chat; the rewritten
call-1001 with its CSAT wins over its first version). Record `n` is template `n % 8` with its own
session id (`seed * 10^9 + n + 1`; calls and chats are separate sequences, so record numbers keep
both unique), call_uuid (uuid5 of seed and record number), participant call_id/chat_id, transfer,
escalation and deflection ids, ticket and recording links, a new end user (id, phone, contact id),
the template's human agents swapped for agents of a fixed pool, a new rating where the template
has one, and every time moved to start at BASE_TIME + 37 s * n, written with the sample's
+03:00 offset. Nested arrays (participants, transfers, escalations, deflection_details,
virtual_agent_handle_durations) keep the template's shape.

As the platform stores them, each file holds one document, named `call-<id>.json` or
`chat-<id>.json`; `records_per_file` documents share a folder `ccai-<seed>-<start>-<folder>`.
"""

from __future__ import annotations

import json
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
    fill_files,
    is_time,
    place_times,
    rebuild,
    record_rng,
    record_start,
    time_slots,
    uid,
)

VENDOR = "ccai_platform"
OFFSET = timedelta(hours=3)
# The sample's human agents by pool index: first name, last name, agent number.
SAMPLE_AGENTS = {1: ("Noam", "Barak"), 2: ("Lena", "Koval"), 3: ("Omar", "Saleh")}
AGENT_ID_BASE = 500


def agent_fields(index: int) -> dict[str, Any]:
    """The person object the metadata writes for pool agent `index` (agent_info, transfers)."""
    first, last = SAMPLE_AGENTS.get(index) or agent_name(index)
    return {
        "id": AGENT_ID_BASE + index,
        "name": f"{first} {last[0]}",
        "first_name": first,
        "last_name": last,
        "email": f"{first.lower()}.{last.lower()}@example.com",
        "agent_number": str(1003 + 4 * index),
    }


AGENTS = {AGENT_ID_BASE + index: agent_fields(index) for index in range(1, AGENT_POOL_SIZE + 1)}


def render_local(moment: datetime) -> str:
    return (moment + OFFSET).isoformat(timespec="milliseconds") + "+03:00"


def read_time(text: str) -> tuple[datetime, Renderer] | None:
    if is_time(text) and text.endswith("+03:00"):
        return datetime.fromisoformat(text[:-6]) - OFFSET, render_local
    return None


@dataclass(frozen=True)
class Template:
    document: dict[str, Any]
    kind: str
    times: list[TimeSlot]
    agents: list[int]


def sample_documents() -> list[dict[str, Any]]:
    documents: dict[str, dict[str, Any]] = {}
    for path in sorted((SAMPLE_DATA / VENDOR).rglob("*.json")):
        document = json.loads(path.read_text())
        kind = "call" if "call_type" in document else "chat"
        documents[f"{kind}-{document['id']}"] = document  # later versions win
    return [documents[key] for key in sorted(documents)]


def human_agents(document: dict[str, Any]) -> list[int]:
    found = {
        participant["user_id"]
        for participant in document.get("participants") or []
        if participant.get("type") == "agent"
    }
    for transfer in document.get("transfers") or []:
        for key in ("from_agent", "to_agent"):
            if transfer.get(key):
                found.add(transfer[key]["id"])
    info = document.get("agent_info")
    if info and info.get("id") in AGENTS:
        found.add(info["id"])
    return sorted(agent for agent in found if agent in AGENTS)


def compile_template(document: dict[str, Any]) -> Template:
    anchor = datetime.fromisoformat(document["created_at"][:-6]) - OFFSET
    return Template(
        document=document,
        kind="call" if "call_type" in document else "chat",
        times=time_slots(document, anchor, read_time),
        agents=human_agents(document),
    )


TEMPLATES = [compile_template(document) for document in sample_documents()]


def swap_person(person: dict[str, Any] | None, agents: dict[int, int]) -> None:
    if person and person.get("id") in agents:
        fields = AGENTS[agents[person["id"]]]
        for key in person.keys() & fields.keys():
            person[key] = fields[key]


def record(number: int, seed: int) -> tuple[str, dict[str, Any]]:
    """(`call` or `chat`, the session metadata document) of record `number`."""
    template = TEMPLATES[number % len(TEMPLATES)]
    source = template.document
    rng = record_rng(seed, VENDOR, number)
    session_id = seed * 1_000_000_000 + number + 1
    old_id = str(source["id"])
    mapping: dict[str, str] = {}
    place_times(template.times, record_start(number), mapping)
    if source.get("call_uuid"):
        mapping[source["call_uuid"]] = uid(seed, VENDOR, number, "call_uuid")
    for key in ("out_ticket_id", "out_ticket_url", "recording_url"):
        if source.get(key):
            mapping[source[key]] = source[key].replace(old_id, str(session_id))
    customer = 100_000 + rng.randrange(900_000)
    end_user = source.get("end_user") or {}
    identifier = end_user.get("identifier")
    if identifier:
        if identifier.startswith("+"):
            mapping[identifier] = f"+1555{rng.randrange(10**7):07d}"
        else:
            mapping[identifier] = f"visitor-{session_id}"
    if end_user.get("out_contact_id"):
        mapping[end_user["out_contact_id"]] = f"C-{customer}"
    document: dict[str, Any] = rebuild(source, mapping)
    document["id"] = session_id
    parent_key = f"{template.kind}_id"
    chosen = rng.sample(range(1, AGENT_POOL_SIZE + 1), len(template.agents))
    agents = {old: AGENT_ID_BASE + new for old, new in zip(template.agents, chosen, strict=True)}
    if document.get("end_user"):
        document["end_user"]["id"] = customer
    for participant in document.get("participants") or []:
        participant[parent_key] = session_id
        if participant.get("end_user_id") is not None:
            participant["end_user_id"] = customer + participant["end_user_id"] - end_user["id"]
        if participant.get("type") == "agent" and participant.get("user_id") in agents:
            participant["user_id"] = agents[participant["user_id"]]
    for index, transfer in enumerate(document.get("transfers") or []):
        transfer["id"] = session_id * 100 + index + 1
        swap_person(transfer.get("from_agent"), agents)
        swap_person(transfer.get("to_agent"), agents)
    for index, escalation in enumerate(document.get("escalations") or []):
        escalation["id"] = session_id * 100 + index + 1
    for index, deflection in enumerate(document.get("deflection_details") or []):
        deflection["id"] = session_id * 100 + index + 1
        deflection[parent_key] = session_id
    swap_person(document.get("agent_info"), agents)
    if document.get("rating") is not None:
        document["rating"] = rng.randint(1, 5)
    return template.kind, document


def generate(
    out: Path, megabytes: float, seed: int, start: int = 0, records_per_file: int = 1000
) -> tuple[int, int]:
    """Write about `megabytes` MB of session metadata files under `out`; (records, bytes)."""
    out.mkdir(parents=True, exist_ok=True)

    def build(number: int) -> tuple[tuple[str, bytes], int]:
        kind, document = record(number, seed)
        data = dumps(document).encode()
        return (f"{kind}-{document['id']}.json", data), len(data)

    def write(files: list[tuple[str, bytes]], index: int, last: bool) -> int:
        folder = out / f"ccai-{seed}-{start:09d}-{index:05d}"
        folder.mkdir(exist_ok=True)
        for name, data in files:
            (folder / name).write_bytes(data)
        return sum(len(data) for _, data in files)

    return fill_files(megabytes, start, records_per_file, build, write)
