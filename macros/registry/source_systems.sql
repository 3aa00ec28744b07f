{#- The vendor registry (dbt_project.yml, var `source_systems`), read in one place.

    source_systems(concept): the source systems, in registry order; given a conformed concept
    (interactions, segments, ...), only those that map their records to it, i.e. those with an
    int_<concept>__<source_system> model.

    source_system_entry(source_system): the registry entry of one source system; a name the
    registry does not hold stops the build. -#}

{% macro source_systems(concept=none) -%}
    {%- set names = [] -%}
    {%- for entry in var('source_systems') -%}
        {%- if concept is none or concept in entry.concepts -%}
            {%- do names.append(entry.source_system) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(names) }}
{%- endmacro %}


{% macro source_system_entry(source_system) -%}
    {%- for entry in var('source_systems') -%}
        {%- if entry.source_system == source_system -%}
            {{ return(entry) }}
        {%- endif -%}
    {%- endfor -%}
    {{ exceptions.raise_compiler_error(
        "source system '" ~ source_system ~ "' is not in the registry (var source_systems)"
    ) }}
{%- endmacro %}


{#- A vendor's satisfaction rating mapped onto [-1, 1] with the scale the registry gives it. -#}
{% macro vendor_rating_to_score(rating, source_system) -%}
    {%- set scale = source_system_entry(source_system).csat_scale -%}
    {%- if scale | length != 2 -%}
        {{ exceptions.raise_compiler_error(
            "the registry gives " ~ source_system ~ " no csat_scale [min, max]"
        ) }}
    {%- endif -%}
    {{ rating_to_score(rating, scale[0], scale[1]) }}
{%- endmacro %}
