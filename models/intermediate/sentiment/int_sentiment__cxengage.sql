-- CxEngage measures satisfaction only: the customer's CSAT rating per interaction, on a scale
-- the vendor does not document (csat_scale in the vendor registry, dbt_project.yml: 1-5).

with

interactions as (

    select * from {{ ref('stg_cxengage__interactions') }}

),

mapped as (

    select
        'cxengage' as source_system,
        {{ dbt.concat(['interaction_id', "':csat'"]) }} as sentiment_id,
        interaction_id,
        cast(null as {{ dbt.type_string() }}) as segment_id,
        'customer' as participant_role,
        'csat' as measure,
        cast(null as {{ dbt.type_string() }}) as label,
        {{ vendor_rating_to_score('csat_rating', 'cxengage') }} as score,
        csat_raw as raw_value,
        cast(null as {{ dbt.type_string() }}) as entity_name,
        loaded_at
    from interactions
    where csat_raw is not null

)

select * from mapped
