"""A sixth vendor is its own files plus a handful of shared ones.

In a scratch copy of the project, a small made-up vendor ("acme_voice": a JSON array of calls)
is added the way the README's "Add a vendor" section says: its loader module, staging folder,
intermediate mappings, integrity totals and sample, plus an entry in the vendor registry and one
line in the loader's vendor index. Every vendor's sample is then loaded from the registry and the
project is built with every test. The build must pass with the new vendor in the marts, and the
files that existed before and had to change must be at most five (the registry, the loader's
index, the Makefile's sample line, README and DECISIONLOG; here only the first two).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import textwrap
from pathlib import Path

import duckdb
import pytest
from tests.e2e.warehouse import BIN, PROJECT_PARTS, copy_project

pytestmark = pytest.mark.dbt

ALLOWED_SHARED = {
    "dbt_project.yml",
    "scripts/ccw/vendors/__init__.py",
    "Makefile",
    "README.md",
    "DECISIONLOG.md",
}

LOADER = '''
"""Acme Voice call exports: a JSON array of calls, one record each."""

from __future__ import annotations

from ccw.spec import VendorSpec

SPEC = VendorSpec(
    source_system="acme_voice",
    title="Acme Voice call exports",
    document_name="an Acme Voice call export",
    signature_keys=("callId", "answeredBy", "callStart"),
    entities=("calls",),
    records_sql="""
        select file_path, doc_index, 0 as element_index, 'calls' as entity, doc as record
        from documents
    """,
    required_keys={"calls": ("callId",)},
    shape_hint="a JSON array of Acme Voice calls",
)
'''

FILES = {
    "models/staging/acme_voice/_acme_voice__sources.yml": """
        version: 2
        sources:
        - name: acme_voice
          description: Acme Voice call exports, landed by `ccw load acme_voice`.
          schema: raw
          tables:
          - name: calls
            identifier: acme_voice__calls
            description: One row per call record, as delivered.
    """,
    "models/staging/acme_voice/_acme_voice__models.yml": """
        version: 2
        models:
        - name: stg_acme_voice__calls
          description: One row per Acme Voice call; the latest delivery wins.
          columns:
          - name: call_id
            description: The call's id.
            data_tests: [unique, not_null]
        - name: stg_acme_voice__quarantined_records
          description: Acme Voice records without a callId.
    """,
    "models/staging/acme_voice/stg_acme_voice__calls.sql": """
        {{ config(unique_key='call_id') }}

        with

        source as (

            select * from {{ source('acme_voice', 'calls') }}
            where {{ loaded_since_last_build() }}

        ),

        renamed as (

            select
                {{ json_text('record', 'callId') }} as call_id,
                {{ json_text('record', 'direction') }} as direction,
                {{ json_text('record', 'callerNumber') }} as caller_number,
                {{ utc_timestamp(json_text('record', 'callStart')) }} as started_at,
                {{ utc_timestamp(json_text('record', 'callEnd')) }} as ended_at,
                {{ raw_lineage_columns() }}
            from source
            where {{ json_text('record', 'callId') }} is not null

        ),

        latest as (

            {{ latest_delivery('renamed', 'call_id') }}

        )

        select * from latest
    """,
    "models/staging/acme_voice/stg_acme_voice__quarantined_records.sql": """
        {{ config(materialized='table') }}

        select
            'acme_voice' as source_system,
            'acme_voice__calls' as raw_table,
            _file_path as file_path,
            _record_index as record_index,
            _file_sha256 as file_sha256,
            _batch_id as batch_id,
            _loaded_at as loaded_at,
            cast(null as varchar) as record_id,
            'no callId' as reason
        from {{ source('acme_voice', 'calls') }}
        where {{ json_text('record', 'callId') }} is null
    """,
    "models/intermediate/interactions/int_interactions__acme_voice.sql": """
        select
            'acme_voice' as source_system,
            call_id as interaction_id,
            'voice' as channel,
            'call' as channel_raw,
            case direction when 'in' then 'inbound' when 'out' then 'outbound' else 'other' end
                as direction,
            direction as direction_raw,
            cast(null as varchar) as disposition_name,
            started_at,
            ended_at,
            loaded_at,
            {{ customer_identifier(['caller_number']) }} as customer_identifier
        from {{ ref('stg_acme_voice__calls') }}
    """,
    "models/intermediate/interactions/int_interactions__acme_voice.yml": """
        version: 2
        models:
        - name: int_interactions__acme_voice
          description: Acme Voice calls as conformed interactions (one call, one interaction).
    """,
    "models/intermediate/segments/int_segments__acme_voice.sql": """
        select
            'acme_voice' as source_system,
            call_id as segment_id,
            call_id as interaction_id,
            0 as segment_sequence,
            'voice' as channel,
            case direction when 'in' then 'inbound' when 'out' then 'outbound' else 'other' end
                as direction,
            started_at,
            ended_at,
            cast(null as varchar) as agent_id,
            cast(null as varchar) as queue_id,
            'new_interaction' as start_reason,
            cast(null as varchar) as start_reason_raw,
            'completed' as end_reason,
            cast(null as varchar) as end_reason_raw,
            false as is_transfer,
            loaded_at
        from {{ ref('stg_acme_voice__calls') }}
    """,
    "models/intermediate/segments/int_segments__acme_voice.yml": """
        version: 2
        models:
        - name: int_segments__acme_voice
          description: Acme Voice calls as conformed segments (one segment per call).
    """,
    "models/intermediate/grain_totals/int_grain_totals__acme_voice.sql": """
        select
            'acme_voice' as source_system,
            grain,
            row_count,
            cast(null as double) as measure_total
        from (
            select 'interactions' as grain, count(*) as row_count
            from {{ ref('stg_acme_voice__calls') }}
            union all
            select 'segments' as grain, count(*) as row_count
            from {{ ref('stg_acme_voice__calls') }}
        ) as totals
    """,
    "models/intermediate/grain_totals/int_grain_totals__acme_voice.yml": """
        version: 2
        models:
        - name: int_grain_totals__acme_voice
          description: The rows Acme Voice staging holds per conformed grain.
    """,
}

# indented as the registry's entries are in dbt_project.yml
REGISTRY_ENTRY = """\
    - source_system: acme_voice
      display_name: Acme Voice
      export: Acme Voice call exports
      vendor_doc: acme-voice.txt
      csat_scale: []
      sample_load_options: ""
      concepts: [interactions, segments]
"""

SAMPLE = [
    {
        "callId": "ac-1",
        "direction": "in",
        "callerNumber": "+15550100199",
        "callStart": "2026-03-02T09:00:00Z",
        "callEnd": "2026-03-02T09:04:00Z",
        "answeredBy": "desk-1",
    },
    {
        "callId": "ac-2",
        "direction": "out",
        "callerNumber": "+15550100200",
        "callStart": "2026-03-02T10:00:00+01:00",
        "callEnd": "2026-03-02T10:02:30+01:00",
        "answeredBy": "desk-2",
    },
]


def digests(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def add_vendor(copy: Path) -> None:
    """What a developer adds for the sixth vendor: its own files, then the shared lines."""
    (copy / "scripts/ccw/vendors/acme_voice.py").write_text(LOADER.lstrip())
    for name, text in FILES.items():
        path = copy / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip())
    sample = copy / "sample_data/acme_voice/2026-03-02/calls.json"
    sample.parent.mkdir(parents=True)
    sample.write_text(json.dumps(SAMPLE))
    # the shared lines: the registry entry and the loader's index
    project = copy / "dbt_project.yml"
    lines = project.read_text().splitlines(keepends=True)
    start = lines.index("  source_systems:\n")
    # after the registry's last entry: the next line indented as a sibling of source_systems
    end = next(i for i in range(start + 1, len(lines)) if re.match(r"  \S|\S", lines[i]))
    project.write_text("".join([*lines[:end], REGISTRY_ENTRY, *lines[end:]]))
    index = copy / "scripts/ccw/vendors/__init__.py"
    text = index.read_text()
    text = text.replace(
        "from ccw.vendors import buzzeasy,",
        "from ccw.vendors import acme_voice, buzzeasy,",
    ).replace("        cxengage.SPEC,", "        acme_voice.SPEC,\n        cxengage.SPEC,")
    index.write_text(text)


def test_a_sixth_vendor_touches_at_most_five_shared_files(tmp_path: Path) -> None:
    copy = copy_project(tmp_path / "project", (*PROJECT_PARTS, "Makefile", "scripts"))
    before = digests(copy)

    add_vendor(copy)

    after = digests(copy)
    changed = {name for name in before if after.get(name) != before[name]}
    assert changed <= ALLOWED_SHARED, changed - ALLOWED_SHARED
    assert len(changed) <= 5
    added = set(after) - set(before)
    assert all("acme_voice" in name for name in added), added

    # the copy's package (with the new vendor) comes before the installed one
    env = {
        **os.environ,
        "PYTHONPATH": str(copy / "scripts"),
        "WAREHOUSE_PATH": str(copy / "warehouse.duckdb"),
        "DBT_PROFILES_DIR": str(copy),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }

    def run(*command: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(part) for part in command], cwd=copy, env=env, capture_output=True, text=True
        )

    samples = run(BIN / "python", "-m", "ccw.registry", "samples")
    assert samples.returncode == 0, samples.stderr
    loaded = [line.split(" ", 1) for line in samples.stdout.splitlines()]
    assert [vendor for vendor, _ in loaded][-1] == "acme_voice"
    for vendor, options in loaded:
        done = run(
            BIN / "python",
            "-m",
            "ccw.cli",
            "load",
            vendor,
            f"sample_data/{vendor}",
            *options.split(),
        )
        assert done.returncode == 0, done.stdout + done.stderr
    build = run(BIN / "dbt", "build")
    assert build.returncode == 0, build.stdout[-6000:]

    with duckdb.connect(str(copy / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute(
            "select display_name from marts.dim_source_systems where source_system = 'acme_voice'"
        ).fetchall() == [("Acme Voice",)]
        assert con.execute(
            "select interaction_id, direction, duration_seconds, loaded_at is not null"
            " from marts.fct_interactions where source_system = 'acme_voice' order by 1"
        ).fetchall() == [("ac-1", "inbound", 240.0, True), ("ac-2", "outbound", 150.0, True)]
        assert con.execute(
            "select count(*) from marts.fct_segments where source_system = 'acme_voice'"
        ).fetchall() == [(2,)]
