-- Nothing is lost between raw and staging: every distinct segment (externalId) landed in raw has
-- exactly one staged row, holding its newest version, and nothing is staged that was not landed.

with

raw_segments as (

    select
        json_extract_string(record, '$.externalId') as segment_id,
        max(try_cast(json_extract_string(record, '$.versionId') as bigint)) as newest_version_number
    from {{ source('nice_cxone', 'segments') }}
    group by json_extract_string(record, '$.externalId')

),

staged as (

    select
        segment_id,
        try_cast(version_id as bigint) as version_number
    from {{ ref('stg_nice_cxone__segments') }}

)

select
    coalesce(raw_segments.segment_id, staged.segment_id) as segment_id,
    raw_segments.segment_id is not null as is_in_raw,
    staged.segment_id is not null as is_staged,
    raw_segments.newest_version_number,
    staged.version_number as staged_version_number
from raw_segments
full outer join staged
    on raw_segments.segment_id = staged.segment_id
where
    raw_segments.segment_id is null
    or staged.segment_id is null
    or raw_segments.newest_version_number is distinct from staged.version_number
