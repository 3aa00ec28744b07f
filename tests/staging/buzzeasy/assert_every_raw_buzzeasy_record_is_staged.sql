-- Nothing is lost between raw and staging: for every Buzzeasy entity set whose records carry an
-- `id`, the distinct ids landed in raw and not quarantined are exactly the ids staged (each
-- once). A record waiting for its conversation is quarantined by id (its latest delivery is
-- listed; earlier deliveries of the same id wait with it). Sets without an id
-- (queue segments, captured and collected data, business unit changes, campaign record details)
-- are keyed in staging from several fields and covered by the end-to-end test.

{%- set id_keyed = [
    ('calls', 'stg_buzzeasy__calls', 'conversation_id'),
    ('chats', 'stg_buzzeasy__chats', 'conversation_id'),
    ('emails', 'stg_buzzeasy__emails', 'conversation_id'),
    ('conversations', 'stg_buzzeasy__conversations', 'conversation_id'),
    ('rejected_enqueue_attempts', 'stg_buzzeasy__rejected_enqueue_attempts',
        'rejected_enqueue_attempt_id'),
    ('bot_segments', 'stg_buzzeasy__bot_segments', 'bot_segment_id'),
    ('bot_steps', 'stg_buzzeasy__bot_steps', 'bot_step_id'),
    ('workitems', 'stg_buzzeasy__workitems', 'workitem_id'),
    ('workitem_conversation_sessions', 'stg_buzzeasy__workitem_conversation_sessions',
        'workitem_conversation_session_id'),
    ('workitem_evaluations', 'stg_buzzeasy__workitem_evaluations', 'workitem_evaluation_id'),
    ('workitem_evaluation_data', 'stg_buzzeasy__workitem_evaluation_data',
        'workitem_evaluation_data_id'),
    ('agent_states', 'stg_buzzeasy__agent_states', 'agent_state_id'),
    ('agents', 'stg_buzzeasy__agents', 'agent_id'),
    ('users', 'stg_buzzeasy__users', 'user_id'),
    ('queues', 'stg_buzzeasy__queues', 'queue_id'),
    ('channels', 'stg_buzzeasy__channels', 'channel_id'),
    ('business_units', 'stg_buzzeasy__business_units', 'business_unit_id'),
    ('campaigns', 'stg_buzzeasy__campaigns', 'campaign_id'),
    ('campaign_records', 'stg_buzzeasy__campaign_records', 'campaign_record_id'),
] %}

with

raw_ids as (
    {% for entity_set, model, key in id_keyed %}
        select distinct
            '{{ entity_set }}' as entity_set,
            {{ json_text('raw_records.record', 'id') }} as id
        from (
            {{ unquarantined(
                source('buzzeasy', entity_set),
                ref('quarantined_records'),
                'buzzeasy__' ~ entity_set,
            ) }}
        ) as raw_records
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

waiting_ids as (

    select
        replace(raw_table, 'buzzeasy__', '') as entity_set,
        record_id as id
    from {{ ref('quarantined_records') }}
    where source_system = 'buzzeasy' and reason like 'its conversation %'

),

expected_ids as (

    select * from raw_ids
    where
        not exists (
            select 1 from waiting_ids
            where waiting_ids.entity_set = raw_ids.entity_set and waiting_ids.id = raw_ids.id
        )

),

staged_ids as (
    {% for entity_set, model, key in id_keyed %}
        select
            '{{ entity_set }}' as entity_set,
            {{ key }} as id
        from {{ ref(model) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

staged_counts as (

    select
        entity_set,
        id,
        count(*) as staged_rows
    from staged_ids
    group by entity_set, id

)

select
    coalesce(expected_ids.entity_set, staged_counts.entity_set) as entity_set,
    coalesce(expected_ids.id, staged_counts.id) as id,
    expected_ids.id is not null as is_in_raw,
    coalesce(staged_counts.staged_rows, 0) as staged_rows
from expected_ids
full outer join staged_counts
    on expected_ids.entity_set = staged_counts.entity_set and expected_ids.id = staged_counts.id
where expected_ids.id is null or staged_counts.id is null or staged_counts.staged_rows <> 1
