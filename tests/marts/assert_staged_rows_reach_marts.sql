-- For each vendor and grain, what went into staging comes out in the marts: a silent drop (or
-- a fan-out) in a mapping or a join fails the build. Each vendor adds its staged counts here.

with

staged as (

    select
        'cxengage' as source_system,
        'interactions' as grain,
        count(*) as row_count
    from {{ ref('stg_cxengage__interactions') }}
    union all
    select
        'cxengage' as source_system,
        'segments' as grain,
        count(*) as row_count
    from {{ ref('stg_cxengage__segments') }}
    union all
    select
        'cxengage' as source_system,
        'queue_segments' as grain,
        count(*) as row_count
    from {{ ref('stg_cxengage__queue_entries') }}
    union all
    select
        'cxengage' as source_system,
        'workitems' as grain,
        count(*) as row_count
    from {{ ref('stg_cxengage__agents') }}
    union all
    select
        'cxengage' as source_system,
        'bot_segments' as grain,
        count(*) as row_count
    from {{ ref('stg_cxengage__interactions') }}
    where ivr_seconds > 0
    union all
    select
        'cxengage' as source_system,
        'sentiment' as grain,
        count(*) as row_count
    from {{ ref('stg_cxengage__interactions') }}
    where csat_raw is not null
    union all
    select
        'cxengage' as source_system,
        'transcript_turns' as grain,
        count(*) as row_count
    from {{ ref('stg_cxengage__messages') }}
    union all
    select
        'nice_cxone' as source_system,
        'interactions' as grain,
        count(distinct interaction_id) as row_count
    from {{ ref('stg_nice_cxone__segments') }}
    union all
    select
        'nice_cxone' as source_system,
        'segments' as grain,
        count(*) as row_count
    from {{ ref('stg_nice_cxone__segments') }}
    union all
    -- the mapping decides which segments queued (inbound, with a skill)
    select
        'nice_cxone' as source_system,
        'queue_segments' as grain,
        count(*) as row_count
    from {{ ref('int_queue_segments__nice_cxone') }}
    union all
    select
        'nice_cxone' as source_system,
        'workitems' as grain,
        count(*) as row_count
    from {{ ref('stg_nice_cxone__segments') }}
    where agent_user_id is not null
    union all
    select
        'nice_cxone' as source_system,
        'sentiment' as grain,
        count(sentiment) + count(begin_sentiment) + count(end_sentiment) + count(frustration)
            as row_count
    from {{ ref('stg_nice_cxone__channels') }}
    union all
    select
        'nice_cxone' as source_system,
        'entity_sentiment' as grain,
        count(sentiment) as row_count
    from {{ ref('stg_nice_cxone__entities') }}
    union all
    select
        'nice_cxone' as source_system,
        'transcript_turns' as grain,
        count(*) as row_count
    from {{ ref('stg_nice_cxone__transcript_blocks') }}
    union all
    -- the chain walk decides which conversations start an interaction
    select
        'buzzeasy' as source_system,
        'interactions' as grain,
        count(*) as row_count
    from {{ ref('int_conversation_chains__buzzeasy') }}
    where segment_sequence = 0
    union all
    select
        'buzzeasy' as source_system,
        'segments' as grain,
        count(*) as row_count
    from {{ ref('int_conversation_chains__buzzeasy') }}
    union all
    select
        'buzzeasy' as source_system,
        'queue_segments' as grain,
        count(*) as row_count
    from {{ ref('stg_buzzeasy__queue_segments') }}
    union all
    select
        'buzzeasy' as source_system,
        'bot_segments' as grain,
        count(*) as row_count
    from {{ ref('stg_buzzeasy__bot_segments') }}
    union all
    select
        'buzzeasy' as source_system,
        'workitems' as grain,
        count(*) as row_count
    from {{ ref('stg_buzzeasy__workitems') }}
    where primary_conversation_id is not null
    union all
    select
        'buzzeasy' as source_system,
        'agent_states' as grain,
        count(*) as row_count
    from {{ ref('stg_buzzeasy__agent_states') }}
    union all
    select
        'kore_smartassist' as source_system,
        'interactions' as grain,
        count(distinct interaction_id) as row_count
    from {{ ref('stg_kore_smartassist__sessions') }}
    union all
    -- a bot leg per session, then a leg per destination
    select
        'kore_smartassist' as source_system,
        'segments' as grain,
        (select count(*) from {{ ref('stg_kore_smartassist__sessions') }})
        + (select count(*) from {{ ref('stg_kore_smartassist__destinations') }}) as row_count
    union all
    select
        'kore_smartassist' as source_system,
        'queue_segments' as grain,
        count(*) as row_count
    from {{ ref('stg_kore_smartassist__destinations') }}
    where destination_type = 'QueueEntry'
    union all
    select
        'kore_smartassist' as source_system,
        'workitems' as grain,
        (select count(*) from {{ ref('stg_kore_smartassist__agent_segments') }})
        + (select count(*) from {{ ref('stg_kore_smartassist__non_responding_agents') }})
            as row_count
    union all
    select
        'kore_smartassist' as source_system,
        'bot_segments' as grain,
        count(*) as row_count
    from {{ ref('stg_kore_smartassist__sessions') }}
    union all
    select
        'kore_smartassist' as source_system,
        'sentiment' as grain,
        count(csat_raw) as row_count
    from {{ ref('stg_kore_smartassist__sessions') }}
    union all
    select
        'ccai_platform' as source_system,
        'interactions' as grain,
        count(*) as row_count
    from {{ ref('stg_ccai_platform__sessions') }}
    union all
    -- a session's first leg, then one per transfer
    select
        'ccai_platform' as source_system,
        'segments' as grain,
        (select count(*) from {{ ref('stg_ccai_platform__sessions') }})
        + (select count(*) from {{ ref('stg_ccai_platform__transfers') }}) as row_count
    union all
    select
        'ccai_platform' as source_system,
        'bot_segments' as grain,
        count(*) as row_count
    from {{ ref('stg_ccai_platform__virtual_agent_handle_durations') }}
    union all
    select
        'ccai_platform' as source_system,
        'workitems' as grain,
        count(*) as row_count
    from {{ ref('stg_ccai_platform__participants') }}
    where participant_type = 'agent'
    union all
    -- the mapping decides which sessions and transfers waited in a queue
    select
        'ccai_platform' as source_system,
        'queue_segments' as grain,
        count(*) as row_count
    from {{ ref('int_queue_segments__ccai_platform') }}
    union all
    select
        'ccai_platform' as source_system,
        'sentiment' as grain,
        count(csat_raw) as row_count
    from {{ ref('stg_ccai_platform__sessions') }}

),

in_marts as (

    select
        source_system,
        'interactions' as grain,
        count(*) as row_count
    from {{ ref('fct_interactions') }}
    group by source_system
    union all
    select
        source_system,
        'segments' as grain,
        count(*) as row_count
    from {{ ref('fct_segments') }}
    group by source_system
    union all
    select
        source_system,
        'queue_segments' as grain,
        count(*) as row_count
    from {{ ref('fct_queue_segments') }}
    group by source_system
    union all
    select
        source_system,
        'workitems' as grain,
        count(*) as row_count
    from {{ ref('fct_workitems') }}
    group by source_system
    union all
    select
        source_system,
        'bot_segments' as grain,
        count(*) as row_count
    from {{ ref('fct_bot_segments') }}
    group by source_system
    union all
    select
        source_system,
        grain,
        count(*) as row_count
    from (
        select
            source_system,
            case when measure = 'entity' then 'entity_sentiment' else 'sentiment' end as grain
        from {{ ref('fct_sentiment') }}
    ) as sentiment_grains
    group by source_system, grain
    union all
    select
        source_system,
        'transcript_turns' as grain,
        count(*) as row_count
    from {{ ref('fct_transcript_turns') }}
    group by source_system
    union all
    select
        source_system,
        'agent_states' as grain,
        count(*) as row_count
    from {{ ref('fct_agent_states') }}
    group by source_system

)

select
    staged.source_system,
    staged.grain,
    staged.row_count as staged_rows,
    coalesce(in_marts.row_count, 0) as mart_rows
from staged
left join in_marts
    on staged.source_system = in_marts.source_system and staged.grain = in_marts.grain
where staged.row_count <> coalesce(in_marts.row_count, 0)
