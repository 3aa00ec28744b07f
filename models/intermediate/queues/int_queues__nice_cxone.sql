-- NICE CXone routes by ACD skill: every skill the segments reference is a queue, named from its
-- latest segment.

with

segments as (

    select * from {{ ref('stg_nice_cxone__segments') }}

),

ranked as (

    select
        coalesce(skill_id, skill_name) as queue_id,
        skill_name,
        row_number() over (
            partition by coalesce(skill_id, skill_name)
            order by
                case when skill_name is null then 1 else 0 end asc,
                started_at desc,
                segment_id asc
        ) as name_rank
    from segments
    where coalesce(skill_id, skill_name) is not null

),

mapped as (

    select
        'nice_cxone' as source_system,
        queue_id,
        skill_name as queue_name
    from ranked
    where name_rank = 1

)

select * from mapped
