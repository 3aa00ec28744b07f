-- One row per Buzzeasy campaign record (a customer to call) in its current state. The feed
-- documents only local times for it. The latest delivery of each row wins.

{{ config(unique_key='campaign_record_id') }}

with

source as (

    {{ unquarantined(
        source('buzzeasy', 'campaign_records'),
        ref('base_buzzeasy__record_checks'),
        'buzzeasy__campaign_records',
        since_last_build=true,
    ) }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', 'id') }} as campaign_record_id,
        {{ json_text('record', ['campaignID', 'campaignId']) }} as campaign_id,

        -- dimensions
        {{ json_text('record', 'status') }} as status,
        {{ json_text('record', 'customerFirstName') }} as customer_first_name,
        {{ json_text('record', 'customerLastName') }} as customer_last_name,
        {{ json_text('record', 'customerPhone') }} as customer_phone,

        -- measures
        {{ duration_seconds(json_text('record', 'newStatusDuration')) }} as new_status_seconds,
        {{ duration_seconds(json_text('record', 'queuedStatusDuration')) }}
            as queued_status_seconds,
        {{ duration_seconds(json_text('record', 'rescheduledStatusDuration')) }}
            as rescheduled_status_seconds,
        {{ cast_or_null(json_text('record', 'totalCustomerRingTimeInSeconds'), 'double') }}
            as total_customer_ring_seconds,
        {{ cast_or_null(json_text('record', 'totalTalkTimeInSeconds'), 'double') }}
            as total_talk_seconds,

        -- timestamps (UTC; *_local as the tenant's wall clock)
        {{ cast_or_null(json_text('record', ['CreatedAt', 'createdAt']), 'timestamp') }}
            as created_at_local,
        {{ cast_or_null(json_text('record', ['closedAt', 'ClosedAt']), 'timestamp') }}
            as closed_at_local,

        -- lineage
        {{ raw_lineage_columns() }}

    from source

),

latest as (

    {{ latest_delivery('renamed', 'campaign_record_id') }}

)

select * from latest
