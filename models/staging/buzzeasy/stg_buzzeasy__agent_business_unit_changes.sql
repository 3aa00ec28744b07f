-- One row per change of an agent's membership of a Buzzeasy business unit. The latest delivery of
-- each row wins.

{{ config(unique_key='agent_business_unit_change_id') }}

with

source as (

    select * from {{ source('buzzeasy', 'agent_business_unit_changes') }}
    where {{ loaded_since_last_build() }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', ['agentId', 'agentID']) }} as agent_id,
        {{ json_text('record', ['businessUnitId', 'businessUnitID']) }} as business_unit_id,
        {{ json_text('record', ['tenantId', 'tenantID']) }} as tenant_id,

        -- booleans
        {{ cast_or_null(json_text('record', 'assigned'), 'boolean') }} as is_assigned,

        -- timestamps (UTC; *_local as the tenant's wall clock)
        {{ utc_timestamp(json_text('record', ['timestampUtc', 'timestampUTC'])) }} as changed_at,

        -- lineage
        md5({{ raw_record_text() }}) as record_digest,
        {{ raw_lineage_columns() }}

    from source

),

keyed as (

    select
        {{ composite_key(
            ['agent_id', 'business_unit_id', cast_or_null('changed_at', 'varchar')], 'record_digest'
        ) }} as agent_business_unit_change_id,
        *
    from renamed

),

latest as (

    {{ latest_delivery('keyed', 'agent_business_unit_change_id') }}

)

select * from latest
