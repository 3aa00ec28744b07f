with

interactions as (

    select * from {{ ref('stg_cxengage__interactions') }}

),

mapped as (

    select
        'cxengage' as source_system,
        interaction_id,
        case lower(channel_type)
            when 'voice' then 'voice'
            when 'sms' then 'sms'
            when 'email' then 'email'
            when 'messaging' then 'messaging'
            when 'chat' then 'chat'
            else 'other'
        end as channel,
        channel_type as channel_raw,
        case lower(direction)
            when 'inbound' then 'inbound'
            when 'outbound' then 'outbound'
            when 'agent-initiated' then 'outbound'
            else 'other'
        end as direction,
        direction as direction_raw,
        disposition_name,
        started_at,
        ended_at,
        {{ customer_identifier(['customer'], 'customer', 'cxengage') }}
            as customer_identifier,
        loaded_at
    from interactions

)

select * from mapped
