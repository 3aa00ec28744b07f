{{ config(materialized='table') }}

with

queues as (

    select * from {{ ref('int_queues') }}

)

select
    {{ surrogate_key('source_system', 'queue_id') }} as queue_key,
    source_system,
    queue_id,
    queue_name
from queues
