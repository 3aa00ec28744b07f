-- One row per CCAI Platform call or chat session (newest document): scalars typed and renamed,
-- timestamps with offsets in UTC, the status read from its name or its numeric code into one
-- readable value, and `agent_info`'s variant told apart (human agent, virtual agent, absent).
--
-- Incremental: a build rebuilds the sessions whose base row changed. The watermark is
-- last_delivered_at, not loaded_at: an older document arriving late changes only the session's
-- delivery_count and last_delivered_at, not the kept version's load time.

{{ config(
    incremental_scope={'from': 'base_ccai_platform__sessions', 'key': 'session_id'},
    incremental_watermark='last_delivered_at',
) }}

with

base as (

    select * from {{ ref('base_ccai_platform__sessions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

renamed as (

    select
        -- ids
        session_id,
        session_kind,
        ccai_session.id as vendor_session_id,
        ccai_session.call_uuid,
        ccai_session.parent_id,
        -- the selected menu, else the leaf of the menu path (the same queue, DECISIONLOG.md)
        coalesce(
            {{ blank_as_null('ccai_session.selected_menu.id') }},
            {{ blank_as_null(list_element(
                split_text('ccai_session.menu_path.materialized_path', '/'), -1
            )) }}
        ) as selected_menu_id,
        {{ blank_as_null('ccai_session.end_user.id') }} as end_user_id,
        ccai_session.out_ticket_id,
        {{ blank_as_null('ccai_session.agent_info.id') }} as agent_info_id,

        -- dimensions
        ccai_session.lang,
        {{ coalesce_text([
            'ccai_session.call_type', 'ccai_session.chat_type', 'ccai_session.session_type'
        ]) }} as session_type,
        ccai_session.session_type_v2,
        case
            -- a numeric code: digits only (a class, not ^...$: Java's $ also matches before a
            -- trailing newline, RE2's does not)
            when
                trim(ccai_session.status) <> ''
                and not {{ regexp_matches('trim(ccai_session.status)', '[^0-9]') }}
                then case {{ cast_or_null('trim(ccai_session.status)', 'integer') }}
                        when 0 then 'scheduled'
                        when 1 then 'queued'
                        when 2 then 'assigned'
                        when 3 then 'connecting'
                        when 4 then 'switching'
                        when 5 then 'connected'
                        when 8 then 'finished'
                        when 9 then 'failed'
                        when 10 then 'recovered'
                        when 11 then 'deflected'
                        when 12 then 'selecting'
                        when 13 then 'va_assigned'
                        when 14 then 'va_connected'
                        when 15 then 'preview_pending'
                        when 16 then 'preview_ready'
                        when 17 then 'campaign_connecting'
                        when 18 then 'campaign_connected'
                        when 19 then 'requeued'
                        when 20 then 'predictive_waiting'
                        when 21 then 'progressive_waiting'
                        when 22 then 'preview_waiting'
                        when 23 then 'campaign_dialing'
                        when 80 then 'voicemail'
                        when 81 then 'voicemail_received'
                        else 'code_' || trim(ccai_session.status)
                    end
            else lower(replace({{ blank_as_null('ccai_session.status') }}, ' ', '_'))
        end as status,
        ccai_session.status as status_raw,
        coalesce(ccai_session.sub_status, ccai_session.subStatus) as sub_status,
        ccai_session.fail_reason,
        ccai_session.fail_details,
        ccai_session.finish_reason,
        ccai_session.disconnected_by,
        ccai_session.voicemail_reason,
        ccai_session.answer_type,
        ccai_session.deflection,
        replace(ccai_session.recording_permission, 'recording_permission_', '')
            as recording_permission,
        coalesce(
            {{ blank_as_null('ccai_session.selected_menu.name') }},
            {{ blank_as_null('ccai_session.menu_path.name') }}
        ) as selected_menu_name,
        ccai_session.selected_menu.menu_type as selected_menu_type,
        ccai_session.menu_path.name as menu_path_name,
        ccai_session.menu_path.materialized_path as menu_path,
        {{ blank_as_null('ccai_session.disposition_code') }} as disposition_code,
        ccai_session.notes as disposition_notes,
        coalesce(ccai_session.feedback, ccai_session.comment) as csat_comment,
        -- no rating: absent, blank, or the API's default 0
        case
            when coalesce({{ cast_or_null('ccai_session.rating', 'double') }}, -1) <> 0
                then {{ blank_as_null('ccai_session.rating') }}
        end as csat_raw,
        case
            when ccai_session.agent_info.va_alias is not null then 'virtual_agent'
            when ccai_session.agent_info.email is not null then 'human_agent'
            when ccai_session.agent_info.id is not null then 'unknown'
        end as agent_info_kind,
        ccai_session.agent_info.name as agent_info_name,
        ccai_session.out_ticket_url,
        ccai_session.recording_url,
        ccai_session.support_number,
        ccai_session.outbound_number,

        -- customer contact details (personal data: staging only)
        ccai_session.end_user.identifier as end_user_identifier,

        -- measures
        {{ cast_or_null('ccai_session.rating', 'double') }} as csat_rating,
        coalesce(ccai_session.queue_duration, ccai_session.wait_duration) as queue_seconds,
        coalesce(ccai_session.call_duration, ccai_session.chat_duration) as handle_seconds,
        ccai_session.hold_duration as hold_seconds,
        ccai_session.message_count,
        ccai_session.average_response_time as average_response_seconds,
        ccai_session.longest_response_time as longest_response_seconds,
        coalesce({{ list_length(json_array_items('ccai_session.photos')) }}, 0) as photo_count,
        coalesce({{ list_length(json_array_items('ccai_session.videos')) }}, 0) as video_count,
        coalesce({{ list_length('ccai_session.participants') }}, 0) as participant_count,
        coalesce({{ list_length('ccai_session.transfers') }}, 0) as transfer_count,
        delivery_count,
        last_delivered_at,

        -- booleans
        ccai_session.verified as is_verified,
        ccai_session.has_feedback,

        -- timestamps (UTC)
        started_at,
        {{ utc_timestamp('ccai_session.created_at') }} as created_at,
        {{ utc_timestamp('ccai_session.scheduled_at') }} as scheduled_at,
        {{ utc_timestamp('ccai_session.queued_at') }} as queued_at,
        {{ utc_timestamp('ccai_session.assigned_at') }} as assigned_at,
        {{ utc_timestamp('ccai_session.connected_at') }} as connected_at,
        {{ utc_timestamp('ccai_session.ends_at') }} as ended_at,
        {{ utc_timestamp('ccai_session.first_msg_sent_at') }} as first_message_at,
        {{ utc_timestamp('ccai_session.last_msg_sent_at') }} as last_message_at,
        document_updated_at as updated_at,

        -- lineage
        loaded_at,
        loaded_from_file_path,
        loaded_from_record_index,
        load_batch_id

    from base

)

select * from renamed
