"""The README's "Load your own exports" block works as written.

The block runs in a scratch copy of the project, in a shell with none of the variables `make`
sets, after what `make run` leaves behind (the .venv and the salt file); only its `/data/...`
placeholders become the bundled sample folders.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
from pathlib import Path

import duckdb
import pytest
from tests.e2e.warehouse import BIN, PROJECT, copy_project

pytestmark = pytest.mark.dbt

MAKE_VARIABLES = ("WAREHOUSE_PATH", "DBT_PROFILES_DIR", "CCW_CUSTOMER_KEY_SALT", "SERVING_PATH")


def readme_block(heading: str) -> str:
    """The first ```sh block under a README heading."""
    text = (PROJECT / "README.md").read_text()
    section = text[text.index(f"\n{heading}\n") :]
    match = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert match, heading
    return match.group(1)


def with_samples(block: str) -> str:
    """Each `ccw load <vendor> /data/...` placeholder as that vendor's bundled samples."""
    replaced = re.sub(
        r"(ccw load (\w+) )/data/\S+", lambda m: f"{m.group(1)}sample_data/{m.group(2)}", block
    )
    assert "/data/" not in replaced
    return replaced


def test_the_load_your_own_exports_block_runs_as_written(tmp_path: Path) -> None:
    copy = copy_project(tmp_path / "project")
    (copy / ".venv").symlink_to(BIN.parent)
    (copy / ".customer_key_salt").write_text(secrets.token_hex(32) + "\n")
    env = {k: v for k, v in os.environ.items() if k not in MAKE_VARIABLES}
    env["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"

    block = with_samples(readme_block("## Load your own exports"))
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", block],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 0, (done.stdout[-4000:], done.stderr[-2000:])
    assert "Completed successfully" in done.stdout
    assert "source system / entity" in done.stdout  # ccw status ran last
    with duckdb.connect(str(copy / "warehouse.duckdb"), read_only=True) as con:
        vendors = con.execute(
            "select source_system, count(*), count(customer_key)"
            " from marts.fct_interactions group by 1 order by 1"
        ).fetchall()
    assert [v[0] for v in vendors] == [
        "buzzeasy",
        "ccai_platform",
        "cxengage",
        "kore_smartassist",
        "nice_cxone",
    ]
    assert all(keyed > 0 for _, _, keyed in vendors), vendors
