{#- Every non-NULL value of the column is a value of one conformed vocabulary
    (seeds/conformed_vocabularies.csv, the only list of them). Usage:
    `- in_vocabulary: {arguments: {vocabulary: channel}}`. Fails with the values that are not. -#}
{% test in_vocabulary(model, column_name, vocabulary) %}

    select distinct {{ column_name }} as value_not_in_vocabulary
    from {{ model }}
    where
        {{ column_name }} is not null
        and {{ column_name }} not in (
            select value from {{ ref('conformed_vocabularies') }}
            where vocabulary = '{{ vocabulary }}'
        )

{% endtest %}
