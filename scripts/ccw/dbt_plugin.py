"""dbt-duckdb plugin: hands the customer-key salt to DuckDB without writing it into SQL.

The profile loads it (`plugins: [{module: ccw.dbt_plugin}]`). On every connection and cursor it
sets the DuckDB variable `ccw_customer_key_salt` from $CCW_CUSTOMER_KEY_SALT, bound as a query
parameter, so the salt appears in no compiled SQL, log line or docs page. When the variable is
unset the macro customer_key stops the build with a message.
"""

from __future__ import annotations

import os
from typing import Any

from dbt.adapters.duckdb.plugins import BasePlugin

SALT_VARIABLE = "CCW_CUSTOMER_KEY_SALT"


class Plugin(BasePlugin):
    def configure_connection(self, conn: Any) -> None:
        _set_salt(conn)

    def configure_cursor(self, cursor: Any) -> None:
        _set_salt(cursor)


def _set_salt(connection: Any) -> None:
    salt = os.environ.get(SALT_VARIABLE)
    if salt:
        connection.execute("set variable ccw_customer_key_salt = $1", [salt])
