-- The messaging transcript (SMS, web messaging), one row per message in the order sent.
-- Messages come in two shapes: the transcript artifact wraps each one in `payload` with an
-- epoch-milliseconds `timestamp` beside it; messages sent live carry the same keys unwrapped.

with

base as (

    select * from {{ ref('base_cxengage__interactions') }}

),

transcripts as (

    select
        interaction_id,
        try_cast(interaction.messagingTranscript as json[]) as messages
    from base
    where json_type(interaction.messagingTranscript) = 'ARRAY'

),

items as (

    select
        interaction_id,
        unnest(messages) as item,
        generate_subscripts(messages, 1) - 1 as message_index
    from transcripts

),

messages as (

    select
        interaction_id,
        item,
        message_index,
        coalesce(json_extract(item, '$.payload'), item) as message
    from items

),

renamed as (

    select
        -- ids
        interaction_id || ':' || message_index as message_key_id,
        interaction_id,
        message_index,
        coalesce(
            json_extract_string(message, '$.body.id'), json_extract_string(message, '$.id')
        ) as message_id,
        json_extract_string(message, '$.from') as sender_id,

        -- dimensions
        json_extract_string(message, '$.metadata.type') as sender_type,
        json_extract_string(message, '$.metadata.name') as sender_name,
        json_extract_string(message, '$.metadata.source') as message_source,
        json_extract_string(message, '$.type') as message_type,
        coalesce(json_extract_string(message, '$.body.contentType'), 'text') as content_type,
        json_extract_string(message, '$.body.text') as message_text,
        json_extract_string(message, '$.body.file.mediaUrl') as media_url,

        -- timestamps (UTC)
        coalesce(
            {{ utc_timestamp("json_extract_string(message, '$.timestamp')") }},
            make_timestamp(try_cast(json_extract_string(item, '$.timestamp') as bigint) * 1000)
        ) as sent_at

    from messages

)

select * from renamed
