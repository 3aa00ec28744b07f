-- What Google CCAI Platform staging holds per conformed grain: the rows each grain of the marts
-- must have for this vendor. tests/marts/assert_staged_rows_reach_marts.sql compares them with
-- the marts.

with

sessions as (

    select * from {{ ref('stg_ccai_platform__sessions') }}

),

totals as (

    select
        'interactions' as grain,
        count(*) as row_count,
        cast(null as double) as measure_total
    from sessions
    union all
    -- a session's first leg, then one per transfer
    select
        'segments' as grain,
        (select count(*) from sessions)
        + (select count(*) from {{ ref('stg_ccai_platform__transfers') }}) as row_count,
        null as measure_total
    union all
    select
        'bot_segments' as grain,
        count(*) as row_count,
        null as measure_total
    from {{ ref('stg_ccai_platform__virtual_agent_handle_durations') }}
    union all
    select
        'workitems' as grain,
        count(*) as row_count,
        null as measure_total
    from {{ ref('stg_ccai_platform__participants') }}
    where participant_type = 'agent'
    union all
    -- the mapping decides which sessions and transfers waited in a queue
    select
        'queue_segments' as grain,
        count(*) as row_count,
        null as measure_total
    from {{ ref('int_queue_segments__ccai_platform') }}
    union all
    select
        'sentiment' as grain,
        count(csat_raw) as row_count,
        null as measure_total
    from sessions

)

select
    'ccai_platform' as source_system,
    grain,
    row_count,
    measure_total
from totals
