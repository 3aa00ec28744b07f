"""Contact-center warehouse: land vendor exports in DuckDB for the dbt project to conform."""

__version__ = "0.1.0"
