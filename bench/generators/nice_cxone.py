"""NICE CXone Interaction Analytics exports, built from sample_data/nice_cxone.

Writes export files (JSON lists of segment records, like the vendor's) built from the bundled
sample records: every record gets its own ids and times, interactions of two segments, and a
longer interwoven transcript, so a record weighs about what a real analyzed call does (~9 KB).
The same seed and size always give the same bytes. A share of records can be reprocessed
versions (versionId 2, acquired later) of segments of an earlier batch.
"""

from __future__ import annotations

import copy
import json
import random
import uuid
from datetime import timedelta
from pathlib import Path
from typing import BinaryIO

from . import SAMPLE_DATA, WORDS, record_start, stamp

SAMPLES = sorted((SAMPLE_DATA / "nice_cxone").rglob("*.json"))


def templates() -> list[dict[str, object]]:
    records: dict[str, dict[str, object]] = {}
    for path in SAMPLES:
        for record in json.loads(path.read_text()):
            records[str(record["externalId"])] = record
    return [records[key] for key in sorted(records)]


def record(
    number: int, seed: int, template: dict[str, object], rng: random.Random, version: int = 1
) -> dict[str, object]:
    rec = copy.deepcopy(template)
    segment_id = str(uuid.uuid5(uuid.NAMESPACE_OID, f"{seed}-segment-{number}"))
    master_id = str(uuid.uuid5(uuid.NAMESPACE_OID, f"{seed}-interaction-{number // 2}"))
    start = record_start(number)
    end = start + timedelta(seconds=120 + rng.randrange(900))
    rec.update(
        {
            "id": segment_id,
            "externalId": segment_id,
            "segmentId": segment_id,
            "masterExternalId": master_id,
            "segmentContactId": master_id,
            "interactionId": master_id,
            "startTime": stamp(start),
            "endTime": stamp(end),
            "publishedAt": stamp(end),
            "acquiredAt": stamp(end + timedelta(minutes=7 + version)),
            "versionId": version,
            "inQueueSeconds": rng.randrange(5, 600),
            "holdSeconds": rng.randrange(0, 120),
            "holdCount": rng.randrange(0, 3),
        }
    )
    transcript = rec.get("interwovenTranscript")
    if isinstance(transcript, dict):
        blocks = list(transcript.get("transcriptBlock") or [])
        extra = []
        for i in range(12):
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(8, 30)))
            extra.append(
                {
                    "channelName": "AGENT" if i % 2 else "CLIENT",
                    "offset": 0,
                    "length": len(text),
                    "blockId": len(blocks) + i + 1,
                    "text": text,
                    "ignored": False,
                    "channelMetadata": {
                        "voiceMetadata": {
                            "startTime": 1000 * i,
                            "endTime": 1000 * i + 900,
                            "confidence": round(rng.random(), 2),
                        }
                    },
                }
            )
        transcript["transcriptBlock"] = blocks + extra
    for channel in rec.get("channels") or []:
        if isinstance(channel, dict):
            channel["sentiment"] = rng.choice(["POSITIVE", "NEGATIVE", "NEUTRAL", "MIXED"])
    return rec


def generate(
    out: Path,
    megabytes: float,
    seed: int,
    start: int = 0,
    records_per_file: int = 1000,
    reprocess: float = 0.0,
    max_records: int | None = None,
) -> tuple[int, int]:
    """Write exports of about `megabytes` (or `max_records` records, whichever comes first);
    returns the records and bytes written. Records are written as they are made, so a single
    file of gigabytes takes no more memory than a small one."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed * 1_000_003 + start)
    bases = templates()
    budget = int(megabytes * 1024 * 1024)
    written = number = files = in_file = 0
    handle: BinaryIO | None = None

    def close() -> None:
        nonlocal handle, written, files, in_file
        if handle is not None:
            handle.write(b"]")
            handle.close()
            written += 1
            handle, in_file = None, 0
            files += 1

    try:
        while written < budget and (max_records is None or number < max_records):
            current = start + number
            if reprocess and number and rng.random() < reprocess:
                # a reprocessed historical segment: an older number, a newer version
                old = rng.randrange(0, max(1, start))
                rec = record(old, seed, bases[old % len(bases)], rng, version=2)
            else:
                rec = record(current, seed, bases[current % len(bases)], rng)
            if handle is None:
                handle = (out / f"ia-export-{seed}-{start:09d}-{files:05d}.json").open("wb")
            data = (b"," if in_file else b"[") + json.dumps(rec, separators=(",", ":")).encode()
            handle.write(data)
            written += len(data)
            number += 1
            in_file += 1
            if in_file >= records_per_file:
                close()
    finally:
        close()
    return number, written
