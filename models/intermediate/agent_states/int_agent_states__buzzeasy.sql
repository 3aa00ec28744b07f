-- Buzzeasy agent states are the vendor's own intervals (Agent States): Idle is available, Busy
-- busy, Break a break (named by breakName; a login starts with one), Logged out the end of a
-- session. Each interval ends when its duration is over.

with

agent_states as (

    select * from {{ ref('stg_buzzeasy__agent_states') }}

),

mapped as (

    select
        'buzzeasy' as source_system,
        agent_state_id,
        agent_id,
        case state
            when 'Idle' then 'available'
            when 'Busy' then 'busy'
            when 'Break' then 'break'
            when 'Logged out' then 'logged_out'
            else 'other'
        end as state,
        state as state_raw,
        break_name,
        started_at,
        {{ add_seconds('started_at', 'duration_seconds') }} as ended_at,
        duration_seconds,
        coalesce(is_login, false) as is_login,
        coalesce(is_logout, false) as is_logout,
        logout_reason,
        loaded_at
    from agent_states

)

select * from mapped
