-- One row per additional phone number of a Buzzeasy campaign record. The latest delivery of each
-- row wins.

{{ config(unique_key='campaign_record_phone_id') }}

with

source as (

    select * from {{ source('buzzeasy', 'campaign_record_additional_phone_numbers') }}
    where {{ loaded_since_last_build() }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', ['campaignRecordId', 'campaignRecordID', 'recordId']) }}
            as campaign_record_id,

        -- dimensions
        {{ json_text('record', ['phoneNumber', 'additionalPhoneNumber']) }} as phone_number,

        -- lineage
        md5({{ raw_record_text() }}) as record_digest,
        {{ raw_lineage_columns() }}

    from source

),

keyed as (

    select
        {{ composite_key(['campaign_record_id', 'phone_number'], 'record_digest') }}
            as campaign_record_phone_id,
        *
    from renamed

),

latest as (

    {{ latest_delivery('keyed', 'campaign_record_phone_id') }}

)

select * from latest
