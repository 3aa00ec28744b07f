-- Every vendor's interactions in the conformed shape; each vendor adds a `union all` branch.

with

cxengage as (

    select * from {{ ref('int_interactions__cxengage') }}

),

ccai_platform as (

    select * from {{ ref('int_interactions__ccai_platform') }}

),

kore_smartassist as (

    select * from {{ ref('int_interactions__kore_smartassist') }}

),

buzzeasy as (

    select * from {{ ref('int_interactions__buzzeasy') }}

),

nice_cxone as (

    select * from {{ ref('int_interactions__nice_cxone') }}

),

unioned as (

    select
        source_system,
        interaction_id,
        channel,
        channel_raw,
        direction,
        direction_raw,
        disposition_name,
        started_at,
        ended_at,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at,
        customer_identifier
    from cxengage

    union all

    select
        source_system,
        interaction_id,
        channel,
        channel_raw,
        direction,
        direction_raw,
        disposition_name,
        started_at,
        ended_at,
        loaded_at,
        customer_identifier
    from nice_cxone

    union all

    select
        source_system,
        interaction_id,
        channel,
        channel_raw,
        direction,
        direction_raw,
        disposition_name,
        started_at,
        ended_at,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at,
        customer_identifier
    from buzzeasy

    union all

    select
        source_system,
        interaction_id,
        channel,
        channel_raw,
        direction,
        direction_raw,
        disposition_name,
        started_at,
        ended_at,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at,
        customer_identifier
    from kore_smartassist

    union all

    select
        source_system,
        interaction_id,
        channel,
        channel_raw,
        direction,
        direction_raw,
        disposition_name,
        started_at,
        ended_at,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at,
        customer_identifier
    from ccai_platform

)

select * from unioned
