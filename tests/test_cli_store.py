"""The `minutes` command on real files and a real database (a SQLite file, and PostgreSQL), as a user runs it."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from backends import fresh_db, open_db
from conftest import SAMPLES, SHARED, needs_shared, run_cli

pytestmark = pytest.mark.both_backends


def counts(db: Path | str) -> dict[str, int]:
    conn = open_db(db)
    try:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "meetings", "attendance", "items", "resolutions", "actions", "action_owners")
        }
    finally:
        conn.close()


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory, backend: str) -> Path | str:
    db = fresh_db(backend, tmp_path_factory.mktemp("db"))
    result = run_cli("ingest", str(SAMPLES), db=db)
    assert result.returncode == 0, result.stderr
    return db


def test_ingest_samples_stores_every_format(sample_db: Path) -> None:
    conn = open_db(sample_db)
    formats = {r[0] for r in conn.execute("SELECT format FROM documents")}
    assert formats == {"docx", "html", "md", "pdf", "txt"}
    names = {Path(r[0]).name for r in conn.execute("SELECT path FROM documents")}
    assert "make_samples.py" not in names, "a folder is read for papers, not scripts"
    # the pack in three formats holds the same two meetings: stored once each, updated in place
    meetings = conn.execute(
        "SELECT b.name, m.kind, m.date FROM meetings m JOIN bodies b ON b.id = m.body_id "
        "WHERE m.date IS NOT NULL ORDER BY m.date"
    ).fetchall()
    assert meetings == [("Schools Forum", "minutes", "2023-03-14"), ("Schools Forum", "agenda", "2023-06-27")]
    refs = [
        r[0]
        for r in conn.execute(
            "SELECT ref FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE m.date = '2023-03-14' ORDER BY seq"
        )
    ]
    assert refs == [f"SF-2023-03-14-{n:02d}" for n in range(1, 7)]


def test_full_text_search_over_actions_and_resolutions(sample_db: Path) -> None:
    """`minutes search` goes through the database's own full-text index: FTS5 on SQLite, tsvector on PostgreSQL."""
    hits = json.loads(run_cli("search", "template", "--kind", "actions", "--json", db=sample_db, check=True).stdout)
    assert [h["ref"] for h in hits] == ["SF-2023-03-14-05"]
    decisions = json.loads(run_cli("search", "schemes", "--kind", "decisions", "--json", db=sample_db).stdout)
    assert decisions and all("scheme" in d["text"].lower() for d in decisions), "stemmed: 'schemes' finds 'scheme'"
    both = json.loads(run_cli("search", "early", "years", "budget", "--json", db=sample_db, check=True).stdout)
    assert {h["kind"] for h in both} == {"decision", "item"}
    assert all({"early", "years", "budget"} <= set(h["text"].lower().split()) for h in both), "every word is there"
    assert run_cli("search", "zebra-crossing", db=sample_db, check=True).stdout.strip().count("\n") == 0
    assert run_cli("search", "x", "--kind", "votes", db=sample_db).returncode == 2


def test_reingest_changes_nothing(sample_db: Path) -> None:
    before = counts(sample_db)
    result = run_cli("ingest", str(SAMPLES), db=sample_db)
    assert result.returncode == 0
    # an unchanged folder prints only the summary; -v names each file
    assert result.stdout.strip().splitlines() == [result.stdout.strip()] and "0 documents stored" in result.stdout
    assert "already ingested" in run_cli("-v", "ingest", str(SAMPLES), db=sample_db).stdout
    assert counts(sample_db) == before


def test_actions_listing_json_and_csv(sample_db: Path) -> None:
    result = run_cli("actions", "--open", "--body", "Schools Forum", "--json", db=sample_db, check=True)
    rows = json.loads(result.stdout)
    dated = [r for r in rows if r["meeting_date"] == "2023-03-14"]
    assert [r["owners"] for r in dated][:2] == [["Tony Burton"], ["Caroline Baxter"]]
    assert set(dated[0]) >= {
        "ref",
        "body",
        "meeting_date",
        "item",
        "text",
        "owners",
        "due",
        "due_date",
        "status",
        "overdue",
        "opened_in",
        "history",
    }
    assert dated[0]["history"][0]["by"] == "meeting"
    owner = run_cli("actions", "--owner", "haylock", "--csv", db=sample_db, check=True).stdout.splitlines()
    assert owner[0].startswith("ref,") and len(owner) == 1 + 3
    assert owner[0].split(",")[5:7] == ["due", "due_date"]  # the words, and the day they fall on: sortable
    table = run_cli("actions", "--open", db=sample_db, check=True).stdout
    assert "SF-2023-03-14-01" in table and "Tony Burton" in table


def test_meetings_listing(sample_db: Path) -> None:
    rows = json.loads(run_cli("meetings", "--json", db=sample_db, check=True).stdout)
    minutes = next(r for r in rows if r["date"] == "2023-03-14")
    assert (minutes["attendees"], minutes["items"], minutes["actions"]) == (20, 10, 6)


def test_extract_json_prints_the_contract() -> None:
    result = run_cli("extract", "--json", str(SAMPLES / "schools-forum-high-needs-fragment.md"), check=True)
    data = json.loads(result.stdout)
    assert data["document"]["format"] == "md" and len(data["document"]["sha256"]) == 64
    assert "source" not in json.dumps(data), "plain --json keeps exactly to the contract"


def test_the_summary_counts_a_meeting_given_again_by_another_copy_once(tmp_path: Path) -> None:
    paper = "Minutes of the Finance Committee held on 5 March 2024\n\nPresent: Ann Bell, Cy Dee\n\n"
    (tmp_path / "draft.txt").write_text(paper + "1. Budget\nACTION: Clerk to circulate the budget.\n")
    (tmp_path / "signed.md").write_text(paper + "1. Budget\n\nACTION: Clerk to circulate the budget.\n")
    run = run_cli("ingest", str(tmp_path / "draft.txt"), str(tmp_path / "signed.md"), db=tmp_path / "m.db")
    assert run.stdout.strip() == (
        "2 documents stored, 1 meeting, 1 action (1 meeting was also in a paper stored before: "
        "the later paper's reading is kept); 0 unchanged; 0 failed"
    )


def test_bad_file_among_good_ones(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(SAMPLES / "schools-forum-high-needs-fragment.md", folder / "good.md")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    (folder / "empty.docx").write_bytes(b"")
    result = run_cli("ingest", str(folder), db=db_path)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any("broken.pdf" in e and "PDF" in e for e in errors)
    assert any("empty.docx" in e and "empty file" in e for e in errors)
    assert counts(db_path)["documents"] == 1


def test_failed_document_leaves_database_unchanged(tmp_path: Path, db_path: Path) -> None:
    run_cli("ingest", str(SAMPLES / "schools-forum-high-needs-fragment.md"), db=db_path, check=True)
    before = counts(db_path)
    bad = tmp_path / "minutes.docx"
    bad.write_bytes(b"PK\x03\x04 this is not a zip at all")
    result = run_cli("ingest", str(bad), db=db_path)
    assert result.returncode == 1 and str(bad) in result.stderr
    assert counts(db_path) == before


def test_usage_errors_exit_2(db_path: Path) -> None:
    assert run_cli("ingest", db=db_path).returncode == 2
    assert run_cli("no-such-command").returncode == 2
    assert run_cli("actions", "--jobs", "x", db=db_path).returncode == 2


def test_help_on_every_command() -> None:
    for command in ("ingest", "extract", "meetings", "actions"):
        result = run_cli(command, "--help")
        assert result.returncode == 0 and "Usage" in result.stdout


def test_database_from_environment(tmp_path: Path) -> None:
    import os

    db = tmp_path / "env.db"
    env = {**os.environ, "MINUTES_DB": str(db)}
    run_cli("ingest", str(SAMPLES / "schools-forum-high-needs-fragment.md"), env=env, check=True)
    assert counts(db)["documents"] == 1


@needs_shared()
def test_corpus_ingests_every_file_and_the_scans_only_with_ocr(tmp_path: Path) -> None:
    """Without OCR the two scans are refused in one line each; with Tesseract (CI installs it) they are read."""
    from minutes.ingest.ocr import available

    db = tmp_path / "corpus.db"
    files = [p for p in (SHARED / "corpus").rglob("*") if p.is_file()]
    result = run_cli("ingest", str(SHARED / "corpus"), "--ocr", "never", "--jobs", "2", db=db, timeout=600)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert all("scanned" in e and "OCR" in e for e in errors)
    assert all("-scanned.pdf" in e for e in errors)
    assert counts(db)["documents"] == len(files) - 2, "every file there but the scans, the SOURCES files included"
    if available():
        again = run_cli("ingest", str(SHARED / "corpus"), "--jobs", "2", db=db, timeout=600)
        assert again.returncode == 0, again.stderr
        assert "2 documents stored" in again.stdout and f"{len(files) - 2} unchanged" in again.stdout
        assert counts(db)["documents"] == len(files)
    conn = sqlite3.connect(db)
    sources = conn.execute(
        "SELECT count(*) FROM meetings m JOIN documents d ON d.id = m.document_id WHERE d.path LIKE '%SOURCES.md'"
    ).fetchone()[0]
    assert sources == 0, "a provenance table is not a meeting"
    # SOURCES-uk.md and SOURCES-world.md still give one each: their tables describe minutes in minutes' own
    # words ("RESOLVED blocks", "the minutes were approved"); telling a description from a record is open work
    papers = len(files) - 2 - len(list((SHARED / "corpus").glob("SOURCES*.md")))
    with_meetings = conn.execute("SELECT count(DISTINCT document_id) FROM meetings").fetchone()[0]
    # how well each paper is read is the gold's to measure (tests/gold/LEDGER.md); here, that nearly all give one
    assert with_meetings >= 0.9 * papers


def test_verbose_and_quiet(db_path: Path) -> None:
    loud = run_cli("-v", "ingest", str(SAMPLES / "schools-forum-2023-06-27-agenda-pack.txt"), db=db_path, check=True)
    assert "stored: " in loud.stdout and "minutes Schools Forum 2023-03-14" in loud.stdout
    quiet = run_cli("-q", "ingest", str(SAMPLES / "schools-forum-high-needs-fragment.md"), db=db_path, check=True)
    assert quiet.stdout == ""


def test_the_summary_says_how_many_new_actions_restate_earlier_ones(tmp_path: Path) -> None:
    """`minutes actions` lists a restated action once, under the first: the ingest count says why it is higher."""
    head = "Minutes of the Finance Committee held on {} March 2024\n\nPresent: Ann Bell, Cy Dee\n\n1. Budget\n"
    (tmp_path / "march.txt").write_text(head.format(5) + "ACTION: Clerk to circulate the draft budget to members.\n")
    (tmp_path / "later.txt").write_text(
        head.format(19)
        + "ACTION: Clerk to circulate the draft budget to members.\nACTION: Ann Bell to book the hall.\n"
    )
    db = tmp_path / "m.db"
    run = run_cli("ingest", str(tmp_path / "march.txt"), str(tmp_path / "later.txt"), db=db, check=True)
    assert run.stdout.strip() == (
        "2 documents stored, 2 meetings, 3 actions (1 restates an earlier one); 0 unchanged; 0 failed"
    )
    listed = json.loads(run_cli("actions", "--json", db=db, check=True).stdout)
    assert len(listed) == 2


def test_a_paper_dated_by_its_files_name_says_so(tmp_path: Path) -> None:
    paper = tmp_path / "2017-04-04-directors-meeting.md"
    paper.write_text(
        "# Directors' Meeting Minutes\n\nMembers present: Brett Pharo, John Anderson\n\n## Website\n\nNoted.\n"
    )
    run = run_cli("ingest", str(paper), db=tmp_path / "m.db")
    assert run.returncode == 0, run.stderr
    assert (
        f"note: {paper}: prints no date; dated 2017-04-04 by its file's name. If that is wrong, give it: "
        "minutes ingest --again FILE --date DATE"
    ) in run.stderr.splitlines()


def test_a_paper_naming_its_body_only_by_its_kind_says_where_it_went(tmp_path: Path) -> None:
    """'Committee' with no organisation: the clerk is told where it went, and how to name it or move it."""
    paper = tmp_path / "committee.md"
    paper.write_text("# Committee Meeting - 2025-09-25\n\nPresent: Ann Bell, Cy Dee\n\n## Finance\n\nNoted.\n")
    run = run_cli("ingest", str(paper), db=tmp_path / "m.db")
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip() == (
        f"note: {paper}: names its body only as 'Committee', with no organisation; stored under Committee. "
        "Name that body: minutes bodies rename BODY NAME; or, if the paper is another body's: "
        "minutes ingest --again FILE --body NAME"
    )
    given = run_cli("ingest", str(paper), "--again", "--body", "Artifactory Committee", db=tmp_path / "m.db")
    assert given.returncode == 0 and "note:" not in given.stderr, given.stderr


def test_a_date_given_corrects_a_file_names_date_but_not_a_printed_one(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    named = tmp_path / "2017-04-04-directors-meeting.md"
    named.write_text("# Directors' Meeting Minutes\n\nMembers present: Brett Pharo, John Anderson\n\n## Website\n")
    run_cli("ingest", str(named), db=db, check=True)
    run_cli("ingest", "--again", str(named), "--date", "2017-05-05", db=db, check=True)
    again = run_cli("ingest", "--again", str(named), db=db, check=True)  # the date given stands, and is not called
    assert "by its file's name" not in again.stderr  # the file name's
    printed = tmp_path / "printed.txt"
    printed.write_text(
        "Minutes of the Finance Committee held on 5 March 2024\n\nPresent: Ann Bell, Cy Dee\n\n1. Budget\n"
    )
    given = run_cli("ingest", str(printed), "--date", "2024-03-06", db=db, check=True)
    assert f"note: {printed}: prints its own date (2024-03-05); --date is used only for a paper that prints none" in (
        given.stderr.splitlines()
    )
    dates = {m["document"]: m["date"] for m in json.loads(run_cli("meetings", "--json", db=db, check=True).stdout)}
    assert dates == {str(named): "2017-05-05", str(printed): "2024-03-05"}


def test_a_restated_actions_ref_stands_for_the_action_it_restates(tmp_path: Path) -> None:
    """Search finds an action where later minutes raised it again: its ref there changes the action listed."""
    head = "Minutes of the Finance Committee held on {} March 2024\n\nPresent: Ann Bell, Cy Dee\n\n1. Budget\n"
    for day in (5, 19):
        (tmp_path / f"m{day}.txt").write_text(head.format(day) + "ACTION: Clerk to circulate the draft budget.\n")
    db = tmp_path / "m.db"
    run_cli("ingest", str(tmp_path / "m5.txt"), str(tmp_path / "m19.txt"), db=db, check=True)
    (listed,) = json.loads(run_cli("actions", "--json", db=db, check=True).stdout)
    later = listed["ref"].replace("-05-", "-19-")
    done = run_cli("action", "done", later, db=db, check=True)
    assert done.stderr.strip() == (
        f"note: {later} restates {listed['ref']}, the action listed for it; using {listed['ref']}"
    )
    (after,) = json.loads(run_cli("actions", "--json", db=db, check=True).stdout)
    assert after["ref"] == listed["ref"] and after["status"] == "done"
    shown = json.loads(run_cli("action", "show", later, "--json", db=db, check=True).stdout)
    assert shown["ref"] == listed["ref"]
    import sqlite3

    (status,) = sqlite3.connect(db).execute("SELECT status FROM actions WHERE ref = ?", [later]).fetchone()
    assert status == "done"  # the restatement stands as its original does


def test_a_body_given_that_is_a_slip_for_a_stored_one_is_said(tmp_path: Path) -> None:
    head = "Minutes of the meeting held on {} March 2024\n\nPresent: Ann Bell, Cy Dee\n\n1. Budget\nNoted.\n"
    for day in (5, 19):
        (tmp_path / f"m{day}.txt").write_text(head.format(day))
    db = tmp_path / "m.db"
    first = run_cli("ingest", str(tmp_path / "m5.txt"), "--body", "Finance Committee", db=db, check=True)
    assert "note:" not in first.stderr  # a new body, like no other: nothing to say
    slip = run_cli("ingest", str(tmp_path / "m19.txt"), "--body", "Finance Comittee", db=db, check=True)
    assert (
        "note: --body 'Finance Comittee' is no stored body, so it is a new one; did you mean 'Finance Committee'?"
        in slip.stderr.splitlines()
    )
