-- The staging helpers read every shape a vendor's documentation allows, and never raise: each
-- row is one sent and the value the helper must give for it. Any row returned is a helper
-- that read a shape wrong. DuckDB only: it builds its JSON inputs with DuckDB's casts; on Spark
-- the same helpers are checked by tests/spark/test_macro_parity.py.

{{ config(enabled=target.type == 'duckdb') }}

with

lists as (

    select
        cases.sent,
        cases.expected_list,
        cases.expected_texts
    from (
        values
        -- a list, one value, a missing or null value, an empty list, a list repeating an id
        ('["a", "b"]', '["a", "b"]', ['a', 'b']),
        ('"a"', '["a"]', ['a']),
        ('7', '[7]', ['7']),
        ('{"k": 1}', '[{"k":1}]', ['{"k":1}']),
        ('null', null, null),
        (null, null, null),
        ('[]', '[]', []),
        ('["101", 101, "101", " ", ""]', '["101", 101, "101", " ", ""]', ['101'])
    ) as cases (sent, expected_list, expected_texts)

),

list_failures as (

    select
        'json_as_list / json_text_list' as helper,
        sent,
        cast({{ json_as_list('cast(sent as json)') }} as varchar) as actual,
        cast(expected_list as varchar) as expected
    from lists
    where
        cast({{ json_as_list('cast(sent as json)') }} as json)
        is distinct from cast(expected_list as json)
        or list_sort({{ json_text_list('cast(sent as json)') }})
        is distinct from list_sort(expected_texts)

),

documents as (

    select
        cases.sent,
        cases.expected_segments
    from (
        values
        -- a list stays, one object becomes a list of it, a missing or null key stays missing;
        -- the document's other keys are kept
        ('{"segments": [{"id": 1}], "x": 1}', '[{"id":1}]'),
        ('{"segments": {"id": 1}, "x": 1}', '[{"id":1}]'),
        ('{"x": 1}', null),
        ('{"segments": null, "x": 1}', null)
    ) as cases (sent, expected_segments)

),

document_failures as (

    select
        'json_with_lists' as helper,
        sent,
        cast({{ json_with_lists('cast(sent as json)', ['segments']) }} as varchar) as actual,
        expected_segments as expected
    from documents
    where
        ({{ json_with_lists('cast(sent as json)', ['segments']) }} -> '$.segments')
        is distinct from cast(expected_segments as json)
        or ({{ json_with_lists('cast(sent as json)', ['segments']) }} ->> '$.x')
        is distinct from '1'

),

objects as (

    select
        cases.sent,
        cases.expected
    from (
        values
        -- an object, or its JSON text, read the same; other text stays text
        ('{"a": 1}', '{"a": 1}'),
        ('"{\"a\": 1}"', '{"a": 1}'),
        ('"not json"', '"not json"'),
        ('"12"', '"12"'),
        ('null', 'null')
    ) as cases (sent, expected)

),

object_failures as (

    select
        'json_object_value' as helper,
        sent,
        cast({{ json_object_value('cast(sent as json)') }} as varchar) as actual,
        expected
    from objects
    where
        cast({{ json_object_value('cast(sent as json)') }} as json)
        is distinct from cast(expected as json)

),

texts as (

    select
        cases.first_text,
        cases.second_text,
        cases.expected
    from (
        values
        -- blank is absent, and does not hide the next value; text is trimmed
        ('', 'b', 'b'),
        ('  ', null, null),
        (' a ', 'b', 'a'),
        (null, ' b', 'b')
    ) as cases (first_text, second_text, expected)

),

text_failures as (

    select
        'blank_as_null / coalesce_text' as helper,
        coalesce(first_text, '(null)') || ' | ' || coalesce(second_text, '(null)') as sent,
        {{ coalesce_text(['first_text', 'second_text']) }} as actual,
        expected
    from texts
    where {{ coalesce_text(['first_text', 'second_text']) }} is distinct from expected

),

durations as (

    select
        cases.sent,
        cases.expected
    from (
        values
        -- seconds as a number or text, a clock duration, an ISO 8601 / OData duration
        ('4', 4.0),
        ('4.5', 4.5),
        ('00:01:05', 65.0),
        ('PT1M5S', 65.0),
        ('PT1H2M3.5S', 3723.5),
        ('P1DT2H', 93600.0),
        ('PT', null),
        ('soon', null),
        (null, null)
    ) as cases (sent, expected)

),

duration_failures as (

    select
        'duration_seconds' as helper,
        sent,
        cast({{ duration_seconds('sent') }} as varchar) as actual,
        cast(expected as varchar) as expected
    from durations
    where {{ duration_seconds('sent') }} is distinct from expected

),

times as (

    select
        cases.helper,
        cases.sent,
        cases.actual,
        cases.expected
    from (
        values
        -- the first candidate that is a time wins; a garbled one does not hide the next
        (
            'utc_timestamp',
            'garbled, then +03:00',
            {{ utc_timestamp(["'soon'", "'2026-03-02T12:00:00+03:00'"]) }},
            timestamp '2026-03-02 09:00:00'
        ),
        -- epoch milliseconds as a number or text; out of range is NULL, not an error
        (
            'epoch_milliseconds',
            '1772442000000',
            {{ epoch_milliseconds("'1772442000000'") }},
            timestamp '2026-03-02 09:00:00'
        ),
        (
            'epoch_milliseconds',
            'too large',
            {{ epoch_milliseconds("'99999999999999999'") }},
            null
        ),
        -- seconds added to a time; an infinite or huge number of seconds is NULL
        (
            'add_seconds',
            '+90 s',
            {{ add_seconds("timestamp '2026-03-02 09:00:00'", '90') }},
            timestamp '2026-03-02 09:01:30'
        ),
        (
            'add_seconds',
            '1e300 s',
            {{ add_seconds("timestamp '2026-03-02 09:00:00'", '1e300') }},
            null
        )
    ) as cases (helper, sent, actual, expected)

),

time_failures as (

    select
        helper,
        sent,
        cast(actual as varchar) as actual,
        cast(expected as varchar) as expected
    from times
    where actual is distinct from expected

)

select * from list_failures
union all
select * from document_failures
union all
select * from object_failures
union all
select * from text_failures
union all
select * from duration_failures
union all
select * from time_failures
