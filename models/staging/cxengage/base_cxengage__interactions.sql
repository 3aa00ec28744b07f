-- Every CxEngage interaction document parsed once into a typed STRUCT, one row per interaction.
-- A document that cannot be staged (no interactionId, no usable start time, a queue entry or
-- an agent allocation that names no queue or agent) keeps its row with a `quarantine_reason`:
-- staging.quarantined_records lists it and no other model reads it (its interaction_id is NULL,
-- record_id keeps the id). Of the stageable deliveries of an interaction the latest load wins,
-- then the later file path, then the later record.
-- Lists the vendor describes as "each entry in this object" are read whether they arrive as a
-- list or as one object.
--
-- Incremental (macros/incremental/replace_scope.sql): a build parses only the documents loaded
-- since the last one, and each competes with the stored version of its interaction.

{{ config(unique_key='interaction_id', incremental_watermark='last_delivered_at') }}

with

source as (

    select * from {{ source('cxengage', 'interactions') }}
    where {{ loaded_since_last_build() }}

),

parsed as (

    select
        {{ parse_json_struct(
            'record',
            cxengage_interaction_structure(),
            single_value_lists=['segments', 'queues', 'agents', 'hooks'],
        ) }} as interaction,
        _file_sha256 as loaded_from_file_sha256,
        {{ raw_lineage_columns() }}
    from source

),

checked as (

    select
        {{ blank_as_null('interaction.interactionId') }} as record_id,
        {{ utc_timestamp([
            'interaction.startTimestamp', 'interaction.details.startTimestamp'
        ]) }} as started_at,
        *
    from parsed

),

reasoned as (

    select
        case
            when record_id is null then 'no interactionId'
            when started_at is null
                then 'no usable start time (startTimestamp, details.startTimestamp)'
            when {{ list_length(list_filter(
                    'interaction.queues',
                    'entry',
                    blank_as_null('entry.queueId') ~ ' is null and '
                    ~ blank_as_null('entry.queueName') ~ ' is null'
                )) }} > 0
                then 'a queue entry names no queue (neither queueId nor queueName)'
            when {{ list_length(list_filter(
                    list_concat('interaction.agents', 'interaction.details.agents'),
                    'allocation',
                    blank_as_null('allocation.agentId') ~ ' is null'
                )) }} > 0
                then 'an agent allocation names no agent (agentId)'
        end as quarantine_reason,
        *
    from checked

),

keyed as (

    select
        case when quarantine_reason is null then record_id end as interaction_id,
        *
    from reasoned

),

versions as (

    {{ newest_version(
        'keyed',
        'interaction_id',
        'loaded_at desc, loaded_from_file_path desc, loaded_from_record_index desc',
    ) }}

)

select * from versions
