"""Speed and memory of minutes against the floor, measured in one run on this machine.

    python tests/bench/bench.py                 # prints a table, writes tests/bench/results.json
    python tests/bench/bench.py --quick         # fewer repeats

It builds its own inputs: a 120-page and a 300-page agenda pack (the sample pack repeated),
40 separate papers for --jobs, and a synthetic database of 10,000 meetings with 100,000 actions
across 50 bodies. Every figure is the median of several runs of a whole process, so start-up
is counted; ratios compare figures taken in the same run, since shared machines are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "samples" / "schools-forum-2023-06-27-agenda-pack.pdf"
FLOOR = """
import sys, pypdfium2 as pdfium
pdf = pdfium.PdfDocument(sys.argv[1])
for i in range(len(pdf)):
    page = pdf[i]; text = page.get_textpage(); text.get_text_range(); text.close(); page.close()
"""
PLUMBER = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_text(); page.close()
"""


def run(argv: list[str], env: dict | None = None) -> tuple[float, int]:
    """Wall seconds and peak memory (MB) of one whole process."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise RuntimeError(f"{' '.join(argv)} failed: {process.stderr.read().decode()[-500:]}")
    process.stderr.close()
    return elapsed, usage.ru_maxrss // 1024


def measure(name: str, argv_for, repeats: int, results: dict, prepare=None) -> None:
    times, peaks = [], []
    for n in range(repeats):
        if prepare:
            prepare(n)
        seconds, peak = run(argv_for(n))
        times.append(seconds)
        peaks.append(peak)
    results[name] = {
        "median_s": round(statistics.median(times), 3),
        "runs": [round(t, 3) for t in times],
        "peak_mb": max(peaks),
    }
    print(f"  {name:42} {statistics.median(times):8.3f} s   {max(peaks):5d} MB", flush=True)


def repeat_pdf(pages: int, out: Path) -> Path:
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(PACK))
    target = pdfium.PdfDocument.new()
    while len(target) < pages:
        count = min(len(source), pages - len(target))
        target.import_pages(source, list(range(count)))
    target.save(str(out))
    return out


def papers(folder: Path, count: int) -> list[Path]:
    """`count` different 10-page agenda packs (PDF): the sample with a distinct comment appended to each."""
    data = PACK.read_bytes()
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(count):
        path = folder / f"pack-{n:02d}.pdf"
        path.write_bytes(data + f"\n% copy {n}\n".encode())
        out.append(path)
    return out


def in_process(big: Path, results: dict, repeats: int) -> None:
    """The queries alone, without Python and the command line starting up."""
    from datetime import date

    from minutes.db import connect
    from minutes.db.queries import actions, digest

    db = connect(big)
    for name, call in (
        (
            "query: actions --open --body X",
            lambda: actions(db, body="Committee 07", open_only=True, with_history=False),
        ),
        ("query: digest --body X", lambda: digest(db, "Committee 07", date(2020, 1, 1))),
    ):
        time_in_process(name, call, repeats, results)


def time_in_process(name: str, call, repeats: int, results: dict) -> None:
    """The median of `repeats` calls in this process, without Python and the command line starting up."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    results[name] = {"median_s": round(statistics.median(times), 4), "runs": [round(t, 4) for t in times]}
    print(f"  {name:42} {statistics.median(times):8.4f} s   (in process)", flush=True)


def big_database(
    target: Path | str, bodies: int = 50, meetings: int = 10_000, actions: int = 100_000, decisions: bool = False
) -> None:
    """A store as a large council's (or an archive's) would be after years of use, written straight through
    the schema: a SQLite file, or a PostgreSQL database given by its URL."""
    from minutes.db import connect
    from minutes.db.store import analyze

    db = connect(target)
    db.begin()
    for table, columns, rows in _synthetic(bodies, meetings, actions, decisions):
        _bulk(db, table, columns, rows)
    db.commit()
    analyze(db)  # as every ingest ends (db/store.py)
    db.close()


def _synthetic(bodies: int, meetings: int, actions: int, decisions: bool):
    """(table, columns, rows) for the synthetic store, parents first."""
    rng = random.Random(7)
    yield (
        "documents",
        ("id", "sha256", "path", "format", "pages", "ingested_at", "meetings"),
        [(1, "synthetic", "synthetic.pdf", "pdf", 1, "2024-01-01", meetings)],
    )
    yield (
        "bodies",
        ("id", "name", "key", "initials"),
        [(b, f"Committee {b:02d}", f"committee {b:02d}", f"C{b:02d}") for b in range(1, bodies + 1)],
    )
    yield "people", ("body_id", "name"), [(b, f"Person {b}-{p}") for b in range(1, bodies + 1) for p in range(12)]
    days = {m: f"{2000 + (m // bodies) // 12:04d}-{(m // bodies) % 12 + 1:02d}-15" for m in range(1, meetings + 1)}
    yield (
        "meetings",
        ("id", "body_id", "document_id", "kind", "date"),
        [(m, (m - 1) % bodies + 1, 1, "minutes", days[m]) for m in days],
    )
    titles = ["Apologies", "Minutes", "Finance", "Standing item: budget"]
    yield (
        "items",
        ("meeting_id", "position", "number", "title"),
        [(m, k, str(k + 1), rng.choice(titles)) for m in days for k in range(4)],
    )
    if decisions:
        yield (
            "resolutions",
            ("meeting_id", "item", "text"),
            [
                (m, "3", f"RESOLVED that the {rng.choice(TOPICS)} budget of £{rng.randint(1, 900)},000 be approved")
                for m in days
            ],
        )
    per_meeting = actions // meetings
    rows, owners, history = [], [], []
    for m, day in days.items():
        body = (m - 1) % bodies + 1
        for s in range(1, per_meeting + 1):
            action_id = len(rows) + 1
            status = "open" if rng.random() < 0.3 else "done"
            text = f"Action {action_id}: write to the school about funding"
            rows.append((action_id, m, f"C{body:02d}-{day}-{s:02d}", s, "3", text, day, day, status))
            owners.append((action_id, 0, f"Person {body}-{s % 12}"))
            history.append((action_id, day, "open", "meeting", m, "raised"))
    yield "actions", ("id", "meeting_id", "ref", "seq", "item", "text", "due", "due_date", "status"), rows
    yield "action_owners", ("action_id", "position", "name"), owners
    yield "action_history", ("action_id", "at", "status", "by", "meeting_id", "words"), history


def _bulk(db, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Many rows at once: executemany on SQLite, COPY on PostgreSQL."""
    names = ", ".join(f'"{c}"' for c in columns)
    if db.dialect == "sqlite":
        db.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})", rows)
        return
    with db.conn.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


TOPICS = ["library", "highways", "playground", "allotments", "cemetery", "youth club", "village hall", "footpaths"]


def scale_queries(work: Path, results: dict, repeats: int) -> None:
    """The everyday queries on a national archive's worth: 1,000,000 actions across 500 bodies, on SQLite and
    on PostgreSQL, with their plans. PostgreSQL is the server MINUTES_BENCH_POSTGRES names (a database to
    fill), else a throwaway cluster as the tests start (tests/backends.py)."""
    plans = {}
    for backend in ("sqlite", "postgresql"):
        target = work / "million.db" if backend == "sqlite" else _bench_postgres()
        if target is None:
            print("  (no PostgreSQL server: the PostgreSQL half is not measured)", flush=True)
            continue
        started = time.perf_counter()
        big_database(target, bodies=500, meetings=100_000, actions=1_000_000, decisions=True)
        print(f"  (built 1,000,000 actions on {backend} in {time.perf_counter() - started:.0f} s)", flush=True)
        plans[backend] = _time_queries(target, backend, results, repeats)
    results["1M query plans"] = plans


def _bench_postgres() -> str | None:
    if os.environ.get("MINUTES_BENCH_POSTGRES"):
        return os.environ["MINUTES_BENCH_POSTGRES"]
    sys.path.insert(0, str(ROOT / "tests"))
    from backends import SERVER

    try:
        return SERVER.create()
    except BaseException as exc:  # pytest's skip, outside pytest
        print(f"  ({exc})", flush=True)
        return None


def _time_queries(target: Path | str, backend: str, results: dict, repeats: int) -> dict[str, list[str]]:
    from datetime import date

    from minutes.db import connect
    from minutes.db.queries import actions, digest, search

    db = connect(target)
    body = "Committee 250"
    on = "" if backend == "sqlite" else " on PostgreSQL"
    calls = {
        f"1M query{on}: actions --open --body X": lambda: actions(db, body=body, open_only=True, with_history=False),
        f"1M query{on}: digest --body X": lambda: digest(db, body, date(2020, 1, 1)),
        f"1M query{on}: decisions matching 'playground'": lambda: search(
            db, "playground", kinds=("decision",), limit=50
        ),
    }
    for name, call in calls.items():
        time_in_process(name, call, repeats, results)
    explain = "EXPLAIN QUERY PLAN " if backend == "sqlite" else "EXPLAIN "
    condition = db.matching("resolutions", "text", "r")
    searched = (
        "SELECT r.text FROM resolutions r JOIN meetings m ON m.id = r.meeting_id "
        f"WHERE {condition} ORDER BY m.date DESC NULLS LAST, r.id DESC LIMIT 50"
    )
    plans = {}
    for name, (sql, params) in {
        "actions --open --body X": (_open_sql(), [250]),
        "decisions matching": (searched, [db.words("playground")]),
    }.items():
        rows = db.execute(explain + sql, params).fetchall()
        plans[name] = [row[3] if backend == "sqlite" else row[0] for row in rows]
    db.close()
    return plans


def _open_sql() -> str:
    """The SQL `actions --open --body X` runs (db/queries.py), for its plan."""
    from minutes.db.queries import ACTIONS_SQL

    where = "a.linked_to IS NULL AND (a.reviewed IS NULL OR a.reviewed != 'rejected') AND m.body_id = ?"
    return f"{ACTIONS_SQL} WHERE {where} AND a.status = 'open' ORDER BY m.date NULLS FIRST, a.seq"


def docx_reading(work: Path, results: dict, repeats: int) -> None:
    """Reading an 800-paragraph Word file in process (styles looked up once per document), against
    python-docx opening it and walking its paragraphs' text: the floor for any DOCX reader."""
    import docx

    from minutes.ingest.word import read_docx

    path = work / "p800.docx"
    d = docx.Document()
    d.add_heading("Minutes of the Board meeting held on 5 March 2024", 1)
    for n in range(800):
        if n % 10 == 0:
            d.add_paragraph(f"Item {n // 10 + 1}", style="List Number")
        else:
            d.add_paragraph(f"Paragraph {n} about the budget and the hall. ").add_run("Bold words").bold = True
    d.save(path)
    for name, call in (
        ("floor: python-docx paragraphs' text, 800", lambda: [p.text for p in docx.Document(str(path)).paragraphs]),
        ("read_docx, 800 paragraphs", lambda: read_docx(path)),
    ):
        time_in_process(name, call, repeats, results)


SCAN = ROOT.parent / "shared" / "corpus" / "pdf" / "alameda-golf-commission-2012-01-10-minutes-scanned.pdf"


def ocr(results: dict, repeats: int) -> None:
    """Seconds per scanned page, read by Tesseract one page at a time and two at once."""
    from minutes.ingest.ocr import available

    if not available() or not SCAN.is_file():
        print("  (OCR skipped: needs Tesseract and the corpus scan)")
        return
    for jobs in (1, 2):
        measure(
            f"extract 4-page scan, OCR --jobs {jobs}",
            lambda n, jobs=jobs: [sys.executable, "-m", "minutes", "extract", str(SCAN), "--json", "--jobs", str(jobs)],
            repeats,
            results,
        )
    t1 = results["extract 4-page scan, OCR --jobs 1"]["median_s"]
    t2 = results["extract 4-page scan, OCR --jobs 2"]["median_s"]
    results["ocr"] = {"seconds per page, --jobs 1": round(t1 / 4, 2), "seconds per page, --jobs 2": round(t2 / 4, 2)}


CORPUS = ROOT.parent / "shared" / "corpus"
TREE = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:]).returncode
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024, code)
"""


def corpus_copies(folder: Path, count: int) -> Path:
    """`count` documents made from the corpus (every format), copied round by round under new names."""
    sources = sorted(p for p in CORPUS.rglob("*") if p.is_file() and not p.name.startswith("SOURCES"))
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        source = sources[n % len(sources)]
        shutil.copy(source, folder / f"{n:04d}-{source.name}")
    return folder


def tree_run(argv: list[str]) -> tuple[float, int]:
    """Wall seconds and the peak memory (MB) of the largest process in a command's whole tree."""
    run = subprocess.run([sys.executable, "-c", TREE, *argv], capture_output=True, text=True)
    seconds, peak, _ = run.stdout.split()
    return float(seconds), int(peak)


def batch_throughput(work: Path, results: dict) -> None:
    """Documents a second through `minutes batch` with 1 and 2 workers, local and Dask, and peak memory
    at 100 and 1,000 documents (scans are not OCR'd: this measures extraction)."""
    if not CORPUS.is_dir():
        print("  (no ../shared/corpus: batch throughput skipped)")
        return
    minutes = [sys.executable, "-m", "minutes", "-q", "batch", "--ocr", "never"]
    rows = {}
    for count in (100, 1000):
        folder = corpus_copies(work / f"copies-{count}", count)
        engines = [("local", "1"), ("local", "2"), ("dask", "1"), ("dask", "2")] if count == 1000 else [("local", "2")]
        for engine, jobs in engines:
            out = work / f"batch-{count}-{engine}-{jobs}.jsonl"
            seconds, peak = tree_run([*minutes, str(folder), "--out", str(out), "--engine", engine, "--jobs", jobs])
            name = f"batch {count} documents, {engine}, {jobs} worker(s)"
            rows[name] = {"seconds": round(seconds, 2), "docs_per_s": round(count / seconds, 1), "peak_mb": peak}
            print(f"  {name:42} {seconds:8.2f} s   {count / seconds:6.1f} docs/s   {peak:5d} MB", flush=True)
    results["batch"] = rows


def batch_speedups(rows: dict) -> dict:
    """The 2-worker speed-up of each engine, and the peak memory at 1,000 documents over that at 100."""
    out = {}
    for engine in ("local", "dask"):
        one, two = (rows.get(f"batch 1000 documents, {engine}, {n} worker(s)") for n in (1, 2))
        if one and two:
            out[f"batch {engine}: 2 workers / 1 (speed-up)"] = round(one["seconds"] / two["seconds"], 2)
    small, large = (rows.get(f"batch {n} documents, local, 2 worker(s)") for n in (100, 1000))
    if small and large:
        out["batch peak memory: 1,000 documents / 100"] = round(large["peak_mb"] / small["peak_mb"], 2)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer repeats")
    ap.add_argument("--ocr-only", action="store_true", help="only the scanned-page timings")
    ap.add_argument("--docx-only", action="store_true", help="only the Word reading timings")
    ap.add_argument("--batch-only", action="store_true", help="only the batch throughput (1,000 corpus documents)")
    ap.add_argument("--scale-only", action="store_true", help="only the queries on 1,000,000 actions")
    ap.add_argument("--out", type=Path, default=Path(__file__).with_name("results.json"))
    args = ap.parse_args()
    repeats = 3 if args.quick else 5
    py = sys.executable
    minutes = [py, "-m", "minutes"]
    results: dict = {"cores": os.cpu_count(), "python": sys.version.split()[0]}
    if args.docx_only:
        with tempfile.TemporaryDirectory() as folder:
            docx_reading(Path(folder), results, repeats)
        return 0
    if args.scale_only:
        with tempfile.TemporaryDirectory() as folder:
            scale_queries(Path(folder), results, repeats)
        print(json.dumps(results["1M query plans"], indent=2))
        return 0
    if args.batch_only:
        with tempfile.TemporaryDirectory() as folder:
            batch_throughput(Path(folder), results)
        print(json.dumps({**results["batch"], **batch_speedups(results["batch"])}, indent=2))
        return 0
    if args.ocr_only:
        ocr(results, repeats)
        print(json.dumps(results.get("ocr", {}), indent=2))
        return 0
    work = Path(tempfile.mkdtemp(prefix="minutes-bench-"))
    try:
        print(f"building inputs in {work}", flush=True)
        pack120 = repeat_pdf(120, work / "pack-120.pdf")
        pack300 = repeat_pdf(300, work / "pack-300.pdf")
        folder = work / "forty"
        papers(folder, 40)
        big = work / "big.db"
        big_database(big)
        print("timings (median of runs, whole processes)", flush=True)
        measure("floor: pypdfium2 text, 120 pages", lambda n: [py, "-c", FLOOR, str(pack120)], repeats, results)
        measure(
            "naive: pdfplumber extract_text, 120 pages",
            lambda n: [py, "-c", PLUMBER, str(pack120)],
            max(1, repeats // 2),
            results,
        )
        measure(
            "minutes ingest, 120 pages, new database",
            lambda n: minutes + ["--db", str(work / f"i120-{n}.db"), "-q", "ingest", str(pack120)],
            repeats,
            results,
        )
        measure("floor: pypdfium2 text, 300 pages", lambda n: [py, "-c", FLOOR, str(pack300)], repeats, results)
        measure(
            "minutes ingest, 300 pages, new database",
            lambda n: minutes + ["--db", str(work / f"i300-{n}.db"), "-q", "ingest", str(pack300)],
            2,
            results,
        )
        measure("minutes --help", lambda n: minutes + ["--help"], repeats, results)
        measure(
            "minutes actions (empty database)",
            lambda n: minutes + ["--db", str(work / "empty.db"), "actions"],
            repeats,
            results,
        )
        measure(
            "actions --open --body X (100,000 actions)",
            lambda n: minutes + ["--db", str(big), "actions", "--open", "--body", "Committee 07"],
            repeats,
            results,
        )
        measure(
            "digest --body X (100,000 actions)",
            lambda n: minutes + ["--db", str(big), "digest", "--body", "Committee 07", "--as-of", "2020-01-01"],
            repeats,
            results,
        )
        measure(
            "agenda --body X (100,000 actions)",
            lambda n: (
                minutes
                + [
                    "--db",
                    str(big),
                    "agenda",
                    "--body",
                    "Committee 07",
                    "--date",
                    "2030-01-01",
                    "--out",
                    str(work / f"agenda-{n}.docx"),
                ]
            ),
            repeats,
            results,
        )
        in_process(big, results, repeats)
        docx_reading(work, results, repeats)
        ocr(results, repeats)
        measure(
            "ingest 40 papers --jobs 1",
            lambda n: minutes + ["--db", str(work / f"j1-{n}.db"), "-q", "ingest", "--jobs", "1", str(folder)],
            3,
            results,
        )
        measure(
            "ingest 40 papers --jobs 2",
            lambda n: minutes + ["--db", str(work / f"j2-{n}.db"), "-q", "ingest", "--jobs", "2", str(folder)],
            3,
            results,
        )
        batch_throughput(work, results)
        scale_queries(work, results, repeats)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    t = {k: v["median_s"] for k, v in results.items() if isinstance(v, dict) and "median_s" in v}
    results["ratios"] = {
        "ingest_120 / floor_120": round(
            t["minutes ingest, 120 pages, new database"] / t["floor: pypdfium2 text, 120 pages"], 2
        ),
        "ingest_120 / pdfplumber_120": round(
            t["minutes ingest, 120 pages, new database"] / t["naive: pdfplumber extract_text, 120 pages"], 3
        ),
        "pdfplumber_120 / floor_120": round(
            t["naive: pdfplumber extract_text, 120 pages"] / t["floor: pypdfium2 text, 120 pages"], 1
        ),
        "ingest_300 / floor_300": round(
            t["minutes ingest, 300 pages, new database"] / t["floor: pypdfium2 text, 300 pages"], 2
        ),
        "jobs1 / jobs2 (speed-up)": round(t["ingest 40 papers --jobs 1"] / t["ingest 40 papers --jobs 2"], 2),
        "minutes --help (process floor of the CLI)": t["minutes --help"],
        "read_docx 800 / python-docx floor": round(
            t["read_docx, 800 paragraphs"] / t["floor: python-docx paragraphs' text, 800"], 2
        ),
    }
    results["ratios"].update(batch_speedups(results.get("batch", {})))
    print("ratios")
    for name, value in results["ratios"].items():
        print(f"  {name:42} {value}")
    args.out.write_text(json.dumps(results, indent=2))
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
