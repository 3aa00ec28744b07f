-- Every vendor's transcript turns in the conformed shape; each vendor adds a `union all` branch.

with

cxengage as (

    select * from {{ ref('int_transcript_turns__cxengage') }}

),

nice_cxone as (

    select * from {{ ref('int_transcript_turns__nice_cxone') }}

),

unioned as (

    select
        source_system,
        transcript_turn_id,
        interaction_id,
        segment_id,
        turn_sequence,
        participant_role,
        participant_role_raw,
        turn_text,
        started_at,
        ended_at,
        is_ignored,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at
    from cxengage

    union all

    select
        source_system,
        transcript_turn_id,
        interaction_id,
        segment_id,
        turn_sequence,
        participant_role,
        participant_role_raw,
        turn_text,
        started_at,
        ended_at,
        is_ignored,
        loaded_at
    from nice_cxone

)

select * from unioned
