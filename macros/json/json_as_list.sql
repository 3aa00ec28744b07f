{#- A JSON value as a JSON array, for fields a vendor sends either as one value or as a list of
    them (NICE's enlightenPackageModels, Kore's dispositions): an array stays as it is, a single
    value (text, number, object) becomes a one-element array, and a missing or null value stays
    NULL. Never raises, whatever the shape: every branch is a JSON function, none a cast. -#}
{% macro json_as_list(json_expression) -%}
    {{ return(adapter.dispatch('json_as_list')(json_expression)) }}
{%- endmacro %}

{% macro default__json_as_list(json_expression) -%}
    case
        when json_type({{ json_expression }}) = 'ARRAY' then {{ json_expression }}
        when json_type({{ json_expression }}) <> 'NULL' then json_array({{ json_expression }})
    end
{%- endmacro %}

{% macro spark__json_as_list(json_expression) -%}
    {{ spark_variant_list(json_expression) }}
{%- endmacro %}


{#- DuckDB: a JSON document with the listed top-level keys made arrays (json_as_list), for
    documents whose lists may arrive as one object when they hold one entry. Keys that are
    missing or null are left out. parse_json_struct(single_value_lists=...) calls it. -#}
{% macro json_with_lists(json_expression, keys) -%}
    json_merge_patch(
        {{ json_expression }},
        json_object(
            {%- for key in keys %}
            '{{ key }}', {{ json_as_list("(" ~ json_expression ~ " -> '$.\"" ~ key ~ "\"')") }}
            {%- if not loop.last %},{% endif %}
            {%- endfor %}
        )
    )
{%- endmacro %}


{#- A JSON value read as a list of texts, whether the vendor sent a list or one value (a list of
    ids, or of names, whose order means nothing): items are trimmed, blank ones dropped, and a
    repeated item is kept once, in sorted order, so a list that repeats an id never makes two rows
    with one key. NULL when the value is missing or null. -#}
{% macro json_text_list(json_expression) -%}
    {{ list_sort_distinct(list_filter(
        list_transform(json_array_texts(json_as_list(json_expression)), 'item', blank_as_null('item')),
        'item',
        'item is not null'
    )) }}
{%- endmacro %}
