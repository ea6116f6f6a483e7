"""One body across the ways its papers name it: found alike at ingest, or joined by hand and remembered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutes.db import connect
from minutes.db.bodies import acronym, resolve

from conftest import SHARED, needs_shared, run_cli

pytestmark = pytest.mark.both_backends


@pytest.mark.parametrize(
    "a, b",
    [
        ("Finance and General Purposes Committee", "F&GP Committee"),
        ("Learning and Wellbeing Committee", "L&W Committee"),
    ],
)
def test_a_body_and_its_initials_share_an_acronym(a: str, b: str) -> None:
    assert acronym(a) == acronym(b)


def _ingested_in_order(db: Path | str, papers: tuple[Path, ...]) -> list[dict]:
    """The bodies after ingesting the papers one at a time, in this order."""
    for paper in papers:
        run_cli("ingest", str(paper), db=db, check=True)
    return json.loads(run_cli("bodies", "--json", db=db, check=True).stdout)


def _body(db, name: str, organisation: str | None, people: list[str] = ()) -> int:
    cursor = db.execute(
        "INSERT INTO bodies (name, key, initials, organisation) VALUES (?, ?, '', ?)",
        [name, name.lower(), organisation],
    )
    for person in people:
        db.execute("INSERT INTO people (body_id, name) VALUES (?, ?)", [cursor.lastrowid, person])
    return cursor.lastrowid


def test_a_paper_finds_its_body_by_initials_name_or_people(db_path: Path | str) -> None:
    db = connect(db_path)
    fgp = _body(db, "Finance and General Purposes Committee", "Milburn Parish Council")
    society = _body(db, "Climbing Society Committee", None, ["Ann Bell", "Cy Dee", "Ed Fox", "Gil Hart"])
    _body(db, "Executive Committee", None, ["Ann Bell", "Cy Dee", "Ed Fox"])
    assert resolve(db, "F&GP Committee", "Another Parish Council") is None  # another organisation's
    assert resolve(db, "F&GP Committee", "Milburn Parish Council") == fgp
    assert resolve(db, "Climbing Society Committee Meeting", None, ["Ann Bell", "Cy Dee", "Ed Fox"]) == society
    assert resolve(db, "Standing Committee", None, ["Ann Bell", "Cy Dee", "Ed Fox"]) is None
    planning = _body(db, "Planning Committee", "Milburn Parish Council")
    assert resolve(db, "Planning Appeals Committee", "Milburn Parish Council") is None  # a word that tells apart
    assert resolve(db, "Committee Planning", "Milburn Parish Council") == planning  # the same words, reordered
    _body(db, "Finance and Policy Committee", "Milburn Parish Council")
    assert resolve(db, "Full Parish Council", "Milburn Parish Council") is None  # 'fpc' too, but not initials
    # the match is remembered: the same name now finds the body at once
    assert db.execute("SELECT body_id FROM body_aliases WHERE key = 'f gp committee'").fetchone()[0] == fgp
    # with no organisation named, initials of four letters or more find the body among the people it knows
    group = _body(db, "Open Data User Group", None, ["Heather Savory", "Bob Barr", "Jeni Tennison", "Ed Parkes"])
    assert resolve(db, "ODUG", None, ["Ann Other", "Ben Else", "Cat Stranger", "Dan Newman"]) is None
    assert resolve(db, "ODUG", None, ["Heather Savory", "Bob Barr", "Jeni Tennison"]) == group
    # an agenda names no one: its initials alone find the one body they stand for
    db.execute("DELETE FROM body_aliases")
    assert resolve(db, "ODUG", None, []) == group
    db.close()


def test_bodies_merge_joins_two_and_later_papers_follow(tmp_path: Path, db_path: Path | str) -> None:
    head = "Minutes of the {body} meeting held on {day}\n\nPresent: Ann Bell (AB), Cy Dee (CD)\n\n"
    db = db_path
    papers = [("Hall Working Group", "10 January 2024"), ("Village Hall Trustees", "14 February 2024")]
    for n, (body, day) in enumerate(papers):
        paper = tmp_path / f"p{n}.txt"
        paper.write_text(head.format(body=body, day=day) + "1. Hall\n\nACTION: AB to book the hall for the fete\n")
        run_cli("ingest", str(paper), db=db, check=True)
    bodies = json.loads(run_cli("bodies", "--json", db=db, check=True).stdout)
    assert len(bodies) == 2
    merged = run_cli("bodies", "merge", bodies[1]["name"], bodies[0]["name"], db=db, check=True)
    assert merged.stdout.startswith("merged ")
    (body,) = json.loads(run_cli("bodies", "--json", db=db, check=True).stdout)
    assert body["meetings"] == 2 and body["other_names"]
    later = tmp_path / "p3.txt"
    later.write_text(head.format(body=papers[0][0], day="13 March 2024") + "1. Hall\n\nThe hall was booked.\n")
    run_cli("ingest", str(later), db=db, check=True)
    (body,) = json.loads(run_cli("bodies", "--json", db=db, check=True).stdout)
    assert body["meetings"] == 3, "a later paper under the folded name joins the kept body"
    missing = run_cli("bodies", "merge", body["name"], "No Such Body", db=db)
    assert missing.returncode == 1 and "no body called 'No Such Body'" in missing.stderr


def test_two_councils_whose_papers_share_a_bare_title_stay_two_bodies_and_lose_nothing(
    tmp_path: Path, db_path: Path | str
) -> None:
    head = "MINUTES OF THE PARISH COUNCIL MEETING\nHeld on {day}\n\nPresent: {people}\n\n1. Playground\n\n"
    papers = [
        ("a.txt", "3 March 2024", "Ann Bell (Chair), Cy Dee, Di Ray", "ACTION: Clerk to repair the fence.\n"),
        ("b.txt", "3 March 2024", "Ed Fox (Chair), Gil Hart, Ian Jay", "ACTION: Clerk to order new swings.\n"),
        ("b2.txt", "7 April 2024", "Ed Fox (Chair), Gil Hart, Ian Jay", "The swings were discussed.\n"),
        ("a-signed.txt", "3 March 2024", "Ann Bell (Chair), Cy Dee", "ACTION: Clerk to repair the fence now.\n"),
    ]
    for name, day, people, body in papers:
        (tmp_path / name).write_text(head.format(day=day, people=people) + body)
        run_cli("ingest", str(tmp_path / name), db=db_path, check=True)
    bodies = {b["name"]: b["meetings"] for b in json.loads(run_cli("bodies", "--json", db=db_path, check=True).stdout)}
    assert bodies == {"Parish Council": 1, "Parish Council (2)": 2}  # the signed copy replaced its draft
    actions = json.loads(run_cli("actions", "--json", db=db_path, check=True).stdout)
    assert sorted((a["ref"], a["text"]) for a in actions) == [
        ("PC-2024-03-03-01", "Clerk to repair the fence now."),
        ("PC-2024-03-03b-01", "Clerk to order new swings."),
    ]


def test_a_bare_committee_joins_a_body_only_with_people_or_a_day_in_common(tmp_path: Path, db_path: Path | str) -> None:
    # an agenda headed only 'Committee', another society's AGM minutes headed 'Committee', the agenda's own
    # minutes, and a pack holding next month's agenda with those minutes: one society's papers share a day
    papers = {
        "agenda.txt": "AGENDA for the Committee meeting\nDate: 23/01/2024\n\n1. Apologies\n2. Finance\n",
        "other.txt": "Committee\nMinutes of the meeting held on 11 April 2024\n\nPresent: Iain Mack, Graham Hart, "
        "James Hill\n\n1. Chair's report\nThe Chair welcomed everyone.\n",
        "minutes.txt": "Committee\nMinutes of the meeting held on 23 January 2024\n\nPresent: Helen Page, Roger "
        "Bell, Chris Lowe\n\n1. Finance\nThe accounts were noted.\n",
    }
    for name, text in papers.items():
        (tmp_path / name).write_text(text)
    bodies = _ingested_in_order(db_path, tuple(tmp_path / name for name in papers))
    assert sorted((b["name"], b["meetings"]) for b in bodies) == [("Committee", 2), ("Committee (2)", 1)]
    together = {b["name"]: b for b in bodies}["Committee"]
    assert (together["first"], together["last"]) == ("2024-01-23", "2024-01-23")


@needs_shared()
def test_two_societies_agm_papers_stay_apart_and_a_pack_s_meetings_stay_together(db_path: Path | str) -> None:
    pdf = SHARED / "corpus" / "pdf"
    papers = (
        "no2id-agm-2006-02-11-agenda.pdf",
        "mk-chess-club-agm-2025-09-04-agenda.pdf",
        "no2id-agm-2007-05-12-pack.pdf",
    )
    bodies = _ingested_in_order(db_path, tuple(pdf / name for name in papers))
    # the pack holds the 2007 agenda and the 2006 minutes: the 2006 agenda's day ties them to it
    assert sorted((b["meetings"], b["first"], b["last"]) for b in bodies) == [
        (1, "2025-09-04", "2025-09-04"),
        (3, "2006-02-11", "2007-05-12"),
    ]


def test_a_paper_unknown_to_a_body_of_its_name_is_another_unless_joined_by_hand(db_path: Path | str) -> None:
    db = connect(db_path)
    council = _body(db, "Parish Council", None, [])
    meeting = db.execute("INSERT INTO meetings (body_id, kind, date) VALUES (?, 'minutes', '2024-03-05')", [council])
    for name in ("Ann Bell", "Cy Dee", "Di Ray", "Zoë Lund"):
        db.execute(
            "INSERT INTO attendance (meeting_id, name, status) VALUES (?, ?, 'present')", [meeting.lastrowid, name]
        )
    assert resolve(db, "Parish Council", None, ["Ann Bell", "Ed Fox", "Gil Hart"]) == council  # members change
    assert resolve(db, "Parish Council", None, ["Zoe", "Ed", "Gil"]) == council  # a list of first names, unaccented
    assert resolve(db, "Parish Council", None, ["Ed Fox", "Gil Hart", "Ian Jay"]) is None  # nobody it knows
    assert resolve(db, "Parish Council", None, ["Ed Fox", "Gil Hart"]) == council  # too few to tell
    db.execute("INSERT INTO body_aliases (key, body_id, by_hand) VALUES ('town council', ?, 1)", [council])
    assert resolve(db, "Town Council", None, ["Ed Fox", "Gil Hart"]) == council  # a person said so
    db.close()


def test_a_meeting_keeps_its_ref_stem_when_another_of_that_day_loses_its_actions(tmp_path: Path) -> None:
    head = "MINUTES OF THE PARISH COUNCIL MEETING\nHeld on 3 March 2024\n\nPresent: {people}\n\n1. Playground\n\n"
    a, b = "Ann Bell (Chair), Cy Dee, Di Ray", "Ed Fox (Chair), Gil Hart, Ian Jay"
    papers = [
        ("a.txt", a, "ACTION: Clerk to repair the fence.\n"),
        ("b.txt", b, "ACTION: Clerk to order new swings.\n"),
        ("a2.txt", a, "The fence was discussed.\n"),  # the signed copy: no action after all
        ("b2.txt", b, "ACTION: Clerk to order new swings.\nACTION: Treasurer to pay for them.\n"),
    ]
    db = tmp_path / "m.db"
    for name, people, body in papers:
        (tmp_path / name).write_text(head.format(people=people) + body)
        run_cli("ingest", str(tmp_path / name), db=db, check=True)
    refs = sorted(a["ref"] for a in json.loads(run_cli("actions", "--json", db=db, check=True).stdout))
    assert refs == ["PC-2024-03-03b-01", "PC-2024-03-03b-02"]


def test_ingest_body_stores_papers_under_the_body_the_user_names(tmp_path: Path, db_path: Path | str) -> None:
    """Headless pages of minutes name no body, or a stray one ('Schools – AGM held last week'); the clerk
    who knows whose they are says so, and every meeting goes to that body, whoever attended."""
    first = tmp_path / "august.txt"
    first.write_text(
        "Present: Cllrs Ashman, Evans, Shewell\n\n1. Police reports\n\nSchools – AGM held last week.\n\n"
        "2. Finance\n\nAll approved for payment.\n"
    )
    second = tmp_path / "september.txt"
    second.write_text(
        "Present: Cllrs Snell, Morrison, Parker\n\n1. Police reports\n\nNothing to report.\n\n"
        "2. Finance\n\nAll approved for payment.\n"
    )
    run_cli("ingest", "--body", "Wye  Valley Community Council", str(first), str(second), db=db_path, check=True)
    stored = json.loads(run_cli("meetings", "--json", db=db_path, check=True).stdout)
    assert [m["body"] for m in stored] == ["Wye Valley Community Council"] * 2
    headed = tmp_path / "october.txt"
    headed.write_text(
        "Minutes of the Parish Council meeting held on 7 October 2024\n\nPresent: Cllrs Ng, Ode, Pym\n\n"
        "1. Finance\n\nAll approved for payment.\n"
    )
    run_cli("ingest", "--body", "wye valley community council", str(headed), db=db_path, check=True)
    assert {m["body"] for m in json.loads(run_cli("meetings", "--json", db=db_path, check=True).stdout)} == {
        "Wye Valley Community Council"
    }, "the name the user gives matches the stored body however it is typed, and outranks the heading"
    again = run_cli("ingest", "--body", "Another Council", str(first), db=db_path, check=True)
    assert "already stored under Wye Valley Community Council, so not moved to Another Council" in again.stdout
    blank = run_cli("ingest", "--body", " ", str(headed), db=db_path)
    assert blank.returncode == 2 and "--body" in blank.stderr


def test_ingest_date_dates_a_paper_that_prints_none_and_never_overrides_one(
    tmp_path: Path, db_path: Path | str
) -> None:
    """Headless minutes print no date: the clerk gives it, so refs, the digest and the tracker's order hold."""
    undated = tmp_path / "september.txt"
    undated.write_text(
        "Present: Cllrs Snell, Morrison, Parker\n\n1. Police reports\n\nClerk to ask the PCSO to attend.\n"
    )
    dated = tmp_path / "october.txt"
    dated.write_text(
        "Minutes of the Parish Council meeting held on 7 October 2024\n\nPresent: Cllrs Ng, Ode, Pym\n\n"
        "1. Finance\n\nAll approved for payment.\n"
    )
    run_cli(
        "ingest", "--body", "Wye Valley CC", "--date", "30/09/2024", str(undated), str(dated), db=db_path, check=True
    )
    stored = json.loads(run_cli("meetings", "--json", db=db_path, check=True).stdout)
    assert sorted(m["date"] for m in stored) == ["2024-09-30", "2024-10-07"]
    refs = [a["ref"] for a in json.loads(run_cli("actions", "--json", db=db_path, check=True).stdout)]
    assert refs and all("-2024-09-30-" in r for r in refs), refs
    bad = run_cli("ingest", "--date", "31/02/2024", str(undated), db=db_path)
    assert bad.returncode == 2 and "--date" in bad.stderr
    pack = tmp_path / "pack.txt"  # an agenda with undated minutes behind it: which of them met that day?
    pack.write_text(
        "Agenda for the Parish Council meeting to be held on 13 May 2024\n\n1. Apologies\n2. Finance\n\n\n"
        "Minutes of the Parish Council meeting\n\nPresent: Cllrs Ng, Ode, Pym\n\n1. Apologies\nNone.\n"
        "2. Finance\nAll approved for payment.\n"
    )
    run = run_cli("ingest", "--body", "Wye Valley CC", "--date", "2024-05-13", str(pack), db=db_path, check=True)
    assert "--date is given to a paper of one meeting only" in run.stderr
    stored = json.loads(run_cli("meetings", "--json", db=db_path, check=True).stdout)
    assert sorted((m["kind"], m["date"] or "") for m in stored if m["date"] in (None, "2024-05-13")) == [
        ("agenda", "2024-05-13"),
        ("minutes", ""),
    ]


def test_an_undated_paper_says_so_and_the_body_it_left_goes_when_it_is_given_its_own(
    tmp_path: Path, db_path: Path | str
) -> None:
    """A headless paper stored under a stray name ('AGM' from 'Schools – AGM held last week') is named at ingest;
    read again with the clerk's --body and --date, it leaves no empty 'AGM' body behind in `minutes bodies`."""
    paper = tmp_path / "august.txt"
    paper.write_text(
        "Present: Cllrs Ashman, Evans, Shewell\n\n1. Police reports\n\nSchools – AGM held last week.\n\n"
        "2. Finance\n\nClerk to pay the grass cutting invoice.\n"
    )
    first = run_cli("ingest", str(paper), db=db_path, check=True)
    assert f"note: {paper}: no meeting date found; stored undated under " in first.stderr
    assert "minutes ingest --again FILE --date DATE --body NAME" in first.stderr
    named = tmp_path / "named.txt"
    named.write_text(paper.read_text().replace("grass cutting", "hedge cutting"))
    told = run_cli("ingest", "--body", "Wye Valley CC", str(named), db=db_path, check=True).stderr
    assert "stored undated under Wye Valley CC." in told and told.rstrip().endswith("--again FILE --date DATE")
    run_cli("forget", str(named), db=db_path, check=True)
    guessed = [b["name"] for b in json.loads(run_cli("bodies", "--json", db=db_path, check=True).stdout)]
    args = ("ingest", "--again", "--body", "Wye Valley CC", "--date", "2024-08-19", str(paper))
    again = run_cli(*args, db=db_path, check=True)
    assert "note:" not in again.stderr
    bodies = json.loads(run_cli("bodies", "--json", db=db_path, check=True).stdout)
    assert [(b["name"], b["meetings"]) for b in bodies] == [("Wye Valley CC", 1)], guessed
    run_cli("forget", str(paper), db=db_path, check=True)
    assert json.loads(run_cli("bodies", "--json", db=db_path, check=True).stdout) == []


@pytest.mark.parametrize("agenda_first", [True, False])
def test_a_council_s_bare_name_and_its_full_name_are_one_body_named_in_full(
    tmp_path: Path, db_path: Path | str, agenda_first: bool
) -> None:
    """Kent's agendas say 'the County Council', its minutes 'Kent County Council': one body, in full, either way."""
    agenda = tmp_path / "agenda.txt"
    agenda.write_text(
        "Agenda for a meeting of the County Council to be held on Thursday 13 March 2025\n\n"
        "1. Apologies for Absence\n\n2. Budget\n"
    )
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(
        "KENT COUNTY COUNCIL\n\nMinutes of the meeting of the County Council held on Thursday 13 March 2025\n\n"
        "Present: Mr A Booth, Mrs B Cole, Mr C Dance\n\n1. Apologies for Absence\n\nNone.\n\n2. Budget\n\n"
        "The budget was agreed.\n"
    )
    bodies = _ingested_in_order(db_path, (agenda, minutes) if agenda_first else (minutes, agenda))
    assert [(b["name"], b["meetings"]) for b in bodies] == [("Kent County Council", 2)]


@pytest.mark.parametrize("agenda_first", [True, False])
def test_a_body_learns_its_organisation_from_whichever_paper_names_it(
    tmp_path: Path, db_path: Path | str, agenda_first: bool
) -> None:
    agenda = tmp_path / "agenda.txt"
    agenda.write_text("Agenda for the Finance Committee to be held on 3 March 2025\n\n1. Apologies\n\n2. Budget\n")
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(
        "ASHWORTH TOWN COUNCIL\n\nMinutes of the Finance Committee held on 3 March 2025\n\n"
        "Present: Ann Lee, Bob Day, Cy Fox\n\n1. Apologies\n\nNone.\n\n2. Budget\n\nNoted.\n"
    )
    bodies = _ingested_in_order(db_path, (agenda, minutes) if agenda_first else (minutes, agenda))
    assert [(b["name"], b["organisation"], b["meetings"]) for b in bodies] == [
        ("Finance Committee", "Ashworth Town Council", 2)
    ]


def test_a_committee_is_never_joined_to_another_whose_name_ends_the_same(tmp_path: Path, db_path: Path | str) -> None:
    """'Appeals Committee' and 'Planning Appeals Committee' are two bodies, whichever comes first; a stored
    body is not renamed to a name another body has."""
    minutes = tmp_path / "appeals.txt"
    minutes.write_text(
        "Minutes of the Appeals Committee held on 3 March 2025\n\nPresent: Ann Lee, Bob Day, Cy Fox\n\n"
        "1. Appeal 24/01\n\nThe appeal was upheld.\n"
    )
    agenda = tmp_path / "planning-appeals.txt"
    agenda.write_text(
        "Agenda for the Planning Appeals Committee to be held on 10 March 2025\n\n1. Apologies\n\n2. Appeals\n"
    )
    for paper in (minutes, agenda):
        run_cli("ingest", str(paper), db=db_path, check=True)
    names = sorted(b["name"] for b in json.loads(run_cli("bodies", "--json", db=db_path, check=True).stdout))
    assert names == ["Appeals Committee", "Planning Appeals Committee"]


def test_forgetting_a_body_s_last_paper_keeps_the_people_a_person_merged(tmp_path: Path, db_path: Path | str) -> None:
    paper = tmp_path / "jan.txt"
    paper.write_text(
        "Minutes of the Wye Parish Council meeting held on 9 January 2024\n\nPresent: Cllr Bob Evans, Cllr Carl "
        "Rochford, Cllr Ann Bell\n\n1. Greens\n\nCllr Evans will cut the hedge.\n"
    )
    run_cli("ingest", str(paper), db=db_path, check=True)
    slip = run_cli("people", "merge", "Bob Evans", "Carl Rochford", db=db_path)
    assert slip.returncode == 1 and "share no name" in slip.stderr  # two people's ids typed by mistake, as a rule
    run_cli("people", "merge", "Bob Evans", "Carl Rochford", "--force", db=db_path, check=True)
    run_cli("forget", str(paper), db=db_path, check=True)
    assert [b["name"] for b in json.loads(run_cli("bodies", "--json", db=db_path, check=True).stdout)] == [
        "Wye Parish Council"
    ]
    run_cli("ingest", str(paper), db=db_path, check=True)
    people = json.loads(run_cli("people", "--json", db=db_path, check=True).stdout)
    assert sorted(p["name"] for p in people) == ["Ann Bell", "Bob Evans"], "the merge outlived the paper"


@pytest.mark.parametrize("log_first", [True, False])
def test_a_meetings_action_log_neither_replaces_its_minutes_nor_gives_way_to_them(
    tmp_path: Path, db_path: Path | str, log_first: bool
) -> None:
    """An action log of the 14 May meeting (owners and tasks, no one present, no items) and the minutes of that
    meeting are two papers of one body: both kept whichever comes first, the body named in full."""
    log = tmp_path / "log.txt"
    log.write_text(
        "ODUG Action Log – 14 May 2013\n\nActions\nSecretariat to circulate the minutes.\n"
        "GS to meet the Environment Agency about flooding data.\n"
    )
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(
        "Open Data User Group\n\nMinutes of the meeting held on 14 May 2013\n\nPresent: Heather Savory, Bob Barr, "
        "Jeni Tennison\n\n1. Welcome\nNoted.\n\n2. Benefits cases\nACTION: Heather Savory to publish the cases.\n"
    )
    bodies = _ingested_in_order(db_path, (log, minutes) if log_first else (minutes, log))
    meetings = json.loads(run_cli("meetings", "--json", db=db_path, check=True).stdout)
    assert sorted((m["attendees"], m["items"]) for m in meetings) == [(0, 0), (3, 2)]
    assert [b["name"] for b in bodies] == ["Open Data User Group"]


def test_bodies_rename_gives_a_bare_body_its_name_and_later_papers_follow(tmp_path: Path, db_path: Path | str) -> None:
    paper = "Council\nMinutes of the meeting held on {day}\n\nPresent: Ann Bell, Cy Dee, Di Ray\n\n1. Bins\n"
    for day, name in (("19 August 2024", "a.txt"), ("30 September 2024", "b.txt")):
        (tmp_path / name).write_text(paper.format(day=day) + "ACTION: Clerk to order a dog bin.\n")
    run_cli("ingest", str(tmp_path / "a.txt"), db=db_path, check=True)
    said = run_cli("bodies", "rename", "Council", "Wye Valley Community Council", db=db_path, check=True).stdout
    assert said == "renamed Council to Wye Valley Community Council\n"
    run_cli("ingest", str(tmp_path / "b.txt"), db=db_path, check=True)  # still headed 'Council'
    (body,) = json.loads(run_cli("bodies", "--json", db=db_path, check=True).stdout)
    assert (body["name"], body["meetings"]) == ("Wye Valley Community Council", 2)
    refs = [a["ref"] for a in json.loads(run_cli("actions", "--json", db=db_path, check=True).stdout)]
    assert refs[0].startswith("C-2024-08-19")  # references keep their letters
    (tmp_path / "c.txt").write_text(paper.replace("Council", "Finance Committee").format(day="1 October 2024"))
    run_cli("ingest", str(tmp_path / "c.txt"), db=db_path, check=True)
    clash = run_cli("bodies", "rename", "Finance Committee", "wye valley community council", db=db_path)
    assert clash.returncode == 1 and "names another body (Wye Valley Community Council)" in clash.stderr


def test_a_bare_paper_read_again_stays_with_its_body_renamed_or_not(tmp_path: Path) -> None:
    db_path = tmp_path / "m.db"  # SQLite alone: the bodies' SQL runs on PostgreSQL in the tests above
    minutes = (
        "Committee\nMinutes of the meeting held on {day}\n\nPresent: Ann Bell, Cy Dee, Di Ray\n\n1. Finance\nNoted.\n"
    )
    (tmp_path / "a-jan.txt").write_text(minutes.format(day="10 January 2024"))
    (tmp_path / "b-agenda.txt").write_text("AGENDA for the Committee meeting\nDate: 01/06/2024\n\n1. Apologies\n")
    (tmp_path / "a-may.txt").write_text(minutes.format(day="20 May 2024"))
    (tmp_path / "c-undated.txt").write_text("AGENDA for the Committee meeting\n\n1. Apologies\n2. Finance\n")
    for name in ("a-jan.txt", "b-agenda.txt", "a-may.txt", "c-undated.txt"):
        run_cli("ingest", str(tmp_path / name), db=db_path, check=True)
    before = {b["name"]: b["meetings"] for b in json.loads(run_cli("bodies", "--json", db=db_path, check=True).stdout)}
    for name in ("b-agenda.txt", "c-undated.txt", "c-undated.txt"):  # read again: each stays where it was
        run_cli("ingest", str(tmp_path / name), "--again", db=db_path, check=True)
    after = {b["name"]: b["meetings"] for b in json.loads(run_cli("bodies", "--json", db=db_path, check=True).stdout)}
    assert after == before and before["Committee"] == 2
    run_cli("bodies", "rename", "Committee (2)", "Tennis Club Committee", db=db_path, check=True)
    run_cli("ingest", str(tmp_path / "b-agenda.txt"), "--again", db=db_path, check=True)
    renamed = {b["name"] for b in json.loads(run_cli("bodies", "--json", db=db_path, check=True).stdout)}
    assert "Tennis Club Committee" in renamed
