"""Extraction on the bundled samples, in every format, against the contract and the facts of the papers."""

from __future__ import annotations

import json
import shutil
import subprocess

import jsonschema
import pytest

from minutes.extract import extract, to_contract
from minutes.ingest import read

from conftest import SAMPLES, SCHEMA, needs_shared

PACK = [
    "schools-forum-2023-06-27-agenda-pack.txt",
    "schools-forum-2023-06-27-agenda-pack.docx",
    "schools-forum-2023-06-27-agenda-pack.pdf",
]
FRAGMENT = ["schools-forum-high-needs-fragment.md", "schools-forum-high-needs-fragment.html"]
OWNERS = [
    ["Tony Burton"],
    ["Caroline Baxter"],
    ["Peter Haylock"],
    ["Peter Haylock"],
    ["David Abbott"],
    ["Tony Burton", "Peter Haylock"],
]


def contract(name: str, trace: bool = False) -> dict:
    document = read(SAMPLES / name)
    return to_contract(document, extract(document), trace=trace)


PAPERS = sorted(
    p.name for p in SAMPLES.iterdir() if p.suffix in {".txt", ".md", ".html", ".docx", ".pdf"} and p.name != "README.md"
)


@pytest.mark.parametrize("path", PAPERS)
@needs_shared()
def test_every_sample_validates_against_the_contract(path: str) -> None:
    schema = json.loads(SCHEMA.read_text())
    data = contract(path)
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    assert data["meetings"], "every sample holds at least one meeting"


@pytest.mark.parametrize("name", PACK)
def test_agenda_pack_holds_the_agenda_and_the_last_minutes(name: str) -> None:
    meetings = contract(name)["meetings"]
    kinds = [(m["kind"], m["date"]) for m in meetings]
    assert kinds == [("agenda", "2023-06-27"), ("minutes", "2023-03-14")]
    agenda, minutes = meetings
    assert agenda["start_time"] == "14:00"
    assert agenda["attendees"] == []
    assert [i["number"] for i in agenda["items"]] == ["1", "2", "3", "4"]
    assert minutes["body"] == "Schools Forum"
    assert minutes["organisation"] == "London Borough of Hammersmith & Fulham"
    assert (minutes["start_time"], minutes["end_time"]) == ("14:00", "15:30")


@pytest.mark.parametrize("name", PACK)
def test_minutes_fields(name: str) -> None:
    minutes = contract(name)["meetings"][1]
    people = {a["name"]: a for a in minutes["attendees"]}
    assert people["Daniel Upfield"]["status"] == "apologies"
    assert people["Freddie Adu"]["category"] == "observer" and people["Freddie Adu"]["organisation"] == "Queensmill"
    assert people["Tony Burton"]["role"] == "Head of Finance for Children's Services and Education"
    assert people["Gary Kynaston"]["category"] == "member"
    assert "Clare Fletcher" not in people, "a late arrival already listed is one attendee"
    assert sum(a["status"] == "present" for a in minutes["attendees"]) == 19
    assert [i["number"] for i in minutes["items"]] == [str(n) for n in range(1, 11)]
    assert minutes["items"][2]["title"] == "SCHOOLS BLOCK BUDGET 2023-24 - UPDATE"
    assert [r["item"] for r in minutes["resolutions"]] == ["2", "4", "5", "6", "7", "8"]
    assert "Reviewed and approved the updated Scheme" in minutes["resolutions"][-1]["text"]
    assert [a["owners"] for a in minutes["actions"]] == OWNERS
    assert minutes["actions"][0]["text"] == "Tony Burton said he would contact members outside of meeting."
    assert minutes["actions"][1]["due"] == "next meeting"
    assert "Upskilling schools" in minutes["actions"][-1]["text"]


@pytest.mark.parametrize("name", PACK)
def test_report_in_the_pack_gives_no_actions(name: str) -> None:
    """The appended report's 'Next steps' and 'I will ...' quotes are not actions or resolutions."""
    minutes = contract(name)["meetings"][1]
    texts = " ".join(a["text"] for a in minutes["actions"]) + " ".join(r["text"] for r in minutes["resolutions"])
    assert "Cabinet sign off" not in texts and "I will" not in texts
    assert len(minutes["actions"]) == 6


@pytest.mark.parametrize("name", FRAGMENT)
def test_fragment(name: str) -> None:
    (meeting,) = contract(name)["meetings"]
    assert meeting["kind"] == "minutes" and meeting["date"] is None
    numbers = [i["number"] for i in meeting["items"]]
    assert numbers == [None, "(a)", "(b)", "(c)"]
    assert [a["text"] for a in meeting["actions"]] == [
        "A high level plan for clusters to be shared at a Schools Forum meeting on in the new year (Feb / March 2024).",
        "The Big Plan to be circulated to all.",
    ]
    assert all(a["owners"] == [] for a in meeting["actions"])


@pytest.mark.parametrize("name", [PACK[0], PACK[2]])
def test_every_record_points_at_its_source(name: str) -> None:
    """Trace mode gives each record the lines it was read from, and those lines hold its words."""
    document = read(SAMPLES / name)
    data = to_contract(document, extract(document), trace=True)
    lines = document.lines
    minutes = data["meetings"][1]
    for record in minutes["actions"] + minutes["resolutions"] + minutes["items"]:
        first, last = record["source"]["lines"]
        assert 0 <= first <= last < len(lines)
        span = " ".join(line.text for line in lines[first : last + 1]).lower()
        words = (record.get("text") or record.get("title")).lower().split()
        assert sum(w in span for w in words) >= len(words) * 0.5, (record, span[:200])
        assert record["rule"] and 0 < record["confidence"] <= 1
    if name.endswith(".pdf"):
        pages = {r["source"]["pages"][0] for r in minutes["actions"]}
        assert pages <= set(range(2, 6)), "the minutes sit on pages 2-5 of the sample PDF"


def _traced(data: dict) -> list[dict]:
    return [r for m in data["meetings"] for f in ("items", "resolutions", "actions") for r in m[f]]


@pytest.mark.parametrize("name", [PACK[0], FRAGMENT[0]])
def test_a_text_files_records_point_at_the_files_own_lines(name: str) -> None:
    """--trace gives the line numbers an editor shows, blank lines and front matter counted."""
    file_lines = (SAMPLES / name).read_text(encoding="utf-8").splitlines()
    records = _traced(contract(name, trace=True))
    assert records
    for record in records:
        first, last = record["source"]["printed_lines"]
        printed = " ".join(file_lines[first - 1 : last]).lower()
        words = (record.get("text") or record.get("title")).lower().split()
        assert sum(w in printed for w in words) >= len(words) * 0.5, (record, printed[:200])


@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext is not installed (apt-get install poppler-utils)"
)
def test_a_pdfs_records_point_at_lines_counted_down_their_page() -> None:
    """Checked against poppler's own layout of each page: the record's words are on the line --trace gives,
    running heads and page numbers counted as the reader sees them."""
    pdf = SAMPLES / PACK[2]
    records = [
        (r["source"]["pages"][0], r["source"]["printed_lines"], r.get("name") or r.get("title") or r["text"])
        for m in contract(PACK[2], trace=True)["meetings"]
        for f in ("attendees", "items", "actions")
        for r in m[f]
    ]
    checked = 0
    for page, (first, last), words in records:
        shown = subprocess.run(
            ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True
        ).stdout
        printed = [row for row in shown.splitlines() if row.strip()]
        assert " ".join(words.split()[:2]) in " ".join(" ".join(printed[first - 1 : last]).split()), (
            page,
            first,
            words,
        )
        checked += 1
    assert checked > 20 and any(page > 1 for page, _, _ in records)


def test_a_word_files_records_have_no_printed_lines() -> None:
    """Word and HTML have no lines a reader could count, so none are made up."""
    assert all(r["source"]["printed_lines"] is None for r in _traced(contract(PACK[1], trace=True)))
