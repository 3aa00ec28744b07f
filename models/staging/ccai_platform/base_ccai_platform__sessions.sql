-- Every CCAI Platform call and chat session metadata document parsed once into a typed STRUCT,
-- one row per session. Call and chat ids are separate sequences, so a session is keyed by its
-- kind and id (`call-1001`, `chat-135`, as the platform names the files). A document rewritten
-- later (CSAT or a disposition arrived) replaces the earlier one: the latest `updated_at` wins,
-- then the later load, file path and position (DECISIONLOG.md).

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
        {{ raw_lineage_columns() }}
    from (
        select * from calls
        union all
        select * from chats
    ) as documents

),

keyed as (

    select
        session_kind || '-' || ccai_session.id as session_id,
        {{ utc_timestamp('ccai_session.updated_at') }} as document_updated_at,
        *
    from parsed

),

ranked as (

    select
        *,
        row_number() over (
            partition by session_id
            order by
                document_updated_at desc nulls last,
                loaded_at desc,
                loaded_from_file_path desc,
                loaded_from_record_index desc
        ) as version_rank,
        count(*) over (partition by session_id) as delivery_count
    from keyed

)

select * exclude (version_rank)
from ranked
where version_rank = 1
