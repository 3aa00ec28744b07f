-- Buzzeasy ends a conversation at every transfer and starts a new one, linked by
-- nextConversationID. This walks each chain from its first conversation (one no other
-- conversation points to): the chain is the interaction, named by its first conversation's id,
-- and each conversation is a segment numbered from 0 in chain order. Every conversation of the
-- Calls, Chats and Emails sets is included, and those of the generic Conversations set that none
-- of them holds. A conversation the walk cannot reach (a cycle) or reaches twice (two
-- predecessors) stays one segment of one interaction, the earliest.

with recursive

calls as (

    select * from {{ ref('stg_buzzeasy__calls') }}

),

chats as (

    select * from {{ ref('stg_buzzeasy__chats') }}

),

emails as (

    select * from {{ ref('stg_buzzeasy__emails') }}

),

generic_conversations as (

    select * from {{ ref('stg_buzzeasy__conversations') }}

),

media_conversations as (

    select
        conversation_id,
        next_conversation_id,
        'Calls' as entity_set,
        channel_id,
        channel_type,
        conversation_ended_reason,
        is_outbound,
        is_consult,
        transfer_initiated_by,
        started_at,
        ended_at,
        started_at_local,
        loaded_at
    from calls
    union all
    select
        conversation_id,
        next_conversation_id,
        'Chats' as entity_set,
        channel_id,
        channel_type,
        conversation_ended_reason,
        -- an outbound chat says so, or shows it by the customer's answer time to it
        coalesce(is_outbound, first_customer_answer_seconds > 0, false) as is_outbound,
        false as is_consult,
        cast(null as {{ dbt.type_string() }}) as transfer_initiated_by,
        started_at,
        ended_at,
        started_at_local,
        loaded_at
    from chats
    union all
    select
        conversation_id,
        next_conversation_id,
        'Emails' as entity_set,
        channel_id,
        channel_type,
        conversation_ended_reason,
        is_outbound,
        false as is_consult,
        cast(null as {{ dbt.type_string() }}) as transfer_initiated_by,
        started_at,
        ended_at,
        started_at_local,
        loaded_at
    from emails

),

conversations as (

    select * from media_conversations
    union all
    select
        generic_conversations.conversation_id,
        generic_conversations.next_conversation_id,
        'Conversations' as entity_set,
        generic_conversations.channel_id,
        generic_conversations.channel_type,
        generic_conversations.conversation_ended_reason,
        generic_conversations.is_outbound,
        generic_conversations.is_consult,
        cast(null as {{ dbt.type_string() }}) as transfer_initiated_by,
        generic_conversations.started_at,
        generic_conversations.ended_at,
        generic_conversations.started_at_local,
        generic_conversations.loaded_at
    from generic_conversations
    left join media_conversations
        on generic_conversations.conversation_id = media_conversations.conversation_id
    where media_conversations.conversation_id is null

),

chain_starts as (

    select conversations.conversation_id
    from conversations
    left join conversations as predecessors
        on conversations.conversation_id = predecessors.next_conversation_id
    where predecessors.conversation_id is null

),

walked (conversation_id, interaction_id, segment_sequence) as (

    select
        conversation_id,
        conversation_id as interaction_id,
        0 as segment_sequence
    from chain_starts
    union all
    select
        next_conversations.conversation_id,
        walked.interaction_id,
        walked.segment_sequence + 1 as segment_sequence
    from walked
    inner join conversations as current_conversations
        on walked.conversation_id = current_conversations.conversation_id
    inner join conversations as next_conversations
        on current_conversations.next_conversation_id = next_conversations.conversation_id
    where walked.segment_sequence < 1000

),

placed as (

    select
        conversation_id,
        interaction_id,
        segment_sequence,
        row_number() over (
            partition by conversation_id order by segment_sequence, interaction_id
        ) as placement_rank
    from walked

),

chained as (

    select
        conversations.*,
        coalesce(placed.interaction_id, conversations.conversation_id) as interaction_id,
        coalesce(placed.segment_sequence, 0) as segment_sequence
    from conversations
    left join placed
        on conversations.conversation_id = placed.conversation_id and placed.placement_rank = 1

)

select * from chained
