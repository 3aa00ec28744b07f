-- What every vendor's staging holds per conformed grain (rows, and the total of a measure the
-- vendor sends as is): the int_grain_totals__<source_system> of each vendor in the registry
-- (dbt_project.yml, var source_systems). tests/marts/assert_staged_rows_reach_marts.sql compares it
-- with the marts.

{%- set columns = ['source_system', 'grain', 'row_count', 'measure_total'] %}

{% for source_system in source_systems() %}
    select {{ columns | join(', ') }}
    from {{ ref('int_grain_totals__' ~ source_system) }}
    {% if not loop.last %}union all{% endif %}
{% endfor %}
