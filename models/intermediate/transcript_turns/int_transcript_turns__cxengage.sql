-- Every message of a CxEngage messaging transcript (SMS, web messaging) is a turn, in the order
-- the transcript lists them. Messages are not tied to a segment. System messages (joins,
-- transfers) keep the role `other`.

with

messages as (

    select * from {{ ref('stg_cxengage__messages') }}

),

mapped as (

    select
        'cxengage' as source_system,
        message_key_id as transcript_turn_id,
        interaction_id,
        cast(null as {{ dbt.type_string() }}) as segment_id,
        message_index as turn_sequence,
        case sender_type
            when 'customer' then 'customer'
            when 'agent' then 'agent'
            when 'bot' then 'bot'
            else 'other'
        end as participant_role,
        sender_type as participant_role_raw,
        message_text as turn_text,
        sent_at as started_at,
        cast(null as timestamp) as ended_at,
        false as is_ignored,
        loaded_at
    from messages

)

select * from mapped
