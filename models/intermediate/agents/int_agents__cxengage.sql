-- Every CxEngage agent id the facts can reference, named from its latest allocation.
-- Agents referenced only by segments, queues, hooks or notes keep a NULL name.

with

allocations as (

    select * from {{ ref('stg_cxengage__agents') }}

),

segments as (

    select * from {{ ref('stg_cxengage__segments') }}

),

queue_entries as (

    select * from {{ ref('stg_cxengage__queue_entries') }}

),

referenced_ids as (

    select agent_id from allocations
    union
    select initiating_agent_id from segments
    union
    select accepting_agent_id from segments
    union
    select answering_agent_id from queue_entries

),

named as (

    select
        agent_id,
        agent_name,
        row_number() over (partition by agent_id order by allocated_at desc) as name_rank
    from allocations
    where agent_name is not null

),

mapped as (

    select
        'cxengage' as source_system,
        referenced_ids.agent_id,
        named.agent_name
    from referenced_ids
    left join named
        on referenced_ids.agent_id = named.agent_id and named.name_rank = 1
    where referenced_ids.agent_id is not null

)

select * from mapped
