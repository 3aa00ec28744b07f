-- Nothing is lost between raw and staging: every raw call and chat document is quarantined or
-- its session is staged, exactly once, holding the newest updated_at of its stageable
-- documents; nothing else is staged.

with

raw_documents as (

    {% for kind in ['call', 'chat'] %}
        select
            '{{ kind }}-' || {{ blank_as_null(json_text_at('record', '$.id')) }}
                as session_id,
            {{ utc_timestamp(json_text_at('record', '$.updated_at')) }} as updated_at
        from (
            {{ unquarantined(
                source('ccai_platform', kind ~ 's'),
                ref('quarantined_records'),
                'ccai_platform__' ~ kind ~ 's',
            ) }}
        ) as raw_records
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

raw_sessions as (

    select
        session_id,
        max(updated_at) as newest_updated_at
    from raw_documents
    group by session_id

),

staged as (

    select
        session_id,
        updated_at
    from {{ ref('stg_ccai_platform__sessions') }}

)

select
    coalesce(raw_sessions.session_id, staged.session_id) as session_id,
    raw_sessions.newest_updated_at,
    staged.updated_at as staged_updated_at
from raw_sessions
full outer join staged
    on raw_sessions.session_id = staged.session_id
where
    raw_sessions.session_id is null
    or staged.session_id is null
    or raw_sessions.newest_updated_at is distinct from staged.updated_at
