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
    {%- if existing is none -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set held = load_time_columns([existing], [watermark]) -%}
    {%- if ('raw', '_load_files', 'unloaded_at') not in held -%}
        {{ return(false) }}
    {%- endif -%}
    {#- a table built by an earlier release, without the load times this check reads, is rebuilt
        in full too (it could not be built incrementally anyway) -#}
    {%- for column in ['loaded_at', watermark] -%}
        {%- if (existing.schema, existing.identifier, column) not in held -%}
            {{ return(true) }}
        {%- endif -%}
    {%- endfor -%}
    {%- set found = run_query(
        'select exists (select 1 from ' ~ existing.database ~ '.raw._load_files as manifest'
        ~ ' where manifest.status = \'unloaded\' and manifest.unloaded_at > (select'
        ~ ' coalesce(max(held.loaded_at), cast(\'-infinity\' as timestamp)) from ' ~ existing
        ~ ' as held))'
    ) -%}
    {{ return(found.columns[0].values()[0]) }}
{%- endmacro %}


{#- The load-time columns (loaded_at and the given watermarks) the given relations hold,
    and whether the manifest has unloaded_at: (schema, table, column) triples, lower case, from
    one catalog query. -#}
{% macro load_time_columns(relations, watermarks) -%}
    {%- set names = ['loaded_at', 'unloaded_at'] + watermarks -%}
    {%- set tables = ["('raw', '_load_files')"] -%}
    {%- for relation in relations -%}
        {%- do tables.append("('" ~ relation.schema | lower ~ "', '" ~ relation.identifier | lower
            ~ "')") -%}
    {%- endfor -%}
    {%- set found = run_query(
        'select lower(table_schema), lower(table_name), lower(column_name)'
        ~ ' from information_schema.columns where table_catalog = \''
        ~ (relations[0].database if relations else target.database) ~ '\''
        ~ ' and (lower(table_schema), lower(table_name)) in (' ~ tables | join(', ') ~ ')'
        ~ ' and lower(column_name) in (\'' ~ names | unique | join("', '") ~ '\')'
    ) -%}
    {%- set held = [] -%}
    {%- for row in found.rows -%}
        {%- do held.append((row[0], row[1], row[2])) -%}
    {%- endfor -%}
    {{ return(held) }}
{%- endmacro %}


{#- on-run-start: one line naming the selected incremental models that will rebuild in full
    because of an unload, so the longer build is explained. Two catalog queries when nothing
    was ever unloaded, whatever the number of models. -#}
{% macro report_unloaded_rebuilds() -%}
    {%- if execute and flags.WHICH in ('build', 'run') and not flags.FULL_REFRESH -%}
        {%- set existing = [] -%}
        {%- for unique_id in selected_resources -%}
            {%- set node = graph.nodes.get(unique_id) -%}
            {%- if node and node.resource_type == 'model'
                and node.config.materialized == 'incremental' -%}
                {%- set relation = adapter.get_relation(
                    database=node.database, schema=node.schema, identifier=node.alias
                ) -%}
                {%- if relation is not none -%}
                    {%- do existing.append((node, relation)) -%}
                {%- endif -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if not existing -%}
            {{ return('') }}
        {%- endif -%}
        {%- set watermarks = [] -%}
        {%- for node, relation in existing -%}
            {%- do watermarks.append(node.config.get('incremental_watermark') or 'loaded_at') -%}
        {%- endfor -%}
        {%- set held = load_time_columns(existing | map(attribute=1) | list, watermarks) -%}
        {%- if ('raw', '_load_files', 'unloaded_at') not in held -%}
            {{ return('') }}
        {%- endif -%}
        {%- set unloads = run_query(
            "select count(*) from " ~ existing[0][1].database ~ ".raw._load_files"
            ~ " where status = 'unloaded'"
        ).columns[0].values()[0] -%}
        {%- set rebuilt = [] -%}
        {%- for node, relation in existing -%}
            {%- set watermark = node.config.get('incremental_watermark') or 'loaded_at' -%}
            {%- set lacks_load_times = (relation.schema | lower, relation.identifier | lower,
                'loaded_at') not in held or (relation.schema | lower, relation.identifier
                | lower, watermark | lower) not in held -%}
            {%- if lacks_load_times or (unloads and raw_unloaded_since_built(relation, watermark)) -%}
                {%- do rebuilt.append(node.name) -%}
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
