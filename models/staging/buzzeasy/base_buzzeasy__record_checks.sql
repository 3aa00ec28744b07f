-- Every Buzzeasy raw record checked once, one row per record, with the reason it cannot be
-- staged (NULL when it can): a record without the id its set is keyed by; a conversation without
-- a usable UTC start; a workitem naming no agent; a queue segment naming no conversation or
-- queue, or with no entry time; a bot segment naming no conversation; an agent state naming no
-- agent or start. Each Buzzeasy staging model leaves the failed records out (macro
-- unquarantined); stg_buzzeasy__quarantined_records lists them, with the records whose
-- conversation is not in the feed (which can change as the feed grows, so they are not decided
-- here). Incremental: a build checks the records loaded since the last one.

{{ config(unique_key=['raw_table', 'file_sha256', 'record_index']) }}

{% set conversation_sets = ['calls', 'chats', 'emails', 'conversations'] -%}
{%- set id_keyed = conversation_sets + [
    'rejected_enqueue_attempts', 'bot_segments', 'bot_steps', 'workitems',
    'workitem_conversation_sessions', 'workitem_evaluations', 'workitem_evaluation_data',
    'agent_states', 'agents', 'users', 'queues', 'channels', 'business_units', 'campaigns',
    'campaign_records',
] -%}
{%- set conversation_reference = {
    'workitems': ['primaryConversationID', 'primaryConversationId'],
    'queue_segments': ['conversationId', 'conversationID', 'ConversationId'],
    'bot_segments': ['conversationID', 'conversationId', 'ConversationId'],
} -%}
{%- set checked_sets = id_keyed + ['queue_segments'] -%}

with

{% for entity_set in checked_sets %}
    {{ entity_set }} as (

        select
            '{{ entity_set }}' as entity_set,
            record,
            _file_path,
            _file_sha256,
            _record_index,
            _batch_id,
            _loaded_at
        from {{ source('buzzeasy', entity_set) }}
        where {{ loaded_since_last_build() }}

    ),

{% endfor %}
checked as (

    {% for entity_set in checked_sets %}
        {%- set reference = conversation_reference.get(entity_set) %}
        select
            entity_set,
            _file_path,
            _file_sha256,
            _record_index,
            _batch_id,
            _loaded_at,
            {{ json_text('record', 'id') }} as record_id,
            case
                {%- if entity_set in id_keyed %}
                    when {{ json_text('record', 'id') }} is null then 'no id'
                {%- endif %}
                {%- if entity_set in conversation_sets %}
                    when {{ utc_timestamp(json_text('record', ['startedAtUTC', 'startedAtUtc'])) }}
                        is null
                        then 'no usable start time (startedAtUTC)'
                {%- endif %}
                {%- if entity_set == 'workitems' %}
                    when {{ json_text('record', ['agentId', 'agentID']) }} is null
                        then 'no agent (agentId)'
                {%- endif %}
                {%- if entity_set == 'queue_segments' %}
                    when {{ json_text('record', reference) }} is null
                        then 'no conversation (conversationId)'
                    when {{ json_text('record', ['queueId', 'queueID']) }} is null
                        then 'no queue (queueId)'
                    when
                        {{ utc_timestamp(json_text('record', ['queuedAtUTC', 'queuedAtUtc'])) }}
                        is null
                        then 'no usable entry time (queuedAtUTC)'
                {%- endif %}
                {%- if entity_set == 'bot_segments' %}
                    when {{ json_text('record', reference) }} is null
                        then 'no conversation (conversationID)'
                {%- endif %}
                {%- if entity_set == 'agent_states' %}
                    when {{ json_text('record', ['agentID', 'agentId']) }} is null
                        then 'no agent (agentID)'
                    when
                        {{ utc_timestamp(json_text('record', ['startTimeUtc', 'startTimeUTC'])) }}
                        is null
                        then 'no usable start time (startTimeUtc)'
                {%- endif %}
            end as reason
        from {{ entity_set }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select
    'buzzeasy' as source_system,
    'buzzeasy__' || entity_set as raw_table,
    _file_path as file_path,
    _record_index as record_index,
    _file_sha256 as file_sha256,
    _batch_id as batch_id,
    _loaded_at as loaded_at,
    record_id,
    reason
from checked
