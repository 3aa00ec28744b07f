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

{{ config(unique_key='segment_id', incremental_watermark='last_delivered_at') }}

with

source as (

    select * from {{ source('nice_cxone', 'segments') }}
    where {{ loaded_since_last_build() }}

),

parsed as (

    select
        {{ parse_json_struct('record', nice_cxone_segment_structure()) }} as segment,
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

keyed as (

    select
        case when quarantine_reason is null then record_id end as segment_id,
        {{ cast_or_null('segment.versionId', 'bigint') }} as version_number,
        {{ utc_timestamp('segment.acquiredAt') }} as acquired_at,
        *
    from checked

),

versions as (

    {{ newest_version(
        'keyed',
        'segment_id',
        'version_number desc nulls last, acquired_at desc nulls last, loaded_at desc,'
        ~ ' loaded_from_file_path desc, loaded_from_record_index desc',
    ) }}

)

select * from versions
