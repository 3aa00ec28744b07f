{#-
    Incremental builds for the NICE CXone export, the heaviest and most frequent feed.

    A model built this way sets `incremental_strategy='replace_scope'` and
    `incremental_scope` to one of:

    - 'nice_cxone_segments': its rows belong to one NICE segment (`segment_id`); a run rebuilds
      every segment whose stored newest version changed since the model was last built.
    - 'nice_cxone_interactions': a fact over every vendor; a run rebuilds every NICE interaction
      with a segment that changed since the fact was last built (all of its rows, so segment
      sequences and interaction rollups stay whole) and every row of the other vendors, whose
      staging is rebuilt in full on each run.

    "Changed since last built" compares load times: the model keeps, per row, the load time of
    the newest record behind it (`incremental_watermark`, default `loaded_at`), and a run takes
    what was loaded after the highest one it holds. Loads are serialised by the warehouse's
    single-writer lock and the loader never stamps a batch earlier than the last one, so the
    comparison misses nothing and takes nothing twice.

    The model's SQL filters its input with `where {{ incremental_scope() }}`; the strategy deletes
    the same scope from the existing table, then inserts the new rows, in one transaction. Scope
    rows that a new version no longer has (a transcript removed on reprocessing) therefore leave
    the table too, which is what makes an incremental build equal a full refresh.
-#}

{% macro incremental_watermark(column, where=none) -%}
    (
        select coalesce(max({{ column }}), cast('-infinity' as timestamp))
        from {{ this }}
        {%- if where %} where {{ where }}{% endif %}
    )
{%- endmacro %}


{% macro incremental_scope(in_target=false) -%}
    {%- set scope = config.require('incremental_scope') -%}
    {%- set watermark = config.get('incremental_watermark', 'loaded_at') -%}
    {%- if scope == 'nice_cxone_segments' -%}
        segment_id in (
            select segment_id
            from {{ ref('base_nice_cxone__segments') }}
            where {{ watermark }} > {{ incremental_watermark(watermark) }}
        )
    {%- elif scope == 'nice_cxone_interactions' -%}
        {%- set key = 'interaction_key' if in_target else 'interaction_id' -%}
        {%- set changed = surrogate_key("'nice_cxone'", 'interaction_id') if in_target
            else 'interaction_id' -%}
        (
            source_system <> 'nice_cxone'
            or {{ key }} in (
                select {{ changed }}
                from {{ ref('stg_nice_cxone__segments') }}
                where loaded_at > {{ incremental_watermark('loaded_at', "source_system = 'nice_cxone'") }}
            )
        )
    {%- else -%}
        {{ exceptions.raise_compiler_error(
            "incremental_scope must be 'nice_cxone_segments' or 'nice_cxone_interactions', not '"
            ~ scope ~ "'"
        ) }}
    {%- endif -%}
{%- endmacro %}


{% macro get_incremental_replace_scope_sql(arg_dict) -%}
    {%- set target = arg_dict['target_relation'] -%}
    {%- set columns = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    delete from {{ target }}
    where {{ incremental_scope(in_target=true) }};

    insert into {{ target }} ({{ columns }})
    select {{ columns }}
    from {{ arg_dict['temp_relation'] }}
{%- endmacro %}
