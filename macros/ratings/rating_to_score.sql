{#- A satisfaction rating on the vendor's scale [scale_min, scale_max], mapped linearly onto
    [-1, 1] so ratings compare across vendors. Ratings outside the scale become NULL. -#}
{% macro rating_to_score(rating, scale_min, scale_max) -%}
    case
        when {{ rating }} between {{ scale_min }} and {{ scale_max }}
            then -1.0 + 2.0 * ({{ rating }} - {{ scale_min }}) / ({{ scale_max }} - {{ scale_min }})
    end
{%- endmacro %}
