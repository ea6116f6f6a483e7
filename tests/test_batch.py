"""`minutes batch` and `minutes load`: extraction mapped over many files, on processes or a real Dask cluster.

Every line must hold exactly what `minutes extract --json` prints for its file; a rerun must skip
what the output holds (and mend a line cut short by a kill); `minutes load` must store what
`minutes ingest` stores, once.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from backends import fresh_db, open_db
from conftest import SAMPLES, run_cli

FORMATS = (".pdf", ".docx", ".txt", ".md", ".html")
PAPERS = sorted(p for p in SAMPLES.iterdir() if p.suffix in FORMATS and p.stem != "README")  # every format


def lines(path: Path) -> dict[str, dict]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_source = {r["source"]: r for r in records}
    assert len(by_source) == len(records), "each document once"
    return by_source


def stored(db: Path | str) -> list[tuple]:
    """What a database holds, without ids or times: the documents, meetings and actions."""
    conn = open_db(db)
    try:
        return [
            *conn.execute("SELECT sha256, format, pages, meetings FROM documents ORDER BY sha256").fetchall(),
            *conn.execute("SELECT kind, date, start_time, location FROM meetings ORDER BY date, kind").fetchall(),
            *conn.execute("SELECT ref, text, status, due FROM actions ORDER BY ref").fetchall(),
        ]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def local_batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("batch") / "local.jsonl"
    run_cli("batch", *map(str, PAPERS), "--out", str(out), "--jobs", "2", check=True)
    return out


def test_each_line_is_what_extract_prints_for_its_file(local_batch: Path) -> None:
    records = lines(local_batch)
    assert sorted(records) == [str(p) for p in PAPERS]
    for paper in PAPERS:
        printed = run_cli("extract", "--json", str(paper), check=True).stdout
        record = records[str(paper)]
        assert record["error"] is None and record["extraction"] == json.loads(printed)
        assert record["sha256"] == record["extraction"]["document"]["sha256"]


def test_a_real_dask_cluster_writes_the_same_lines(local_batch: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    out = tmp_path / "dask.jsonl"
    run = run_cli("batch", *map(str, PAPERS), "--out", str(out), "--engine", "dask", "--jobs", "2")
    assert run.returncode == 0, run.stderr
    assert lines(out) == lines(local_batch)


def test_a_running_cluster_is_reached_by_its_scheduler_address(local_batch: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    out = tmp_path / "remote.jsonl"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert all(w.process is not None for w in cluster.workers.values()), "worker processes, not threads"
        run = run_cli("batch", *map(str, PAPERS[:3]), "--out", str(out), "--engine", "dask",
                      "--scheduler", cluster.scheduler_address)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert lines(out) == {k: v for k, v in lines(local_batch).items() if k in map(str, PAPERS[:3])}


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    run = run_cli("batch", str(PAPERS[0]), "--out", str(tmp_path / "x.jsonl"), "--engine", "dask",
                  "--scheduler", "tcp://127.0.0.1:9")  # fmt: skip
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.strip().startswith("error: cannot reach the Dask scheduler tcp://127.0.0.1:9")


def test_a_rerun_skips_what_is_done_and_mends_a_line_cut_short(local_batch: Path, tmp_path: Path) -> None:
    out = tmp_path / "resumed.jsonl"
    whole = local_batch.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(whole[:2]) + whole[2][: len(whole[2]) // 2], encoding="utf-8")  # killed mid-line
    run = run_cli("batch", *map(str, PAPERS), "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert f"{len(PAPERS) - 2} documents extracted" in run.stdout and "2 already there" in run.stdout
    assert lines(out) == lines(local_batch)
    again = run_cli("batch", *map(str, PAPERS), "--out", str(out), check=True)
    assert "0 documents extracted" in again.stdout and lines(out) == lines(local_batch)


def test_a_bad_file_gets_its_error_line_and_the_others_go_on(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 nothing else")
    out = tmp_path / "x.jsonl"
    run = run_cli("batch", str(bad), str(PAPERS[0]), "--out", str(out), "--jobs", "2")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert [line for line in run.stderr.splitlines() if line.startswith("error:")] == [
        f"error: {lines(out)[str(bad)]['error']}"
    ]
    assert lines(out)[str(PAPERS[0])]["error"] is None


@pytest.mark.both_backends
def test_load_stores_what_ingest_stores_and_only_once(local_batch: Path, tmp_path: Path, backend: str) -> None:
    ingested, loaded = fresh_db(backend, tmp_path, "ingested.db"), fresh_db(backend, tmp_path, "loaded.db")
    run_cli("ingest", *map(str, PAPERS), db=ingested, check=True)
    first = run_cli("load", str(local_batch), db=loaded, check=True)
    assert stored(loaded) == stored(ingested) and stored(loaded)
    again = run_cli("load", str(local_batch), db=loaded, check=True)
    assert f"{len(PAPERS)} unchanged" in again.stdout and stored(loaded) == stored(ingested)
    assert "0 failed" in first.stdout


def test_load_names_a_line_that_is_not_a_record_and_stores_the_rest(local_batch: Path, tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.jsonl"
    shutil.copy(local_batch, mixed)
    with mixed.open("a", encoding="utf-8") as handle:
        handle.write('{"source": "x.pdf"}\nnot json at all\n')
    run = run_cli("load", str(mixed), db=tmp_path / "m.db")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert [e.split(": ", 2)[2] for e in errors] == [
        f"line {len(PAPERS) + 1} is not a batch record (KeyError)",
        f"line {len(PAPERS) + 2} is not a batch record (JSONDecodeError)",
    ]
    assert f"{len(PAPERS)} documents stored" in run.stdout


def test_a_record_holding_line_separators_loads_whole(tmp_path: Path) -> None:
    paper = tmp_path / "odd\u2028name\x85.txt"
    paper.write_text(PAPERS[-1].read_text(encoding="utf-8").replace("Forum", "Forum\u2028"), encoding="utf-8")
    out = tmp_path / "x.jsonl"
    run_cli("batch", str(paper), "--out", str(out), check=True)
    loaded = run_cli("load", str(out), db=tmp_path / "m.db")
    assert loaded.returncode == 0 and "1 document stored" in loaded.stdout, loaded.stderr


def test_a_named_pipe_in_the_folder_is_one_error_and_never_blocks(tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    shutil.copy(PAPERS[0], folder)
    run = run_cli("batch", str(folder), "--out", str(tmp_path / "x.jsonl"), timeout=60)
    assert run.returncode == 1 and "not a regular file" in run.stderr
    assert lines(tmp_path / "x.jsonl")[str(folder / "pipe.txt")]["sha256"] is None


def test_an_out_file_that_is_not_a_batch_file_is_refused_untouched(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("my notes\nthe last line, with no newline")
    before = notes.read_bytes()
    run = run_cli("batch", str(PAPERS[0]), "--out", str(notes))
    assert run.returncode == 1 and "not a batch file" in run.stderr and "Traceback" not in run.stderr
    assert notes.read_bytes() == before


def test_a_rerun_tries_again_what_failed_and_reads_each_file_once(tmp_path: Path) -> None:
    paper = tmp_path / "late.txt"
    paper.write_bytes(b"")  # still being copied when the first run read it
    out = tmp_path / "x.jsonl"
    first = run_cli("batch", str(paper), str(PAPERS[0]), "--out", str(out))
    assert first.returncode == 1 and lines(out)[str(paper)]["error"]
    assert "1 document extracted" in first.stdout and "; 1 failed" in first.stdout  # not '2 extracted; 1 failed'
    shutil.copy(PAPERS[-1], paper)
    again = run_cli("batch", str(paper), str(PAPERS[0]), f"{tmp_path}/./late.txt", "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert "1 document extracted" in again.stdout
    records = lines(out)
    assert sorted(records) == sorted([str(paper), str(PAPERS[0])]) and records[str(paper)]["error"] is None


def test_load_stores_in_the_order_ingest_reads_a_folder_whatever_order_the_workers_finished(tmp_path: Path) -> None:
    """The first paper stored names a body and gives its refs their letters: an agenda saying only 'County
    Council' before the council's own minutes. load must store in ingest's order to end the same."""
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "1-agenda.txt").write_text(
        "Agenda for a meeting of the County Council to be held on Thursday 13 March 2025\n\n1. Apologies\n\n2. Budget\n"
    )
    (papers / "2-minutes.txt").write_text(
        "KENT COUNTY COUNCIL\n\nMinutes of the meeting of the County Council held on Thursday 13 March 2025\n\n"
        "Present: Mr A Booth, Mrs B Cole, Mr C Dance\n\n1. Budget\n\nACTION: Mr Booth to circulate the budget.\n"
    )
    out = tmp_path / "x.jsonl"
    run_cli("batch", str(papers), "--out", str(out), check=True)
    out.write_text("".join(reversed(out.read_text().splitlines(keepends=True))))  # as two workers might finish
    run_cli("load", str(out), db=tmp_path / "loaded.db", check=True)
    run_cli("ingest", str(papers), db=tmp_path / "ingested.db", check=True)
    refs = [
        [a["ref"] for a in json.loads(run_cli("actions", "--json", db=tmp_path / db, check=True).stdout)]
        for db in ("loaded.db", "ingested.db")
    ]
    assert refs[0] == refs[1] and len(refs[0]) == 1


def test_load_of_a_file_that_is_no_batch_file_says_so_once(tmp_path: Path) -> None:
    notes = tmp_path / "notes.jsonl"
    notes.write_text("".join(f"line {n}\n" for n in range(50)))
    run = run_cli("load", str(notes), db=tmp_path / "m.db")
    assert run.returncode == 1 and run.stderr.count("error:") == 1 and "not a batch file" in run.stderr
