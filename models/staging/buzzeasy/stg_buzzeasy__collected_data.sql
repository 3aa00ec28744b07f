-- One row per Buzzeasy scripting field collected in a workitem. The latest delivery of each row
-- wins.

{{ config(unique_key='collected_data_id') }}

with

source as (

    select * from {{ source('buzzeasy', 'collected_data') }}
    where {{ loaded_since_last_build() }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', ['workitemId', 'workitemID']) }} as workitem_id,

        -- dimensions
        {{ json_text('record', ['name', 'Name']) }} as field_name,
        {{ json_text('record', ['value', 'Value']) }} as field_value,

        -- timestamps (UTC; *_local as the tenant's wall clock)
        {{ utc_timestamp(json_text('record', ['createdAtUtc', 'createdAtUTC'])) }} as collected_at,

        -- lineage
        md5({{ raw_record_text() }}) as record_digest,
        {{ raw_lineage_columns() }}

    from source

),

keyed as (

    select
        {{ composite_key(
            ['workitem_id', 'field_name', cast_or_null('collected_at', 'varchar')], 'record_digest'
        ) }} as collected_data_id,
        *
    from renamed

),

latest as (

    {{ latest_delivery('keyed', 'collected_data_id') }}

)

select * from latest
