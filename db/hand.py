"""Changes made by hand to actions and people: kept as overrides, so re-ingest never undoes them."""

from __future__ import annotations

import json
import re

from .connection import Database
from .people import join
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
        raise NotFound(f"no action with reference {ref}")
    return row[0], row[1]


def change(db: Database, ref: str, field: str, value: str, note: str | None = None, shown: str | None = None) -> None:
    """Record a hand change (status, due or owner) with its note, then replay the body's tracker. The history
    says what changed ('due set to 2024-04-30'), with the note after it; a status change says only the note,
    which tells what was done."""
    action_id, body_id = _action(db, ref)
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


def set_owners(db: Database, ref: str, owners: str, note: str | None = None) -> tuple[list[str], list[str]]:
    """Give an action new owners ("A / B"); returns the owners before and after, for the user to see."""
    action_id, _ = _action(db, ref)
    rows = db.execute("SELECT name FROM action_owners WHERE action_id = ? ORDER BY position", [action_id])
    before = [row[0] for row in rows]
    names = [n.strip() for n in re.split(r"\s*[/,;]\s*", owners) if n.strip()]
    change(db, ref, "owner", json.dumps(names), note, shown=", ".join(names))
    return before, names


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
