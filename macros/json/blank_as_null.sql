{#- Text with no content (empty, or only whitespace) as NULL, other text trimmed: exports send ""
    for a value they do not have (Kore's "smartStatus": "", the empty queueID Buzzeasy documents
    for outbound work), and such a value must neither win a coalesce nor become an id. -#}
{% macro blank_as_null(text_expression) -%}
    nullif(trim({{ text_expression }}), '')
{%- endmacro %}


{#- The first of several text expressions that has content (blank_as_null on each): for values a
    vendor sends in more than one place, where an empty first one must not hide the next. -#}
{% macro coalesce_text(text_expressions) -%}
    coalesce(
        {%- for expression in text_expressions %}
        {{ blank_as_null(expression) }}{% if not loop.last %},{% endif %}
        {%- endfor %}
    )
{%- endmacro %}
