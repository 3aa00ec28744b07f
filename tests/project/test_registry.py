"""The vendor registry (dbt_project.yml, var source_systems) agrees with the code around it: the
loader's vendor index, the bundled samples, and the per-vendor models the unions and integrity
tests take from it."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml
from tests.e2e.warehouse import PROJECT

from ccw.registry import RegisteredVendor, read_registry
from ccw.vendors import VENDORS

REGISTRY = read_registry(PROJECT)
MODELS = PROJECT / "models"
CONCEPTS = sorted(p.name for p in (MODELS / "intermediate").iterdir() if p.is_dir())


def seed_vocabularies() -> dict[str, set[str]]:
    with (PROJECT / "seeds" / "conformed_vocabularies.csv").open(encoding="utf-8") as handle:
        seed: dict[str, set[str]] = {}
        for row in csv.DictReader(handle):
            seed.setdefault(row["vocabulary"], set()).add(row["value"])
    return seed


def test_the_registry_and_the_loader_know_the_same_vendors() -> None:
    assert sorted(vendor.source_system for vendor in REGISTRY) == sorted(VENDORS)
    assert len({vendor.display_name for vendor in REGISTRY}) == len(REGISTRY)


@pytest.mark.parametrize("vendor", REGISTRY, ids=lambda vendor: vendor.source_system)
def test_each_vendor_has_what_the_registry_promises(vendor: RegisteredVendor) -> None:
    spec = VENDORS[vendor.source_system]
    # its sample loads with the options the registry gives it
    assert (PROJECT / "sample_data" / vendor.source_system).is_dir()
    assert ("--assume-timezone" in vendor.sample_load_options) == spec.needs_timezone
    # its staging folder, its quarantine list and its integrity totals
    staging = MODELS / "staging" / vendor.source_system
    assert list(staging.glob(f"_{vendor.source_system}__sources.yml"))
    assert (staging / f"stg_{vendor.source_system}__quarantined_records.sql").is_file()
    totals = MODELS / "intermediate" / "grain_totals"
    assert (totals / f"int_grain_totals__{vendor.source_system}.sql").is_file()
    # a mapping for every concept it names, and none it does not name
    assert set(vendor.concepts) <= set(CONCEPTS), set(vendor.concepts) - set(CONCEPTS)
    mapped = {
        concept
        for concept in CONCEPTS
        if (
            MODELS / "intermediate" / concept / f"int_{concept}__{vendor.source_system}.sql"
        ).is_file()
    }
    assert mapped - {"grain_totals"} == set(vendor.concepts)
    # a rating scale when it sends ratings (a csat mapping reads it)
    assert len(vendor.csat_scale) in (0, 2)
    if vendor.csat_scale:
        assert vendor.csat_scale[0] < vendor.csat_scale[1]
        assert "sentiment" in vendor.concepts


def test_every_mapping_belongs_to_a_registered_vendor() -> None:
    registered = {vendor.source_system for vendor in REGISTRY}
    for path in (MODELS / "intermediate").glob("*/int_*__*.sql"):
        assert path.stem.split("__", 1)[1] in registered, path


def test_every_vocabulary_column_is_described_with_the_seeds_values() -> None:
    """Descriptions name a vocabulary's values for readers (directly or through a docs block);
    they must name every value the seed holds, so docs and tests cannot drift apart."""
    seed = seed_vocabularies()
    docs_text = (MODELS / "marts" / "_marts__docs.md").read_text(encoding="utf-8")
    blocks = dict(re.findall(r"\{% docs (\w+) %\}\n(.*?)\n\{% enddocs %\}", docs_text, re.DOTALL))
    described = 0
    for path in (MODELS / "marts").rglob("*.yml"):
        for model in yaml.safe_load(path.read_text(encoding="utf-8")).get("models", []):
            for column in model.get("columns", []):
                if column["name"] not in seed:
                    continue
                text = re.sub(
                    r"\{\{\s*doc\('(\w+)'\)\s*\}\}",
                    lambda match: blocks[match.group(1)],
                    column.get("description", ""),
                )
                missing = {v for v in seed[column["name"]] if not re.search(rf"\b{v}\b", text)}
                assert not missing, (model["name"], column["name"], missing)
                described += 1
    assert described >= 15


def test_every_vocabulary_column_of_the_marts_is_tested_against_the_seed() -> None:
    vocabularies = set(seed_vocabularies())
    tested = 0
    for path in (MODELS / "marts").rglob("*.yml"):
        for model in yaml.safe_load(path.read_text(encoding="utf-8")).get("models", []):
            for column in model.get("columns", []):
                if column["name"] not in vocabularies:
                    continue
                tests = column.get("data_tests", [])
                names = [next(iter(t)) if isinstance(t, dict) else t for t in tests]
                assert "accepted_values" not in names, (model["name"], column["name"])
                vocabulary_tests = [
                    t["in_vocabulary"]["arguments"]["vocabulary"]
                    for t in tests
                    if isinstance(t, dict) and "in_vocabulary" in t
                ]
                assert vocabulary_tests == [column["name"]], (model["name"], column["name"])
                tested += 1
    assert tested >= 15


def test_no_mart_yaml_lists_the_vendors() -> None:
    for path in [*(MODELS / "marts").rglob("*.yml"), MODELS / "staging" / "_staging__models.yml"]:
        assert "kore_smartassist" not in Path(path).read_text(encoding="utf-8"), path
