-- The messaging transcript (SMS, web messaging), one row per message in the order sent.
-- Messages come in two shapes: the transcript artifact wraps each one in `payload` with an
-- epoch-milliseconds `timestamp` beside it; messages sent live carry the same keys unwrapped.

{{ config(incremental_scope={'from': 'base_cxengage__interactions', 'key': 'interaction_id'}) }}

with

base as (

    select * from {{ ref('base_cxengage__interactions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

items as (

    {{ unnest_with_index(
        'base',
        'interaction.messagingTranscript',
        'item',
        'message_index',
        columns=[
            'interaction_id',
            'loaded_at',
        ],
    ) }}

),

renamed as (

    select
        -- ids
        interaction_id || ':' || message_index as message_key_id,
        interaction_id,
        message_index,
        coalesce(
            item.payload.body.id, item.payload.id, item.body.id, item.id
        ) as message_id,
        coalesce(item.payload.from, item.from) as sender_id,

        -- dimensions
        coalesce(item.payload.metadata.type, item.metadata.type) as sender_type,
        coalesce(item.payload.metadata.name, item.metadata.name) as sender_name,
        coalesce(item.payload.metadata.source, item.metadata.source) as message_source,
        coalesce(item.payload.type, item.type) as message_type,
        coalesce(item.payload.body.contentType, item.body.contentType, 'text') as content_type,
        coalesce(item.payload.body.text, item.body.text) as message_text,
        coalesce(item.payload.body.file.mediaUrl, item.body.file.mediaUrl) as media_url,

        -- timestamps (UTC)
        coalesce(
            {{ utc_timestamp('coalesce(item.payload.timestamp, item.timestamp)') }},
            {{ epoch_milliseconds('item.timestamp') }}
        ) as sent_at,

        -- lineage
        loaded_at

    from items

)

select * from renamed
