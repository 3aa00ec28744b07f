-- Documentation is part of the build: every model has a description, and every column of every
-- mart is described. Reads dbt's own graph, so a model or column added without a description
-- fails `dbt build`, not a later review.

{%- set missing = [] -%}
{%- if execute -%}
    {%- for node in graph.nodes.values()
        if node.resource_type == 'model' and node.package_name == project_name -%}
        {%- if not node.description | trim -%}
            {%- do missing.append((node.name, '(model)')) -%}
        {%- endif -%}
        {%- if node.fqn[1] == 'marts' -%}
            {%- for column in node.columns.values() if not column.description | trim -%}
                {%- do missing.append((node.name, column.name)) -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endfor -%}
{%- endif %}

select
    cast(null as {{ dbt.type_string() }}) as model_name,
    cast(null as {{ dbt.type_string() }}) as column_name
where false
{%- for model_name, column_name in missing %}
union all
select
    '{{ model_name }}' as model_name,
    '{{ column_name }}' as column_name
{%- endfor %}
