-- For each vendor and grain, what went into staging comes out in the marts: the rows, and the
-- total of a measure the vendor sends as is (int_grain_totals, one model per vendor). A full
-- outer join, so a vendor or grain the marts hold that staging does not account for fails too,
-- as does a silent drop or fan-out in a mapping or a join.

with

staged as (

    select * from {{ ref('int_grain_totals') }}

),

in_marts as (

    select
        source_system,
        'interactions' as grain,
        count(*) as row_count,
        cast(null as double) as measure_total
    from {{ ref('fct_interactions') }}
    group by source_system
    union all
    select
        source_system,
        'segments' as grain,
        count(*) as row_count,
        null as measure_total
    from {{ ref('fct_segments') }}
    group by source_system
    union all
    select
        source_system,
        'queue_segments' as grain,
        count(*) as row_count,
        sum(wait_seconds) as measure_total
    from {{ ref('fct_queue_segments') }}
    group by source_system
    union all
    select
        source_system,
        'workitems' as grain,
        count(*) as row_count,
        null as measure_total
    from {{ ref('fct_workitems') }}
    group by source_system
    union all
    select
        source_system,
        'bot_segments' as grain,
        count(*) as row_count,
        sum(duration_seconds) as measure_total
    from {{ ref('fct_bot_segments') }}
    group by source_system
    union all
    select
        source_system,
        case when measure = 'entity' then 'entity_sentiment' else 'sentiment' end as grain,
        count(*) as row_count,
        null as measure_total
    from {{ ref('fct_sentiment') }}
    group by all
    union all
    select
        source_system,
        'transcript_turns' as grain,
        count(*) as row_count,
        sum(character_count) as measure_total
    from {{ ref('fct_transcript_turns') }}
    group by source_system
    union all
    select
        source_system,
        'agent_states' as grain,
        count(*) as row_count,
        sum(duration_seconds) as measure_total
    from {{ ref('fct_agent_states') }}
    group by source_system

)

select
    coalesce(staged.source_system, in_marts.source_system) as source_system,
    coalesce(staged.grain, in_marts.grain) as grain,
    staged.row_count as staged_rows,
    coalesce(in_marts.row_count, 0) as mart_rows,
    staged.measure_total as staged_measure_total,
    in_marts.measure_total as mart_measure_total
from staged
full outer join in_marts
    on staged.source_system = in_marts.source_system and staged.grain = in_marts.grain
where
    staged.row_count is null
    or staged.row_count <> coalesce(in_marts.row_count, 0)
    or abs(staged.measure_total - coalesce(in_marts.measure_total, 0)) > 0.000001
