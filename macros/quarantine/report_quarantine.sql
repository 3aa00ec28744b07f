{#- At the end of a dbt run or build: how many raw records staging quarantined, per vendor and
    reason, so an operator sees them in the build output without querying. Silent when nothing is
    quarantined, and when staging.quarantined_records does not exist yet (a parse, or a first
    build that stopped before it). -#}
{% macro report_quarantine() -%}
    {%- if execute and flags.WHICH in ('build', 'run', 'test') -%}
        {%- set relation = adapter.get_relation(
            database=target.database, schema='staging', identifier='quarantined_records'
        ) -%}
        {%- if relation is not none -%}
            {%- set counts = run_query(
                'select source_system, reason, count(*) from ' ~ relation
                ~ ' group by all order by 1, 2'
            ) -%}
            {%- for row in counts.rows -%}
                {{ log(
                    'quarantined: ' ~ row[2] ~ ' ' ~ row[0] ~ ' record(s): ' ~ row[1]
                    ~ ' (see staging.quarantined_records)',
                    info=true
                ) }}
            {%- endfor -%}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
