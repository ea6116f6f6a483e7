"""Read what drafting a body's next agenda needs: its past meetings with their records, and its action log."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from .queries import actions, find_body, kept, last_update

if TYPE_CHECKING:
    from .connection import Database


def history(db: Database, body: str, before: date) -> dict | None:
    """The body and its meetings before a date, newest first (undated last), each with its records."""
    found = find_body(db, body)
    if found is None:
        return None
    meetings = db.query(
        "SELECT m.id, m.kind, m.date, m.start_time, m.end_time, m.location, m.organisation, "
        "d.path AS document FROM meetings m JOIN documents d ON d.id = m.document_id "
        "WHERE m.body_id = ? AND (m.date IS NULL OR m.date < ?) "
        "ORDER BY m.date IS NULL, m.date DESC, m.kind = 'agenda', m.id DESC",
        [found["id"], before.isoformat()],
    )
    by_id = {
        m["id"]: {**m, "items": [], "resolutions": [], "actions": [], "attendance": [], "rejected": []}
        for m in meetings
    }
    ids = list(by_id)
    if ids:
        marks = ",".join("?" * len(ids))
        queries = {
            "items": "SELECT meeting_id, number, title, parent, summary, forward FROM items "
            f"WHERE meeting_id IN ({marks}) AND {kept('items')} ORDER BY meeting_id, position",
            "resolutions": f"SELECT meeting_id, item, text FROM resolutions WHERE meeting_id IN ({marks}) "
            f"AND {kept('resolutions')} "
            "ORDER BY id",
            "actions": "SELECT a.meeting_id, a.ref, a.item, a.text, a.due, a.status, a.reported, "
            "(SELECT json_group_array(name) FROM (SELECT name FROM action_owners o "
            "WHERE o.action_id = a.id ORDER BY position) AS named) AS owners "
            f"FROM actions a WHERE a.meeting_id IN ({marks}) AND {kept('a')} ORDER BY a.meeting_id, a.seq",
            "attendance": "SELECT meeting_id, name, status, category, role, organisation FROM attendance "
            f"WHERE meeting_id IN ({marks}) AND {kept('attendance')} ORDER BY id",
            # what a reviewer struck out: the item's notes may say it again, and it stays struck out
            "rejected": f"SELECT meeting_id, text FROM resolutions WHERE meeting_id IN ({marks}) "
            f"AND NOT {kept('resolutions')} UNION ALL SELECT meeting_id, text FROM actions a "
            f"WHERE meeting_id IN ({marks}) AND NOT {kept('a')}",
        }
        for key, sql in queries.items():
            for row in db.query(sql, ids * sql.count("IN (")):  # 'rejected' asks of two tables
                if key == "actions":
                    row["owners"] = json.loads(row["owners"] or "[]")
                if key == "items":
                    row["forward"] = json.loads(row["forward"] or "[]")
                by_id[row.pop("meeting_id")][key].append(row)
    return {**found, "meetings": list(by_id.values())}


def action_log(db: Database, body: str, as_of: date) -> list[dict]:
    """The body's open actions raised by `as_of`, dated ones in meeting order, each with its last update."""
    rows = actions(db, body=body, open_only=True, as_of=as_of)
    for row in rows:
        row["last_update"] = last_update(row["history"], as_of.isoformat())
    return sorted(rows, key=lambda r: r["meeting_date"] is None)  # stable: keeps meeting order within each


def organisation(db: Database, body: dict) -> str | None:
    """The organisation a body belongs to: as stored with the body, else as its latest papers print it."""
    if body.get("organisation"):
        return body["organisation"]
    row = db.execute(
        "SELECT organisation FROM meetings WHERE body_id = ? AND organisation IS NOT NULL "
        "ORDER BY date IS NULL, date DESC LIMIT 1",
        [body["id"]],
    ).fetchone()
    return row[0] if row else None
