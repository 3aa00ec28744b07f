-- Buzzeasy records that cannot be staged, one row per record with the reason. The feed's
-- records are flat, so each is checked from its raw JSON: a record without the id its set is
-- keyed by; a conversation without a usable UTC start; a workitem naming no agent; a queue
-- segment naming no conversation or queue, or with no entry time; an agent state naming no agent
-- or start; and a workitem, queue segment or bot segment whose conversation is not in the feed
-- (not delivered yet, or purged by the tenant's retention). Each Buzzeasy staging model leaves
-- these records out (macro unquarantined); staging.quarantined_records lists them.

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

    ),

{% endfor %}
-- conversations staging keeps: an id and a usable UTC start
known_conversations as (

    {% for entity_set in conversation_sets %}
        select {{ json_text('record', 'id') }} as conversation_id
        from {{ entity_set }}
        where
            {{ json_text('record', 'id') }} is not null
            and {{ utc_timestamp(json_text('record', ['startedAtUTC', 'startedAtUtc'])) }}
            is not null
        {% if not loop.last %}union{% endif %}
    {% endfor %}

),

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
                {%- if reference %}
                    when
                        {{ json_text('record', reference) }}
                        not in (select known_conversations.conversation_id from known_conversations)
                        then 'its conversation ' || {{ json_text('record', reference) }}
                            || ' is not in the feed (not delivered yet, or purged)'
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
where reason is not null
