-- CxEngage reports the time an interaction spent in its flow (IVR for voice, the automated
-- flow for digital channels) as `ivrTime` from the interaction's start: one bot segment per
-- interaction that has it. The vendor sends no outcome; it is derived (DECISIONLOG.md).

with

interactions as (

    select * from {{ ref('stg_cxengage__interactions') }}

),

mapped as (

    select
        'cxengage' as source_system,
        {{ dbt.concat(['interaction_id', "':flow'"]) }} as bot_segment_id,
        interaction_id,
        flow_name as bot_name,
        case when lower(channel_type) = 'voice' then 'ivr' else 'flow' end as bot_type,
        started_at,
        {{ add_seconds('started_at', 'ivr_seconds') }}
            as ended_at,
        ivr_seconds as duration_seconds,
        case
            when queue_entry_count > 0 then 'escalated'
            when was_ivr_abandoned or customer_abandon_seconds > 0 then 'abandoned'
            else 'completed'
        end as outcome,
        cast(null as {{ dbt.type_string() }}) as outcome_raw,
        loaded_at
    from interactions
    -- an interaction that spent no time in its flow had no flow step
    where ivr_seconds > 0

)

select * from mapped
