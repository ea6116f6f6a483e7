"""Everyday command-line use: one-line errors, --db anywhere, no database made by a typo, readable traces."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from minutes.cli import hoist_global_options

from backends import copy_of, fresh_db, open_db
from conftest import SAMPLES, run_cli

# commands that read or change the database run on SQLite and on PostgreSQL; argument checks, a mistyped
# file name and Datasette (SQLite only) on the SQLite file
pytestmark = pytest.mark.both_backends


@pytest.fixture(scope="module")
def sqlite_stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples stored once in a SQLite file: `stored` on SQLite, and the tests that need no other backend."""
    db = tmp_path_factory.mktemp("everyday") / "minutes.db"
    run_cli("ingest", str(SAMPLES), db=db, check=True)
    return db


@pytest.fixture(scope="module")
def stored(backend: str, tmp_path_factory: pytest.TempPathFactory, sqlite_stored: Path) -> Path | str:
    if backend == "sqlite":
        return sqlite_stored
    db = fresh_db(backend, tmp_path_factory.mktemp("everyday"))
    run_cli("ingest", str(SAMPLES), db=db, check=True)
    return db


@pytest.fixture
def copy(stored: Path | str, tmp_path: Path) -> Path | str:
    return copy_of(stored, tmp_path)


@pytest.fixture
def sqlite_copy(sqlite_stored: Path, tmp_path: Path) -> Path:
    return copy_of(sqlite_stored, tmp_path)


def one_line_error(run, code: int) -> str:
    assert run.returncode == code, run.stderr
    assert "Traceback" not in run.stderr and run.stderr.count("\n") == 1, run.stderr
    assert run.stderr.startswith("error: ")
    return run.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["agenda", "--body", "Schools Forum", "--date", "2023-13-45"],
        ["action", "set", "SF-2023-03-14-01", "--due", "2024-02-31"],
        ["digest", "--body", "Schools Forum", "--as-of", "2023-02-30"],
    ],
)
def test_an_impossible_date_gets_the_same_one_line_error_as_any_bad_date(sqlite_copy: Path, args: list[str]) -> None:
    bad = args[-1]
    message = one_line_error(run_cli(*args, db=sqlite_copy), 2)
    assert f"cannot read '{bad}' as a date" in message
    unreadable = one_line_error(run_cli(*args[:-1], "someday", db=sqlite_copy), 2)
    assert unreadable.replace("'someday'", f"'{bad}'") == message


def _next(day, month: int, last: int):
    """The next `last` of `month` on or after `day`: where 'end of March' and '31 March' fall."""
    from datetime import date

    this = date(day.year, month, last)
    return this if this >= day else date(day.year + 1, month, last)


def test_a_due_given_in_words_counts_from_today_and_the_next_meeting_is_the_one_announced(tmp_path: Path) -> None:
    from datetime import date, timedelta

    today = date.today()
    held, announced = today - timedelta(days=30), today + timedelta(days=40)
    paper = tmp_path / "minutes.txt"
    paper.write_text(
        f"Minutes of the meeting of Ashby Parish Council held on {held:%d %B %Y}\n\n"
        "Present: Cllr Ann Lee (Chair), Cllr Bob Hart\n\n1. Footpaths\nThe Clerk will write to the landowner.\n\n"
        f"2. Date of next meeting\nThe next meeting will be held on {announced:%d %B %Y}.\n"
    )
    db = tmp_path / "m.db"  # SQLite alone: the dates are worked out before the database is written
    run_cli("ingest", str(paper), db=db, check=True)
    (ref,) = [row["ref"] for row in json.loads(run_cli("actions", "--json", db=db, check=True).stdout)]

    def due(words: str) -> str:
        said = run_cli("action", "set", ref, "--due", words, db=db, check=True).stdout
        return json.loads(run_cli("action", "show", ref, "--json", db=db, check=True).stdout)["due"], said

    assert due("next meeting") == (announced.isoformat(), f"{ref}: due set to {announced} (next meeting)\n")
    assert due("end of March")[0] == _next(today, 3, 31).isoformat()
    assert due("31 March")[0] == _next(today, 3, 31).isoformat()  # no year typed: the next 31 March, not the last
    assert due("in 2 weeks")[0] == (today + timedelta(days=14)).isoformat()
    assert due(f"end of March {today.year + 1}")[0] == f"{today.year + 1}-03-31"  # a year typed: words still
    assert due("none") == (None, f"{ref}: due set to none\n")  # cleared: no due date after all
    message = one_line_error(run_cli("action", "set", ref, "--due", "soon", db=db), 2)
    assert "cannot read 'soon' as a date, or as a time from today" in message


def test_next_meeting_as_a_due_needs_a_meeting_to_come(copy: Path | str) -> None:
    message = one_line_error(run_cli("action", "set", "SF-2023-03-14-01", "--due", "the next meeting", db=copy), 1)
    assert "no meeting of this body after today is stored or announced" in message


def test_db_may_come_after_the_command(stored: Path | str) -> None:
    after = run_cli("meetings", "--db", str(stored), check=True).stdout
    before = run_cli("--db", str(stored), "meetings", check=True).stdout
    assert after == before and "2023-03-14" in after


def test_global_options_move_in_front_of_the_command_and_values_stay_with_them() -> None:
    assert hoist_global_options(["actions", "--open", "--db", "x.db", "-q"]) == [
        "--db",
        "x.db",
        "-q",
        "actions",
        "--open",
    ]
    assert hoist_global_options(["meetings", "--db=x.db"]) == ["--db=x.db", "meetings"]
    assert hoist_global_options(["extract", "--", "--db"]) == ["extract", "--", "--db"]
    # a command's own option keeps its value, however it looks
    note = ["action", "done", "X-1", "--note", "-q"]
    assert hoist_global_options(note, frozenset({"--note"})) == note


def test_a_note_that_looks_like_a_flag_stays_the_note(copy: Path | str) -> None:
    import json

    run_cli("action", "done", "SF-2023-03-14-01", "--note", "-q", db=copy, check=True)
    (row,) = [a for a in json.loads(run_cli("actions", "--json", db=copy).stdout) if a["ref"] == "SF-2023-03-14-01"]
    assert row["status"] == "done" and any("-q" in (h.get("words") or "") for h in row["history"])


@pytest.mark.parametrize(
    "args",
    [
        ["meetings"],
        ["actions", "--open"],
        ["people"],
        ["digest", "--body", "Schools Forum"],
        ["agenda", "--body", "Schools Forum", "--date", "2023-09-19"],
        ["calendar", "--body", "Schools Forum", "--out", "x.ics"],
        ["export", "--format", "json"],
        ["action-log", "--body", "Schools Forum"],
        ["review"],
        ["action", "done", "SF-2023-03-14-01"],
        ["serve"],
    ],
)
def test_a_mistyped_database_path_is_named_and_never_created(tmp_path: Path, args: list[str]) -> None:
    typo = tmp_path / "minuets.db"
    message = one_line_error(run_cli(*args, db=typo), 1)
    assert str(typo) in message and "no such database" in message
    assert not typo.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["meetings"],
        ["actions"],
        ["people"],
        ["digest"],
        ["agenda", "--date", "2023-09-19"],
        ["calendar", "--out", "x.ics"],
        ["export", "--format", "json"],
        ["action-log"],
        ["review"],
    ],
)
def test_an_unknown_body_gets_the_same_error_with_the_closest_names(stored: Path | str, args: list[str]) -> None:
    message = one_line_error(run_cli(*args, "--body", "Shools Forum", db=stored), 1)
    assert message == "error: no body called 'Shools Forum'; did you mean 'Schools Forum'?\n"


def test_a_body_like_none_stored_points_to_the_list_of_bodies(stored: Path | str) -> None:
    message = one_line_error(run_cli("actions", "--body", "Quarry Liaison Group", db=stored), 1)
    assert "see `minutes bodies`" in message


def test_trace_without_json_prints_each_record_with_page_lines_rule_and_confidence() -> None:
    shown = run_cli("extract", "--trace", str(SAMPLES / "schools-forum-2023-06-27-agenda-pack.pdf"), check=True).stdout
    lines = shown.splitlines()
    assert lines[0].startswith("agenda Schools Forum 2023-06-27")
    attendee = next(line for line in lines if "Tony Burton" in line)
    fields = attendee.split()
    assert fields[0] == "attendee" and fields[1].startswith("p.") and fields[2].startswith("l.")
    assert fields[3].startswith("attendance.") and 0 < float(fields[4]) <= 1
    assert any(line.split()[0] == "action" for line in lines)


def test_setting_an_owner_says_who_it_was_and_who_it_is(copy: Path | str) -> None:
    run = run_cli("action", "set", "SF-2023-03-14-01", "--owner", "Peter Haylock", db=copy, check=True)
    assert run.stdout.startswith("SF-2023-03-14-01: owner set to Peter Haylock (was ")
    again = run_cli("action", "set", "SF-2023-03-14-01", "--owner", "Tony Burton / Peter Haylock", db=copy, check=True)
    assert again.stdout.strip() == "SF-2023-03-14-01: owner set to Tony Burton, Peter Haylock (was Peter Haylock)"
    same = run_cli("action", "set", "SF-2023-03-14-01", "--owner", "tony burton / Peter Haylock", db=copy, check=True)
    assert same.stdout.strip() == "SF-2023-03-14-01: already Tony Burton, Peter Haylock; nothing changed"
    shown = json.loads(run_cli("action", "show", "SF-2023-03-14-01", "--json", db=copy, check=True).stdout)
    assert sum("owner set" in (h["words"] or "") for h in shown["history"]) == 2  # the same owners set again: no line
    each = run_cli("action", "set", "SF-2023-03-14-01", "--owner", "Clerk", "--owner", "Tony Burton", db=copy)
    assert each.stdout.strip() == (
        "SF-2023-03-14-01: owner set to Clerk, Tony Burton (was Tony Burton, Peter Haylock)"
    ), each.stderr  # the option given twice sets both, not the last alone
    assert each.stderr == ""  # a post and a person of the papers need no note
    slips = run_cli("action", "set", "SF-2023-03-14-01", "--owner", "Tony Burtn / Peter Hailok / Ann Newcomer", db=copy)
    assert slips.returncode == 0
    assert slips.stderr.splitlines() == [
        "note: 'Tony Burtn' is taken as 'Tony Burton', as the papers spell it",
        "note: 'Peter Hailok' is nobody in this body's papers; did you mean 'Peter Haylock'?",
        "note: 'Ann Newcomer' is nobody in this body's papers yet",
    ]


def test_a_status_a_person_already_set_changes_nothing(copy: Path | str) -> None:
    first = run_cli("action", "reopen", "SF-2023-03-14-01", db=copy, check=True)  # open by the papers: now pinned
    assert first.stdout.strip() == "SF-2023-03-14-01: status set to open"
    run_cli("action", "done", "SF-2023-03-14-01", db=copy, check=True)
    before = run_cli("action", "show", "SF-2023-03-14-01", "--json", db=copy, check=True).stdout
    again = run_cli("action", "done", "SF-2023-03-14-01", db=copy, check=True)
    assert again.stdout.strip() == "SF-2023-03-14-01: already done; nothing changed"
    assert run_cli("action", "show", "SF-2023-03-14-01", "--json", db=copy, check=True).stdout == before
    noted = run_cli("action", "done", "SF-2023-03-14-01", "--note", "confirmed by email", db=copy, check=True)
    assert noted.stdout.strip() == "SF-2023-03-14-01: status set to done"  # a note is news: it is recorded


def test_a_reference_under_another_bodys_letters_is_suggested(copy: Path | str) -> None:
    message = one_line_error(run_cli("action", "show", "SCHF-2023-03-14-01", db=copy), 1)
    assert message == "error: no action with reference SCHF-2023-03-14-01; did you mean SF-2023-03-14-01?\n"
    message = one_line_error(run_cli("action", "done", "SCHF-2023-03-14-01", db=copy), 1)
    assert message == "error: no action with reference SCHF-2023-03-14-01; did you mean SF-2023-03-14-01?\n"


def test_action_show_prints_one_action_with_each_change_said_once(copy: Path | str) -> None:
    run_cli(
        "action", "set", "sf-2023-03-14-02", "--due", "30/04/2023", "--owner", "Caroline Baxter / Tony Burton",
        "--note", "agreed by email", db=copy, check=True,
    )  # fmt: skip
    shown = run_cli("action", "show", "sf-2023-03-14-02", db=copy, check=True).stdout
    assert shown.startswith("SF-2023-03-14-02  OPEN")
    assert "Owners:  Caroline Baxter, Tony Burton" in shown and "Due:     2023-04-30" in shown
    assert "Raised:  14 Mar 2023, item 5" in shown
    said = " ".join(shown.split())
    assert "(by hand): due set to 2023-04-30 (agreed by email)" in said
    assert "(by hand): owner set to Caroline Baxter, Tony Burton (agreed by email)" in said
    import json

    (row,) = [json.loads(run_cli("action", "show", "SF-2023-03-14-02", "--json", db=copy, check=True).stdout)]
    assert [h["by"] for h in row["history"]] == ["meeting", "user", "user"]
    assert one_line_error(run_cli("action", "show", "SF-1999-01-01-09", db=copy), 1).strip().endswith("-01-09")


def test_owners_set_by_hand_are_counted_for_those_people(copy: Path | str) -> None:
    import json

    def owned() -> dict[str, int]:
        return {p["name"]: p["actions"] for p in json.loads(run_cli("people", "--json", db=copy, check=True).stdout)}

    before = owned()
    was = json.loads(run_cli("actions", "--json", db=copy, check=True).stdout)
    action = next(a for a in was if a["ref"] == "SF-2023-03-14-01")
    run_cli("action", "set", "SF-2023-03-14-01", "--owner", "Peter Haylock / Ann Newcomer", db=copy, check=True)
    after = owned()
    assert after["Peter Haylock"] == before["Peter Haylock"] + ("Peter Haylock" not in action["owners"])
    assert "Ann Newcomer" not in after, "a name typed by hand makes no person: no typo lingers as one"
    for name in action["owners"]:
        if name != "Peter Haylock" and name in before:
            assert after[name] == before[name] - 1


def test_an_output_the_system_refuses_is_named_in_one_line_not_called_an_internal_error(stored: Path | str) -> None:
    message = one_line_error(run_cli("export", "--format", "json", "--out", "/nonexistent/x/out.json", db=stored), 1)
    assert "/nonexistent/x/out.json" in message and "internal error" not in message


def test_a_reader_closing_the_pipe_early_gets_no_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    paper = tmp_path / "long.txt"
    items = "\n".join(f"{n}. Item number {n}" for n in range(1, 3000))
    paper.write_text(f"Minutes of the Board meeting held on 5 March 2024\n\nPresent: Ann Lee, Bob Day\n\n{items}\n")
    argv = [sys.executable, "-m", "minutes", "extract", "--json", str(paper)]
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert len(process.stdout.read(10)) == 10
    process.stdout.close()  # `minutes extract --json ... | head -c 10`: far more than a pipe holds is left unread
    _, stderr = process.communicate(timeout=120)
    assert b"Traceback" not in stderr and b"internal error" not in stderr and b"Exception ignored" not in stderr


def test_ingest_names_papers_holding_no_meeting_and_says_when_the_only_failures_are_scans(
    tmp_path: Path, db_path: Path | str
) -> None:
    from conftest import SHARED

    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "notes.txt").write_text("Shopping list: milk, bread and eggs for the weekend.\n")
    shutil.copy(SAMPLES / "schools-forum-high-needs-fragment.md", folder)
    run = run_cli("ingest", str(folder), db=db_path)
    assert f"{folder / 'notes.txt'}: no meeting found" in run.stdout
    assert "2 documents stored" in run.stdout and "1 with no meeting" in run.stdout
    scans = sorted((SHARED / "corpus" / "pdf").glob("*-scanned.pdf"))
    if scans:
        for scan in scans:
            shutil.copy(scan, folder)
        run = run_cli("ingest", str(folder), "--ocr", "never", db=db_path)
        assert run.returncode == 1 and "2 failed (all scans without a text layer" in run.stdout


def _action_id(db: Path | str, ref: str) -> int:
    conn = open_db(db)
    try:
        return conn.execute("SELECT id FROM actions WHERE ref = ?", [ref]).fetchone()[0]
    finally:
        conn.close()


def test_review_corrects_an_actions_owners_and_due_date_and_they_survive_reingest(copy: Path | str) -> None:
    import json

    record = str(_action_id(copy, "SF-2023-03-14-01"))
    run_cli("review", "correct", "action", record, "--field", "owners", "--value", "Peter Haylock", db=copy, check=True)
    run_cli("review", "correct", "action", record, "--field", "due", "--value", "30/09/2023", db=copy, check=True)
    run_cli("ingest", str(SAMPLES), db=copy, check=True)
    (row,) = [
        a
        for a in json.loads(run_cli("actions", "--json", db=copy, check=True).stdout)
        if a["ref"] == "SF-2023-03-14-01"
    ]
    assert row["owners"] == ["Peter Haylock"] and row["due"] == "2023-09-30"


def test_review_names_a_field_an_action_lacks_in_plain_english(copy: Path | str) -> None:
    record = str(_action_id(copy, "SF-2023-03-14-01"))
    message = one_line_error(
        run_cli("review", "correct", "action", record, "--field", "colour", "--value", "x", db=copy), 2
    )  # a field no action has is a usage error, as an unknown kind is
    assert "an action has no field 'colour' to correct" in message


def test_review_takes_an_actions_ref_and_says_which_ref_it_does_not_know(copy: Path | str) -> None:
    import json

    done = run_cli("review", "confirm", "action", "sf-2023-03-14-01", db=copy, check=True)
    assert done.stdout.strip() == "action sf-2023-03-14-01: confirmed"
    listed = json.loads(run_cli("review", "--below", "1", "--json", db=copy, check=True).stdout)
    assert "SF-2023-03-14-01" not in [r["ref"] for r in listed]  # reviewed, so no longer listed
    assert any(r["ref"] for r in listed if r["kind"] == "action")
    message = one_line_error(run_cli("review", "reject", "action", "SF-1999-01-01-09", db=copy), 1)
    assert "no action with ref 'SF-1999-01-01-09'" in message


def _commands() -> list[list[str]]:
    import typer

    from minutes.cli import app

    found = []

    def walk(command, path):
        subs = getattr(command, "commands", {})
        if path and not subs:
            found.append(path)
        for name, sub in subs.items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return found


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_every_commands_help_reads_as_a_person_wrote_it_with_an_example(command: list[str]) -> None:
    shown = run_cli(*command, "--help", check=True).stdout
    assert "Example:" in shown and "minutes " + " ".join(command) in shown.split("Example:")[1]
    assert not re.search(r"\{\w|<(?:list|int|str|path|float)", shown), shown


def test_stopping_serve_with_sigterm_stops_datasette_and_frees_its_port(sqlite_stored: Path) -> None:
    import signal
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    argv = [sys.executable, "-m", "minutes", "--db", str(sqlite_stored), "serve", "--port", str(port)]
    server = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def listening() -> bool:
        with socket.socket() as client:
            return client.connect_ex(("127.0.0.1", port)) == 0

    try:
        deadline = time.monotonic() + 60
        while not listening() and time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.2)
        assert listening(), server.stderr.read().decode() if server.poll() is not None else "not listening"
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        deadline = time.monotonic() + 15
        while listening() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not listening()  # Datasette went with it: the port is free again
    finally:
        if server.poll() is None:
            server.kill()


def test_contradictory_or_idle_options_are_usage_errors_and_nothing_to_read_makes_no_database(tmp_path: Path) -> None:
    db = tmp_path / "never.db"
    missing = one_line_error(run_cli("ingest", str(tmp_path / "missing"), db=db), 1)
    assert missing.strip().endswith("no such file or folder")
    (tmp_path / "inbox").mkdir()
    quiet = run_cli("ingest", str(tmp_path / "inbox"), db=db)
    assert quiet.returncode == 0 and quiet.stdout.startswith("no papers to ingest in ")
    assert not db.exists()
    run_cli("ingest", str(SAMPLES / "schools-forum-2023-06-27-agenda-pack.pdf"), db=db, check=True)
    both = run_cli("meetings", "--json", "--csv", db=db)
    assert both.returncode == 2 and "choose one" in both.stderr
    idle = run_cli("digest", "--body", "Schools Forum", "--per-owner", db=db)
    assert idle.returncode == 2 and "add --send" in idle.stderr
    assert "BODY BODY" in run_cli("bodies", "merge", "--help").stdout


def test_an_output_file_of_a_kind_the_command_does_not_write_is_a_usage_error(
    sqlite_copy: Path, tmp_path: Path
) -> None:
    for args in (
        ["digest", "--body", "Schools Forum", "--out", str(tmp_path / "digest.docx")],
        ["action-log", "--body", "Schools Forum", "--out", str(tmp_path / "log.pdf")],
        ["export", "--out", str(tmp_path / "export.csv")],  # csv is a folder of files: not one named '.csv'
        ["export", "--format", "xlsx", "--out", str(tmp_path / "export.csv")],  # the format and the name disagree
        ["digest", "--body", "Schools Forum", "--format", "md", "--out", str(tmp_path / "digest.html")],
    ):
        said = one_line_error(run_cli(*args, db=sqlite_copy), 2)
        assert "--out" in said or "--format" in said
    assert not {p.name for p in tmp_path.iterdir()} - {sqlite_copy.name}  # nothing written
    run_cli("export", "--out", str(tmp_path / "all.json"), db=sqlite_copy, check=True)  # the name says json
    assert json.loads((tmp_path / "all.json").read_text())["actions"]
    run_cli("export", "--out", str(tmp_path / "copy.sqlite3"), db=sqlite_copy, check=True)  # ... or SQLite
    assert (tmp_path / "copy.sqlite3").read_bytes()[:15] == b"SQLite format 3"
    run_cli("export", "--out", str(tmp_path / "exports.2024"), db=sqlite_copy, check=True)  # a folder with a dot
    assert (tmp_path / "exports.2024" / "actions.csv").is_file()


def test_addresses_without_send_and_an_owner_naming_nobody_are_usage_errors(sqlite_copy: Path) -> None:
    to = run_cli("digest", "--body", "Schools Forum", "--to", "chair@example.org", db=sqlite_copy)
    assert "add --send" in one_line_error(to, 2)
    nobody = run_cli("action", "set", "SF-2023-03-14-01", "--owner", " ", db=sqlite_copy)
    assert "names nobody" in one_line_error(nobody, 2)
    kind = run_cli("review", "confirm", "minute", "1", db=sqlite_copy)
    assert "unknown record kind 'minute'" in one_line_error(kind, 2)


def test_actions_by_owner_match_the_persons_name_without_titles_and_a_post_alone(copy: Path | str) -> None:
    def owned(owner: str) -> set[str]:
        return {
            a["ref"] for a in json.loads(run_cli("actions", "--owner", owner, "--json", db=copy, check=True).stdout)
        }

    haylock = owned("Peter Haylock")
    assert haylock and owned("Mr Peter Haylock") == owned("mr peter haylock") == owned("haylock") == haylock
    for wildcard in ("%", "Peter_Haylock"):  # a wildcard typed is a letter, not every name: no one is called so
        assert "no one called" in one_line_error(run_cli("actions", "--owner", wildcard, db=copy), 1)
    run_cli("action", "set", "SF-2023-03-14-01", "--owner", "Vice Chair", db=copy, check=True)
    run_cli("action", "set", "SF-2023-03-14-02", "--owner", "Chair", db=copy, check=True)
    assert owned("Chair") == owned("the chair") == {"SF-2023-03-14-02"}  # not the Vice Chair's
    assert "names nobody" in one_line_error(run_cli("actions", "--owner", " ", db=copy), 2)
    slip = one_line_error(run_cli("actions", "--owner", "Haylok", db=copy), 1)  # no one the database holds
    assert slip.startswith("error: no one called 'Haylok' owns an action or attends a meeting here;")
    assert slip.endswith("; owners with a name like it: Peter Haylock\n")
    attends = run_cli("actions", "--owner", "Claire Fletcher", db=copy, check=True)  # attends, owns nothing
    assert attends.stderr.startswith("note: no action is owned by 'Claire Fletcher'")
    run_cli("action", "done", "SF-2023-03-14-02", db=copy, check=True)
    closed = run_cli("actions", "--owner", "Chair", "--open", db=copy, check=True)
    note, _, like = closed.stderr.strip().partition("; owners with a name like it: ")
    assert note == "note: no open action is owned by 'Chair'" and "Chair" not in like.split(", ")  # not itself


def test_review_lists_the_least_sure_first_and_says_how_many_more_wait(sqlite_copy: Path) -> None:
    every = json.loads(run_cli("review", "--below", "1", "--limit", "0", "--json", db=sqlite_copy, check=True).stdout)
    assert len(every) > 3
    whole = json.loads(run_cli("review", "--below", "1", "--json", db=sqlite_copy, check=True).stdout)
    assert whole == every  # a program reading the JSON gets the whole queue unless it asks for fewer
    few = run_cli("review", "--below", "1", "--limit", "2", "--json", db=sqlite_copy, check=True)
    assert json.loads(few.stdout) == every[:2]
    assert few.stderr.strip() == f"note: {len(every) - 2} more records under 1 not shown; --limit 0 lists them all"
    assert [r["confidence"] for r in every] == sorted(r["confidence"] for r in every)
