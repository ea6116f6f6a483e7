"""Databases for tests on both backends: a SQLite file, or a fresh database on a real PostgreSQL server.

The server is the one MINUTES_TEST_POSTGRES names (CI starts Debian's on loopback), else a throwaway
cluster started here with the machine's own initdb, stopped when the tests end. Without either, the
PostgreSQL half is skipped, unless MINUTES_REQUIRE_POSTGRES=1 (as in CI) makes that a failure.
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

BACKENDS = ("sqlite", "postgresql")


class Server:
    """One PostgreSQL server for the whole run, started on first use."""

    def __init__(self) -> None:
        self.admin: str | None = None
        self.why_not = ""
        self.created: list[str] = []
        self.started = False

    def url(self, name: str) -> str:
        assert self.admin
        return self.admin.rsplit("/", 1)[0] + "/" + name

    def ensure(self) -> str:
        if not self.started:
            self.started = True
            self.admin = os.environ.get("MINUTES_TEST_POSTGRES") or self._start()
        if self.admin is None:
            if os.environ.get("MINUTES_REQUIRE_POSTGRES") == "1":
                pytest.fail(f"PostgreSQL is required here: {self.why_not}")
            pytest.skip(f"no PostgreSQL server: {self.why_not}")
        return self.admin

    def create(self, template: str | None = None) -> str:
        """A new, empty database (or a copy of `template`); its URL."""
        import psycopg

        name = f"minutes_test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.ensure(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        self.created.append(name)
        return self.url(name)

    def drop_all(self) -> None:
        if not self.admin or not self.created:
            return
        import psycopg

        with psycopg.connect(self.admin, autocommit=True) as conn:
            for name in self.created:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.created.clear()

    def _start(self) -> str | None:
        """A throwaway cluster in a temporary folder, trusting loopback, with fsync off (tests need no
        durability). As root, initdb refuses to run, so the cluster runs as the postgres user."""
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        initdb = shutil.which("initdb") or (found[-1] if found else None)
        if initdb is None:
            self.why_not = "no initdb on this machine (apt install postgresql)"
            return None
        pg_ctl = str(Path(initdb).with_name("pg_ctl"))
        folder = tempfile.mkdtemp(prefix="minutes-pg-")
        as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres")
            as_user = ["runuser", "-u", "postgres", "--"]
        data, port = f"{folder}/data", _free_port()
        try:
            subprocess.run(
                [*as_user, initdb, "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"],
                check=True, capture_output=True, timeout=120,
            )  # fmt: skip
            options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
            subprocess.run(
                [*as_user, pg_ctl, "-D", data, "-o", options, "-l", f"{folder}/log", "-w", "start"],
                check=True, capture_output=True, timeout=120,
            )  # fmt: skip
        except (subprocess.SubprocessError, OSError) as exc:
            self.why_not = f"could not start a throwaway cluster ({exc})"
            shutil.rmtree(folder, ignore_errors=True)
            return None

        def stop() -> None:
            subprocess.run([*as_user, pg_ctl, "-D", data, "-m", "immediate", "stop"], capture_output=True)
            shutil.rmtree(folder, ignore_errors=True)

        atexit.register(stop)
        return f"postgresql://postgres@127.0.0.1:{port}/postgres"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SERVER = Server()


def fresh_db(backend: str, folder: Path, name: str = "minutes.db") -> Path | str:
    """Where a test's database lives: a file in its folder, or a new PostgreSQL database."""
    return folder / name if backend == "sqlite" else SERVER.create()


def copy_db(source: Path, target: Path) -> Path:
    """A consistent copy of a SQLite file through SQLite's backup API (the WAL may still hold pages)."""
    import sqlite3

    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target


def copy_of(db: Path | str, folder: Path) -> Path | str:
    """A copy of a database a test may change: SQLite's backup API, or PostgreSQL's CREATE DATABASE ... TEMPLATE."""
    if isinstance(db, str):
        return SERVER.create(template=db.rsplit("/", 1)[1])
    return copy_db(db, folder / "minutes.db")


def open_db(db: Path | str):
    """The database through minutes' own layer: `.execute(sql, params)` with `?` on either backend."""
    from minutes.db import connect

    return connect(db)
