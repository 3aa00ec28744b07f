-- One row per Buzzeasy campaign. A lookup table refreshed daily as a full snapshot: the latest
-- snapshot's row wins; deleted rows stay, flagged.

{{ config(unique_key='campaign_id') }}

with

source as (

    {{ unquarantined(
        source('buzzeasy', 'campaigns'),
        ref('base_buzzeasy__record_checks'),
        'buzzeasy__campaigns',
        since_last_build=true,
    ) }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', 'id') }} as campaign_id,

        -- dimensions
        {{ json_text('record', ['name', 'Name']) }} as campaign_name,
        {{ json_text('record', 'campaignType') }} as campaign_type,

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

    {{ latest_delivery('flagged', 'campaign_id') }}

)

select * from latest
