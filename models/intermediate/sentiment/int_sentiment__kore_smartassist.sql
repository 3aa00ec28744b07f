-- SmartAssist measures satisfaction only: the customer's CSAT score (1-5) per session, mapped
-- linearly onto [-1, 1].

with

sessions as (

    select * from {{ ref('stg_kore_smartassist__sessions') }}

),

mapped as (

    select
        'kore_smartassist' as source_system,
        {{ dbt.concat(['session_id', "':csat'"]) }} as sentiment_id,
        interaction_id,
        cast(null as {{ dbt.type_string() }}) as segment_id,
        'customer' as participant_role,
        'csat' as measure,
        cast(null as {{ dbt.type_string() }}) as label,
        {{ vendor_rating_to_score('csat_score', 'kore_smartassist') }} as score,
        csat_raw as raw_value,
        cast(null as {{ dbt.type_string() }}) as entity_name,
        loaded_at
    from sessions
    where csat_raw is not null

)

select * from mapped
