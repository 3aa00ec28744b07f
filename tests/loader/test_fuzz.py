"""Fuzzing the loader: whatever a file holds (arbitrary bytes, arbitrary JSON), the loader never
ends in a traceback, the file ends loaded or rejected in the manifest, and the good file beside it
always loads."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.queries import query

from ccw.cli import EXIT_OK, EXIT_REJECTED, main

GOOD = json.dumps({"interactionId": "i-good"})

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=30,
)
# Objects that look like the vendor's, so some of them load.
interactions = st.fixed_dictionaries(
    {"interactionId": st.text(min_size=1, max_size=20)},
    optional={"segments": json_values, "channelType": st.text()},
)


def outcome_of(content: bytes, name: str) -> tuple[int, list[tuple[object, ...]]]:
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "exports"
        folder.mkdir()
        (folder / "good.json").write_text(GOOD)
        (folder / name).write_bytes(content)
        db = Path(work) / "w.duckdb"
        code = main(["load", "cxengage", str(folder), "--db", str(db)])
        manifest = query(
            db, "select regexp_extract(file_path, '[^/]+$'), status from raw._load_files order by 1"
        )
        good = query(
            db,
            "select count(*) from raw.cxengage__interactions"
            " where record ->> 'interactionId' = 'i-good'",
        )
        assert good == [(1,)]
        return code, manifest


def check(content: bytes, name: str = "fuzzed.json") -> None:
    code, manifest = outcome_of(content, name)
    assert code in (EXIT_OK, EXIT_REJECTED)
    statuses = dict((str(file), str(status)) for file, status in manifest)
    assert statuses["good.json"] == "loaded"
    # identical content to the good file is skipped as a duplicate; anything else is decided
    assert statuses[name] in ("loaded", "rejected", "skipped")
    assert (statuses[name] == "rejected") == (code == EXIT_REJECTED)


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(content: bytes) -> None:
    check(content)


@FUZZ
@given(json_values)
def test_arbitrary_json(value: object) -> None:
    check(json.dumps(value).encode())


@FUZZ
@given(st.lists(interactions, max_size=4) | interactions)
def test_vendor_like_json(value: object) -> None:
    check(json.dumps(value).encode())


@FUZZ
@given(st.binary(max_size=500))
def test_arbitrary_bytes_in_a_gzip_named_file(content: bytes) -> None:
    check(content, "fuzzed.json.gz")
