-- Buzzeasy records that cannot be staged, one row per record with the reason: the records that
-- failed their checks (base_buzzeasy__record_checks), and the workitems, queue segments and bot
-- segments whose conversation is not in the feed (not delivered yet, or purged by the tenant's
-- retention). The latter are decided on every build from the staged conversations, so such a
-- record leaves this list, and enters staging, once its conversation arrives.

{{ config(materialized='table') }}

{%- set waiting = [
    ('workitems', 'workitem_id', 'primary_conversation_id'),
    ('queue_segments', 'id', 'conversation_id'),
    ('bot_segments', 'bot_segment_id', 'conversation_id'),
] %}

with

failed_checks as (

    select * from {{ ref('base_buzzeasy__record_checks') }}
    where reason is not null

),

known_conversations as (

    select * from {{ ref('base_buzzeasy__staged_conversations') }}

),

{% for entity_set, key, conversation in waiting %}
    waiting_{{ entity_set }} as (

        select
            'buzzeasy' as source_system,
            'buzzeasy__{{ entity_set }}' as raw_table,
            loaded_from_file_path as file_path,
            loaded_from_record_index as record_index,
            loaded_from_file_sha256 as file_sha256,
            load_batch_id as batch_id,
            loaded_at,
            {{ key }} as record_id,
            'its conversation ' || {{ conversation }}
            || ' is not in the feed (not delivered yet, or purged)' as reason
        from {{ ref('base_buzzeasy__' ~ entity_set) }}
        where
            {{ conversation }} not in (
                select known_conversations.conversation_id from known_conversations
            )

    ),

{% endfor %}
unioned as (

    select
        source_system,
        raw_table,
        file_path,
        record_index,
        file_sha256,
        batch_id,
        loaded_at,
        record_id,
        reason
    from failed_checks
    {% for entity_set, key, conversation in waiting %}
        union all
        select * from waiting_{{ entity_set }}
    {% endfor %}

)

select * from unioned
