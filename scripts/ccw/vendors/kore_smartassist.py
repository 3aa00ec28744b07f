"""Kore.ai SmartAssist `interactionDetails` responses.

A response is `{"numResults": n, "data": [...]}` with one element per session; a file holds one
response (or, as `.jsonl`, one response per line). Session times carry no offset: they are local
to the `timeZoneOffset` the request was made with, so every load names that offset
(`--assume-timezone`), which staging uses to convert each time to UTC.
"""

from __future__ import annotations

from ccw.spec import VendorSpec

SPEC = VendorSpec(
    source_system="kore_smartassist",
    title="Kore.ai SmartAssist interaction details",
    document_name="a Kore.ai SmartAssist interactionDetails response",
    signature_keys=("numResults", "data"),
    entities=("sessions",),
    # One record per element of `data`; a response without a `data` list yields one JSON null,
    # which is not a record, so the file is rejected rather than loaded empty.
    records_sql="""
        with responses as (
            select
                file_path,
                doc_index,
                coalesce(try_cast(doc -> '$.data' as json[]), ['null'::json]) as sessions
            from documents
        )
        select
            file_path,
            doc_index,
            generate_subscripts(sessions, 1) - 1 as element_index,
            'sessions' as entity,
            unnest(sessions) as record
        from responses
    """,
    required_keys={"sessions": ("sessionId",)},
    shape_hint='a SmartAssist interactionDetails response ({"numResults": n, "data": [sessions]})',
    needs_timezone=True,
    timezone_hint=(
        "It is the request's timeZoneOffset in minutes with the JavaScript sign, reversed: "
        "timeZoneOffset -330 is --assume-timezone +05:30, 300 is -05:00."
    ),
)
