"""Outputs are written whole or not at all, never over the database, and fail in one line."""

from __future__ import annotations

import hashlib
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES, run_cli

WRITE = """
import sys
from pathlib import Path
from minutes.outputs import OutputError, write_whole
try:
    write_whole(Path(sys.argv[1]), b"x" * 200_000)
except OutputError as exc:
    print(exc)
    sys.exit(1)
"""


def _small_files() -> None:
    """A file-size limit, as a full disk would stop a write part-way (EFBIG rather than ENOSPC)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))


def test_a_write_stopped_part_way_keeps_the_previous_file_and_leaves_no_partial(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_text('{"good": true}')
    run = subprocess.run(
        [sys.executable, "-c", WRITE, str(target)], preexec_fn=_small_files, capture_output=True, text=True
    )
    assert run.returncode == 1 and run.stdout.strip() == f"{target}: not written (File too large)"
    assert target.read_text() == '{"good": true}'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.json"]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("out") / "m.db"
    run_cli("ingest", str(SAMPLES), db=path)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--format", "json"],
        ["export", "--format", "xlsx"],
        ["digest", "--body", "Schools Forum", "--format", "md"],
        ["calendar", "--body", "Schools Forum"],
        ["action-log", "--body", "Schools Forum", "--format", "md"],
    ],
)
@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_out_naming_the_database_or_its_files_is_refused(db: Path, command: list[str], suffix: str) -> None:
    target = Path(f"{db}{suffix}")
    before = _digest(db)
    run = run_cli(*command, "--out", str(target), db=db)
    assert run.returncode == 1
    assert run.stderr.strip() == f"error: {target}: that is the database (or one of its files); give --out another name"
    assert _digest(db) == before


@pytest.mark.parametrize(
    "command",
    [
        ["digest", "--body", "Schools Forum", "--format", "md"],
        ["calendar", "--body", "Schools Forum"],
        ["action-log", "--body", "Schools Forum", "--format", "md"],
    ],
)
def test_an_unwritable_out_gets_one_line(db: Path, tmp_path: Path, command: list[str]) -> None:
    target = tmp_path / "no-such-folder" / "out.file"
    run = run_cli(*command, "--out", str(target), db=db)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.strip() == f"error: {target}: not written (no such folder)"


def test_export_makes_its_folder_or_says_why_it_cannot(db: Path, tmp_path: Path) -> None:
    made = tmp_path / "new" / "tables"
    run_cli("export", "--format", "csv", "--out", str(made), db=db, check=True)
    assert (made / "actions.csv").is_file()
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    run = run_cli("export", "--format", "csv", "--out", str(blocker / "tables"), db=db)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.strip().startswith(f"error: {blocker / 'tables'}: cannot make the folder")


def test_a_rewrite_keeps_the_files_permissions_and_never_follows_a_planted_link(tmp_path: Path) -> None:
    import os

    from minutes.outputs import write_whole

    target = tmp_path / "export.json"
    target.write_text("old")
    target.chmod(0o600)
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched")
    (tmp_path / ".export.json.partial").symlink_to(victim)  # the old fixed partial name, planted
    write_whole(target, b"new")
    assert target.read_bytes() == b"new" and victim.read_text() == "untouched"
    assert os.stat(target).st_mode & 0o777 == 0o600
