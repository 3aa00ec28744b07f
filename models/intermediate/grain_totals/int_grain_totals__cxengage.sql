-- What CxEngage staging holds per conformed grain: the rows each grain of the marts must have
-- for this vendor, and where the vendor sends a measure as is, its total.
-- tests/marts/assert_staged_rows_reach_marts.sql compares them with the marts.

with

interactions as (

    select * from {{ ref('stg_cxengage__interactions') }}

),

totals as (

    select
        'interactions' as grain,
        count(*) as row_count,
        cast(null as double) as measure_total
    from interactions
    union all
    select
        'segments' as grain,
        count(*) as row_count,
        null as measure_total
    from {{ ref('stg_cxengage__segments') }}
    union all
    select
        'queue_segments' as grain,
        count(*) as row_count,
        null as measure_total
    from {{ ref('stg_cxengage__queue_entries') }}
    union all
    select
        'workitems' as grain,
        count(*) as row_count,
        null as measure_total
    from {{ ref('stg_cxengage__agents') }}
    union all
    -- one flow step per interaction that spent time in its flow, lasting ivrTime
    select
        'bot_segments' as grain,
        count(*) as row_count,
        sum(ivr_seconds) as measure_total
    from interactions
    where ivr_seconds > 0
    union all
    select
        'sentiment' as grain,
        count(*) as row_count,
        null as measure_total
    from interactions
    where csat_raw is not null
    union all
    select
        'transcript_turns' as grain,
        count(*) as row_count,
        sum(length(message_text)) as measure_total
    from {{ ref('stg_cxengage__messages') }}

)

select
    'cxengage' as source_system,
    grain,
    row_count,
    measure_total
from totals
