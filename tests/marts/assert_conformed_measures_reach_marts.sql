-- For each vendor and grain, the conformed layer's measures reach the facts whole: the row count
-- and the total of every measure of int_<concept> equal those of the fact, and the interaction
-- rollups equal the totals they roll up. A full outer join, so a vendor missing on either side
-- fails. This is what an incremental build (which rebuilds only the interactions it finds
-- changed) must keep equal to a full one.

{#- grain: (conformed model, its seconds total, its other total), (fact, the same two totals) -#}
{%- set workitem_seconds = 'coalesce(sum(handle_seconds), 0) + coalesce(sum(talk_seconds), 0)'
    ~ ' + coalesce(sum(hold_seconds), 0) + coalesce(sum(wrap_up_seconds), 0)' -%}
{%- set grains = {
    'segments': (
        ('int_segments', 'sum(' ~ seconds_between('started_at', 'ended_at') ~ ')', 'null'),
        ('fct_segments', 'sum(duration_seconds)', 'null'),
    ),
    'queue_segments': (
        ('int_queue_segments', 'sum(wait_seconds)', 'null'),
        ('fct_queue_segments', 'sum(wait_seconds)', 'null'),
    ),
    'workitems': (
        ('int_workitems', workitem_seconds, 'sum(hold_count)'),
        ('fct_workitems', workitem_seconds, 'sum(hold_count)'),
    ),
    'bot_segments': (
        ('int_bot_segments', 'sum(duration_seconds)', 'null'),
        ('fct_bot_segments', 'sum(duration_seconds)', 'null'),
    ),
    'sentiment': (
        ('int_sentiment', 'null', 'sum(score)'),
        ('fct_sentiment', 'null', 'sum(score)'),
    ),
    'transcript_turns': (
        ('int_transcript_turns', 'null', 'sum(length(turn_text))'),
        ('fct_transcript_turns', 'null', 'sum(character_count)'),
    ),
    'agent_states': (
        ('int_agent_states', 'sum(duration_seconds)', 'null'),
        ('fct_agent_states', 'sum(duration_seconds)', 'null'),
    ),
} %}

with

queue_totals as (

    select
        source_system,
        sum(wait_seconds) as wait_seconds
    from {{ ref('int_queue_segments') }}
    group by source_system

),

handled_totals as (

    select
        source_system,
        sum(handle_seconds) as handle_seconds
    from {{ ref('int_workitems') }}
    where result = 'handled'
    group by source_system

),

{% for side in ['conformed', 'in_marts'] %}
    {{ side }} as (

        {% for grain, models in grains.items() %}
            {%- set model, seconds_total, other_total = models[0 if side == 'conformed' else 1] %}
            select
                source_system,
                '{{ grain }}' as grain,
                count(*) as row_count,
                {{ seconds_total }} as seconds_total,
                {{ other_total }} as other_total
            from {{ ref(model) }}
            group by source_system
            union all
        {% endfor %}
        {% if side == 'conformed' %}
            -- the interactions' rollups: queue time over all entries, handle time of handled
            -- offers
            select
                interactions.source_system,
                'interactions' as grain,
                count(*) as row_count,
                any_value(queue_totals.wait_seconds) as seconds_total,
                any_value(handled_totals.handle_seconds) as other_total
            from {{ ref('int_interactions') }} as interactions
            left join queue_totals
                on interactions.source_system = queue_totals.source_system
            left join handled_totals
                on interactions.source_system = handled_totals.source_system
            group by interactions.source_system
        {% else %}
            select
                source_system,
                'interactions' as grain,
                count(*) as row_count,
                sum(queue_wait_seconds) as seconds_total,
                sum(handle_seconds) as other_total
            from {{ ref('fct_interactions') }}
            group by source_system
        {% endif %}

    ),

{% endfor %}
compared as (

    select
        coalesce(conformed.source_system, in_marts.source_system) as source_system,
        coalesce(conformed.grain, in_marts.grain) as grain,
        conformed.row_count as conformed_rows,
        in_marts.row_count as mart_rows,
        conformed.seconds_total as conformed_seconds,
        in_marts.seconds_total as mart_seconds,
        conformed.other_total as conformed_other,
        in_marts.other_total as mart_other
    from conformed
    full outer join in_marts
        on conformed.source_system = in_marts.source_system and conformed.grain = in_marts.grain

)

select * from compared
where
    conformed_rows is distinct from mart_rows
    or abs(coalesce(conformed_seconds, 0) - coalesce(mart_seconds, 0)) > 0.001
    or abs(coalesce(conformed_other, 0) - coalesce(mart_other, 0)) > 0.001
