"""The clerk's next agenda pack and the action log, through the real CLI, read back with python-docx."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Pt

from backends import copy_of, fresh_db, open_db
from conftest import ROOT, SAMPLES, run_cli

# what the database holds is checked on SQLite and on PostgreSQL; what it does not decide (a template, the PDF,
# an argument refused, the page layout) only on the SQLite file
pytestmark = pytest.mark.both_backends

SF = ("--body", "Schools Forum", "--date", "2023-09-19")
HEAD = """Ashworth Town Council

Open Spaces Committee Minutes

Tuesday {day} at 7.00 pm

Venue: Council Chamber, Market Hall

Present: Councillor Rhys Evans (Chair), Councillor Priya Shah, Councillor Tom Walker

In attendance: Helen Ward (Town Clerk), Sam Patel (Parks Officer)

1. Welcome and introductions

The Chair welcomed everyone to the meeting.

2. Apologies for absence

Apologies were received from Councillor Anne Lee.

3. Declarations of interest

There were none.

4. Minutes of the previous meeting

RESOLVED that the minutes of the previous meeting be approved as a correct record.

5. Matters arising

There were no matters arising.

6. Finance report

The Clerk presented the budget monitoring report.

RESOLVED that the report be noted.

7. Allotments (standing item)

The waiting list was reported.
"""
JANUARY = (
    HEAD.format(day="16 January 2024")
    + """
8. Christmas market review

RESOLVED that the Christmas market review be brought back to the next meeting with the final accounts.

9. Any other business

There was none.

10. Date of next meeting

Tuesday 12 March 2024 at 7.00 pm.
"""
)
MARCH = (
    HEAD.format(day="12 March 2024")
    + """
8. Play area survey

RESOLVED that the play area survey be brought back to the next meeting with costed options.

ACTION: Sam Patel to report back on the cost of replacing the pavilion roof at the next meeting.

9. Tree safety

RESOLVED that tree safety become a standing item on the agenda.

10. Work programme

RESOLVED that a review of the grounds maintenance contract be added to the work programme.

11. Any other business

ACTION: Helen Ward to place the Christmas lights contract on the agenda for the next meeting.

12. Date of next meeting

Tuesday 14 May 2024 at 7.00 pm.
"""
)
APRIL_AGENDA = """Ashworth Town Council

Open Spaces Committee Agenda

Tuesday 9 April 2024 at 7.00 pm

1. Welcome and introductions
2. Apologies for absence
3. Declarations of interest
4. Minutes of the previous meeting
5. Matters arising
6. Play area survey: costed options
7. Any other business
"""
HOSTILE = """Resources Panel Minutes

Tuesday 5 March 2024 at 6.00 pm

Present: Councillor Jo Hart (Chair), Councillor Ben Cole

1. Fees & charges {{ body }} {%p endfor %}

RESOLVED that the fees & charges <review> {{ config }} be brought back to the next meeting.

ACTION: Jo Hart to check the <script>alert(1)</script> widget {% raw %} & report.
"""


# --------------------------------------------------------------------------- helpers


def agenda_items(doc) -> list[tuple[int, str]]:
    """(number, title) of each agenda item: the paragraphs of the numbered 'Agenda Item' style before the first
    Heading 1, each with the number Word shows for it (Word's own list numbering, as minutes' reader counts it)."""
    import io

    from minutes.ingest.word import read_docx

    buffer = io.BytesIO()
    doc.save(buffer)
    copy = Document(io.BytesIO(buffer.getvalue()))
    copy.core_properties.keywords = ""  # the pack's own mark makes ingest refuse it; here only its numbers are read
    path = Path(tempfile.mkdtemp()) / "pack.docx"
    copy.save(str(path))
    shown = iter(line.number for line in read_docx(path) if line.number is not None)
    items = []
    for p in doc.paragraphs:
        if p.style.name == "Heading 1":
            break
        if p.style.name == "Agenda Item":
            items.append((int(next(shown).rstrip(".")), p.text))
    return items


def item_block(doc, words: str) -> str:
    """An agenda item's title, note and source as one text, found by words of its title."""
    block, inside = [], False
    for p in doc.paragraphs:
        if p.style.name in ("Heading 1", "Agenda Item"):
            if inside:
                break
            inside = p.style.name == "Agenda Item" and words.lower() in p.text.lower()
        if inside:
            block.append(p.text)
    assert block, f"no agenda item about {words!r}"
    return "\n".join(block)


def position(items: list[tuple[int, str]], words: str) -> int:
    found = [n for n, title in items if words.lower() in title.lower()]
    assert found, f"no agenda item about {words!r} in {items}"
    return found[0]


def open_actions(db: Path | str, body: str) -> list[dict]:
    return json.loads(run_cli("actions", "--open", "--body", body, "--json", db=db, check=True).stdout)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def sqlite_sample_db(tmp_path_factory) -> Path:
    """The samples stored once in a SQLite file: `sample_db` on SQLite, and the tests that need no other backend."""
    db = tmp_path_factory.mktemp("sf") / "minutes.db"
    run_cli("ingest", str(SAMPLES), db=db, check=True)
    return db


@pytest.fixture(scope="module")
def sample_db(backend: str, tmp_path_factory, sqlite_sample_db: Path) -> Path | str:
    if backend == "sqlite":
        return sqlite_sample_db
    db = fresh_db(backend, tmp_path_factory.mktemp("sf"))
    run_cli("ingest", str(SAMPLES), db=db, check=True)
    return db


def pack_of(db: Path | str, folder: Path) -> tuple[Path, object]:
    out = folder / "pack.docx"
    result = run_cli("agenda", *SF, "--out", str(out), db=db, check=True)
    assert "agenda of" in result.stdout
    return out, Document(str(out))


@pytest.fixture(scope="module")
def sqlite_sample_pack(sqlite_sample_db: Path, tmp_path_factory) -> tuple[Path, object]:
    """The pack drawn from the SQLite file: `sample_pack` on SQLite, and the test of its page layout."""
    return pack_of(sqlite_sample_db, tmp_path_factory.mktemp("pack"))


@pytest.fixture(scope="module")
def sample_pack(
    backend: str, sample_db: Path | str, tmp_path_factory, sqlite_sample_pack: tuple[Path, object]
) -> tuple[Path, object]:
    return sqlite_sample_pack if backend == "sqlite" else pack_of(sample_db, tmp_path_factory.mktemp("pack"))


@pytest.fixture(scope="module")
def spaces_db(backend: str, tmp_path_factory) -> Path | str:
    folder = tmp_path_factory.mktemp("osc")
    write(folder / "papers", "osc-2024-01-16.txt", JANUARY)
    write(folder / "papers", "osc-2024-03-12.txt", MARCH)
    db = fresh_db(backend, folder)
    run_cli("ingest", str(folder / "papers"), db=db, check=True)
    return db


# --------------------------------------------------------------------------- the sample pack


def test_heading_in_the_bodys_form(sample_pack) -> None:
    _, doc = sample_pack
    by_style = {}
    for p in doc.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert by_style["Organisation"] == ["London Borough of Hammersmith & Fulham"]
    assert by_style["Title"] == ["Schools Forum"]
    assert by_style["Subtitle"] == ["Agenda"]
    assert by_style["Meeting Details"][:2] == ["Tuesday 19 September 2023 at 2.00 pm", "Held remotely"]
    assert "19 September 2023" in doc.sections[0].header.paragraphs[0].text


def test_a_council_that_is_its_own_body_is_named_once_at_the_top() -> None:
    from datetime import date

    from minutes.render.docx_pack import pack_context

    same = pack_context(None, "Kent County Council", "Kent County Council", [], date(2025, 3, 13), None)
    assert same["organisation"] == "" and same["body"] == "Kent County Council"
    other = pack_context(None, "Cabinet", "Kent County Council", [], date(2025, 3, 13), None)
    assert other["organisation"] == "Kent County Council"


def test_items_numbered_in_order(sample_pack) -> None:
    _, doc = sample_pack
    items = agenda_items(doc)
    assert [n for n, _ in items] == list(range(1, len(items) + 1))
    titles = [t for _, t in items]
    assert all(t == t.upper() for t in titles), "the Forum writes its item titles in capitals"
    assert titles[0] == "APOLOGIES FOR ABSENCE"
    assert titles[-2:] == ["ANY OTHER BUSINESS", "DATE OF THE NEXT MEETING"]
    apologies, minutes = position(items, "apologies"), position(items, "minutes of the previous meeting")
    log = position(items, "action log")
    scheme, special = position(items, "financial scheme"), position(items, "special schools")
    high_needs = position(items, "high needs block")
    assert apologies < position(items, "declarations of interest") < minutes < log < special
    # the business in the order the last minutes had it: items 5 and 6, then 8, then the work programme (9)
    assert special < high_needs < scheme < position(items, "upskilling schools") < position(items, "any other business")
    assert len(titles) == len(set(titles)), "an item found by two sources appears once"


def test_items_say_where_they_came_from(sample_pack) -> None:
    _, doc = sample_pack
    minutes = item_block(doc, "minutes of the previous meeting")
    assert "14 March 2023" in minutes and "Source: minutes of 14 March 2023" in minutes
    assert "27 June 2023 is stored only as an agenda" in minutes
    scheme = item_block(doc, "financial scheme")
    assert "CONSULTATION RESPONSES" in scheme
    assert "Source: minutes of 14 March 2023, item 8 (resolution)" in scheme
    assert "placed on the agenda for the next Schools Forum meeting" in scheme
    special = item_block(doc, "special schools")
    assert "minutes of 14 March 2023, item 5 (action SF-2023-03-14-02, Caroline Baxter)" in special
    assert "item 9" in special, "the work programme asked for the same feedback: one item, both sources"
    high_needs = item_block(doc, "high needs block")
    assert "agenda of 27 June 2023, item 3" in high_needs and "minutes of 14 March 2023, items 5, 6" in high_needs
    assert "called a standing item" in high_needs
    assert "8 open actions" in item_block(doc, "action log")
    for words in ("communications to key groups", "upskilling schools"):
        assert "minutes of 14 March 2023, item 9 (action SF-2023-03-14-06)" in item_block(doc, words)
    for _, title in agenda_items(doc):
        assert "Source: " in item_block(doc, title)


def test_action_log_table_is_the_database(sample_pack, sample_db: Path | str) -> None:
    _, doc = sample_pack
    (table,) = doc.tables
    header, *rows = [[c.text for c in row.cells] for row in table.rows]
    assert header == ["Ref", "Action", "Owner", "Due", "Raised", "Last update"]
    stored = open_actions(sample_db, "Schools Forum")
    assert sorted(r[0] for r in rows) == sorted(a["ref"] for a in stored)
    by_ref = {a["ref"]: a for a in stored}
    for ref, text, owners, due, raised, _ in rows:
        assert text == by_ref[ref]["text"]
        assert owners == ", ".join(by_ref[ref]["owners"])
        words = by_ref[ref]["due"] or ""
        assert due == words or due.startswith(f"{words} ("), "the minutes' words, with the day they fall on"
        if by_ref[ref]["meeting_date"] == "2023-03-14":
            assert raised == f"14 Mar 2023, item {by_ref[ref]['item']}"
    assert [r[0] for r in rows][:6] == [f"SF-2023-03-14-{n:02d}" for n in range(1, 7)], "dated actions first, in order"


def test_previous_minutes_as_extracted(sample_pack) -> None:
    _, doc = sample_pack
    texts = [p.text for p in doc.paragraphs]
    start = texts.index("Minutes of the previous meeting")
    minutes = texts[start:]
    assert minutes[1] == "Schools Forum, Tuesday 14 March 2023, 2.00 pm to 3.30 pm"
    assert "Apologies: Daniel Upfield" in minutes
    assert any(t.startswith("Present (officers): Jacqui McShannon") for t in minutes)
    assert "8.\tLBHF PROPOSED AMENDMENTS TO THE FINANCIAL SCHEME" in minutes
    assert any(t.startswith("RESOLVED: That Schools Forum: 1. Reviewed") for t in minutes)
    assert any(
        t.startswith("ACTION SF-2023-03-14-02: The Chair said") and t.endswith("(Caroline Baxter), due next meeting")
        for t in minutes
    )


def test_restyled_template_is_honoured(sqlite_sample_db: Path, tmp_path: Path) -> None:
    template = tmp_path / "our-pack.docx"
    shutil.copy(ROOT / "templates" / "agenda_pack.docx", template)
    doc = Document(str(template))
    doc.styles["Heading 2"].font.name = "Courier New"
    doc.styles["Heading 2"].font.size = Pt(15)
    for p in doc.paragraphs:
        if p.text == "Action log":
            p.runs[0].text = "Outstanding actions"
        if p.text == "Agenda":
            p.runs[0].text = "Order of business"
    doc.save(str(template))
    out = tmp_path / "restyled.docx"
    run_cli("agenda", *SF, "--template", str(template), "--out", str(out), db=sqlite_sample_db, check=True)
    pack = Document(str(out))
    assert pack.styles["Heading 2"].font.name == "Courier New"
    assert pack.styles["Heading 2"].font.size == Pt(15)
    texts = [p.text for p in pack.paragraphs]
    assert "Order of business" in texts and "Outstanding actions" in texts
    assert "Agenda" not in texts and "Action log" not in texts
    assert agenda_items(pack)[0] == (1, "APOLOGIES FOR ABSENCE")
    assert all(p.style.name == "Heading 2" for p in pack.paragraphs if p.text.startswith("1.\t"))


@pytest.mark.skipif(
    shutil.which("soffice") is None and shutil.which("libreoffice") is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui fonts-liberation2",
)
def test_pdf_of_the_same_pack(sqlite_sample_db: Path, tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    out = tmp_path / "pack.docx"
    result = run_cli("agenda", *SF, "--out", str(out), "--pdf", db=sqlite_sample_db, timeout=240)
    assert result.returncode == 0, result.stderr
    pdf = out.with_suffix(".pdf")
    assert f"wrote {pdf}" in result.stdout
    document = pdfium.PdfDocument(str(pdf))
    pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    first = pages[0]
    assert "Schools Forum" in first and "Agenda" in first and "Tuesday 19 September 2023" in first
    assert "APOLOGIES FOR ABSENCE" in first
    whole = "\n".join(pages)
    assert "HIGH NEEDS BLOCK UPDATE" in whole and "CONSULTATION RESPONSES" in whole
    assert "Action log" in whole and "SF-2023-03-14-06" in whole
    assert f"Page 1 of {len(document)}" in first
    refused = run_cli("ingest", str(pdf), db=tmp_path / "other.db")  # the PDF carries the pack's mark too
    assert refused.returncode == 1 and f"{pdf}: written by `minutes` from its own database" in refused.stderr
    if shutil.which("pdftoppm"):
        import subprocess

        subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=60)
        pngs = sorted(tmp_path.glob("page-*.png"))
        assert len(pngs) == len(document)
        from PIL import Image

        with Image.open(pngs[0]) as image:
            assert image.convert("L").getextrema()[0] < 60, "the first page has dark text on it"


def test_pdf_without_libreoffice_says_how_to_install(sqlite_sample_db: Path, tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    out = tmp_path / "pack.docx"
    result = run_cli(
        "agenda", *SF, "--out", str(out), "--pdf", db=sqlite_sample_db, env={**os.environ, "PATH": str(empty)}
    )
    assert result.returncode == 1
    assert "apt-get install libreoffice-writer-nogui fonts-liberation2" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert out.is_file() and not out.with_suffix(".pdf").exists(), "the Word pack is still written"


# --------------------------------------------------------------------------- another body, another house style


def test_second_body_learns_its_own_form(spaces_db: Path | str, tmp_path: Path) -> None:
    out = tmp_path / "osc.docx"
    run_cli(
        "agenda", "--body", "Open Spaces Committee", "--date", "2024-05-14", "--out", str(out), db=spaces_db, check=True
    )
    doc = Document(str(out))
    items = agenda_items(doc)
    titles = [t for _, t in items]
    assert titles[:5] == [
        "Welcome and introductions",
        "Apologies for absence",
        "Declarations of interest",
        "Minutes of the previous meeting",
        "Matters arising",
    ], "its own openers, order and case"
    assert titles[-2:] == ["Any other business", "Date of next meeting"]
    assert "as minutes of 12 March 2024, item 1" in item_block(doc, "welcome")
    assert "12 March 2024" in item_block(doc, "minutes of the previous meeting")
    carried = {
        "Play area survey": "item 8 (resolution)",
        "Cost of replacing the pavilion roof": "item 8 (action OSC-2024-03-12-01, Sam Patel)",
        "Christmas lights contract": "item 11 (action OSC-2024-03-12-02, Helen Ward)",
    }
    for title, source in carried.items():
        assert title in titles
        assert f"Source: minutes of 12 March 2024, {source}" in item_block(doc, title)
    older = item_block(doc, "Christmas market review")
    assert "minutes of 16 January 2024, item 8" in older and "check whether it is still wanted" in older
    assert "minutes of 12 March 2024, item 6; minutes of 16 January 2024, item 6" in item_block(doc, "Finance report")
    assert "called a standing item" in item_block(doc, "Allotments")
    assert "called a standing item" in item_block(doc, "Tree safety")
    assert "item 10 (resolution)" in item_block(doc, "Review of the grounds maintenance contract")
    order = [
        position(items, w)
        for w in ("matters arising", "finance report", "play area survey", "tree safety", "any other business")
    ]
    assert order == sorted(order), "the openers, the business in the order the last minutes had it, the closers"
    assert "Source: as minutes of 12 March 2024, item 3" in item_block(doc, "Declarations of interest")


def test_an_item_a_later_agenda_took_is_not_carried_again(spaces_db: Path | str, tmp_path: Path) -> None:
    db = copy_of(spaces_db, tmp_path)
    run_cli("ingest", str(write(tmp_path, "osc-2024-04-09-agenda.txt", APRIL_AGENDA)), db=db, check=True)
    out = tmp_path / "osc.docx"
    run_cli("agenda", "--body", "Open Spaces Committee", "--date", "2024-05-14", "--out", str(out), db=db, check=True)
    doc = Document(str(out))
    titles = [t for _, t in agenda_items(doc)]
    assert "Play area survey" not in titles, "taken on 9 April; not a standing item either"
    assert "Not on the agenda of 9 April 2024" in item_block(doc, "Christmas lights contract")
    assert "the meeting of 9 April 2024 is stored only as an agenda" in item_block(doc, "minutes of the previous")


def test_a_record_a_reviewer_rejected_is_not_drafted(sample_db: Path | str, tmp_path: Path) -> None:
    db = copy_of(sample_db, tmp_path)
    conn = open_db(db)
    conn.execute("UPDATE resolutions SET reviewed = 'rejected' WHERE text LIKE '%placed on the agenda%'")
    conn.close()
    out = tmp_path / "pack.docx"
    run_cli("agenda", *SF, "--out", str(out), db=db, check=True)
    titles = [t for _, t in agenda_items(Document(str(out)))]
    assert not any("FINANCIAL SCHEME" in t for t in titles)
    assert any("SPECIAL SCHOOLS" in t for t in titles)


def test_document_text_is_printed_never_run(tmp_path: Path, db_path: Path | str) -> None:
    db = db_path
    run_cli("ingest", str(write(tmp_path, "hostile.txt", HOSTILE)), db=db, check=True)
    out = tmp_path / "h.docx"
    run_cli("agenda", "--body", "Resources Panel", "--date", "2024-04-09", "--out", str(out), db=db, check=True)
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Fees & charges <review> {{ config }}" in text
    assert "{{ body }} {%p endfor %}" in text
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert rows[1][1] == "Jo Hart to check the <script>alert(1)</script> widget {% raw %} & report."


# --------------------------------------------------------------------------- the action log alone


def test_action_log_in_every_format(sample_db: Path | str, tmp_path: Path) -> None:
    stored = open_actions(sample_db, "Schools Forum")
    refs = [a["ref"] for a in stored]
    csv_text = run_cli("action-log", "--body", "Schools Forum", "--format", "csv", db=sample_db, check=True).stdout
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert sorted(r["ref"] for r in rows) == sorted(refs)
    assert {r["ref"]: r["owners"] for r in rows}["SF-2023-03-14-06"] == "Tony Burton, Peter Haylock"
    md = run_cli("action-log", "--body", "Schools Forum", db=sample_db, check=True).stdout
    assert md.startswith("# Action log: Schools Forum") and all(ref in md for ref in refs)
    html = tmp_path / "log.html"
    said = run_cli("action-log", "--body", "Schools Forum", "--out", str(html), db=sample_db, check=True).stdout
    assert said.strip() == f"wrote {html}: {len(refs)} open actions"
    text = tmp_path / "log.txt"
    said = run_cli("action-log", "--body", "Schools Forum", "--out", str(text), db=sample_db, check=True).stdout
    assert said.strip() == f"wrote {text} (as md): {len(refs)} open actions"
    assert len(re.findall(r"<tr[ >]", html.read_text(encoding="utf-8"))) == len(refs) + 1  # overdue rows have a class
    docx = tmp_path / "log.docx"
    result = run_cli("action-log", "--body", "Schools Forum", "--out", str(docx), db=sample_db, check=True)
    assert f"{len(refs)} open actions" in result.stdout
    doc = Document(str(docx))
    texts = [p.text for p in doc.paragraphs]
    assert "Action log" in texts and "Agenda" not in texts and "Minutes of the previous meeting" not in texts
    assert sorted(row.cells[0].text for row in doc.tables[0].rows[1:]) == sorted(refs)
    assert doc.core_properties.title.startswith("Schools Forum – action log – ")  # Word's title, not 'Agenda pack'


def test_what_minutes_wrote_is_not_read_back_as_a_meeting(
    sqlite_sample_db: Path, sqlite_sample_pack: tuple[Path, object], tmp_path: Path
) -> None:
    """A pack, an action log or a digest saved into the folder a clerk ingests would store its actions again,
    as minutes of a meeting not yet held: each is refused in one line, and the others still go in."""
    db = tmp_path / "copy.db"
    shutil.copy(sqlite_sample_db, db)
    folder = tmp_path / "watched"
    folder.mkdir()
    shutil.copy(sqlite_sample_pack[0], folder / "pack.docx")
    for name in ("log.html", "log.md"):
        run_cli("action-log", "--body", "Schools Forum", "--out", str(folder / name), db=db, check=True)
    for name in ("digest.html", "digest.md"):
        run_cli("digest", "--body", "Schools Forum", "--out", str(folder / name), db=db, check=True)
    write(
        folder,
        "wpc-2026-11-10.txt",
        "Minutes of the Wye Parish Council meeting held on 10 November 2026\n\n"
        "Present: Cllr Ann Bell, Cllr Cy Dee\n\n1. Greens\nCllr Bell will speak to the owners.\n",
    )
    result = run_cli("ingest", str(folder), db=db)
    assert result.returncode == 1
    for name in ("pack.docx", "log.html", "log.md", "digest.html", "digest.md"):
        assert f"error: {folder / name}: written by `minutes` from its own database" in result.stderr
    assert "to read it as a paper, remove minutes-drafted-pack from it" in result.stderr
    assert "1 document stored, 1 meeting" in result.stdout
    bodies = json.loads(run_cli("bodies", "--json", db=db, check=True).stdout)
    assert sorted(b["name"] for b in bodies) == ["Schools Forum", "Wye Parish Council"]


def one_line_error(result, code: int, words: str) -> None:
    assert result.returncode == code
    assert result.stderr.startswith("error: ") and words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("agenda", "--body", "Schools Forum", "--date", "someday"), 2, "--date"),
        (("agenda", *SF, "--time", "25:00"), 2, "--time"),
        (("agenda", *SF, "--out", "pack.pdf"), 2, ".docx"),
        (("agenda", *SF, "--template", "missing.docx"), 2, "no such file"),
        (("action-log", "--body", "Schools Forum", "--format", "pdf"), 2, "--format"),
    ],
)
def test_bad_input_one_line(sqlite_sample_db: Path, args: tuple, code: int, words: str) -> None:
    one_line_error(run_cli(*args, db=sqlite_sample_db), code, words)


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("agenda", "--body", "No Such Board", "--date", "2023-09-19"), 1, "no body called"),
        (("action-log", "--body", "No Such Board"), 1, "no body called"),
    ],
)
def test_a_body_not_stored_is_one_line(sample_db: Path | str, args: tuple, code: int, words: str) -> None:
    one_line_error(run_cli(*args, db=sample_db), code, words)


def test_broken_template_is_refused(sqlite_sample_db: Path, tmp_path: Path) -> None:
    bad = write(tmp_path, "notes.docx", "not a Word file")
    out = tmp_path / "pack.docx"
    result = run_cli("agenda", *SF, "--template", str(bad), "--out", str(out), db=sqlite_sample_db)
    assert result.returncode == 1
    assert re.match(r"error: .*notes\.docx: not usable as a pack template", result.stderr)
    assert not out.exists()


def test_template_builder_is_reproducible(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("builder", ROOT / "templates" / "build_agenda_template.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    assert builder.build() == (ROOT / "templates" / "agenda_pack.docx").read_bytes(), "rebuild and commit the template"


def test_a_pack_without_notes_is_clean_to_send(sample_db: Path | str, tmp_path: Path) -> None:
    out = tmp_path / "clean.docx"
    run_cli("agenda", *SF, "--no-notes", "--out", str(out), db=sample_db, check=True)
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Source: " not in text and "stored only as an agenda" not in text
    assert not [p for p in doc.paragraphs if p.style.name in ("Item Source", "Clerk Note")]
    assert "To agree the minutes of the meeting held on 14 March 2023" in text, "each item's own words stay"
    assert "keep it here" not in text and "Not on the agenda of" not in text, "the clerk's instructions go"
    assert [n for n, _ in agenda_items(doc)] == list(range(1, len(agenda_items(doc)) + 1))
    assert "action log" in text.lower(), "the items and the action log are all there"
    assert "draft" not in doc.sections[0].header.paragraphs[0].text


@pytest.mark.parametrize(
    "note, members_read",
    [
        ("Standing item: on the papers of 3 of the last 4 meetings.", ""),
        (
            "Sent to this meeting: “The Vice Chairman was asked to circulate the paper.” Not on the agenda of 13 "
            "March 2019.",
            "The Vice Chairman was asked to circulate the paper.",
        ),
        (
            "Sent to the meeting after 9 January 2019: “The Clerk will report.” Not on the papers of any meeting "
            "since: check whether it is still wanted.",
            "The Clerk will report.",
        ),
        (
            "To agree the minutes of the meeting held on 14 March 2023.",
            "To agree the minutes of the meeting held on 14 March 2023.",
        ),
        (  # the minutes' own words stay whole, whatever they say
            "Sent to this meeting: “The Clerk will check whether the “Safer Roads” bench can be moved.” Not on the "
            "agenda of 13 March 2019.",
            "The Clerk will check whether the “Safer Roads” bench can be moved.",
        ),
    ],
)
def test_members_read_what_an_item_is_about_not_why_the_clerk_s_draft_holds_it(note: str, members_read: str) -> None:
    from minutes.render.docx_pack import for_members

    assert for_members(note) == members_read


def test_the_action_log_table_fills_the_page_width_and_keeps_references_whole(sqlite_sample_pack) -> None:
    from docx.shared import Cm

    _, doc = sqlite_sample_pack
    (table,) = [t for t in doc.tables if t.rows[0].cells[0].text == "Ref"]
    widths = [c.width for c in table.rows[0].cells]
    section = doc.sections[0]
    assert abs(sum(widths) - (section.page_width - section.left_margin - section.right_margin)) < Cm(0.1)
    assert widths[0] >= Cm(3.79), "a reference such as HPC-2019-01-09-11 fits on one line"


def test_the_previous_minutes_show_each_actions_status_as_recorded(tmp_path: Path, db_path: Path | str) -> None:
    from test_tracker import JULY, next_meeting

    if not JULY.is_file():
        pytest.skip("needs ../shared/corpus")
    db = db_path
    run_cli("ingest", str(JULY), str(next_meeting(tmp_path / "css-2024-07-23-minutes.docx")), db=db, check=True)
    body = json.loads(run_cli("meetings", "--json", db=db, check=True).stdout)[0]["body"]
    out = tmp_path / "pack.docx"
    run_cli("agenda", "--body", body, "--date", "2024-08-06", "--out", str(out), db=db, check=True)
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    minutes = text.split("Minutes of the previous meeting", 1)[1]
    assert "Archive channel (MW). Action complete" in minutes


def test_the_previous_minutes_give_each_items_discussion_in_brief(sample_pack) -> None:
    _, doc = sample_pack
    paragraphs = [p for p in doc.paragraphs]
    start = next(n for n, p in enumerate(paragraphs) if p.text == "Minutes of the previous meeting")
    summaries = [
        p.text
        for p in paragraphs[start:]
        if p.style.name == "Minutes Text" and not p.text.startswith(("RESOLVED", "ACTION"))
    ]
    assert summaries and all(0 < len(s.split()) <= 60 for s in summaries)
    assert any("special schools" in s.lower() for s in summaries)


def test_time_and_place_come_from_the_latest_agenda_when_there_is_one(tmp_path: Path, db_path: Path | str) -> None:
    papers = tmp_path / "papers"
    minutes = (
        "Minutes of the Parish Council meeting held on {day} at 7.00pm\nVenue: Church Room\n\n"
        "Present: Ann Bell, Cy Dee\n\n1. Apologies\nNone.\n2. Finance\nThe accounts were approved.\n"
    )
    write(papers, "pc-2024-01-10.txt", minutes.format(day="10 January 2024"))
    write(papers, "pc-2024-02-14.txt", minutes.format(day="14 February 2024"))
    write(
        papers,
        "pc-2024-03-13-agenda.txt",
        "Agenda of the Parish Council meeting to be held on 13 March 2024 "
        "at 7.30pm\nVenue: Village Hall\n\n1. Apologies\n2. Finance\n",
    )
    db = db_path
    run_cli("ingest", str(papers), db=db, check=True)
    body = json.loads(run_cli("meetings", "--json", db=db, check=True).stdout)[0]["body"]
    out = tmp_path / "pack.docx"
    run_cli("agenda", "--body", body, "--date", "2024-04-10", "--out", str(out), db=db, check=True)
    details = [p.text for p in Document(str(out)).paragraphs if p.style.name == "Meeting Details"]
    assert details[0] == "Wednesday 10 April 2024 at 7.30 pm" and "Village Hall" in details[1]


def test_the_previous_minutes_file_each_record_under_its_sub_item_or_unnumbered_item() -> None:
    from minutes.render.docx_pack import minutes_context

    meeting = {
        "date": "2024-03-05",
        "start_time": None,
        "end_time": None,
        "location": None,
        "document": "minutes.pdf",
        "kind": "minutes",
        "attendance": [],
        "items": [
            {"number": "88", "parent": None, "title": "Planning", "summary": None},
            {"number": "(a)", "parent": "88", "title": "Applications", "summary": None},
            {"number": None, "parent": None, "title": "Village green", "summary": None},
        ],
        "resolutions": [{"item": "88(a)", "text": "No objection was raised."}],
        "actions": [
            {"item": "Village green", "ref": "PC-1", "text": "Clerk to write.", "owners": ["Clerk"], "due": None}
        ],
    }
    entries = minutes_context(meeting, "Parish Council")["entries"]
    assert [(e["title"], e["resolutions"], [a["ref"] for a in e["actions"]]) for e in entries] == [
        ("Planning", [], []),
        ("Applications", ["No objection was raised."], []),
        ("Village green", [], ["PC-1"]),
    ]


def test_a_post_present_under_its_own_name_is_named_once() -> None:
    from minutes.render.docx_pack import _attendance

    people = [
        {"name": "Clerk", "status": "present", "category": "officer", "role": "Clerk", "organisation": None},
        {"name": "Ann Bell", "status": "present", "category": "member", "role": "Chair", "organisation": None},
    ]
    assert _attendance(people) == [
        {"label": "Present (members)", "names": "Ann Bell (Chair)"},
        {"label": "Present (officers)", "names": "Clerk"},
    ]


# --------------------------------------------------------------------------- carried items, from the records alone


def _minutes(day: str, items: list[tuple[str | None, str, str | None]], actions: list[tuple[str, str]]) -> dict:
    return {
        "kind": "minutes",
        "date": day,
        "items": [{"number": n, "title": t, "parent": p} for n, t, p in items],
        "resolutions": [],
        "actions": [
            {"ref": f"PC-{day}-{k:02}", "item": item, "text": text, "owners": ["Clerk"]}
            for k, (item, text) in enumerate(actions, 1)
        ],
    }


def test_a_lettered_items_action_that_puts_this_item_on_an_agenda_carries_that_items_title() -> None:
    """'… and this item will be put onto the March agenda' under 12(b) Greens: the item is Greens, and what
    was discussed says what for; the modal 'will be' is not part of the title."""
    from minutes.render.agenda import carried_items

    sent = _minutes(
        "2024-02-14",
        [("12", "Reports", None), ("(b)", "Greens", "12")],
        [
            (
                "12(b)",
                "It was discussed whether to set up a Greens Committee and this item will be put onto the March "
                "agenda.",
            )
        ],
    )
    (entry,) = carried_items([sent], upper=False)
    assert entry.title == "Greens – whether to set up a Greens Committee"
    assert "item 12(b)" in entry.source


def test_a_one_word_matter_carried_forward_and_standing_is_one_agenda_item() -> None:
    from minutes.render.agenda import _entry, merge

    standing = _entry("Greens", "standing", "minutes of 14 February 2024, item (b)", "Standing item.", False)
    carried = _entry("Greens", "carried", "minutes of 14 February 2024, item 12(b)", "Sent to this meeting.", False)
    (one,) = merge([carried, standing])
    assert one.kind == "carried" and "also standing" in one.source


def test_a_one_word_item_a_later_meeting_took_is_not_carried_again() -> None:
    from minutes.render.agenda import carried_items

    sent = _minutes("2024-01-10", [("(b)", "Greens", "8")], [("8(b)", "Councillors will report to the next meeting.")])
    later = _minutes("2024-02-14", [("(b)", "Greens", "12")], [])
    assert carried_items([later, sent], upper=False) == []
    assert [e.title for e in carried_items([sent], upper=False)] == ["Greens"]


def test_a_chairmans_announcements_item_keeps_its_place_among_the_openers() -> None:
    """'CHAIRMAN’S ANNOUNCEMENTS' (a Word apostrophe) between declarations and public participation stays
    there, as the body orders its papers, rather than falling among the standing items."""
    from minutes.render.agenda import opening_items

    openers = ["Apologies for absence", "Declarations of interest", "Chairman’s Announcements", "Minutes"]
    papers = [
        _minutes(day, [(str(n), t, None) for n, t in enumerate([*openers, "Planning", "Finance"], 1)], [])
        for day in ("2024-01-10", "2024-02-14")
    ]
    titles = [e.title for e in opening_items(papers, papers[-1], 0, upper=False)]
    assert titles[:4] == openers


def test_what_minutes_sent_forward_over_a_year_before_the_latest_papers_has_lapsed() -> None:
    from minutes.render.agenda import carried_items

    old = _minutes(
        "2022-09-04", [("5", "Local plan hearings", None)], [("5", "The Clerk will report to the next meeting.")]
    )
    recent = _minutes("2024-01-10", [("1", "Apologies", None)], [])
    assert carried_items([recent, old], upper=False) == []
    assert [e.title for e in carried_items([old], upper=False)] == ["Local plan hearings"]


def test_business_the_notes_send_to_this_meeting_is_carried(tmp_path: Path, db_path: Path | str) -> None:
    papers = tmp_path / "papers"
    write(
        papers,
        "pc-2024-02-14.txt",
        "Minutes of the Parish Council meeting held on 14 February 2024 at 7.00pm\n\nPresent: Ann Bell, Cy Dee\n\n"
        "1. Apologies\nNone.\n"
        "2. Risk Assessments\nThe risk assessments prepared by the Clerk were noted. This will be added to the "
        "March agenda.\n"
        "3. Standing Orders\nThe amended Standing Orders will be voted on at the March meeting.\n"
        "4. Allotments\nThe new allotment rules will be discussed at the May meeting.\n"
        "5. Finance\nThe accounts were approved.\n"
        "6. Parking\nA late item on parking was added to the agenda at the start of the meeting.\n"
        "7. Fence\nThe March 2023 meeting had agreed the new fence. Plot holders may attend the meeting.\n"
        "8. Buses\nThe bus service will be discussed at the next meeting of the county forum.\n"
        "9. Troughs\nRESOLVED: the replacement of the water troughs will be placed on the next agenda.\n",
    )
    run_cli("ingest", str(papers), db=db_path, check=True)
    body = json.loads(run_cli("meetings", "--json", db=db_path, check=True).stdout)[0]["body"]
    rejected = [r for r in json.loads(run_cli("review", "--below", "1", "--json", db=db_path, check=True).stdout)]
    trough = next(r for r in rejected if r["kind"] == "resolution" and "troughs" in r["text"])
    run_cli("review", "reject", "resolution", str(trough["id"]), db=db_path, check=True)
    out = tmp_path / "pack.docx"
    run_cli("agenda", "--body", body, "--date", "2024-03-13", "--out", str(out), db=db_path, check=True)
    doc = Document(str(out))
    items = [title.lower() for _, title in agenda_items(doc)]
    assert any("risk assessments" in t for t in items) and any("standing orders" in t for t in items)
    assert not any("allotments" in t for t in items), "sent to May, not to this March meeting"
    for past_or_other in ("parking", "fence", "buses", "troughs"):  # done, another year, another body, rejected
        assert not any(past_or_other in t for t in items), items
    assert "Sent to this meeting: “The amended Standing Orders will be voted on" in item_block(doc, "standing orders")


def test_the_draft_keeps_the_order_of_the_bodys_last_minutes(tmp_path: Path) -> None:
    """A council that takes the police report first and its greens after planning gets its agenda so: the
    opening items where it has them, what the last minutes sent forward at the item that sent it."""
    head = "Milburn Parish Council\n\nMinutes of the meeting held on {day}\n\nPresent: Cllr Ann Bell, Cllr Cy Dee\n\n"
    body = (
        "1. Police Report (standing item)\nNo report.\n\n2. Apologies for absence\nNone.\n\n"
        "3. Minutes\nRESOLVED that the minutes be approved.\n\n4. Planning (standing item)\nNo applications.\n\n"
        "5. Greens\nThe play area survey will be brought back to the next meeting.\n\n"
        "6. Correspondence (standing item)\nNoted.\n\n7. Any other business\nNone.\n"
    )
    write(tmp_path / "papers", "jan.txt", head.format(day="8 January 2024") + body)
    write(tmp_path / "papers", "feb.txt", head.format(day="12 February 2024") + body)
    db = tmp_path / "m.db"
    run_cli("ingest", str(tmp_path / "papers"), db=db, check=True)
    out = tmp_path / "pack.docx"
    run_cli("agenda", "--body", "Milburn Parish Council", "--date", "2024-03-11", "--out", str(out), db=db, check=True)
    items = agenda_items(Document(str(out)))
    order = [position(items, w) for w in ("police", "apologies", "minutes", "action log", "planning", "play area")]
    assert order == sorted(order)
    assert position(items, "play area") < position(items, "correspondence") < position(items, "any other business")


def test_a_standing_item_is_named_by_its_title_before_the_dash_that_brings_the_meetings_business() -> None:
    """'c) Highways – A414 consultation, update on HGV signage' on the agenda and 'Highways' in the minutes are
    one standing item, and 'B&T Motors – update' stays 'B&T Motors'; sources name sub-items with their parent."""
    from minutes.render.agenda import standing_items

    def meeting(day: str, kind: str, titles: list[str], parent: str) -> dict:
        lettered = [(f"({chr(97 + k)})", title, parent) for k, title in enumerate(titles)]
        return {**_minutes(day, [(parent, "STANDING ITEMS", None), *lettered], []), "kind": kind}

    papers = [
        meeting("2019-02-13", "minutes", ["Highways", "B&T Motors", "Presentation – Police"], "100"),
        meeting("2019-01-09", "minutes", ["Highways", "B&T Motors", "Presentation – Library"], "80"),
        meeting(
            "2019-01-09", "agenda", ["Highways – A414 consultation, update on HGV signage", "B&T Motors – update"], "8"
        ),
    ]
    entries = standing_items(papers, upper=False)
    # no paper has a bare 'Presentation': the two talks are two items of their own, not one standing item
    assert [e.title for e in entries] == ["Highways", "B&T Motors", "Presentation – Police", "Presentation – Library"]
    assert "minutes of 13 February 2019, item 100(a)" in entries[0].source
