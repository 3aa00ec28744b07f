-- One row per SmartAssist session: its scalars typed and renamed, every time converted from the
-- requester's local time to UTC with the offset the load assumed. The interaction a session
-- belongs to is its conversationId, or the session itself when it never left the bot (no
-- conversationId). metaInfo stays JSON, with the keys the vendor's examples show extracted.

with

base as (

    select * from {{ ref('base_kore_smartassist__sessions') }}

),

renamed as (

    select
        -- ids
        session_id,
        smartassist_session.conversationId as conversation_id,
        coalesce(smartassist_session.conversationId, session_id) as interaction_id,
        smartassist_session.botId as bot_id,
        smartassist_session.userId as user_id,
        smartassist_session.channelSpecificUserId as channel_specific_user_id,
        smartassist_session.orgId as org_id,

        -- dimensions
        trim(smartassist_session.channel) as channel,
        coalesce(
            smartassist_session.Direction,
            smartassist_session.customerinfo.Direction,
            customer_info_as_documented ->> 'Direction'
        ) as direction,
        nullif(smartassist_session.smartStatus, '') as smart_status,
        nullif(smartassist_session.finalStatus, '') as final_status,
        nullif(smartassist_session.statusDetail, '') as status_detail,
        smartassist_session.csatFeedback as csat_feedback,

        -- customer contact details (personal data: staging only)
        nullif(coalesce(
            smartassist_session.customerinfo.CustomerPhone,
            customer_info_as_documented ->> 'CustomerPhone'
        ), '') as customer_phone,
        nullif(coalesce(
            smartassist_session.customerinfo.CenterPhone,
            customer_info_as_documented ->> 'CenterPhone'
        ), '') as center_phone,
        nullif(coalesce(
            smartassist_session.customerinfo.CustomerFirstName,
            customer_info_as_documented ->> 'CustomerFirstName'
        ), '') as customer_first_name,
        nullif(coalesce(
            smartassist_session.customerinfo.CustomerLastName,
            customer_info_as_documented ->> 'CustomerLastName'
        ), '') as customer_last_name,
        nullif(coalesce(
            smartassist_session.customerinfo.CustomerEmail,
            customer_info_as_documented ->> 'CustomerEmail'
        ), '') as customer_email,

        -- automation data (metaInfo): the whole object, and the keys that recur
        smartassist_session.metaInfo as meta_info,
        smartassist_session.metaInfo ->> '$.caller' as meta_caller,
        smartassist_session.metaInfo ->> '$.callee' as meta_callee,
        smartassist_session.metaInfo ->> '$.dialedNumber' as meta_dialed_number,
        smartassist_session.metaInfo ->> '$.callerHost' as meta_caller_host,
        smartassist_session.metaInfo ->> '$.userId' as meta_user_id,
        smartassist_session.metaInfo ->> '$.fullName' as meta_full_name,
        smartassist_session.metaInfo ->> '$.hostDomain' as meta_host_domain,
        smartassist_session.metaInfo ->> '$.customData.experience' as meta_experience,
        smartassist_session.metaInfo ->> '$.agentTransferConfig.lastIntentName'
            as meta_last_intent_name,
        smartassist_session.metaInfo ->> '$.agentTransferConfig.automationBotId'
            as meta_automation_bot_id,
        smartassist_session.metaInfo ->> '$.workinghours.workdays' as meta_working_days,
        smartassist_session.metaInfo ->> '$.workinghours.workstart' as meta_working_start,
        smartassist_session.metaInfo ->> '$.workinghours.workend' as meta_working_end,

        -- measures
        try_cast(smartassist_session.csatScore as double) as csat_score,
        smartassist_session.csatScore as csat_raw,
        coalesce(len(smartassist_session.destinations), 0) as destination_count,

        -- booleans
        case upper(smartassist_session.isVoicemail) when 'YES' then true when 'NO' then false end
            as is_voicemail,

        -- timestamps (UTC)
        {{ local_to_utc('smartassist_session.sessionStartTime', 'assumed_utc_offset') }}
            as started_at,
        {{ local_to_utc('smartassist_session.sessionEndTime', 'assumed_utc_offset') }} as ended_at,
        assumed_utc_offset,
        loaded_at,

        -- lineage
        loaded_from_file_path,
        loaded_from_record_index,
        load_batch_id

    from base

)

select * from renamed
