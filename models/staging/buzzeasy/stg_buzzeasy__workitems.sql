-- The Buzzeasy workitems whose conversation is in the feed (a Calls, Chats, Emails or
-- Conversations row staging holds), or that name none: base_buzzeasy__workitems
-- without the rows stg_buzzeasy__quarantined_records lists as waiting for their conversation.

{{ config(materialized='table') }}

with

workitems as (

    select * from {{ ref('base_buzzeasy__workitems') }}

),

known_conversations as (

    select * from {{ ref('base_buzzeasy__staged_conversations') }}

)

-- every column of base_buzzeasy__workitems, which names them
select *  -- noqa: AM04
from workitems
where
    primary_conversation_id is null
    or primary_conversation_id in (
        select known_conversations.conversation_id from known_conversations
    )
