-- One row per SmartAssist session: its scalars typed and renamed, every time converted from the
-- requester's local time to UTC with the offset the load assumed. The interaction a session
-- belongs to is its conversationId, or the session itself when it never left the bot (no
-- conversationId). metaInfo stays JSON, with the keys the vendor's examples show extracted.

{{ config(incremental_scope={'from': 'base_kore_smartassist__sessions', 'key': 'session_id'}) }}

with

base as (

    select * from {{ ref('base_kore_smartassist__sessions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

renamed as (

    select
        -- ids
        session_id,
        {{ blank_as_null('smartassist_session.conversationId') }} as conversation_id,
        coalesce({{ blank_as_null('smartassist_session.conversationId') }}, session_id)
            as interaction_id,
        {{ blank_as_null('smartassist_session.botId') }} as bot_id,
        {{ blank_as_null('smartassist_session.userId') }} as user_id,
        {{ blank_as_null('smartassist_session.channelSpecificUserId') }}
            as channel_specific_user_id,
        {{ blank_as_null('smartassist_session.orgId') }} as org_id,

        -- dimensions
        {{ blank_as_null('smartassist_session.channel') }} as channel,
        {{ coalesce_text([
            'smartassist_session.Direction',
            'smartassist_session.customerinfo.Direction',
            json_text_at('customer_info_as_documented', '$.Direction'),
        ]) }} as direction,
        nullif(smartassist_session.smartStatus, '') as smart_status,
        nullif(smartassist_session.finalStatus, '') as final_status,
        nullif(smartassist_session.statusDetail, '') as status_detail,
        smartassist_session.csatFeedback as csat_feedback,

        -- customer contact details (personal data: staging only)
        nullif(coalesce(
            smartassist_session.customerinfo.CustomerPhone,
            {{ json_text_at('customer_info_as_documented', '$.CustomerPhone') }}
        ), '') as customer_phone,
        nullif(coalesce(
            smartassist_session.customerinfo.CenterPhone,
            {{ json_text_at('customer_info_as_documented', '$.CenterPhone') }}
        ), '') as center_phone,
        nullif(coalesce(
            smartassist_session.customerinfo.CustomerFirstName,
            {{ json_text_at('customer_info_as_documented', '$.CustomerFirstName') }}
        ), '') as customer_first_name,
        nullif(coalesce(
            smartassist_session.customerinfo.CustomerLastName,
            {{ json_text_at('customer_info_as_documented', '$.CustomerLastName') }}
        ), '') as customer_last_name,
        nullif(coalesce(
            smartassist_session.customerinfo.CustomerEmail,
            {{ json_text_at('customer_info_as_documented', '$.CustomerEmail') }}
        ), '') as customer_email,

        -- automation data (metaInfo): the whole object, and the keys that recur
        meta_info,
        {{ json_text_at('meta_info', '$.caller') }} as meta_caller,
        {{ json_text_at('meta_info', '$.callee') }} as meta_callee,
        {{ json_text_at('meta_info', '$.dialedNumber') }} as meta_dialed_number,
        {{ json_text_at('meta_info', '$.callerHost') }} as meta_caller_host,
        {{ json_text_at('meta_info', '$.userId') }} as meta_user_id,
        {{ json_text_at('meta_info', '$.fullName') }} as meta_full_name,
        {{ json_text_at('meta_info', '$.hostDomain') }} as meta_host_domain,
        {{ json_text_at('meta_info', '$.customData.experience') }} as meta_experience,
        {{ json_text_at('meta_info', '$.agentTransferConfig.lastIntentName') }}
            as meta_last_intent_name,
        {{ json_text_at('meta_info', '$.agentTransferConfig.automationBotId') }}
            as meta_automation_bot_id,
        {{ json_text_at('meta_info', '$.workinghours.workdays') }} as meta_working_days,
        {{ json_text_at('meta_info', '$.workinghours.workstart') }} as meta_working_start,
        {{ json_text_at('meta_info', '$.workinghours.workend') }} as meta_working_end,

        -- measures
        -- read as DuckDB reads a number, on every engine (safe_cast differs on Spark)
        {{ cast_or_null('smartassist_session.csatScore', 'double') }} as csat_score,
        {{ blank_as_null('smartassist_session.csatScore') }} as csat_raw,
        coalesce({{ list_length('smartassist_session.destinations') }}, 0) as destination_count,

        -- booleans
        case
            when upper(trim(smartassist_session.isVoicemail)) in ('YES', 'Y', 'TRUE', '1')
                then true
            when upper(trim(smartassist_session.isVoicemail)) in ('NO', 'N', 'FALSE', '0')
                then false
        end as is_voicemail,

        -- timestamps (UTC)
        started_at,
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
