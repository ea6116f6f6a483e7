"""Owners are people: one person across a body's spellings, never two people merged, never a group or a place."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutes.db import connect
from minutes.db.people import person_id

pytestmark = pytest.mark.both_backends


def test_people_across_spellings_but_never_two_people_merged(db_path: Path | str) -> None:
    db = connect(db_path)
    body = db.execute("INSERT INTO bodies (name, key, initials) VALUES ('Board', 'board', 'B')").lastrowid
    mark = person_id(db, body, "Mark Armstrong")
    alan = person_id(db, body, "A Armstrong")
    assert mark != alan, "M Armstrong and A Armstrong are two people"
    assert person_id(db, body, "M Armstrong") == mark
    assert person_id(db, body, "Cllr Mark Armstrong") == mark
    jane = person_id(db, body, "Jane Smith")
    assert person_id(db, body, "Jane") == jane  # the one Jane who attends
    assert person_id(db, body, "JS") == jane
    person_id(db, body, "Jane Doe")
    assert person_id(db, body, "Jane") not in (jane, None), "two Janes: a first name alone is not resolved"


def test_a_person_first_printed_by_initials_takes_the_full_name_a_later_paper_gives(db_path: Path | str) -> None:
    db = connect(db_path)
    body = db.execute("INSERT INTO bodies (name, key, initials) VALUES ('Council', 'council', 'C')").lastrowid
    dean = person_id(db, body, "Mr T Dean")  # the roll of one meeting
    kite = person_id(db, body, "Mr J A Kite")
    assert person_id(db, body, "Mrs Trudy Dean") == dean  # the apologies of the next
    assert person_id(db, body, "Mr Jeremy Kite") == kite
    assert db.execute("SELECT name FROM people WHERE id = ?", [dean]).fetchone()[0] == "Trudy Dean"
    assert person_id(db, body, "T Dean") == dean, "the short form stays one of her names"
    assert person_id(db, body, "Tom Dean") != dean, "once named in full, another Dean is another person"
    assert person_id(db, body, "A Kite") != kite, "never two people whose initials differ"
    maccallum = person_id(db, body, "Rhona MacCallum")
    assert person_id(db, body, "R MacCallam") == maccallum  # a letter's slip in a long surname
    kennedy = person_id(db, body, "L Kennedy-Dalby")
    assert person_id(db, body, "L Kennedy") == kennedy  # a double-barrelled surname printed by its first part
    assert person_id(db, body, "L Dalby-Jones") != kennedy
    for short, full in (
        ("J Harris", "John Harrison"),
        ("R Williams", "Rhys Williamson"),
        ("A Johnson", "Alan Johnston"),
    ):
        assert person_id(db, body, short) != person_id(db, body, full), (short, full)


def test_groups_places_and_roles_are_not_people(db_path: Path | str) -> None:
    db = connect(db_path)
    body = db.execute("INSERT INTO bodies (name, key, initials) VALUES ('Board', 'board', 'B')").lastrowid
    for owner in ("Others", "EVERYONE", "cmt-elect", "Highways", "Clerk", "Planning Department", "All members"):
        assert person_id(db, body, owner) is None, owner
    assert db.execute("SELECT count(*) FROM people").fetchone()[0] == 0


def test_a_short_first_name_is_a_first_name_not_initials(db_path: Path | str) -> None:
    db = connect(db_path)
    body = db.execute("INSERT INTO bodies (name, key, initials) VALUES ('Board', 'board', 'B')").lastrowid
    emma = person_id(db, body, "Emma Davies")  # initials ED
    ed = person_id(db, body, "Ed Fox")
    assert person_id(db, body, "Ed") == ed and person_id(db, body, "ED") == emma


def test_a_name_typed_without_its_accents_is_the_same_person(db_path: Path | str) -> None:
    db = connect(db_path)
    body = db.execute("INSERT INTO bodies (name, key, initials) VALUES ('Board', 'board', 'B')").lastrowid
    zoe = person_id(db, body, "Zoë Çelik Ørsted")
    assert person_id(db, body, "Zoe Celik Orsted") == zoe
    assert person_id(db, body, "Orsted") == zoe  # the one Ørsted
    assert person_id(db, body, "Zoe") == zoe
    db.close()


def test_a_name_typed_with_a_straight_apostrophe_is_the_person_printed_with_a_curly_one(
    tmp_path: Path, db_path: Path | str
) -> None:
    import json

    from minutes.db.people import typed_key

    from conftest import run_cli

    paper = tmp_path / "pc-2019-02-13.txt"
    paper.write_text(
        "Minutes of the Parish Council meeting held on 13 February 2019\n\n"
        "Present: Cllr Gary O’Leary (Chair), Cllr Ann Bell, Cllr Cy Dee\n\n"
        "1. Playground\nACTION: Cllr O’Leary to write to the school.\n"
    )
    run_cli("ingest", str(paper), db=db_path, check=True)
    owned = json.loads(run_cli("actions", "--owner", "Gary O'Leary", "--json", db=db_path, check=True).stdout)
    assert [a["text"] for a in owned] == ["Cllr O’Leary to write to the school."]
    merged = run_cli("people", "merge", "Gary O'Leary", "Ann Bell", db=db_path)  # found, then refused: no shared name
    assert "'Gary O’Leary' and 'Ann Bell' share no name" in merged.stderr
    same = run_cli("people", "merge", "Gary O'Leary", "Gary O’Leary", db=db_path)
    assert same.returncode == 1 and "are one record already (Gary O’Leary" in same.stderr
    assert typed_key("Cllr Gary O’Leary") == typed_key("gary o'leary")  # the [addresses] table's key


def test_the_bodys_own_initials_name_the_body_not_a_person(db_path: Path | str) -> None:
    db = connect(db_path)
    body = db.execute(
        "INSERT INTO bodies (name, key, initials) VALUES ('Ashby Parish Council', 'ashby parish council', 'APC')"
    ).lastrowid
    assert person_id(db, body, "APC") is None and person_id(db, body, "A.P.C.") is None
    assert person_id(db, body, "AP") is not None  # a member's initials
    assert person_id(db, body, "APC", ["Amy Paula Cox"]) is not None  # a member whose initials are the body's
    db.close()


NOVEMBER = (
    "Minutes of the meeting of Ashby Parish Council held on 30 November 2023\n\n"
    "Apologies: Cllr Heidi Dennet\n\n1. Bins\n\nThe district council will be asked to empty the bin weekly.\n"
    "ACTION: AS\n\n2. Hall\n\nThe hall is to be booked for the fete.\nACTION: Jo\n"
)
OCTOBER = (
    "Minutes of the meeting of Ashby Parish Council held on 26 October 2023\n\n"
    "Present: Alan Smith (AS), Jo Pardew (JP), Cllr Nina Oakes, Cllr Heidi Dennet\n\n1. Verges\n\n"
    "ACTION: JP to ask for the verges to be cut\n"
)


def test_initials_and_first_names_stored_before_the_roll_that_explains_them_join_those_people(
    tmp_path: Path, db_path: Path | str
) -> None:
    """Papers stored out of date order end with the same people as in order: 'AS' and 'Jo' of November
    are Alan Smith and Jo Pardew once October's roll is stored."""
    import json

    from conftest import fresh_db, run_cli

    def people(db: Path | str) -> dict[str, int]:
        return {p["name"]: p["actions"] for p in json.loads(run_cli("people", "--json", db=db, check=True).stdout)}

    papers = []
    for name, text in (("nov.txt", NOVEMBER), ("oct.txt", OCTOBER)):
        papers.append(tmp_path / name)
        papers[-1].write_text(text, encoding="utf-8")
    backward, forward = db_path, fresh_db("sqlite", tmp_path, "forward.db")
    for paper in papers:
        run_cli("ingest", str(paper), db=backward, check=True)
    for paper in reversed(papers):
        run_cli("ingest", str(paper), db=forward, check=True)
    assert people(backward) == people(forward)
    assert people(backward)["Alan Smith"] == 1 and people(backward)["Jo Pardew"] == 2
    assert "AS" not in people(backward) and "Jo" not in people(backward)
    owned = json.loads(run_cli("actions", "--owner", "Alan Smith", "--json", db=backward, check=True).stdout)
    assert [a["meeting_date"] for a in owned] == ["2023-11-30"]
    december = tmp_path / "dec.txt"  # another 'AS' on its own roll: read by that roll, not by the earlier join
    december.write_text(
        "Minutes of the meeting of Ashby Parish Council held on 14 December 2023\n\n"
        "Present: Anne Scott (AS), Cllr Nina Oakes, Cllr Heidi Dennet\n\n1. Lights\n\n"
        "The Christmas lights are to be checked.\nACTION: AS\n",
        encoding="utf-8",
    )
    run_cli("ingest", str(december), db=backward, check=True)
    owned = json.loads(run_cli("actions", "--owner", "Alan Smith", "--json", db=backward, check=True).stdout)
    assert [a["meeting_date"] for a in owned] == ["2023-11-30"], "Alan Smith did not attend in December"


def test_an_action_owned_by_a_post_counts_for_the_one_attendee_holding_it(tmp_path: Path, db_path: Path | str) -> None:
    """'Clerk to book the hall' with 'In attendance: Mary Jones (Clerk)': the action is hers in `people` and
    `actions --owner`, and still shows the minutes' word; the vice-chair does not hold the chair's actions."""
    import json

    from conftest import run_cli

    paper = tmp_path / "march.txt"
    paper.write_text(
        "Minutes of the meeting of Ashby Parish Council held on 5 March 2024\n\n"
        "Present: Cllr Ann Lee (Chairman), Cllr Bob Day (Vice-Chair), Cllr Sue Park\n\n"
        "In attendance: Mary Jones (Clerk)\n\n1. Finance\n\nThe cheques were approved.\n"
        "ACTION: Chairman to sign the cheques\n\n2. Hall\n\nACTION: Clerk to book the hall\n",
        encoding="utf-8",
    )
    run_cli("ingest", str(paper), db=db_path, check=True)
    owned = {p["name"]: p["actions"] for p in json.loads(run_cli("people", "--json", db=db_path, check=True).stdout)}
    assert (owned["Mary Jones"], owned["Ann Lee"], owned["Bob Day"]) == (1, 1, 0)
    (hers,) = json.loads(run_cli("actions", "--owner", "Mary Jones", "--json", db=db_path, check=True).stdout)
    assert hers["owners"] == ["Clerk"] and hers["text"] == "Clerk to book the hall"


def test_people_rename_gives_a_person_their_name_in_full_and_the_papers_still_find_them(
    tmp_path: Path, db_path: Path | str
) -> None:
    import json

    from conftest import run_cli

    paper = tmp_path / "pc-2018-12-12.txt"
    paper.write_text(
        "Minutes of the Parish Council meeting held on 12 December 2018\n\n"
        "Present: Cllr Ann Bell (Chair), Cllr Cy Dee, Miriam\n\n"
        "1. Footway\nMiriam will ask HCC to scrape the footway.\n"
    )
    run_cli("ingest", str(paper), db=db_path, check=True)
    said = run_cli("people", "rename", "Miriam", "Miriam Linforth", db=db_path, check=True).stdout
    assert said == "renamed Miriam to Miriam Linforth\n"
    run_cli("ingest", str(paper), "--again", db=db_path, check=True)  # the paper still prints 'Miriam'
    names = [p["name"] for p in json.loads(run_cli("people", "--json", db=db_path, check=True).stdout)]
    assert "Miriam Linforth" in names and "Miriam" not in names
    (owned,) = json.loads(run_cli("actions", "--owner", "Linforth", "--json", db=db_path, check=True).stdout)
    assert owned["owners"] == ["Miriam Linforth"]
    clash = run_cli("people", "rename", "Miriam Linforth", "Ann Bell", db=db_path)
    assert clash.returncode == 1 and "'Ann Bell' is another record of this body" in clash.stderr
    role = run_cli("people", "rename", "Miriam Linforth", "the Clerk", db=db_path)
    assert role.returncode == 1 and "is not a person's name" in role.stderr
