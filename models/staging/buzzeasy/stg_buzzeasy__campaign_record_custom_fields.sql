-- One row per custom field of a Buzzeasy campaign record. The latest delivery of each row wins.

{{ config(unique_key='campaign_record_custom_field_id') }}

with

source as (

    select * from {{ source('buzzeasy', 'campaign_record_custom_fields') }}
    where {{ loaded_since_last_build() }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', ['campaignRecordId', 'campaignRecordID', 'recordId']) }}
            as campaign_record_id,

        -- dimensions
        {{ json_text('record', 'customFieldName') }} as custom_field_name,
        {{ json_text('record', ['customFieldValues', 'customFieldValue']) }} as custom_field_values,

        -- lineage
        md5({{ raw_record_text() }}) as record_digest,
        {{ raw_lineage_columns() }}

    from source

),

keyed as (

    select
        {{ composite_key(['campaign_record_id', 'custom_field_name'], 'record_digest') }}
            as campaign_record_custom_field_id,
        *
    from renamed

),

latest as (

    {{ latest_delivery('keyed', 'campaign_record_custom_field_id') }}

)

select * from latest
