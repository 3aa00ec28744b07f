{#- Lists (DuckDB LIST, Spark ARRAY) the same way on every engine. Lambdas are given as the
    variable's name and the expression over it. -#}

{#- The number of items; NULL when the list is NULL (Spark's size() would say -1). -#}
{% macro list_length(list_expression) -%}
    {{ return(adapter.dispatch('list_length')(list_expression)) }}
{%- endmacro %}

{% macro default__list_length(list_expression) -%}
    len({{ list_expression }})
{%- endmacro %}

{% macro spark__list_length(list_expression) -%}
    case when {{ list_expression }} is not null then size({{ list_expression }}) end
{%- endmacro %}


{#- The items for which `predicate` (over `variable`) is true. -#}
{% macro list_filter(list_expression, variable, predicate) -%}
    {{ return(adapter.dispatch('list_filter')(list_expression, variable, predicate)) }}
{%- endmacro %}

{% macro default__list_filter(list_expression, variable, predicate) -%}
    list_filter({{ list_expression }}, lambda {{ variable }}: {{ predicate }})
{%- endmacro %}

{% macro spark__list_filter(list_expression, variable, predicate) -%}
    filter({{ list_expression }}, {{ variable }} -> {{ predicate }})
{%- endmacro %}


{#- Each item replaced by `expression` (over `variable`). -#}
{% macro list_transform(list_expression, variable, expression) -%}
    {{ return(adapter.dispatch('list_transform')(list_expression, variable, expression)) }}
{%- endmacro %}

{% macro default__list_transform(list_expression, variable, expression) -%}
    list_transform({{ list_expression }}, lambda {{ variable }}: {{ expression }})
{%- endmacro %}

{% macro spark__list_transform(list_expression, variable, expression) -%}
    transform({{ list_expression }}, {{ variable }} -> {{ expression }})
{%- endmacro %}


{#- The distinct items, sorted ascending (NULLs last). -#}
{% macro list_sort_distinct(list_expression) -%}
    {{ return(adapter.dispatch('list_sort_distinct')(list_expression)) }}
{%- endmacro %}

{% macro default__list_sort_distinct(list_expression) -%}
    list_sort(list_distinct({{ list_expression }}))
{%- endmacro %}

{% macro spark__list_sort_distinct(list_expression) -%}
    array_sort(array_distinct({{ list_expression }}))
{%- endmacro %}


{#- Two lists one after the other; a NULL list counts as empty, NULL when both are NULL. -#}
{% macro list_concat(first_list, second_list) -%}
    {{ return(adapter.dispatch('list_concat')(first_list, second_list)) }}
{%- endmacro %}

{% macro default__list_concat(first_list, second_list) -%}
    list_concat({{ first_list }}, {{ second_list }})
{%- endmacro %}

{% macro spark__list_concat(first_list, second_list) -%}
    case
        when {{ first_list }} is null then {{ second_list }}
        when {{ second_list }} is null then {{ first_list }}
        else concat({{ first_list }}, {{ second_list }})
    end
{%- endmacro %}


{#- The smallest `expression` (over `variable`) of the items; NULL for an empty or NULL list. -#}
{% macro list_min(list_expression, variable, expression) -%}
    {{ return(adapter.dispatch('list_min')(list_expression, variable, expression)) }}
{%- endmacro %}

{% macro default__list_min(list_expression, variable, expression) -%}
    list_min([{{ expression }} for {{ variable }} in {{ list_expression }}])
{%- endmacro %}

{% macro spark__list_min(list_expression, variable, expression) -%}
    array_min(transform({{ list_expression }}, {{ variable }} -> {{ expression }}))
{%- endmacro %}


{#- The n-th item of a list, from 1; from the end when negative (-1 is the last). NULL when
    there is no such item. -#}
{% macro list_element(list_expression, n) -%}
    {{ return(adapter.dispatch('list_element')(list_expression, n)) }}
{%- endmacro %}

{% macro default__list_element(list_expression, n) -%}
    ({{ list_expression }})[{{ n }}]
{%- endmacro %}

{% macro spark__list_element(list_expression, n) -%}
    element_at({{ list_expression }}, {{ n }})
{%- endmacro %}


{#- Text split at every `separator` (a literal, not a pattern), empty parts kept. -#}
{% macro split_text(text_expression, separator) -%}
    {{ return(adapter.dispatch('split_text')(text_expression, separator)) }}
{%- endmacro %}

{% macro default__split_text(text_expression, separator) -%}
    string_split({{ text_expression }}, '{{ separator }}')
{%- endmacro %}

{% macro spark__split_text(text_expression, separator) -%}
    split({{ text_expression }}, '{{ modules.re.escape(separator) }}', -1)
{%- endmacro %}


{#- The list, or a list of one NULL when it is NULL or empty: for unnesting a list whose row
    must be kept once when it has no items. -#}
{% macro list_or_null_item(list_expression, item_type='string') -%}
    coalesce(
        case when {{ list_length(list_expression) }} > 0 then {{ list_expression }} end,
        {{ list_of('cast(null as ' ~ item_type ~ ')') }}
    )
{%- endmacro %}


{#- A list of one item. -#}
{% macro list_of(expression) -%}
    {{ return(adapter.dispatch('list_of')(expression)) }}
{%- endmacro %}

{% macro default__list_of(expression) -%}
    [{{ expression }}]
{%- endmacro %}

{% macro spark__list_of(expression) -%}
    array({{ expression }})
{%- endmacro %}


{#- One row per item of a list, with its 0-based position (BIGINT): a complete SELECT over
    `relation` with `columns` (expressions, aliased as needed), the item as `item` and, unless
    `position` is none, its position as `position`. A NULL or empty list gives no row; a NULL
    item gives a row. -#}
{% macro unnest_with_index(relation, list_expression, item, position, columns=[]) -%}
    {{ return(adapter.dispatch('unnest_with_index')(relation, list_expression, item, position, columns)) }}
{%- endmacro %}

{% macro default__unnest_with_index(relation, list_expression, item, position, columns=[]) -%}
    select
        {%- for column in columns %}
        {{ column }},
        {%- endfor %}
        unnest({{ list_expression }}) as {{ item }}
        {%- if position %},
        generate_subscripts({{ list_expression }}, 1) - 1 as {{ position }}
        {%- endif %}
    from {{ relation }}
{%- endmacro %}

{% macro spark__unnest_with_index(relation, list_expression, item, position, columns=[]) -%}
    select
        {%- for column in columns %}
        {{ column }},
        {%- endfor %}
        {{ item }}
        {%- if position %},
        cast({{ position }}_int as bigint) as {{ position }}
        {%- endif %}
    from {{ relation }}
    {%- if position %}
    lateral view posexplode({{ list_expression }}) {{ item }}_exploded as {{ position }}_int, {{ item }}
    {%- else %}
    lateral view explode({{ list_expression }}) {{ item }}_exploded as {{ item }}
    {%- endif %}
{%- endmacro %}


{#- Every column of the relation in scope but the listed ones: `select {{ star_except([...]) }}`. -#}
{% macro star_except(columns) -%}
    {{ return(adapter.dispatch('star_except')(columns)) }}
{%- endmacro %}

{% macro default__star_except(columns) -%}
    * exclude ({{ columns | join(', ') }})
{%- endmacro %}

{% macro spark__star_except(columns) -%}
    * except ({{ columns | join(', ') }})
{%- endmacro %}


{#- A STRUCT of named fields: `fields` is a list of [name, expression] pairs, in order; names keep
    their case. For a value that must have the same STRUCT type as another (both branches of a
    CASE): Spark only unifies STRUCTs with the same fields, where DuckDB also merges others. -#}
{% macro struct_of(fields) -%}
    {{ return(adapter.dispatch('struct_of')(fields)) }}
{%- endmacro %}

{% macro default__struct_of(fields) -%}
    struct_pack(
        {%- for name, expression in fields %}
        "{{ name }}" := {{ expression }}{% if not loop.last %},{% endif %}
        {%- endfor %}
    )
{%- endmacro %}

{% macro spark__struct_of(fields) -%}
    named_struct(
        {%- for name, expression in fields %}
        '{{ name }}', {{ expression }}{% if not loop.last %},{% endif %}
        {%- endfor %}
    )
{%- endmacro %}
