-- One row per Buzzeasy queue node. A lookup table refreshed daily as a full snapshot: the latest
-- snapshot's row wins; deleted rows stay, flagged.

{{ config(unique_key='queue_id') }}

with

source as (

    {{ unquarantined(
        source('buzzeasy', 'queues'),
        ref('base_buzzeasy__record_checks'),
        'buzzeasy__queues',
        since_last_build=true,
    ) }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', 'id') }} as queue_id,
        {{ json_text('record', ['channelID', 'channelId']) }} as channel_id,

        -- dimensions
        {{ json_text('record', ['Name', 'name']) }} as queue_name,
        {{ json_text('record', ['routing mode', 'routingMode']) }} as routing_mode,

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

    {{ latest_delivery('flagged', 'queue_id') }}

)

select * from latest
