-- Every CCAI Platform call and chat session metadata document parsed once into a typed STRUCT,
-- one row per session. Call and chat ids are separate sequences, so a session is keyed by its
-- kind and id (`call-1001`, `chat-135`, as the platform names the files). A document rewritten
-- later (CSAT or a disposition arrived) replaces the earlier one: the latest `updated_at` wins,
-- then the later load, file path and position (DECISIONLOG.md). A document that cannot be staged
-- (no id, no usable start time, a human agent participant with no user_id) keeps its row with a
-- `quarantine_reason`: staging.quarantined_records lists it and no other model reads it (its
-- session_id is NULL, record_id and session_kind keep what was sent).
--
-- Incremental (macros/incremental/replace_scope.sql): a build parses only the documents loaded
-- since the last one, and each competes with the stored version of its session, so a rewritten
-- document replaces it and an older one arriving late does not.

{{ config(unique_key='session_id', incremental_watermark='last_delivered_at') }}

with

calls as (

    select
        'call' as session_kind,
        *
    from {{ source('ccai_platform', 'calls') }}
    where {{ loaded_since_last_build() }}

),

chats as (

    select
        'chat' as session_kind,
        *
    from {{ source('ccai_platform', 'chats') }}
    where {{ loaded_since_last_build() }}

),

parsed as (

    select
        session_kind,
        {{ parse_json_struct('record', ccai_platform_session_structure()) }} as ccai_session,
        _file_sha256 as loaded_from_file_sha256,
        {{ raw_lineage_columns() }}
    from (
        select * from calls
        union all
        select * from chats
    ) as documents

),

identified as (

    select
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
            when {{ list_length(list_filter(
                    'ccai_session.participants',
                    'participant',
                    "lower(participant.type) = 'agent' and "
                    ~ blank_as_null('participant.user_id') ~ ' is null'
                )) }} > 0
                then 'an agent participant names no agent (user_id)'
        end as quarantine_reason,
        *
    from identified

),

keyed as (

    -- a quarantined document has no session key, so it never competes with (or replaces) the
    -- stageable versions of its session
    select
        case
            when quarantine_reason is null then session_kind || '-' || record_id
        end as session_id,
        *
    from checked

),

versions as (

    {{ newest_version(
        'keyed',
        'session_id',
        'document_updated_at desc nulls last, loaded_at desc, loaded_from_file_path desc,'
        ~ ' loaded_from_record_index desc',
    ) }}

)

select * from versions
