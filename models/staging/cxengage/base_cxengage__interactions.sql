-- Every CxEngage interaction document parsed once into a typed STRUCT, one row per interaction.
-- A document delivered again (a later export of the same interaction) replaces the earlier one:
-- the latest load wins, then the later file path, then the later record in the file.

with

source as (

    select * from {{ source('cxengage', 'interactions') }}

),

parsed as (

    select
        json_transform(record, '{{ cxengage_interaction_structure() }}') as interaction,
        _file_sha256 as loaded_from_file_sha256,
        {{ raw_lineage_columns() }}
    from source

),

versioned as (

    select
        interaction.interactionId as interaction_id,
        *,
        row_number() over (
            partition by interaction.interactionId
            order by loaded_at desc, loaded_from_file_path desc, loaded_from_record_index desc
        ) as version_rank,
        count(*) over (partition by interaction.interactionId) as delivery_count
    from parsed

)

select * exclude (version_rank)
from versioned
where version_rank = 1
