{#-
    Incremental builds for every vendor, written once. A build costs what was loaded since the
    last one: each incremental model finds the records loaded after the newest load time it holds
    (its watermark; per source system in the marts) and rebuilds only what they touch.

    Three kinds of incremental model use it:

    - A base model parses raw records once. Its source CTE keeps the raw rows loaded since its
      last build (`where {{ loaded_since_last_build() }}`), and `newest_version()` lets each new
      delivery compete with the stored version of the same key, so a re-delivered or reprocessed
      record replaces its older version and an older one arriving late does not. Its key column is
      NULL for quarantined rows, which are only ever added.
    - A child model (one row per nested entry) or a mart rebuilds whole scopes: the config
      `incremental_scope` names the model whose changed rows define them and the key columns,
      `{'from': 'base_cxengage__interactions', 'key': ['interaction_id']}`; the model filters its
      input with `where {{ in_incremental_scope() }}`, and the strategy below deletes the same
      scopes from the table before inserting the rebuilt rows, in one transaction. So entries a
      new version no longer has leave the table too, and an incremental build equals a full one.
      Options: `per` (a column of both: one watermark per value, as the marts keep one per
      source_system), `target_key` (the table's column holding surrogate_key(key), when it keeps
      the hash instead of the key columns), `reconcile` (also rebuild the scopes that vanished
      from `from` and those `from` holds that the table lacks: the marts, where a Buzzeasy chain
      can merge into an earlier one or split off, and an interaction can appear without a record
      of its own changing).
    - Any other incremental model replaces rows by `unique_key` (the strategy falls back to it).

    A scope has changed when the `from` model holds it with a load time after the watermark. The
    watermark column is `loaded_at` unless the config `incremental_watermark` names another.
    After `ccw unload` the models rebuild in full (should_full_refresh.sql).
-#}

{#- is_incremental(), and false where there is no table at all (a unit test that does not
    override is_incremental). -#}
{% macro building_incrementally() -%}
    {{ return(this is not none and is_incremental()) }}
{%- endmacro %}


{% macro incremental_watermark(column=none, where=none, relation=none) -%}
    {%- set column = column or config.get('incremental_watermark', 'loaded_at') -%}
    (
        select coalesce(max({{ column }}), cast('-infinity' as {{ dbt.type_timestamp() }}))
        from {{ relation or this }}
        {%- if where %} where {{ where }}{% endif %}
    )
{%- endmacro %}


{#- In a base model's source CTE: raw rows loaded after the newest load the model holds (its
    config incremental_watermark: last_delivered_at for a base model that keeps versions, else
    loaded_at); all rows on a full build. -#}
{% macro loaded_since_last_build(loaded_at_column='_loaded_at') -%}
    {%- if building_incrementally() -%}
        {{ loaded_at_column }} > {{ incremental_watermark() }}
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}


{#- The newest version of each key among the rows of `relation` and, in an incremental build,
    the stored version of the same keys. `order_by` ranks versions, newest first. Adds
    delivery_count (deliveries of the key so far) and last_delivered_at (the latest of them); rows
    whose key is NULL (quarantined) pass through. `relation` needs the columns key, loaded_at and
    quarantine_reason. -#}
{% macro newest_version(relation, key, order_by) -%}
    with

    delivered as (

        select
            *,
            cast(1 as bigint) as deliveries,
            loaded_at as delivered_at
        from {{ relation }}
        {%- if building_incrementally() %}
        union all by name
        select
            {{ star_except(["delivery_count", "last_delivered_at"]) }},
            delivery_count as deliveries,
            last_delivered_at as delivered_at
        from {{ this }}
        where {{ key }} in (select new_rows.{{ key }} from {{ relation }} as new_rows)
        {%- endif %}

    ),

    ranked as (

        select
            {{ star_except(["deliveries", "delivered_at"]) }},
            case
                when {{ key }} is not null
                    then row_number() over (partition by {{ key }} order by {{ order_by }})
            end as version_rank,
            case
                when {{ key }} is not null
                    then cast(sum(deliveries) over (partition by {{ key }}) as bigint)
                else deliveries
            end as delivery_count,
            case
                when {{ key }} is not null then max(delivered_at) over (partition by {{ key }})
                else delivered_at
            end as last_delivered_at
        from delivered

    )

    select {{ star_except(["version_rank"]) }}
    from ranked
    where version_rank = 1 or {{ key }} is null
{%- endmacro %}


{#- The scopes (key values of the `from` model) an incremental build rebuilds, as a predicate on
    this model's input (in_target=false: changed scopes, and with `reconcile` those the table
    lacks) or on its table (in_target=true: changed scopes, and with `reconcile` those that
    vanished from the source). -#}
{% macro in_incremental_scope(in_target=false) -%}
    {%- if not in_target and not building_incrementally() -%}
        true
    {%- else -%}
        {%- set scope = config.require('incremental_scope') -%}
        {%- set keys = [scope['key']] if scope['key'] is string else scope['key'] -%}
        {%- set per = scope.get('per') -%}
        {%- set source = ref(scope['from']) -%}
        {%- set watermark = config.get('incremental_watermark', 'loaded_at') -%}
        {#- how the table holds a scope: its key columns, or their surrogate key -#}
        {%- if scope.get('target_key') -%}
            {%- set held_as = scope['target_key'] -%}
            {%- set source_held_as = surrogate_key(keys[0], keys[1]) -%}
        {%- else -%}
            {%- set held_as = keys | join(', ') -%}
            {%- set source_held_as = held_as -%}
        {%- endif -%}
        {%- set subject = held_as if in_target else keys | join(', ') -%}
        {%- set selected = source_held_as if in_target else keys | join(', ') -%}
        (
            ({{ subject }}) in (
                select {{ selected }}
                from {{ source }} as changed
                where changed.{{ watermark }} > {{ incremental_watermark(
                    watermark,
                    where=('held.' ~ per ~ ' = changed.' ~ per) if per else none,
                    relation=this ~ ' as held',
                ) }}
            )
            {%- if scope.get('reconcile') and in_target %}
                -- scopes that vanished from the source (a chain merged into another)
                or ({{ subject }}) not in (select {{ source_held_as }} from {{ source }})
            {%- elif scope.get('reconcile') %}
                -- scopes the table lacks (a chain split off another)
                or ({{ subject }}) in (
                    select {{ selected }} from {{ source }}
                    where ({{ source_held_as }}) not in (select {{ held_as }} from {{ this }})
                )
            {%- endif %}
        )
    {%- endif -%}
{%- endmacro %}


{% macro get_incremental_replace_scope_sql(arg_dict) -%}
    {%- set target = arg_dict['target_relation'] -%}
    {%- set columns = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    {%- if config.get('incremental_scope') -%}
        delete from {{ target }}
        where {{ in_incremental_scope(in_target=true) }};
    {%- else -%}
        {%- set unique_key = config.require('unique_key') -%}
        {%- set keys = unique_key if unique_key is not string else [unique_key] -%}
        delete from {{ target }}
        where ({{ keys | join(', ') }}) in (
            select {{ keys | join(', ') }} from {{ arg_dict['temp_relation'] }}
        );
    {%- endif %}

    insert into {{ target }} ({{ columns }})
    select {{ columns }}
    from {{ arg_dict['temp_relation'] }}
{%- endmacro %}
