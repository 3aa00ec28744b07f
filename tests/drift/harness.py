"""The drift run: every vendor's samples beside mutated copies of them, built with dbt, compared
with a build of the samples alone.

Each mutation is applied to a copy of one sample interaction (or lookup row) whose ids are all
renamed, so the copy never meets the original records. Both warehouses hold every vendor's
unmutated samples. The checks:

- the mutated warehouse loads every copy's file and builds (`dbt build`, every test);
- untouched: every mart row of the sample records is identical in both warehouses (but for
  fct_repeat_contacts, which links a customer's records to each other by design);
- accounted for: each copy reaches the marts, or staging for data no mart uses, or is listed in
  `staging.quarantined_records` with a reason;
- preserving mutations (an unknown field, a number sent as text, a repeated id in a list, a value
  in the other shape its documentation allows): the copy's mart rows equal the original's, once
  its ids are turned back.
"""

from __future__ import annotations

import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from tests.drift.mutations import Mutation
from tests.drift.vendors import (
    VENDORS,
    Clone,
    Record,
    candidates,
    clone,
    pick,
)
from tests.e2e.warehouse import Warehouse

BIN = Path(sys.executable).parent
_MARKER = re.compile(r"~m(\d+)~")
_NUMERIC_TOKEN = re.compile(r"(?<![0-9])([0-9]{13,})(?![0-9])")
# Columns that differ between two builds of the same data.
_VOLATILE = ("loaded_at",)
# Marts whose rows relate records to each other by design: a customer's repeat contacts link
# their interactions (a copy keeps the original's customer, so it is the original's next
# contact), and the repeat window closes by the data's latest start. They cannot be untouched
# by a copy, so the comparisons leave them out; their own tests cover them.
_CROSS_RECORD_MARTS = ("fct_repeat_contacts",)


@dataclass
class Plan:
    """The copies to build, per vendor."""

    clones: dict[str, list[Clone]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    @property
    def all(self) -> list[Clone]:
        return [c for clones in self.clones.values() for c in clones]

    def by_number(self) -> dict[int, Clone]:
        return {c.number: c for c in self.all}


def sample_records(work: Path) -> dict[str, list[Record]]:
    return {name: vendor.records(BIN / "ccw", work) for name, vendor in VENDORS.items()}


def plan(
    records: dict[str, list[Record]],
    choose: dict[str, list[Mutation]],
    every_group: bool = False,
) -> Plan:
    """One copy per chosen mutation (with `every_group`, one per record group the mutation
    changes), numbered across vendors, and one unmutated control copy of each group a
    meaning-preserving mutation was applied to."""
    result = Plan()
    number = 0
    for name, mutations in choose.items():
        vendor = VENDORS[name]
        groups = vendor.groups(records[name])
        controls: dict[int, Clone] = {}
        result.clones[name] = []
        for mutation in mutations:
            if every_group:
                targets = candidates(groups, mutation)
            else:
                picked = pick(groups, mutation)
                targets = [] if picked is None else [picked]
            if not targets:
                result.skipped.append(mutation.name)
            for index in targets:
                made = clone(vendor, groups[index], mutation, number)
                number += 1
                if mutation.preserving:
                    if index not in controls:
                        controls[index] = clone(vendor, groups[index], None, number)
                        number += 1
                    made.control = controls[index].number
                result.clones[name].append(made)
        result.clones[name].extend(controls.values())
    return result


def write(plan_: Plan, out: Path) -> dict[str, Path]:
    shutil.rmtree(out, ignore_errors=True)
    folders = {}
    for name, clones in plan_.clones.items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        for c in clones:
            c.files = VENDORS[name].write(c.records, folder, f"drift-m{c.number:05d}")
        folders[name] = folder
    return folders


# -- reading a built warehouse -------------------------------------------------------------------


@dataclass
class Snapshot:
    """Every fact and dimension row of a warehouse, with what each row belongs to."""

    columns: dict[str, list[str]]
    rows: dict[str, list[tuple[str, ...]]]
    # per mart, per row: the ids it belongs to (its own *_id columns, its interaction's, agent's
    # and queue's ids)
    identities: dict[str, list[str]]
    quarantined: list[tuple[str, str, int, str]]
    staged_files: set[str]

    def owner(self, mart: str, index: int) -> int | None:
        """The clone a row belongs to, by the marker in its ids; None for a sample row."""
        text = self.identities[mart][index]
        marker = _MARKER.search(text)
        if marker:
            return int(marker.group(1))
        numeric = _NUMERIC_TOKEN.search(text)
        if numeric:
            return int(numeric.group(1)) // 10**12 - 1
        return None


def snapshot(db: Path) -> Snapshot:
    with duckdb.connect(str(db), read_only=True) as con:
        marts = [
            t
            for (t,) in con.execute(
                "select table_name from information_schema.tables where table_schema = 'marts' "
                "and (table_name like 'fct%' or table_name like 'dim%') order by 1"
            ).fetchall()
            if t not in _CROSS_RECORD_MARTS
        ]
        interaction_ids = dict(
            con.execute(
                "select interaction_key, interaction_id from marts.fct_interactions"
            ).fetchall()
        )
        agent_ids = dict(con.execute("select agent_key, agent_id from marts.dim_agents").fetchall())
        queue_ids = dict(con.execute("select queue_key, queue_id from marts.dim_queues").fetchall())
        columns: dict[str, list[str]] = {}
        rows: dict[str, list[tuple[str, ...]]] = {}
        identities: dict[str, list[str]] = {}
        for mart in marts:
            names = [
                c
                for (c,) in con.execute(
                    "select column_name from information_schema.columns "
                    "where table_schema = 'marts' and table_name = ? order by ordinal_position",
                    [mart],
                ).fetchall()
                if c not in _VOLATILE
            ]
            selected = ", ".join(f'"{c}"' for c in names)
            data = con.execute(f"select {selected} from marts.{mart} order by 1").fetchall()
            columns[mart] = names
            rows[mart] = [tuple("" if v is None else str(v) for v in row) for row in data]
            identities[mart] = []
            for row in data:
                values = dict(zip(names, row, strict=True))
                ids = [str(v) for c, v in values.items() if c.endswith("_id") and v is not None]
                ids.append(str(interaction_ids.get(values.get("interaction_key"), "")))
                for key_column in ("agent_key", "answered_by_agent_key"):
                    ids.append(str(agent_ids.get(values.get(key_column), "")))
                ids.append(str(queue_ids.get(values.get("queue_key"), "")))
                identities[mart].append(" ".join(ids))
        quarantined: list[tuple[str, str, int, str]] = []
        has_quarantine = con.execute(
            "select count(*) from information_schema.tables "
            "where table_schema = 'staging' and table_name = 'quarantined_records'"
        ).fetchone()
        if has_quarantine and has_quarantine[0]:
            quarantined = [
                (str(a), str(b), int(c), str(d))
                for a, b, c, d in con.execute(
                    "select source_system, file_path, record_index, reason "
                    "from staging.quarantined_records"
                ).fetchall()
            ]
        staged_files: set[str] = set()
        staging_tables = con.execute(
            "select table_name from information_schema.columns where table_schema = 'staging' "
            "and column_name = 'loaded_from_file_path'"
        ).fetchall()
        for (table,) in staging_tables:
            staged_files.update(
                f
                for (f,) in con.execute(
                    f"select distinct loaded_from_file_path from staging.{table}"
                ).fetchall()
            )
    return Snapshot(columns, rows, identities, quarantined, staged_files)


# -- the run -----------------------------------------------------------------------------------


@dataclass
class Outcome:
    failures: list[str]
    clone_count: int
    seconds: dict[str, float]


def load_samples(warehouse: Warehouse, extra: dict[str, Path] | None = None) -> list[str]:
    """Load every vendor's samples (and the copies); returns the rejections the loader printed."""
    rejected: list[str] = []
    for name, vendor in VENDORS.items():
        paths = [vendor.sample, *([extra[name]] if extra and name in extra else [])]
        done = warehouse.load(vendor.source_system, *paths, *vendor.load_options)
        rejected += [line for line in done.stdout.splitlines() if line.startswith("REJECTED")]
    return rejected


def run(work: Path, plan_: Plan, baseline: Snapshot | None = None) -> Outcome:
    seconds: dict[str, float] = {}
    failures: list[str] = []
    started = time.monotonic()
    if baseline is None:
        base = Warehouse(work / "baseline")
        shutil.rmtree(base.work, ignore_errors=True)
        base.work.mkdir(parents=True)
        rejected = load_samples(base)
        assert not rejected, rejected
        base.build()
        baseline = snapshot(base.db)
        seconds["baseline"] = time.monotonic() - started
    started = time.monotonic()
    mutated = Warehouse(work / "mutated")
    shutil.rmtree(mutated.work, ignore_errors=True)
    mutated.work.mkdir(parents=True)
    folders = write(plan_, work / "copies")
    rejected = load_samples(mutated, folders)
    failures += [f"loader: {line}" for line in rejected]
    built = mutated.dbt("build")
    seconds["mutated"] = time.monotonic() - started
    if built.returncode != 0:
        failed = [
            line
            for line in built.stdout.splitlines()
            if " FAIL " in line or " ERROR " in line or "Error" in line
        ]
        failures.append("dbt build failed:\n  " + "\n  ".join(failed[:60]))
        return Outcome(failures, len(plan_.all), seconds)
    after = snapshot(mutated.db)
    failures += untouched(baseline, after)
    failures += accounted_for(plan_, after)
    failures += preserved(plan_, after)
    return Outcome(failures, len(plan_.all), seconds)


def untouched(before: Snapshot, after: Snapshot) -> list[str]:
    """Every sample row is the same with the copies beside it, and no fact row appears that no
    copy owns. (A dimension may gain a row a copy named by something other than an id: a queue
    known only by its name.)"""
    failures = []
    for mart, rows in before.rows.items():
        kept = [
            row for i, row in enumerate(after.rows.get(mart, [])) if after.owner(mart, i) is None
        ]
        missing = sorted(set(rows) - set(kept))
        extra = sorted(set(kept) - set(rows))
        if mart.startswith("dim_"):
            keys = {row[0] for row in rows}
            extra = [row for row in extra if row[0] in keys]
        if missing or extra:
            failures.append(
                f"untouched rows of {mart} changed: lost {missing[:3]}, gained {extra[:3]}"
            )
    return failures


def _owned(after: Snapshot) -> dict[int, dict[str, list[tuple[str, ...]]]]:
    owned: dict[int, dict[str, list[tuple[str, ...]]]] = {}
    for mart, rows in after.rows.items():
        for i, row in enumerate(rows):
            number = after.owner(mart, i)
            if number is not None:
                owned.setdefault(number, {}).setdefault(mart, []).append(row)
    return owned


def accounted_for(plan_: Plan, after: Snapshot) -> list[str]:
    """Each copy reaches the marts (or staging, for data no mart uses) or is quarantined."""
    owned = _owned(after)
    quarantined_files = {path for _, path, _, _ in after.quarantined}
    failures = []
    for c in plan_.all:
        files = {str(f) for f in c.files}
        if files & quarantined_files or c.number in owned:
            continue
        if files & after.staged_files and not c.feeds_marts:
            continue
        names = ", ".join(sorted(Path(f).name for f in files))
        failures.append(f"{c.name}: neither in the marts nor quarantined ({names})")
    return failures


def _restored(
    c: Clone, rows: dict[str, list[tuple[str, ...]]], columns: dict[str, list[str]]
) -> dict[str, list[tuple[str, ...]]]:
    """A copy's mart rows with its ids turned back and the hashed keys left out."""
    out = {}
    for mart, names in columns.items():
        keep = [i for i, name in enumerate(names) if not name.endswith("_key")]
        out[mart] = sorted(
            tuple(c.renaming.restore(row[i]) for i in keep) for row in rows.get(mart, [])
        )
    return out


def preserved(plan_: Plan, after: Snapshot) -> list[str]:
    """A copy under a meaning-preserving mutation has exactly its unmutated control's rows."""
    owned = _owned(after)
    clones = plan_.by_number()
    failures = []
    for c in plan_.all:
        if c.mutation is None and c.feeds_marts and c.number not in owned:
            failures.append(f"{c.name}: the unmutated copy reached no mart, so nothing compares")
        if c.mutation is None or c.control is None:
            continue
        control = clones[c.control]
        mine = _restored(c, owned.get(c.number, {}), after.columns)
        theirs = _restored(control, owned.get(control.number, {}), after.columns)
        for mart in after.columns:
            if mine[mart] != theirs[mart]:
                lost = [r for r in theirs[mart] if r not in mine[mart]][:2]
                gained = [r for r in mine[mart] if r not in theirs[mart]][:2]
                failures.append(
                    f"{c.name}: {mart} differs from the unmutated copy: "
                    f"lost {lost}, gained {gained}"
                )
    return failures
