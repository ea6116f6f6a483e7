"""PostgreSQL as the shared database: the same answers as SQLite, its own full-text index, clear errors,
and a SQLite copy for Datasette. (The store, tracker, digest, agenda, review and export tests also run
on both backends; this file holds what is PostgreSQL's own.)"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from minutes.db.schema import MIGRATIONS

from backends import SERVER, open_db
from conftest import SAMPLES, run_cli
from test_safety import consistent, corpus

LISTINGS = (
    ("meetings", "--json"),
    ("actions", "--json"),
    ("people", "--json"),
    ("bodies", "--json"),
    ("digest", "--body", "Schools Forum", "--as-of", "2023-07-01", "--format", "md"),
    ("search", "budget", "--json"),
)


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The samples ingested into a SQLite file and into a PostgreSQL database, then one action marked done."""
    sqlite_db = tmp_path_factory.mktemp("both") / "minutes.db"
    pg = SERVER.create()
    for db in (sqlite_db, pg):
        run_cli("ingest", str(SAMPLES), db=db, check=True)
        run_cli("action", "done", "SF-2023-03-14-01", "--note", "Emailed", db=db, check=True)
    return sqlite_db, pg


def printed(command: tuple[str, ...], db: Path | str) -> str:
    """What a command prints, with the moment a hand change was made (which differs run to run) blanked."""
    return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", "<when>", run_cli(*command, db=db, check=True).stdout)


@pytest.mark.parametrize("command", LISTINGS, ids=lambda c: c[0])
def test_every_listing_is_the_same_on_both(both: tuple[Path, str], command: tuple[str, ...]) -> None:
    sqlite_db, pg = both
    on_sqlite, on_pg = printed(command, sqlite_db), printed(command, pg)
    assert on_pg == on_sqlite, "the same rows in the same order"
    assert len(on_sqlite) > 100 and ("Emailed" in on_sqlite or command[0] != "actions")


def test_schema_is_migrated_and_searched_through_gin(both: tuple[Path, str]) -> None:
    _, pg = both
    db = open_db(pg)
    try:
        assert db.execute("SELECT max(version) FROM schema_version").fetchone()[0] == len(MIGRATIONS)
        indexes = {r[0] for r in db.execute("SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%gin%'")}
        assert {"resolutions_fts", "actions_fts", "items_fts"} <= indexes
        db.execute("SET enable_seqscan = off")  # a table this small would be scanned; the plan must allow the index
        plan = db.execute(
            f"EXPLAIN SELECT id FROM resolutions r WHERE {db.matching('resolutions', 'text', 'r')}", ["budget"]
        ).fetchall()
        assert "resolutions_fts" in " ".join(r[0] for r in plan)
    finally:
        db.close()


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    pg = SERVER.create()
    run_cli("ingest", str(SAMPLES / "schools-forum-high-needs-fragment.md"), db=pg, check=True)
    db = open_db(pg)
    db.execute("INSERT INTO schema_version VALUES (?, 'future')", [len(MIGRATIONS) + 1])
    db.close()
    result = run_cli("actions", db=pg)
    assert result.returncode == 1 and "upgrade minutes" in result.stderr and "Traceback" not in result.stderr


def test_connection_errors_are_one_line_without_the_password() -> None:
    admin = SERVER.ensure()
    missing = SERVER.url("no_such_database").replace("postgresql://", "postgresql://someone:s3cret@")
    for url in (missing, "postgresql://someone:s3cret@127.0.0.1:1/minutes"):
        result = run_cli("actions", db=url)
        assert result.returncode == 1, result.stderr
        assert result.stderr.count("\n") == 1 and "cannot open the database" in result.stderr
        assert "s3cret" not in result.stderr and "someone:***@" in result.stderr
    assert admin


def test_serve_points_to_a_sqlite_copy_which_holds_everything(both: tuple[Path, str], tmp_path: Path) -> None:
    _, pg = both
    refused = run_cli("serve", db=pg)
    assert refused.returncode == 1 and "export --format sqlite" in refused.stderr
    copy = tmp_path / "copy.db"
    result = run_cli("export", "--format", "sqlite", "--out", str(copy), db=pg, check=True)
    assert "wrote" in result.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["copy.db"], "one file, no partial or journal beside it"
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT count(*) FROM actions_fts WHERE actions_fts MATCH 'template'").fetchone()[0] == 1
    finally:
        conn.close()
    for command in LISTINGS:
        assert printed(command, copy) == printed(command, pg)
    again = run_cli("export", "--format", "sqlite", "--out", str(copy), "--body", "Schools Forum", db=pg)
    assert again.returncode == 2 and "whole database" in again.stderr


def test_a_server_lost_mid_ingest_stops_the_run_in_one_line_and_loses_nothing(tmp_path: Path) -> None:
    """The connection is cut (pg_terminate_backend) again and again while 40 papers are stored: the run stops
    with one line and exit 1, every document stored is whole, and ingesting again stores the rest."""
    import psycopg

    files = corpus(tmp_path / "inbox", 40)
    pg = SERVER.create()
    name = pg.rsplit("/", 1)[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "minutes", "--db", pg, "ingest", str(tmp_path / "inbox")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    with psycopg.connect(SERVER.ensure(), autocommit=True) as admin:
        while process.poll() is None:
            time.sleep(0.3)
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            )
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1, stderr
    assert "Traceback" not in stderr and stderr.count("\n") == 1, stderr
    written = "cannot write to the database" in stderr and "Check the server" in stderr
    assert written or "cannot open the database" in stderr
    stored, problems = consistent(pg)
    assert problems == [] and stored < len(files)
    again = run_cli("ingest", str(tmp_path / "inbox"), db=pg)
    assert again.returncode == 0, again.stderr
    assert consistent(pg) == (len(files), [])
