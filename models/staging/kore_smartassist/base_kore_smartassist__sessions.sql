-- Every SmartAssist session parsed once into a typed STRUCT, one row per sessionId, with the
-- UTC offset its load assumed (the request's timeZoneOffset). Responses for overlapping date
-- ranges repeat sessions: of the stageable deliveries the latest load wins, then the later file
-- path, then the later record. A session that cannot be staged (no sessionId, no usable
-- sessionStartTime, a queue entry naming no queue, an agent entry naming no agent) keeps its row
-- with a `quarantine_reason`: staging.quarantined_records lists it and no other model reads it
-- (its session_id is NULL, record_id keeps the id).
-- The lists the vendor documents as arrays are read whether they arrive as a list or as one
-- value, and metaInfo whether it arrives as an object or as its JSON text.
--
-- Incremental (macros/incremental/replace_scope.sql): a build parses only the sessions loaded
-- since the last one, and each competes with the stored version of its session.

{{ config(unique_key='session_id', incremental_watermark='last_delivered_at') }}

{#- Whether the agent entry AGENT (a destination's respondingAgent, or one of its
    nonRespondingAgents) names no agent: it has a name, an email or an assignment time, but no
    agentId. -#}
{%- set nameless_agent = blank_as_null('AGENT.agentId') ~ ' is null'
    ~ ' and coalesce(AGENT.name, AGENT.email, AGENT.assignedAt) is not null' %}

with

source as (

    select * from {{ source('kore_smartassist', 'sessions') }}
    where {{ loaded_since_last_build() }}

),

parsed as (

    select
        {{ parse_json_struct(
            'record',
            kore_smartassist_session_structure(),
            single_value_lists=[
                'dispositions', 'dispositionRemarks', 'destinations', 'skills',
                'userleveltags', 'sessionleveltags'
            ],
        ) }} as smartassist_session,
        {{ json_at('record', '$.customerInfo') }} as customer_info_as_documented,
        {{ json_object_value(json_at('record', '$.metaInfo')) }} as meta_info,
        _assumed_timezone as assumed_utc_offset,
        _file_sha256 as loaded_from_file_sha256,
        {{ raw_lineage_columns() }}
    from source

),

checked as (

    select
        {{ blank_as_null('smartassist_session.sessionId') }} as record_id,
        {{ local_to_utc('smartassist_session.sessionStartTime', 'assumed_utc_offset') }}
            as started_at,
        *
    from parsed

),

reasoned as (

    select
        case
            when record_id is null then 'no sessionId'
            when started_at is null then 'no usable sessionStartTime'
            when {{ list_length(list_filter(
                    'smartassist_session.destinations',
                    'destination',
                    kore_smartassist_destination_type('destination') ~ " = 'QueueEntry' and "
                    ~ blank_as_null('destination.queueId') ~ ' is null and '
                    ~ blank_as_null('destination.queueName') ~ ' is null'
                )) }} > 0
                then 'a queue entry names no queue (neither queueId nor queueName)'
            when {{ list_length(list_filter(
                    'smartassist_session.destinations',
                    'destination',
                    kore_smartassist_destination_type('destination') ~ " = 'AgentSegment' and "
                    ~ blank_as_null('destination.agentId') ~ ' is null'
                )) }} > 0
                then 'a direct transfer to an agent names no agent (agentId)'
            -- a destination whose responding agent, or one of its non-responding agents, names no
            -- agent; checked per destination rather than over one list of all the agents, as the
            -- two kinds of entry are STRUCTs of different types, which Spark cannot concatenate
            when {{ list_length(list_filter(
                    'smartassist_session.destinations',
                    'destination',
                    '(' ~ nameless_agent.replace('AGENT', 'destination.respondingAgent')
                    ~ ') or ' ~ list_length(list_filter(
                        'destination.nonRespondingAgents',
                        'agent',
                        nameless_agent.replace('AGENT', 'agent')
                    )) ~ ' > 0'
                )) }} > 0
                then 'an agent entry names no agent (agentId)'
        end as quarantine_reason,
        *
    from checked

),

keyed as (

    select
        case when quarantine_reason is null then record_id end as session_id,
        *
    from reasoned

),

versions as (

    {{ newest_version(
        'keyed',
        'session_id',
        'loaded_at desc, loaded_from_file_path desc, loaded_from_record_index desc',
    ) }}

)

select * from versions
