"""What the drift test needs to know of each vendor: how its sample records group into
interactions, which fields its documentation allows in two shapes, and how a group of records is
written back as an export file the loader reads.
"""

from __future__ import annotations

import json
import subprocess
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from tests.drift.mutations import EVERY, Json, Mutation, Renaming, apply, catalog, id_values
from tests.drift.mutations import Path as FieldPath
from tests.e2e.warehouse import SAMPLE_LOAD_OPTIONS

from ccw.vendors.buzzeasy import ENTITY_SETS

SAMPLE_ROOT = Path(__file__).resolve().parents[2] / "sample_data"


@dataclass
class Record:
    entity: str
    record: Json
    order: int


@dataclass
class Group:
    """Records that make up one interaction (or one lookup row), cloned and mutated together."""

    records: list[Record]
    references: list[Record] = field(default_factory=list)


Writer = Callable[[list[Record], Path, str], list[Path]]


@dataclass(frozen=True)
class VendorDrift:
    source_system: str
    # Top-level keys (per entity) whose values tie records into one group; "*" is every entity.
    group_keys: dict[str, tuple[str, ...]]
    write: Writer
    load_options: tuple[str, ...] = ()
    # Paths the vendor documents as one value or a list of values.
    either_shape: dict[str, frozenset[FieldPath]] = field(default_factory=dict)
    # Lookup entities: their records are cloned with every group that references their id.
    lookups: tuple[str, ...] = ()
    # Group keys are compared within an entity only (ids of different entities may repeat).
    keys_per_entity: bool = False
    # Entities no mart reads: a copy of them is accounted for once staged.
    staging_only: frozenset[str] = frozenset()

    @property
    def sample(self) -> Path:
        return SAMPLE_ROOT / self.source_system

    def records(self, ccw: Path, work: Path) -> list[Record]:
        """The sample's records as the loader lands them, in landing order."""
        db = work / f"{self.source_system}-sample.duckdb"
        subprocess.run(
            [ccw, "load", self.source_system, self.sample, *self.load_options, "--db", db],
            check=True,
            capture_output=True,
        )
        out: list[Record] = []
        with duckdb.connect(str(db), read_only=True) as con:
            tables = con.execute(
                "select table_name from information_schema.tables "
                "where table_schema = 'raw' and table_name like ? order by table_name",
                [f"{self.source_system}__%"],
            ).fetchall()
            for (table,) in tables:
                entity = table.removeprefix(f"{self.source_system}__")
                rows = con.execute(
                    f'select record from raw."{table}" order by _file_path, _record_index'
                ).fetchall()
                out.extend(Record(entity, json.loads(r), len(out)) for (r,) in rows)
        db.unlink()
        return out

    def groups(self, records: list[Record]) -> list[Group]:
        """Records joined by shared group-key values (union-find), lookups apart."""
        parent = list(range(len(records)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        owner: dict[tuple[str, str], int] = {}
        for i, rec in enumerate(records):
            keys = self.group_keys.get(rec.entity, self.group_keys.get("*", ()))
            for key in keys:
                value = rec.record.get(key) if isinstance(rec.record, dict) else None
                if value is None or value == "":
                    continue
                scope = rec.entity if self.keys_per_entity or rec.entity in self.lookups else ""
                token = (scope, str(value))
                if token in owner:
                    parent[find(i)] = find(owner[token])
                else:
                    owner[token] = i
        members: dict[int, list[Record]] = {}
        for i, rec in enumerate(records):
            members.setdefault(find(i), []).append(rec)
        lookup_ids: dict[str, list[Record]] = {}
        for rec in records:
            if rec.entity in self.lookups and isinstance(rec.record, dict):
                lookup_ids.setdefault(str(rec.record.get("id")), []).append(rec)
        groups = []
        for group_records in members.values():
            own = {id(r) for r in group_records}
            referenced = {str(v) for r in group_records for v in id_values(r.record)}
            references = [
                r
                for value in sorted(referenced)
                for r in lookup_ids.get(value, [])
                if id(r) not in own
            ]
            groups.append(Group(group_records, references))
        return groups

    def mutations(self, records: list[Record]) -> list[Mutation]:
        return catalog(
            self.source_system,
            [(r.entity, r.record) for r in records],
            self.either_shape,
        )


@dataclass
class Clone:
    """One mutation (or none, for a control) applied to a fresh-id copy of one group."""

    mutation: Mutation | None
    number: int
    renaming: Renaming
    records: list[Record]
    feeds_marts: bool
    control: int | None = None
    files: list[Path] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.mutation.name if self.mutation else f"control copy {self.number}"


def candidates(groups: list[Group], mutation: Mutation) -> list[int]:
    """The groups a mutation changes: those with a record of its entity that has the path."""
    return [
        i
        for i, g in enumerate(groups)
        if any(r.entity == mutation.entity and apply(r.record, mutation)[1] > 0 for r in g.records)
    ]


def pick(groups: list[Group], mutation: Mutation) -> int | None:
    """The one group a mutation is applied to, picked by the mutation's name (so every run
    picks the same); None when no group has the path."""
    found = candidates(groups, mutation)
    if not found:
        return None
    return found[zlib.crc32(mutation.name.encode()) % len(found)]


def clone(vendor: VendorDrift, group: Group, mutation: Mutation | None, number: int) -> Clone:
    """A copy of a group with fresh ids, the mutation applied to the group's own records."""
    everything = group.references + group.records
    renaming = Renaming(number, {v for r in everything for v in id_values(r.record)})
    own = {id(r) for r in group.records}
    records = []
    for rec in sorted(everything, key=lambda r: r.order):
        renamed = renaming(rec.record)
        if mutation is not None and rec.entity == mutation.entity and id(rec) in own:
            renamed = apply(renamed, mutation)[0]
        records.append(Record(rec.entity, renamed, rec.order))
    feeds_marts = any(r.entity not in vendor.staging_only for r in group.records)
    return Clone(mutation, number, renaming, records, feeds_marts)


# -- writers: a group of records as the vendor's export file(s) -------------------------------


def _write_json(path: Path, value: Json) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=False))
    return path


def _write_lines(path: Path, values: list[Json]) -> Path:
    path.write_text("".join(json.dumps(v, ensure_ascii=False) + "\n" for v in values))
    return path


def write_nice_cxone(records: list[Record], out: Path, name: str) -> list[Path]:
    return [_write_json(out / f"{name}.json", [r.record for r in records])]


def write_documents(records: list[Record], out: Path, name: str) -> list[Path]:
    return [_write_lines(out / f"{name}.jsonl", [r.record for r in records])]


def write_kore_smartassist(records: list[Record], out: Path, name: str) -> list[Path]:
    data = [r.record for r in records]
    return [_write_json(out / f"{name}.json", {"numResults": len(data), "data": data})]


_BUZZEASY_SETS = {entity: name for name, entity in ENTITY_SETS.items()}


def write_buzzeasy(records: list[Record], out: Path, name: str) -> list[Path]:
    pages: dict[str, list[Json]] = {}
    for rec in records:
        pages.setdefault(rec.entity, []).append(rec.record)
    return [
        _write_json(
            out / f"{name}-{entity}.json",
            {
                "@odata.context": f"https://odata.buzzeasy.com/odata/v1/$metadata#"
                f"{_BUZZEASY_SETS[entity]}",
                "value": values,
            },
        )
        for entity, values in pages.items()
    ]


_CONVERSATION_SETS = ("calls", "chats", "emails", "conversations")
_CONVERSATION_LINKS = (
    "conversationID",
    "conversationId",
    "ConversationId",
    "nextConversationID",
    "nextConversationId",
    "primaryConversationID",
)
_WORKITEM_LINKS = ("workitemId", "workitemID")

VENDORS: dict[str, VendorDrift] = {
    vendor.source_system: vendor
    for vendor in (
        VendorDrift(
            "nice_cxone",
            group_keys={"segments": ("masterExternalId", "externalId")},
            write=write_nice_cxone,
            either_shape={
                "segments": frozenset(
                    {
                        ("matchedDataSetIds",),
                        ("matchedAccountDataSetIds",),
                        ("categoryMatches", EVERY, "dataSetIds"),
                        ("enlightenMetrics", EVERY, "enlightenPackageModels"),
                    }
                )
            },
        ),
        VendorDrift(
            "cxengage",
            group_keys={"interactions": ("interactionId",)},
            write=write_documents,
            # "Each entry in this object" (segments, agents, queues, hooks): a list, or one object.
            either_shape={
                "interactions": frozenset(
                    {("notes",), ("segments",), ("queues",), ("agents",), ("hooks",)}
                )
            },
        ),
        VendorDrift(
            "ccai_platform",
            group_keys={"calls": ("id",), "chats": ("id",)},
            write=write_documents,
            keys_per_entity=True,
        ),
        VendorDrift(
            "kore_smartassist",
            group_keys={"sessions": ("conversationId", "sessionId")},
            write=write_kore_smartassist,
            load_options=SAMPLE_LOAD_OPTIONS["kore_smartassist"],
            either_shape={
                "sessions": frozenset(
                    {
                        ("dispositions",),
                        ("dispositionRemarks",),
                        ("destinations", EVERY, "respondingAgent", "agentNotes"),
                    }
                )
            },
        ),
        VendorDrift(
            "buzzeasy",
            group_keys={
                **{s: ("id", *_CONVERSATION_LINKS) for s in _CONVERSATION_SETS},
                "workitems": ("id", "primaryConversationID"),
                "workitem_conversation_sessions": ("id", "conversationID", *_WORKITEM_LINKS),
                "workitem_evaluations": ("id", *_WORKITEM_LINKS),
                "workitem_evaluation_data": ("id", "evaluationID", *_WORKITEM_LINKS),
                "collected_data": _WORKITEM_LINKS,
                "campaign_records": ("id",),
                "campaign_record_additional_phone_numbers": ("campaignRecordId",),
                "campaign_record_custom_fields": ("campaignRecordId",),
                "campaign_record_registrations": ("campaignRecordId",),
                "*": ("id", *_CONVERSATION_LINKS),
            },
            write=write_buzzeasy,
            # Users reach the marts only as agents (by type, or referenced by id).
            staging_only=frozenset(
                {
                    "users",
                    "business_units",
                    "bot_steps",
                    "campaigns",
                    "campaign_records",
                    "campaign_record_additional_phone_numbers",
                    "campaign_record_custom_fields",
                    "campaign_record_registrations",
                    "captured_data",
                    "collected_data",
                    "channels",
                    "rejected_enqueue_attempts",
                    "workitem_evaluations",
                    "workitem_evaluation_data",
                    "agent_business_unit_changes",
                }
            ),
            lookups=(
                "agents",
                "users",
                "queues",
                "channels",
                "business_units",
                "bot_steps",
                "campaigns",
            ),
        ),
    )
}
