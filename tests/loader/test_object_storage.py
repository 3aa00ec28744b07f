"""`ccw load <source_system> s3://bucket/prefix/` against a local S3 server (moto's server mode):
objects are listed and copied through fsspec, then loaded with the same hash skip, manifest
and rejects as local files, each recorded under its URL."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from pathlib import Path

import boto3
import duckdb
import pytest
from moto.server import ThreadedMotoServer

from ccw.cli import main

PROJECT = Path(__file__).resolve().parents[2]
SAMPLES = PROJECT / "sample_data"


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@pytest.fixture
def bucket(
    s3_endpoint: str, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> str:
    """A fresh bucket holding the bundled NICE and CCAI Platform samples, with the
    environment a user of an S3-compatible service sets."""
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": s3_endpoint,
    }.items():
        monkeypatch.setenv(name, value)
    name = "cc-exports-" + request.node.name.replace("_", "-")[:40].lower().strip("-")
    client = boto3.client("s3", endpoint_url=s3_endpoint)
    client.create_bucket(Bucket=name)
    for vendor in ("nice_cxone", "ccai_platform"):
        for path in sorted((SAMPLES / vendor).rglob("*.json")):
            key = f"{vendor}/{path.relative_to(SAMPLES / vendor)}"
            client.put_object(Bucket=name, Key=key, Body=path.read_bytes())
    client.put_object(Bucket=name, Key="nice_cxone/README.txt", Body=b"not an export")
    return name


def load(tmp_path: Path, source_system: str, *urls: str) -> int:
    return main(
        [
            "load",
            source_system,
            *urls,
            "--db",
            str(tmp_path / "w.duckdb"),
            "--landing",
            str(tmp_path / "landing"),
        ]
    )


def manifest(tmp_path: Path) -> list[tuple[str, str, int]]:
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        return [
            (str(path), str(status), int(records))
            for path, status, records in con.execute(
                "select file_path, status, record_count from raw._load_files order by all"
            ).fetchall()
        ]


def test_objects_under_a_prefix_load_like_local_files_recorded_by_url(
    tmp_path: Path, bucket: str
) -> None:
    assert load(tmp_path, "nice_cxone", f"s3://{bucket}/nice_cxone/") == 0
    local = tmp_path / "local"
    local.mkdir()
    assert load(local, "nice_cxone", str(SAMPLES / "nice_cxone")) == 0
    remote_rows, local_rows = manifest(tmp_path), manifest(local)
    assert [row[0] for row in remote_rows] == [
        f"s3://{bucket}/nice_cxone/{path.relative_to(SAMPLES / 'nice_cxone')}"
        for path in sorted((SAMPLES / "nice_cxone").rglob("*.json"))
    ]
    assert [row[1:] for row in remote_rows] == [row[1:] for row in local_rows]
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        prefixes = con.execute(
            "select distinct split_part(_file_path, '/', 1) from raw.nice_cxone__segments"
        ).fetchall()
    assert prefixes == [("s3:",)]


def test_a_second_load_of_the_same_objects_adds_nothing(
    tmp_path: Path, bucket: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert load(tmp_path, "ccai_platform", f"s3://{bucket}/ccai_platform/") == 0
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        before = con.execute("select count(*) from raw.ccai_platform__calls").fetchone()
    capsys.readouterr()
    assert load(tmp_path, "ccai_platform", f"s3://{bucket}/ccai_platform/") == 0
    assert "0 files loaded" in capsys.readouterr().out
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        after = con.execute("select count(*) from raw.ccai_platform__calls").fetchone()
    assert after == before


def test_another_vendors_object_is_rejected_by_its_url(
    tmp_path: Path, bucket: str, capsys: pytest.CaptureFixture[str]
) -> None:
    first = sorted((SAMPLES / "ccai_platform").rglob("*.json"))[0]
    key = f"ccai_platform/{first.relative_to(SAMPLES / 'ccai_platform')}"
    assert load(tmp_path, "nice_cxone", f"s3://{bucket}/{key}") == 1
    out = capsys.readouterr().out
    assert f"REJECTED s3://{bucket}/{key}: looks like" in out
    assert ("s3://" + bucket + "/" + key, "rejected", 0) in manifest(tmp_path)


def test_a_missing_bucket_names_the_url_and_the_credentials(
    tmp_path: Path, bucket: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert load(tmp_path, "nice_cxone", "s3://no-such-bucket-here/exports/") == 2
    err = capsys.readouterr().err
    assert "s3://no-such-bucket-here/exports/" in err
    assert "AWS_ACCESS_KEY_ID" in err
    assert not (tmp_path / "w.duckdb").exists()


@pytest.fixture
def gcs_bucket(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A bucket on a local Google Cloud Storage emulator holding the CCAI Platform sample, with
    the variable gcsfs reads to use it. (gcsfs's bucket-layout probe speaks gRPC, which the
    emulator does not: GCSFS_EXPERIMENTAL_ZB_HNS_SUPPORT=false turns it off.)"""
    from gcp_storage_emulator.server import create_server

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = create_server("127.0.0.1", port, in_memory=True, default_bucket="ccaip-metadata")
    server.start()
    monkeypatch.setenv("STORAGE_EMULATOR_HOST", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("GCSFS_EXPERIMENTAL_ZB_HNS_SUPPORT", "false")
    try:
        import fsspec

        fs = fsspec.filesystem("gs", skip_instance_cache=True)
        for path in sorted((SAMPLES / "ccai_platform").rglob("*.json")):
            fs.pipe(f"ccaip-metadata/{path.relative_to(SAMPLES)}", path.read_bytes())
        yield "ccaip-metadata"
    finally:
        server.stop()


def test_objects_in_google_cloud_storage_load_recorded_by_url(
    tmp_path: Path, gcs_bucket: str
) -> None:
    assert load(tmp_path, "ccai_platform", f"gs://{gcs_bucket}/ccai_platform/") == 0
    rows = manifest(tmp_path)
    assert len(rows) == len(list((SAMPLES / "ccai_platform").rglob("*.json")))
    assert all(path.startswith(f"gs://{gcs_bucket}/ccai_platform/") for path, _, _ in rows)
    assert {status for _, status, _ in rows} == {"loaded"}


def test_an_endpoint_that_does_not_answer_is_one_line_naming_the_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
        "AWS_MAX_ATTEMPTS": "1",
    }.items():
        monkeypatch.setenv(name, value)
    assert load(tmp_path, "nice_cxone", "s3://cc-exports/nice/") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("ccw load: s3://cc-exports/nice/ cannot be listed:"), err
