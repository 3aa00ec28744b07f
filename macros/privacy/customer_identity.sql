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
    compiled SQL, logs or the docs site. Without it the build stops with a message.
-#}

{% macro customer_identifier(contacts, vendor_id=none, source_system=none) -%}
    coalesce(
        {%- for contact in contacts %}
        case
            when {{ contact }} like '%@%' then 'email:' || lower(trim({{ contact }}))
            when length(regexp_replace({{ contact }}, '[^0-9]', '', 'g')) >= 6
                then 'phone:' || regexp_replace({{ contact }}, '[^0-9]', '', 'g')
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
            then sha256(
                coalesce(
                    getvariable('ccw_customer_key_salt'),
                    error(
                        'CCW_CUSTOMER_KEY_SALT is not set: customer_key needs a secret salt from '
                        || 'the environment (make creates one in .customer_key_salt)'
                    )
                )
                || '|'
                || {{ identifier }}
            )
    end
{%- endmacro %}
