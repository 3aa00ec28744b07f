"""`ccw pull cxengage` against a local fake of "Get a Specific Interaction"."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import duckdb
import pytest
from tests.pull.fakes import FakeCxEngage, cxengage_interaction

from ccw.cli import main

TENANT = "2336d1ec-c956-47e1-b3b1-fe8fde81b2b4"
IDS = [f"b2109780-db83-11e7-9709-{number:012x}" for number in range(120)]


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> FakeCxEngage:
    interactions = {i: cxengage_interaction(i, TENANT, n) for n, i in enumerate(IDS)}
    fake = FakeCxEngage(interactions, TENANT)
    monkeypatch.setenv("CXENGAGE_API_KEY", fake.key)
    monkeypatch.setenv("CXENGAGE_API_SECRET", fake.secret)
    return fake


def pull(api: FakeCxEngage, tmp_path: Path, ids: list[str], *options: str) -> int:
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text("# interaction ids\n" + "\n".join(ids) + "\n\n", encoding="utf-8")
    return main(
        [
            "pull",
            "cxengage",
            "--url",
            api.url,
            "--tenant-id",
            TENANT,
            "--ids",
            str(ids_file),
            "--db",
            str(tmp_path / "w.duckdb"),
            "--landing",
            str(tmp_path / "landing"),
            "--timeout",
            "2",
            *options,
        ]
    )


def landed(tmp_path: Path) -> Counter[str]:
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        rows = con.execute(
            "select record->>'interactionId' from raw.cxengage__interactions"
        ).fetchall()
    return Counter(row[0] for row in rows)


def test_each_interaction_lands_once_through_faults_and_reruns(
    api: FakeCxEngage, tmp_path: Path
) -> None:
    with api:
        api.faults = {3: "429", 10: "500", 20: "not_json", 30: "truncated"}
        assert pull(api, tmp_path, IDS) == 0
        assert pull(api, tmp_path, IDS) == 0
    counts = landed(tmp_path)
    assert len(counts) == 120 and set(counts.values()) == {1}


def test_an_unknown_id_is_reported_and_the_others_land(
    api: FakeCxEngage, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = "00000000-0000-0000-0000-000000000000"
    with api:
        assert pull(api, tmp_path, [*IDS[:5], missing]) == 1
    assert len(landed(tmp_path)) == 5
    assert f"NOT FOUND (404): {missing}" in capsys.readouterr().out


def test_refused_credentials_name_both_variables(
    api: FakeCxEngage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CXENGAGE_API_SECRET", "wrong")
    with api:
        assert pull(api, tmp_path, IDS[:3]) == 2
    err = capsys.readouterr().err
    assert "CXENGAGE_API_KEY" in err and "CXENGAGE_API_SECRET" in err


def test_a_stopped_pull_goes_on_from_the_first_chunk_not_landed(
    api: FakeCxEngage, tmp_path: Path
) -> None:
    with api:
        # The API goes down during the second chunk of 50 ids.
        api.down_from = 51
        assert pull(api, tmp_path, IDS, "--attempts", "2") == 2
        assert len(landed(tmp_path)) == 50
        api.down_from = 0
        api.log.clear()
        assert pull(api, tmp_path, IDS) == 0
        assert len(api.log) == 70
    counts = landed(tmp_path)
    assert len(counts) == 120 and set(counts.values()) == {1}


def test_a_line_that_is_no_id_names_the_file_and_line(
    api: FakeCxEngage, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with api:
        assert pull(api, tmp_path, [IDS[0], "not an id"]) == 2
        assert api.requests == 0
    assert "ids.txt, line 3: 'not an id' is not an interaction id" in capsys.readouterr().err


def test_an_id_the_api_refuses_is_reported_and_the_others_land(
    api: FakeCxEngage, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with api:
        assert pull(api, tmp_path, [*IDS[:3], "legacy-42"]) == 1
    assert len(landed(tmp_path)) == 3
    assert "REFUSED legacy-42: GET " in capsys.readouterr().out


def test_an_id_the_api_always_fails_on_is_reported_and_the_others_land(
    api: FakeCxEngage, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = IDS[7]
    with api:
        api.failing_paths = {f"/v1/tenants/{TENANT}/interactions/{broken}"}
        assert pull(api, tmp_path, IDS[:20], "--attempts", "2") == 1
    assert len(landed(tmp_path)) == 19
    assert f"REFUSED {broken}: GET " in capsys.readouterr().out


def test_ids_that_differ_only_in_unsafe_characters_keep_their_own_files(
    api: FakeCxEngage, tmp_path: Path
) -> None:
    twins = ["b2109780:db83", "b2109780_db83"]
    for number, twin in enumerate(twins):
        api.interactions[twin] = cxengage_interaction(twin, TENANT, number)
    api.uuid_ids_only = False
    with api:
        assert pull(api, tmp_path, twins) == 0
    assert sorted(landed(tmp_path)) == sorted(twins)
