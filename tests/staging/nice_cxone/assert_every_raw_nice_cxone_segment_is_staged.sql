-- Nothing is lost between raw and staging: every raw NICE record is quarantined or its segment
-- is staged, exactly once, at the newest stageable version; nothing is staged that was not
-- landed.

with

raw_fields as (

    -- one parse of each record for all four keys
    select
        json_extract_string(
            record, ['$.externalId', '$.segmentId', '$.id', '$.versionId']
        ) as record_fields
    from (
        {{ unquarantined(
            source('nice_cxone', 'segments'), ref('quarantined_records'), 'nice_cxone__segments'
        ) }}
    ) as raw_records

),

raw_segments as (

    select
        {{ coalesce_text(['record_fields[1]', 'record_fields[2]', 'record_fields[3]']) }}
            as segment_id,
        max(try_cast(record_fields[4] as bigint)) as newest_version_number
    from raw_fields
    group by segment_id

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
