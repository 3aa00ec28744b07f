-- Every SmartAssist queue a session entered, named from the latest entry.

with

destinations as (

    select * from {{ ref('stg_kore_smartassist__destinations') }}

),

ranked as (

    select
        queue_id,
        queue_name,
        row_number() over (
            partition by queue_id
            order by case when queue_name is null then 1 else 0 end asc, entered_at desc
        ) as name_rank
    from destinations
    where queue_id is not null

),

mapped as (

    select
        'kore_smartassist' as source_system,
        queue_id,
        queue_name
    from ranked
    where name_rank = 1

)

select * from mapped
