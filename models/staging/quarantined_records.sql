-- Every raw record the staging layer could not stage, with the reason, one row per record: it is
-- in no other staging model and in no mart, and every other record (and every other vendor)
-- builds. Each vendor decides in the first model that reads its raw records and lists the
-- records in its stg_<source_system>__quarantined_records; this unions those of every vendor in
-- the registry (dbt_project.yml, var source_systems). Together with staging this accounts for
-- every raw record: it reaches staging or is listed here.

{{ config(materialized='table') }}

{%- set columns = [
    'source_system',
    'raw_table',
    'file_path',
    'record_index',
    'file_sha256',
    'batch_id',
    'loaded_at',
    'record_id',
    'reason',
] %}

with

unioned as (

    {% for source_system in source_systems() %}
        select {{ columns | join(', ') }}
        from {{ ref('stg_' ~ source_system ~ '__quarantined_records') }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select
    {{ dbt.concat([
        'raw_table', "':'", 'file_sha256', "':'",
        'cast(record_index as ' ~ dbt.type_string() ~ ')'
    ]) }} as quarantined_record_id,
    *
from unioned
