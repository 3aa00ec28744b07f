{#- The text of the first key present of `spellings` in a JSON column: for vendors whose exports
    spell one field several ways (`conversationID` / `conversationId`). A blank value counts as
    absent (blank_as_null), so an empty first spelling does not hide a later one. NULL when none
    has a value. -#}
{% macro json_text(json_column, spellings) -%}
    {%- if spellings is string -%}{%- set spellings = [spellings] -%}{%- endif -%}
    {%- if spellings | length == 1 -%}
        {{ blank_as_null(json_text_at(json_column, '$."' ~ spellings[0] ~ '"')) }}
    {%- else -%}
        coalesce(
            {%- for spelling in spellings %}{{ blank_as_null(json_text_at(json_column, '$."' ~ spelling ~ '"')) }}
            {%- if not loop.last %}, {% endif %}{% endfor -%}
        )
    {%- endif -%}
{%- endmacro %}
