"""The open database: a plain sqlite3 connection with explicit transactions.

sqlite-utils builds and migrates the schema (db/schema.py); everyday reads and
writes need nothing more than this, and starting a command stays quick.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any


class Database:
    """A connection in autocommit mode: every write happens inside an explicit BEGIN IMMEDIATE ... COMMIT."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, params: Iterable[Any] | dict = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def query(self, sql: str, params: Iterable[Any] | dict = ()) -> list[dict]:
        """Rows as dicts keyed by column name, as sqlite-utils' own `Database.query` gives them."""
        cursor = self.conn.execute(sql, params)
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def table_names(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]

    def rollback(self) -> None:
        """Undo the open transaction; SQLite has already undone it after a disk error ('cannot rollback - no
        transaction is active' would hide the real cause), so only roll back what is still open."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()
