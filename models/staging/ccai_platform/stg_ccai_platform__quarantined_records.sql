-- The CCAI Platform documents staging could not use, one row per raw record with the reason: the
-- rows base_ccai_platform__sessions keeps with a quarantine_reason (calls and chats land in raw
-- tables of their own). staging.quarantined_records lists them with every other vendor's.

{{ config(materialized='table') }}

{{ quarantined_base_rows(
    'ccai_platform', "'ccai_platform__' || session_kind || 's'", ref('base_ccai_platform__sessions')
) }}
