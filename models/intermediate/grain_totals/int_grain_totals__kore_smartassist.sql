-- What Kore SmartAssist staging holds per conformed grain: the rows each grain of the marts must
-- have for this vendor. tests/marts/assert_staged_rows_reach_marts.sql compares them with the
-- marts.

with

sessions as (

    select * from {{ ref('stg_kore_smartassist__sessions') }}

),

destinations as (

    select * from {{ ref('stg_kore_smartassist__destinations') }}

),

totals as (

    select
        'interactions' as grain,
        count(distinct interaction_id) as row_count,
        cast(null as double) as measure_total
    from sessions
    union all
    -- a bot leg per session, then a leg per destination
    select
        'segments' as grain,
        (select count(*) from sessions) + (select count(*) from destinations) as row_count,
        null as measure_total
    union all
    select
        'queue_segments' as grain,
        count(*) as row_count,
        null as measure_total
    from destinations
    where destination_type = 'QueueEntry'
    union all
    select
        'workitems' as grain,
        (select count(*) from {{ ref('stg_kore_smartassist__agent_segments') }})
        + (select count(*) from {{ ref('stg_kore_smartassist__non_responding_agents') }})
            as row_count,
        null as measure_total
    union all
    select
        'bot_segments' as grain,
        count(*) as row_count,
        null as measure_total
    from sessions
    union all
    select
        'sentiment' as grain,
        count(csat_raw) as row_count,
        null as measure_total
    from sessions

)

select
    'kore_smartassist' as source_system,
    grain,
    row_count,
    measure_total
from totals
