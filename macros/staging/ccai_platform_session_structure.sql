{#- The JSON structure of one CCAI Platform call or chat session metadata document, for
    parse_json_struct: the keys of the published call and chat session metadata schemas and the
    Manager API call and chat objects (DECISIONLOG.md), typed; ids as text. `status` stays text
    because documents carry a name or a numeric code. Keys a document lacks become NULL. -#}
{% macro ccai_platform_session_structure() -%}
{%- set person = {
    "id": "VARCHAR", "name": "VARCHAR", "first_name": "VARCHAR", "last_name": "VARCHAR",
    "email": "VARCHAR", "agent_number": "VARCHAR", "va_alias": "VARCHAR", "avatar_url": "VARCHAR"
} -%}
{%- set menu_path = {"items_count": "BIGINT", "name": "VARCHAR", "materialized_path": "VARCHAR"} -%}
{%- set virtual_agent = {"id": "VARCHAR", "name": "VARCHAR"} -%}
{%- set structure = {
    "id": "VARCHAR", "call_uuid": "VARCHAR", "parent_id": "VARCHAR", "lang": "VARCHAR",
    "call_type": "VARCHAR", "chat_type": "VARCHAR", "session_type": "VARCHAR",
    "session_type_v2": "VARCHAR", "status": "VARCHAR", "sub_status": "VARCHAR",
    "subStatus": "VARCHAR", "fail_reason": "VARCHAR", "fail_details": "VARCHAR",
    "finish_reason": "VARCHAR", "disconnected_by": "VARCHAR", "voicemail_reason": "VARCHAR",
    "answer_type": "VARCHAR", "offer_type": "VARCHAR",
    "created_at": "VARCHAR", "queued_at": "VARCHAR", "assigned_at": "VARCHAR",
    "connected_at": "VARCHAR", "ends_at": "VARCHAR", "scheduled_at": "VARCHAR",
    "updated_at": "VARCHAR", "first_msg_sent_at": "VARCHAR", "last_msg_sent_at": "VARCHAR",
    "wait_duration": "DOUBLE", "queue_duration": "DOUBLE", "call_duration": "DOUBLE",
    "chat_duration": "DOUBLE", "hold_duration": "DOUBLE",
    "message_count": "BIGINT", "average_response_time": "DOUBLE",
    "longest_response_time": "DOUBLE",
    "rating": "VARCHAR", "has_feedback": "BOOLEAN", "feedback": "VARCHAR", "comment": "VARCHAR",
    "disposition_code": "VARCHAR", "notes": "VARCHAR",
    "out_ticket_id": "VARCHAR", "out_ticket_url": "VARCHAR",
    "verified": "BOOLEAN", "photos": "JSON", "videos": "JSON",
    "recording_url": "VARCHAR", "recording_permission": "VARCHAR",
    "deflection": "VARCHAR", "deflection_details": "JSON",
    "support_number": "VARCHAR", "outbound_number": "VARCHAR",
    "selected_menu": {
        "id": "VARCHAR", "name": "VARCHAR", "parent_id": "VARCHAR", "menu_type": "VARCHAR"
    },
    "menu_path": menu_path,
    "end_user": {"id": "VARCHAR", "identifier": "VARCHAR", "out_contact_id": "VARCHAR"},
    "agent_info": person,
    "participants": [{
        "id": "VARCHAR", "type": "VARCHAR", "status": "VARCHAR", "user_id": "VARCHAR",
        "end_user_id": "VARCHAR", "connected_at": "VARCHAR", "ended_at": "VARCHAR",
        "finished_at": "VARCHAR", "call_duration": "DOUBLE", "chat_duration": "DOUBLE",
        "hold_duration": "DOUBLE", "fail_reason": "VARCHAR"
    }],
    "transfers": [{
        "id": "VARCHAR", "status": "VARCHAR", "fail_reason": "VARCHAR", "deflection": "VARCHAR",
        "created_at": "VARCHAR", "assigned_at": "VARCHAR", "connected_at": "VARCHAR",
        "from_menu": menu_path, "to_menu": menu_path,
        "from_menu_path": menu_path, "to_menu_path": menu_path,
        "from_agent": person, "to_agent": person,
        "from_virtual_agent": virtual_agent, "to_virtual_agent": virtual_agent
    }],
    "escalations": [{
        "id": "VARCHAR", "status": "VARCHAR", "reason": "VARCHAR", "deflection": "VARCHAR",
        "created_at": "VARCHAR", "escalated_at": "VARCHAR",
        "from_virtual_agent": virtual_agent, "to_virtual_agent": virtual_agent
    }],
    "virtual_agent_handle_durations": [{
        "virtual_agent": virtual_agent, "started_at": "VARCHAR", "ended_at": "VARCHAR",
        "call_duration": "DOUBLE", "chat_duration": "DOUBLE", "escalation_reason": "VARCHAR",
        "finish_reason": "VARCHAR", "transfer_id": "VARCHAR"
    }]
} -%}
{{ return(structure) }}
{%- endmacro %}
