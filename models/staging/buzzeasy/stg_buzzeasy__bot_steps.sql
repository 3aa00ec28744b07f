-- One row per Buzzeasy bot step (a bot node of a workflow). A lookup table refreshed daily as a
-- full snapshot: the latest snapshot's row wins; deleted rows stay, flagged.

{{ config(unique_key='bot_step_id') }}

with

source as (

    {{ unquarantined(
        source('buzzeasy', 'bot_steps'),
        ref('base_buzzeasy__record_checks'),
        'buzzeasy__bot_steps',
        since_last_build=true,
    ) }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', 'id') }} as bot_step_id,

        -- dimensions
        {{ json_text('record', ['name', 'Name']) }} as bot_step_name,
        {{ json_text('record', 'type') }} as bot_step_type,
        {{ json_text('record', 'mediaGroup') }} as media_group,

        -- timestamps (UTC; *_local as the tenant's wall clock)
        {{ utc_timestamp(json_text('record', ['deletedAt', 'deletedAtUTC', 'deletedAtUtc'])) }}
            as deleted_at,

        -- lineage
        {{ raw_lineage_columns() }}

    from source

),

flagged as (

    select
        *,
        deleted_at is not null as is_deleted
    from renamed

),

latest as (

    {{ latest_delivery('flagged', 'bot_step_id') }}

)

select * from latest
