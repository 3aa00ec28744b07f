-- One row per Buzzeasy channel. A lookup table refreshed daily as a full snapshot: the latest
-- snapshot's row wins; deleted rows stay, flagged.

{{ config(unique_key='channel_id') }}

with

source as (

    {{ unquarantined(
        source('buzzeasy', 'channels'),
        ref('base_buzzeasy__record_checks'),
        'buzzeasy__channels',
        since_last_build=true,
    ) }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', 'id') }} as channel_id,
        {{ json_text('record', ['businessUnitId', 'businessUnitID']) }} as business_unit_id,

        -- dimensions
        {{ json_text('record', ['name', 'Name']) }} as channel_name,
        {{ json_text('record', 'channelType') }} as channel_type,

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

    {{ latest_delivery('flagged', 'channel_id') }}

)

select * from latest
