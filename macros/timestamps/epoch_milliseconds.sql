{#- Epoch milliseconds (a number, or its text) as a UTC TIMESTAMP, for vendors that send times
    that way (NICE transcript block metadata, CxEngage transcript messages). NULL when the value
    is not a number or lies outside the timestamp range, never an error. -#}
{% macro epoch_milliseconds(number_expression) -%}
    {{ return(adapter.dispatch('epoch_milliseconds')(number_expression)) }}
{%- endmacro %}

{% macro default__epoch_milliseconds(number_expression) -%}
    try(make_timestamp(try_cast({{ number_expression }} as bigint) * 1000))
{%- endmacro %}

{% macro spark__epoch_milliseconds(number_expression) -%}
    {%- set milliseconds = cast_or_null(number_expression, 'bigint') -%}
    case
        when abs({{ milliseconds }}) < 253402300800000 then timestamp_millis({{ milliseconds }})
    end
{%- endmacro %}
