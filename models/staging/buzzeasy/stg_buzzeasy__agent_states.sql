-- One row per Buzzeasy agent state interval (Idle, Busy, Break, Logged out), with logins and
-- logouts. The latest delivery of each row wins.

{{ config(unique_key='agent_state_id') }}

with

source as (

    {{ unquarantined(
        source('buzzeasy', 'agent_states'),
        ref('base_buzzeasy__record_checks'),
        'buzzeasy__agent_states',
        since_last_build=true,
    ) }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', 'id') }} as agent_state_id,
        {{ json_text('record', ['agentID', 'agentId']) }} as agent_id,

        -- dimensions
        {{ json_text('record', 'state') }} as state,
        {{ json_text('record', 'breakName') }} as break_name,
        {{ json_text('record', 'logoutReason') }} as logout_reason,

        -- measures
        {{ cast_or_null(json_text('record', 'durationInSeconds'), 'double') }} as duration_seconds,

        -- booleans
        {{ cast_or_null(json_text('record', 'isLogin'), 'boolean') }} as is_login,
        {{ cast_or_null(json_text('record', 'isLogout'), 'boolean') }} as is_logout,

        -- timestamps (UTC; *_local as the tenant's wall clock)
        {{ utc_timestamp(json_text('record', ['startTimeUtc', 'startTimeUTC'])) }} as started_at,
        {{ cast_or_null(json_text('record', 'startTime'), 'timestamp') }} as started_at_local,

        -- lineage
        {{ raw_lineage_columns() }}

    from source

),

latest as (

    {{ latest_delivery('renamed', 'agent_state_id') }}

)

select * from latest
