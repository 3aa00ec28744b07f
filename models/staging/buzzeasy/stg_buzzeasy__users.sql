-- One row per Buzzeasy user (agents are users too). A lookup table refreshed daily as a full
-- snapshot: the latest snapshot's row wins; deleted rows stay, flagged.

{{ config(unique_key='user_id') }}

with

source as (

    {{ unquarantined(
        source('buzzeasy', 'users'),
        ref('base_buzzeasy__record_checks'),
        'buzzeasy__users',
        since_last_build=true,
    ) }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', 'id') }} as user_id,

        -- dimensions
        {{ json_text('record', ['Name', 'name']) }} as user_name,
        {{ json_text('record', 'userType') }} as user_type,
        {{ json_text('record', 'emailAddress') }} as email_address,
        {{ json_text('record', ['customId', 'customID']) }} as custom_id,

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

    {{ latest_delivery('flagged', 'user_id') }}

)

select * from latest
