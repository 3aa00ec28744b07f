-- The NICE CXone records staging could not use, one row per raw record with the reason: the
-- rows base_nice_cxone__segments keeps with a quarantine_reason. staging.quarantined_records
-- lists them with every other vendor's.

{{ config(materialized='table') }}

{{ quarantined_base_rows(
    'nice_cxone', "'nice_cxone__segments'", ref('base_nice_cxone__segments')
) }}
