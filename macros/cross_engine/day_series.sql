{#- One row per day from `first_day` up to but not including `end_day` (dates as 'YYYY-MM-DD'),
    as the column `date_day`: a complete SELECT. -#}
{% macro day_series(first_day, end_day) -%}
    {{ return(adapter.dispatch('day_series')(first_day, end_day)) }}
{%- endmacro %}

{% macro default__day_series(first_day, end_day) -%}
    select cast(range as date) as date_day
    from range(date '{{ first_day }}', date '{{ end_day }}', interval 1 day)
{%- endmacro %}

{% macro spark__day_series(first_day, end_day) -%}
    select explode(sequence(date '{{ first_day }}', date_sub(date '{{ end_day }}', 1))) as date_day
{%- endmacro %}
