"""Shared fixtures: where the samples and the shared eval set are, and how to run the real CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from backends import BACKENDS, SERVER, copy_db, fresh_db  # noqa: F401  (copy_db: for the tests)

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
SCHEMA = SHARED / "contract" / "extraction.schema.json"


def run_cli(
    *args: str, db: Path | str | None = None, check: bool = False, env: dict | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    """Run `minutes` as a user would, in a fresh process."""
    argv = [sys.executable, "-m", "minutes"] + (["--db", str(db)] if db else []) + list(args)
    result = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"minutes {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result


@pytest.fixture
def db_path(tmp_path: Path, backend: str) -> Path | str:
    """A new database: a file in the test's folder, or (for a test marked both_backends) one on PostgreSQL."""
    return fresh_db(backend, tmp_path)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "both_backends: run the test on SQLite and on PostgreSQL")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test marked both_backends that takes `backend` runs once on each database."""
    if "backend" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_backends"):
        metafunc.parametrize("backend", BACKENDS, scope="module")


@pytest.fixture(scope="module")
def backend() -> str:
    return "sqlite"


def pytest_sessionfinish(session: pytest.Session) -> None:
    SERVER.drop_all()


def needs_shared() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not SHARED.exists(), reason="../shared is not beside the project")
