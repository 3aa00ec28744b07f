-- Every CxEngage interaction document parsed once into a typed STRUCT, one row per interaction.
-- A document that cannot be staged (no interactionId, no usable start time, a queue entry or
-- an agent allocation that names no queue or agent) keeps its row with a `quarantine_reason`:
-- staging.quarantined_records lists it and no other model reads it. Of the stageable deliveries
-- of an interaction the latest load wins, then the later file path, then the later record.
-- Lists the vendor describes as "each entry in this object" are read whether they arrive as a
-- list or as one object.

with

source as (

    select * from {{ source('cxengage', 'interactions') }}

),

parsed as (

    select
        json_transform(
            {{ json_with_lists('record', ['segments', 'queues', 'agents', 'hooks']) }},
            '{{ cxengage_interaction_structure() }}'
        ) as interaction,
        _file_sha256 as loaded_from_file_sha256,
        {{ raw_lineage_columns() }}
    from source

),

checked as (

    select
        {{ blank_as_null('interaction.interactionId') }} as interaction_id,
        {{ utc_timestamp([
            'interaction.startTimestamp', 'interaction.details.startTimestamp'
        ]) }} as started_at,
        *
    from parsed

),

reasoned as (

    select
        case
            when interaction_id is null then 'no interactionId'
            when started_at is null
                then 'no usable start time (startTimestamp, details.startTimestamp)'
            when len(list_filter(
                    interaction.queues,
                    lambda entry: {{ blank_as_null('entry.queueId') }} is null
                    and {{ blank_as_null('entry.queueName') }} is null
                )) > 0
                then 'a queue entry names no queue (neither queueId nor queueName)'
            when len(list_filter(
                    list_concat(interaction.agents, interaction.details.agents),
                    lambda allocation: {{ blank_as_null('allocation.agentId') }} is null
                )) > 0
                then 'an agent allocation names no agent (agentId)'
        end as quarantine_reason,
        *
    from checked

),

versioned as (

    select
        *,
        case when quarantine_reason is null then row_number() over (
                    partition by quarantine_reason is null, interaction_id
                    order by
                        loaded_at desc, loaded_from_file_path desc, loaded_from_record_index desc
                )
        end as version_rank,
        count(*) over (partition by quarantine_reason is null, interaction_id) as delivery_count
    from reasoned

)

select * exclude (version_rank)
from versioned
where version_rank = 1 or quarantine_reason is not null
