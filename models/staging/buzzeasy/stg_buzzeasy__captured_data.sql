-- One row per Buzzeasy workflow variable captured in a conversation. The latest delivery of each
-- row wins.

{{ config(unique_key='captured_data_id') }}

with

source as (

    select * from {{ source('buzzeasy', 'captured_data') }}
    where {{ loaded_since_last_build() }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', ['ConversationId', 'conversationId', 'conversationID']) }}
            as conversation_id,

        -- dimensions
        {{ json_text('record', ['name', 'Name']) }} as variable_name,
        {{ json_text('record', ['value', 'Value']) }} as variable_value,

        -- timestamps (UTC; *_local as the tenant's wall clock)
        {{ utc_timestamp(json_text('record', ['TimestampUtc', 'timestampUtc', 'TimestampUTC'])) }}
            as captured_at,

        -- lineage
        md5({{ raw_record_text() }}) as record_digest,
        {{ raw_lineage_columns() }}

    from source

),

keyed as (

    select
        {{ composite_key(
            ['conversation_id', 'variable_name', cast_or_null('captured_at', 'varchar')],
            'record_digest',
        ) }} as captured_data_id,
        *
    from renamed

),

latest as (

    {{ latest_delivery('keyed', 'captured_data_id') }}

)

select * from latest
