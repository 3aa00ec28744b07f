"""Deterministic benchmark export generators, one module per vendor, built from the bundled samples.

Each module exposes `generate(out, megabytes, seed, start=0, records_per_file=1000)`, returning
`(records_written, bytes_written)`. A record is built from a sample record (a template) by
`rebuild`: a fresh copy in which the template's ids and times are replaced by the record's own,
value by value, so every place a template repeats an id or a time (an agent listed twice, a
message addressed to its interaction) stays consistent. Record `n` starts at
`BASE_TIME + 37 s * n`, so records spread over many days; ids come from uuid5 of seed, vendor,
record number and the template's id, so a later batch (`start=N`) never repeats an earlier one's.
The same arguments always give the same bytes.

This module holds what the vendors share: ids, times, word lists for text, a pool of agent names,
and the loop that fills files until the byte budget is reached.
"""

from __future__ import annotations

import json
import random
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

PROJECT = Path(__file__).resolve().parents[2]
SAMPLE_DATA = PROJECT / "sample_data"
# Times are naive UTC inside the generators; renderers add the vendor's own offset or suffix.
BASE_TIME = datetime(2026, 1, 1, 8, 0)
SPACING_SECONDS = 37
EPOCH = datetime(1970, 1, 1)

R = TypeVar("R")
Renderer = Callable[[datetime], str]

WORDS = [
    "account",
    "bill",
    "charge",
    "refund",
    "router",
    "line",
    "speed",
    "plan",
    "upgrade",
    "address",
    "payment",
    "card",
    "order",
    "delivery",
    "invoice",
    "contract",
    "renewal",
    "outage",
    "signal",
    "modem",
    "password",
    "email",
    "support",
    "thanks",
    "please",
    "understand",
    "check",
    "moment",
    "confirm",
    "transfer",
    "colleague",
    "technical",
    "billing",
    "question",
]
FIRST_NAMES = [
    "Alex",
    "Bianca",
    "Chen",
    "Dana",
    "Elif",
    "Farid",
    "Grace",
    "Hugo",
    "Ines",
    "Jonas",
    "Kemal",
    "Lucia",
    "Mateo",
    "Nadia",
    "Oskar",
    "Paula",
    "Quinn",
    "Rahul",
    "Sofia",
    "Tomas",
    "Uma",
    "Victor",
    "Wen",
    "Yara",
]
LAST_NAMES = [
    "Adams",
    "Berg",
    "Costa",
    "Diaz",
    "Evans",
    "Fischer",
    "Gupta",
    "Horvat",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Larsen",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
    "Quinteros",
    "Rossi",
    "Schmidt",
    "Tanaka",
]
# Agents a generator may assign beyond the sample's own (pool index 0 is never used).
AGENT_POOL_SIZE = 24

_CONTAINERS = (dict, list)
_ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")


def dumps(value: Any) -> str:
    """Compact JSON, as the exports are written."""
    return json.dumps(value, separators=(",", ":"))


def uid(seed: int, vendor: str, number: int, name: object) -> str:
    """A UUID for one id of one record: the same inputs always give the same UUID."""
    return str(uuid.uuid5(uuid.NAMESPACE_OID, f"{seed}-{vendor}-{number}-{name}"))


def record_rng(seed: int, vendor: str, number: int) -> random.Random:
    """The record's own random source: its values depend only on seed and record number."""
    return random.Random(f"{vendor}-{seed}-{number}")


def record_start(number: int) -> datetime:
    """When record `number` starts (naive UTC)."""
    return BASE_TIME + timedelta(seconds=SPACING_SECONDS * number)


def stamp(moment: datetime) -> str:
    """`2026-01-01T08:00:00Z` (seconds, UTC)."""
    return moment.isoformat(timespec="seconds") + "Z"


def stamp_ms(moment: datetime) -> str:
    """`2026-01-01T08:00:00.000Z` (milliseconds, UTC)."""
    return moment.isoformat(timespec="milliseconds") + "Z"


def epoch_ms(moment: datetime) -> str:
    """Milliseconds since 1970 as text, as CxEngage transcript items carry them."""
    return str((moment - EPOCH) // timedelta(milliseconds=1))


def words(rng: random.Random, low: int, high: int) -> str:
    """A sentence of `low` to `high` - 1 random words."""
    return " ".join(rng.choice(WORDS) for _ in range(rng.randrange(low, high)))


def agent_name(index: int) -> tuple[str, str]:
    """First and last name of pool agent `index` (stable for every record and batch)."""
    return FIRST_NAMES[index % len(FIRST_NAMES)], LAST_NAMES[(index * 7) % len(LAST_NAMES)]


def is_time(text: str) -> bool:
    return _ISO_TIME.match(text) is not None


def strings(node: Any) -> Iterator[str]:
    """Every string value in a JSON tree (keys excluded)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def rebuild(node: Any, mapping: dict[str, str]) -> Any:
    """A fresh copy of a JSON tree with every string value found in `mapping` replaced.

    The hot loop of every generator: leaves are handled inline (no call per string or number).
    """
    kind = type(node)
    if kind is dict:
        return {
            key: mapping.get(value, value)
            if type(value) is str
            else rebuild(value, mapping)
            if type(value) in _CONTAINERS
            else value
            for key, value in node.items()
        }
    if kind is list:
        return [
            mapping.get(value, value)
            if type(value) is str
            else rebuild(value, mapping)
            if type(value) in _CONTAINERS
            else value
            for value in node
        ]
    if kind is str:
        return mapping.get(node, node)
    return node


@dataclass(frozen=True)
class TimeSlot:
    """One time string of a template: its offset from the template's start and how to write it."""

    text: str
    offset: timedelta
    render: Renderer


def time_slots(
    template: Any, anchor: datetime, read: Callable[[str], tuple[datetime, Renderer] | None]
) -> list[TimeSlot]:
    """The template's time strings, each as an offset from `anchor` (naive UTC).

    `read` turns a string into its UTC instant and the renderer that writes an instant the same
    way, or None for a string that is not a time.
    """
    slots: dict[str, TimeSlot] = {}
    for text in strings(template):
        if text in slots:
            continue
        parsed = read(text)
        if parsed is not None:
            moment, render = parsed
            slots[text] = TimeSlot(text, moment - anchor, render)
    return list(slots.values())


def place_times(slots: list[TimeSlot], start: datetime, mapping: dict[str, str]) -> None:
    """Add each template time, moved to a record starting at `start`, to `mapping`."""
    for slot in slots:
        mapping[slot.text] = slot.render(start + slot.offset)


def fill_files(
    megabytes: float,
    start: int,
    records_per_file: int,
    build: Callable[[int], tuple[R, int]],
    write: Callable[[list[R], int, bool], int],
) -> tuple[int, int]:
    """Build records `start`, `start + 1`, ... until the byte budget is reached.

    `build(number)` returns a record and about how many bytes it adds to a file; `write(records,
    file_index, last)` writes one file (or page set) and returns the bytes it wrote, `last` telling
    it whether more files follow. Returns (records, bytes written).
    """
    budget = int(megabytes * 1024 * 1024)
    written = pending = count = files = 0
    batch: list[R] = []
    while written + pending < budget:
        record, size = build(start + count)
        batch.append(record)
        pending += size
        count += 1
        if len(batch) >= records_per_file:
            written += write(batch, files, written + pending >= budget)
            files += 1
            batch = []
            pending = 0
    if batch:
        written += write(batch, files, True)
    return count, written
