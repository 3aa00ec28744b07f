-- What NICE CXone staging holds per conformed grain: the rows each grain of the marts must have
-- for this vendor, and where the vendor sends a measure as is, its total.
-- tests/marts/assert_staged_rows_reach_marts.sql compares them with the marts.

with

segments as (

    select * from {{ ref('stg_nice_cxone__segments') }}

),

channels as (

    select * from {{ ref('stg_nice_cxone__channels') }}

),

totals as (

    select
        'interactions' as grain,
        count(distinct interaction_id) as row_count,
        cast(null as double) as measure_total
    from segments
    union all
    select
        'segments' as grain,
        count(*) as row_count,
        null as measure_total
    from segments
    union all
    -- the mapping decides which segments queued (inbound, with a skill); inQueueSeconds as sent
    select
        'queue_segments' as grain,
        count(*) as row_count,
        sum(wait_seconds) as measure_total
    from {{ ref('int_queue_segments__nice_cxone') }}
    union all
    select
        'workitems' as grain,
        count(*) as row_count,
        null as measure_total
    from segments
    where agent_user_id is not null
    union all
    select
        'sentiment' as grain,
        count(sentiment) + count(begin_sentiment) + count(end_sentiment) + count(frustration)
            as row_count,
        null as measure_total
    from channels
    union all
    select
        'entity_sentiment' as grain,
        count(sentiment) as row_count,
        null as measure_total
    from {{ ref('stg_nice_cxone__entities') }}
    union all
    select
        'transcript_turns' as grain,
        count(*) as row_count,
        sum(length(block_text)) as measure_total
    from {{ ref('stg_nice_cxone__transcript_blocks') }}

)

select
    'nice_cxone' as source_system,
    grain,
    row_count,
    measure_total
from totals
