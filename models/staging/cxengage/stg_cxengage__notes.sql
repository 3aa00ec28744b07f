-- Agent notes. The vendor sends `notes` either as one text or as a list of note objects
-- (title, body); both become rows here, numbered in the order sent.

with

base as (

    select * from {{ ref('base_cxengage__interactions') }}

),

note_lists as (

    select
        interaction_id,
        case
            when json_type(interaction.notes) = 'ARRAY'
                then try_cast(interaction.notes as json[])
            when json_type(interaction.notes) in ('VARCHAR', 'OBJECT')
                then [interaction.notes]
        end as notes
    from base

),

notes as (

    select
        interaction_id,
        unnest(notes) as note,
        generate_subscripts(notes, 1) - 1 as note_index
    from note_lists

),

renamed as (

    select
        -- ids
        interaction_id || ':' || note_index as note_key_id,
        interaction_id,
        note_index,
        json_extract_string(note, '$.noteId') as note_id,
        json_extract_string(note, '$.agentId') as agent_id,

        -- dimensions
        json_extract_string(note, '$.title') as note_title,
        case
            when json_type(note) = 'VARCHAR' then json_extract_string(note, '$')
            else json_extract_string(note, '$.body')
        end as note_body,

        -- timestamps (UTC)
        {{ utc_timestamp("json_extract_string(note, '$.timestamp')") }} as noted_at

    from notes

)

select * from renamed
