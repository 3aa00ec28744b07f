{#- The column-level checks of a model in one query, instead of one test node per column and
    check (each dbt test node costs about 30 ms, whatever it checks):
    - every column that declares `constraints: [{type: not_null}]` holds no NULL (on models with
      an enforced contract the database refuses NULLs at build time as well);
    - every column named in `unique` holds no value twice (NULLs aside, as dbt's `unique`).
    Usage, at the model level: `- column_checks` or
    `- column_checks: {arguments: {unique: [the_key]}}`.
    Fails with one row per column and check that finds rows, with how many. -#}
{% test column_checks(model, unique=[]) %}

    {%- set not_null = not_null_constrained_columns(model) if execute else [] -%}
    {%- if execute and not (not_null or unique) -%}
        {{ exceptions.raise_compiler_error(
            'column_checks on ' ~ model.identifier ~ ': no column declares a not_null constraint'
            ~ ' and no unique column is named'
        ) }}
    {%- endif -%}
    {%- set checks = [] -%}
    {%- for column in not_null -%}
        {%- do checks.append((column, 'null', 'sum(case when ' ~ column
            ~ ' is null then 1 else 0 end)')) -%}
    {%- endfor -%}
    {%- for column in unique -%}
        {%- do checks.append((column, 'duplicate', 'count(' ~ column ~ ') - count(distinct '
            ~ column ~ ')')) -%}
    {%- endfor %}

    with found as (

        select
            {%- for column, problem, expression in checks %}
            {{ expression }} as found_{{ loop.index }}
            {%- if not loop.last %},{% endif %}
            {%- endfor %}
            {%- if not checks %}
            0 as found_0
            {%- endif %}
        from {{ model }}

    )

    {% for column, problem, expression in checks -%}
    select '{{ column }}' as column_name, '{{ problem }}' as problem, found_{{ loop.index }} as rows
    from found
    where found_{{ loop.index }} > 0
    {% if not loop.last %}union all{% endif %}
    {% endfor -%}
    {%- if not checks -%}
    select 'none' as column_name, 'none' as problem, found_0 as rows from found where false
    {%- endif %}

{% endtest %}
