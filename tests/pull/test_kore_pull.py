"""`ccw pull kore_smartassist` against a local fake that keeps the documented limits (limit at
most 100, offset at most 10, a window of at most 7 days) and misbehaves on request."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest
from tests.pull.fakes import FakeKore, kore_sessions

from ccw.cli import main

TOKEN = "eyJhbGciOiJIUzI1NiJ9.test.token"
ACCOUNT = "66bc4a29bdaafdb08461abcd"
START = datetime(2024, 9, 1)


@pytest.fixture(autouse=True)
def token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KORE_SMARTASSIST_TOKEN", TOKEN)


def pull(api: FakeKore, tmp_path: Path, *options: str) -> int:
    return main(
        [
            "pull",
            "kore_smartassist",
            "--url",
            api.url,
            "--account-id",
            ACCOUNT,
            "--timezone-offset",
            "-330",
            "--db",
            str(tmp_path / "w.duckdb"),
            "--landing",
            str(tmp_path / "landing"),
            "--timeout",
            "2",
            *options,
        ]
    )


def landed_session_ids(tmp_path: Path) -> Counter[str]:
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        rows = con.execute(
            "select record->>'sessionId' from raw.kore_smartassist__sessions"
        ).fetchall()
    return Counter(row[0] for row in rows)


def test_a_dense_ten_days_lands_every_session_once_within_the_limits(tmp_path: Path) -> None:
    sessions = kore_sessions(2500, START, days=10)
    with FakeKore(sessions, TOKEN, ACCOUNT) as api:
        api.every_429 = 4
        status = pull(api, tmp_path, "--since", "2024-09-01", "--until", "2024-09-10")
        windows = {(r["start"], r["end"]) for r in api.log}
    assert status == 0
    counts = landed_session_ids(tmp_path)
    assert len(counts) == 2500 and set(counts.values()) == {1}
    # 7 days hold 1,750 sessions, past the 1,100 a window reaches: the pull split it.
    assert all(end - start <= (datetime(2024, 9, 8) - START) for start, end in windows)
    assert len(windows) > 2
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        (offsets,) = con.execute(
            "select list(distinct _assumed_timezone) from raw.kore_smartassist__sessions"
        ).fetchone() or ([],)
        state = con.execute(
            "select position, finished from raw._pull_state where source_system = "
            "'kore_smartassist'"
        ).fetchall()
    assert offsets == ["+05:30"]
    assert state == [("2024-09-10 23:59:59", True)]


def test_a_rerun_adds_nothing_and_a_later_run_continues_from_the_last_end(
    tmp_path: Path,
) -> None:
    sessions = kore_sessions(300, START, days=6)
    with FakeKore(sessions, TOKEN, ACCOUNT) as api:
        assert pull(api, tmp_path, "--since", "2024-09-01", "--until", "2024-09-03") == 0
        first = sum(landed_session_ids(tmp_path).values())
        assert pull(api, tmp_path, "--since", "2024-09-01", "--until", "2024-09-03") == 0
        assert sum(landed_session_ids(tmp_path).values()) == first
        api.log.clear()
        # No --since: from the end of the last pull, less the overlap.
        assert pull(api, tmp_path, "--until", "2024-09-06", "--overlap-minutes", "0") == 0
        assert min(r["start"] for r in api.log) == datetime(2024, 9, 4)
    counts = landed_session_ids(tmp_path)
    assert len(counts) == 300 and set(counts.values()) == {1}


def test_faults_are_retried_and_every_session_lands_once(tmp_path: Path) -> None:
    sessions = kore_sessions(450, START, days=3)
    with FakeKore(sessions, TOKEN, ACCOUNT) as api:
        api.retry_after = "1"
        api.faults = {1: "429", 2: "500", 3: "slow", 5: "truncated", 7: "not_json"}
        began = time.monotonic()
        status = pull(api, tmp_path, "--since", "2024-09-01", "--until", "2024-09-03")
        elapsed = time.monotonic() - began
    assert status == 0
    counts = landed_session_ids(tmp_path)
    assert len(counts) == 450 and set(counts.values()) == {1}
    # Retry-After: 1 was waited, and the slow answer (3 s) outlasted the 2 s timeout.
    assert elapsed >= 3


def test_an_expired_token_stops_at_once_naming_the_variable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with FakeKore(kore_sessions(50, START, days=1), TOKEN, ACCOUNT) as api:
        api.faults = {1: "expired"}
        status = pull(api, tmp_path, "--since", "2024-09-01", "--until", "2024-09-01")
        assert api.requests == 1
    assert status == 2
    assert "KORE_SMARTASSIST_TOKEN" in capsys.readouterr().err


def test_a_missing_token_is_refused_before_any_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("KORE_SMARTASSIST_TOKEN")
    with FakeKore([], TOKEN, ACCOUNT) as api:
        assert pull(api, tmp_path, "--since", "2024-09-01") == 2
        assert api.requests == 0
    assert "set KORE_SMARTASSIST_TOKEN" in capsys.readouterr().err


def test_a_failing_window_stops_the_pull_and_the_next_run_resumes_after_the_last_landed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sessions = kore_sessions(200, START, days=20)
    with FakeKore(sessions, TOKEN, ACCOUNT) as api:
        # The third window's request fails on every attempt.
        api.faults = {3: "500", 4: "500"}
        options = ("--since", "2024-09-01", "--until", "2024-09-20")
        assert pull(api, tmp_path, *options, "--attempts", "2") == 2
        assert "failed 2 times" in capsys.readouterr().err
        landed_before = sum(landed_session_ids(tmp_path).values())
        assert landed_before == 140  # two windows of 7 days, 10 sessions a day
        assert main(["status", "--db", str(tmp_path / "w.duckdb")]) == 0
        status_lines = capsys.readouterr().out.splitlines()
        assert any(
            line.split()[:5]
            == ["kore_smartassist", "interactionDetails", "2024-09-14", "23:59:59", "unfinished"]
            for line in status_lines
        ), status_lines
        api.log.clear()
        assert pull(api, tmp_path, *options) == 0
        assert min(r["start"] for r in api.log) == datetime(2024, 9, 15)
    counts = landed_session_ids(tmp_path)
    assert len(counts) == 200 and set(counts.values()) == {1}


def test_a_killed_pull_resumes_from_the_last_landed_window(tmp_path: Path) -> None:
    sessions = kore_sessions(200, START, days=20)
    with FakeKore(sessions, TOKEN, ACCOUNT) as api:
        api.faults = {3: "hang"}
        command = [
            str(Path(sys.executable).parent / "ccw"),
            "pull",
            "kore_smartassist",
            "--url",
            api.url,
            "--account-id",
            ACCOUNT,
            "--timezone-offset",
            "-330",
            "--db",
            str(tmp_path / "w.duckdb"),
            "--landing",
            str(tmp_path / "landing"),
            "--since",
            "2024-09-01",
            "--until",
            "2024-09-20",
        ]
        process = subprocess.Popen(
            command, env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            assert api.hanging.wait(60), "the pull never reached its third window"
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait()
        assert sum(landed_session_ids(tmp_path).values()) == 140
        api.log.clear()
        assert pull(api, tmp_path, "--since", "2024-09-01", "--until", "2024-09-20") == 0
        assert min(r["start"] for r in api.log) == datetime(2024, 9, 15)
    counts = landed_session_ids(tmp_path)
    assert len(counts) == 200 and set(counts.values()) == {1}


def test_every_response_is_kept_as_a_file_that_ccw_load_can_replay(tmp_path: Path) -> None:
    with FakeKore(kore_sessions(120, START, days=2), TOKEN, ACCOUNT) as api:
        assert pull(api, tmp_path, "--since", "2024-09-01", "--until", "2024-09-02") == 0
    files = sorted((tmp_path / "landing" / "kore_smartassist").glob("*/*.json"))
    assert [f.name for f in files] == [
        "interactionDetails_20240901T000000_20240902T235959_offset-00.json",
        "interactionDetails_20240901T000000_20240902T235959_offset-01.json",
    ]
    replay = tmp_path / "replay.duckdb"
    status = main(
        [
            "load",
            "kore_smartassist",
            str(files[0].parent),
            "--db",
            str(replay),
            "--assume-timezone",
            "-330",
        ]
    )
    assert status == 0
    with duckdb.connect(str(replay), read_only=True) as con:
        assert con.execute("select count(*) from raw.kore_smartassist__sessions").fetchone() == (
            120,
        )


def test_pages_without_num_results_are_read_while_full_and_dense_windows_split(
    tmp_path: Path,
) -> None:
    with FakeKore(kore_sessions(1500, START, days=5), TOKEN, ACCOUNT) as api:
        api.num_results = False
        assert pull(api, tmp_path, "--since", "2024-09-01", "--until", "2024-09-05") == 0
    counts = landed_session_ids(tmp_path)
    assert len(counts) == 1500 and set(counts.values()) == {1}


def test_windows_stay_within_seven_calendar_days_from_any_start_time(tmp_path: Path) -> None:
    with FakeKore(kore_sessions(400, START, days=20), TOKEN, ACCOUNT) as api:
        api.calendar_days = True
        status = pull(api, tmp_path, "--since", "2024-09-01 12:00:00", "--until", "2024-09-20")
    assert status == 0
    counts = landed_session_ids(tmp_path)
    # Sessions from noon on the first day: 20 a day, so 10 of the first day's are earlier.
    assert len(counts) == 390 and set(counts.values()) == {1}


def test_an_empty_window_pulled_again_in_another_offset_is_no_conflict(tmp_path: Path) -> None:
    with FakeKore([], TOKEN, ACCOUNT) as api:
        assert pull(api, tmp_path, "--since", "2024-09-01", "--until", "2024-09-01") == 0
        status = main(
            [
                "pull",
                "kore_smartassist",
                "--url",
                api.url,
                "--account-id",
                ACCOUNT,
                "--timezone-offset",
                "0",
                "--since",
                "2024-09-01",
                "--until",
                "2024-09-01",
                "--db",
                str(tmp_path / "w.duckdb"),
                "--landing",
                str(tmp_path / "landing"),
            ]
        )
    assert status == 0


def test_a_count_lower_than_the_sessions_does_not_cut_the_window_short(tmp_path: Path) -> None:
    with FakeKore(kore_sessions(450, START, days=3), TOKEN, ACCOUNT) as api:
        api.num_results_short_by = 150
        assert pull(api, tmp_path, "--since", "2024-09-01", "--until", "2024-09-03") == 0
    counts = landed_session_ids(tmp_path)
    assert len(counts) == 450 and set(counts.values()) == {1}


def test_an_error_answered_with_200_stops_before_the_window_counts_as_done(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with FakeKore(kore_sessions(100, START, days=5), TOKEN, ACCOUNT) as api:
        api.error_body = True
        assert pull(api, tmp_path, "--since", "2024-09-01", "--until", "2024-09-05") == 2
        assert "without a `data` list" in capsys.readouterr().err
        api.error_body = False
        assert pull(api, tmp_path, "--since", "2024-09-01", "--until", "2024-09-05") == 0
    counts = landed_session_ids(tmp_path)
    assert len(counts) == 100 and set(counts.values()) == {1}


def test_a_range_ending_after_now_is_continued_from_now_not_from_its_end(
    tmp_path: Path,
) -> None:
    now = datetime.now(UTC).replace(tzinfo=None) + timedelta(minutes=330)
    with FakeKore([], TOKEN, ACCOUNT) as api:
        tomorrow = (now + timedelta(days=1)).strftime("%Y-%m-%d")
        assert pull(api, tmp_path, "--since", f"{now:%Y-%m-%d}", "--until", tomorrow) == 0
        api.log.clear()
        assert pull(api, tmp_path, "--until", tomorrow) == 0
        restart = min(r["start"] for r in api.log)
    # The second pull starts an hour (the default overlap) before the first one's now.
    assert timedelta(minutes=55) < now - restart < timedelta(minutes=65)


def test_urls_and_tokens_that_cannot_work_are_one_line_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with FakeKore([], TOKEN, ACCOUNT) as api:
        with pytest.raises(SystemExit) as exited:
            main(
                [
                    "pull",
                    "kore_smartassist",
                    "--url",
                    "smartassist.kore.ai",
                    "--account-id",
                    ACCOUNT,
                    "--timezone-offset",
                    "-330",
                ]
            )
        assert exited.value.code == 2
        assert "is not an http:// or https:// URL" in capsys.readouterr().err
        monkeypatch.setenv("KORE_SMARTASSIST_TOKEN", "tökén")
        assert pull(api, tmp_path, "--since", "2024-09-01") == 2
        assert "KORE_SMARTASSIST_TOKEN holds characters other than ASCII" in (
            capsys.readouterr().err
        )
        assert api.requests == 0
