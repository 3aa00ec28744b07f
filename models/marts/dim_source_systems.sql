-- One row per vendor export the warehouse conforms: the vendor registry (dbt_project.yml, var
-- source_systems) as a table, so every fact's source_system is tested against it and BI tools can
-- show the vendor's name.

{{ config(materialized='table') }}

with

registry as (

    {% for entry in var('source_systems') %}
        select
            '{{ entry.source_system }}' as source_system,
            '{{ entry.display_name | replace("'", "''") }}' as display_name,
            '{{ entry.export | replace("'", "''") }}' as export_name,
            '{{ entry.vendor_doc | replace("'", "''") }}' as vendor_doc,
            cast(
                {{ entry.csat_scale[0] if entry.csat_scale else 'null' }} as {{ dbt.type_int() }}
            ) as csat_scale_min,
            cast(
                {{ entry.csat_scale[1] if entry.csat_scale else 'null' }} as {{ dbt.type_int() }}
            ) as csat_scale_max,
            '{{ entry.concepts | join(",") }}' as conformed_concepts
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select
    source_system,
    display_name,
    export_name,
    vendor_doc,
    csat_scale_min,
    csat_scale_max,
    conformed_concepts
from registry
