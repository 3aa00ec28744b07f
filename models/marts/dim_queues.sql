with

queues as (

    select * from {{ ref('int_queues') }}

),

final as (

    select
        {{ surrogate_key('source_system', 'queue_id') }} as queue_key,
        source_system,
        queue_id,
        queue_name
    from queues

)

select
    queue_key,
    source_system,
    queue_id,
    queue_name
from final
