"""Reading stored papers again with today's rules (`minutes reread`, `ingest --again`): what an earlier reading
stored is replaced in place, while refs, hand changes and review verdicts stay. And removing a paper stored by
mistake (`minutes forget`), which keeps what a person changed unless forced."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from backends import fresh_db, open_db
from conftest import run_cli

pytestmark = pytest.mark.both_backends

PAPER = """Minutes of the Parish Council meeting held on 10 January 2024

Present: Cllr Ann Bell, Cllr Cy Dee, Tom Hart (Clerk)

1. Village hall
The hall roof leaks.
ACTION: Cllr Bell to get three quotes for the roof.

2. Hedges
ACTION: Clerk to write to the landowner about the hedge on Mill Lane.

3. Finance
RESOLVED: that the payments listed be approved.
"""


def _rows(db: Path | str, sql: str) -> list[tuple]:
    conn = open_db(db)
    try:
        return [tuple(r) for r in conn.execute(sql).fetchall()]
    finally:
        conn.close()


def _write(db: Path | str, sql: str, args: list | None = None) -> None:
    conn = open_db(db)
    try:
        conn.begin()
        conn.execute(sql, args or [])
        conn.commit()
    finally:
        conn.close()


def _state(db: Path | str) -> list[list[tuple]]:
    """Everything a reading stores, without row ids."""
    return [
        _rows(db, "SELECT kind, date FROM meetings ORDER BY date"),
        _rows(db, "SELECT number, title FROM items ORDER BY position"),
        _rows(db, "SELECT text FROM resolutions ORDER BY text"),
        _rows(db, "SELECT name, status FROM attendance ORDER BY name"),
        _rows(db, "SELECT ref, text, status FROM actions ORDER BY ref"),
    ]


@pytest.fixture
def stored(tmp_path: Path, backend: str) -> tuple[Path | str, Path]:
    paper = tmp_path / "pc-2024-01-10.txt"
    paper.write_text(PAPER)
    db = fresh_db(backend, tmp_path)
    run_cli("ingest", str(paper), db=db, check=True)
    return db, paper


def test_a_paper_read_again_is_what_a_first_reading_stores_now_with_refs_and_hand_changes_kept(stored) -> None:
    db, paper = stored
    first = _state(db)
    refs = [r[0] for r in _rows(db, "SELECT ref FROM actions ORDER BY ref")]
    run_cli("action", "done", refs[0], db=db, check=True)
    # an earlier version's reading: one action worded otherwise, an item it missed, a meeting it wrongly saw
    _write(db, "UPDATE actions SET text = 'Clerk to write to the owner' WHERE ref = ?", [refs[1]])
    _write(db, "DELETE FROM items WHERE number = '2'")
    doc = _rows(db, "SELECT id FROM documents")[0][0]
    body = _rows(db, "SELECT id FROM bodies")[0][0]
    _write(db, "INSERT INTO meetings (body_id, document_id, kind, date) VALUES (?, ?, 'agenda', NULL)", [body, doc])

    result = run_cli("reread", db=db, check=True)

    assert result.stdout.strip() == (
        "1 document read again, 0 new meetings, 0 new actions; 1 meeting no longer found, removed; "
        "0 unchanged; 0 failed"
    )
    now = _state(db)
    assert now[:4] == first[:4]  # the wrong meeting is gone, the missed item back
    assert [r[:2] for r in now[4]] == [r[:2] for r in first[4]]  # same refs, the text as read today
    assert [r[2] for r in now[4]] == ["done", "open"]  # the hand change survives
    history = json.loads(run_cli("action", "show", refs[0], "--json", db=db, check=True).stdout)["history"]
    assert any(h["status"] == "done" for h in history)
    again = run_cli("reread", db=db, check=True)
    assert _state(db) == now and "0 new actions" in again.stdout  # reading again changes nothing more
    assert "1 unchanged" in run_cli("ingest", str(paper), db=db, check=True).stdout


def test_a_meeting_no_longer_found_is_kept_when_a_person_changed_one_of_its_actions(stored) -> None:
    db, _ = stored
    doc = _rows(db, "SELECT id FROM documents")[0][0]
    body = _rows(db, "SELECT id FROM bodies")[0][0]
    _write(
        db,
        "INSERT INTO meetings (body_id, document_id, kind, date) VALUES (?, ?, 'minutes', '2023-12-01')",
        [body, doc],
    )
    meeting = _rows(db, "SELECT id FROM meetings WHERE date = '2023-12-01'")[0][0]
    _write(
        db,
        "INSERT INTO actions (meeting_id, ref, seq, text, status) "
        "VALUES (?, 'PC-2023-12-01-01', 1, 'Mow the green', 'open')",
        [meeting],
    )
    run_cli("action", "done", "PC-2023-12-01-01", db=db, check=True)
    said = run_cli("reread", db=db, check=True).stdout
    assert "; 1 meeting no longer found but kept, as a person changed it;" in said
    assert _rows(db, "SELECT ref, status FROM actions WHERE ref = 'PC-2023-12-01-01'") == [("PC-2023-12-01-01", "done")]


def test_a_paper_moved_or_changed_is_named_and_the_others_are_read(stored, tmp_path: Path) -> None:
    db, paper = stored
    other = tmp_path / "pc-2024-02-14.txt"
    other.write_text(PAPER.replace("10 January 2024", "14 February 2024"))
    run_cli("ingest", str(other), db=db, check=True)
    before = _state(db)
    paper.write_text(PAPER.replace("three quotes", "two quotes"))  # another paper now lies where it lay
    moved = tmp_path / "moved.txt"
    other.rename(moved)

    result = run_cli("reread", db=db)

    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert errors == [
        f"error: {other}: not found from here, so not read again (stored paths are read from the folder they "
        "were ingested in; `minutes ingest NEWPATH --again` reads a moved paper)",
        f"error: {paper}: now holds other content than a paper stored from it, which is not read again "
        "(`minutes ingest` stores what the file holds now)",
    ]
    assert "Traceback" not in result.stderr and _state(db) == before
    # from where it lies now, `ingest --again` reads it and keeps its refs
    run_cli("ingest", "--again", str(moved), db=db, check=True)
    assert _state(db) == before


def test_ingest_again_stores_a_new_paper_as_ingest_does(tmp_path: Path, backend: str) -> None:
    paper = tmp_path / "pc-2024-01-10.txt"
    paper.write_text(PAPER)
    db = fresh_db(backend, tmp_path)
    result = run_cli("ingest", "--again", str(paper), db=db, check=True)
    assert result.stdout.strip() == "1 document stored, 1 meeting, 2 actions; 0 unchanged; 0 failed"


def test_reread_of_one_body_reads_only_its_papers(stored, tmp_path: Path) -> None:
    db, _ = stored
    other = tmp_path / "wg-2024-01-11.txt"
    other.write_text(PAPER.replace("Parish Council", "Footpaths Working Group").replace("10 January", "11 January"))
    run_cli("ingest", str(other), db=db, check=True)
    result = run_cli("reread", "--body", "Footpaths Working Group", db=db, check=True)
    assert result.stdout.startswith("1 document read again")
    missing = run_cli("reread", "--body", "Allotments", db=db)
    assert missing.returncode == 1 and "no body called 'Allotments'" in missing.stderr


def test_forget_removes_a_paper_and_what_was_read_from_it(stored, tmp_path: Path) -> None:
    db, paper = stored
    later = tmp_path / "pc-2024-02-14.txt"
    later.write_text(PAPER.replace("10 January 2024", "14 February 2024"))
    run_cli("ingest", str(later), db=db, check=True)
    assert len(_rows(db, "SELECT id FROM actions WHERE linked_to IS NOT NULL")) == 2  # February restates January's
    result = run_cli("forget", str(paper), db=db, check=True)
    assert result.stdout.strip() == "1 paper removed, 1 meeting with them"
    assert _rows(db, "SELECT date FROM meetings") == [("2024-02-14",)]
    # the February actions stand on their own now, open, with no link to what is gone
    assert _rows(db, "SELECT status, linked_to FROM actions ORDER BY ref") == [("open", None), ("open", None)]
    for table in ("attendance", "items", "resolutions", "action_owners", "action_history"):
        orphans = _rows(
            db,
            f"SELECT count(*) FROM {table} t WHERE "
            + (
                "NOT EXISTS (SELECT 1 FROM actions a WHERE a.id = t.action_id)"
                if table.startswith("action_")
                else "NOT EXISTS (SELECT 1 FROM meetings m WHERE m.id = t.meeting_id)"
            ),
        )
        assert orphans == [(0,)], table
    assert "1 document stored" in run_cli("ingest", str(paper), db=db, check=True).stdout  # it can come back


def test_forget_keeps_a_paper_a_person_changed_unless_forced(stored) -> None:
    db, paper = stored
    ref = _rows(db, "SELECT ref FROM actions ORDER BY ref")[0][0]
    run_cli("action", "done", ref, db=db, check=True)
    before = _state(db)
    refused = run_cli("forget", str(paper), db=db)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert refused.stderr.strip() == (
        f"error: {paper}: not removed, as a person changed records of 1 meeting in it "
        "(hand changes or review verdicts); --force removes it all the same"
    )
    assert _state(db) == before
    paper.unlink()  # the file is gone: the path it was stored from still names it
    run_cli("forget", str(paper), "--force", db=db, check=True)
    assert _rows(db, "SELECT count(*) FROM meetings") == [(0,)] and _rows(db, "SELECT count(*) FROM overrides") == [
        (0,)
    ]


def test_forget_names_what_is_not_stored_and_removes_the_rest(stored, tmp_path: Path) -> None:
    db, paper = stored
    stray = tmp_path / "never-ingested.txt"
    stray.write_text("Minutes of nothing")
    result = run_cli("forget", str(stray), str(paper), db=db)
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {stray}: not a stored paper (`minutes meetings` lists the papers stored)"
    assert result.stdout.strip() == "1 paper removed, 1 meeting with them"


def test_reading_again_keeps_the_body_and_day_given_at_ingest(tmp_path: Path, backend: str) -> None:
    paper = tmp_path / "undated.txt"
    paper.write_text(PAPER.replace(" held on 10 January 2024", "").replace("Parish Council", "Council"))
    db = fresh_db(backend, tmp_path)
    run_cli("ingest", str(paper), "--body", "Milburn Parish Council", "--date", "2024-01-10", db=db, check=True)
    first = _rows(db, "SELECT b.name, m.date FROM meetings m JOIN bodies b ON b.id = m.body_id")
    assert first == [("Milburn Parish Council", "2024-01-10")]
    run_cli("reread", db=db, check=True)
    run_cli("ingest", str(paper), "--again", db=db, check=True)
    assert _rows(db, "SELECT b.name, m.date FROM meetings m JOIN bodies b ON b.id = m.body_id") == first


def test_a_date_given_only_when_read_again_dates_the_same_meeting_and_keeps_its_hand_changes(
    tmp_path: Path, backend: str
) -> None:
    paper = tmp_path / "undated.txt"
    paper.write_text(PAPER.replace(" held on 10 January 2024", ""))
    db = fresh_db(backend, tmp_path)
    hint = run_cli("ingest", str(paper), db=db, check=True)
    refs = [r[0] for r in _rows(db, "SELECT ref FROM actions ORDER BY ref")]
    run_cli("action", "done", refs[0], db=db, check=True)
    again = run_cli("ingest", str(paper), "--date", "2024-01-10", db=db, check=True)
    assert "already stored; --again reads it again with --date" in again.stderr and hint.returncode == 0
    run_cli("ingest", str(paper), "--again", "--date", "2024-01-10", db=db, check=True)
    assert _rows(db, "SELECT date FROM meetings") == [("2024-01-10",)]  # one meeting, now dated
    assert _rows(db, "SELECT ref, status FROM actions ORDER BY ref") == [(refs[0], "done"), (refs[1], "open")]


def test_reading_a_draft_again_leaves_the_meeting_to_its_approved_minutes(stored, tmp_path: Path) -> None:
    db, draft = stored
    approved = tmp_path / "pc-2024-01-10-approved.txt"
    approved.write_text(PAPER.replace("get three quotes for the roof", "ask two roofers to price the repair by March"))
    run_cli("ingest", str(approved), db=db, check=True)
    after = _state(db)
    assert any("two roofers" in r[1] for r in after[4])
    for _ in range(2):
        result = run_cli("reread", db=db, check=True)
        assert "0 new actions" in result.stdout and _state(db) == after  # no flip-flop, no new refs


def test_a_short_body_name_at_ingest_is_the_stored_body(stored, tmp_path: Path) -> None:
    db, paper = stored
    result = run_cli("ingest", str(paper), "--again", "--body", "parish council", db=db, check=True)
    assert "note: --body 'parish council' is the stored body 'Parish Council'" in result.stderr
    assert _rows(db, "SELECT name FROM bodies") == [("Parish Council",)]


def test_review_ids_and_verdicts_stay_when_a_paper_is_read_again(stored, tmp_path: Path) -> None:
    db, _ = stored
    later = tmp_path / "pc-2024-02-14.txt"  # stored after: a new id for the first paper's records would be past its
    later.write_text(PAPER.replace("10 January 2024", "14 February 2024"))
    run_cli("ingest", str(later), db=db, check=True)
    ids = "SELECT r.id, r.text FROM resolutions r JOIN meetings m ON m.id = r.meeting_id ORDER BY m.date, r.id"
    items = "SELECT i.id, i.title FROM items i JOIN meetings m ON m.id = i.meeting_id ORDER BY m.date, i.id"
    before = _rows(db, ids) + _rows(db, items)
    rid = before[0][0]
    run_cli("review", "confirm", "resolution", str(rid), db=db, check=True)
    run_cli("reread", db=db, check=True)
    assert _rows(db, ids) + _rows(db, items) == before
    assert _rows(db, f"SELECT reviewed FROM resolutions WHERE id = {rid}") == [("confirmed",)]
    blank = run_cli("review", "correct", "resolution", str(rid), "--field", "text", "--value", " ", db=db)
    assert blank.returncode == 1 and "give the right text" in blank.stderr


def test_records_an_earlier_reading_missed_come_back_without_clashing_ids(stored) -> None:
    db, _ = stored
    _write(db, "DELETE FROM items WHERE number = '1'")  # an earlier version that missed the first item
    _write(db, "UPDATE items SET id = id - 1")
    run_cli("reread", db=db, check=True)
    assert [r[0] for r in _rows(db, "SELECT number FROM items ORDER BY position")] == ["1", "2", "3"]


def test_the_review_queue_shows_each_action_s_owners(stored) -> None:
    db, _ = stored
    rows = json.loads(run_cli("review", "--below", "1", "--json", db=db, check=True).stdout)
    owners = sorted(r["owners"] for r in rows if r["kind"] == "action")
    assert owners == ["Bell", "Clerk"]
    assert all(r["owners"] is None for r in rows if r["kind"] != "action")


def test_the_review_queue_gives_the_line_a_reader_counts_as_extract_trace_does(stored) -> None:
    db, paper = stored
    rows = json.loads(run_cli("review", "--below", "1", "--json", db=db, check=True).stdout)
    traced = json.loads(run_cli("extract", "--json", "--trace", str(paper), check=True).stdout)
    lines = {a["text"]: a["source"]["printed_lines"][0] for a in traced["meetings"][0]["actions"]}
    actions = [r for r in rows if r["kind"] == "action"]
    assert actions and all(r["line"] == lines[r["text"]] for r in actions)
    assert sorted(r["line"] for r in actions) == [7, 10]  # 'ACTION: Cllr Bell ...' is line 7 of the file


def test_showing_a_rejected_action_says_so_and_how_to_restore_it(stored) -> None:
    db, _ = stored
    ref = _rows(db, "SELECT ref FROM actions ORDER BY ref")[0][0]
    run_cli("review", "reject", "action", ref, db=db, check=True)
    shown = run_cli("action", "show", ref, db=db)
    assert shown.returncode == 1
    assert shown.stderr.strip() == (
        f"error: {ref}: rejected in review, so listed nowhere; `minutes review confirm action {ref}` restores it"
    )
    run_cli("review", "confirm", "action", ref, db=db, check=True)
    assert run_cli("action", "show", ref, db=db).returncode == 0


def test_forget_never_takes_a_stored_paper_for_another_file_of_the_same_name(tmp_path: Path, backend: str) -> None:
    db = fresh_db(backend, tmp_path)
    (tmp_path / "pc.txt").write_text(PAPER)
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    (elsewhere / "pc.txt").write_text("Minutes of another body entirely")

    def minutes(*args: str, cwd: Path) -> subprocess.CompletedProcess:
        argv = [sys.executable, "-m", "minutes", "--db", str(db), *args]
        return subprocess.run(argv, cwd=cwd, capture_output=True, text=True)

    assert minutes("ingest", "pc.txt", cwd=tmp_path).returncode == 0  # stored as the relative path 'pc.txt'
    result = minutes("forget", "pc.txt", cwd=elsewhere)
    assert result.returncode == 1 and "not a stored paper" in result.stderr
    assert _rows(db, "SELECT count(*) FROM meetings") == [(1,)]


def test_a_paper_read_again_that_gives_no_meeting_is_kept_as_it_was(stored) -> None:
    from minutes.db.store import NothingRead, store
    from minutes.ingest import read

    db, paper = stored
    before = _state(db)
    conn = open_db(db)
    try:
        with pytest.raises(NothingRead, match="gives no meeting where it gave 1; kept as it was .*minutes forget"):
            store(conn, read(str(paper)), [], again=True)
    finally:
        conn.close()
    assert _state(db) == before


TWO = """Minutes of the Annual Meeting of the Parish Council held on 10 May 2024

Present: Cllr Ann Bell, Cllr Cy Dee, Tom Hart (Clerk)

1. Election of Chair
Cllr Bell was elected Chair.

2. Election of Vice-Chair
Cllr Dee was elected Vice-Chair.

3. Committees
The committees' members were appointed as listed in the annual report.

Minutes of the Planning Committee held on 10 May 2024

Present: Cllr Ann Bell, Cllr Cy Dee, Tom Hart (Clerk)

1. Applications
ACTION: Clerk to send the committee's comments on 24/0012 to the planning authority.
"""


def test_a_paper_s_two_meetings_of_one_day_stay_two_and_keep_their_own_refs_when_read_again(
    tmp_path: Path, backend: str
) -> None:
    paper = tmp_path / "pc-2024-05-10.txt"
    paper.write_text(TWO)
    db = fresh_db(backend, tmp_path)
    run_cli("ingest", str(paper), db=db, check=True)
    meetings = "SELECT b.name, m.date FROM meetings m JOIN bodies b ON b.id = m.body_id ORDER BY b.name"
    assert _rows(db, meetings) == [("Parish Council", "2024-05-10"), ("Planning Committee", "2024-05-10")]
    ref = _rows(db, "SELECT ref FROM actions")[0][0]
    run_cli("action", "done", ref, db=db, check=True)
    # an earlier version read only the Planning Committee's minutes: the Parish Council's are new, not its row
    council = "(SELECT m.id FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE b.name = 'Parish Council')"
    for table in ("attendance", "items", "resolutions", "progress"):
        _write(db, f"DELETE FROM {table} WHERE meeting_id IN {council}")
    _write(db, f"DELETE FROM meetings WHERE id IN {council}")
    run_cli("reread", db=db, check=True)
    assert _rows(db, meetings) == [("Parish Council", "2024-05-10"), ("Planning Committee", "2024-05-10")]
    planning = (
        "SELECT a.ref, a.status, b.name FROM actions a "
        "JOIN meetings m ON m.id = a.meeting_id JOIN bodies b ON b.id = m.body_id"
    )
    assert _rows(db, planning) == [(ref, "done", "Planning Committee")]


def test_a_path_several_papers_were_stored_from_is_named_once_when_it_is_gone(stored) -> None:
    db, paper = stored
    paper.write_text(PAPER.replace("10 January 2024", "14 February 2024"))  # corrected in place, stored again
    run_cli("ingest", str(paper), db=db, check=True)
    paper.unlink()
    result = run_cli("reread", db=db)
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_forget_of_a_file_edited_since_it_was_stored_says_how_to_remove_the_stored_paper(stored) -> None:
    db, paper = stored
    paper.write_text(PAPER.replace("three quotes", "two quotes"))
    result = run_cli("forget", str(paper), db=db)
    assert result.returncode == 1 and "what the file holds now is not stored" in result.stderr
    moved = paper.with_name("edited.txt")
    paper.rename(moved)
    assert run_cli("forget", str(paper), db=db, check=True).stdout.strip() == "1 paper removed, 1 meeting with them"
