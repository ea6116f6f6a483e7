"""A whole database copied into a new SQLite file: a PostgreSQL database made browsable in Datasette, or
a SQLite one compacted into a file to hand on.

The copy is built beside the target under a temporary name, in one transaction, and only then takes
the target's name: an interrupted copy leaves no half-file behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .connection import Database
from .schema import connect

# parents before children; the tracker's links between actions are checked at commit
TABLES = (
    "documents",
    "bodies",
    "body_aliases",
    "meetings",
    "people",
    "people_aliases",
    "attendance",
    "items",
    "resolutions",
    "actions",
    "action_owners",
    "action_history",
    "progress",
    "overrides",
    "corrections",
)
BATCH = 5_000


def to_sqlite(source: Database, target: Path) -> dict[str, int]:
    """Copy every table of `source` into a new SQLite file at `target`; the rows copied, by table."""
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(handle)
    partial = Path(name)
    try:
        copy = connect(partial)
        try:
            counts = _copy_tables(source, copy)
        finally:
            copy.close()
        for suffix in ("-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(partial, 0o666 & ~mask)  # as any file the user writes, not mkstemp's private mode
        os.replace(partial, target)
    except BaseException:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return counts


def _copy_tables(source: Database, copy: Database) -> dict[str, int]:
    counts: dict[str, int] = {}
    copy.begin()
    try:
        copy.execute("PRAGMA defer_foreign_keys = ON")
        for table in TABLES:
            counts[table] = _copy_table(source, copy, table)
        copy.commit()
        copy.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    except BaseException:
        copy.rollback()
        raise
    return counts


def _copy_table(source: Database, copy: Database, table: str) -> int:
    """The rows of one table in batches, in key order, through the columns both databases have."""
    theirs = [c[0] for c in source.execute(f"SELECT * FROM {table} LIMIT 0").description]
    ours = {r[1] for r in copy.execute(f"PRAGMA table_info({table})").fetchall()}
    columns = [c for c in theirs if c in ours]
    names = ", ".join(f'"{c}"' for c in columns)
    insert = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
    copied = 0
    for batch in _batches(source, table, names, columns):
        copy.conn.executemany(insert, batch)
        copied += len(batch)
    return copied


def _batches(source: Database, table: str, names: str, columns: list[str]):
    """Batches of rows: after the last id seen where the table has ids (no rescanning), else by offset."""
    last, offset = None, 0
    while True:
        if "id" in columns:
            after = "" if last is None else "WHERE id > ? "
            sql = f"SELECT {names} FROM {table} {after}ORDER BY id LIMIT ?"
            rows = source.execute(sql, ([] if last is None else [last]) + [BATCH]).fetchall()
        else:
            keys = ", ".join(f'"{c}"' for c in columns[:2])
            rows = source.execute(f"SELECT {names} FROM {table} ORDER BY {keys} LIMIT ? OFFSET ?", [BATCH, offset])
            rows = rows.fetchall()
        if not rows:
            return
        yield rows
        offset += len(rows)
        if "id" in columns:
            last = rows[-1][columns.index("id")]
