"""Deterministic Buzzeasy OData feed generator for benchmarks.

Builds from the feed pages in sample_data/buzzeasy/2026-03-02. A record is one conversation chain
of the sample (a conversation and the ones its transfers continued in, by nextConversationID)
with every row of every set that belongs to it: Conversations, Calls, Chats, Emails,
QueueSegments, RejectedEnqueueAttempts, BotSegments, CapturedData, Workitems (by
primaryConversationID), WorkitemConversationSessions, WorkitemEvaluations,
WorkitemEvaluationData and CollectedData (by workitem). The sample has ten chains; record `n` is
chain `n % 10` with its own conversation, workitem, evaluation, bot-segment and rejected-attempt
ids (prefix kept, uuid5 of seed and record number; ids built from them, `ws-wi-...`,
`th-cv-...`, `ev-...-1`, follow), so every reference between sets points at a row of the same
record. Its times are moved to start at BASE_TIME + 37 s * n: the `...Utc`/`...UTC` times in UTC,
the others in the tenant's wall-clock time (Central European, with its daylight saving time, as
the sample's +01:00 is), bot segments, which carry only wall-clock times, included. The sample's
three agents are shuffled per record, the customer id is drawn from a pool, handled workitems get
a random completion code and chats random answer speeds. Agent States are generated per
workitem from the sample's state rows: an Idle and a Busy interval for a handled workitem, a
RONA break after a missed or rejected one.

Each file of `records_per_file` records is one page per entity set, `<EntitySet>-page-<k>.json`,
`{"@odata.context": "https://odata.buzzeasy.com/odata/v1/$metadata#<EntitySet>", "value": [...]}`
with an `@odata.nextLink` when another page follows, in the folder `buzzeasy-<seed>-<start>`. The
lookup sets (Agents, Users, Queues, Channels, BusinessUnits, BotSteps, Campaigns) are copied
byte for byte from the sample once per folder into `lookups/`. Not generated: the campaign record
sets and AgentBusinessUnitChanges, which belong to no conversation.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import (
    SAMPLE_DATA,
    Renderer,
    TimeSlot,
    dumps,
    fill_files,
    is_time,
    place_times,
    rebuild,
    record_rng,
    record_start,
    stamp,
    strings,
    time_slots,
    uid,
)

VENDOR = "buzzeasy"
SAMPLE_DAY = SAMPLE_DATA / VENDOR / "2026-03-02"
FEED = "https://odata.buzzeasy.com/odata/v1/"
CONVERSATION_SETS = ("Conversations", "Calls", "Chats", "Emails")
# The sets a record writes, in the order its pages are written.
RECORD_SETS = (
    "Conversations",
    "Calls",
    "Chats",
    "Emails",
    "QueueSegments",
    "RejectedEnqueueAttempts",
    "BotSegments",
    "CapturedData",
    "Workitems",
    "WorkitemConversationSessions",
    "WorkitemEvaluations",
    "WorkitemEvaluationData",
    "CollectedData",
    "AgentStates",
)
# Ids of one record's rows (customer ids are drawn from a pool instead).
ID_TOKEN = re.compile(r"\b(?:cv|wi|ev|bt|rj|cu)-\d+")
AGENT_IDS = ("ag-anna", "ag-bence", "ag-csilla")
COMPLETION_CODES = (
    "Resolved",
    "Callback completed",
    "Invoice resent",
    "Information given",
    "Follow-up needed",
)
CUSTOMERS = 50_000


@lru_cache(maxsize=64)
def _summer_time(year: int) -> tuple[datetime, datetime]:
    """EU summer time of `year` in UTC: last Sunday of March to last Sunday of October, 01:00."""

    def last_sunday(month: int) -> datetime:
        day = datetime(year, month, 31, 1)
        return day - timedelta(days=(day.weekday() + 1) % 7)

    return last_sunday(3), last_sunday(10)


def tenant_offset(moment: datetime) -> timedelta:
    """The tenant's UTC offset (Central European Time) at UTC instant `moment`."""
    begins, ends = _summer_time(moment.year)
    return timedelta(hours=2 if begins <= moment < ends else 1)


def render_local(moment: datetime) -> str:
    return (moment + tenant_offset(moment)).isoformat(timespec="seconds")


def read_time(text: str) -> tuple[datetime, Renderer] | None:
    if not is_time(text):
        return None
    if text.endswith("Z"):
        return datetime.fromisoformat(text[:-1]), stamp
    if len(text) == 19:
        local = datetime.fromisoformat(text)
        return local - tenant_offset(local - timedelta(hours=1)), render_local
    return None


def read_set(path: Path) -> tuple[str, dict[str, Any]]:
    page = json.loads(path.read_text())
    match = re.search(r"#([^/(]+)", page.get("@odata.context", ""))
    name = match.group(1) if match else re.sub(r"-page-\d+$", "", path.stem)
    return name, page


def sample_sets() -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(SAMPLE_DAY.glob("*.json")):
        name, page = read_set(path)
        rows.setdefault(name, []).extend(page["value"])
    return rows


@dataclass(frozen=True)
class Template:
    """One conversation chain of the sample with its rows of every set."""

    rows: dict[str, list[dict[str, Any]]]
    times: list[TimeSlot]
    id_strings: list[str]
    tokens: list[str]


def chains(rows: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    """Conversation id -> the first conversation id of its chain."""
    following: dict[str, str] = {}
    conversations: set[str] = set()
    for name in CONVERSATION_SETS:
        for row in rows.get(name, []):
            conversations.add(row["id"])
            after = row.get("nextConversationID") or row.get("nextConversationId")
            if after:
                following[row["id"]] = after
    preceding = {after: before for before, after in following.items()}
    first: dict[str, str] = {}
    for conversation in sorted(conversations):
        head = conversation
        while head in preceding:
            head = preceding[head]
        first[conversation] = head
    return first


def compile_templates() -> list[Template]:
    rows = sample_sets()
    chain_of = chains(rows)
    workitem_chain: dict[str, str] = {}
    for row in rows.get("Workitems", []):
        workitem_chain[row["id"]] = chain_of[row["primaryConversationID"]]
    grouped: dict[str, dict[str, list[dict[str, Any]]]] = {
        head: {} for head in sorted(set(chain_of.values()))
    }
    for name in RECORD_SETS:
        for row in rows.get(name, []):
            values = list(strings(row))
            head = next((chain_of[v] for v in values if v in chain_of), None)
            if head is None:
                head = next((workitem_chain[v] for v in values if v in workitem_chain), None)
            if head is not None:
                grouped[head].setdefault(name, []).append(row)
    templates = []
    for group in grouped.values():
        anchor = min(
            datetime.fromisoformat((row.get("startedAtUTC") or row.get("startedAtUtc") or "")[:-1])
            for row in group["Conversations"]
        )
        texts = list(dict.fromkeys(strings(group)))
        id_strings = [text for text in texts if ID_TOKEN.search(text)]
        tokens = list(
            dict.fromkeys(token for text in id_strings for token in ID_TOKEN.findall(text))
        )
        templates.append(Template(group, time_slots(group, anchor, read_time), id_strings, tokens))
    return templates


def state_templates() -> dict[str, dict[str, Any]]:
    """The sample's agent state rows used as shapes: Idle, Busy and a RONA break."""
    shapes: dict[str, dict[str, Any]] = {}
    for row in sample_sets()["AgentStates"]:
        key = row["breakName"] if row["state"] == "Break" else row["state"]
        shapes.setdefault(key, row)
    return {key: shapes[key] for key in ("Idle", "Busy", "RONA")}


TEMPLATES = compile_templates()
STATES = state_templates()
LOOKUPS = sorted((SAMPLE_DAY / "lookups").glob("*.json"))


def agent_state(
    shape: str, number: int, seed: int, index: int, agent: str, begins: datetime, seconds: int
) -> dict[str, Any]:
    row = dict(STATES[shape])
    row["id"] = "as-" + uid(seed, VENDOR, number, f"state-{index}")
    row["agentID"] = agent
    row["startTime"] = render_local(begins)
    row["startTimeUtc"] = stamp(begins)
    row["durationInSeconds"] = seconds
    return row


def agent_states(
    workitems: list[dict[str, Any]], number: int, seed: int, rng: random.Random
) -> list[dict[str, Any]]:
    states: list[dict[str, Any]] = []
    for workitem in workitems:
        agent = workitem.get("agentId")
        if not agent:
            continue
        begins = datetime.fromisoformat(workitem["startTimeUTC"][:-1])
        if workitem.get("result") == "Handled":
            idle = rng.randrange(10, 240)
            before = begins - timedelta(seconds=idle)
            states.append(agent_state("Idle", number, seed, len(states), agent, before, idle))
            seconds = int(workitem["durationInSeconds"])
            states.append(agent_state("Busy", number, seed, len(states), agent, begins, seconds))
        else:
            ends = datetime.fromisoformat(workitem["endTimeUTC"][:-1])
            pause = rng.randrange(30, 300)
            states.append(agent_state("RONA", number, seed, len(states), agent, ends, pause))
    return states


def record(number: int, seed: int) -> dict[str, list[dict[str, Any]]]:
    """Record `number`: its rows by entity set."""
    template = TEMPLATES[number % len(TEMPLATES)]
    rng = record_rng(seed, VENDOR, number)
    tokens: dict[str, str] = {}
    for token in template.tokens:
        prefix = token.split("-", 1)[0]
        if prefix == "cu":
            tokens[token] = f"cu-{rng.randrange(1, CUSTOMERS + 1)}"
        else:
            tokens[token] = f"{prefix}-{uid(seed, VENDOR, number, token)}"
    mapping = {
        text: ID_TOKEN.sub(lambda match: tokens[match.group()], text)
        for text in template.id_strings
    }
    mapping.update(zip(AGENT_IDS, rng.sample(AGENT_IDS, len(AGENT_IDS)), strict=True))
    place_times(template.times, record_start(number), mapping)
    rows: dict[str, list[dict[str, Any]]] = rebuild(template.rows, mapping)
    workitems = rows.get("Workitems", [])
    for workitem in workitems:
        if workitem.get("result") == "Handled" and workitem.get("completionCode") != "Transferred":
            workitem["completionCode"] = rng.choice(COMPLETION_CODES)
    for chat in rows.get("Chats", []):
        chat["averageAgentAnswerSpeedInSeconds"] = round(rng.uniform(5, 90), 1)
        chat["averageBotAnswerSpeedInSeconds"] = round(rng.uniform(0.5, 3), 1)
        chat["averageCustomerAnswerSpeedInSeconds"] = round(rng.uniform(5, 60), 1)
    states = agent_states(workitems, number, seed, rng)
    if states:
        rows["AgentStates"] = states
    return rows


def page(name: str, values: list[str], skiptoken: int | None) -> str:
    more = f',"@odata.nextLink":"{FEED}{name}?$skiptoken={skiptoken}"' if skiptoken else ""
    return f'{{"@odata.context":"{FEED}$metadata#{name}","value":[{",".join(values)}]{more}}}'


def generate(
    out: Path, megabytes: float, seed: int, start: int = 0, records_per_file: int = 1000
) -> tuple[int, int]:
    """Write about `megabytes` MB of OData pages to `out`; returns (records, bytes)."""
    folder = out / f"buzzeasy-{seed}-{start:09d}"
    folder.mkdir(parents=True, exist_ok=True)
    served: dict[str, int] = {}

    def build(number: int) -> tuple[dict[str, list[str]], int]:
        encoded = {
            name: [dumps(row) for row in rows] for name, rows in record(number, seed).items()
        }
        return encoded, sum(len(text) + 1 for texts in encoded.values() for text in texts)

    def write(records: list[dict[str, list[str]]], index: int, last: bool) -> int:
        size = 0
        if index == 0:
            (folder / "lookups").mkdir(exist_ok=True)
            for path in LOOKUPS:
                data = path.read_bytes()
                (folder / "lookups" / path.name).write_bytes(data)
                size += len(data)
        for name in RECORD_SETS:
            values = [text for encoded in records for text in encoded.get(name, [])]
            if not values:
                continue
            served[name] = served.get(name, 0) + len(values)
            data = page(name, values, None if last else served[name]).encode()
            (folder / f"{name}-page-{index + 1}.json").write_bytes(data)
            size += len(data)
        return size

    return fill_files(megabytes, start, records_per_file, build, write)
