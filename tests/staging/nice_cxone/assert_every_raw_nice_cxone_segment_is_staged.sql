-- Nothing is lost between raw and staging: every raw NICE record is quarantined or its segment
-- is staged, exactly once, at the newest stageable version; nothing is staged that was not
-- landed.

with

raw_fields as (

    select
        {{ json_text_at('record', '$.externalId') }} as external_id,
        {{ json_text_at('record', '$.segmentId') }} as segment_id,
        {{ json_text_at('record', '$.id') }} as record_id,
        {{ json_text_at('record', '$.versionId') }} as version_id
    from (
        {{ unquarantined(
            source('nice_cxone', 'segments'), ref('quarantined_records'), 'nice_cxone__segments'
        ) }}
    ) as raw_records

),

raw_segments as (

    select
        {{ coalesce_text(['external_id', 'segment_id', 'record_id']) }} as segment_id,
        max({{ cast_or_null('version_id', 'bigint') }}) as newest_version_number
    from raw_fields
    group by {{ coalesce_text(['external_id', 'segment_id', 'record_id']) }}

),

staged as (

    select
        segment_id,
        {{ cast_or_null('version_id', 'bigint') }} as version_number
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
