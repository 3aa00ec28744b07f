-- What Buzzeasy staging holds per conformed grain: the rows each grain of the marts must have
-- for this vendor, and where the vendor sends a measure as is, its total.
-- tests/marts/assert_staged_rows_reach_marts.sql compares them with the marts.

with

chains as (

    select * from {{ ref('int_conversation_chains__buzzeasy') }}

),

totals as (

    -- the chain walk decides which conversations start an interaction
    select
        'interactions' as grain,
        count(*) as row_count,
        cast(null as double) as measure_total
    from chains
    where segment_sequence = 0
    union all
    select
        'segments' as grain,
        count(*) as row_count,
        null as measure_total
    from chains
    union all
    select
        'queue_segments' as grain,
        count(*) as row_count,
        null as measure_total
    from {{ ref('stg_buzzeasy__queue_segments') }}
    union all
    select
        'bot_segments' as grain,
        count(*) as row_count,
        sum(duration_seconds) as measure_total
    from {{ ref('stg_buzzeasy__bot_segments') }}
    union all
    select
        'workitems' as grain,
        count(*) as row_count,
        null as measure_total
    from {{ ref('stg_buzzeasy__workitems') }}
    where primary_conversation_id is not null
    union all
    select
        'agent_states' as grain,
        count(*) as row_count,
        sum(duration_seconds) as measure_total
    from {{ ref('stg_buzzeasy__agent_states') }}

)

select
    'buzzeasy' as source_system,
    grain,
    row_count,
    measure_total
from totals
