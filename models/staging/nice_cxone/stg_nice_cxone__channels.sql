-- One row per NICE CXone segment and participant channel (CLIENT or AGENT): the participant's
-- language, overall, begin and end sentiment, frustration (measured for the client only) and the
-- participant's side of the transcript as one text.

{{ config(
    incremental_scope={'from': 'base_nice_cxone__segments', 'key': 'segment_id'},
) }}

with

base as (

    select * from {{ ref('base_nice_cxone__segments') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

channels as (

    {{ unnest_with_index(
        'base',
        'segment.channels',
        'channel',
        'channel_index',
        columns=[
            'segment_id',
            'loaded_at',
        ],
    ) }}

),

renamed as (

    select
        -- ids
        segment_id || ':' || channel_index as segment_channel_id,
        segment_id,
        channel_index,

        -- dimensions
        upper(channel.name) as channel_name,
        lower(channel.languageCode) as language_code,
        upper(channel.sentiment) as sentiment,
        upper(channel.beginSentiment) as begin_sentiment,
        upper(channel.endSentiment) as end_sentiment,
        upper(channel.frustration) as frustration,
        channel.text as channel_text,

        -- lineage
        loaded_at

    from channels

)

select * from renamed
