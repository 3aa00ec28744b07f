-- Every raw record the staging layer could not stage, with the reason, one row per record: it is
-- in no other staging model and in no mart, and every other record (and every other vendor)
-- builds. Each vendor decides in the first model that reads its raw records (its base_ model,
-- or for Buzzeasy stg_buzzeasy__quarantined_records). Together with staging this accounts for
-- every raw record: it reaches staging or is listed here.

with

cxengage as (

    select * from {{ ref('base_cxengage__interactions') }}
    where quarantine_reason is not null

),

nice_cxone as (

    select * from {{ ref('base_nice_cxone__segments') }}
    where quarantine_reason is not null

),

ccai_platform as (

    select * from {{ ref('base_ccai_platform__sessions') }}
    where quarantine_reason is not null

),

kore_smartassist as (

    select * from {{ ref('base_kore_smartassist__sessions') }}
    where quarantine_reason is not null

),

buzzeasy as (

    select * from {{ ref('stg_buzzeasy__quarantined_records') }}

),

unioned as (

    select
        'cxengage' as source_system,
        'cxengage__interactions' as raw_table,
        loaded_from_file_path as file_path,
        loaded_from_record_index as record_index,
        loaded_from_file_sha256 as file_sha256,
        load_batch_id as batch_id,
        loaded_at,
        interaction_id as record_id,
        quarantine_reason as reason
    from cxengage

    union all

    select
        'nice_cxone' as source_system,
        'nice_cxone__segments' as raw_table,
        loaded_from_file_path as file_path,
        loaded_from_record_index as record_index,
        loaded_from_file_sha256 as file_sha256,
        load_batch_id as batch_id,
        loaded_at,
        record_id,
        quarantine_reason as reason
    from nice_cxone

    union all

    select
        'ccai_platform' as source_system,
        'ccai_platform__' || session_kind || 's' as raw_table,
        loaded_from_file_path as file_path,
        loaded_from_record_index as record_index,
        loaded_from_file_sha256 as file_sha256,
        load_batch_id as batch_id,
        loaded_at,
        record_id,
        quarantine_reason as reason
    from ccai_platform

    union all

    select
        'kore_smartassist' as source_system,
        'kore_smartassist__sessions' as raw_table,
        loaded_from_file_path as file_path,
        loaded_from_record_index as record_index,
        loaded_from_file_sha256 as file_sha256,
        load_batch_id as batch_id,
        loaded_at,
        session_id as record_id,
        quarantine_reason as reason
    from kore_smartassist

    union all

    select
        source_system,
        raw_table,
        file_path,
        record_index,
        file_sha256,
        batch_id,
        loaded_at,
        record_id,
        reason
    from buzzeasy

)

select
    {{ dbt.concat(['raw_table', "':'", 'file_sha256', "':'", 'cast(record_index as varchar)']) }}
        as quarantined_record_id,
    *
from unioned
