-- A NICE CXone segment is the vendor's own (one analyzed record, `externalId`): a new contact,
-- a transfer or an internal consult starts one. Segments are sequenced by start time within
-- their interaction (`masterExternalId`). The segment's agent is its recorded agent
-- (agentUserId) and its queue is its ACD skill. Open and close reason types are matched by
-- keyword, since NICE does not publish the list (DECISIONLOG.md). A consult is agent-to-agent,
-- so its direction is internal whatever the ACD recorded.

with

segments as (

    select * from {{ ref('stg_nice_cxone__segments') }}

),

classified as (

    select
        *,
        -- a consult segment opens as one; a customer segment whose last action was a consult
        -- closes as one but stays the customer's
        coalesce(lower(open_reason_type) like '%consult%', false) as is_consult
    from segments

),

mapped as (

    select
        'nice_cxone' as source_system,
        segment_id,
        interaction_id,
        row_number() over (
            partition by interaction_id order by started_at, segment_id
        ) - 1 as segment_sequence,
        -- mediaType names the channel (its numeric placeholder does not), else channelType,
        -- else the transcript's type
        coalesce(
            {%- for column in ['media_type', 'channel_type'] %}
                case
                    when lower({{ column }}) in ('phonecall', 'phone call', 'voice', 'call')
                        then 'voice'
                    when lower({{ column }}) in ('chat', 'webchat', 'livechat') then 'chat'
                    when lower({{ column }}) = 'email' then 'email'
                    when lower({{ column }}) = 'sms' then 'sms'
                    when lower({{ column }}) in ('digital', 'messaging', 'social') then 'messaging'
                    when lower({{ column }}) = 'video' then 'video'
                end,
            {%- endfor %}
            case upper(transcript_type)
                when 'CALL' then 'voice'
                when 'CHAT' then 'chat'
                when 'EMAIL' then 'email'
            end,
            'other'
        ) as channel,
        coalesce(media_type, channel_type, transcript_type) as channel_raw,
        case
            when is_consult then 'internal'
            when lower(direction) = 'inbound' then 'inbound'
            when lower(direction) = 'outbound' then 'outbound'
            when direction is null and is_outbound then 'outbound'
            when direction is null and not is_outbound then 'inbound'
            else 'other'
        end as direction,
        coalesce(direction, case when is_outbound then 'outbound (flag)' end) as direction_raw,
        is_consult,
        started_at,
        ended_at,
        agent_user_id as agent_id,
        coalesce(skill_id, skill_name) as queue_id,
        in_queue_seconds,
        hold_seconds,
        hold_count,
        was_abandoned,
        was_refused,
        case
            when lower(open_reason_type) like '%transfer%' then 'transfer'
            when lower(open_reason_type) like '%consult%' then 'conference'
            when lower(open_reason_type) like '%conference%' then 'conference'
            when lower(open_reason_type) like '%callback%' then 'callback'
            when lower(open_reason_type) in ('start', 'new', 'contact start', 'contactstart')
                then 'new_interaction'
            else 'other'
        end as start_reason,
        open_reason_type as start_reason_raw,
        case
            when was_abandoned then 'abandoned'
            when lower(close_reason_type) like '%transfer%' then 'transferred'
            when lower(close_reason_type) like '%consult%' then 'conferenced'
            when lower(close_reason_type) like '%conference%' then 'conferenced'
            when lower(close_reason_type) like '%fail%' then 'failed'
            when lower(close_reason_type) like '%error%' then 'failed'
            when lower(close_reason_type) in ('end', 'contact end', 'contactend', 'disconnect')
                then 'completed'
            else 'other'
        end as end_reason,
        close_reason_type as end_reason_raw,
        coalesce(lower(open_reason_type) like '%transfer%', false) as is_transfer,
        coalesce(is_complex, false) as is_complex,
        loaded_at
    from classified

)

select * from mapped
