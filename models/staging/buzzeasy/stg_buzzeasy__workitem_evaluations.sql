-- One row per Buzzeasy quality evaluation of a workitem. The latest delivery of each row wins.

{{ config(unique_key='workitem_evaluation_id') }}

with

source as (

    {{ unquarantined(
        source('buzzeasy', 'workitem_evaluations'),
        ref('base_buzzeasy__record_checks'),
        'buzzeasy__workitem_evaluations',
        since_last_build=true,
    ) }}

),

renamed as (

    select
        -- ids
        {{ json_text('record', 'id') }} as workitem_evaluation_id,
        {{ json_text('record', ['workitemID', 'workitemId']) }} as workitem_id,
        {{ json_text('record', ['scriptID', 'scriptId']) }} as script_id,
        {{ json_text('record', 'createdBy') }} as created_by_user_id,

        -- timestamps (UTC; *_local as the tenant's wall clock)
        {{ utc_timestamp(json_text('record', ['startedAtUtc', 'startedAtUTC'])) }} as started_at,
        {{ utc_timestamp(json_text('record', ['endedAtUTC', 'endedAtUtc'])) }} as ended_at,
        {{ cast_or_null(json_text('record', 'startedAt'), 'timestamp') }} as started_at_local,
        {{ cast_or_null(json_text('record', 'endedAt'), 'timestamp') }} as ended_at_local,

        -- lineage
        {{ raw_lineage_columns() }}

    from source

),

latest as (

    {{ latest_delivery('renamed', 'workitem_evaluation_id') }}

)

select * from latest
