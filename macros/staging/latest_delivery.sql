{#- Keep one row per key: the latest load wins, then the later file path, then the later record in
    the file. `relation` is a CTE with the staging lineage columns loaded_at,
    loaded_from_file_path and loaded_from_record_index. In an incremental build the stored row
    of each key the new rows deliver competes too, so the result replaces it (or keeps it, when
    the stored one is the latest). -#}
{% macro latest_delivery(relation, key_columns) -%}
    select {{ star_except(["delivery_rank"]) }}
    from (
        select
            *,
            row_number() over (
                partition by {{ key_columns }}
                order by loaded_at desc, loaded_from_file_path desc, loaded_from_record_index desc
            ) as delivery_rank
        from (
            select * from {{ relation }}
            {%- if building_incrementally() %}
            union all by name
            select * from {{ this }}
            where ({{ key_columns }}) in (select {{ key_columns }} from {{ relation }})
            {%- endif %}
        ) as deliveries
    ) as ranked
    where delivery_rank = 1
{%- endmacro %}
