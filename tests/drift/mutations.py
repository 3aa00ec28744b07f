"""Systematic mutations of vendor records, for the drift test.

Every field of a record is addressed by a path: object keys, and `*` for every element of an
array. For each path the sample records carry, `catalog` lists the mutations that fit the value
found there: drop it, null it, empty it, change its JSON shape (scalar and one-element list,
number and numeric text, object and its JSON text, boolean and 0/1), repeat an array element, add
an unknown field. A mutation is `preserving` when the record means the same after it (an unknown
field, a number sent as numeric text, an id list with a repeated id): such a record must reach the
marts exactly as the unmutated one does. Every other mutation must still build, with the record
in the marts or in quarantine with a reason.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

Json = Any
Path = tuple[str, ...]

EVERY = "*"
UNKNOWN_FIELD = "ccwDriftUnknownField"
UNKNOWN_VALUE = {"note": "not in the vendor documentation", "values": [1, "two", None]}

# A key holding an identifier (its values are renamed when a record is cloned).
ID_KEY = re.compile(r"(^id$|^_id$|Id$|ID$|_id$|Ids$|IDs$|_ids$|_uuid$)")
_INTEGER_TEXT = re.compile(r"^-?[0-9]{1,15}$")


@dataclass(frozen=True)
class Mutation:
    """One change to every value at `path` in the records of one entity."""

    vendor: str
    entity: str
    path: Path
    kind: str
    preserving: bool

    @property
    def name(self) -> str:
        return f"{self.vendor}.{self.entity}:{'.'.join(self.path) or '(record)'}:{self.kind}"


# -- reading paths ------------------------------------------------------------------------------


def values_at(record: Json, path: Path) -> Iterator[Json]:
    """Every value at `path` (several where the path crosses arrays)."""
    if not path:
        yield record
        return
    head, rest = path[0], path[1:]
    if head == EVERY:
        if isinstance(record, list):
            for element in record:
                yield from values_at(element, rest)
    elif isinstance(record, dict) and head in record:
        yield from values_at(record[head], rest)


def paths_of(record: Json, prefix: Path = ()) -> Iterator[tuple[Path, Json]]:
    """Every path in a record with a value found there (the record itself first)."""
    yield prefix, record
    if isinstance(record, dict):
        for key, value in record.items():
            yield from paths_of(value, (*prefix, key))
    elif isinstance(record, list):
        for element in record:
            yield from paths_of(element, (*prefix, EVERY))


def _json_kind(value: Json) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "array"
    return "object"


# -- the catalog -------------------------------------------------------------------------------


def kinds_for(path: Path, value: Json, either_shape: frozenset[Path]) -> list[tuple[str, bool]]:
    """The mutations that fit a value, each with whether it keeps the record's meaning.

    `either_shape` lists the paths the vendor documents as one value or a list of them: there a
    scalar sent as a one-element list (and back) keeps the meaning.
    """
    kind = _json_kind(value)
    dual = path in either_shape
    is_member = bool(path) and path[-1] != EVERY
    kinds: list[tuple[str, bool]] = []
    if not path:
        return [("unknown_field", True)]
    if is_member:
        kinds.append(("drop", False))
    if kind != "null":
        kinds.append(("null", False))
    if kind == "text":
        kinds.append(("empty", False))
        kinds.append(("as_list", bool(dual)))
        if _INTEGER_TEXT.match(value):
            kinds.append(("as_number", True))
    elif kind == "number":
        kinds.append(("as_text", True))
        kinds.append(("as_list", bool(dual)))
    elif kind == "boolean":
        kinds.append(("as_text", True))
        kinds.append(("as_number", True))
    elif kind == "array":
        kinds.append(("empty", False))
        if value:
            element_kind = _json_kind(value[0])
            # A repeated id in a list of ids (or of names) means the same list.
            kinds.append(("repeat_element", element_kind in ("text", "number")))
            if len(value) == 1 and element_kind != "array":
                kinds.append(("as_scalar", bool(dual)))
    elif kind == "object":
        kinds.append(("empty", False))
        kinds.append(("unknown_field", True))
        kinds.append(("as_json_text", False))
    return kinds


def catalog(
    vendor: str,
    records: list[tuple[str, Json]],
    either_shape: dict[str, frozenset[Path]],
    fixed: dict[str, frozenset[Path]] | None = None,
) -> list[Mutation]:
    """Every mutation that fits a path some record of the entity carries, once per path and kind.

    `fixed` lists paths left alone per entity (the envelope fields the loader itself reads).
    """
    seen: dict[tuple[str, Path, str], Mutation] = {}
    for entity, record in records:
        skip = (fixed or {}).get(entity, frozenset())
        for path, value in paths_of(record):
            if path in skip:
                continue
            for kind, preserving in kinds_for(path, value, either_shape.get(entity, frozenset())):
                key = (entity, path, kind)
                if key not in seen:
                    seen[key] = Mutation(vendor, entity, path, kind, preserving)
    return sorted(seen.values(), key=lambda m: (m.entity, m.path, m.kind))


# -- applying ----------------------------------------------------------------------------------


def fits(value: Json, kind: str) -> bool:
    """Whether a mutation applies to this value (other records may hold another shape)."""
    value_kind = _json_kind(value)
    return {
        "drop": True,
        "null": value_kind != "null",
        "empty": value_kind in ("text", "array", "object"),
        "as_list": value_kind in ("text", "number"),
        "as_scalar": value_kind == "array" and len(value) == 1,
        "as_number": value_kind == "boolean"
        or (value_kind == "text" and bool(_INTEGER_TEXT.match(value))),
        "as_text": value_kind in ("number", "boolean"),
        "repeat_element": value_kind == "array" and len(value) > 0,
        "unknown_field": value_kind == "object",
        "as_json_text": value_kind == "object",
    }[kind]


def _changed(value: Json, kind: str) -> Json:
    """The value after a mutation (`drop` is handled by the parent)."""
    if kind == "null":
        return None
    if kind == "empty":
        return "" if isinstance(value, str) else [] if isinstance(value, list) else {}
    if kind == "as_list":
        return [value]
    if kind == "as_scalar":
        return value[0]
    if kind == "as_number":
        return int(value) if isinstance(value, str) else int(bool(value))
    if kind == "as_text":
        if isinstance(value, bool):
            return "true" if value else "false"
        return json.dumps(value)
    if kind == "repeat_element":
        return [value[0], *value]
    if kind == "unknown_field":
        return {**value, UNKNOWN_FIELD: copy.deepcopy(UNKNOWN_VALUE)}
    if kind == "as_json_text":
        return json.dumps(value)
    raise ValueError(f"unknown mutation kind {kind}")


def apply(record: Json, mutation: Mutation) -> tuple[Json, int]:
    """A mutated copy of a record, with the number of places changed."""
    record = copy.deepcopy(record)
    if not mutation.path:
        if fits(record, mutation.kind):
            return _changed(record, mutation.kind), 1
        return record, 0
    changes = 0

    def visit(node: Json, path: Path) -> Json:
        nonlocal changes
        head, rest = path[0], path[1:]
        if head == EVERY:
            if not isinstance(node, list):
                return node
            if not rest:
                fitting = [fits(element, mutation.kind) for element in node]
                changes += sum(fitting)
                return [
                    _changed(element, mutation.kind) if fit else element
                    for element, fit in zip(node, fitting, strict=True)
                ]
            return [visit(element, rest) for element in node]
        if not isinstance(node, dict) or head not in node:
            return node
        if rest:
            node[head] = visit(node[head], rest)
            return node
        if not fits(node[head], mutation.kind):
            return node
        changes += 1
        if mutation.kind == "drop":
            del node[head]
        else:
            node[head] = _changed(node[head], mutation.kind)
        return node

    return visit(record, mutation.path), changes


# -- cloning with fresh ids --------------------------------------------------------------------


def id_values(record: Json) -> Iterator[Json]:
    """Every identifier value in a record: non-empty text and integers at keys that name ids."""
    if isinstance(record, dict):
        for key, value in record.items():
            if ID_KEY.search(key):
                for item in value if isinstance(value, list) else [value]:
                    if (isinstance(item, str) and item.strip()) or (
                        isinstance(item, int) and not isinstance(item, bool)
                    ):
                        yield item
            yield from id_values(value)
    elif isinstance(record, list):
        for element in record:
            yield from id_values(element)


class Renaming:
    """Fresh identifiers for one clone: text ids get a marker suffix, integer ids an offset.

    Every text value equal to an id (and every `/`-separated path of ids) is renamed wherever it
    appears, so references inside a group of records stay consistent and never meet the ids of
    the original records.
    """

    def __init__(self, number: int, ids: set[Json]) -> None:
        self.marker = f"~m{number}~"
        offset = (number + 1) * 10**12
        self.text: dict[str, str] = {}
        for value in ids:
            if isinstance(value, int) or _INTEGER_TEXT.match(str(value)):
                self.text[str(value)] = str(int(value) + offset)
            else:
                self.text[str(value)] = f"{value}{self.marker}"
        self.tokens = sorted(set(self.text.values()), key=len, reverse=True)

    def __call__(self, node: Json, at_id_key: bool = False) -> Json:
        if isinstance(node, dict):
            return {key: self(value, bool(ID_KEY.search(key))) for key, value in node.items()}
        if isinstance(node, list):
            return [self(element, at_id_key) for element in node]
        if isinstance(node, bool) or node is None:
            return node
        if isinstance(node, int):
            # Integers are renamed only where they are ids: elsewhere they are counts and times.
            return int(self.text[str(node)]) if at_id_key and str(node) in self.text else node
        if isinstance(node, str):
            renamed = self.text.get(node)
            if renamed is not None and (at_id_key or not _INTEGER_TEXT.match(node)):
                return renamed
            parts = node.split("/")
            if len(parts) > 1 and all(part in self.text for part in parts if part):
                return "/".join(self.text.get(part, part) for part in parts)
        return node

    def restore(self, text: str) -> str:
        """A value read back from the marts with this clone's ids turned back into the
        originals'."""
        for original, renamed in sorted(self.text.items(), key=lambda kv: -len(kv[1])):
            text = text.replace(renamed, original)
        return text

    def owns(self, text: str) -> bool:
        return any(token in text for token in self.tokens)
