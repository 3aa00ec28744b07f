-- One row per uploaded Buzzeasy campaign record registration. The latest delivery of each row
-- wins.

{{ config(unique_key='campaign_record_registration_id') }}

with

source as (

    select * from {{ source('buzzeasy', 'campaign_record_registrations') }}
    where {{ loaded_since_last_build() }}

),

renamed as (

    select
        -- ids
        {{ composite_key(
            [json_text('record', ['id', 'campaignRecordId', 'campaignRecordID'])],
            'md5(' ~ raw_record_text() ~ ')'
        ) }} as campaign_record_registration_id,
        {{ json_text('record', ['campaignId', 'campaignID']) }} as campaign_id,

        -- dimensions
        {{ json_text('record', 'customerFirstName') }} as customer_first_name,
        {{ json_text('record', 'customerLastName') }} as customer_last_name,
        {{ json_text('record', ['primaryPhoneNumber', 'customerPhone']) }} as primary_phone_number,

        -- lineage
        {{ raw_lineage_columns() }}

    from source

),

latest as (

    {{ latest_delivery('renamed', 'campaign_record_registration_id') }}

)

select * from latest
