"""Google Contact Center AI Platform session metadata (`metadata.json`).

One JSON document per call or chat session, written to external storage about 15 minutes after
the session ends and rewritten when it changes later (`updated_at`). Calls and chats are told
apart by their type field (`call_type` / `chat_type`, else the `session_type` text); their ids
are separate sequences, so they land in separate raw tables.
"""

from __future__ import annotations

from ccw.spec import VendorSpec

SPEC = VendorSpec(
    source_system="ccai_platform",
    title="CCAI Platform session metadata",
    document_name="a CCAI Platform session metadata document",
    signature_keys=(
        "id",
        "lang",
        "call_type",
        "chat_type",
        "session_type",
        "session_type_v2",
        "status",
        "sub_status",
        "created_at",
        "queued_at",
        "assigned_at",
        "connected_at",
        "ends_at",
        "scheduled_at",
        "updated_at",
        "wait_duration",
        "queue_duration",
        "call_duration",
        "chat_duration",
        "hold_duration",
        "rating",
        "has_feedback",
        "agent_info",
        "participants",
        "transfers",
        "escalations",
        "virtual_agent_handle_durations",
        "selected_menu",
        "menu_path",
        "end_user",
        "out_ticket_id",
        "out_ticket_url",
        "recording_url",
        "recording_permission",
        "deflection",
        "disposition_code",
    ),
    entities=("calls", "chats"),
    records_sql="""
        select
            file_path,
            doc_index,
            0 as element_index,
            case
                when json_exists(doc, '$.call_type') then 'calls'
                when json_exists(doc, '$.chat_type') then 'chats'
                when doc ->> '$.session_type' ilike 'voice%' then 'calls'
                when doc ->> '$.session_type' ilike 'messaging%' then 'chats'
                when doc ->> '$.session_type' ilike 'chat%' then 'chats'
                else coalesce(doc ->> '$.session_type', '(no call_type, chat_type or session_type)')
            end as entity,
            doc as record
        from documents
    """,
    required_keys={"calls": ("id",), "chats": ("id",)},
    shape_hint="a CCAI Platform call or chat session metadata document (an object with id)",
    unknown_entity_reason="is neither a call nor a chat session (by call_type, chat_type or "
    "session_type)",
)
