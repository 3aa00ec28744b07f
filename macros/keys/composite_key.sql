{#- A staging key built from several fields of a record that has no id of its own
    (`part:part:part`). When any part is missing the key is the record's content digest instead
    (`content:<md5>`), so records that lack part of their key neither become NULL keys nor
    collapse into one row, and an identical re-delivery still keeps one row. -#}
{% macro composite_key(parts, content_digest) -%}
    coalesce(
        {{ parts | join(" || ':' || ") }},
        'content:' || {{ content_digest }}
    )
{%- endmacro %}
