-- Buzzeasy bot segments are the vendor's own (Bot Segments), named and typed by their Bot Step.
-- The feed documents only tenant-local times for them: when no UTC time is sent, the local time
-- is shifted by its conversation's own offset (startedAt minus startedAtUTC), which follows the
-- tenant's daylight saving time, else by the tenant's offset on that local day (from any
-- conversation that day); a segment with no usable local time starts with its conversation,
-- and ends after its duration (DECISIONLOG.md). result maps to outcome; the vendor does not say
-- whether a bot handed over, so a conversation's last completed bot step is escalated when the
-- conversation then tried to enter a queue and was refused, or was transferred outside Buzzeasy
-- (a queue entry after it shows the other hand-overs).

with

bot_segments as (

    select * from {{ ref('stg_buzzeasy__bot_segments') }}

),

bot_steps as (

    select * from {{ ref('stg_buzzeasy__bot_steps') }}

),

chains as (

    select * from {{ ref('int_conversation_chains__buzzeasy') }}

),

handed_over as (

    -- conversations that, past their bots, tried a queue that refused them or left Buzzeasy
    select
        conversation_id,
        max(loaded_at) as loaded_at
    from (
        select
            conversation_id,
            loaded_at
        from {{ ref('stg_buzzeasy__rejected_enqueue_attempts') }}
        union all
        select
            conversation_id,
            loaded_at
        from chains
        where conversation_ended_reason in ('TransferToExternal', 'TransferToExternalFailed')
    ) as hand_overs
    group by conversation_id

),

offsets as (

    select
        conversation_id,
        interaction_id,
        started_at as conversation_started_at,
        {{ dbt.datediff('started_at', 'started_at_local', 'second') }}
            as tenant_offset_seconds
    from chains

),

daily_offsets as (

    select
        cast(chains.started_at_local as date) as local_date,
        max({{ dbt.datediff('chains.started_at', 'chains.started_at_local', 'second') }})
            as tenant_offset_seconds
    from chains
    where chains.started_at_local is not null
    group by cast(chains.started_at_local as date)

),

timed as (

    select
        bot_segments.*,
        offsets.interaction_id,
        coalesce(
            offsets.tenant_offset_seconds, daily_offsets.tenant_offset_seconds
        ) as tenant_offset_seconds,
        offsets.conversation_started_at
    from bot_segments
    left join offsets
        on bot_segments.conversation_id = offsets.conversation_id
    left join daily_offsets
        on cast(bot_segments.started_at_local as date) = daily_offsets.local_date

),

placed as (

    select
        *,
        coalesce(
            started_at,
            {{ add_seconds('started_at_local', '-1 * tenant_offset_seconds') }},
            conversation_started_at
        ) as placed_started_at
    from timed

),

ranked as (

    select
        placed.*,
        greatest(placed.loaded_at, handed_over.loaded_at) as hand_over_loaded_at,
        handed_over.conversation_id is not null
        and row_number() over (
            partition by placed.conversation_id
            order by placed.placed_started_at desc, placed.bot_segment_id desc
        ) = 1 as is_last_before_hand_over
    from placed
    left join handed_over
        on placed.conversation_id = handed_over.conversation_id

),

mapped as (

    select
        'buzzeasy' as source_system,
        placed.bot_segment_id,
        placed.interaction_id,
        coalesce(bot_steps.bot_step_name, placed.bot_step_id) as bot_name,
        bot_steps.bot_step_type as bot_type,
        placed.placed_started_at as started_at,
        coalesce(
            placed.ended_at,
            {{ add_seconds('placed.ended_at_local', '-1 * placed.tenant_offset_seconds') }},
            {{ add_seconds('placed.placed_started_at', 'placed.duration_seconds') }}
        ) as ended_at,
        placed.duration_seconds,
        case
            when placed.result = 'Success' and placed.is_last_before_hand_over then 'escalated'
            when placed.result = 'Success' then 'completed'
            when placed.result = 'CustomerDisconnect' then 'abandoned'
            when placed.result = 'Failed' then 'failed'
            else 'other'
        end as outcome,
        placed.result as outcome_raw,
        -- the bot step's name is a lookup snapshot, delivered daily: not part of the row's load
        -- time (DECISIONLOG.md, 2026-12-06)
        placed.hand_over_loaded_at as loaded_at
    from ranked as placed
    left join bot_steps
        on placed.bot_step_id = bot_steps.bot_step_id

)

select * from mapped
