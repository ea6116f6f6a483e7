"""Shared fixtures: where the samples and the shared eval set are, and how to run the real CLI."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
SCHEMA = SHARED / "contract" / "extraction.schema.json"


def run_cli(
    *args: str, db: Path | None = None, check: bool = False, env: dict | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    """Run `minutes` as a user would, in a fresh process."""
    argv = [sys.executable, "-m", "minutes"] + (["--db", str(db)] if db else []) + list(args)
    result = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"minutes {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "minutes.db"


def needs_shared() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not SHARED.exists(), reason="../shared is not beside the project")


def copy_db(source: Path, target: Path) -> Path:
    """A consistent copy through SQLite's backup API (the WAL may still hold pages)."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target
