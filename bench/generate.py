"""Deterministic NICE CXone export generator for benchmarks.

Writes export files (JSON lists of segment records, like the vendor's) built from the bundled
sample records: every record gets its own ids and times, interactions of two segments, and a
longer interwoven transcript, so a record weighs about what a real analyzed call does (~9 KB).
The same seed and size always give the same bytes.

    python bench/generate.py --out /tmp/nice --megabytes 500 [--seed 7] [--records-per-file 1000]
    python bench/generate.py --out /tmp/nice-new --megabytes 5 --start 60000 --reprocess 0.2
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((PROJECT / "sample_data" / "nice_cxone").rglob("*.json"))
BASE_TIME = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
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


def templates() -> list[dict[str, object]]:
    records: dict[str, dict[str, object]] = {}
    for path in SAMPLES:
        for record in json.loads(path.read_text()):
            records[str(record["externalId"])] = record
    return [records[key] for key in sorted(records)]


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def record(
    number: int, seed: int, template: dict[str, object], rng: random.Random, version: int = 1
) -> dict[str, object]:
    rec = copy.deepcopy(template)
    segment_id = str(uuid.uuid5(uuid.NAMESPACE_OID, f"{seed}-segment-{number}"))
    master_id = str(uuid.uuid5(uuid.NAMESPACE_OID, f"{seed}-interaction-{number // 2}"))
    start = BASE_TIME + timedelta(seconds=37 * number)
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
    records_per_file: int,
    start: int,
    reprocess: float,
    max_records: int | None = None,
) -> tuple[int, int]:
    """Write exports of about `megabytes` (or `max_records` records, whichever comes first);
    returns the records and bytes written."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed * 1_000_003 + start)
    bases = templates()
    budget = int(megabytes * 1024 * 1024)
    written = number = files = 0
    batch: list[dict[str, object]] = []

    def flush() -> int:
        nonlocal files
        if not batch:
            return 0
        data = json.dumps(batch, separators=(",", ":")).encode()
        (out / f"ia-export-{seed}-{start:09d}-{files:05d}.json").write_bytes(data)
        files += 1
        batch.clear()
        return len(data)

    while written < budget and (max_records is None or number < max_records):
        current = start + number
        if reprocess and number and rng.random() < reprocess:
            # a reprocessed historical segment: an older number, a newer version
            old = rng.randrange(0, max(1, start))
            batch.append(record(old, seed, bases[old % len(bases)], rng, version=2))
        else:
            batch.append(record(current, seed, bases[current % len(bases)], rng))
        number += 1
        if len(batch) >= records_per_file:
            written += flush()
    written += flush()
    return number, written


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--megabytes", type=float, default=100.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--records-per-file", type=int, default=1000)
    parser.add_argument(
        "--start", type=int, default=0, help="first record number (for later batches)"
    )
    parser.add_argument(
        "--reprocess",
        type=float,
        default=0.0,
        help="share of records that are reprocessed older segments",
    )
    args = parser.parse_args()
    records, size = generate(
        args.out, args.megabytes, args.seed, args.records_per_file, args.start, args.reprocess
    )
    print(f"{records:,} records, {size / 1e6:,.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
