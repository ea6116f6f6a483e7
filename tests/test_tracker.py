"""The tracker on a real sequence: the CSS committee's minutes of 9 July 2024 (a public PDF) and the
next meeting's minutes in the same house style, which report on the July actions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest

from backends import fresh_db, open_db
from conftest import SAMPLES, SHARED, needs_shared, run_cli

pytestmark = pytest.mark.both_backends

JULY = SHARED / "corpus" / "pdf" / "cssuob-2024-07-09-minutes.pdf"


def next_meeting(path: Path) -> Path:
    """Minutes of 23 July 2024 as the society's clerk writes them (Word), reviewing July's actions."""
    d = docx.Document()
    d.add_heading("CSS Committee Meeting - Minutes", level=1)
    d.add_paragraph("Location: Discord")
    d.add_paragraph("Time: Tuesday 23rd July 2024 19:30 BST")
    d.add_paragraph(
        "Attendees: Holly Packer (HP) (Chairing), Matty Widdop (MW), Leonardo Bishop (LB), "
        "Marcus Gustafsson (MG) (Minuting)"
    )
    d.add_paragraph("1 Apologies received from")
    d.add_paragraph("Shay Patel", style="List Bullet")
    d.add_paragraph("2 Adoption of Previous Minutes")
    d.add_paragraph("Unanimous adoption of previous minutes", style="List Bullet")
    d.add_paragraph("3 Matters Arising")
    for line in (
        "ACTION MW: Archive channel",
        "Action complete",
        "ACTION HP: Check forms",
        "Action carried forwards",
        "ACTION RJ: Write email to Mind about donation",
        "Action complete",
    ):
        d.add_paragraph(line, style="List Bullet")
    d.add_paragraph("The mailshot to Kainos has been sent by MG.", style="List Bullet")
    d.add_paragraph("4 Future Events")
    d.add_paragraph("ACTION LB: Book the room for the welcome talk", style="List Bullet")
    d.add_paragraph("5 AOB")
    d.add_paragraph("None.", style="List Bullet")
    d.save(path)
    return path


def state(db: Path | str) -> dict[str, tuple]:
    conn = open_db(db)
    rows = conn.execute(
        "SELECT a.ref, a.text, a.status, a.linked_to IS NOT NULL, "
        "(SELECT json_group_array(words) FROM (SELECT words FROM action_history h WHERE h.action_id = a.id "
        " ORDER BY h.id) AS w) FROM actions a"
    ).fetchall()
    conn.close()
    return {r[0]: (r[1], r[2], r[3], tuple(json.loads(r[4]))) for r in rows}


@pytest.fixture(scope="module")
def sequence(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("css")
    return JULY, next_meeting(folder / "css-2024-07-23-minutes.docx")


@needs_shared()
def test_later_minutes_move_earlier_actions(sequence, db_path: Path | str) -> None:
    db = db_path
    for paper in sequence:
        run_cli("ingest", str(paper), db=db, check=True)
    actions = {a["text"]: a for a in json.loads(run_cli("actions", "--json", db=db, check=True).stdout)}
    assert actions["Archive channel"]["status"] == "done"
    assert actions["Archive channel"]["history"][-1]["meeting_date"] == "2024-07-23"
    assert "Action complete" in actions["Archive channel"]["history"][-1]["words"]
    assert actions["Write email to Mind about donation"]["status"] == "done"
    assert actions["Send the mailshot to Kainos after it is released"]["status"] == "done"
    assert "has been sent by MG" in actions["Send the mailshot to Kainos after it is released"]["history"][-1]["words"]
    check = actions["Check forms"]
    assert check["status"] == "open" and "carried forwards" in check["history"][-1]["words"]
    untouched = actions["Talk to Todd"]
    assert untouched["status"] == "open"
    assert untouched["history"][-1]["words"].startswith("not mentioned at the meeting of 2024-07-23")
    assert actions["Book the room for the welcome talk"]["status"] == "open"
    # the restated actions are linked to the originals, not counted twice
    assert len(actions) == 21 + 1
    assert all(
        a["ref"].startswith("CC-2024-07-09-") for t, a in actions.items() if t != "Book the room for the welcome talk"
    )
    open_only = json.loads(run_cli("actions", "--open", "--json", db=db, check=True).stdout)
    assert {a["text"] for a in open_only} >= {"Check forms", "Talk to Todd"}
    assert "Archive channel" not in {a["text"] for a in open_only}


@needs_shared()
def test_order_of_ingest_does_not_matter(sequence, tmp_path: Path, backend: str) -> None:
    forward, backward = fresh_db(backend, tmp_path, "f.db"), fresh_db(backend, tmp_path, "b.db")
    for paper in sequence:
        run_cli("ingest", str(paper), db=forward, check=True)
    for paper in reversed(sequence):
        run_cli("ingest", str(paper), db=backward, check=True)
    assert state(forward) == state(backward)


def test_approved_minutes_replace_the_draft_in_place(tmp_path: Path, db_path: Path | str) -> None:
    db = db_path
    run_cli("ingest", str(SAMPLES / "schools-forum-2023-06-27-agenda-pack.txt"), db=db, check=True)
    before = state(db)
    approved = tmp_path / "schools-forum-2023-03-14-approved.txt"
    text = (SAMPLES / "schools-forum-2023-06-27-agenda-pack.txt").read_text(encoding="utf-8")
    text = text.replace(
        "Tony Burton said he would contact members outside of meeting.",
        "Tony Burton said he would contact members of the sub-group outside of meeting.",
    )
    text = text.replace(
        "10. ANY OTHER BUSINESS",
        "The Chair asked the Clerk to circulate the dates of meetings "
        "for 2023-24.\n\nACTION: David Abbott\n\n10. ANY OTHER BUSINESS",
    )
    approved.write_text(text, encoding="utf-8")
    run_cli("ingest", str(approved), db=db, check=True)
    after = state(db)
    conn = open_db(db)
    assert conn.execute("SELECT count(*) FROM meetings WHERE date = '2023-03-14'").fetchone()[0] == 1
    conn.close()
    assert set(before) < set(after), "every earlier reference is still there"
    assert after["SF-2023-03-14-01"][0].endswith("members of the sub-group outside of meeting.")
    assert after["SF-2023-03-14-07"][0].startswith("The Chair asked the Clerk to circulate")


def test_hand_changes_survive_reingest(db_path: Path | str) -> None:
    db = db_path
    run_cli("ingest", str(SAMPLES / "schools-forum-2023-06-27-agenda-pack.txt"), db=db, check=True)
    run_cli("action", "done", "SF-2023-03-14-01", "--note", "Emailed the sub-group on 20 March", db=db, check=True)
    run_cli(
        "action",
        "set",
        "sf-2023-03-14-02",
        "--due",
        "30/06/2023",
        "--owner",
        "Caroline Baxter/Tony Burton",
        db=db,
        check=True,
    )
    assert run_cli("action", "drop", "SF-2023-03-14-03", db=db).returncode == 2, "--note is required to drop"
    run_cli("action", "drop", "SF-2023-03-14-03", "--note", "Superseded by the new risk register", db=db, check=True)
    run_cli("action", "drop", "SF-2023-03-14-04", "--note", "Dropped by mistake", db=db, check=True)
    run_cli("action", "reopen", "SF-2023-03-14-04", db=db, check=True)
    assert run_cli("action", "done", "SF-1999-01-01-01", db=db).returncode == 1
    # the same meeting again, from the Word version of the pack
    run_cli("ingest", str(SAMPLES / "schools-forum-2023-06-27-agenda-pack.docx"), db=db, check=True)
    rows = {a["ref"]: a for a in json.loads(run_cli("actions", "--json", db=db, check=True).stdout)}
    assert rows["SF-2023-03-14-01"]["status"] == "done"
    assert any(
        h["by"] == "user" and h["words"] == "Emailed the sub-group on 20 March"
        for h in rows["SF-2023-03-14-01"]["history"]
    )
    assert rows["SF-2023-03-14-02"]["due"] == "2023-06-30"
    assert rows["SF-2023-03-14-02"]["owners"] == ["Caroline Baxter", "Tony Burton"]
    assert rows["SF-2023-03-14-03"]["status"] == "dropped"
    assert rows["SF-2023-03-14-04"]["status"] == "open"
    assert rows["SF-2023-03-14-02"]["overdue"] is True


def test_people_one_per_person_and_merge(tmp_path: Path, db_path: Path | str) -> None:
    db = db_path
    pack = tmp_path / "pack.txt"
    shutil.copy(SAMPLES / "schools-forum-2023-06-27-agenda-pack.txt", pack)
    run_cli("ingest", str(pack), db=db, check=True)
    people = json.loads(run_cli("people", "--body", "Schools Forum", "--json", db=db, check=True).stdout)
    names = [p["name"] for p in people]
    assert "Claire Fletcher" in names and "Clare Fletcher" not in names
    tony = next(p for p in people if p["name"] == "Tony Burton")
    assert tony["attended"] == 1 and tony["actions"] == 2 and tony["meetings"] == ["2023-03-14"]
    # a later paper spells a name differently: the roster makes "Cllr Abbot" unique
    later = tmp_path / "later.txt"
    later.write_text(
        "Schools Forum Minutes\n\nTuesday 27 June 2023\n\nPRESENT\n\nOfficers\n\n"
        "Tony Burton (Head of Finance)\nD Abbott (Head of Governance)\nPete Haylock (Director)\n"
        "Sat Saraon (Strategic Lead)\n\n"
        "1. APOLOGIES FOR ABSENCE\n\nNone.\n\n2. ANY OTHER BUSINESS\n\nNone.\n",
        encoding="utf-8",
    )
    run_cli("ingest", str(later), db=db, check=True)
    people = {p["name"]: p for p in json.loads(run_cli("people", "--json", db=db, check=True).stdout)}
    assert people["Tony Burton"]["attended"] == 2
    assert people["David Abbott"]["attended"] == 2, "D Abbott is David Abbott: one Abbott on the roster"
    assert "Pete Haylock" not in people and people["Peter Haylock"]["attended"] == 2, "Pete is Peter"
    assert "Sat Saraon" in people, "a short form far from the full name is not merged on its own"
    run_cli("people", "merge", "Satwinder Saraon", "Sat Saraon", db=db, check=True)
    people = {p["name"]: p for p in json.loads(run_cli("people", "--json", db=db, check=True).stdout)}
    assert "Sat Saraon" not in people and people["Satwinder Saraon"]["attended"] == 2
    assert "Sat Saraon" in people["Satwinder Saraon"]["printed_as"]


# --------------------------------------------------------------------------- relative due dates


@pytest.mark.parametrize(
    "words, due",
    [
        ("next meeting", "2024-01-25"),
        ("ahead of the next parish council meeting", "2024-01-25"),
        ("February meeting", "2024-02-22"),
        ("December board meeting", "2023-12-31"),  # no December meeting stored: the month's end
        ("next week", "2023-12-07"),
        ("within two weeks", "2023-12-14"),
        ("end of April", "2024-04-30"),
        ("by end of January", "2024-01-31"),
        ("prior to the following meeting", "2024-01-25"),
        ("the next meeting but one", "2024-02-22"),
        ("meeting after next", "2024-02-22"),
        ("by the next but one meeting", "2024-02-22"),
        ("next-but-one meeting", "2024-02-22"),
        ("end of this week", "2023-12-03"),
        ("by the end of the month", "2023-11-30"),  # raised on 30 November: that month's last day
        ("end of month", "2023-11-30"),
        ("ASAP", None),
        ("once completed", None),
        ("summer term", None),
        ("Decision meeting", None),  # words that only start like a month
        ("Junior council meeting", None),
        ("may need more time", None),
        ("in 5000 years", None),  # no due is that far off
    ],
)
def test_relative_due_words_give_a_date_from_the_day_raised_and_the_bodys_meetings(words: str, due: str | None) -> None:
    from datetime import date

    from minutes.db.due import due_by

    held = [date(2023, 10, 26), date(2023, 11, 30), date(2024, 1, 25), date(2024, 2, 22)]
    found = due_by(words, date(2023, 11, 30), held)
    assert (found.isoformat() if found else None) == due


def test_a_stated_next_meeting_moved_by_a_day_is_still_the_next_meeting() -> None:
    from datetime import date

    from minutes.db.due import due_by

    held = [date(2024, 12, 9), date(2025, 1, 21), date(2025, 3, 17)]
    assert due_by("next meeting", date(2024, 12, 9), held, stated=date(2025, 1, 20)) == date(2025, 1, 20)
    assert due_by("the meeting after next", date(2024, 12, 9), held, stated=date(2025, 1, 20)) == date(2025, 3, 17)
    assert due_by("the February 2023 meeting", date(2024, 12, 9), [*held, date(2025, 2, 10)]) is None


def test_a_months_meeting_is_the_next_meeting_the_minutes_date_in_that_month() -> None:
    from datetime import date

    from minutes.db.due import due_by

    # the March meeting is not stored yet (its agenda is being drafted), but the February minutes date it
    assert due_by("the March meeting", date(2019, 2, 13), [date(2019, 2, 13)], stated=date(2019, 3, 13)) == date(
        2019, 3, 13
    )
    assert due_by("the March meeting", date(2019, 2, 13), [date(2019, 2, 13)]) == date(2019, 3, 31)  # no better


def test_next_meeting_is_unknown_until_a_later_meeting_is_stored() -> None:
    from datetime import date

    from minutes.db.due import due_by

    assert due_by("next meeting", date(2023, 11, 30), [date(2023, 11, 30)]) is None


RAISED = (
    "Minutes of the meeting of Ashby Parish Council held on 30 November 2023\n\n"
    "Present: Cllr Nina Oakes, Cllr Heidi Dennet\n\n1. Bins\n\n"
    "ACTION: Nina Oakes to ask the district council to empty the bin weekly by the next meeting\n"
)
NEXT_AGENDA = (
    "Ashby Parish Council\n\nAgenda for the meeting to be held on 25 January 2024 at 7pm\n\n"
    "1. Apologies\n\n2. Minutes of the last meeting\n"
)


@pytest.mark.both_backends
def test_an_action_due_at_the_next_meeting_is_overdue_once_that_meeting_has_passed(
    tmp_path: Path, db_path: Path | str
) -> None:
    raised, agenda = tmp_path / "nov.txt", tmp_path / "jan-agenda.txt"
    raised.write_text(RAISED, encoding="utf-8")
    agenda.write_text(NEXT_AGENDA, encoding="utf-8")
    run_cli("ingest", str(raised), db=db_path, check=True)

    def overdue(day: str) -> bool:
        from datetime import date

        from minutes.db import connect
        from minutes.db.queries import actions

        db = connect(db_path)
        try:
            (action,) = actions(db, as_of=date.fromisoformat(day))
        finally:
            db.close()
        assert action["due"] == "next meeting"
        return action["overdue"]

    assert not overdue("2024-03-01"), "no later meeting stored: when it falls due is not known"
    run_cli("ingest", str(agenda), db=db_path, check=True)
    assert not overdue("2024-01-25") and overdue("2024-01-26")


def test_next_meeting_dues_fall_on_the_day_the_minutes_state_despite_a_gap_in_the_papers(
    tmp_path: Path, db_path: Path | str
) -> None:
    head = "Minutes of the Ashby Parish Council meeting held on {day}\n\nPresent: Ann Bell, Cy Dee\n\n"
    (tmp_path / "a.txt").write_text(
        head.format(day="4 September 2017")
        + "1. Hall\nThe Clerk will report on the hall roof at the next meeting.\n"
        + "2. Date of next meeting\nThe next meeting will be held on Wednesday 13th September 2017.\n"
    )
    (tmp_path / "b.txt").write_text(head.format(day="12 December 2018") + "1. Budget\nThe budget was agreed.\n")
    run_cli("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), db=db_path, check=True)
    (listed,) = json.loads(run_cli("actions", "--json", db=db_path, check=True).stdout)
    action = json.loads(run_cli("action", "show", listed["ref"], "--json", db=db_path, check=True).stdout)
    assert (action["due"], action["due_date"]) == ("next meeting", "2017-09-13"), "not the next paper stored"


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("Jim Coppard", "Cllr Coppard", True),  # the same surname
        ("Pete", "Peter Haylock", True),  # a name alone that begins the other's
        ("J.C.", "Jim Coppard", True),  # initials
        ("Haidy Blake", "Haidy Blak", True),  # a slip of spelling
        ("Peter Oakenfull", "Peter Newson", False),  # a first name in common is not enough
        ("A Jones", "A Patel", False),
        ("Haidy Blake", "Lizzer Bradbury", False),
        ("Roz Laing Jackson", "Roz Laing", True),  # one held whole in the other: a name added
        ("Joann Bellamy", "Ann Bell", False),  # ... whole words, not letters
    ],
)
def test_two_names_may_be_one_persons_only_by_surname_initials_or_spelling(a: str, b: str, one: bool) -> None:
    from minutes.db.people import may_be_one

    assert may_be_one(a, b) is one
