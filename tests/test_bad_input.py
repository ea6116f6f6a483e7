"""Bad input: nothing lost, nothing crashes.

A corpus of broken, hostile and merely unusual files is generated in pytest's tmp dirs. Every bad
file must be refused by `minutes.ingest.read` with an IngestError whose message is one line naming
the file and the cause, and by `minutes ingest` with that one line on stderr, exit code 1 and the
database left exactly as it was. The unusual but good files (a PDF with only an owner password,
Windows-1252 and mixed-encoding text) must be read with their characters intact. In a folder, the
good files are stored whatever the bad ones beside them do, and symlink loops do not stop the walk.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from minutes.files import expand
from minutes.ingest import IngestError, read
from minutes.parse import parse

from conftest import copy_db

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ROOT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SAMPLE_PDF = SAMPLES / "schools-forum-2023-06-27-agenda-pack.pdf"
SAMPLE_DOCX = SAMPLES / "schools-forum-2023-06-27-agenda-pack.docx"
ACTION = "ACTION: The clerk to circulate the budget."
GOOD_TEXT = f"Minutes of the Finance Committee held on 3 March 2024\n{ACTION}\n"
CLI_TIMEOUT = 60  # seconds; the slowest run here takes about 3, so a longer one has hung


# --- building the corpus -------------------------------------------------------------------------


def hand_written_pdf(objects: list[bytes]) -> bytes:
    """A valid PDF written by hand: numbered objects, a cross-reference table with exact offsets."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def make_empty(path: Path) -> None:
    path.write_bytes(b"")


def make_zero_page_pdf(path: Path) -> None:
    path.write_bytes(hand_written_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]))


def make_truncated_pdf(path: Path) -> None:
    data = SAMPLE_PDF.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def text_pdf(path: Path, text: str, **encryption) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    for line in text.splitlines():
        pdf.cell(text=line, new_x="LMARGIN", new_y="NEXT")
    if encryption:
        pdf.set_encryption(**encryption)
    pdf.output(str(path))


def make_user_password_pdf(method: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        from fpdf.enums import EncryptionMethod

        text_pdf(
            path, GOOD_TEXT, owner_password="owner", user_password="user", encryption_method=EncryptionMethod[method]
        )

    return make


def make_owner_password_pdf(path: Path) -> None:
    """Encrypted with permissions only: every reader opens it without asking for a password."""
    text_pdf(path, GOOD_TEXT, owner_password="owner")


def make_scanned_pdf(path: Path) -> None:
    """A page that is only a picture, as a scanner makes it, and a picture with no words in it: refused for
    its missing text layer without Tesseract, and for finding no text when OCR'd."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("L", (800, 1100), 255)
    draw = ImageDraw.Draw(image)
    for row in range(12):
        draw.rectangle((60, 60 + row * 80, 740, 100 + row * 80), fill=90 + row * 10)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    buffer.seek(0)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(buffer, x=0, y=0, w=210)
    pdf.output(str(path))


def make_blank_pdf(path: Path, pages: int = 3000) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
    pdf.output(str(path))


def make_garbage(path: Path) -> None:
    data = random.Random(1).randbytes(8192)
    assert b"%PDF-" not in data and not data.startswith(b"PK")
    path.write_bytes(data)


def make_zip_of_something_else(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("budget.csv", "line,amount\nbooks,120\n")
        archive.writestr("notes/readme.txt", "Not a Word document.")


BOMB_PADDING = 210  # MiB of whitespace after the real document.xml


def make_zip_bomb_docx(path: Path) -> None:
    """The sample DOCX with 210 MiB of (legal) trailing whitespace in word/document.xml: < 1 MB on disk."""
    with (
        zipfile.ZipFile(SAMPLE_DOCX) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bomb,
    ):
        for info in source.infolist():
            if info.filename != "word/document.xml":
                bomb.writestr(info, source.read(info))
                continue
            with bomb.open("word/document.xml", "w", force_zip64=True) as member:
                member.write(source.read(info))
                chunk = b" " * 2**20
                for _ in range(BOMB_PADDING):
                    member.write(chunk)


def make_cp1252_text(path: Path) -> None:
    path.write_bytes("Minutes\nThe budget of £5,000 was agreed; the chair’s report was noted.\n".encode("cp1252"))


def make_mixed_encoding_text(path: Path) -> None:
    """Pasted together from a UTF-8 and a Windows-1252 source, as happens with email and Word."""
    path.write_bytes(
        "Minutes – Finance Committee\n".encode()
        + "Grant of £250 – the treasurer’s proposal\n".encode("cp1252")
        + "Café hire £40 approved\n".encode()
    )


OVERSIZED_MB = 51


def make_oversized_text(path: Path) -> None:
    """Real text at the start (so it is recognised as text), then a sparse hole up to 51 MiB."""
    with path.open("wb") as handle:
        handle.write(b"Minutes of the meeting, line after line.\n" * 1000)
        handle.truncate(OVERSIZED_MB * 2**20)


def make_named_pipe(path: Path) -> None:
    os.mkfifo(path)


def make_text(text: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(text, encoding="utf-8")


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], None]
    cause: str = ""  # regex the cause in the message must match (bad files)
    keeps: tuple[str, ...] = ()  # texts that must survive reading (good files)


BAD = [
    Case("empty.pdf", make_empty, r"^empty file$"),
    Case("no-pages.pdf", make_zero_page_pdf, r"^PDF has no pages$"),
    Case("truncated.pdf", make_truncated_pdf, r"^damaged PDF: the file is cut short"),
    Case("user-password-rc4.pdf", make_user_password_pdf("RC4"), r"^encrypted PDF that needs a password"),
    Case("user-password-aes256.pdf", make_user_password_pdf("AES_256"), r"^encrypted PDF that needs a password"),
    Case("scanned.pdf", make_scanned_pdf, r"no text layer.*(?:OCR|Tesseract)|OCR found no text"),
    Case("blank-3000-pages.pdf", make_blank_pdf, r"^PDF holds no text$"),
    Case("garbage.pdf", make_garbage, r"^not a PDF, Word or text file \(binary content\)$"),
    Case("garbage.docx", make_garbage, r"^not a PDF, Word or text file \(binary content\)$"),
    Case("garbage.txt", make_garbage, r"^not a PDF, Word or text file \(binary content\)$"),
    Case("zip-of-something-else.docx", make_zip_of_something_else, r"^a zip archive, not a Word document"),
    Case("zip-bomb.docx", make_zip_bomb_docx, r"^Word file unpacks to 2\d\d MB, over the 200 MB limit .*zip bomb"),
    Case("too-big.txt", make_oversized_text, rf"^text file is {OVERSIZED_MB} MB, over the \d+ MB limit"),
    Case("named-pipe.txt", make_named_pipe, r"^not a regular file"),
    # a note renamed by mistake, and a failed download's error page saved under the pack's name
    Case("renamed-note.docx", make_text("hello\n"), r"^named \.docx but holds plain text, not a PDF or Word document$"),
    Case(
        "error-page.pdf",
        make_text("<!DOCTYPE html><html><body>404 Not Found</body></html>"),
        r"^named \.pdf but holds a web page, not a PDF or Word document$",
    ),
]
GOOD = [
    Case("owner-password-only.pdf", make_owner_password_pdf, keeps=(ACTION,)),
    Case("cp1252.txt", make_cp1252_text, keeps=("The budget of £5,000 was agreed; the chair’s report was noted.",)),
    Case(
        "mixed-encoding.txt",
        make_mixed_encoding_text,
        keeps=("Minutes – Finance Committee", "Grant of £250 – the treasurer’s proposal", "Café hire £40 approved"),
    ),
]
ids = [case.name for case in BAD]


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder holding every generated file, bad and good."""
    folder = tmp_path_factory.mktemp("bad-input")
    for case in BAD + GOOD:
        case.make(folder / case.name)
    return folder


# --- helpers --------------------------------------------------------------------------------------


def cli(db: Path, *paths: Path) -> list[str]:
    return [sys.executable, "-m", "minutes", "--db", str(db), "ingest", *map(str, paths)]


def dump(db: Path) -> str:
    """Everything in the database, schema and rows, as SQL text."""
    conn = sqlite3.connect(db)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def stored_paths(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return sorted(row[0] for row in conn.execute("SELECT path FROM documents"))
    finally:
        conn.close()


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail, instead of hanging the test run, when a read blocks (a pipe) or loops (a huge PDF)."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"still reading after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def assert_one_line_error(stderr: str, path: Path, cause: str) -> None:
    lines = stderr.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got:\n{stderr}"
    prefix = f"error: {path}: "
    assert lines[0].startswith(prefix), lines[0]
    assert re.search(cause, lines[0][len(prefix) :]), lines[0]


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    db: Path


@pytest.fixture(scope="session")
def folder_run(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Run:
    """`minutes ingest` on the whole corpus folder, into a new database."""
    db = tmp_path_factory.mktemp("folder") / "minutes.db"
    run = subprocess.run(cli(db, corpus), capture_output=True, text=True, timeout=CLI_TIMEOUT)
    return Run(run.returncode, run.stdout, run.stderr, db)


@pytest.fixture(scope="session")
def seeded_db(folder_run: Run) -> Path:
    """A database already holding documents (the folder run's), so 'unchanged' means something."""
    assert stored_paths(folder_run.db), folder_run.stderr
    return folder_run.db


@pytest.fixture(scope="session")
def cli_each(corpus: Path, seeded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    """`minutes ingest FILE` for every bad file, each on its own copy of the seeded database.

    The runs are started together and awaited together: each is a fresh interpreter, and one at a
    time they would take most of the time budget of this module. (The good files go through the
    command in the folder test.)
    """
    folder = tmp_path_factory.mktemp("cli-each")
    started = {}
    for case in BAD:
        db = copy_db(seeded_db, folder / f"{case.name}.db")
        started[case.name] = (
            db,
            subprocess.Popen(cli(db, corpus / case.name), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True),
        )
    runs = {}
    for name, (db, process) in started.items():
        try:
            stdout, stderr = process.communicate(timeout=CLI_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            stdout, stderr = process.communicate()
        runs[name] = Run(process.returncode, stdout, stderr, db)
    return runs


# --- reading each file ----------------------------------------------------------------------------


@pytest.mark.parametrize("case", BAD, ids=ids)
def test_read_refuses_bad_file_in_one_line_naming_it(corpus: Path, case: Case) -> None:
    path = corpus / case.name
    with deadline(20), pytest.raises(IngestError) as caught:
        read(path)
    message = str(caught.value)
    assert "\n" not in message and "\r" not in message
    assert message.startswith(f"{path}: ")
    assert caught.value.path == str(path)
    assert re.search(case.cause, caught.value.cause), message


@pytest.mark.parametrize("case", GOOD, ids=[case.name for case in GOOD])
def test_read_keeps_unusual_but_good_file(corpus: Path, case: Case) -> None:
    document = read(corpus / case.name)
    texts = [line.text for line in document.lines]
    for kept in case.keeps:
        assert kept in texts
    assert not any("\ufffd" in text or "Â" in text or "â€" in text for text in texts), texts


def test_pdfium_stale_error_does_not_mislabel_the_next_pdf(corpus: Path) -> None:
    """pdfium leaves its last error set: a page-less PDF read after an encrypted one is not 'encrypted'."""
    for first in ("user-password-rc4.pdf", "truncated.pdf"):
        with pytest.raises(IngestError):
            read(corpus / first)
        with pytest.raises(IngestError) as caught:
            read(corpus / "no-pages.pdf")
        assert caught.value.cause == "PDF has no pages"
    with pytest.raises(IngestError) as caught:
        read(corpus / "truncated.pdf")
    assert "password" not in caught.value.cause


def test_3000_blank_pages_fail_fast(corpus: Path) -> None:
    import pypdfium2 as pdfium

    path = corpus / "blank-3000-pages.pdf"
    pdf = pdfium.PdfDocument(str(path))
    try:
        assert len(pdf) == 3000
    finally:
        pdf.close()
    started = time.perf_counter()
    with deadline(60), pytest.raises(IngestError, match="PDF holds no text"):
        read(path)
    assert time.perf_counter() - started < 20


def test_zip_bomb_is_refused_before_it_is_inflated(corpus: Path) -> None:
    path = corpus / "zip-bomb.docx"
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("word/document.xml").file_size > 200 * 2**20
    assert path.stat().st_size < 2 * 2**20
    tracemalloc.start()
    try:
        with pytest.raises(IngestError, match="zip bomb"):
            read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 2**20, f"{peak / 2**20:.0f} MB allocated refusing a zip bomb"


def test_oversized_text_is_refused_without_reading_it(corpus: Path) -> None:
    path = corpus / "too-big.txt"
    assert path.stat().st_size == OVERSIZED_MB * 2**20
    tracemalloc.start()
    try:
        with pytest.raises(IngestError, match="over the .* MB limit"):
            read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 2**20, f"{peak / 2**20:.0f} MB allocated refusing an oversized file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file anyway")
def test_unreadable_file_is_refused(tmp_path: Path, seeded_db: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(IngestError) as caught:
            read(path)
        assert caught.value.cause == "permission denied"
        db = copy_db(seeded_db, tmp_path / "minutes.db")
        run = subprocess.run(cli(db, path), capture_output=True, text=True, timeout=CLI_TIMEOUT)
    finally:
        path.chmod(0o644)
    assert run.returncode == 1
    assert_one_line_error(run.stderr, path, r"^permission denied$")
    assert dump(db) == dump(seeded_db)


def _as_a_user(argv: list[str]) -> list[str]:
    """Root writes any file: as root, run the command as 'nobody', as a clerk without write access would be."""
    if os.geteuid() != 0:
        return argv
    if shutil.which("setpriv") is None:
        pytest.skip("root, and no setpriv to run as another user")
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *argv]


def test_a_database_the_user_may_not_write_is_read_but_never_written(seeded_db: Path) -> None:
    folder = Path(tempfile.mkdtemp(prefix="minutes-ro-")) / "Comité papers"  # a path a URI must quote
    folder.mkdir()
    folder.parent.chmod(0o755)
    db = folder / "shared.db"
    shutil.copy(seeded_db, db)
    before = dump(db)
    db.chmod(0o444)
    folder.chmod(0o555)  # nor may SQLite make its journal files beside it
    env = {**os.environ, "HOME": str(folder)}

    def run(*args: str) -> subprocess.CompletedProcess:
        argv = _as_a_user([sys.executable, "-m", "minutes", *args])
        return subprocess.run(argv, capture_output=True, text=True, timeout=CLI_TIMEOUT, env=env)

    try:
        listed = run("--db", str(db), "meetings", "--json")
        assert listed.returncode == 0 and json.loads(listed.stdout), listed.stderr
        (ref,) = json.loads(run("--db", str(db), "actions", "--json").stdout)[:1] or [None]
        written = run("--db", str(db), "action", "done", ref["ref"] if ref else "X-1")
        assert written.returncode == 1
        assert written.stderr == f"error: {db}: cannot write to the database: no permission to write the file\n"
        nowhere = folder / "no such folder" / "new.db"
        made = run("--db", str(nowhere), "ingest", str(db))
        assert made.returncode == 1
        assert (
            made.stderr
            == f"error: {nowhere}: cannot write to the database: its folder {nowhere.parent} does not exist\n"
        )
        assert sorted(p.name for p in folder.iterdir()) == ["shared.db"], "a reader leaves no files behind"
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)
        after = dump(db)
    try:
        assert after == before
        # rows a writer has committed but not yet copied from its log into the file (a watcher running) are read
        writer = sqlite3.connect(db, isolation_level=None)
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("UPDATE meetings SET location = 'Village Hall, in the log'")
        folder.chmod(0o555)
        listed = run("--db", str(db), "meetings", "--json")
        writer.close()
        assert listed.returncode == 0, listed.stderr
        assert {m["location"] for m in json.loads(listed.stdout)} == {"Village Hall, in the log"}
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder.parent)


def test_file_vanishing_between_listing_and_reading(tmp_path: Path) -> None:
    (tmp_path / "kept.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "vanishes.txt").write_text(GOOD_TEXT.replace("3 March", "4 March"), encoding="utf-8")
    listed = [path for path, problem in expand([str(tmp_path)]) if not problem]
    assert listed == [str(tmp_path / "kept.txt"), str(tmp_path / "vanishes.txt")]
    (tmp_path / "vanishes.txt").unlink()
    vanished = parse(listed[1])
    assert vanished.document is None
    assert vanished.error == f"{tmp_path / 'vanishes.txt'}: file not found (moved or deleted?)"


def test_library_messages_are_kept_to_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """lxml and pdfminer put line breaks in their messages; the user still gets one line per file."""
    assert (
        str(IngestError("a.docx", "damaged Word file (XMLSyntaxError: bad\n, line 2)"))
        == "a.docx: damaged Word file (XMLSyntaxError: bad , line 2)"
    )

    def broken_reader(path: str, ocr=None, meanwhile=None) -> None:
        raise ValueError("first line\nsecond line")

    monkeypatch.setattr("minutes.parse.read", broken_reader)
    parsed = parse(str(tmp_path / "x.pdf"))
    assert parsed.error == f"{tmp_path / 'x.pdf'}: could not be read (ValueError: first line second line)"


# --- the real command, one file at a time ---------------------------------------------------------


@pytest.mark.parametrize("case", BAD, ids=ids)
def test_cli_refuses_bad_file_and_leaves_database_unchanged(
    corpus: Path, seeded_db: Path, cli_each: dict[str, Run], case: Case
) -> None:
    run = cli_each[case.name]
    assert run.returncode == 1, run.stderr
    assert_one_line_error(run.stderr, corpus / case.name, case.cause)
    assert "1 failed" in run.stdout
    assert dump(run.db) == dump(seeded_db)


# --- the real command on folders ------------------------------------------------------------------


def test_cli_folder_stores_good_files_and_names_each_bad_one(corpus: Path, folder_run: Run) -> None:
    run = folder_run
    assert run.returncode == 1
    lines = [line for line in run.stderr.splitlines() if not line.startswith("note: ")]  # notes are no errors
    assert len(lines) == len(BAD), run.stderr
    for case in BAD:
        prefix = f"error: {corpus / case.name}: "
        named = [line for line in lines if line.startswith(prefix)]
        assert len(named) == 1, (case.name, run.stderr)
        assert re.search(case.cause, named[0][len(prefix) :]), named[0]
    assert stored_paths(run.db) == sorted(str(corpus / case.name) for case in GOOD)
    assert f"{len(GOOD)} documents stored" in run.stdout and f"{len(BAD)} failed" in run.stdout


def test_cli_folder_with_symlink_loops_terminates_and_stores_good_file(tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    (folder / "sub").mkdir(parents=True)
    (folder / "minutes.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "sub" / "more.txt").write_text(GOOD_TEXT.replace("3 March", "5 May"), encoding="utf-8")
    (folder / "itself").symlink_to(".")  # a folder loop: papers/itself -> papers
    (folder / "sub" / "up").symlink_to("..")  # papers/sub/up -> papers
    (folder / "ping").symlink_to("pong")  # a file loop: ping -> pong -> ping
    (folder / "pong").symlink_to("ping")

    with deadline(20):
        listed = [path for path, problem in expand([str(folder)]) if not problem]
    assert sorted(listed) == sorted(str(folder / name) for name in ("minutes.txt", "sub/more.txt", "ping", "pong"))

    db = tmp_path / "minutes.db"
    run = subprocess.run(cli(db, folder), capture_output=True, text=True, timeout=CLI_TIMEOUT)
    assert run.returncode == 1
    lines = sorted(run.stderr.splitlines())
    assert len(lines) == 2, run.stderr
    for line, name in zip(lines, ("ping", "pong"), strict=True):
        assert line.startswith(f"error: {folder / name}: "), line
        assert "symbolic links" in line
    assert stored_paths(db) == [str(folder / "minutes.txt"), str(folder / "sub" / "more.txt")]
    assert "2 documents stored" in run.stdout and "0 unchanged" in run.stdout


def test_a_folder_s_pdf_and_word_files_are_read_whatever_their_names_and_other_files_passed_over(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    shutil.copy(SAMPLES / "schools-forum-2023-06-27-agenda-pack.pdf", folder / "Forum pack 27.06")
    shutil.copy(SAMPLES / "schools-forum-2023-06-27-agenda-pack.docx", folder / "pack.docx.download")
    (folder / "budget.xlsx").write_bytes(b"PK\x03\x04 a spreadsheet, not a paper")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 a photo")
    (folder / "notes.csv").write_text("a,b\n1,2\n")
    listed = sorted(Path(path).name for path, problem in expand([str(folder)]) if not problem)
    assert listed == ["Forum pack 27.06", "pack.docx.download"]


CRASHES = Path(__file__).resolve().parent / "fuzz" / "crashes"


@pytest.mark.parametrize("crash", sorted(p.name for p in CRASHES.glob("*.bin")))
def test_inputs_the_fuzzer_found(tmp_path: Path, crash: str) -> None:
    """Each input atheris once crashed the readers with (first byte: the suffix it was tried under)."""
    data = (CRASHES / crash).read_bytes()
    path = tmp_path / ("input" + [".pdf", ".docx", ".txt", ".md", ".html"][data[0] % 5])
    path.write_bytes(data[1:])
    try:
        document = read(path)
    except IngestError as err:
        assert "\n" not in str(err) and str(path) in str(err)
    else:
        assert document.lines


@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_a_list_numbered_from_a_trillion_in_roman_numerals_reads_at_once(tmp_path: Path, suffix: str) -> None:
    page = tmp_path / f"ol{suffix}"
    items = "".join(f"<li>Item {n} of the meeting</li>" for n in range(5))
    page.write_text(
        f'<html><body><h1>Minutes of the Board</h1><ol type="I" start="999999999999">{items}</ol></body></html>'
    )
    with deadline(10):
        document = read(page)
    assert any("Item 0 of the meeting" in line.text for line in document.lines)


MINUTES_TEXT = "Minutes of the Parish Council meeting held on 5 March 2024\n\n1. Apologies\nNone.\n"


@pytest.mark.parametrize("encoding", ["utf-32", "utf-16-le", "utf-16-be"])
def test_text_in_utf32_or_in_utf16_without_a_byte_order_mark_reads(tmp_path: Path, encoding: str) -> None:
    paper = tmp_path / f"{encoding}.txt"
    paper.write_bytes(MINUTES_TEXT.encode(encoding))
    assert [line.text for line in read(paper).lines][0] == "Minutes of the Parish Council meeting held on 5 March 2024"


def test_a_macro_enabled_word_file_is_named_for_what_it_is(tmp_path: Path) -> None:
    paper = tmp_path / "minutes.docm"
    with zipfile.ZipFile(paper, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/vbaProject.bin", b"\x00")
    with pytest.raises(IngestError, match=r"macro-enabled Word file \(\.docm\): save it as \.docx"):
        read(paper)


def test_a_file_name_with_a_line_break_keeps_the_error_on_one_line(tmp_path: Path) -> None:
    paper = tmp_path / "bad\nname.pdf"
    paper.write_bytes(b"%PDF-1.4 broken")
    run = subprocess.run([sys.executable, "-m", "minutes", "extract", str(paper)], capture_output=True, text=True)
    assert run.returncode == 1 and len(run.stderr.strip().splitlines()) == 1
    assert "bad\\nname.pdf" in run.stderr


_HOSTILE_HEAD = (
    "Minutes of the Parish Council meeting held on 5 March 2024\n\nPresent: Ann Bell, Cy Dee\n\n1. Finance\n"
)


@pytest.mark.parametrize(
    "body",
    [
        "5 March 2024, " * 8000,  # a line of 112 KB of dates (was 46 s for 98 KB)
        "The Clerk said " + "and more, " * 16000 + "done.",  # 160 KB of comma clauses (was minutes)
    ],
    ids=["repeated-dates", "comma-clauses"],
)
def test_a_paper_of_one_pathological_line_is_read_in_bounded_time(body: str) -> None:
    from minutes.extract import extract
    from minutes.ingest import from_text

    with deadline(10):
        (meeting,) = extract(from_text(_HOSTILE_HEAD + body + "\n"))
    assert meeting.date == "2024-03-05"


def test_the_agenda_pack_reads_a_50kb_decision_in_bounded_time(tmp_path: Path) -> None:
    paper = tmp_path / "pc.txt"
    paper.write_text(_HOSTILE_HEAD + "RESOLVED: That the " + "budget review " * 3600 + "be made a standing item.\n")
    db = tmp_path / "m.db"
    run = subprocess.run([sys.executable, "-m", "minutes", "--db", str(db), "-q", "ingest", str(paper)], timeout=60)
    assert run.returncode == 0
    argv = [
        sys.executable,
        "-m",
        "minutes",
        "--db",
        str(db),
        "agenda",
        "--body",
        "Parish Council",
        "--date",
        "2024-04-10",
        "--out",
        str(tmp_path / "a.docx"),
    ]
    finished = subprocess.run(argv, capture_output=True, text=True, timeout=20)  # was 72 s
    assert finished.returncode == 0, finished.stderr


def test_nothing_is_written_into_a_damaged_database(tmp_path: Path) -> None:
    import hashlib

    db = tmp_path / "minutes.db"
    ingest = [sys.executable, "-m", "minutes", "--db", str(db), "-q", "ingest"]
    subprocess.run([*ingest, str(SAMPLES)], capture_output=True, timeout=300)
    with db.open("r+b") as handle:  # a damaged page, as a failing disk or a bad copy leaves one
        handle.seek(4096 * 10)
        handle.write(b"\xde\xad\xbe\xef" * 1024)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for argv in (
        [*ingest, str(SAMPLES / "schools-forum-high-needs-fragment.md")],
        [sys.executable, "-m", "minutes", "--db", str(db), "action", "done", "SF-2023-03-14-01"],
    ):
        run = subprocess.run(argv, capture_output=True, text=True, timeout=120)
        assert run.returncode == 1 and "Traceback" not in run.stderr
        assert "the database is damaged" in run.stderr and ".recover" in run.stderr
        assert len(run.stderr.strip().splitlines()) == 1
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_a_paper_given_as_the_database_is_named_as_not_one_and_left_alone(tmp_path: Path) -> None:
    paper = tmp_path / "minutes.pdf"
    paper.write_bytes((SAMPLES / "schools-forum-2023-06-27-agenda-pack.pdf").read_bytes())
    before = paper.read_bytes()
    argv = [
        sys.executable,
        "-m",
        "minutes",
        "--db",
        str(paper),
        "ingest",
        str(SAMPLES / "schools-forum-high-needs-fragment.md"),
    ]
    run = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and run.stderr.strip().splitlines() == [
        f"error: {paper}: not a minutes database (not an SQLite file); nothing was written. Check --db"
    ]
    assert paper.read_bytes() == before


def test_a_full_disk_stops_ingest_once_and_leaves_the_database_whole(tmp_path: Path) -> None:
    import resource

    db = tmp_path / "minutes.db"
    ingest = [sys.executable, "-m", "minutes", "--db", str(db), "ingest"]
    subprocess.run([*ingest, "-q", str(SAMPLES / "schools-forum-high-needs-fragment.md")], check=True, timeout=120)
    room = db.stat().st_size + 40_000

    def small_disk() -> None:  # files may not grow past `room` bytes: writes fail as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (room, room))

    papers = ROOT_CORPUS / "md"
    if not papers.is_dir():
        pytest.skip("needs ../shared/corpus")
    run = subprocess.run([*ingest, str(papers)], preexec_fn=small_disk, capture_output=True, text=True, timeout=300)
    assert run.returncode == 1 and "Traceback" not in run.stderr and "internal error" not in run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "cannot write to the database" in errors[0] and "stopped after" in errors[0]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    half = conn.execute(
        "SELECT count(*) FROM documents d "
        "WHERE d.meetings != (SELECT count(*) FROM meetings m WHERE m.document_id = d.id)"
    ).fetchone()[0]
    assert stored >= 1 and half == 0, (
        "each stored paper is whole; the one being written when the disk filled is not there"
    )


def test_a_nul_byte_deep_in_a_text_file_never_reaches_a_record(tmp_path: Path) -> None:
    from minutes.extract import extract

    paper = tmp_path / "nul.txt"
    filler = "The meeting discussed the village hall and its heating at some length. " * 70  # past 4 KB
    paper.write_bytes(
        (_HOSTILE_HEAD + filler + "\nACTION: Ann Bell to book the hall\x00 for the fete\n").encode("utf-8")
    )
    (meeting,) = extract(read(paper))
    assert [a.text for a in meeting.actions] == ["Ann Bell to book the hall for the fete"]


def test_a_text_layer_of_private_use_glyphs_is_read_as_a_picture() -> None:
    from minutes.ingest.model import Line
    from minutes.ingest.pdf import _unmapped

    assert _unmapped([Line(text="\ue001\ue002\ue003 \ue004\ue005" * 5)])
    assert not _unmapped([Line(text="Minutes of the Parish Council meeting held on 5 March 2024")])


def test_a_page_of_a_hundred_thousand_rulings_is_never_searched_for_tables(tmp_path: Path) -> None:
    from minutes.ingest.model import Line
    from minutes.ingest.pdf import MAX_TABLE_PATHS, _wants_layout

    roll = [Line(text="Present"), Line(text="Ann Bell, Cy Dee")]
    assert _wants_layout(roll, 40, 0)[0], "a ruled attendance table is read cell by cell"
    assert not _wants_layout(roll, 100_000, 0)[0] and MAX_TABLE_PATHS < 100_000


def test_a_word_part_whose_deflate_stream_is_garbage_is_a_damaged_file(tmp_path: Path) -> None:
    paper = tmp_path / "garbled.docx"
    data = bytearray(SAMPLE_DOCX.read_bytes())
    with zipfile.ZipFile(SAMPLE_DOCX) as archive:
        info = archive.getinfo("word/document.xml")
    start = data.index(b"PK\x03\x04", info.header_offset) + 30 + len(info.filename) + len(info.extra)
    data[start : start + 40] = b"\xff" * 40
    paper.write_bytes(bytes(data))
    with pytest.raises(IngestError, match=r"garbled.docx: damaged Word file \(Error -3 while decompressing"):
        read(paper)
