{#-
    dbt's own should_full_refresh (the `full_refresh` config, else --full-refresh), plus one
    case: an incremental model rebuilds in full when `ccw unload` took records back after the
    newest load the model holds. Incremental runs only add and replace what was loaded since
    their watermark, so records removed from raw would otherwise stay in the model; after an
    unload the next `dbt build` therefore needs no --full-refresh.

    "After the newest load the model holds": an unload time later than the model's highest
    `loaded_at`. A table without `loaded_at` (built by an earlier release) is rebuilt in full too. The loader stamps every batch after the last load or unload, so once a build
    has taken a batch loaded after the unload, the model is incremental again. dbt calls this
    macro (through is_incremental() and the incremental materialization) for every model; the
    check runs only for incremental models that exist.
-#}
{% macro should_full_refresh() -%}
    {%- set configured = config.get('full_refresh') -%}
    {%- if configured is none -%}
        {%- set configured = flags.FULL_REFRESH -%}
    {%- endif -%}
    {%- if configured or not execute or model.config.materialized != 'incremental' -%}
        {{ return(configured) }}
    {%- endif -%}
    {#- dbt asks several times per model; the answer (and its log line) is kept on the node. -#}
    {%- if 'ccw_raw_unloaded' not in model -%}
        {%- do model.update({'ccw_raw_unloaded': raw_unloaded_since_built(this, config.get('incremental_watermark', 'loaded_at'))}) -%}
    {%- endif -%}
    {{ return(model['ccw_raw_unloaded']) }}
{%- endmacro %}


{% macro raw_unloaded_since_built(relation, watermark='loaded_at') -%}
    {%- set existing = adapter.get_relation(
        database=relation.database, schema=relation.schema, identifier=relation.identifier
    ) -%}
    {%- set manifest = adapter.get_relation(
        database=relation.database, schema='raw', identifier='_load_files'
    ) -%}
    {%- if existing is none or manifest is none -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set manifest_columns = adapter.get_columns_in_relation(manifest) | map(attribute='name')
        | list -%}
    {%- if 'unloaded_at' not in manifest_columns -%}
        {{ return(false) }}
    {%- endif -%}
    {#- a table built by an earlier release, without the load times this check reads, is rebuilt
        in full too (it could not be built incrementally anyway) -#}
    {%- set existing_columns = adapter.get_columns_in_relation(existing) | map(attribute='name')
        | list -%}
    {%- if 'loaded_at' not in existing_columns or watermark not in existing_columns -%}
        {{ return(true) }}
    {%- endif -%}
    {%- set found = run_query(
        'select exists (select 1 from ' ~ manifest ~ ' as manifest where manifest.status ='
        ~ ' \'unloaded\' and manifest.unloaded_at > (select coalesce(max(held.loaded_at),'
        ~ ' cast(\'-infinity\' as timestamp)) from ' ~ existing ~ ' as held))'
    ) -%}
    {{ return(found.columns[0].values()[0]) }}
{%- endmacro %}


{#- on-run-start: one line naming the selected incremental models that will rebuild in full
    because of an unload, so the longer build is explained. -#}
{% macro report_unloaded_rebuilds() -%}
    {%- if execute and flags.WHICH in ('build', 'run') and not flags.FULL_REFRESH -%}
        {%- set rebuilt = [] -%}
        {%- for unique_id in selected_resources -%}
            {%- set node = graph.nodes.get(unique_id) -%}
            {%- if node and node.resource_type == 'model'
                and node.config.materialized == 'incremental' -%}
                {%- set relation = api.Relation.create(
                    database=node.database, schema=node.schema, identifier=node.alias
                ) -%}
                {%- set watermark = node.config.get('incremental_watermark') or 'loaded_at' -%}
                {%- if raw_unloaded_since_built(relation, watermark) -%}
                    {%- do rebuilt.append(node.name) -%}
                {%- endif -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if rebuilt -%}
            {{ log(
                'rebuilding in full ' ~ rebuilt | length ~ ' incremental models ('
                ~ rebuilt | join(', ') ~ '): ccw unload took records back since their last'
                ~ ' build (or an earlier release built them without load times)',
                info=true
            ) }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
