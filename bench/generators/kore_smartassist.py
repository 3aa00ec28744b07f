"""Deterministic Kore.ai SmartAssist interactionDetails generator for benchmarks.

Builds from the sessions in sample_data/kore_smartassist (bot-only chat and voice, queued voice
answered with consult and supervisor join, chat with non-responding agents, chat terminated with
no agents, direct agent segment; the redelivered session with CSAT feedback wins over its first
delivery). Record `n` is template `n % 8` with its own sessionId (24 hex digits), conversationId,
end-user userId and channelSpecificUserId (uuid5 of seed and record number), every time moved to
start at BASE_TIME + 37 s * n, the template's agents swapped for agents of a fixed pool (ids,
names, emails), a new caller number and, where the template has one, a new CSAT score. Nested
arrays (destinations, respondingAgent, nonRespondingAgents, ConsultingAgents, JoinedUsers, tags,
dispositions) keep the template's shape.

Times are written as the sample has them: India Standard Time without an offset, so load with
`ccw load kore_smartassist ... --assume-timezone +05:30`. Files are responses
`{"numResults": n, "data": [...]}` of up to `records_per_file` sessions, named
`interaction-details-<seed>-<start>-offset-<file>.json`.
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
    strings,
    time_slots,
    uid,
)

VENDOR = "kore_smartassist"
IST = timedelta(hours=5, minutes=30)
# The sample's agents by pool index: first name, last name.
SAMPLE_AGENTS = {
    1: ("Priya", "Raman"),
    2: ("Arjun", "Mehta"),
    3: ("Kavya", "Iyer"),
    4: ("Rohan", "Das"),
}


def agent_strings(index: int) -> dict[str, str]:
    """Every string the export writes for pool agent `index`, by role."""
    first, last = SAMPLE_AGENTS.get(index) or agent_name(index)
    return {
        "id": f"u-0b7f0d22-4311-5555-9ed6-861c9231a{index:03d}",
        "name": f"{first} {last}",
        "email": f"{first.lower()}.{last.lower()}@example.in",
    }


AGENTS = {index: agent_strings(index) for index in range(1, AGENT_POOL_SIZE + 1)}
AGENT_BY_ID = {texts["id"]: index for index, texts in AGENTS.items()}


def render_ist(moment: datetime) -> str:
    return (moment + IST).isoformat(timespec="seconds")


def read_time(text: str) -> tuple[datetime, Renderer] | None:
    if is_time(text) and len(text) == 19:
        return datetime.fromisoformat(text) - IST, render_ist
    return None


@dataclass(frozen=True)
class Template:
    session: dict[str, Any]
    times: list[TimeSlot]
    session_id: str
    conversation_id: str | None
    user_id: str | None
    channel_user: str | None
    caller: str | None
    agents: list[int]


def sample_sessions() -> list[dict[str, Any]]:
    sessions: dict[str, dict[str, Any]] = {}
    for path in sorted((SAMPLE_DATA / VENDOR).rglob("*.json")):
        for session in json.loads(path.read_text())["data"]:
            sessions[str(session["sessionId"])] = session  # later deliveries win
    return [sessions[key] for key in sorted(sessions)]


def compile_template(session: dict[str, Any]) -> Template:
    anchor = datetime.fromisoformat(session["sessionStartTime"]) - IST
    caller = (session.get("customerinfo") or {}).get("CustomerPhone") or None
    return Template(
        session=session,
        times=time_slots(session, anchor, read_time),
        session_id=session["sessionId"],
        conversation_id=session.get("conversationId"),
        user_id=session.get("userId"),
        channel_user=session.get("channelSpecificUserId"),
        caller=caller,
        agents=sorted({AGENT_BY_ID[text] for text in strings(session) if text in AGENT_BY_ID}),
    )


TEMPLATES = [compile_template(session) for session in sample_sessions()]


def record(number: int, seed: int) -> dict[str, Any]:
    template = TEMPLATES[number % len(TEMPLATES)]
    rng = record_rng(seed, VENDOR, number)
    session_id = uid(seed, VENDOR, number, "session").replace("-", "")[:24]
    mapping = {template.session_id: session_id}
    if template.conversation_id:
        mapping[template.conversation_id] = "c-" + uid(seed, VENDOR, number, "conversation")[1:]
    if template.user_id:
        mapping[template.user_id] = "u-" + uid(seed, VENDOR, number, "user")
    if template.channel_user:
        account = template.channel_user.split("/", 1)[0]
        mapping[template.channel_user] = f"{account}/{session_id}"
    if template.caller:
        mapping[template.caller] = f"+919{rng.randrange(10**9):09d}"
    chosen = rng.sample(range(1, AGENT_POOL_SIZE + 1), len(template.agents))
    for old, new in zip(template.agents, chosen, strict=True):
        for role, text in AGENTS[old].items():
            mapping[text] = AGENTS[new][role]
    place_times(template.times, record_start(number), mapping)
    session: dict[str, Any] = rebuild(template.session, mapping)
    if "csatScore" in session:
        session["csatScore"] = rng.randint(1, 5)
    return session


def generate(
    out: Path, megabytes: float, seed: int, start: int = 0, records_per_file: int = 1000
) -> tuple[int, int]:
    """Write about `megabytes` MB of interactionDetails responses to `out`; (records, bytes)."""
    out.mkdir(parents=True, exist_ok=True)

    def build(number: int) -> tuple[str, int]:
        text = dumps(record(number, seed))
        return text, len(text) + 1

    def write(sessions: list[str], index: int, last: bool) -> int:
        text = f'{{"numResults":{len(sessions)},"data":[{",".join(sessions)}]}}'
        data = text.encode()
        (out / f"interaction-details-{seed}-{start:09d}-offset-{index}.json").write_bytes(data)
        return len(data)

    return fill_files(megabytes, start, records_per_file, build, write)
