"""Buzzeasy OData feed pages.

A dump is a folder of OData pages, `{"@odata.context": ".../$metadata#<EntitySet>", "value": [...],
"@odata.nextLink": ...}`, several per entity set when the feed paginates. The entity set comes from
`@odata.context` (the standard OData way) or, for a page without one, from the file name
(`Calls.json`, `QueueSegments-page-2.json`, `queue_segments_0003.json`). Each element of `value`
is one record, landed in its entity set's raw table. A page naming an entity set this module does
not know is rejected by that name, never guessed.
"""

from __future__ import annotations

import re

from ccw.spec import VendorSpec

# The feed's entity sets, as the documentation names its tables, and the raw entity each lands in.
ENTITY_SETS: dict[str, str] = {
    "Calls": "calls",
    "Chats": "chats",
    "Emails": "emails",
    "Conversations": "conversations",
    "QueueSegments": "queue_segments",
    "RejectedEnqueueAttempts": "rejected_enqueue_attempts",
    "BotSegments": "bot_segments",
    "BotSteps": "bot_steps",
    "Workitems": "workitems",
    "WorkitemConversationSessions": "workitem_conversation_sessions",
    "WorkitemEvaluations": "workitem_evaluations",
    "WorkitemEvaluationData": "workitem_evaluation_data",
    "AgentStates": "agent_states",
    "AgentBusinessUnitChanges": "agent_business_unit_changes",
    "Agents": "agents",
    "Users": "users",
    "Queues": "queues",
    "Channels": "channels",
    "BusinessUnits": "business_units",
    "CapturedData": "captured_data",
    "CollectedData": "collected_data",
    "Campaigns": "campaigns",
    "CampaignRecords": "campaign_records",
    "CampaignRecordAdditionalPhoneNumbers": "campaign_record_additional_phone_numbers",
    "CampaignRecordCustomFields": "campaign_record_custom_fields",
    "CampaignRecordRegistrations": "campaign_record_registrations",
}

# Other spellings of the same sets: the documentation's table titles (singular "Workitem",
# "Campaign Record Additional Phone number") compare equal once case, spaces and punctuation go.
_ALIASES: dict[str, str] = {
    "workitem": "workitems",
    "campaignrecordadditionalphonenumber": "campaign_record_additional_phone_numbers",
    "campaignrecordcustomfield": "campaign_record_custom_fields",
    "campaignrecordregistration": "campaign_record_registrations",
    "agentstate": "agent_states",
    "agentbusinessunitchange": "agent_business_unit_changes",
}


def normalized(name: str) -> str:
    """An entity set name compared without case, spaces or punctuation."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


# Every spelling of an entity set (normalized) -> its raw entity; each entity -> its set's name.
ENTITY_OF_NAME: dict[str, str] = {
    **{normalized(name): entity for name, entity in ENTITY_SETS.items()},
    **_ALIASES,
}
SET_OF_ENTITY: dict[str, str] = {entity: name for name, entity in ENTITY_SETS.items()}


def _entity_case() -> str:
    whens = "\n".join(
        f"            when '{key}' then '{entity}'" for key, entity in ENTITY_OF_NAME.items()
    )
    # An unknown name passes through as itself, so the rejection can name it.
    return (
        "case lower(regexp_replace(entity_set, '[^A-Za-z0-9]', '', 'g'))\n"
        f"{whens}\n"
        "            else coalesce(entity_set, '(no @odata.context and no usable file name)')\n"
        "        end"
    )


_RECORDS_SQL = f"""
    with pages as (
        select
            file_path,
            doc_index,
            -- `#Calls`, `#Calls(id,name)` or `#Calls/$entity` name the set
            coalesce(
                nullif(regexp_extract(doc ->> '$."@odata.context"', '#([^/(]+)', 1), ''),
                -- the file name without extensions, page suffix or a parenthesised note
                -- (the doc's own titles: `Queues (lookup)`)
                nullif(
                    regexp_replace(
                        regexp_replace(
                            regexp_replace(
                                regexp_extract(file_path, '[^/\\\\]+$'),
                                '([.][A-Za-z]+)+$',
                                ''
                            ),
                            '[-_. ]*[(][^)]*[)]', '', 'g'
                        ),
                        '[-_. ]*(page)?[-_. ]*[0-9]*$', '', 'i'
                    ),
                    ''
                )
            ) as entity_set,
            -- a page without a `value` array yields one JSON null: not a record, so rejected
            coalesce(try_cast(doc -> '$.value' as json[]), ['null'::json]) as page_values
        from documents
    ),
    named as (
        select
            file_path,
            doc_index,
            {_entity_case()} as entity,
            page_values
        from pages
    )
    select
        file_path,
        doc_index,
        generate_subscripts(page_values, 1) - 1 as element_index,
        entity,
        unnest(page_values) as record
    from named
"""

SPEC = VendorSpec(
    source_system="buzzeasy",
    title="Buzzeasy OData feed pages",
    document_name="a Buzzeasy OData feed page",
    # OData's envelope: every page has `value`, most an `@odata.context`.
    signature_keys=("@odata.context", "@odata.nextLink", "@odata.count", "value"),
    entities=tuple(ENTITY_SETS.values()),
    records_sql=_RECORDS_SQL,
    required_keys={},
    shape_hint=(
        'a Buzzeasy OData page ({"@odata.context": ".../$metadata#<EntitySet>", "value": [...]})'
    ),
    unknown_entity_reason="names an entity set the Buzzeasy feed does not document",
    # Lookup tables and campaign snapshots: delivered when they change, not on a schedule.
    snapshot_entities=(
        "agent_business_unit_changes",
        "agents",
        "users",
        "queues",
        "channels",
        "business_units",
        "bot_steps",
        "campaigns",
        "campaign_records",
        "campaign_record_additional_phone_numbers",
        "campaign_record_custom_fields",
        "campaign_record_registrations",
    ),
)
