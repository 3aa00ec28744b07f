{#- The columns of a model (found by its relation's name) that declare a not_null constraint:
    what the generic test column_checks (tests/generic) checks. -#}
{% macro not_null_constrained_columns(model) -%}
    {%- set found = [] -%}
    {%- for node in graph.nodes.values()
        if node.resource_type in ('model', 'seed', 'snapshot')
        and node.alias | lower == model.identifier | lower -%}
        {%- for column in node.columns.values() -%}
            {%- if column.constraints | selectattr('type', 'equalto', 'not_null') | list -%}
                {%- do found.append(column.name) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(found) }}
{%- endmacro %}
