-- Every NICE CXone export record parsed once into a typed STRUCT, one row per segment.
-- Exports interleave reprocessed segments with new ones, so a segment (`externalId`) can arrive
-- several times; the newest analysis wins: the higher numeric `versionId`, then the later
-- `acquiredAt`, then the later load, file path and position in the file (DECISIONLOG.md).
--
-- A record that cannot be staged (no externalId, segmentId or id; no usable startTime) keeps its
-- row with a `quarantine_reason` and no segment_id: staging.quarantined_records lists it, no
-- other model reads it, and it never competes with the stageable versions of its segment.
--
-- Incremental: a run parses only the records loaded since the last one it saw
-- (`last_delivered_at`), and looks back at the stored version of every segment they deliver
-- again, so a reprocessed record replaces its older version and an older one arriving late does
-- not. `dbt build --full-refresh` gives the same rows.

{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='segment_id',
    on_schema_change='fail',
) }}

with

source as (

    select * from {{ source('nice_cxone', 'segments') }}
    {% if is_incremental() -%}
        where _loaded_at > {{ incremental_watermark('last_delivered_at') }}
    {%- endif %}

),

parsed as (

    select
        json_transform(record, '{{ nice_cxone_segment_structure() }}') as segment,
        _file_sha256 as loaded_from_file_sha256,
        {{ raw_lineage_columns() }}
    from source

),

identified as (

    select
        {{ coalesce_text(['segment.externalId', 'segment.segmentId', 'segment.id']) }}
            as record_id,
        *
    from parsed

),

checked as (

    select
        case
            when record_id is null then 'no segment id (externalId, segmentId, id)'
            when {{ utc_timestamp('segment.startTime') }} is null then 'no usable startTime'
        end as quarantine_reason,
        *
    from identified

),

delivered as (

    select
        case when quarantine_reason is null then record_id end as segment_id,
        try_cast(segment.versionId as bigint) as version_number,
        {{ utc_timestamp('segment.acquiredAt') }} as acquired_at,
        *,
        1 as deliveries,
        loaded_at as delivered_at
    from checked

),

candidates as (

    select * from delivered
    {% if is_incremental() -%}
        union all by name
        select
            * exclude (delivery_count, last_delivered_at),
            delivery_count as deliveries,
            last_delivered_at as delivered_at
        from {{ this }}
        where
            quarantine_reason is null
            and segment_id in (select delivered.segment_id from delivered)
    {%- endif %}

),

ranked as (

    select
        * exclude (deliveries, delivered_at),
        row_number() over (
            partition by quarantine_reason is null, segment_id
            order by
                version_number desc nulls last,
                acquired_at desc nulls last,
                loaded_at desc,
                loaded_from_file_path desc,
                loaded_from_record_index desc
        ) as version_rank,
        case
            when quarantine_reason is null then sum(deliveries) over (partition by segment_id)
            else 1
        end as delivery_count,
        case
            when quarantine_reason is null then max(delivered_at) over (partition by segment_id)
            else delivered_at
        end as last_delivered_at
    from candidates

)

select * exclude (version_rank)
from ranked
where version_rank = 1 or quarantine_reason is not null
