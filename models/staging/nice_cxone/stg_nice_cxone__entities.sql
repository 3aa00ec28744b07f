-- One row per NICE CXone segment, entity and participant: each mention grouping of a custom or
-- out-of-the-box entity by the participant who mentioned it, with its sentiment and count.

{{ config(
    incremental_scope={'from': 'base_nice_cxone__segments', 'key': 'segment_id'},
) }}

with

base as (

    select * from {{ ref('base_nice_cxone__segments') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

entities as (

    {{ unnest_with_index(
        'base',
        'segment.entities',
        'entity',
        'entity_index',
        columns=[
            'segment_id',
            'loaded_at',
        ],
    ) }}

),

renamed as (

    select
        -- ids
        segment_id || ':' || entity_index as segment_entity_id,
        segment_id,
        entity_index,

        -- dimensions
        upper(entity.channelName) as channel_name,
        entity.displayText as display_text,
        upper(entity.type) as entity_type,
        upper(entity.sentimentValue) as sentiment,

        -- measures
        entity.count as mention_count,

        -- booleans
        entity.custom as is_custom,

        -- lineage
        loaded_at

    from entities

)

select * from renamed
