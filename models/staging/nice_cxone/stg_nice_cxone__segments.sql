-- One row per NICE CXone segment (the newest analysis of it): every scalar of the export's
-- ACD and Interaction Analytics metadata, typed and renamed, timestamps in UTC. Placeholders the
-- export documents as always blank become NULL; placeholders documented as always 0 are kept
-- as sent (the marts do not read them).

{{ config(
    incremental_scope={'from': 'base_nice_cxone__segments', 'key': 'segment_id'},
    incremental_watermark='last_delivered_at',
) }}

with

base as (

    select * from {{ ref('base_nice_cxone__segments') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

renamed as (

    select
        -- ids
        segment_id,
        coalesce(
            {{ coalesce_text(['segment.masterExternalId', 'segment.segmentContactId']) }},
            segment_id
        ) as interaction_id,
        segment.id as analytics_id,
        segment.segmentContactId as segment_contact_id,
        segment.interactionId as acd_interaction_id,
        segment.masterContactId as master_contact_id,
        segment.contactId as contact_id,
        segment.acdContactId as acd_contact_id,
        segment.agentContactId as agent_contact_id,
        segment.acdSessionId as acd_session_id,
        segment.tenantId as tenant_id,
        segment.customerId as customer_id,
        segment.accountId as account_id,
        nullif(segment.businessUnitId, '') as business_unit_id,
        segment.versionId as version_id,
        {{ coalesce_text([
            'segment.agentUserId', 'segment.agentUuid', 'segment.agentInfo.agentUserId'
        ]) }} as agent_user_id,
        segment.agentId as agent_id,
        segment.agentCommonId as agent_common_id,
        segment.agentRecordingId as agent_recording_id,
        segment.clientRecordingId as client_recording_id,
        segment.agentStreamId as agent_stream_id,
        segment.clientStreamId as client_stream_id,
        segment.clientUserId as client_user_id,
        segment.recorderId as recorder_id,
        segment.recordingId as recording_id,
        {{ blank_as_null('segment.skillId') }} as skill_id,
        segment.teamId as team_id,
        segment.campaignId as campaign_id,
        segment.pointOfContactId as point_of_contact_id,
        segment.primaryDispositionId as primary_disposition_id,
        segment.secondaryDispositionId as secondary_disposition_id,
        segment.transferIndicatorId as transfer_indicator_id,
        segment.threadId as thread_id,
        segment.caseId as case_id,

        -- dimensions
        {{ blank_as_null('segment.mediaType') }} as media_type,
        segment.interwovenTranscript.transcriptType as transcript_type,
        {{ blank_as_null('segment.channelType') }} as channel_type,
        segment.source as contact_source,
        {{ blank_as_null('segment.direction') }} as direction,
        coalesce(
            {{ blank_as_null('segment.agentName') }},
            {{ blank_as_null(
                "concat_ws(' ', segment.agentInfo.firstName, segment.agentInfo.lastName)"
            ) }}
        ) as agent_name,
        segment.agentInfo.firstName as agent_first_name,
        segment.agentInfo.lastName as agent_last_name,
        {{ blank_as_null('segment.skillName') }} as skill_name,
        segment.teamName as team_name,
        segment.campaignName as campaign_name,
        nullif(segment.pointOfContactName, '') as point_of_contact_name,
        segment.openReason as open_reason,
        {{ blank_as_null('segment.openReasonType') }} as open_reason_type,
        segment.closeReason as close_reason,
        {{ blank_as_null('segment.closeReasonType') }} as close_reason_type,
        nullif(segment.transferIndicatorName, '') as transfer_indicator_name,
        nullif(segment.refuseReason, '') as refuse_reason,
        segment.dispositionNotes as disposition_notes,
        segment.serviceLevelFlag as service_level_flag,
        segment.status as recording_status,
        segment.statusDescription as recording_status_description,
        segment.timeZone as acd_time_zone,
        segment.updateType as update_type,
        segment.mediaLocation as media_location,

        -- customer contact details (personal data: staging only)
        segment.ani,
        segment.clientAni as client_ani,
        segment.clientDialedIn as client_dialed_in,
        segment.clientPhoneNumber as client_phone_number,
        segment.dialedIn as dialed_in,
        segment.phoneNumber as phone_number,
        segment.fromAddr as from_address,
        segment.toAddr as to_address,
        segment.firstName as contact_first_name,
        segment.lastName as contact_last_name,

        -- measures
        segment.resolvedProbability as resolved_probability,
        segment.interactionDurationSeconds as interaction_duration_seconds,
        segment.totalDurationSeconds as total_duration_seconds,
        segment.inQueueSeconds as in_queue_seconds,
        segment.holdCount as hold_count,
        segment.holdSeconds as hold_seconds,
        segment.confSeconds as conference_seconds,
        segment.notableSilenceSeconds as notable_silence_seconds,
        segment.notableSilencePercentage as notable_silence_percentage,
        segment.abandonSeconds as abandon_seconds,
        segment.acwSeconds as acw_seconds,
        segment.agentSeconds as agent_seconds,
        segment.preQueueSeconds as pre_queue_seconds,
        segment.postQueueSeconds as post_queue_seconds,
        segment.releaseSeconds as release_seconds,
        segment.routingTime as routing_seconds,
        segment.refuseTime as refuse_seconds,
        segment.callbackTime as callback_wait_seconds,
        {{ list_length(json_text_list('segment.matchedDataSetIds')) }} as matched_data_set_count,
        {{ list_length('segment.channels') }} as channel_count,
        {{ list_length('segment.entities') }} as entity_count,
        {{ list_length('segment.categoryMatches') }} as category_match_count,
        {{ list_length(list_filter(
            'segment.enlightenMetrics', 'metric', 'metric.behaviorName is not null'
        )) }} as enlighten_metric_count,
        {{ list_length('segment.interwovenTranscript.transcriptBlock') }} as transcript_block_count,
        delivery_count,
        last_delivered_at,

        -- booleans
        segment.resolved as is_resolved,
        segment.outbound as is_outbound,
        segment.complex as is_complex,
        segment.abandoned as was_abandoned,
        segment.shortAbandon as was_short_abandon,
        segment.refused as was_refused,
        segment.analyticsProcessed as is_analytics_processed,
        segment.logged as is_logged,

        -- timestamps (UTC)
        {{ utc_timestamp('segment.startTime') }} as started_at,
        {{ utc_timestamp('segment.endTime') }} as ended_at,
        {{ utc_timestamp('segment.publishedAt') }} as published_at,
        acquired_at,
        loaded_at,

        -- lineage
        loaded_from_file_path,
        loaded_from_record_index

    from base

)

select * from renamed
