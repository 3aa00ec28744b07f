-- Every staged NICE CXone segment is in fct_segments under its own id and interaction, and
-- fct_segments holds no NICE segment that staging does not.

with

staged as (

    select
        segment_id,
        interaction_id
    from {{ ref('stg_nice_cxone__segments') }}

),

in_mart as (

    select
        segments.segment_id,
        interactions.interaction_id
    from {{ ref('fct_segments') }} as segments
    left join {{ ref('fct_interactions') }} as interactions
        on segments.interaction_key = interactions.interaction_key
    where segments.source_system = 'nice_cxone'

)

select
    coalesce(staged.segment_id, in_mart.segment_id) as segment_id,
    staged.interaction_id as staged_interaction_id,
    in_mart.interaction_id as mart_interaction_id
from staged
full outer join in_mart
    on staged.segment_id = in_mart.segment_id
where
    staged.segment_id is null
    or in_mart.segment_id is null
    or staged.interaction_id is distinct from in_mart.interaction_id
