"""A paper written to attack its readers renders harmlessly in every output: script tags, template syntax,
control characters, formula-looking cells and very long lines are shown as text, never run or broken."""

from __future__ import annotations

import csv
import json
import sqlite3
import zipfile
from pathlib import Path

import docx
import pytest

from conftest import run_cli

LONG = "x" * 5000
HOSTILE = f"""Schools Forum Minutes

Tuesday 27 June 2023

PRESENT

Officers

Tony Burton (Head of Finance)

1. ANY OTHER BUSINESS <img src=x onerror=alert(1)>

The Forum agreed to review the {{{{ config.items() }}}} and {{% for x in y %}} policies.

ACTION: Tony Burton to check the <script>alert('x')</script> widget \x07 and {{{{ 7*7 }}}} {{%p if 1 %}} now.

ACTION: =HYPERLINK("http://evil.example","click") {LONG}
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    paper = folder / "hostile.txt"
    paper.write_text(HOSTILE, encoding="utf-8")
    path = folder / "m.db"
    run_cli("ingest", str(paper), db=path, check=True)
    return path


def test_the_words_are_stored_as_written(db: Path) -> None:
    texts = [r[0] for r in sqlite3.connect(db).execute("SELECT text FROM actions ORDER BY seq")]
    assert "<script>alert('x')</script>" in texts[0] and "{{ 7*7 }}" in texts[0]
    assert texts[1].startswith("=HYPERLINK")


@pytest.mark.parametrize("fmt", ["html", "md", "txt", "eml"])
def test_digest(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"d.{fmt}"
    run_cli(
        "digest",
        "--body",
        "Schools Forum",
        "--as-of",
        "2023-07-01",
        "--format",
        fmt,
        "--out",
        str(out),
        db=db,
        check=True,
    )
    if fmt == "eml":
        import email
        from email import policy

        message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
        plain = message.get_body(preferencelist=("plain",)).get_content()
        text = message.get_body(preferencelist=("html",)).get_content()
        assert "{{ 7*7 }}" in plain, "template syntax from a paper is printed, never evaluated"
    else:
        text = out.read_text(encoding="utf-8")
        shown = "\\{\\{ 7\\*7 \\}\\}" if fmt == "md" else "{{ 7*7 }}"  # Markdown escapes braces and stars
        assert shown in text, "template syntax from a paper is printed, never evaluated"
    if fmt in ("html", "eml"):
        assert "<script>" not in text and "<img" not in text
    if fmt == "md":
        assert "<script>" not in text and "\\<script\\>" in text


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "docx"])
def test_action_log(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"log.{fmt}"
    run_cli("action-log", "--body", "Schools Forum", "--format", fmt, "--out", str(out), db=db, check=True)
    if fmt == "docx":
        body = "\n".join(c.text for t in docx.Document(out).tables for row in t.rows for c in row.cells)
        assert "<script>alert('x')</script>" in body and "{{ 7*7 }}" in body and "\x07" not in body
        return
    text = out.read_text(encoding="utf-8")
    if fmt == "html":
        assert "<script>" not in text and "&lt;script&gt;" in text
    if fmt == "csv":
        cells = [c for row in csv.reader(text.splitlines()) for c in row]
        assert not any(c.startswith("=") for c in cells), "no cell a spreadsheet would run as a formula"


def test_agenda_pack_docx(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack.docx"
    run_cli("agenda", "--body", "Schools Forum", "--date", "2023-09-19", "--out", str(out), db=db, check=True)
    with zipfile.ZipFile(out) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert "<script>" not in xml and "&lt;script&gt;" in xml
    text = "\n".join(p.text for p in docx.Document(out).paragraphs)
    assert "49" not in text.replace("2023", "")


def test_exports_and_calendar(db: Path, tmp_path: Path) -> None:
    from icalendar import Calendar
    from openpyxl import load_workbook

    run_cli("export", "--format", "xlsx", "--out", str(tmp_path / "x.xlsx"), db=db, check=True)
    values = [c.value for row in load_workbook(tmp_path / "x.xlsx")["actions"].iter_rows() for c in row]
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)
    run_cli("export", "--format", "json", "--out", str(tmp_path / "x.json"), db=db, check=True)
    assert any(LONG in a["text"] for a in json.loads((tmp_path / "x.json").read_text())["actions"])
    run_cli("calendar", "--body", "Schools Forum", "--out", str(tmp_path / "x.ics"), db=db, check=True)
    todos = Calendar.from_ical((tmp_path / "x.ics").read_bytes()).walk("VTODO")
    assert any("<script>" in str(t.get("description")) for t in todos), "an .ics is text: kept as written"


TERMINAL = (
    """Minutes of the [bold]Parish[/] Council meeting held on 5 March 2024

Present: Jane Smith, Tom Brown

1. Finance
ACTION: Jane Smith to pay [/] the [link=http://evil.example]invoice[/link] \x1b]0;owned\x07 and \
\x1b]52;c;ZXZpbA==\x07 now.
ACTION: @SUM(A1:A9) check the totals

2. Other business
"""
    + "Members discussed the village hall and its heating at some length. " * 12
    + "\n"
)


@pytest.fixture(scope="module")
def terminal_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("terminal")
    paper = folder / "escapes.txt"
    paper.write_text(TERMINAL, encoding="utf-8")
    path = folder / "m.db"
    run_cli("ingest", str(paper), db=path, check=True)
    return path


@pytest.mark.parametrize("command", [["actions", "--csv"], ["meetings", "--csv"]])
def test_every_csv_listing_neutralises_formulas(terminal_db: Path, command: list[str]) -> None:
    run = run_cli(*command, db=terminal_db, check=True)
    cells = [c for row in csv.reader(run.stdout.splitlines()) for c in row]
    assert cells and not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    if command[0] == "actions":
        assert "'@SUM(A1:A9) check the totals" in cells


@pytest.mark.parametrize(
    "command", [["actions"], ["meetings"], ["people"], ["digest", "--body", "BODY", "--as-of", "2024-03-06"]]
)
def test_listings_show_stored_text_as_text_and_never_pass_escape_sequences(terminal_db: Path, command) -> None:
    import os

    env = {**os.environ, "COLUMNS": "300"}
    (body,) = [r[0] for r in sqlite3.connect(terminal_db).execute("SELECT name FROM bodies")]
    run = run_cli(*[body if word == "BODY" else word for word in command], db=terminal_db, env=env)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr and "\x1b]" not in run.stdout and "\x07" not in run.stdout
    if command[0] == "actions":
        assert "[/]" in run.stdout and "[link=http://evil.example]" in run.stdout


def test_extract_summary_and_trace_print_markup_as_text(tmp_path: Path) -> None:
    paper = tmp_path / "escapes.txt"
    paper.write_text(TERMINAL, encoding="utf-8")
    for flags in ([], ["--trace"]):
        run = run_cli("extract", str(paper), *flags)
        assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
        assert "\x1b]" not in run.stdout and "[/]" in run.stdout


def test_markdown_digest_heading_escapes_the_body_name(tmp_path: Path) -> None:
    paper = tmp_path / "body.txt"
    paper.write_text(TERMINAL.replace("[bold]Parish[/] Council", "<script>x</script> Council"), encoding="utf-8")
    db = tmp_path / "m.db"
    run_cli("ingest", str(paper), db=db, check=True)
    (body,) = [r[0] for r in sqlite3.connect(db).execute("SELECT name FROM bodies")]
    run = run_cli("digest", "--body", body, "--format", "md", "--as-of", "2024-03-06", db=db, check=True)
    heading = run.stdout.splitlines()[0]
    assert heading.startswith("# Outstanding actions:") and "<script>" not in heading
