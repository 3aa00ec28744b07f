-- Every SmartAssist session parsed once into a typed STRUCT, one row per sessionId, with the
-- UTC offset its load assumed (the request's timeZoneOffset). Responses for overlapping date
-- ranges repeat sessions: the latest load wins, then the later file path, then the later record.

with

source as (

    select * from {{ source('kore_smartassist', 'sessions') }}

),

parsed as (

    select
        json_transform(record, '{{ kore_smartassist_session_structure() }}') as smartassist_session,
        record -> '$.customerInfo' as customer_info_as_documented,
        _assumed_timezone as assumed_utc_offset,
        {{ raw_lineage_columns() }}
    from source

),

latest as (

    {{ latest_delivery('parsed', 'smartassist_session.sessionId') }}

)

select
    smartassist_session.sessionId as session_id,
    *
from latest
