"""`make lint`'s check that the models stay portable between DuckDB and Spark.

Every engine-specific construct lives in a dispatched macro (macros/cross_engine, and the
dispatched macros of macros/json and macros/timestamps); the models call those. This check reads
every model's and data test's SQL and fails when a DuckDB-only function or syntax appears in it:
in the SQL text itself, and in the SQL fragments passed to macros as string literals inside
`{{ ... }}` and `{% ... %}`. Comments are not checked, nor a test enabled on DuckDB only
(`enabled=target.type == 'duckdb'`).

    python -m ccw.portability [PATH ...]    (default: models tests)
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

# DuckDB-only functions and syntax, with the macro that replaces each.
DUCKDB_ONLY: tuple[tuple[str, str], ...] = (
    (r"\bjson_(?:transform|extract\w*|type|array|object|merge_patch|keys)\s*\(", "json macros"),
    (r"->>|->\s*'", "json_text_at / json_at"),
    (r"\bunnest\s*\(|\bgenerate_subscripts\s*\(", "unnest_with_index"),
    (r"\blist_\w+\s*\(|\blambda\b", "the list macros (list_filter, list_length, ...)"),
    (r"\btry_cast\s*\(|\btry\s*\(", "safe_cast"),
    (r"\blen\s*\(", "list_length"),
    (r"\bstring_split\w*\s*\(", "split_text"),
    (r"\bregexp_(?:full_match|matches)\s*\(", "regexp_matches"),
    (r",\s*'g'\s*\)", "regexp_replace_all (DuckDB's 'g' flag)"),
    (r"\bstarts_with\s*\(", "left(...) = ..."),
    (r"\bepoch(?:_ms|_us)?\s*\(|\bmake_timestamp\s*\(|\bto_(?:milli|minu)\w*\s*\(", "timestamps"),
    (r"\btimezone\s*\(", "utc_timestamp"),
    (r"\bgetvariable\s*\(|\bsha256\s*\(", "customer_key"),
    (r"::", "cast(... as ...)"),
    (r"\*\s*exclude\b", "star_except"),
    (r"\bby\s+name\b", "explicit column lists"),
    (r"\brange\s*\(", "day_series"),
    (r"\bas\s+varchar\b|\bas\s+json\b", "dbt.type_string() / the json macros"),
    (r"\bstrftime\s*\(|\bstrptime\s*\(", "a dispatched macro"),
)
_PATTERNS = tuple((re.compile(pattern, re.IGNORECASE), remedy) for pattern, remedy in DUCKDB_ONLY)
_DUCKDB_ONLY_NODE = "enabled=target.type == 'duckdb'"
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
_STRING = re.compile(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"", re.DOTALL)


def _blank(match: re.Match[str]) -> str:
    """The match replaced by spaces, keeping its newlines (so line numbers stay right)."""
    return re.sub(r"[^\n]", " ", match.group(0))


def sql_parts(text: str) -> Iterator[tuple[int, str]]:
    """(line number, SQL text) of every part of a model to check: its SQL outside Jinja, and
    the string literals inside Jinja tags."""
    text = _JINJA_COMMENT.sub(_blank, text)
    outside = _JINJA.sub(_blank, text)
    for number, line in enumerate(outside.splitlines(), start=1):
        yield number, line.split("--", 1)[0]
    for tag in _JINJA.finditer(text):
        first_line = text.count("\n", 0, tag.start()) + 1
        for literal in _STRING.finditer(tag.group(0)):
            fragment = literal.group(1) if literal.group(1) is not None else literal.group(2)
            yield first_line + tag.group(0).count("\n", 0, literal.start()), fragment


def violations(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if _DUCKDB_ONLY_NODE in text:
        return []
    found = []
    for number, sql in sql_parts(text):
        for pattern, remedy in _PATTERNS:
            match = pattern.search(sql)
            if match:
                found.append(
                    f"{path}:{number}: DuckDB-only `{match.group(0).strip()}`; use {remedy}"
                )
    return found


def main(argv: list[str] | None = None) -> int:
    roots = [Path(arg) for arg in (argv if argv is not None else sys.argv[1:])] or [
        Path("models"),
        Path("tests"),
    ]
    files = sorted(
        path for root in roots for path in ([root] if root.is_file() else root.rglob("*.sql"))
    )
    found = [line for path in files for line in violations(path)]
    for line in found:
        print(line, file=sys.stderr)
    if found:
        print(
            f"portability: {len(found)} DuckDB-only constructs; move them behind the dispatched "
            "macros (macros/cross_engine)",
            file=sys.stderr,
        )
        return 1
    print(f"portability: {len(files)} models and tests use no DuckDB-only construct")
    return 0


if __name__ == "__main__":
    sys.exit(main())
