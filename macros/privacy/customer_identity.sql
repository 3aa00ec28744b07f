{#-
    Who the customer of an interaction is, for repeat-contact analysis without personal data in
    the marts.

    customer_identifier(contacts, vendor_id, source_system): the first usable of `contacts`
    (phone numbers or e-mail addresses, told apart by '@'), normalised: an e-mail lower-cased
    ('email:ana@example.com'), a phone number reduced to its digits ('phone:15550100199', at
    least six); else the vendor's own customer id, scoped to the vendor ('id:kore_smartassist:u-1').
    Clear text: intermediate models only.

    customer_key(identifier): a salted SHA-256 of that identifier, the only form that reaches the
    marts. The salt is the DuckDB variable `ccw_customer_key_salt`, which the project's dbt plugin
    (ccw.dbt_plugin) sets on every connection from $CCW_CUSTOMER_KEY_SALT, so it never appears in
    compiled SQL, logs or the docs site. Without it the build stops before any model runs
    (require_customer_key_salt, an on-run-start hook), and the expression itself raises if it is
    ever evaluated without one. The error is cast to text: DuckDB types a bare error() as NULL
    and would fold `NULL || ...` to NULL without running it.
-#}

{% macro customer_identifier(contacts, vendor_id=none, source_system=none) -%}
    coalesce(
        {%- for contact in contacts %}
        case
            when {{ contact }} like '%@%' then 'email:' || lower(trim({{ contact }}))
            when length({{ regexp_replace_all(contact, '[^0-9]', '') }}) >= 6
                then 'phone:' || {{ regexp_replace_all(contact, '[^0-9]', '') }}
        end,
        {%- endfor %}
        {%- if vendor_id %}
        'id:{{ source_system }}:' || nullif(trim(cast({{ vendor_id }} as {{ dbt.type_string() }})), '')
        {%- else %}
        cast(null as {{ dbt.type_string() }})
        {%- endif %}
    )
{%- endmacro %}


{% macro customer_key(identifier) -%}
    case
        when {{ identifier }} is not null
            then {{ adapter.dispatch('salted_sha256')(identifier) }}
    end
{%- endmacro %}


{#- SHA-256 (hex) of the salt, '|' and the text. DuckDB: the salt is the variable the dbt plugin
    sets. Spark: the session conf spark.ccw.customer_key_salt, which the `spark` profile fills
    from $CCW_CUSTOMER_KEY_SALT; the compiled SQL carries `${...}`, Spark substitutes it. -#}
{% macro default__salted_sha256(identifier) -%}
    sha256(
        coalesce(
            getvariable('ccw_customer_key_salt'),
            cast(error('{{ customer_key_salt_missing() }}') as {{ dbt.type_string() }})
        )
        || '|'
        || {{ identifier }}
    )
{%- endmacro %}

{% macro spark__salted_sha256(identifier) -%}
    sha2(
        coalesce(
            nullif('${spark.ccw.customer_key_salt}', ''),
            cast(raise_error('{{ customer_key_salt_missing() }}') as string)
        )
        || '|'
        || {{ identifier }},
        256
    )
{%- endmacro %}


{#- Whether the salt is set for this connection (require_customer_key_salt). -#}
{% macro customer_key_salt_is_set_sql() -%}
    {{ return(adapter.dispatch('customer_key_salt_is_set_sql')()) }}
{%- endmacro %}

{% macro default__customer_key_salt_is_set_sql() -%}
    select getvariable('ccw_customer_key_salt') is not null
{%- endmacro %}

{% macro spark__customer_key_salt_is_set_sql() -%}
    select '${spark.ccw.customer_key_salt}' <> ''
{%- endmacro %}


{% macro customer_key_salt_missing() -%}
    {{ return(
        'CCW_CUSTOMER_KEY_SALT is not set: customer_key needs a secret salt from the environment.'
        ~ ' Export it from your secret store, or run dbt through make, which keeps one in'
        ~ ' .customer_key_salt'
    ) }}
{%- endmacro %}


{#- on-run-start: stop a run or build before any model when a selected model calls customer_key
    and the salt is unset, so no mart is written with NULL or unsalted keys. -#}
{% macro require_customer_key_salt() -%}
    {%- if execute and flags.WHICH in ('build', 'run') -%}
        {%- set salted = [] -%}
        {%- for unique_id in selected_resources -%}
            {%- set node = graph.nodes.get(unique_id) -%}
            {%- if node and 'macro.' ~ project_name ~ '.customer_key' in node.depends_on.macros -%}
                {%- do salted.append(node.name) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if salted -%}
            {%- set salt_set = run_query(customer_key_salt_is_set_sql()).columns[0].values()[0] -%}
            {%- if not salt_set -%}
                {{ exceptions.raise_compiler_error(
                    customer_key_salt_missing() ~ '. Nothing was built (' ~ salted | join(', ')
                    ~ ' need it).'
                ) }}
            {%- endif -%}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
