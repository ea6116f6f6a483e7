"""The open database: one small object over a SQLite (or PostgreSQL) connection, with explicit transactions.

Every query in db/ is written once, in SQL both engines run: `?` parameters, double-quoted names,
`INSERT ... ON CONFLICT`, and the aggregates `json_group_array` and `group_concat`, which the
PostgreSQL schema defines (db/postgres.py). What differs (the lock a writer takes, statistics,
full-text search) is a method here. sqlite-utils builds and migrates the SQLite schema
(db/schema.py); everyday reads and writes need nothing more than this, so a command starts quickly.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from typing import Any


class Database:
    """A SQLite connection in autocommit mode: every write happens inside `begin()` ... `commit()`."""

    dialect = "sqlite"

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, params: Iterable[Any] | dict = ()) -> Any:
        """A cursor over the rows, with `lastrowid` after an INSERT."""
        return self.conn.execute(sql, params)

    def query(self, sql: str, params: Iterable[Any] | dict = ()) -> list[dict]:
        """Rows as dicts keyed by column name, as sqlite-utils' own `Database.query` gives them."""
        cursor = self.execute(sql, params)
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def table_names(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]

    def begin(self) -> None:
        """Start a write: IMMEDIATE takes the write lock now, so two writers queue instead of failing later."""
        self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        """Undo the open transaction; SQLite has already undone it after a disk error ('cannot rollback - no
        transaction is active' would hide the real cause), so only roll back what is still open."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def analyze(self) -> None:
        """Refresh the planner's statistics from a sample of each index (milliseconds on a million actions)."""
        try:
            self.conn.execute("PRAGMA analysis_limit = 1000")
            self.conn.execute("ANALYZE")
        except sqlite3.OperationalError:  # busy, or a full disk: statistics can wait for the next run
            pass

    def matching(self, table: str, column: str, alias: str) -> str:
        """A condition on `alias` (a row of `table`) that holds when its `column` has every word of one `?`
        parameter, through the full-text index (FTS5 with the Porter stemmer)."""
        return f"{alias}.rowid IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?)"

    def words(self, text: str) -> str:
        """The search words as the full-text index takes them: each word quoted, so no word is an operator."""
        return " ".join(f'"{w}"' for w in re.findall(r"\w+", text))

    def close(self) -> None:
        self.conn.close()
