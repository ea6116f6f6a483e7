"""Review: the records extraction was least sure of, and a person's verdict on each.

A verdict (confirm, correct a field, reject) is stored against the meeting and
the record's original words, and applied again whenever that meeting is stored
anew, so a correction survives re-ingest of the same or an updated paper.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from .connection import Database
from .due import ISO_DAY
from .queries import DECIDED, REPORTED_DONE, kept
from .store import now

RECORDS = {  # record kind -> (table, the column that says what it is, fields a person may correct)
    "attendee": ("attendance", "name", ("name", "status", "category", "role", "organisation")),
    "item": ("items", "title", ("number", "title", "parent")),
    "resolution": ("resolutions", "text", ("text", "item")),
    "action": ("actions", "text", ("text", "item", "due", "owners")),
}
ALLOWED = {  # fields whose values come from a fixed list (the contract's)
    "status": ("present", "apologies", "absent"),
    "category": ("member", "officer", "observer", "other"),
}
BY_HAND = ("due", "owners")  # an action's due date and owners change as hand changes do: kept, replayed, in history
# a status the tracker read from a later meeting's prose, with no status word: how sure that reading is
INFERRED = {DECIDED: ("tracker.decided_later", 0.7), REPORTED_DONE: ("tracker.reported_done", 0.6)}


class ReviewError(ValueError):
    """A verdict that cannot be applied: unknown record, field or value."""


# an action's owners as one line, what a reviewer checks first ('Clerk / Cllr Bell')
_OWNERS = (
    "(SELECT group_concat(name, ' / ') FROM "
    "(SELECT o.name FROM action_owners o WHERE o.action_id = r.id ORDER BY o.position) AS named)"
)


def low_confidence(db: Database, below: float = 0.8, body_id: int | None = None) -> list[dict]:
    """Records under the confidence threshold that nobody has reviewed yet, least sure first; every one of
    them when the threshold is 1."""
    rows = []
    for kind, (table, column, _) in RECORDS.items():
        where = "r.confidence < ? AND r.reviewed IS NULL"
        params: list = [below if below < 1 else 2.0]
        if body_id is not None:
            where += " AND m.body_id = ?"
            params.append(body_id)
        owners = _OWNERS if kind == "action" else "NULL"
        rows += db.query(
            f"SELECT '{kind}' AS kind, r.id, {'r.ref' if kind == 'action' else 'NULL'} AS ref, b.name AS body, "
            f'm.date AS meeting_date, r."{column}" AS text, {owners} AS owners, r.rule, '
            f'r.confidence, d.path AS document, r.first_page AS page, r.line FROM "{table}" r '
            f"JOIN meetings m ON m.id = r.meeting_id JOIN bodies b ON b.id = m.body_id "
            f"JOIN documents d ON d.id = m.document_id WHERE {where}",
            params,
        )
    rows += inferred_statuses(db, below, body_id)
    return sorted(rows, key=lambda r: (r["confidence"], r["meeting_date"] or "", r["kind"], r["id"]))


def inferred_statuses(db: Database, below: float = 0.8, body_id: int | None = None) -> list[dict]:
    """Actions closed on prose alone, with no status word ('Cllr Coppard met with George Pavey', 'Cllr
    Rochford has very kindly scraped the footway'), which no person has confirmed or overruled: the status
    and the words it was read from, to check."""
    where = f"r.status = 'done' AND {kept('r')} AND h.by = 'meeting' AND h.status = 'done'"
    where += " AND NOT EXISTS (SELECT 1 FROM overrides o WHERE o.action_id = r.id AND o.field = 'status')"
    params: list = []
    if body_id is not None:
        where += " AND m.body_id = ?"
        params.append(body_id)
    rows = db.query(
        f"SELECT r.id, r.ref, b.name AS body, later.date AS meeting_date, r.text, {_OWNERS} AS owners, h.words, "
        "p.rule, p.confidence, d.path AS document, p.first_page AS page, p.line "
        "FROM actions r JOIN action_history h ON h.action_id = r.id "
        "JOIN meetings m ON m.id = r.meeting_id JOIN bodies b ON b.id = m.body_id "
        "JOIN meetings later ON later.id = h.meeting_id JOIN documents d ON d.id = later.document_id "
        "LEFT JOIN progress p ON p.meeting_id = h.meeting_id AND p.text = h.words "
        f"WHERE {where} ORDER BY h.id",
        params,
    )
    closed = {row["id"]: row for row in rows}  # the last meeting's word that closed each
    found = []
    for row in closed.values():
        words = row.pop("words")
        said = next((key for key in INFERRED if words.startswith(key)), None)
        if said is not None:
            row["rule"], row["confidence"] = INFERRED[said]
            words = words.split(": ", 1)[-1]
        if row["confidence"] is None or row["confidence"] >= (below if below < 1 else 2.0):
            continue  # a status word ('Action complete') or a report sure enough
        found.append({"kind": "status", **row, "text": f"done? {row['text']} <- {words}"})
    return found


def record_id(db: Database, kind: str, given: str) -> int:
    """The record a person names: the id `minutes review` shows, or an action's ref ('HPC-2019-01-09-06')."""
    if re.fullmatch(r"[0-9]+", given.strip()):
        return int(given)
    if kind == "action":
        row = db.execute("SELECT id FROM actions WHERE upper(ref) = upper(?)", [given.strip()]).fetchone()
        if row:
            return row[0]
        raise ReviewError(f"no action with ref {given!r}; `minutes actions` lists them")
    raise ReviewError(f"{given!r} is not a {kind}'s id: give the number `minutes review` shows")


def status_verdict(db: Database, given: str, choice: str) -> str:
    """A person's word on a status the tracker read from prose: confirmed, it is kept as if set by hand;
    rejected, the action is open again, and no later reading closes it. Returns the action's ref."""
    from .hand import change

    if choice == "correct":
        raise ReviewError("a status is confirmed or rejected; `minutes action done|drop|reopen REF` sets another")
    action_id = record_id(db, "action", given)
    row = db.execute("SELECT ref FROM actions WHERE id = ?", [action_id]).fetchone()
    if row is None:
        raise ReviewError(f"no action with id {action_id}")
    if action_id not in {found["id"] for found in inferred_statuses(db, 1.0)}:
        raise ReviewError(f"{row[0]} has no status read from prose to review; `minutes action done|reopen` sets one")
    if choice == "confirm":
        change(db, row[0], "status", "done", "done as the minutes report (confirmed in review)")
    else:
        change(db, row[0], "status", "open", "not done: the minutes' words do not close it (rejected in review)")
    return row[0]


_WORDED = {"text", "title", "name"}  # fields a record is nothing without; reject the record instead


def verdict(
    db: Database, kind: str, record_id: int, choice: str, field: str | None = None, value: str | None = None
) -> None:
    """Record and apply a person's verdict: confirm, reject, or correct FIELD to VALUE."""
    if kind not in RECORDS:
        raise ReviewError(f"unknown record kind {kind!r}; one of {', '.join(RECORDS)}")
    table, column, fields = RECORDS[kind]
    if choice == "correct" and field not in fields:
        article = "an" if kind[0] in "aeiou" else "a"
        raise ReviewError(f"{article} {kind} has no field {field!r} to correct; one of {', '.join(fields)}")
    if choice == "correct" and field in _WORDED and not (value or "").strip():
        raise ReviewError(f"give the right {field}: an empty {field} would leave the {kind} saying nothing")
    if choice == "correct" and kind == "attendee" and field in ALLOWED and value not in ALLOWED[field]:
        raise ReviewError(f"an attendee's {field} is one of {', '.join(ALLOWED[field])}, not {value!r}")
    if kind == "action" and choice == "correct" and field in BY_HAND:
        _correct_by_hand(db, record_id, field, value or "")
        return
    row = db.execute(f'SELECT meeting_id, "{column}" FROM "{table}" WHERE id = ?', [record_id]).fetchone()
    if row is None:
        raise ReviewError(f"no {kind} with id {record_id}")
    if choice == "correct" and field == "item" and value:
        _check_item(db, row[0], value)
    db.begin()
    try:
        db.execute(
            "INSERT INTO corrections (record, meeting_id, original, verdict, field, value, at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [kind, row[0], row[1], choice, field, value, now()],
        )
        apply(db, row[0])
        db.commit()
    except BaseException:
        db.rollback()
        raise


def _check_item(db: Database, meeting_id: int, value: str) -> None:
    """An item a record is moved to must be one of its meeting's: by number ('83(a)' too) or title."""
    from ..extract.model import item_reference

    items = db.execute("SELECT number, parent, title FROM items WHERE meeting_id = ?", [meeting_id]).fetchall()
    names = {item_reference(n, p, t) for n, p, t in items} | {n for n, _, _ in items if n} | {t for _, _, t in items}
    if value not in names:
        shown = ", ".join(sorted(n for n in names if n and len(n) <= 12)[:12]) or "none"
        raise ReviewError(f"its meeting has no item {value!r} (items: {shown})")


def _correct_by_hand(db: Database, record_id: int, field: str, value: str) -> None:
    from .hand import change, set_owners

    row = db.execute("SELECT ref FROM actions WHERE id = ?", [record_id]).fetchone()
    if row is None:
        raise ReviewError(f"no action with id {record_id}")
    if field == "owners":
        set_owners(db, row[0], value, "owners corrected in review")
    else:
        change(db, row[0], "due", value, "due date corrected in review")


def apply(db: Database, meeting_id: int) -> None:
    """Apply every stored verdict on this meeting's records (inside the caller's transaction)."""
    for kind, original, choice, field, value in db.execute(
        "SELECT record, original, verdict, field, value FROM corrections WHERE meeting_id = ? ORDER BY id", [meeting_id]
    ).fetchall():
        table, column, _ = RECORDS[kind]
        candidates = db.execute(f'SELECT id, "{column}" FROM "{table}" WHERE meeting_id = ?', [meeting_id]).fetchall()
        scored = [(fuzz.ratio(original, text or ""), rid) for rid, text in candidates]
        if not scored or max(scored)[0] < 90:
            continue  # the paper no longer says it: nothing to apply the verdict to
        rid = max(scored)[1]
        if choice == "confirm":
            db.execute(f"UPDATE \"{table}\" SET reviewed = 'confirmed', confidence = 1.0 WHERE id = ?", [rid])
        elif choice == "reject":
            db.execute(f"UPDATE \"{table}\" SET reviewed = 'rejected' WHERE id = ?", [rid])
        elif choice == "correct":
            db.execute(
                f'UPDATE "{table}" SET "{field}" = ?, reviewed = \'corrected\', confidence = 1.0 WHERE id = ?',
                [value, rid],
            )
            if table == "actions" and field == "due":
                iso = value if value and ISO_DAY.fullmatch(value) else None
                db.execute("UPDATE actions SET due_date = ? WHERE id = ?", [iso, rid])
