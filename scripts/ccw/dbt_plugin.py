"""dbt-duckdb plugin: the warehouse checks and the customer-key salt, for every dbt command.

The profile loads it (`plugins: [{module: ccw.dbt_plugin}]`).

- Before dbt attaches the warehouse file, the plugin checks it as `ccw` does
  (ccw.warehouse): a file that does not exist is refused (only `ccw load` creates a warehouse,
  so a mistyped $WAREHOUSE_PATH is an error, not a second, empty warehouse), and a file another
  process holds open ends the command with one line saying so, not a traceback.
- On every connection and cursor it sets the DuckDB variable `ccw_customer_key_salt` from
  $CCW_CUSTOMER_KEY_SALT, bound as a query parameter, so the salt appears in no compiled SQL,
  log line or docs page. When the variable is unset, a build that needs it stops before any model
  runs (macro require_customer_key_salt).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import duckdb
from dbt.adapters.duckdb.plugins import BasePlugin
from dbt_common.exceptions import DbtRuntimeError

from ccw.warehouse import WarehouseError, attach, check_path

SALT_VARIABLE = "CCW_CUSTOMER_KEY_SALT"


class Plugin(BasePlugin):
    def configure_connection(self, conn: Any) -> None:
        for attachment in getattr(self.creds, "attach", None) or []:
            _check_warehouse(str(attachment.path))
        _set_salt(conn)

    def configure_cursor(self, cursor: Any) -> None:
        _set_salt(cursor)


def _check_warehouse(location: str) -> None:
    """Raise dbt's runtime error, whose message dbt prints as is, when the warehouse file is
    missing or held by another process."""
    if location == ":memory:" or "://" in location or location.startswith("md:"):
        return
    path = Path(location)
    probe = duckdb.connect()
    try:
        check_path(path, create=False)
        attach(probe, path, "ccw_probe")
    except WarehouseError as exc:
        raise DbtRuntimeError(str(exc)) from None
    finally:
        probe.close()


def _set_salt(connection: Any) -> None:
    salt = os.environ.get(SALT_VARIABLE)
    if salt:
        connection.execute("set variable ccw_customer_key_salt = $1", [salt])
