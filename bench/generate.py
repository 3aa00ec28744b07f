"""Deterministic vendor exports at scale, from the bundled sample shapes.

    python bench/generate.py nice_cxone --out /tmp/nice --megabytes 500
    python bench/generate.py nice_cxone --out /tmp/new --megabytes 5 --start 60000 --reprocess 0.2
    python bench/generate.py buzzeasy --out /tmp/buzzeasy --megabytes 50

The same vendor, seed, start and size always give the same bytes. `--start` numbers the first
record, so a later batch gets ids no earlier batch has. Load the Kore SmartAssist output with
`ccw load kore_smartassist` with the sample's load options (its times are IST, like the sample).
"""

from __future__ import annotations

import argparse
import importlib
import time
from collections.abc import Callable
from pathlib import Path

Generator = Callable[..., tuple[int, int]]
# One module per vendor, named for its source_system: bench/generators/<source_system>.py.
GENERATORS: dict[str, Generator] = {
    path.stem: importlib.import_module(f"generators.{path.stem}").generate
    for path in sorted((Path(__file__).parent / "generators").glob("*.py"))
    if not path.stem.startswith("_")
}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("vendor", choices=sorted(GENERATORS))
    parser.add_argument("--out", type=Path, required=True, help="folder to write the files to")
    parser.add_argument("--megabytes", type=float, default=100.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--records-per-file", type=int, default=1000)
    parser.add_argument(
        "--start", type=int, default=0, help="first record number (for later batches)"
    )
    parser.add_argument(
        "--reprocess",
        type=float,
        default=0.0,
        help="nice_cxone only: share of records that are reprocessed older segments",
    )
    args = parser.parse_args()
    options: dict[str, object] = {
        "seed": args.seed,
        "start": args.start,
        "records_per_file": args.records_per_file,
    }
    if args.reprocess:
        if args.vendor != "nice_cxone":
            parser.error("--reprocess applies to nice_cxone only")
        options["reprocess"] = args.reprocess
    started = time.monotonic()
    records, size = GENERATORS[args.vendor](args.out, args.megabytes, **options)
    seconds = time.monotonic() - started
    print(f"{records:,} {args.vendor} records, {size / 1e6:,.1f} MB in {args.out} ({seconds:.1f}s)")


if __name__ == "__main__":
    main()
