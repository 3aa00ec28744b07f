-- The Buzzeasy queue segments whose conversation is in the feed (a Calls, Chats, Emails or
-- Conversations row staging holds), or that name none: base_buzzeasy__queue_segments
-- without the rows stg_buzzeasy__quarantined_records lists as waiting for their conversation.

{{ config(materialized='table') }}

with

queue_segments as (

    select * from {{ ref('base_buzzeasy__queue_segments') }}

),

known_conversations as (

    select * from {{ ref('base_buzzeasy__staged_conversations') }}

)

-- every column of base_buzzeasy__queue_segments, which names them
select *  -- noqa: AM04
from queue_segments
where
    conversation_id is null
    or conversation_id in (
        select known_conversations.conversation_id from known_conversations
    )
