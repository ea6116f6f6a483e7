"""The tools officers already use: Datasette, a drop folder, calendars, spreadsheets, and review."""

from __future__ import annotations

import csv
import json
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import SAMPLES, run_cli

PACK = SAMPLES / "schools-forum-2023-06-27-agenda-pack.txt"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tools") / "minutes.db"
    run_cli("ingest", str(PACK), db=path, check=True)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> bytes:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


@pytest.fixture(scope="module")
def server(db: Path):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "minutes", "--db", str(db), "-q", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/-/versions.json")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def test_datasette_canned_query_json(server: str) -> None:
    rows = json.loads(wait_for(f"{server}/minutes/outstanding_actions.json?body=Schools&owner=&_shape=array"))
    assert sorted(r["ref"] for r in rows) == [f"SF-2023-03-14-{n:02d}" for n in range(1, 7)]
    meta = json.loads(wait_for(f"{server}/-/metadata.json"))
    queries = meta["databases"]["minutes"]["queries"]
    assert {
        "outstanding_actions",
        "overdue_actions",
        "decisions_matching",
        "attendance_history",
        "meetings_of_body",
    } <= set(queries)
    found = json.loads(wait_for(f"{server}/minutes/decisions_matching.json?words=scheme&_shape=array"))
    assert found and "Scheme" in found[0]["text"]
    typed = json.loads(wait_for(f"{server}/minutes/decisions_matching.json?words=%22scheme&_shape=array"))
    assert [r["text"] for r in typed] == [r["text"] for r in found]  # a stray quote is no syntax error
    late = json.loads(wait_for(f"{server}/minutes/overdue_actions.json?_shape=array"))
    assert late and all(isinstance(r["days_overdue"], int) and r["days_overdue"] > 0 for r in late)
    history = json.loads(wait_for(f"{server}/minutes/attendance_history.json?person=Burton&_shape=array"))
    assert history[0]["status"] == "present"


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed (apt-get install chromium)")
def test_outstanding_actions_page_in_headless_chromium(server: str, tmp_path: Path) -> None:
    url = f"{server}/minutes/outstanding_actions?body=Schools+Forum&owner="
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(["chromium", *flags, "--dump-dom", url], capture_output=True, text=True, timeout=120).stdout
    assert "Outstanding actions by body and owner" in dom
    assert all(f"SF-2023-03-14-{n:02d}" in dom for n in range(1, 7))
    assert "Tony Burton" in dom
    shot = tmp_path / "page.png"
    subprocess.run(
        ["chromium", *flags, "--window-size=1280,900", f"--screenshot={shot}", url], capture_output=True, timeout=120
    )
    assert shot.exists() and shot.stat().st_size > 10_000


def test_watch_ingests_dropped_files_and_files_them(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = tmp_path / "watch.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "minutes", "--db", str(db), "watch", str(inbox), "--settle", "0.5"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        (inbox / "todo.xyz").write_text("hi\n")  # a few bytes that never grow into a paper: said, once they settle
        time.sleep(2)
        # a paper copied in slowly: it must not be read while half-written
        target = inbox / "pack.txt"
        data = PACK.read_bytes()
        with target.open("wb") as handle:
            for k in range(0, len(data), 4000):
                handle.write(data[k : k + 4000])
                handle.flush()
                time.sleep(0.1)
        shutil.copy(SAMPLES / "schools-forum-2023-06-27-agenda-pack.docx", inbox / "pack.docx")
        # a PDF whose name hides what it is (a date with dots): read by its first bytes
        shutil.copy(SAMPLES / "schools-forum-2023-06-27-agenda-pack.pdf", inbox / "forum pack 27.06")
        (inbox / "broken.pdf").write_bytes(b"%PDF-1.7 not really")
        (inbox / "notes.xyz").write_text("# Notes\n")
        (inbox / "sub").mkdir()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(list((inbox / "done").glob("*"))) < 3:
            time.sleep(0.3)
        while time.monotonic() < deadline and not (inbox / "failed" / "broken.pdf.error.txt").exists():
            time.sleep(0.3)
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert sorted(p.name for p in (inbox / "done").iterdir()) == ["forum pack 27.06", "pack.docx", "pack.txt"]
    note = (inbox / "failed" / "broken.pdf.error.txt").read_text()
    assert note.startswith("broken.pdf: ") and str(inbox) not in note  # the paper as it lies, beside the note
    left = [p.name for p in inbox.iterdir() if p.is_file() and not p.name.startswith(".")]  # the lock stays hidden
    assert sorted(left) == ["notes.xyz", "todo.xyz"]
    assert err.count("note: notes.xyz: not a kind of paper minutes reads") == 1, "said once, not at every scan"
    assert "note: sub/: a folder; only files dropped into the inbox itself are read" in err  # a notice, no error
    notes = [line for line in err.splitlines() if line.startswith("note: ")]
    assert "note: todo.xyz: not a kind of paper minutes reads" in err
    assert len(notes) == 3, notes  # the three left alone; a file's events are no notes
    assert "ingested pack.txt: 2 meetings, 6 actions" in out and "(2 meetings updated)" in out, out
    conn = sqlite3.connect(db)
    paths = [Path(row[0]) for row in conn.execute("SELECT path FROM documents")]
    assert len(paths) == 3 and all(p.parent == (inbox / "done").resolve() and p.is_file() for p in paths)
    assert conn.execute("SELECT count(*) FROM actions").fetchone()[0] == 6, "the other copies update the same meeting"


def test_calendar_parses_back(db: Path, tmp_path: Path) -> None:
    from icalendar import Calendar

    out = tmp_path / "sf.ics"
    said = run_cli("calendar", "--body", "Schools Forum", "--out", str(out), db=db, check=True).stdout
    cal = Calendar.from_ical(out.read_bytes())
    events = [c for c in cal.walk("VEVENT")]
    todos = [c for c in cal.walk("VTODO")]
    assert sorted(str(e.get("dtstart").dt)[:10] for e in events) == ["2023-03-14", "2023-06-27"]
    assert f": {len(events)} meetings, 6 open actions" in said
    # the body and the day, not a row number: a rebuilt database gives the calendar app the same events
    assert {str(e.get("uid")) for e in events} == {
        "meeting-schools-forum-2023-03-14@minutes",
        "meeting-schools-forum-2023-06-27@minutes",
    }
    assert {str(t.get("summary"))[:16] for t in todos} == {f"SF-2023-03-14-{n:02d}" for n in range(1, 7)}


def test_calendar_says_how_many_events_it_wrote_and_how_many_meetings_had_no_date(tmp_path: Path) -> None:
    people = "Present: Ann Bell, Cy Dee, Ed Fox\n\n1. Budget\n"
    (tmp_path / "march.txt").write_text("Minutes of the Finance Committee held on 5 March 2024\n\n" + people)
    (tmp_path / "undated.txt").write_text("Minutes of the Finance Committee\n\n" + people + "2. Audit\n")
    db = tmp_path / "m.db"
    run_cli("ingest", str(tmp_path / "march.txt"), str(tmp_path / "undated.txt"), db=db, check=True)
    said = run_cli("calendar", "--body", "Finance Committee", "--out", str(tmp_path / "f.ics"), db=db, check=True)
    assert ": 1 meeting (1 undated meeting left out), 0 open actions" in said.stdout


def test_export_formats(db: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    run_cli("export", "--format", "csv", "--out", str(tmp_path / "csv"), db=db, check=True)
    with (tmp_path / "csv" / "actions.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 6 and rows[0]["owners"] == "Tony Burton"
    dues = {row["due"]: row["due_date"] for row in rows if row["due"]}  # the words, and the day they fall on
    assert dues and all(day == "" or len(day) == 10 and day[4] == "-" for day in dues.values())
    assert any(day for day in dues.values())
    run_cli("export", "--format", "json", "--out", str(tmp_path / "all.json"), db=db, check=True)
    data = json.loads((tmp_path / "all.json").read_text())
    assert len(data["attendance"]) == 20 and len(data["resolutions"]) == 6 and len(data["meetings"]) == 2
    run_cli("export", "--format", "xlsx", "--out", str(tmp_path / "all.xlsx"), db=db, check=True)
    book = load_workbook(tmp_path / "all.xlsx")
    assert book.sheetnames == ["meetings", "attendance", "resolutions", "actions"]
    assert book["actions"].max_row == 7


def test_review_verdicts_survive_reingest(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    run_cli("ingest", str(PACK), db=db, check=True)
    listed = json.loads(run_cli("review", "--below", "0.95", "--json", db=db, check=True).stdout)
    decisions = [r for r in listed if r["kind"] == "resolution"]
    assert decisions and all(r["confidence"] < 0.95 and r["document"].endswith(".txt") for r in decisions)
    approved = next(r for r in decisions if "accurate record" in r["text"])
    run_cli(
        "review",
        "correct",
        "resolution",
        str(approved["id"]),
        "--field",
        "text",
        "--value",
        "The minutes of the meeting of 6 December 2022 were agreed as an accurate record.",
        db=db,
        check=True,
    )
    wider = json.loads(run_cli("review", "--below", "0.95", "--json", db=db, check=True).stdout)
    action = next(r for r in wider if r["kind"] == "action" and "template" in r["text"])
    run_cli("review", "reject", "action", str(action["id"]), db=db, check=True)
    assert (  # a field no action has: a usage error
        run_cli("review", "correct", "action", str(action["id"]), "--field", "colour", "--value", "x", db=db).returncode
        == 2
    )
    # the same meeting again, from the Word version of the pack: the verdicts are applied again
    run_cli("ingest", str(SAMPLES / "schools-forum-2023-06-27-agenda-pack.docx"), db=db, check=True)
    conn = sqlite3.connect(db)
    rows = dict(conn.execute("SELECT text, reviewed FROM resolutions WHERE reviewed IS NOT NULL").fetchall())
    assert rows.get("The minutes of the meeting of 6 December 2022 were agreed as an accurate record.") == "corrected"
    refs = [a["ref"] for a in json.loads(run_cli("actions", "--json", db=db, check=True).stdout)]
    assert "SF-2023-03-14-05" not in refs and len(refs) == 5, "the rejected action stays out after re-ingest"
    left = json.loads(run_cli("review", "--below", "0.95", "--json", db=db, check=True).stdout)
    assert not any("6 December 2022" in r["text"] for r in left)


def test_a_rejected_record_is_counted_listed_and_exported_nowhere(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    run_cli("ingest", str(PACK), db=db, check=True)
    conn = sqlite3.connect(db)
    decision_id, decision = conn.execute("SELECT id, text FROM resolutions ORDER BY id LIMIT 1").fetchone()
    attendee_id, attendee, meeting_id = conn.execute(
        "SELECT id, name, meeting_id FROM attendance WHERE status = 'present' ORDER BY id LIMIT 1"
    ).fetchone()
    conn.close()

    def counts() -> tuple[dict, dict, str]:
        listed = next(
            m for m in json.loads(run_cli("meetings", "--json", db=db, check=True).stdout) if m["id"] == meeting_id
        )
        person = next(
            p for p in json.loads(run_cli("people", "--json", db=db, check=True).stdout) if p["name"] == attendee
        )
        out = tmp_path / "all.json"
        run_cli("export", "--format", "json", "--out", str(out), db=db, check=True)
        return listed, person, out.read_text(encoding="utf-8")

    before, person_before, exported = counts()
    assert any(r["text"] == decision for r in json.loads(exported)["resolutions"])
    run_cli("review", "reject", "resolution", str(decision_id), db=db, check=True)
    run_cli("review", "reject", "attendee", str(attendee_id), db=db, check=True)
    after, person_after, exported = counts()
    assert (after["resolutions"], after["attendees"]) == (before["resolutions"] - 1, before["attendees"] - 1)
    assert person_after["attended"] == person_before["attended"] - 1
    assert not any(r["text"] == decision for r in json.loads(exported)["resolutions"])
    assert not any(
        row["name"] == attendee for row in json.loads(exported)["attendance"] if row["meeting_id"] == meeting_id
    )


def test_review_refuses_values_the_record_cannot_hold(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    run_cli("ingest", str(PACK), db=db, check=True)
    conn = sqlite3.connect(db)
    attendee_id = conn.execute("SELECT id FROM attendance ORDER BY id LIMIT 1").fetchone()[0]
    decision_id, item = conn.execute("SELECT id, item FROM resolutions WHERE item IS NOT NULL LIMIT 1").fetchone()
    conn.close()
    status = run_cli("review", "correct", "attendee", str(attendee_id), "--field", "status", "--value", "banana", db=db)
    assert status.returncode == 1 and "present, apologies, absent" in status.stderr
    moved = run_cli("review", "correct", "resolution", str(decision_id), "--field", "item", "--value", "99.9", db=db)
    assert moved.returncode == 1 and "no item '99.9'" in moved.stderr
    assert run_cli("review", "--below", "2", db=db).returncode == 2
    run_cli(
        "review", "correct", "attendee", str(attendee_id), "--field", "status", "--value", "absent", db=db, check=True
    )
    run_cli("review", "correct", "resolution", str(decision_id), "--field", "item", "--value", item, db=db, check=True)


def test_configuration_in_one_place(tmp_path: Path) -> None:
    import os

    config = tmp_path / "minutes.toml"
    target = tmp_path / "from-config.db"
    config.write_text(f'database = "{target}"\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "MINUTES_DB"}
    env["MINUTES_CONFIG"] = str(config)
    run_cli("ingest", str(PACK), env=env, check=True)
    assert sqlite3.connect(target).execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    env["MINUTES_DB"] = str(tmp_path / "from-env.db")  # the environment overrides the file
    run_cli("ingest", str(PACK), env=env, check=True)
    assert (tmp_path / "from-env.db").exists()
    run_cli("ingest", str(PACK), db=tmp_path / "from-option.db", env=env, check=True)  # and the option both
    assert (tmp_path / "from-option.db").exists()


def test_xlsx_has_date_cells_a_frozen_filtered_header_and_widths(db: Path, tmp_path: Path) -> None:
    from datetime import datetime

    from openpyxl import load_workbook

    run_cli("export", "--format", "xlsx", "--out", str(tmp_path / "all.xlsx"), db=db, check=True)
    sheet = load_workbook(tmp_path / "all.xlsx")["meetings"]
    header = [c.value for c in sheet[1]]
    dates = [row[header.index("date")].value for row in sheet.iter_rows(min_row=2)]
    assert dates and all(isinstance(d, datetime) for d in dates)
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == sheet.dimensions
    assert all(sheet.column_dimensions[c].width >= 10 for c in "ABC")


def test_xlsx_takes_text_holding_characters_xml_forbids(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from minutes.render.export import files

    tables = {"actions": [{"text": "Cllr Lee was co\ufffeopted\x0b onto the council"}]}
    (out,) = files(tables, "xlsx", tmp_path / "all.xlsx").items()
    out[0].write_bytes(out[1])
    assert load_workbook(out[0])["actions"]["A2"].value == "Cllr Lee was co-opted onto the council"


def test_an_agenda_and_the_minutes_of_one_meeting_are_one_calendar_event(tmp_path: Path) -> None:
    from icalendar import Calendar

    head = "{kind} of the Parish Council meeting {when} on 5 March 2024 at 7.30pm in the Village Hall\n\n"
    agenda = tmp_path / "agenda.txt"
    agenda.write_text(head.format(kind="Agenda", when="to be held") + "1. Apologies\n2. Finance\n")
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(
        head.format(kind="Minutes", when="held").replace(" at 7.30pm", "")
        + "Present: Ann Bell, Cy Dee\n\n1. Apologies\nNone.\n2. Finance\nThe accounts were approved.\n"
    )
    db = tmp_path / "m.db"
    run_cli("ingest", str(agenda), str(minutes), db=db, check=True)
    out = tmp_path / "pc.ics"
    body = json.loads(run_cli("meetings", "--json", db=db, check=True).stdout)[0]["body"]
    run_cli("calendar", "--body", body, "--out", str(out), db=db, check=True)
    (event,) = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(event.get("dtstart").dt).startswith("2024-03-05 19:30")  # the agenda's time: the minutes give none


def test_serve_never_imports_a_datasette_py_from_here_and_keeps_secrets_from_it(db: Path, tmp_path: Path) -> None:
    """A 'datasette.py' in the folder where an officer runs `minutes serve` is never run; the server's
    environment has no SMTP password; listening beyond loopback is warned about."""
    import os

    (tmp_path / "datasette.py").write_text(
        "import os, pathlib\npathlib.Path('ran.txt').write_text(os.environ.get('MINUTES_SMTP_PASSWORD', 'none'))\n"
    )
    port = free_port()
    env = {**os.environ, "MINUTES_SMTP_PASSWORD": "hunter2"}
    argv = [sys.executable, "-m", "minutes", "--db", str(db), "serve", "--port", str(port), "--host", "0.0.0.0"]
    process = subprocess.Popen(argv, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/-/versions.json")
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=20)
    assert not (tmp_path / "ran.txt").exists(), "the folder's datasette.py ran"
    assert "warning: listening on 0.0.0.0" in err


def test_child_programs_get_no_secrets(monkeypatch) -> None:
    from minutes.config import child_environment

    monkeypatch.setenv("MINUTES_SMTP_PASSWORD", "hunter2")
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_x")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    env = child_environment({"OMP_THREAD_LIMIT": "1"})
    assert "MINUTES_SMTP_PASSWORD" not in env and "GITHUB_TOKEN" not in env
    assert env["LANG"] == "en_GB.UTF-8" and env["OMP_THREAD_LIMIT"] == "1"


def _inbox(tmp_path: Path):
    from minutes.watch import Inbox

    folder = tmp_path / "inbox"
    folder.mkdir()
    read: list[str] = []
    said: list[str] = []
    inbox = Inbox(folder, lambda path: read.append(path.name), settle=0, report=said.append)
    return folder, inbox, read, said


def test_a_link_out_of_the_inbox_is_never_read(tmp_path: Path) -> None:
    folder, inbox, read, said = _inbox(tmp_path)
    secret = tmp_path / "confidential.txt"
    secret.write_text("Minutes of the Remuneration Committee held on 5 March 2024")
    (folder / "innocent.txt").symlink_to(secret)
    (folder / "loop.pdf").symlink_to(folder / "loop.pdf")  # a link to itself
    (folder / "gone.txt").symlink_to(tmp_path / "no-such-file.txt")
    inbox.scan()
    inbox.scan()
    assert read == [] and sorted(said) == [
        "gone.txt: a link to a file outside the inbox; not read",
        "innocent.txt: a link to a file outside the inbox; not read",
        "loop.pdf: a link to a file outside the inbox; not read",
    ]
    assert (folder / "failed" / "innocent.txt.error.txt").is_file() and secret.is_file()


def test_archive_names_are_unique_and_removed_folders_come_back(tmp_path: Path) -> None:
    folder, inbox, read, _ = _inbox(tmp_path)
    for _ in range(3):
        (folder / "minutes.txt").write_text("Minutes of the Parish Council held on 5 March 2024")
        inbox.scan()
        inbox.scan()
    assert sorted(p.name for p in (folder / "done").iterdir()) == ["minutes-2.txt", "minutes-3.txt", "minutes.txt"]
    (folder / "done").rename(tmp_path / "tidied")  # someone tidies up while the watcher runs
    (folder / "agenda.txt").write_text("Agenda of the Parish Council meeting to be held on 2 April 2024")
    inbox.scan()
    inbox.scan()
    assert [p.name for p in (folder / "done").iterdir()] == ["agenda.txt"]
    assert read == ["minutes.txt"] * 3 + ["agenda.txt"]


def test_a_pdf_or_word_file_still_being_written_waits_for_its_end(tmp_path: Path) -> None:
    from minutes.watch import complete

    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj\n")
    assert not complete(pdf)
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj\nendobj\n%%EOF\n")
    assert complete(pdf)
    word = tmp_path / "a.docx"
    word.write_bytes(shutil.os.urandom(200))
    assert not complete(word)
    shutil.copy(SAMPLES / "schools-forum-2023-06-27-agenda-pack.docx", word)
    assert complete(word)


def test_a_second_watcher_on_one_inbox_is_refused(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    argv = [sys.executable, "-m", "minutes", "--db", str(tmp_path / "w.db"), "watch", str(inbox)]
    first = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (inbox / ".minutes-watch.lock").exists():
            time.sleep(0.2)
        time.sleep(1)
        second = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    finally:
        first.send_signal(signal.SIGINT)
        first.communicate(timeout=30)
    assert second.returncode == 1
    assert "another 'minutes watch' is already watching this folder" in second.stderr


def test_the_outstanding_actions_query_names_owners_as_the_papers_name_them_in_full(tmp_path: Path) -> None:
    from minutes.render.datasette import metadata

    paper = tmp_path / "wye.txt"
    paper.write_text(
        "Minutes of the Wye Parish Council meeting held on 9 January 2024\n\nPresent: Cllr Bob Evans, Cllr Ann Bell\n"
        "In attendance: Amanda Glew (Clerk)\n\n1. Greens\n\nCllr Evans will cut the hedge.\n\n2. Hall\n\n"
        "The Clerk will write to the hall's owners.\n"
    )
    db = tmp_path / "m.db"
    run_cli("ingest", str(paper), db=db, check=True)
    query = metadata("minutes")["databases"]["minutes"]["queries"]["outstanding_actions"]["sql"]
    rows = sqlite3.connect(db).execute(query, {"body": "", "owner": ""}).fetchall()
    assert sorted(row[5] for row in rows) == ["Bob Evans", "Clerk"]  # not 'Evans'; the post as given, as listed
