-- Every CCAI Platform queue (menu) a session selected or a transfer targeted, named from the
-- latest session that names it.

with

sessions as (

    select * from {{ ref('stg_ccai_platform__sessions') }}

),

transfers as (

    select * from {{ ref('stg_ccai_platform__transfers') }}

),

named as (

    select
        session_id,
        selected_menu_id as queue_id,
        selected_menu_name as queue_name
    from sessions
    union all
    select
        session_id,
        to_queue_id as queue_id,
        to_menu_name as queue_name
    from transfers
    union all
    select
        session_id,
        from_queue_id as queue_id,
        from_menu_name as queue_name
    from transfers

),

ranked as (

    select
        named.queue_id,
        named.queue_name,
        row_number() over (
            partition by named.queue_id
            order by
                case when named.queue_name is null then 1 else 0 end asc,
                sessions.created_at desc,
                named.session_id asc
        ) as name_rank
    from named
    inner join sessions
        on named.session_id = sessions.session_id
    where named.queue_id is not null

),

mapped as (

    select
        'ccai_platform' as source_system,
        queue_id,
        queue_name
    from ranked
    where name_rank = 1

)

select * from mapped
