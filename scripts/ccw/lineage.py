"""Column-level lineage from each mart column back to the raw JSON it came from.

Works offline from dbt's compiled SQL (target/manifest.json after `dbt build` or `dbt compile`)
and the warehouse's column list: sqlglot parses each model's SQL (DuckDB dialect) and traces a
column to the upstream relations and columns it reads; the walk repeats model by model down to
the raw tables. At the staging hops, where vendor JSON is unpacked, the JSON paths read are taken
from the expressions: `record ->> '$.key'` text, or field access on the STRUCT a base model
parsed the record into (`segment.inQueueSeconds` is `$.inQueueSeconds`).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from sqlglot import exp
from sqlglot.lineage import Node, lineage

from ccw.warehouse import describe_open_error

_JSON_PATH_TEXT = re.compile(r"'(\$[^']*)'")


@dataclass
class Hop:
    model: str
    column: str
    expression: str


@dataclass
class VendorSources:
    """What one vendor feeds a mart column from: its raw tables and the JSON paths read."""

    raw_sources: set[str] = field(default_factory=set)
    json_paths: set[str] = field(default_factory=set)


@dataclass
class ColumnLineage:
    mart: str
    column: str
    raw_sources: set[str] = field(default_factory=set)
    json_paths: set[str] = field(default_factory=set)
    hops: list[Hop] = field(default_factory=list)
    # The same, per vendor (source_system), so one vendor's fields are never pooled with
    # another's.
    vendors: dict[str, VendorSources] = field(default_factory=dict)

    def vendor(self, source_system: str) -> VendorSources:
        return self.vendors.setdefault(source_system, VendorSources())

    def as_dict(self) -> dict[str, object]:
        return {
            "mart": self.mart,
            "column": self.column,
            "raw_sources": sorted(self.raw_sources),
            "json_paths": sorted(self.json_paths),
            "vendors": {
                name: {
                    "raw_sources": sorted(sources.raw_sources),
                    "json_paths": sorted(sources.json_paths),
                }
                for name, sources in sorted(self.vendors.items())
            },
            "hops": [hop.__dict__ for hop in self.hops],
        }


def vendor_of_model(model_name: str) -> str | None:
    """The source_system of a staging model (`stg_nice_cxone__segments`, `base_kore_...`)."""
    for prefix in ("stg_", "base_"):
        if model_name.startswith(prefix) and "__" in model_name:
            return model_name[len(prefix) :].split("__", 1)[0]
    return None


def vendor_of_raw(relation: str) -> str:
    """The source_system of a raw table (`<catalog>.raw.nice_cxone__segments`)."""
    return relation.split(".")[-1].split("__", 1)[0]


class Tracer:
    def __init__(self, manifest: dict[str, object], schema: dict[str, object]) -> None:
        nodes = manifest["nodes"]
        assert isinstance(nodes, dict)
        self.models = {
            str(node["relation_name"]).replace('"', ""): node
            for node in nodes.values()
            if node["resource_type"] == "model" and node.get("compiled_code")
        }
        self.schema = schema
        self.struct_path = struct_path_pattern(record_structs(schema))
        # sqlglot folds unquoted identifiers to lower case, as DuckDB compares them; JSON keys
        # are case-sensitive, so paths are given back the spelling the staging SQL uses.
        self.spelling: dict[str, dict[str, str]] = {}
        for node in self.models.values():
            spelling = self.spelling.setdefault(str(node["name"]), {})
            for word in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", str(node["compiled_code"])):
                if word != word.lower():
                    spelling.setdefault(word.lower(), word)
        self._cache: dict[tuple[str, str], list[tuple[str, str, str]]] = {}

    def upstream(self, relation: str, column: str) -> list[tuple[str, str, str]]:
        """(upstream relation, upstream column, defining expression) for one model column."""
        key = (relation, column)
        if key not in self._cache:
            code = str(self.models[relation]["compiled_code"])
            try:
                root = lineage(column, code, schema=self.schema, dialect="duckdb")
                self._cache[key] = list(_leaves(root))
            except Exception as exc:
                self._cache[key] = [("", "", f"(not traced: {type(exc).__name__})")]
        return self._cache[key]

    def respelled(self, model_name: str, path: str) -> str:
        spelling = self.spelling.get(model_name, {})
        return ".".join(spelling.get(part.lower(), part) for part in path.split("."))

    def trace(self, relation: str, column: str) -> ColumnLineage:
        mart = relation.split(".")[-1]
        result = ColumnLineage(mart, column)
        seen: set[tuple[str, str]] = set()
        frontier = [(relation, column)]
        while frontier:
            current = frontier.pop()
            if current in seen:
                continue
            seen.add(current)
            for upstream_relation, upstream_column, expression in self.upstream(*current):
                model_name = current[0].split(".")[-1]
                result.hops.append(Hop(model_name, current[1], expression))
                vendor = vendor_of_model(model_name)
                if vendor is not None:
                    paths = {
                        self.respelled(model_name, path)
                        for path in json_paths(expression, self.struct_path)
                    }
                    result.json_paths.update(paths)
                    if paths:
                        result.vendor(vendor).json_paths.update(paths)
                if not upstream_relation:
                    continue
                if upstream_relation in self.models:
                    frontier.append((upstream_relation, upstream_column))
                else:
                    source = f"{upstream_relation}.{upstream_column}"
                    result.raw_sources.add(source)
                    result.vendor(vendor_of_raw(upstream_relation)).raw_sources.add(source)
        return result


def _leaves(root: Node) -> Iterable[tuple[str, str, str]]:
    """Each relation column the traced column reads, with the chain of expressions (one per CTE
    level, outermost first) that derive the column from it within the model."""
    chain = []
    for node in root.walk():
        sql = node.expression.sql(dialect="duckdb")
        if sql not in chain and not isinstance(node.expression, exp.Table):
            chain.append(sql)
    derivation = " <- ".join(chain)
    found = False
    for node in root.walk():
        if isinstance(node.source, exp.Table) and not node.downstream:
            table = node.source
            relation = ".".join(part for part in (table.catalog, table.db, table.name) if part)
            found = True
            yield relation, node.name.split(".")[-1], derivation
    if not found:
        yield "", "", derivation


def record_structs(schema: dict[str, object]) -> tuple[str, ...]:
    """The STRUCT columns the base models parse a whole raw record into (`segment`,
    `interaction`, ...), found in the warehouse: any STRUCT column of a staging base_ table."""
    names: set[str] = set()
    for schemas in schema.values():
        assert isinstance(schemas, dict)
        for table, columns in schemas.get("staging", {}).items():
            if table.startswith("base_"):
                names.update(c for c, kind in columns.items() if str(kind).startswith("STRUCT"))
    return tuple(sorted(names))


def struct_path_pattern(structs: tuple[str, ...]) -> re.Pattern[str] | None:
    """Field access on one of `structs`: `segment.inQueueSeconds`, `interaction."flowId"`."""
    if not structs:
        return None
    names = "|".join(re.escape(name) for name in structs)
    return re.compile(r"\b(?:" + names + r")((?:\.(?:\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_]*))+)")


def json_paths(expression: str, struct_path: re.Pattern[str] | None = None) -> set[str]:
    """The JSON paths an expression reads from a raw record or its parsed STRUCT."""
    paths = {match.group(1) for match in _JSON_PATH_TEXT.finditer(expression)}
    for match in struct_path.finditer(expression) if struct_path else ():
        paths.add("$" + match.group(1).replace('"', ""))
    return paths


def warehouse_schema(db: Path) -> dict[str, object]:
    schema: dict[str, dict[str, dict[str, dict[str, str]]]] = {}
    try:
        # Opened directly, so the catalog is named as dbt names it (the file's stem).
        connection = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        raise describe_open_error(exc, db) from exc
    with connection as con:
        rows = con.execute(
            "select table_catalog, table_schema, table_name, column_name, data_type"
            " from information_schema.columns"
        ).fetchall()
    for catalog, schema_name, table, column, data_type in rows:
        schema.setdefault(catalog, {}).setdefault(schema_name, {}).setdefault(table, {})[column] = (
            data_type
        )
    return dict(schema)


def report(manifest_path: Path, db: Path, out_dir: Path) -> list[ColumnLineage]:
    """Trace every column of every mart; write column_lineage.json and .html into out_dir."""
    manifest = json.loads(manifest_path.read_text())
    tracer = Tracer(manifest, warehouse_schema(db))
    results: list[ColumnLineage] = []
    for relation, node in sorted(tracer.models.items()):
        if node["fqn"][1] != "marts":
            continue
        for column in node["columns"]:
            results.append(tracer.trace(relation, column))
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "column_lineage.json").write_text(
        json.dumps([r.as_dict() for r in results], indent=1)
    )
    (out_dir / "column_lineage.html").write_text(_html(results))
    return results


_STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:72rem;color:#1f2328}
h1{font-size:1.4rem}input{font-size:1rem;padding:.4rem .6rem;width:100%;box-sizing:border-box}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin-top:1rem}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-top:1px solid #d8dee4;
overflow-wrap:anywhere}
th{background:#f6f8fa}td.vendor{font-weight:600}code{font-size:.85em}
tr.column td{background:#eef3f8;font-weight:600;border-top:2px solid #8c959f}
.count{color:#59636e;font-weight:400}
"""

# Filters the rows by the search box (and by `#q=...` in the address, for links and tests);
# every row of a column group stays with its column.
_SCRIPT = """
const box = document.getElementById('search');
const rows = Array.from(document.querySelectorAll('tbody tr'));
function filter() {
  const words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
  const groups = new Map();
  for (const row of rows) {
    const key = row.dataset.group;
    groups.set(key, (groups.get(key) || '') + ' ' + row.textContent.toLowerCase());
  }
  let shown = 0;
  for (const row of rows) {
    const text = groups.get(row.dataset.group);
    const hit = words.every(word => text.includes(word));
    row.hidden = !hit;
    if (hit && row.classList.contains('column')) shown += 1;
  }
  document.getElementById('shown').textContent = shown;
}
box.addEventListener('input', filter);
const asked = new URLSearchParams(location.hash.slice(1)).get('q');
if (asked) box.value = asked;
filter();
document.body.dataset.overflowsSideways =
  String(document.documentElement.scrollWidth > document.documentElement.clientWidth);
"""


def _html(results: list[ColumnLineage]) -> str:
    body = []
    for number, r in enumerate(results):
        group = f"g{number}"
        vendors = sorted(r.vendors.items())
        body.append(
            f"<tr class='column' data-group='{group}'><td colspan='3'>"
            f"{html.escape(r.mart)}.{html.escape(r.column)} "
            f"<span class='count'>({len(vendors)} vendor{'s' if len(vendors) != 1 else ''}"
            f"{'' if vendors else ': computed in the marts'})</span></td></tr>"
        )
        for vendor, sources in vendors:
            tables = sorted({s.rsplit(".", 1)[0].split(".")[-1] for s in sources.raw_sources})
            body.append(
                f"<tr data-group='{group}'><td class='vendor'>{html.escape(vendor)}</td>"
                f"<td>{'<br>'.join(html.escape(f'raw.{t}') for t in tables) or '-'}</td>"
                "<td>"
                + (
                    "<br>".join(
                        f"<code>{html.escape(p)}</code>" for p in sorted(sources.json_paths)
                    )
                    or "(derived, no JSON path)"
                )
                + "</td></tr>"
            )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>Column lineage</title><style>{_STYLE}</style></head><body>"
        "<h1>Column-level lineage: each mart column, per vendor, to the raw JSON it reads</h1>"
        "<p>Generated by <code>ccw lineage</code> from dbt's compiled SQL. For every mart column, "
        "each vendor that feeds it is listed apart with its raw table "
        "(<code>raw.&lt;vendor&gt;__&lt;entity&gt;</code>) and the JSON paths its staging reads. "
        "Hop-by-hop detail: <a href='column_lineage.json'>column_lineage.json</a>.</p>"
        "<label for='search'>Search (mart, column, vendor, JSON path; every word must match): "
        "</label><input id='search' type='search' placeholder='e.g. nice_cxone wait_seconds' "
        "autocomplete='off'>"
        f"<p><span id='shown'>{len(results)}</span> of {len(results)} mart columns shown.</p>"
        "<table><colgroup><col style='width:14%'><col style='width:28%'><col></colgroup>"
        "<thead><tr><th>vendor</th><th>raw table</th><th>JSON paths</th></tr></thead><tbody>"
        + "\n".join(body)
        + f"</tbody></table><script>{_SCRIPT}</script></body></html>"
    )
