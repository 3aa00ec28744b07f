"""CxEngage "Get a Specific Interaction" responses.

One interaction per JSON document. A `.json` file holds one document (or an array of them, as a
bulk export would); a `.jsonl`/`.ndjson` file holds one document per line.
"""

from __future__ import annotations

from ccw.spec import VendorSpec

SPEC = VendorSpec(
    source_system="cxengage",
    title="CxEngage interactions",
    document_name="a CxEngage interaction",
    signature_keys=(
        "interactionId",
        "tenantId",
        "flowId",
        "flowName",
        "contactPoint",
        "customer",
        "customerAbandonTime",
        "customerHolds",
        "interactionTime",
        "ivrTime",
        "segments",
        "queues",
        "agents",
        "details",
        "hooks",
        "messagingTranscript",
        "notes",
        "dispositionName",
        "dispositionId",
        "audioRecording",
        "flagged",
        "startTimestamp",
        "endTimestamp",
        "direction",
        "channelType",
        "contactId",
    ),
    entities=("interactions",),
    # Each document is one interaction record.
    records_sql="""
        select file_path, doc_index, 0 as element_index, 'interactions' as entity, doc as record
        from documents
    """,
    required_keys={"interactions": ("interactionId",)},
    shape_hint="a CxEngage interaction document (an object with interactionId)",
)
