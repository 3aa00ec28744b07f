-- Agent notes. The vendor sends `notes` either as one text or as a list of note objects
-- (title, body); both become rows here, numbered in the order sent.

{{ config(incremental_scope={'from': 'base_cxengage__interactions', 'key': 'interaction_id'}) }}

with

base as (

    select * from {{ ref('base_cxengage__interactions') }}
    where quarantine_reason is null and {{ in_incremental_scope() }}

),

note_lists as (

    select
        interaction_id,
        loaded_at,
        case
            when {{ json_type_of('interaction.notes') }} = 'ARRAY'
                then {{ json_array_items('interaction.notes') }}
            when {{ json_type_of('interaction.notes') }} in ('VARCHAR', 'OBJECT')
                then {{ list_of('interaction.notes') }}
        end as notes
    from base

),

notes as (

    {{ unnest_with_index(
        'note_lists',
        'notes',
        'note',
        'note_index',
        columns=[
            'interaction_id',
            'loaded_at',
        ],
    ) }}

),

parsed as (

    select
        interaction_id,
        loaded_at,
        note_index,
        case
            when {{ json_type_of('note') }} = 'VARCHAR' then {{ json_text_at('note', '$') }}
        end as note_text,
        {{ parse_json_struct('note', {
            'noteId': 'VARCHAR', 'agentId': 'VARCHAR', 'title': 'VARCHAR',
            'body': 'VARCHAR', 'timestamp': 'VARCHAR',
        }) }} as note_object
    from notes

),

renamed as (

    select
        -- ids
        interaction_id || ':' || note_index as note_key_id,
        interaction_id,
        note_index,
        note_object.noteId as note_id,
        note_object.agentId as agent_id,

        -- dimensions
        note_object.title as note_title,
        coalesce(note_text, note_object.body) as note_body,

        -- timestamps (UTC)
        {{ utc_timestamp('note_object.timestamp') }} as noted_at,

        -- lineage
        loaded_at

    from parsed

)

select * from renamed
