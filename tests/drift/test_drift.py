"""The drift test: every vendor's sample records, mutated field by field, built beside the
unmutated samples of all five vendors.

`make test` runs every mutation the samples allow once (each on one record group); `make drift`
(CCW_DRIFT=full) applies every mutation to every record group that carries the field. What is
checked is described in tests/drift/harness.py.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.drift import harness
from tests.drift.mutations import Mutation
from tests.drift.vendors import VENDORS, Record

pytestmark = pytest.mark.dbt

FULL = os.environ.get("CCW_DRIFT") == "full"


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("drift")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def records(work: Path) -> dict[str, list[Record]]:
    return harness.sample_records(work)


@pytest.fixture(scope="module")
def mutations(records: dict[str, list[Record]]) -> dict[str, list[Mutation]]:
    return {name: VENDORS[name].mutations(records[name]) for name in VENDORS}


def test_the_catalog_covers_every_kind_of_change_for_every_vendor(
    mutations: dict[str, list[Mutation]],
) -> None:
    # Every vendor's samples give each kind of mutation something to change: a field to drop, a
    # null, an empty value, an unknown field, both directions of each shape change, a repeated
    # list element. A vendor whose samples lacked one would leave that class untested. Buzzeasy's
    # feed is flat tables: its records hold no lists or objects to empty, repeat or serialise.
    scalar_kinds = {"drop", "null", "empty", "unknown_field", "as_list", "as_text", "as_number"}
    nested_kinds = {"as_scalar", "as_json_text", "repeat_element"}
    for name, vendor_mutations in mutations.items():
        kinds = {m.kind for m in vendor_mutations}
        expected = scalar_kinds if name == "buzzeasy" else scalar_kinds | nested_kinds
        assert kinds == expected, (name, expected ^ kinds)
        assert sum(m.preserving for m in vendor_mutations) >= 10, name


def test_no_mutation_breaks_the_build_or_an_untouched_record(
    work: Path, records: dict[str, list[Record]], mutations: dict[str, list[Mutation]]
) -> None:
    plan = harness.plan(records, mutations, every_group=FULL)
    # every mutation found a record group to change
    assert not plan.skipped, plan.skipped
    outcome = harness.run(work, plan)
    print(f"drift: {outcome.clone_count} mutated copies, {outcome.seconds}")
    assert not outcome.failures, "\n".join(outcome.failures[:40])
