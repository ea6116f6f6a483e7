"""Scanned minutes read by OCR: Tesseract's words become lines, repaired, flagged and less sure.

The corpus scans are checked against a hand transcription of their header and attendance lines
(tests/gold/scans/TRANSCRIPTION.md, written from the page images before the OCR code existed).
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from minutes.extract import extract
from minutes.ingest import IngestError, read
from minutes.ingest.ocr import Options, available, lines_from_tsv, repair

from conftest import ROOT, SHARED, run_cli

SCANS = sorted((SHARED / "corpus" / "pdf").glob("*-scanned.pdf"))
needs_tesseract = pytest.mark.skipif(not available() or not SCANS, reason="needs Tesseract and the corpus scans")

HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"


def _word(block: int, par: int, line: int, left: int, top: int, text: str, width: int = 200) -> str:
    return f"5\t1\t{block}\t{par}\t{line}\t1\t{left}\t{top}\t{width}\t40\t95\t{text}\n"


def test_tesseract_words_become_lines_top_to_bottom_with_paragraph_breaks() -> None:
    tsv = HEAD + "".join(
        [
            _word(2, 1, 1, 300, 900, "Absent:"),  # a block Tesseract put first, printed lower down
            _word(2, 1, 1, 520, 900, "None"),
            _word(1, 1, 1, 300, 300, "MINUTES"),
            _word(1, 1, 1, 520, 300, "OF"),
            _word(1, 2, 1, 300, 500, "Present:"),
            _word(1, 2, 2, 300, 550, "Ann"),
            _word(1, 2, 2, 520, 550, "Lee"),
            "4\t1\t1\t2\t2\t0\t300\t550\t500\t40\t-1\t\n",  # line rows carry no text
        ]
    )
    lines = lines_from_tsv(tsv, page=3)
    assert [line.text for line in lines] == ["MINUTES OF", "Present:", "Ann Lee", "Absent: None"]
    assert [line.gap for line in lines] == [False, True, False, True]
    assert all(line.ocr and line.page == 3 for line in lines)
    assert lines[0].top == pytest.approx(300 * 72 / 300)


@pytest.mark.parametrize(
    "read_as, fixed",
    [
        ("Meeting of January 10, 2Ol2", "Meeting of January 10, 2012"),
        ("Item l0 was deferred", "Item 10 was deferred"),
        ("Oil and Ice , as before .", "Oil and Ice, as before."),
        ("I agreed ; Olive left", "I agreed; Olive left"),
        ("l. Apologies for absence", "1. Apologies for absence"),
        ("I. Call to order", "I. Call to order"),
    ],
)
def test_repairs_what_ocr_typically_breaks_and_leaves_words_alone(read_as: str, fixed: str) -> None:
    assert repair(read_as) == fixed


def _transcribed(document: str, part: str) -> list[str]:
    """The lines of one fenced block of the hand transcription."""
    text = (ROOT / "tests" / "gold" / "scans" / "TRANSCRIPTION.md").read_text(encoding="utf-8")
    section = text.split(f"## {document}", 1)[1].split("\n## ", 1)[0]
    block = section.split(f"### ({part})", 1)[1].split("```", 2)[1]
    return [" ".join(line.split()) for line in block.strip().splitlines() if line.strip()]


@needs_tesseract
@pytest.mark.parametrize("scan", SCANS, ids=lambda p: p.name)
def test_header_and_attendance_lines_match_the_hand_transcription(scan: Path) -> None:
    document = read(scan, Options(jobs=2))
    read_lines = [line.text for line in document.lines if line.page == 1]
    assert all(line.ocr for line in document.lines)
    for part in ("a", "b"):
        for printed in _transcribed(scan.name, part):
            best = max(fuzz.ratio(printed, line) for line in read_lines)
            assert best >= 85, f"{printed!r} not read (best match {best:.0f})"


@needs_tesseract
def test_scanned_minutes_give_their_meeting_date_attendance_and_items() -> None:
    found = {scan.name: extract(read(scan)) for scan in SCANS}
    golf = found["alameda-golf-commission-2012-01-10-minutes-scanned.pdf"]
    hab = found["alameda-hab-2005-01-06-minutes-scanned.pdf"]
    assert [(m.kind, m.date) for m in golf] == [("minutes", "2012-01-10")]
    assert [(m.kind, m.date) for m in hab] == [("minutes", "2005-01-06")]
    assert {"Jane Sullwold", "Ray Gaul", "Betsy Gammell", "Bill Schmitz", "Jeff Wood"} <= {
        a.name for a in golf[0].attendees if a.status == "present"
    }
    assert {"McPherson", "Anderson", "Lynch", "Tilos"} <= {a.name for a in hab[0].attendees}
    assert [i.number for i in golf[0].items][:4] == ["1", "2", "3", "4"]
    assert any(re.search(r"Calendar", i.title) for i in hab[0].items)
    records = [r for m in golf + hab for r in (m, *m.attendees, *m.items, *m.resolutions, *m.actions)]
    assert all(r.found.confidence < 0.8 for r in records), "every record read by OCR is listed for review"


@needs_tesseract
def test_ocr_never_refuses_a_scan_and_a_bad_mode_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"scanned PDF with no text layer; run OCR first"):
        read(SCANS[0], Options(mode="never"))
    run = run_cli("extract", str(SCANS[0]), "--ocr", "sometimes")
    assert run.returncode == 2 and "--ocr must be one of auto, always, never" in run.stderr


@pytest.mark.skipif(not SCANS, reason="needs the corpus scans")
def test_without_tesseract_a_scan_is_refused_with_the_install_hint(tmp_path: Path) -> None:
    run = run_cli("extract", str(SCANS[0]), env={"PATH": str(tmp_path)})  # a PATH with no tesseract on it
    assert run.returncode == 1
    assert run.stderr.strip() == (
        f"error: {SCANS[0]}: scanned PDF with no text layer; install Tesseract "
        "(Debian: apt install tesseract-ocr tesseract-ocr-eng) or run OCR first"
    )


@needs_tesseract
def test_scans_in_a_folder_are_stored_and_listed_for_review(tmp_path: Path) -> None:
    db = tmp_path / "scans.db"
    run = run_cli("ingest", *map(str, SCANS), "--jobs", "2", db=db)
    assert run.returncode == 0, run.stderr
    assert "2 documents stored, 2 meetings" in run.stdout
    meetings = sqlite3.connect(db).execute("SELECT date FROM meetings ORDER BY date").fetchall()
    assert meetings == [("2005-01-06",), ("2012-01-10",)]
    review = run_cli("review", db=db, check=True)
    assert "Sullwold" in review.stdout and "McPherson" in review.stdout
