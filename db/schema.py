"""The schema, created and migrated forward: with sqlite-utils on SQLite, db/postgres.py on PostgreSQL.

Each migration is a function run once, in order; the `schema_version` table
remembers how far a database has come, so a file written by an older
version of minutes opens in a newer one.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .connection import Database

if TYPE_CHECKING:
    import sqlite_utils

SOURCE = {"first_line": int, "last_line": int, "first_page": int, "last_page": int, "rule": str, "confidence": float}


def _v1(db: sqlite_utils.Database) -> None:
    _v1_papers(db)
    _v1_attendance(db)
    _v1_records(db)
    for table, column in (("items", "title"), ("resolutions", "text"), ("actions", "text")):
        db[table].enable_fts([column], create_triggers=True, tokenize="porter")


def _v1_papers(db: sqlite_utils.Database) -> None:
    """Documents, bodies and the meetings they hold."""
    db["documents"].create(
        {"id": int, "sha256": str, "path": str, "format": str, "pages": int, "ingested_at": str, "meetings": int},
        pk="id",
        not_null={"sha256", "path", "format"},
    )
    db["documents"].create_index(["sha256"], unique=True)
    db["bodies"].create(
        {"id": int, "name": str, "key": str, "initials": str, "organisation": str}, pk="id", not_null={"name", "key"}
    )
    db["bodies"].create_index(["key"], unique=True)
    db["meetings"].create(
        {
            "id": int,
            "body_id": int,
            "document_id": int,
            "kind": str,
            "date": str,
            "start_time": str,
            "end_time": str,
            "location": str,
            "organisation": str,
            **SOURCE,
        },
        pk="id",
        foreign_keys=[("body_id", "bodies"), ("document_id", "documents")],
        not_null={"kind"},
    )
    db["meetings"].create_index(["body_id", "kind", "date"])
    db["meetings"].create_index(["document_id"])


def _v1_attendance(db: sqlite_utils.Database) -> None:
    """People, one per person within a body, and who attended each meeting."""
    db["people"].create(
        {"id": int, "body_id": int, "name": str, "initials": str},
        pk="id",
        foreign_keys=[("body_id", "bodies")],
        not_null={"name"},
    )
    db["people"].create_index(["body_id", "name"])
    db["attendance"].create(
        {
            "id": int,
            "meeting_id": int,
            "person_id": int,
            "name": str,
            "status": str,
            "category": str,
            "role": str,
            "organisation": str,
            **SOURCE,
        },
        pk="id",
        foreign_keys=[("meeting_id", "meetings"), ("person_id", "people")],
        not_null={"name", "status"},
    )
    db["attendance"].create_index(["meeting_id"])
    db["attendance"].create_index(["person_id"])


def _v1_records(db: sqlite_utils.Database) -> None:
    """Items, resolutions and actions with their owners and history."""
    db["items"].create(
        {
            "id": int,
            "meeting_id": int,
            "position": int,
            "number": str,
            "title": str,
            "parent": str,
            "presenters": str,
            **SOURCE,
        },
        pk="id",
        foreign_keys=[("meeting_id", "meetings")],
        not_null={"title"},
    )
    db["items"].create_index(["meeting_id"])
    db["resolutions"].create(
        {"id": int, "meeting_id": int, "item": str, "text": str, **SOURCE},
        pk="id",
        foreign_keys=[("meeting_id", "meetings")],
        not_null={"text"},
    )
    db["resolutions"].create_index(["meeting_id"])
    db["actions"].create(
        {
            "id": int,
            "meeting_id": int,
            "ref": str,
            "seq": int,
            "item": str,
            "text": str,
            "due": str,
            "due_date": str,
            "status": str,
            "status_at": str,
            "reported": str,
            "linked_to": int,
            **SOURCE,
        },
        pk="id",
        foreign_keys=[("meeting_id", "meetings"), ("linked_to", "actions", "id")],
        not_null={"text", "ref", "status"},
    )
    db["actions"].create_index(["ref"], unique=True)
    db["actions"].create_index(["meeting_id"])
    db["actions"].create_index(["status", "due_date"])
    db["action_owners"].create(
        {"action_id": int, "position": int, "name": str, "person_id": int},
        pk=("action_id", "position"),
        foreign_keys=[("action_id", "actions"), ("person_id", "people")],
    )
    db["action_owners"].create_index(["person_id"])
    db["action_owners"].create_index(["name"])
    db["action_history"].create(
        {"id": int, "action_id": int, "at": str, "status": str, "by": str, "meeting_id": int, "words": str},
        pk="id",
        foreign_keys=[("action_id", "actions"), ("meeting_id", "meetings")],
    )
    db["action_history"].create_index(["action_id"])


def _v2(db: sqlite_utils.Database) -> None:
    """The tracker: progress reports read from later minutes, hand changes, people's other names."""
    db["progress"].create(
        {"id": int, "meeting_id": int, "text": str, "status": str, "refs": str, **SOURCE},
        pk="id",
        foreign_keys=[("meeting_id", "meetings")],
        not_null={"text", "status"},
    )
    db["progress"].create_index(["meeting_id"])
    db["overrides"].create(
        {"id": int, "action_id": int, "field": str, "value": str, "at": str, "note": str},
        pk="id",
        foreign_keys=[("action_id", "actions")],
        not_null={"field"},
    )
    db["overrides"].create_index(["action_id"])
    db["people_aliases"].create(
        {"body_id": int, "name": str, "person_id": int},
        pk=("body_id", "name"),
        foreign_keys=[("body_id", "bodies"), ("person_id", "people")],
    )
    db["actions"].add_column("owners_text", str)
    db["actions"].create_index(["linked_to"])


def _v3(db: sqlite_utils.Database) -> None:
    """Review: a person's confirmations and corrections of extracted records, kept through re-ingest."""
    for table in ("attendance", "items", "resolutions", "actions"):
        db[table].add_column("reviewed", str)
    db["corrections"].create(
        {
            "id": int,
            "record": str,
            "meeting_id": int,
            "original": str,
            "verdict": str,
            "field": str,
            "value": str,
            "at": str,
        },
        pk="id",
        foreign_keys=[("meeting_id", "meetings")],
        not_null={"record", "original", "verdict"},
    )
    db["corrections"].create_index(["meeting_id"])


def _v4(db: sqlite_utils.Database) -> None:
    """A body whose tracker needs replaying: set with each stored paper, cleared by the replay."""
    db["bodies"].add_column("stale", int, not_null_default=0)


def _v5(db: sqlite_utils.Database) -> None:
    """The other names a body goes by: found alike at ingest, or joined by hand (`minutes bodies merge`)."""
    db["body_aliases"].create(
        {"key": str, "body_id": int, "by_hand": int}, pk="key", foreign_keys=[("body_id", "bodies")]
    )
    db["body_aliases"].create_index(["body_id"])


def _v6(db: sqlite_utils.Database) -> None:
    """Each item's discussion in brief, for the previous minutes in the clerk's pack."""
    db["items"].add_column("summary", str)


def _v7(db: sqlite_utils.Database) -> None:
    """An owner named by a post ('Clerk') and linked to the attendee holding it: the post is what is shown."""
    db["action_owners"].add_column("by_post", int)


def _v8(db: sqlite_utils.Database) -> None:
    """The sentences of each item that send business to a later meeting, for the next agenda (a JSON list)."""
    db["items"].add_column("forward", str)


def _v9(db: sqlite_utils.Database) -> None:
    """The next meeting's day as the minutes state it: 'next meeting' dues fall on it."""
    db["meetings"].add_column("next_date", str)


def _v10(db: sqlite_utils.Database) -> None:
    """The body and day the user gave a paper at ingest (--body, --date): reading it again keeps them."""
    db["documents"].add_column("body", str)
    db["documents"].add_column("held", str)


def _v11(db: sqlite_utils.Database) -> None:
    """Each record's first line as a reader counts it (on its page, or in a text file), beside the document's
    own line index: what `minutes review` shows, as `extract --trace` does."""
    for table in ("meetings", "attendance", "items", "resolutions", "actions", "progress"):
        db[table].add_column("line", int)


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9, _v10, _v11
]  # fmt: skip


def connect(target: str | Path) -> Database:
    """Open (or create) the database, a SQLite file or a `postgresql://` URL, migrated to the latest schema."""
    from .postgres import is_url

    if is_url(str(target)):
        from . import postgres

        db = postgres.connect(str(target))
        migrate(db)
        db.learn_tables()
        return db
    return _sqlite(target)


def unwritable(path: str | Path) -> str | None:
    """Why this process cannot write a SQLite file (and the journal files beside it), or None."""
    path = Path(path)
    if path.exists() and not os.access(path, os.W_OK):
        return "no permission to write the file"
    if not path.parent.is_dir():
        return f"its folder {path.parent} does not exist"
    if not os.access(path.parent, os.W_OK):
        return f"no permission to write in its folder {path.parent}"
    return None


def open_read_only(path: str | Path) -> Database:
    """A SQLite file this process may not write, opened for reading. With no write-ahead log beside it, it is
    opened as immutable, which makes no files beside it (a reader's would lock its owner out of writing);
    with one, read-only, so that rows still in the log are read (SQLite needs its shared-memory file then)."""
    path = Path(path)
    wal = Path(f"{path}-wal")
    logged = wal.exists() and wal.stat().st_size > 0
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro{'' if logged else '&immutable=1'}", uri=True, isolation_level=None
    )
    conn.execute("PRAGMA busy_timeout = 60000")
    db = Database(conn)
    try:
        current = version(db)
    except sqlite3.Error:
        conn.close()
        raise
    if current != len(MIGRATIONS):
        conn.close()
        if current > len(MIGRATIONS):
            raise NewerSchema(f"the database has schema version {current}; this minutes knows {len(MIGRATIONS)}")
        raise sqlite3.OperationalError(
            "it was made by an older minutes; open it once with a minutes that may write to it, to upgrade it"
        )
    return db


def _sqlite(path: str | Path, script: bool = True) -> Database:
    """The SQLite file in WAL mode with a busy timeout.

    Switching a new file to WAL needs it to itself, and SQLite answers "locked" at once rather than
    wait when several processes open a new database together; so the opening is retried.
    """
    deadline = time.monotonic() + 60
    while True:
        conn = sqlite3.connect(str(path), timeout=60, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA busy_timeout = 60000")
            conn.execute("PRAGMA foreign_keys = ON")
            if str(path) != ":memory:" and conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")  # once per file; readers then never wait for the writer
            conn.execute("PRAGMA synchronous = NORMAL")
            db = Database(conn)
            migrate(db, script)
            return db
        except sqlite3.OperationalError as err:
            conn.close()
            if "locked" not in str(err) and "busy" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(random.uniform(0.05, 0.25))


def version(db: Database) -> int:
    if "schema_version" not in db.table_names():
        return 0
    row = db.execute("SELECT max(version) FROM schema_version").fetchone()
    return row[0] or 0


class NewerSchema(Exception):
    """The file was written by a newer version of minutes than this one."""


SCRIPT = Path(__file__).with_name("schema.sql")  # what the migrations build on SQLite, as SQL: see write_script


def migrate(db: Database, script: bool = True) -> int:
    """Bring the database to the latest schema, under a write lock so that two processes never both try.

    A new SQLite file is made from `schema.sql`, the statements the migrations produce, saving the
    import of sqlite-utils (and numpy, which it imports) on every first ingest; tests check the two agree."""
    current = version(db)
    if current > len(MIGRATIONS):
        raise NewerSchema(
            f"the database has schema version {current}; this minutes knows {len(MIGRATIONS)}: "
            "upgrade minutes (pip install -U minutes)"
        )
    if current == len(MIGRATIONS):
        return current
    db.begin()
    try:
        db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT)")
        start = version(db)  # read again: another process may have won
        if start == 0 and script and db.dialect == "sqlite" and SCRIPT.exists():
            for statement in _statements(SCRIPT.read_text(encoding="utf-8")):
                db.execute(statement)
        else:
            tables = _tables(db)
            for number in range(start + 1, len(MIGRATIONS) + 1):
                MIGRATIONS[number - 1](tables)
        for number in range(start + 1, len(MIGRATIONS) + 1):
            db.execute("INSERT INTO schema_version VALUES (?, ?)", [number, datetime.now(UTC).isoformat()])
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return version(db)


def _tables(db: Database):
    """What the migrations build tables with: sqlite-utils on SQLite, its PostgreSQL counterpart there."""
    if db.dialect == "postgresql":
        from . import postgres

        postgres.prepare(db)
        return postgres.Tables(db)
    import sqlite_utils  # only a migration needs it: table creation and full-text search set-up

    return sqlite_utils.Database(db.conn)


def _statements(script: str) -> list[str]:
    """The statements of a SQL script, one by one (a trigger's body holds semicolons of its own)."""
    out, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            out.append(pending.strip())
            pending = ""
    return [s for s in out if s.strip(" ;\n")]


def schema_statements(db: Database) -> list[str]:
    """The statements that build a SQLite database's schema, leaving out what SQLite makes by itself (the
    shadow tables of full-text indexes, automatic indexes) and the version table."""
    rows = db.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").fetchall()
    virtual = [name for _, name, sql in rows if sql.upper().startswith("CREATE VIRTUAL TABLE")]
    shadow = {f"{v}_{part}" for v in virtual for part in ("data", "idx", "content", "docsize", "config")}
    return [f"{sql};" for _, name, sql in rows if name not in shadow and name != "schema_version"]


def write_script(path: Path = SCRIPT) -> None:
    """Write schema.sql from the migrations themselves (run after adding a migration)."""
    db = _sqlite(":memory:", script=False)
    path.write_text("\n".join(schema_statements(db)) + "\n", encoding="utf-8")
