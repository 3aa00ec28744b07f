"""The README's "Pull from the APIs" block runs as written against the local fakes: only its
placeholders (URLs, tokens, the tenant, the id file) are filled in, and `dbt build` is left to
the end-to-end tests."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import datetime
from pathlib import Path

import duckdb
from tests.e2e.test_readme_commands import MAKE_VARIABLES, readme_block
from tests.e2e.warehouse import BIN
from tests.pull.fakes import (
    FakeBuzzeasy,
    FakeCxEngage,
    FakeKore,
    cxengage_interaction,
    kore_sessions,
)

KORE_TOKEN = "readme-kore-token"
BUZZEASY_TOKEN = "readme-buzzeasy-token"
TENANT = "2336d1ec-c956-47e1-b3b1-fe8fde81b2b4"
IDS = [f"b2109780-db83-11e7-9709-{n:012x}" for n in range(5)]


def test_the_pull_block_runs_as_written(tmp_path: Path) -> None:
    block = readme_block("## Pull from the APIs")
    account = re.search(r"--account-id (\S+)", block)
    assert account, block
    kore = FakeKore(kore_sessions(60, datetime(2026, 3, 1), days=10), KORE_TOKEN, account[1])
    buzzeasy = FakeBuzzeasy(
        {"Calls": [{"id": "call-1"}], "Chats": [{"id": "chat-1"}], "Queues": [{"id": "q-1"}]},
        BUZZEASY_TOKEN,
        page_size=5,
    )
    cxengage = FakeCxEngage({i: cxengage_interaction(i, TENANT, 0) for i in IDS}, TENANT)
    (tmp_path / ".venv").symlink_to(BIN.parent)
    (tmp_path / "interaction-ids.txt").write_text("\n".join(IDS) + "\n")
    with kore, buzzeasy, cxengage:
        filled = {
            "export KORE_SMARTASSIST_TOKEN=...": f"export KORE_SMARTASSIST_TOKEN={KORE_TOKEN}",
            "export BUZZEASY_TOKEN=...": f"export BUZZEASY_TOKEN={BUZZEASY_TOKEN}",
            "export CXENGAGE_API_KEY=... CXENGAGE_API_SECRET=...": (
                f"export CXENGAGE_API_KEY={cxengage.key} CXENGAGE_API_SECRET={cxengage.secret}"
            ),
            "https://smartassist.kore.ai": kore.url,
            "https://<your feed>/odata": f"{buzzeasy.url}/odata",
            "https://api.cxengage.net": cxengage.url,
            "<tenant>": TENANT,
            ".venv/bin/dbt build\n": "",
        }
        for placeholder, value in filled.items():
            assert placeholder in block, placeholder
            block = block.replace(placeholder, value)
        env = {k: v for k, v in os.environ.items() if k not in MAKE_VARIABLES}
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", block],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    assert done.returncode == 0, (done.stdout[-3000:], done.stderr[-3000:])
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        counts = {
            table: con.execute(f"select count(*) from raw.{table}").fetchone()
            for table in (
                "kore_smartassist__sessions",
                "buzzeasy__calls",
                "buzzeasy__chats",
                "buzzeasy__queues",
                "cxengage__interactions",
            )
        }
    assert counts == {
        "kore_smartassist__sessions": (60,),
        "buzzeasy__calls": (1,),
        "buzzeasy__chats": (1,),
        "buzzeasy__queues": (1,),
        "cxengage__interactions": (5,),
    }
