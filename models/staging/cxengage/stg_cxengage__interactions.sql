{{ config(incremental_scope={'from': 'base_cxengage__interactions', 'key': 'interaction_id'}) }}

with

base as (

    select * from {{ ref('base_cxengage__interactions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

renamed as (

    select
        -- ids
        interaction_id,
        {{ blank_as_null('interaction.tenantId') }} as tenant_id,
        interaction.flowId as flow_id,
        {{ coalesce_text(['interaction.contactId', 'interaction.details.contactId']) }}
            as contact_id,
        interaction.dispositionId as disposition_id,

        -- dimensions
        {{ coalesce_text(['interaction.channelType', 'interaction.details.channelType']) }}
            as channel_type,
        {{ coalesce_text(['interaction.direction', 'interaction.details.direction']) }}
            as direction,
        {{ blank_as_null('interaction.flowName') }} as flow_name,
        {{ blank_as_null('interaction.dispositionName') }} as disposition_name,
        {{ coalesce_text(['interaction.contactPoint', 'interaction.details.contactPoint']) }}
            as contact_point,
        {{ coalesce_text(['interaction.customer', 'interaction.details.customer']) }}
            as customer,
        interaction.flagged as is_flagged,
        interaction.flagType as flag_type,
        -- a JSON null counts as absent: DuckDB's parsed struct holds it as NULL, Spark's as a
        -- VARIANT null
        case
            when {{ json_type_of('interaction.audioRecording') }} <> 'NULL'
                then interaction.audioRecording
        end as audio_recording,
        coalesce({{ json_type_of('interaction.notes') }} <> 'NULL', false) as has_notes,
        {{ list_length('interaction.segments') }} as segment_count,
        {{ list_length('interaction.queues') }} as queue_entry_count,

        -- measures (seconds, as the vendor computed them)
        interaction.interactionTime as interaction_seconds,
        interaction.ivrTime as ivr_seconds,
        interaction.ivrAbandoned as was_ivr_abandoned,
        interaction.ivrAbandonTime as ivr_abandon_seconds,
        interaction.customerAbandonTime as customer_abandon_seconds,
        interaction.customerHolds as customer_hold_count,
        interaction.customerHoldTime as customer_hold_seconds,
        interaction.customerHoldAbandoned as was_customer_hold_abandoned,
        interaction.customerTalkTime as customer_talk_seconds,
        interaction.customerConversationTime as customer_conversation_seconds,
        interaction.customerTransfers as customer_transfer_count,
        -- a rating sent as a number or as numeric text reads the same on both engines
        {{ blank_as_null(json_text_at('interaction.details.csat', '$')) }} as csat_raw,
        {{ cast_or_null(json_text_at('interaction.details.csat', '$'), 'double') }}
            as csat_rating,

        -- timestamps (UTC)
        started_at,
        {{ utc_timestamp([
            'interaction.endTimestamp', 'interaction.details.endTimestamp'
        ]) }} as ended_at,
        {{ utc_timestamp('interaction.flagTimestamp') }} as flagged_at,

        -- load metadata
        delivery_count,
        loaded_from_file_path,
        loaded_from_record_index,
        load_batch_id,
        loaded_at

    from base

)

select * from renamed
