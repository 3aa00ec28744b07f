-- A warning, not an error: records the staging layer could not stage, per vendor, raw table and
-- reason. The build goes on without them; staging.quarantined_records lists each one.
{{ config(severity='warn') }}

select
    source_system,
    raw_table,
    reason,
    count(*) as record_count,
    min(file_path) as first_file_path
from {{ ref('quarantined_records') }}
group by source_system, raw_table, reason
