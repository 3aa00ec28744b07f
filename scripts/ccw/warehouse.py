"""Opening the warehouse file, in one place.

Every `ccw` command that touches the warehouse opens it here, so they agree on two things: only
`ccw load` creates a warehouse file (a mistyped `--db` elsewhere is an error, not a second, empty
warehouse), and DuckDB's errors about the file itself (a missing folder, a file that is not a
DuckDB database, another process holding the lock) become one line that says what to do.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb


class WarehouseError(Exception):
    """The warehouse file cannot be used as asked; the message says why and what to do."""


class WarehouseBusyError(WarehouseError):
    """Another process holds the warehouse file open for writing."""


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.*?) \(PID (\d+)\)")


def sql_string(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def check_path(path: Path, *, create: bool) -> bool:
    """Whether the warehouse at `path` is new. Raises WarehouseError when it cannot be used:
    a folder where the file should be, a folder that does not exist, or (unless `create`) no
    file at all."""
    if path.is_dir():
        raise WarehouseError(f"{path} is a directory; --db takes the warehouse file's path")
    if path.exists():
        return False
    if not create:
        raise WarehouseError(
            f"no warehouse at {path}; check the path (--db, or $WAREHOUSE_PATH), or create one "
            "with `ccw load`"
        )
    folder = path.parent
    if not folder.is_dir():
        raise WarehouseError(
            f"cannot create the warehouse {path}: the folder {folder} does not exist; "
            "create it first or pass another --db"
        )
    return True


def attach(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    alias: str,
    *,
    read_only: bool = False,
    options: str = "",
) -> None:
    """Attach the warehouse file to `con` as `alias`, translating DuckDB's errors about the
    file into WarehouseError."""
    settings = ", ".join(part for part in ("read_only" if read_only else "", options) if part)
    try:
        con.execute(
            f"attach {sql_string(str(path))} as {alias}" + (f" ({settings})" if settings else "")
        )
    except duckdb.Error as exc:
        raise describe_open_error(exc, path) from exc


def describe_open_error(exc: duckdb.Error, path: Path) -> WarehouseError:
    """The WarehouseError for DuckDB's error on opening `path`."""
    message = str(exc)
    if "lock" in message.lower():
        holder = _LOCK_HOLDER.search(message)
        who = f" ({holder.group(1)}, PID {holder.group(2)})" if holder else ""
        return WarehouseBusyError(
            f"{path} is open in another process{who}: a running load, dbt build or an open "
            "client. DuckDB allows one writer: wait for it to finish, or close it, and retry."
        )
    if "not a valid DuckDB database" in message:
        return WarehouseError(f"{path} is not a DuckDB warehouse file; check --db")
    first_line = message.splitlines()[0] if message else type(exc).__name__
    return WarehouseError(f"cannot open {path}: {first_line}")


def open_read_only(path: Path, alias: str = "warehouse") -> duckdb.DuckDBPyConnection:
    """A connection with the existing warehouse attached read-only as `alias` (the default
    schema search path then starts there)."""
    check_path(path, create=False)
    con = duckdb.connect()
    try:
        attach(con, path, alias, read_only=True)
        con.execute(f"use {alias}")
    except BaseException:
        con.close()
        raise
    return con
