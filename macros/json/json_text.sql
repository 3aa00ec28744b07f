{#- The text of the first key present of `spellings` in a JSON column: for vendors whose exports
    spell one field several ways (`conversationID` / `conversationId`). NULL when none is there. -#}
{% macro json_text(json_column, spellings) -%}
    {%- if spellings is string -%}{%- set spellings = [spellings] -%}{%- endif -%}
    {%- if spellings | length == 1 -%}
        {{ json_column }} ->> '$."{{ spellings[0] }}"'
    {%- else -%}
        coalesce(
            {%- for spelling in spellings %}{{ json_column }} ->> '$."{{ spelling }}"'
            {%- if not loop.last %}, {% endif %}{% endfor -%}
        )
    {%- endif -%}
{%- endmacro %}
