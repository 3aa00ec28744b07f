-- The CxEngage records staging could not use, one row per raw record with the reason: the
-- rows base_cxengage__interactions keeps with a quarantine_reason. staging.quarantined_records
-- lists them with every other vendor's.

{{ config(materialized='table') }}

select
    'cxengage' as source_system,
    'cxengage__interactions' as raw_table,
    loaded_from_file_path as file_path,
    loaded_from_record_index as record_index,
    loaded_from_file_sha256 as file_sha256,
    load_batch_id as batch_id,
    loaded_at,
    record_id,
    quarantine_reason as reason
from {{ ref('base_cxengage__interactions') }}
where quarantine_reason is not null
