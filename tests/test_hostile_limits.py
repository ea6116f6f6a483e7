"""Hostile files under a resource limit: each one gets one line or a stored result, in bounded time and memory.

Every file here is generated: a PDF whose one content stream inflates to 100 MB of text (a
"text bomb"), a page of 150,000 characters, a DOCX whose zip directory lies about the size of
its document (and one whose CRC is forged to match the lie), a 100,000-paragraph DOCX, 10 MB
and 200 KB of text in spaced columns, a line of repeated dates, a sentence of 30,000 comma
clauses, lists numbered from a trillion in Roman numerals.
Each is run through `minutes ingest` as its own process with a wall-clock limit of LIMIT_S
seconds and its peak memory (the largest resident size of it and its reading child) must stay
under LIMIT_MB. The runs in a folder check that the bomb is named and the good files still stored.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from test_bad_input import GOOD_TEXT, SAMPLE_DOCX, hand_written_pdf

from minutes.ingest import IngestError, isolated

LIMIT_S = 10
LIMIT_MB = 500
HEAD = "Minutes of the Parish Council meeting held on 5 March 2024\n\nPresent: Ann Bell, Cy Dee\n\n1. Finance\n"

# Runs a command and reports, on its last line of stderr, the peak resident size in KB of the
# command and every process it waited for (Linux folds a grandchild's peak into its parent's).
MEASURE = (
    "import resource, subprocess, sys\n"
    "run = subprocess.run(sys.argv[1:])\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(run.returncode)\n"
)


def text_bomb_pdf(path: Path, lines: int = 100 * 1028) -> None:
    """One page whose FlateDecode content stream inflates to `lines` distinct, visible lines of 1,000 letters.

    The default is 100 MB of text from a file of about 200 KB. Each line is a new letter a little
    lower down the page, so pdfium keeps every character (it drops text drawn twice in one place)."""
    body = b"".join(b"(" + bytes([65 + i % 26]) * 1000 + b") Tj 0 -0.06 Td\n" for i in range(lines))
    stream = zlib.compress(b"BT /F1 0.05 Tf 10 700 Td\n" + body + b"ET", 9)
    path.write_bytes(
        hand_written_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>",
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream),
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            ]
        )
    )


def crowded_page_pdf(path: Path) -> None:
    """A page of 150,000 characters: far past any page of minutes, well within memory."""
    text_bomb_pdf(path, lines=150)


def lying_zip_docx(path: Path, padding_mb: int = 300, declared: int = 800_000) -> None:
    """The sample DOCX whose document.xml inflates to `padding_mb` MB but whose zip directory says 0.8 MB."""
    with zipfile.ZipFile(SAMPLE_DOCX) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                bomb.writestr(info, source.read(info))
                continue
            with bomb.open("word/document.xml", "w") as member:
                member.write(source.read(info))
                for _ in range(padding_mb):
                    member.write(b" " * 2**20)
    data = bytearray(path.read_bytes())
    local, central = _headers(data, b"word/document.xml")
    data[local + 22 : local + 26] = declared.to_bytes(4, "little")
    data[central + 24 : central + 28] = declared.to_bytes(4, "little")
    path.write_bytes(bytes(data))


def forged_crc_docx(path: Path, declared: int = 800_000) -> None:
    """As lying_zip_docx, with the CRC forged for the declared prefix, so zipfile's own check passes."""
    lying_zip_docx(path, declared=declared)
    with zipfile.ZipFile(SAMPLE_DOCX) as source:
        real = source.read("word/document.xml")
    prefix = (real + b" " * declared)[:declared]
    crc = zlib.crc32(prefix).to_bytes(4, "little")
    data = bytearray(path.read_bytes())
    local, central = _headers(data, b"word/document.xml")
    data[local + 14 : local + 18] = crc
    data[central + 16 : central + 20] = crc
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as forged, forged.open("word/document.xml") as member:
        assert len(member.read()) == declared, "zipfile alone accepts the forged part"


def _headers(data: bytearray, name: bytes) -> tuple[int, int]:
    """Where a member's local header and its central directory entry start."""
    local = next(i for i in _all(data, b"PK\x03\x04") if data[i + 30 : i + 30 + len(name)] == name)
    central = next(i for i in _all(data, b"PK\x01\x02") if data[i + 46 : i + 46 + len(name)] == name)
    return local, central


def _all(data: bytearray, marker: bytes):
    start = data.find(marker)
    while start != -1:
        yield start
        start = data.find(marker, start + 1)


def many_paragraphs_docx(path: Path, count: int = 100_000) -> None:
    """python-docx's blank document with `count` numbered paragraphs written straight into its XML
    (adding them through python-docx takes minutes: each add looks its style up again)."""
    import docx

    docx.Document().save(str(path))
    paragraphs = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr><w:r><w:t>Paragraph {n} notes the hall.</w:t></w:r></w:p>'
        for n in range(count)
    )
    title = "<w:p><w:r><w:t>Minutes of the Parish Council meeting held on 5 March 2024</w:t></w:r></w:p>"
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    body = parts["word/document.xml"].decode("utf-8")
    at = body.index("<w:sectPr")
    parts["word/document.xml"] = (body[:at] + title + paragraphs + body[at:]).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def spaced_columns_text(path: Path, kilobytes: int = 10 * 1024) -> None:
    """Rows of words set apart by wide gaps, which the text reader takes for table columns."""
    row = "Cllr Ann Bell          Present          Finance          Agreed\n"
    path.write_text(HEAD + row * (kilobytes * 1024 // len(row)), encoding="utf-8")


def repeated_dates_text(path: Path) -> None:
    path.write_text(HEAD + "5 March 2024, " * 14_000 + "\n", encoding="utf-8")


def comma_clauses_text(path: Path) -> None:
    path.write_text(HEAD + "The Clerk said " + "and more, " * 30_000 + "done.\n", encoding="utf-8")


def capital_letters_text(path: Path) -> None:
    """Lines of lone capitals ('A A A ... A 1.'): each could start a name, an initial or a title."""
    path.write_text(HEAD + ("A " * 400 + "will go.\n") * 50, encoding="utf-8")


def yaml_laughs_md(path: Path) -> None:
    """Front matter whose aliases would stand for gigabytes of text if expanded, and values YAML would
    turn into other types ('19:30' into 1170) or refuse ('2021-02-30')."""
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
        for n in range(20)
    )
    odd = "---\ntitle: Yes\ntime: 19:30\ndate: 2021-02-30\n" + laughs + "---\n\n"
    path.write_text(odd + HEAD, encoding="utf-8")


def roman_trillion_html(path: Path) -> None:
    items = "".join(f"<li>Item {n} was noted.</li>" for n in range(200))
    path.write_text(f"<html><body><p>{HEAD}</p><ol type='I' start='999999999999'>{items}</ol></body></html>")


CASES: dict[str, tuple[Callable[[Path], None], str | None]] = {
    # name: (builder, the one-line error expected, or None for a stored result)
    "text-bomb.pdf": (text_bomb_pdf, r"needs more than the \d+ MB allowed|crashed on page 1"),
    "crowded-page.pdf": (crowded_page_pdf, r"page 1 holds 15\d,\d\d\d characters of text, over the 100,000 limit"),
    "lying-zip.docx": (lying_zip_docx, r"part word/document.xml does not match its declared size"),
    "forged-crc.docx": (forged_crc_docx, r"part word/document.xml does not match its declared size"),
    "many-paragraphs.docx": (many_paragraphs_docx, r"holds 100,001 paragraphs, over the 50,000 limit"),
    "spaced-columns.txt": (spaced_columns_text, r"text file is 11 MB, over the 2 MB limit"),
    "spaced-columns-200kb.txt": (partial(spaced_columns_text, kilobytes=200), None),
    "repeated-dates.txt": (repeated_dates_text, None),
    "comma-clauses.txt": (comma_clauses_text, None),
    "roman-trillion.html": (roman_trillion_html, None),
    "capital-letters.txt": (capital_letters_text, None),
    "yaml-laughs.md": (yaml_laughs_md, None),
}


def measured(argv: list[str], timeout: float = LIMIT_S) -> tuple[subprocess.CompletedProcess, float]:
    """The finished run and its peak memory in MB; the run is killed (and the test fails) past `timeout`."""
    run = subprocess.run([sys.executable, "-c", MEASURE, *argv], capture_output=True, text=True, timeout=timeout)
    *lines, peak = run.stderr.strip().splitlines()
    run.stderr = "\n".join(lines)
    return run, int(peak) / 1024


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for name, (build, _) in CASES.items():
        build(folder / name)
    return folder


@pytest.mark.parametrize("name", list(CASES))
def test_each_hostile_file_ends_in_bounded_time_and_memory(hostile: Path, tmp_path: Path, name: str) -> None:
    db = tmp_path / "minutes.db"
    run, peak = measured([sys.executable, "-m", "minutes", "--db", str(db), "ingest", "-q", str(hostile / name)])
    assert "Traceback" not in run.stderr
    assert peak < LIMIT_MB, f"{name}: {peak:.0f} MB at peak"
    expected = CASES[name][1]
    if expected is None:
        assert run.returncode == 0, run.stderr
        assert sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        return
    assert run.returncode == 1
    (line,) = [line for line in run.stderr.splitlines() if line.strip()][:1]
    assert name in line and re.search(expected, line), line


def test_a_text_bomb_in_a_folder_is_named_and_the_good_files_are_stored(hostile: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    text_bomb_pdf(inbox / "a-bomb.pdf")
    (inbox / "b-good.txt").write_text(GOOD_TEXT)
    (inbox / "c-good.md").write_text(GOOD_TEXT.replace("3 March", "4 March"))
    for jobs in ("1", "2"):
        db = tmp_path / f"minutes-{jobs}.db"
        run, _ = measured(
            [sys.executable, "-m", "minutes", "--db", str(db), "ingest", "--jobs", jobs, str(inbox)], timeout=60
        )
        assert run.returncode == 1 and "Traceback" not in run.stderr
        errors = [line for line in run.stderr.splitlines() if "a-bomb.pdf" in line]
        assert len(errors) == 1 and ("allowed" in errors[0] or "crashed" in errors[0]), run.stderr
        stored = [p for (p,) in sqlite3.connect(db).execute("SELECT path FROM documents ORDER BY path")]
        assert [Path(p).name for p in stored] == ["b-good.txt", "c-good.md"]


_TEST_PID = os.getpid()


def _dies_in_a_worker(path: str, ocr=None):
    """parse_for_store, except that a worker process reading a file named 'kill-*' is killed outright."""
    from minutes.parse import parse

    if Path(path).name.startswith("kill-") and os.getpid() != _TEST_PID:
        os.kill(os.getpid(), signal.SIGKILL)
    parsed = parse(path, ocr)
    parsed.document.lines = []
    return parsed


@pytest.mark.skipif(
    __import__("multiprocessing").get_start_method() != "fork", reason="the patched reader reaches workers by fork"
)
def test_a_worker_killed_mid_folder_leaves_the_other_files_read(tmp_path: Path, monkeypatch) -> None:
    from minutes import cli, parse
    from minutes.ingest.ocr import Options

    papers = []
    for n in range(4):
        paper = tmp_path / f"{'kill-' if n == 1 else ''}paper-{n}.txt"
        paper.write_text(GOOD_TEXT.replace("3 March", f"{n + 3} March"))
        papers.append(str(paper))
    monkeypatch.setattr(parse, "parse_for_store", _dies_in_a_worker)
    results = list(cli._parse_all(papers, 2, parse.parse, Options()))
    assert [r.path for r in results] == papers
    assert all(r.error is None and r.meetings for r in results), [r.error for r in results]


# --- the reading child itself -------------------------------------------------------------------


def _beating(progress) -> str:
    for n in range(6):  # 1.8 s in all, never more than 0.3 s without a heartbeat
        time.sleep(0.3)
        progress("ocr", n)
    return "read"


def _silent(progress) -> str:
    sleeper = subprocess.Popen(["sleep", "60"])  # stands for Tesseract, started by the reader
    progress("pid", sleeper.pid)
    time.sleep(60)
    return "never"


def _gone(pid: int) -> bool:
    """The process has ended (gone, or a zombie waiting for init)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not isolated.supported(), reason="files are read in a child on Linux only")
def test_a_reader_is_stopped_when_silent_and_not_while_it_reports(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(isolated, "STALL", 1.0)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # its own folder: other runs read files in /tmp too
    events = []
    assert isolated.run("beating.pdf", _beating, lambda kind, n: events.append(n)) == "read"
    assert events == list(range(6))
    before = set(Path(tempfile.gettempdir()).glob("minutes-read-*"))
    started = []
    with pytest.raises(IngestError, match=r"^silent.pdf: reading the file took over 1 s; stopped"):
        isolated.run("silent.pdf", _silent, lambda kind, n: started.append(n))
    deadline = time.monotonic() + 5
    while not _gone(started[0]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(started[0]), "what the reader started is stopped with it"
    assert set(Path(tempfile.gettempdir()).glob("minutes-read-*")) <= before, "its temporary folder is removed"


@pytest.mark.skipif(not isolated.supported(), reason="files are read in a child on Linux only")
def test_ocr_pages_keep_the_reader_alive_without_a_progress_bar(tmp_path: Path, monkeypatch) -> None:
    from test_bad_input import make_scanned_pdf

    from minutes.ingest import ocr, pdf, read
    from minutes.ingest.model import Line

    def slow_pages(document, numbers, path, options):  # four pages of 0.4 s each: 1.6 s in all
        out = {}
        for n in numbers * 4:
            time.sleep(0.4)
            if options.on_page:
                options.on_page(len(numbers))
            out[n] = [Line(text="Minutes of the Finance Committee held on 3 March 2024", page=n + 1)]
        return out

    monkeypatch.setattr(isolated, "STALL", 1.0)
    monkeypatch.setattr(pdf, "ocr_available", lambda: True)
    monkeypatch.setattr(pdf, "read_pages", slow_pages)
    scan = tmp_path / "scan.pdf"
    make_scanned_pdf(scan)
    assert ocr.Options().on_page is None
    assert read(scan).lines[0].text.startswith("Minutes of the Finance Committee")


def _waits_for(signal_file: Path, progress) -> bool:
    """A reader that finishes only once the parent has done its own work (or gives up after 10 s)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if signal_file.exists():
            return True
        time.sleep(0.01)
    return False


@pytest.mark.skipif(not isolated.supported(), reason="files are read in a child on Linux only")
def test_the_parent_does_its_own_start_up_while_the_child_reads(tmp_path: Path) -> None:
    signal_file = tmp_path / "parent-started"
    seen = isolated.run("slow.pdf", partial(_waits_for, signal_file), meanwhile=signal_file.touch)
    assert seen, "the parent's work ran while the child was still reading, not after it"
