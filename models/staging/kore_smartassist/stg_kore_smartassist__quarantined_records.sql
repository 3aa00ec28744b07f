-- The Kore SmartAssist sessions staging could not use, one row per raw record with the reason:
-- the rows base_kore_smartassist__sessions keeps with a quarantine_reason.
-- staging.quarantined_records lists them with every other vendor's.

{{ config(materialized='table') }}

select
    'kore_smartassist' as source_system,
    'kore_smartassist__sessions' as raw_table,
    loaded_from_file_path as file_path,
    loaded_from_record_index as record_index,
    loaded_from_file_sha256 as file_sha256,
    load_batch_id as batch_id,
    loaded_at,
    record_id,
    quarantine_reason as reason
from {{ ref('base_kore_smartassist__sessions') }}
where quarantine_reason is not null
