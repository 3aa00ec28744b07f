{#- Seconds, with millisecond precision, from one timestamp to a later one (portable). -#}
{% macro seconds_between(started_at, ended_at) -%}
    ({{ dbt.datediff(started_at, ended_at, 'millisecond') }} / 1000.0)
{%- endmacro %}
