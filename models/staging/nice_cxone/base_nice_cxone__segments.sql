-- Every NICE CXone export record parsed once into a typed STRUCT, one row per segment.
-- Exports interleave reprocessed segments with new ones, so a segment (`externalId`) can arrive
-- several times; the newest analysis wins: the higher numeric `versionId`, then the later
-- `acquiredAt`, then the later load, file path and position in the file (DECISIONLOG.md).

with

source as (

    select * from {{ source('nice_cxone', 'segments') }}

),

parsed as (

    select
        json_transform(record, '{{ nice_cxone_segment_structure() }}') as segment,
        _file_sha256 as loaded_from_file_sha256,
        {{ raw_lineage_columns() }}
    from source

),

versioned as (

    select
        coalesce(segment.externalId, segment.segmentId, segment.id) as segment_id,
        try_cast(segment.versionId as bigint) as version_number,
        {{ utc_timestamp('segment.acquiredAt') }} as acquired_at,
        *
    from parsed

),

ranked as (

    select
        *,
        row_number() over (
            partition by segment_id
            order by
                version_number desc nulls last,
                acquired_at desc nulls last,
                loaded_at desc,
                loaded_from_file_path desc,
                loaded_from_record_index desc
        ) as version_rank,
        count(*) over (partition by segment_id) as delivery_count
    from versioned

)

select * exclude (version_rank)
from ranked
where version_rank = 1
