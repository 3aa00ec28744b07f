{#- A SmartAssist destination's type: its destinationType (QueueEntry or AgentSegment), else, for
    a destination sent without one, QueueEntry when it names a queue or an entry time and
    AgentSegment when it names an agent. `destination` is the destination STRUCT. -#}
{% macro kore_smartassist_destination_type(destination) -%}
    coalesce(
        {{ blank_as_null(destination ~ '.destinationType') }},
        case
            when coalesce(
                {{ destination }}.queueId, {{ destination }}.queueName, {{ destination }}.EnterTime
            ) is not null
                then 'QueueEntry'
            when {{ destination }}.agentId is not null then 'AgentSegment'
        end
    )
{%- endmacro %}
