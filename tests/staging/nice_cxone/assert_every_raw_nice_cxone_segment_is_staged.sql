-- Nothing is lost between raw and staging: every raw NICE record is quarantined or its segment
-- is staged, exactly once, at the newest stageable version; nothing is staged that was not
-- landed.

with

raw_records as (

    select
        coalesce(
            {{ blank_as_null("json_extract_string(record, '$.externalId')") }},
            {{ blank_as_null("json_extract_string(record, '$.segmentId')") }},
            {{ blank_as_null("json_extract_string(record, '$.id')") }}
        ) as segment_id,
        try_cast(json_extract_string(record, '$.versionId') as bigint) as version_number,
        _file_sha256,
        _record_index
    from {{ source('nice_cxone', 'segments') }}

),

quarantined as (

    select
        file_sha256,
        record_index
    from {{ ref('quarantined_records') }}
    where raw_table = 'nice_cxone__segments'

),

raw_segments as (

    select
        raw_records.segment_id,
        max(raw_records.version_number) as newest_version_number
    from raw_records
    where not exists (
            select 1
            from quarantined
            where
                quarantined.file_sha256 = raw_records._file_sha256
                and quarantined.record_index = raw_records._record_index
        )
    group by raw_records.segment_id

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
