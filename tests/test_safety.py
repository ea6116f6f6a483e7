"""Nothing lost, nothing half-stored: killed runs, parallel writers, and databases from older versions."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from minutes.db import connect
from minutes.db.schema import MIGRATIONS, version

from backends import fresh_db, open_db
from conftest import SAMPLES, copy_db, run_cli

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def corpus(folder: Path, count: int = 40) -> list[Path]:
    """`count` distinct minutes, each its own meeting (its own date), made from the sample pack's minutes."""
    text = (SAMPLES / "schools-forum-2023-06-27-agenda-pack.txt").read_text(encoding="utf-8")
    minutes = text[text.index("London Borough of Hammersmith") : text.index("Contact officer")]
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(count):
        when = date(2020, 1, 7) + timedelta(weeks=2 * n)
        day = f"{when:%A} {when.day} {MONTHS[when.month - 1]} {when.year}"
        body = minutes.replace("Tuesday 14 March 2023", day)
        path = folder / f"minutes-{n:02d}.txt"
        path.write_text(body, encoding="utf-8")
        out.append(path)
    return out


def consistent(db: Path | str) -> tuple[int, list[str]]:
    """(documents stored, problems): a stored document has all its meetings, and every meeting its children."""
    if isinstance(db, Path):
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents'").fetchone():
                return 0, []  # killed while the schema was being created: that transaction left nothing
        finally:
            conn.close()
    conn = open_db(db)
    try:
        problems = []
        for doc_id, claimed in conn.execute("SELECT id, meetings FROM documents").fetchall():
            held = conn.execute("SELECT count(*) FROM meetings WHERE document_id = ?", [doc_id]).fetchone()[0]
            if held != claimed:
                problems.append(f"document {doc_id}: {held} of {claimed} meetings")
        for (meeting_id,) in conn.execute("SELECT id FROM meetings").fetchall():
            actions = conn.execute("SELECT count(*) FROM actions WHERE meeting_id = ?", [meeting_id]).fetchone()[0]
            items = conn.execute("SELECT count(*) FROM items WHERE meeting_id = ?", [meeting_id]).fetchone()[0]
            if (actions, items) != (6, 10):
                problems.append(f"meeting {meeting_id}: {actions} actions, {items} items")
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0], problems
    finally:
        conn.close()


def test_sigkill_never_leaves_a_document_half_stored(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    corpus(folder)
    db = tmp_path / "m.db"
    rounds = int(os.environ.get("MINUTES_KILL_ROUNDS", "8"))
    rng = random.Random(20231114)
    started = time.monotonic()
    run_cli("ingest", str(folder), db=tmp_path / "timing.db", check=True)
    full = time.monotonic() - started  # kills land anywhere from start-up to the last document
    killed_with_work_done = 0
    for n in range(rounds):
        db = tmp_path / f"m{n}.db"  # a fresh database each round, so every kill meets work still to do
        process = subprocess.Popen(
            [sys.executable, "-m", "minutes", "--db", str(db), "-q", "ingest", str(folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.25, 0.9) * full)
        process.send_signal(signal.SIGKILL)
        process.wait()
        if db.exists():
            stored, problems = consistent(db)
            assert problems == []
            killed_with_work_done += 0 < stored < 40
    assert killed_with_work_done >= 1, "the kills landed while documents were being written"
    result = run_cli("ingest", str(folder), db=db)
    assert result.returncode == 0, result.stderr
    stored, problems = consistent(db)
    assert (stored, problems) == (40, [])


def started(db: Path | str, *argv: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "minutes", "--db", str(db), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.both_backends
@pytest.mark.parametrize("writers", [2, 4])
def test_parallel_ingests_store_each_document_once(tmp_path: Path, writers: int, backend: str) -> None:
    folder = tmp_path / "inbox"
    files = corpus(folder, 24)
    db = fresh_db(backend, tmp_path)
    procs = []
    for n in range(writers):
        order = files[n::1] if n % 2 == 0 else list(reversed(files))
        procs.append(started(db, "ingest", *map(str, order)))
    outputs = [p.communicate(timeout=300) for p in procs]
    for process, (_stdout, stderr) in zip(procs, outputs, strict=True):
        assert process.returncode == 0, stderr
        assert "locked" not in stderr.lower()
    stored, problems = consistent(db)
    assert (stored, problems) == (24, [])
    conn = open_db(db)
    assert conn.execute("SELECT count(DISTINCT sha256), count(*) FROM documents").fetchone() == (24, 24)
    assert conn.execute("SELECT count(*) FROM actions").fetchone()[0] == 24 * 6
    conn.close()


def one_after_another(db: Path | str, commands: list[list[str]]) -> subprocess.Popen:
    """One officer's commands, run in turn by a process of their own (stopping at the first that fails)."""
    script = (
        "import subprocess, sys\n"
        f"for argv in {commands!r}:\n"
        f"    subprocess.run([sys.executable, '-m', 'minutes', '--db', {str(db)!r}, *argv], check=True)"
    )
    return subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.both_backends
def test_officers_ingest_review_and_mark_actions_done_at_once(tmp_path: Path, backend: str) -> None:
    """Two officers ingest new papers while a third marks actions done and a fourth reviews records: every
    command succeeds, and every hand change is there at the end, through the trackers' replays."""
    files = corpus(tmp_path / "inbox", 16)
    db = fresh_db(backend, tmp_path)
    run_cli("ingest", *map(str, files[:4]), db=db, check=True)
    conn = open_db(db)
    refs = [r[0] for r in conn.execute("SELECT ref FROM actions ORDER BY id LIMIT 8").fetchall()]
    items = [r[0] for r in conn.execute("SELECT id FROM items ORDER BY id LIMIT 6").fetchall()]
    conn.close()
    procs = [
        started(db, "ingest", *map(str, files[4:10])),
        started(db, "ingest", *map(str, reversed(files[8:]))),
        one_after_another(db, [["action", "done", ref] for ref in refs]),
        one_after_another(db, [["review", "confirm", "item", str(item)] for item in items]),
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    for process, (_stdout, stderr) in zip(procs, outputs, strict=True):
        assert process.returncode == 0, stderr
    assert consistent(db) == (16, [])
    conn = open_db(db)
    statuses = dict(conn.execute(f"SELECT ref, status FROM actions WHERE ref IN ({','.join('?' * 8)})", refs))
    reviewed = conn.execute(f"SELECT reviewed FROM items WHERE id IN ({','.join('?' * 6)})", items).fetchall()
    conn.close()
    assert statuses == dict.fromkeys(refs, "done"), "a hand change made while others ingest stays made"
    assert reviewed == [("confirmed",)] * 6


def test_older_schema_is_migrated_forward(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    import sqlite_utils

    old = sqlite_utils.Database(path)
    old.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT)")
    MIGRATIONS[0](old)
    old.execute("INSERT INTO schema_version VALUES (1, '2023-01-01')")
    old.execute(
        "INSERT INTO documents (sha256, path, format, ingested_at, meetings) VALUES ('ab', 'old.txt', 'txt', "
        "'2023-01-01', 0)"
    )
    old.conn.commit()
    old.close()
    db = connect(path)
    assert version(db) == len(MIGRATIONS)
    assert {"progress", "overrides", "people_aliases"} <= set(db.table_names())
    assert db.execute("SELECT path FROM documents").fetchall() == [("old.txt",)]
    db.close()
    result = run_cli("ingest", str(SAMPLES / "schools-forum-2023-06-27-agenda-pack.txt"), db=path)
    assert result.returncode == 0, result.stderr
    assert run_cli("actions", "--open", db=path, check=True).stdout.count("SF-2023-03-14-") == 6


def test_a_new_file_from_schema_sql_is_what_the_migrations_build(tmp_path: Path) -> None:
    """schema.sql is the migrations' own output: if a migration changes, it must be written again
    (python -c 'from minutes.db.schema import write_script; write_script()')."""
    from minutes.db.schema import _sqlite

    scripted, migrated = _sqlite(tmp_path / "scripted.db"), _sqlite(tmp_path / "migrated.db", script=False)
    catalogue = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name != 'schema_version' ORDER BY name"
    assert scripted.execute(catalogue).fetchall() == migrated.execute(catalogue).fetchall()
    assert version(scripted) == version(migrated) == len(MIGRATIONS)
    run_cli("ingest", str(SAMPLES / "schools-forum-2023-06-27-agenda-pack.txt"), db=tmp_path / "scripted.db")
    found = scripted.execute("SELECT count(*) FROM actions_fts WHERE actions_fts MATCH 'template'").fetchone()[0]
    assert found == 1, "the full-text triggers came with the script"
    scripted.close()
    migrated.close()


def test_newer_or_foreign_database_is_refused_clearly(tmp_path: Path) -> None:
    newer = tmp_path / "newer.db"
    db = connect(newer)
    db.execute(f"INSERT INTO schema_version VALUES ({len(MIGRATIONS) + 1}, 'future')")
    db.close()
    result = run_cli("actions", db=newer)
    assert result.returncode == 1 and "upgrade minutes" in result.stderr
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    result = run_cli("actions", db=junk)
    assert result.returncode == 1 and "cannot open the database" in result.stderr and "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the 40 meetings of `corpus`, to be copied by each kill."""
    folder = tmp_path_factory.mktemp("seeded")
    db = folder / "seed.db"
    corpus(folder / "inbox")
    run_cli("ingest", str(folder / "inbox"), db=db, check=True)
    return db


def killed_at_random(argv: list[str], full: float, rng: random.Random) -> None:
    """Start a `minutes` command and SIGKILL it anywhere from its start to just after its end (a busy
    machine runs it slower than when it was timed)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "minutes", *argv], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(rng.uniform(0.1, 1.2) * full)
    process.send_signal(signal.SIGKILL)
    process.wait()


def test_sigkill_during_action_done_leaves_the_change_whole_or_absent(tmp_path: Path, seeded: Path) -> None:
    conn = sqlite3.connect(seeded)
    (ref,) = conn.execute("SELECT ref FROM actions WHERE status = 'open' ORDER BY id LIMIT 1").fetchone()
    conn.close()
    rounds = int(os.environ.get("MINUTES_KILL_ROUNDS", "8"))
    rng = random.Random(20261201)
    started = time.monotonic()
    run_cli("action", "done", ref, db=copy_db(seeded, tmp_path / "timing.db"), check=True)
    full = time.monotonic() - started
    for n in range(rounds):
        db = copy_db(seeded, tmp_path / f"m{n}.db")
        killed_at_random(["--db", str(db), "action", "done", ref], full, rng)
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        overrides = conn.execute("SELECT count(*) FROM overrides").fetchone()[0]
        by_hand = conn.execute("SELECT count(*) FROM action_history WHERE by = 'user'").fetchone()[0]
        status = conn.execute("SELECT status FROM actions WHERE ref = ?", [ref]).fetchone()[0]
        conn.close()
        assert (overrides, by_hand, status) in ((0, 0, "open"), (1, 1, "done"))
        (tmp_path / f"m{n}.db").unlink()


def test_sigkill_during_agenda_leaves_a_whole_pack_or_none(tmp_path: Path, seeded: Path) -> None:
    import docx

    conn = sqlite3.connect(seeded)
    (body,) = conn.execute("SELECT name FROM bodies ORDER BY id LIMIT 1").fetchone()
    conn.close()
    before = seeded.read_bytes()
    argv = ["--db", str(seeded), "agenda", "--body", body, "--date", "2024-01-09"]
    rounds = int(os.environ.get("MINUTES_KILL_ROUNDS", "8"))
    rng = random.Random(20261202)
    started = time.monotonic()
    run_cli(*argv[2:], "--out", str(tmp_path / "timing.docx"), db=seeded, check=True)
    full = time.monotonic() - started
    for n in range(rounds):
        pack = tmp_path / f"pack-{n}.docx"
        killed_at_random([*argv, "--out", str(pack)], full, rng)
        if pack.exists():
            assert "Action log" in "\n".join(p.text for p in docx.Document(str(pack)).paragraphs)
    assert seeded.read_bytes() == before, "drafting a pack never changes the database"
