"""Changes made by hand to actions and people: kept as overrides, so re-ingest never undoes them."""

from __future__ import annotations

import json
import re
from datetime import date

from ..extract.names import strip_honorifics
from .connection import Database
from .due import due_by
from .people import fold, join, looks_like_person, person_id
from .store import now
from .tracker import rebuild


class NotFound(LookupError):
    """No action or person answers to what the user typed."""


def _action(db: Database, ref: str) -> tuple[int, int]:
    row = db.execute(
        "SELECT a.id, m.body_id FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE upper(a.ref) = upper(?)",
        [ref.strip()],
    ).fetchone()
    if row is None:
        raise NotFound(not_found(db, ref))
    return row[0], row[1]


def not_found(db: Database, ref: str) -> str:
    """'no action with reference X', with the reference of the same meeting and number under another body's
    letters ('WVCC-2024-08-19-05' for 'C-2024-08-19-05': refs keep the letters they were given)."""
    tail = re.search(r"\d{4}-\d{2}-\d{2}-\d+$", ref.strip())
    near = []
    if tail:
        rows = db.execute("SELECT ref FROM actions WHERE ref LIKE ? ORDER BY ref LIMIT 3", [f"%-{tail.group(0)}"])
        near = [r[0] for r in rows]
    return f"no action with reference {ref}" + (f"; did you mean {' or '.join(near)}?" if near else "")


def change(db: Database, ref: str, field: str, value: str, note: str | None = None, shown: str | None = None) -> bool:
    """Record a hand change (status, due or owner) with its note, then replay the body's tracker. The history
    says what changed ('due set to 2024-04-30'), with the note after it; a status change says only the note,
    which tells what was done. Setting again, with no note, the status a person already set changes nothing
    (False); a status only the papers gave is recorded, so that no later paper undoes it."""
    action_id, body_id = _action(db, ref)
    if field == "status" and not note and _status_set(db, action_id) == value:
        return False
    db.begin()
    try:
        at = now()
        db.execute(
            "INSERT INTO overrides (action_id, field, value, at, note) VALUES (?, ?, ?, ?, ?)",
            [action_id, field, value, at, note],
        )
        said = f"{field} set to {shown or value}"
        words = (note if field == "status" else f"{said} ({note})") if note else said
        status = value if field == "status" else None
        if status is None:
            status = db.execute("SELECT status FROM actions WHERE id = ?", [action_id]).fetchone()[0]
        db.execute(
            "INSERT INTO action_history (action_id, at, status, by, meeting_id, words) "
            "VALUES (?, ?, ?, 'user', NULL, ?)",
            [action_id, at, status, words],
        )
        rebuild(db, body_id)
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return True


def typed_due(db: Database, ref: str, words: str, today: date) -> date | None:
    """The day a due typed in words means, counted from today: 'next meeting' is the body's next meeting,
    stored or announced by its latest minutes; 'end of March', 'in 2 weeks', 'Friday' are calendar days."""
    _, body_id = _action(db, ref)
    rows = db.execute("SELECT DISTINCT date FROM meetings WHERE body_id = ? AND date IS NOT NULL", [body_id])
    held = [date.fromisoformat(row[0]) for row in rows]
    row = db.execute(
        "SELECT next_date FROM meetings WHERE body_id = ? AND date IS NOT NULL AND next_date IS NOT NULL "
        "ORDER BY date DESC LIMIT 1",
        [body_id],
    ).fetchone()
    return due_by(words, today, held, date.fromisoformat(row[0]) if row else None)


def _status_set(db: Database, action_id: int) -> str | None:
    """The status a person last set by hand, if they set one."""
    row = db.execute(
        "SELECT value FROM overrides WHERE action_id = ? AND field = 'status' ORDER BY at DESC, id DESC LIMIT 1",
        [action_id],
    ).fetchone()
    return row[0] if row else None


def set_owners(db: Database, ref: str, owners: str, note: str | None = None) -> tuple[list[str], list[str]]:
    """Give an action new owners ("A / B"); returns the owners before and after, for the user to see."""
    action_id, _ = _action(db, ref)
    rows = db.execute("SELECT name FROM action_owners WHERE action_id = ? ORDER BY position", [action_id])
    before = [row[0] for row in rows]
    names = [n.strip() for n in re.split(r"\s*[/,;]\s*", owners) if n.strip()]
    if [fold(n) for n in names] == [fold(n) for n in before] and not note:
        return before, before  # set again as it is: nothing to record
    change(db, ref, "owner", json.dumps(names), note, shown=", ".join(names))
    return before, names


def owner_notes(db: Database, ref: str, names: list[str]) -> list[str]:
    """What the user should know of the owners they typed: a name taken as someone's other spelling ('Haidy
    Blak' is Haidy Blake), or nobody of the action's body, with the people it may be a slip for. Posts and
    groups ('Clerk', 'All') need no note."""
    from rapidfuzz import fuzz, process, utils

    _, body_id = _action(db, ref)
    people = dict(db.execute("SELECT id, name FROM people WHERE body_id = ? ORDER BY name", [body_id]).fetchall())
    notes = []
    for name in names:
        if not looks_like_person(name):
            continue
        pid = person_id(db, body_id, name, create=False)
        if pid is not None:
            if fold(people[pid]) != fold(strip_honorifics(name)):
                notes.append(f"{name!r} is taken as {people[pid]!r}, as the papers spell it")
            continue
        found = process.extract(
            name, list(people.values()), scorer=fuzz.ratio, processor=utils.default_process, limit=2, score_cutoff=75
        )
        close = [n for n, _, _ in found]
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else " yet"
        notes.append(f"{name!r} is nobody in this body's papers{hint}")
    return notes


def merge_people(db: Database, keep: int, other: int) -> None:
    """Join two records of one person: attendance and actions move to `keep`, the other name stays an alias."""
    db.begin()
    try:
        if db.execute("SELECT 1 FROM people WHERE id = ?", [other]).fetchone() is None:
            raise NotFound(f"no person {other}")
        join(db, keep, other)
        db.commit()
    except BaseException:
        db.rollback()
        raise


def rename_person(db: Database, person_id: int, name: str) -> str:
    """Give a person the name a user types ('Miriam Linforth' for the papers' 'Miriam'); the old name stays an
    alias, so the papers that print it still find this person. Returns the old name."""
    from ..extract.names import initials_of

    new = strip_honorifics(" ".join(name.split()))
    row = db.execute("SELECT body_id, name FROM people WHERE id = ?", [person_id]).fetchone()
    if row is None:
        raise NotFound(f"no person {person_id}")
    body_id, old = row
    if not looks_like_person(new):
        raise NotFound(f"{name!r} is not a person's name (a role, group or place is not renamed so)")
    others = db.execute("SELECT name FROM people WHERE body_id = ? AND id != ?", [body_id, person_id]).fetchall()
    clash = next((known for (known,) in others if fold(known) == fold(new)), None)
    if clash:
        raise NotFound(f"{clash!r} is another record of this body; to join the two: minutes people merge")
    db.begin()
    try:
        db.execute(
            "INSERT INTO people_aliases (body_id, name, person_id) VALUES (?, ?, ?) "
            "ON CONFLICT (body_id, name) DO UPDATE SET person_id = excluded.person_id",
            [body_id, old, person_id],
        )
        initials = initials_of(new) if len(new.split()) > 1 else None
        db.execute("UPDATE people SET name = ?, initials = ? WHERE id = ?", [new, initials, person_id])
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return old
