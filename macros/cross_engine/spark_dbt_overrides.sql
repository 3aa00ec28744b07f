{#- Spark versions of dbt's cross-database macros where dbt-spark's are wrong for this project
    (dbt_project.yml dispatches `dbt` to this project first). Measured on dbt-spark 1.11.0:
    datediff 'millisecond' lacked its outer parentheses (`datediff / 1000.0` gave 1749.75 for
    1.5 s), dateadd truncated to whole seconds and added nothing for 'millisecond', and listagg
    ignored its order by. DuckDB keeps dbt-duckdb's. -#}

{% macro spark__datediff(first_date, second_date, datepart) -%}
    {%- set micros = {'millisecond': 1000, 'second': 1000000, 'minute': 60000000, 'hour': 3600000000} -%}
    {%- if datepart in micros -%}
        (
            floor(unix_micros(cast({{ second_date }} as timestamp)) / {{ micros[datepart] }})
            - floor(unix_micros(cast({{ first_date }} as timestamp)) / {{ micros[datepart] }})
        )
    {%- else -%}
        ({{ dbt_spark.spark__datediff(first_date, second_date, datepart) }})
    {%- endif -%}
{%- endmacro %}


{% macro spark__dateadd(datepart, interval, from_date_or_timestamp) -%}
    {%- set units = {
        'millisecond': 'MILLISECOND', 'second': 'SECOND', 'minute': 'MINUTE', 'hour': 'HOUR',
        'day': 'DAY', 'week': 'WEEK', 'month': 'MONTH', 'quarter': 'QUARTER', 'year': 'YEAR'
    } -%}
    timestampadd({{ units[datepart | lower] }}, {{ interval }}, cast({{ from_date_or_timestamp }} as timestamp))
{%- endmacro %}


{% macro spark__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- if order_by_clause -%}
        {%- set order_expression = order_by_clause | replace('order by', '', 1) | trim -%}
        {%- set descending = order_expression.lower().endswith(' desc') -%}
        {%- set order_expression = order_expression[:-5] if descending else (order_expression[:-4] if order_expression.lower().endswith(' asc') else order_expression) -%}
        {%- set items -%}
            transform(
                array_sort(
                    collect_list(named_struct('sort_key', {{ order_expression }}, 'item', {{ measure }})),
                    (left_item, right_item) -> {{ '-' if descending }}case
                        when left_item.sort_key < right_item.sort_key then -1
                        when left_item.sort_key > right_item.sort_key then 1
                        else 0
                    end
                ),
                entry -> entry.item
            )
        {%- endset -%}
    {%- else -%}
        {%- set items = 'collect_list(' ~ measure ~ ')' -%}
    {%- endif -%}
    {%- if limit_num -%}
        array_join(slice({{ items }}, 1, {{ limit_num }}), {{ delimiter_text }})
    {%- else -%}
        array_join({{ items }}, {{ delimiter_text }})
    {%- endif -%}
{%- endmacro %}


{#- Seeds on Spark: dbt-spark's session cursor pastes each value between quotes without escaping
    them, so a value holding an apostrophe ("the customer's") breaks the INSERT. The values are
    written as SQL literals here instead: quotes doubled, backslashes escaped (Spark reads
    backslash escapes in literals), NULL for empty cells. -#}
{% macro spark__load_csv_rows(model, agate_table) -%}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set statements = [] -%}
    {%- for chunk in agate_table.rows | batch(get_batch_size()) -%}
        {%- set sql -%}
            insert into {{ this.render() }} values
            {% for row in chunk -%}
                ({%- for col_name in agate_table.column_names -%}
                    {%- set type = column_override.get(col_name, adapter.convert_type(agate_table, loop.index0)) -%}
                    {%- set value = row[loop.index0] -%}
                    {%- if value is none -%}
                        cast(null as {{ type }})
                    {%- elif value is number and value is not boolean -%}
                        cast({{ value }} as {{ type }})
                    {%- else -%}
                        cast('{{ value | string | replace("\\", "\\\\") | replace("'", "''") }}' as {{ type }})
                    {%- endif -%}
                    {%- if not loop.last %}, {% endif -%}
                {%- endfor -%})
                {%- if not loop.last %},{% endif %}
            {% endfor %}
        {%- endset -%}
        {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
        {%- if loop.first -%}{%- do statements.append(sql) -%}{%- endif -%}
    {%- endfor -%}
    {{ return(statements[0] if statements else '') }}
{%- endmacro %}
