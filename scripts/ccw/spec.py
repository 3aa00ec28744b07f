"""What the loader needs to know about one vendor export."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class VendorSpec:
    """How one vendor's export files become raw records.

    `records_sql` is a query over the relation `documents(file_path, doc_index, doc)`: one row per
    top-level JSON value of a file (a top-level array gives one row per element), `doc` typed JSON.
    It returns `(file_path, doc_index, element_index, entity, record)`, one row per vendor record.
    `entity` must be one of `entities`; any other value (or NULL) rejects the file with
    `unknown_entity_reason`, followed by that value when there is one (the vendor's own name for
    what it could not place).
    Every record must be a JSON object; one lacking the `required_keys` of its entity is landed
    all the same and listed by staging in `staging.quarantined_records` (the loader reports it).
    `document_name` and `signature_keys` tell the vendor's files from the other vendors': the top-
    level keys its documents carry (a NICE segment, a CxEngage interaction, a CCAI session, a
    Kore response, a Buzzeasy page). A file is this vendor's when its documents carry more of
    these keys than of any other vendor's, so a file of another vendor is rejected by name.
    `needs_timezone`: the export's times carry no offset, so a load must name one
    (--assume-timezone); `timezone_hint` tells the user where the export says which.
    `empty_export_entity`: for exports that may legitimately be an empty list (a batch with nothing
    in it), the entity an empty-array file is recorded under; such a file is then loaded with 0
    records instead of rejected.
    `snapshot_entities`: entities delivered only when they change (lookup tables), which no
    delivery schedule is expected of: `ccw status` and `dbt source freshness` leave them out.
    """

    source_system: str
    title: str
    document_name: str
    signature_keys: tuple[str, ...]
    entities: tuple[str, ...]
    records_sql: str
    required_keys: dict[str, tuple[str, ...]]
    shape_hint: str
    unknown_entity_reason: str = "its records belong to no entity this vendor exports"
    needs_timezone: bool = False
    timezone_hint: str = ""
    empty_export_entity: str | None = None
    snapshot_entities: tuple[str, ...] = ()

    def raw_table(self, entity: str) -> str:
        """The raw table an entity's records land in (schema `raw`)."""
        return f"{self.source_system}__{entity}"
