-- One row per Buzzeasy business unit. A lookup table refreshed daily as a full snapshot: the
-- latest snapshot's row wins; deleted rows stay, flagged.

{{ config(unique_key='business_unit_id') }}

with

source as (

    {{ unquarantined(
        source('buzzeasy', 'business_units'),
        ref('base_buzzeasy__record_checks'),
        'buzzeasy__business_units',
        since_last_build=true,
    ) }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', 'id') }} as business_unit_id,

        -- dimensions
        {{ json_text('record', ['name', 'Name']) }} as business_unit_name,

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

    {{ latest_delivery('flagged', 'business_unit_id') }}

)

select * from latest
