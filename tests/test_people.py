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


def test_the_bodys_own_initials_name_the_body_not_a_person(db_path: Path | str) -> None:
    db = connect(db_path)
    body = db.execute(
        "INSERT INTO bodies (name, key, initials) VALUES ('Ashby Parish Council', 'ashby parish council', 'APC')"
    ).lastrowid
    assert person_id(db, body, "APC") is None and person_id(db, body, "A.P.C.") is None
    assert person_id(db, body, "AP") is not None  # a member's initials
    assert person_id(db, body, "APC", ["Amy Paula Cox"]) is not None  # a member whose initials are the body's
    db.close()
