"""The vendor registry, read from Python.

The registry is the dbt variable `source_systems` in the project's dbt_project.yml: one entry per
vendor export, with its display name, documentation, rating scale, the options its bundled sample
loads with, and the conformed concepts it feeds. dbt reads it for the unions and
marts.dim_source_systems; `make load`, the tests and the bench read it through this module.
`python -m ccw.registry samples` prints `<source_system> <sample load options>` per vendor.
"""

from __future__ import annotations

import shlex
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]

PROJECT_FILE = "dbt_project.yml"


@dataclass(frozen=True)
class RegisteredVendor:
    source_system: str
    display_name: str
    export: str
    vendor_doc: str
    csat_scale: tuple[int, ...]
    sample_load_options: tuple[str, ...]
    concepts: tuple[str, ...]


def read_registry(project_dir: Path | None = None) -> list[RegisteredVendor]:
    """The registry's entries, in order, from `project_dir`/dbt_project.yml (default: the
    current directory)."""
    path = (project_dir or Path.cwd()) / PROJECT_FILE
    project: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        RegisteredVendor(
            source_system=str(entry["source_system"]),
            display_name=str(entry["display_name"]),
            export=str(entry["export"]),
            vendor_doc=str(entry["vendor_doc"]),
            csat_scale=tuple(int(value) for value in entry.get("csat_scale") or ()),
            sample_load_options=tuple(shlex.split(entry.get("sample_load_options") or "")),
            concepts=tuple(str(concept) for concept in entry["concepts"]),
        )
        for entry in project["vars"]["source_systems"]
    ]


def main(argv: list[str]) -> int:
    if argv != ["samples"]:
        print("usage: python -m ccw.registry samples", file=sys.stderr)
        return 2
    for vendor in read_registry():
        print(vendor.source_system, shlex.join(vendor.sample_load_options))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
