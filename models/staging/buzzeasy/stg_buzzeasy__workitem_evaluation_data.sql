-- One row per answer of a Buzzeasy quality evaluation: a script key and its value. The latest
-- delivery of each row wins.

{{ config(unique_key='workitem_evaluation_data_id') }}

with

source as (

    {{ unquarantined(
        source('buzzeasy', 'workitem_evaluation_data'),
        ref('base_buzzeasy__record_checks'),
        'buzzeasy__workitem_evaluation_data',
        since_last_build=true,
    ) }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', 'id') }} as workitem_evaluation_data_id,
        {{ json_text('record', ['evaluationID', 'evaluationId']) }} as workitem_evaluation_id,
        {{ json_text('record', ['workitemId', 'workitemID']) }} as workitem_id,
        {{ json_text('record', ['scriptID', 'scriptId']) }} as script_id,
        {{ json_text('record', 'createdBy') }} as created_by_user_id,

        -- dimensions
        {{ json_text('record', 'name') }} as item_name,
        {{ json_text('record', 'value') }} as item_value,

        -- timestamps (UTC; *_local as the tenant's wall clock)
        {{ utc_timestamp(json_text('record', ['createdAtUTC', 'createdAtUtc'])) }} as created_at,
        {{ cast_or_null(json_text('record', ['createdAt', 'CreatedAt']), 'timestamp') }}
            as created_at_local,

        -- lineage
        {{ raw_lineage_columns() }}

    from source

),

latest as (

    {{ latest_delivery('renamed', 'workitem_evaluation_data_id') }}

)

select * from latest
