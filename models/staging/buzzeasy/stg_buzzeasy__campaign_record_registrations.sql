-- One row per uploaded Buzzeasy campaign record registration. The latest delivery of each row
-- wins.

with

source as (

    select * from {{ source('buzzeasy', 'campaign_record_registrations') }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', ['id', 'campaignRecordId', 'campaignRecordID']) }}
            as campaign_record_registration_id,
        {{ json_text('record', ['campaignId', 'campaignID']) }} as campaign_id,

        -- dimensions
        {{ json_text('record', 'customerFirstName') }} as customer_first_name,
        {{ json_text('record', 'customerLastName') }} as customer_last_name,
        {{ json_text('record', ['primaryPhoneNumber', 'customerPhone']) }} as primary_phone_number,

        -- lineage
        _loaded_at as loaded_at,
        _file_path as loaded_from_file_path,
        _record_index as loaded_from_record_index,
        _batch_id as load_batch_id

    from source

),

latest as (

    {{ latest_delivery('renamed', 'campaign_record_registration_id') }}

)

select * from latest
