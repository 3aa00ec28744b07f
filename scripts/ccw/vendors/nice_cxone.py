"""NICE CXone Interaction Analytics data export.

An export file is one JSON array of analyzed records, one record per interaction segment
(`externalId`), grouped into interactions by `masterExternalId`. Reprocessed historical segments
are interleaved with new ones, so the same `externalId` may arrive again in a later file (or later
in the same file) with newer analysis; staging keeps the newest version. `.jsonl`/`.ndjson` files
with one record per line are read too.
"""

from __future__ import annotations

from ccw.spec import VendorSpec

SPEC = VendorSpec(
    source_system="nice_cxone",
    title="NICE CXone Interaction Analytics export",
    document_name="a NICE CXone Interaction Analytics export",
    signature_keys=(
        "id",
        "externalId",
        "masterExternalId",
        "segmentId",
        "segmentContactId",
        "acquiredAt",
        "publishedAt",
        "matchedDataSetIds",
        "matchedAccountDataSetIds",
        "resolvedProbability",
        "resolved",
        "mediaType",
        "channels",
        "entities",
        "categoryMatches",
        "enlightenMetrics",
        "interwovenTranscript",
        "versionId",
        "acdContactId",
        "agentInfo",
        "agentUserId",
        "agentName",
        "skillId",
        "skillName",
        "startTime",
        "endTime",
        "inQueueSeconds",
        "totalDurationSeconds",
        "analyticsProcessed",
        "complex",
        "openReasonType",
        "closeReasonType",
        "interactionId",
        "tenantId",
        "customerId",
        "accountId",
        "direction",
    ),
    entities=("segments",),
    # The reader already splits the file's top-level array into its elements: one document per
    # segment record.
    records_sql="""
        select file_path, doc_index, 0 as element_index, 'segments' as entity, doc as record
        from documents
    """,
    required_keys={"segments": ("externalId",)},
    # A batch in which nothing was analyzed is exported as an empty list.
    empty_export_entity="segments",
    shape_hint=(
        "a NICE CXone Interaction Analytics export (a list of segment objects with externalId)"
    ),
)
