-- The Kore SmartAssist sessions staging could not use, one row per raw record with the reason:
-- the rows base_kore_smartassist__sessions keeps with a quarantine_reason.
-- staging.quarantined_records lists them with every other vendor's.

{{ config(materialized='table') }}

{{ quarantined_base_rows(
    'kore_smartassist', "'kore_smartassist__sessions'", ref('base_kore_smartassist__sessions')
) }}
