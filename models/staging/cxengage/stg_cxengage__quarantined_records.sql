-- The CxEngage records staging could not use, one row per raw record with the reason: the
-- rows base_cxengage__interactions keeps with a quarantine_reason. staging.quarantined_records
-- lists them with every other vendor's.

{{ config(materialized='table') }}

{{ quarantined_base_rows(
    'cxengage', "'cxengage__interactions'", ref('base_cxengage__interactions')
) }}
