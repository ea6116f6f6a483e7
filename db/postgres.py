"""PostgreSQL behind the same `Database` object, for a database several officers share.

The queries are the ones SQLite runs (db/connection.py says how they are written); this module turns
`?` into psycopg's `%s`, gives an INSERT its new id through `RETURNING id`, and defines the two SQLite
aggregates the queries use. The schema comes from the same migrations, run through `Tables`, which
speaks the part of sqlite-utils' table API they use. Full-text search is PostgreSQL's own: a GIN
index on each searched column's English tsvector.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from typing import Any

from .connection import Database

# one lock for every writer, as SQLite's BEGIN IMMEDIATE: papers, replays and hand changes queue, never interleave
WRITE_LOCK = 0x6D696E75  # "minu"

# SQLite's json_group_array and group_concat, so each query is written once
COMPAT = """
CREATE OR REPLACE FUNCTION minutes_json_final(anycompatiblearray) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce(array_to_json($1)::text, '[]') $$;
CREATE OR REPLACE AGGREGATE json_group_array(anycompatible) (
    SFUNC = array_append, STYPE = anycompatiblearray, FINALFUNC = minutes_json_final, INITCOND = '{}');
CREATE OR REPLACE FUNCTION minutes_concat(text, anycompatible, text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2::text ELSE $1 || $3 || $2::text END $$;
CREATE OR REPLACE FUNCTION minutes_concat(text, anycompatible) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT minutes_concat($1, $2, ',') $$;
CREATE OR REPLACE AGGREGATE group_concat(anycompatible, text) (SFUNC = minutes_concat, STYPE = text);
CREATE OR REPLACE AGGREGATE group_concat(anycompatible) (SFUNC = minutes_concat, STYPE = text);
"""

_TYPES = {int: "BIGINT", str: "TEXT", float: "DOUBLE PRECISION"}


def is_url(target: str) -> bool:
    return str(target).startswith(("postgresql://", "postgres://"))


def shown(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


class Cursor:
    """psycopg's cursor with SQLite's `lastrowid`: the id an INSERT ... RETURNING id gave back."""

    def __init__(self, cursor: Any, returning: bool):
        self.cursor = cursor
        self.lastrowid = cursor.fetchone()[0] if returning else None
        self.description = cursor.description
        self.rowcount = cursor.rowcount

    def fetchone(self) -> tuple | None:
        return None if self.lastrowid is not None or self.description is None else self.cursor.fetchone()

    def fetchall(self) -> list[tuple]:
        return [] if self.lastrowid is not None or self.description is None else self.cursor.fetchall()

    def __iter__(self):
        return iter(self.fetchall())


class PostgresDatabase(Database):
    """A psycopg connection in autocommit mode, with explicit transactions as on SQLite."""

    dialect = "postgresql"

    def __init__(self, conn: Any):
        super().__init__(conn)
        self.with_id: set[str] = set()

    def execute(self, sql: str, params: Iterable[Any] | dict = ()) -> Cursor:
        returning = False
        insert = re.match(r"\s*INSERT\s+INTO\s+\"?(\w+)", sql, re.I)
        if insert and insert.group(1) in self.with_id and "RETURNING" not in sql.upper():
            sql, returning = f"{sql} RETURNING id", True
        return Cursor(self.conn.execute(_placeholders(sql), list(params)), returning)

    def table_names(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name"
        )
        return [r[0] for r in rows]

    def learn_tables(self) -> None:
        """Which tables have an id column, so an INSERT into them reports the new row's id."""
        rows = self.conn.execute(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND column_name = 'id'"
        )
        self.with_id = {r[0] for r in rows}

    def begin(self) -> None:
        self.conn.execute("BEGIN")
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        from psycopg.pq import TransactionStatus

        if self.conn.info.transaction_status != TransactionStatus.IDLE:
            self.conn.execute("ROLLBACK")

    def analyze(self) -> None:
        import psycopg

        with contextlib.suppress(psycopg.OperationalError):  # statistics can wait for the next run
            self.conn.execute("ANALYZE")

    def matching(self, table: str, column: str, alias: str) -> str:
        return f"to_tsvector('english', {alias}.\"{column}\") @@ plainto_tsquery('english', ?)"

    def words(self, text: str) -> str:
        return " ".join(re.findall(r"\w+", text))


def _placeholders(sql: str) -> str:
    """SQLite's `?` as psycopg's `%s`, outside quoted literals; a literal `%` doubled."""
    parts = re.split(r"('(?:[^']|'')*')", sql)
    return "".join(
        part.replace("%", "%%") if n % 2 else part.replace("%", "%%").replace("?", "%s") for n, part in enumerate(parts)
    )


class Table:
    """One table, as the migrations ask sqlite-utils for it."""

    def __init__(self, db: PostgresDatabase, name: str):
        self.db, self.name = db, name

    def create(
        self,
        columns: dict[str, type],
        pk: str | tuple[str, ...] = "id",
        foreign_keys: Iterable[tuple] = (),
        not_null: Iterable[str] = (),
    ) -> None:
        refs = {fk[0]: (fk[1], fk[2] if len(fk) > 2 else "id") for fk in foreign_keys}
        lines = []
        for column, kind in columns.items():
            if pk == column == "id":
                lines.append('"id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY')
                continue
            line = f'"{column}" {_TYPES[kind]}' + (" NOT NULL" if column in set(not_null) else "")
            if column in refs:
                line += f' REFERENCES "{refs[column][0]}" ("{refs[column][1]}")'
            lines.append(line)
        if pk != "id":
            keys = (pk,) if isinstance(pk, str) else pk
            lines.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in keys) + ")")
        self.db.execute(f'CREATE TABLE "{self.name}" (' + ", ".join(lines) + ")")

    def create_index(self, columns: list[str], unique: bool = False) -> None:
        name = f"idx_{self.name}_{'_'.join(columns)}"
        quoted = ", ".join(f'"{c}"' for c in columns)
        self.db.execute(f'CREATE {"UNIQUE " * unique}INDEX "{name}" ON "{self.name}" ({quoted})')

    def enable_fts(self, columns: list[str], **_: Any) -> None:
        """A GIN index on the English tsvector: what `matching` searches."""
        for column in columns:
            self.db.execute(
                f'CREATE INDEX "{self.name}_fts" ON "{self.name}" USING GIN (to_tsvector(\'english\', "{column}"))'
            )

    def add_column(self, name: str, kind: type, not_null_default: Any = None) -> None:
        default = "" if not_null_default is None else f" NOT NULL DEFAULT {not_null_default!r}"
        self.db.execute(f'ALTER TABLE "{self.name}" ADD COLUMN "{name}" {_TYPES[kind]}{default}')


class Tables:
    """`tables["actions"]`: the migrations' view of the database, as on sqlite-utils."""

    def __init__(self, db: PostgresDatabase):
        self.db = db

    def __getitem__(self, name: str) -> Table:
        return Table(self.db, name)


def connect(url: str) -> PostgresDatabase:
    """Open the database at `url` (it must exist; its owner creates it), with the compatibility aggregates."""
    import psycopg

    conn = psycopg.connect(url, autocommit=True, connect_timeout=30)
    conn.execute("SET client_min_messages = warning")
    return PostgresDatabase(conn)


def prepare(db: PostgresDatabase) -> None:
    """The aggregates the queries use; inside the migration's transaction, so two processes never race."""
    db.conn.execute(COMPAT)
