-- Every CCAI Platform call and chat session metadata document parsed once into a typed STRUCT,
-- one row per session. Call and chat ids are separate sequences, so a session is keyed by its
-- kind and id (`call-1001`, `chat-135`, as the platform names the files). A document rewritten
-- later (CSAT or a disposition arrived) replaces the earlier one: the latest `updated_at` wins,
-- then the later load, file path and position (DECISIONLOG.md). A document that cannot be staged
-- (no id, no usable start time, a human agent participant with no user_id) keeps its row with a
-- `quarantine_reason`: staging.quarantined_records lists it and no other model reads it.

with

calls as (

    select
        'call' as session_kind,
        *
    from {{ source('ccai_platform', 'calls') }}

),

chats as (

    select
        'chat' as session_kind,
        *
    from {{ source('ccai_platform', 'chats') }}

),

parsed as (

    select
        session_kind,
        json_transform(record, '{{ ccai_platform_session_structure() }}') as ccai_session,
        _file_sha256 as loaded_from_file_sha256,
        {{ raw_lineage_columns() }}
    from (
        select * from calls
        union all
        select * from chats
    ) as documents

),

keyed as (

    select
        session_kind || '-' || {{ blank_as_null('ccai_session.id') }} as session_id,
        {{ blank_as_null('ccai_session.id') }} as record_id,
        {{ utc_timestamp('ccai_session.updated_at') }} as document_updated_at,
        -- a scheduled call starts at its scheduled time, not when it was booked; a document
        -- without its creation time starts at the first time it carries
        coalesce(
            greatest(
                {{ utc_timestamp('ccai_session.created_at') }},
                {{ utc_timestamp('ccai_session.scheduled_at') }}
            ),
            {{ utc_timestamp('ccai_session.queued_at') }},
            {{ utc_timestamp('ccai_session.assigned_at') }},
            {{ utc_timestamp('ccai_session.connected_at') }}
        ) as started_at,
        *
    from parsed

),

checked as (

    select
        case
            when record_id is null then 'no id'
            when started_at is null
                then 'no usable start time (created_at, scheduled_at, queued_at, assigned_at, '
                    || 'connected_at)'
            when len(list_filter(
                    ccai_session.participants,
                    lambda participant: lower(participant.type) = 'agent'
                    and {{ blank_as_null('participant.user_id') }} is null
                )) > 0
                then 'an agent participant names no agent (user_id)'
        end as quarantine_reason,
        *
    from keyed

),

ranked as (

    select
        *,
        case when quarantine_reason is null then row_number() over (
                    partition by quarantine_reason is null, session_id
                    order by
                        document_updated_at desc nulls last,
                        loaded_at desc,
                        loaded_from_file_path desc,
                        loaded_from_record_index desc
                )
        end as version_rank,
        count(*) over (partition by quarantine_reason is null, session_id) as delivery_count
    from checked

)

select * exclude (version_rank)
from ranked
where version_rank = 1 or quarantine_reason is not null
