"""Write one document's extraction into the database: all of it, or nothing.

Every document is one transaction (`begin ... commit`): a failure rolls back and
leaves the file as it was. The same content (by sha256) is stored once. A
meeting already stored (same body, kind and date, from another file, such as
the approved minutes replacing the draft in a pack) is updated in place and
its actions keep their references. A paper read again (`reread`, `ingest
--again`) replaces in place what its earlier reading stored (readings.py pairs
the two readings' meetings and takes away what is no longer found).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from rapidfuzz import fuzz

from ..extract.model import Action, Found, Meeting
from ..ingest.model import Document
from .bodies import drop_if_empty, known_share
from .connection import Database
from .due import ISO_DAY
from .people import person_id, settle
from .queries import body_key
from .readings import drop_meeting, pair_readings
from .tracker import rebuild


def apply_verdicts(db: Database, meeting_id: int) -> None:
    from .review import apply

    apply(db, meeting_id)


_SMALL = {"of", "and", "the", "for", "to", "in", "on", "&", "a", "an", "at"}


@dataclass
class Stored:
    document_id: int
    duplicate: bool
    meetings: int  # meetings new to the database
    actions: int  # actions new to the database
    again: int = 0  # meetings the paper gives again (another copy, a corrected version): stored anew in place
    reread: bool = False  # a paper stored before, read again with today's rules
    removed_meetings: int = 0  # read again: meetings its earlier reading gave that it no longer gives
    removed_actions: int = 0  # ... and actions no longer found
    kept_meetings: int = 0  # ... and meetings no longer found but kept, as a person changed them
    bodies: set[int] = field(default_factory=set)  # the bodies whose meetings it changed


def initials(name: str) -> str:
    """A body's letters for its refs: 'Finance and General Purposes Committee' -> 'FGPC'; a name that is only
    initials keeps them ('ODUG', as 'Open Data User Group' gives), however its papers came in."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z']*", name) if w.lower() not in _SMALL]
    if len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 6:
        return words[0]
    return "".join(w[0] for w in words).upper()[:6] or "X"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _source(found: Found) -> dict:
    s = found.source
    return {
        "first_line": s.first_line,
        "last_line": s.last_line,
        "first_page": s.first_page,
        "last_page": s.last_page,
        "line": s.first_at,
        "rule": found.rule,
        "confidence": found.confidence,
    }


def stored_body(
    db: Database,
    name: str,
    organisation: str | None,
    attendees: list[str] = (),
    named: bool = False,
    day: str | None = None,
) -> int | None:
    """The stored body a paper belongs to, under this or another of its names; None for a body new to the
    database. A body the user `named` is found by its name or an alias only, never by a likeness."""
    from .bodies import resolve

    if named:
        key = body_key(name)
        row = db.execute(
            "SELECT id FROM bodies WHERE key = ? UNION ALL SELECT body_id FROM body_aliases WHERE key = ?", [key, key]
        ).fetchone()
        found = row[0] if row else None
    else:
        found = resolve(db, name, organisation, attendees, day)
    if found is not None and organisation:  # a body first met on a paper naming no organisation learns it later
        db.execute("UPDATE bodies SET organisation = ? WHERE id = ? AND organisation IS NULL", [organisation, found])
    return found


def new_body(db: Database, name: str, organisation: str | None) -> int:
    """A body first met: its name, made distinct from another body's of the same words ('Parish Council (2)')."""
    from .bodies import free_name

    name = free_name(db, name)
    cursor = db.execute(
        "INSERT INTO bodies (name, key, initials, organisation) VALUES (?, ?, ?, ?)",
        [name, body_key(name), initials(name), organisation],
    )
    return cursor.lastrowid


class NothingRead(Exception):
    """A paper read again that gives no meeting where its earlier reading gave some: it is kept as it was."""


def store(
    db: Database,
    document: Document,
    meetings: list[Meeting],
    defer: bool = False,
    body: str | None = None,
    day: str | None = None,
    again: bool = False,
) -> Stored:
    """Store a document and its meetings in one transaction.

    With `defer`, the bodies' trackers are only marked stale: a run of many papers replays each
    body once at the end (`refresh`) instead of once per paper. With `body`, every meeting is that body's;
    with `day` (ISO), a meeting whose paper prints no date is held that day. With `again`, a document
    stored before is read anew (today's rules): what its earlier reading stored is replaced in place, so
    action refs, hand changes and review verdicts stay; a meeting the new reading no longer finds goes,
    unless a person changed it; the body and day given at its first ingest stand unless given anew, and a
    meeting another paper now holds (the approved copy of a draft) stays that paper's.
    """
    row = db.execute("SELECT id FROM documents WHERE sha256 = ?", [document.sha256]).fetchone()
    if row and not again:
        return Stored(row[0], True, 0, 0)
    db.begin()
    try:
        row = db.execute("SELECT id, body, held FROM documents WHERE sha256 = ?", [document.sha256]).fetchone()
        if row and not again:  # another process stored it while we waited for the lock
            db.rollback()
            return Stored(row[0], True, 0, 0)
        result = _store_paper(db, document, meetings, row, body, day)
        for stored_in in sorted(result.bodies):
            settle(db, stored_in)
            if defer:
                db.execute("UPDATE bodies SET stale = 1 WHERE id = ?", [stored_in])
            else:
                rebuild(db, stored_in)
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return result


def _store_paper(db: Database, document: Document, meetings: list[Meeting], row, body, day) -> Stored:
    """The paper's row and its meetings (inside the caller's transaction); `row` is its earlier reading's
    (id, body, held), if any."""
    body, day = (body or row[1], day or row[2]) if row else (body, day)
    if len(meetings) == 1 and day and (meetings[0].date is None or meetings[0].dated_by_name):
        meetings[0].date = day  # the day given is a one-meeting paper's, over its file name's; not over a printed one
        meetings[0].dated_by_name = False
    doc_id, earlier = _document_row(db, document, len(meetings), row[0] if row else None, body, day)
    if earlier and not meetings:
        raise NothingRead(
            f"read again, it gives no meeting where it gave {len(earlier)}; kept as it was (`minutes forget` "
            "removes a paper that holds none)"
        )
    paper = _Paper(doc_id, document, body, reading=row is not None)
    bodies = {b for (b,) in db.execute("SELECT DISTINCT body_id FROM meetings WHERE document_id = ?", [doc_id])}
    result = Stored(doc_id, False, 0, 0, reread=paper.reading)
    used: set[int] = set()
    bids = _bodies_of(db, paper, meetings)
    for meeting, bid, earlier_id in zip(meetings, bids, pair_readings(db, earlier, meetings, bids), strict=True):
        done = _meeting(db, paper, meeting, bid, earlier_id, used)
        result.meetings += done.how == "new"
        result.again += done.how == "again"
        result.actions += done.inserted if paper.reading else max(done.inserted - done.removed, 0)
        result.removed_actions += done.removed
        used.add(done.meeting_id)
        bodies.add(done.body_id)
    for meeting_id in (m for m in earlier if m not in used):
        gone = drop_meeting(db, meeting_id)
        if gone is None:
            result.kept_meetings += 1
        else:
            result.removed_meetings += 1
            result.removed_actions += gone
    result.bodies = bodies
    return result


def _document_row(
    db: Database, document: Document, meetings: int, stored: int | None, body: str | None, day: str | None
) -> tuple[int, list[int]]:
    """The document's row, new or (read again) updated, with the body and day the user gave it; and the
    meetings its earlier reading stored."""
    values = [document.path, document.format, document.pages, now(), meetings, body, day]
    if stored is None:
        doc_id = db.execute(
            "INSERT INTO documents (path, format, pages, ingested_at, meetings, body, held, sha256) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [*values, document.sha256],
        ).lastrowid
        return doc_id, []
    db.execute(
        "UPDATE documents SET path = ?, format = ?, pages = ?, ingested_at = ?, meetings = ?, body = ?, held = ? "
        "WHERE id = ?",
        [*values, stored],
    )
    earlier = db.execute("SELECT id FROM meetings WHERE document_id = ? ORDER BY id", [stored]).fetchall()
    return stored, [r[0] for r in earlier]


def moved_document(db: Database, document_id: int, new: str) -> None:
    """A stored paper that was moved (the drop folder files it in done/): its record points at it again."""
    db.begin()
    try:
        db.execute("UPDATE documents SET path = ? WHERE id = ?", [new, document_id])
        db.commit()
    except BaseException:
        db.rollback()
        raise


def refresh(db: Database) -> int:
    """Replay the tracker of every stale body, each in its own transaction; returns how many."""
    count = 0
    for (body,) in db.execute("SELECT id FROM bodies WHERE stale = 1").fetchall():
        db.begin()
        try:
            stale = db.execute("SELECT stale FROM bodies WHERE id = ?", [body]).fetchone()[0]
            if stale and not drop_if_empty(db, body):  # a body left with no meeting goes; the others replay
                rebuild(db, body)
                db.execute("UPDATE bodies SET stale = 0 WHERE id = ?", [body])
                count += 1
            db.commit()
        except BaseException:
            db.rollback()
            raise
    if count:
        analyze(db)
    return count


def analyze(db: Database) -> None:
    """Refresh the planner's statistics.

    Without them SQLite reads `actions --open --body X` through the status index, every open action
    of every body: 0.15 s on a million actions against 0.01 s through the body's meetings."""
    db.analyze()


@dataclass
class _Paper:
    id: int
    document: Document
    body: str | None  # the body the user named
    reading: bool  # read again: stored before


@dataclass
class _Done:
    meeting_id: int
    body_id: int
    how: str  # new; again (another paper's copy of a stored meeting, stored in its place); reread; held
    inserted: int = 0  # actions new to the database
    removed: int = 0  # actions no longer found


def _bodies_of(db: Database, paper: _Paper, meetings: list[Meeting]) -> list[int]:
    """Each meeting's body. A paper's meetings that give one name are one body, whichever of them shows which
    stored body it is: an agenda pack headed 'Annual General Meeting' holds last year's minutes, whose day
    is that of the agenda already stored, and this year's agenda, whose day nothing stored shares."""
    keys = [(body_key(_name_of(paper, m)), m.organisation) for m in meetings]
    found: dict[tuple, int] = {} if paper.body else _read_before(db, paper.id, keys, meetings)
    for creating in (False, True):  # a body new to the database only once no meeting of the name finds one
        for key, m in zip(keys, meetings, strict=True):
            if key in found:
                continue
            present = [a.name for a in m.attendees if a.status == "present"]
            bid = stored_body(db, _name_of(paper, m), m.organisation, present, bool(paper.body), m.date)
            if bid is None and creating:
                bid = new_body(db, _name_of(paper, m), m.organisation)
            if bid is not None:
                found[key] = bid
    return [found[key] for key in keys]


def _read_before(db: Database, doc_id: int, keys: list[tuple], meetings: list[Meeting]) -> dict[tuple, int]:
    """A paper read again stays with the bodies its earlier reading filed its meetings under, by the name each
    meeting gives (a 'Committee' filed as 'Committee (2)', or renamed since, included): the same day's first."""
    rows = db.execute("SELECT date, body_id FROM meetings WHERE document_id = ?", [doc_id]).fetchall()
    names = {bid: _names_of(db, bid) for bid in {bid for _, bid in rows}}
    found: dict[tuple, int] = {}
    for key, m in zip(keys, meetings, strict=True):
        mine = sorted((day != m.date, bid) for day, bid in rows if key[0] in names[bid])
        if mine and key not in found:
            found[key] = mine[0][1]
            if m.organisation:  # today's rules may read the organisation the first reading missed
                sql = "UPDATE bodies SET organisation = ? WHERE id = ? AND organisation IS NULL"
                db.execute(sql, [m.organisation, found[key]])
    return found


def _names_of(db: Database, body_id: int) -> set[str]:
    """A body's name keys, the name a numbered one was given for ('committee' of 'Committee (2)') among them."""
    keys = {r[0] for r in db.execute("SELECT key FROM body_aliases WHERE body_id = ?", [body_id])}
    keys |= {r[0] for r in db.execute("SELECT key FROM bodies WHERE id = ?", [body_id])}
    return keys | {re.sub(r" \d+$", "", k) for k in keys}


def _name_of(paper: _Paper, m: Meeting) -> str:
    """The meeting's body as named: one the user named is the body, whatever the paper's heading says."""
    return paper.body or m.body or m.organisation or "Unknown body"


def _meeting(db: Database, paper: _Paper, m: Meeting, bid: int, earlier_id: int | None, used: set[int]) -> _Done:
    """Store one meeting: in place of `earlier_id`, its paper's earlier reading of it; or of the same meeting
    another paper gave (never one this paper has just stored: an AGM and the ordinary meeting after it are
    two); or new. Reading a paper again, a meeting another paper now holds (the approved minutes that
    replaced a draft's) stays that paper's ('held')."""
    present = [a.name for a in m.attendees if a.status == "present"]
    existing, how = earlier_id, "reread"
    if existing is None:
        existing = _same_meeting(db, bid, m, present) if m.date else None
        existing = None if existing in used else existing
        how = "new" if existing is None else "again"
    if how == "again" and paper.reading and _paper_of(db, existing) != paper.id:
        return _Done(existing, bid, "held")
    meeting_id, old = _meeting_row(db, existing, _meeting_fields(bid, paper.id, m))
    _records(db, meeting_id, bid, m, old)
    inserted, removed = _actions(db, bid, meeting_id, paper.document, m)
    apply_verdicts(db, meeting_id)
    return _Done(meeting_id, bid, how, inserted, removed)


def _paper_of(db: Database, meeting_id: int) -> int:
    return db.execute("SELECT document_id FROM meetings WHERE id = ?", [meeting_id]).fetchone()[0]


def _meeting_fields(bid: int, doc_id: int, m: Meeting) -> dict:
    return {
        "body_id": bid,
        "document_id": doc_id,
        "kind": m.kind,
        "date": m.date,
        "start_time": m.start_time,
        "end_time": m.end_time,
        "location": m.location,
        "organisation": m.organisation,
        "next_date": m.next_date,
        **_source(m.found),
    }


# what names a record of a meeting, so that storing the meeting again keeps the ids a review queue printed
_RECORD_KEYS = {"attendance": ("name", "status"), "items": ("number", "title"), "resolutions": ("text",)}


def _meeting_row(db: Database, existing: int | None, fields: dict) -> tuple[int, dict[str, list[tuple]]]:
    """The meeting's row, new or updated in place; and, for one stored before, its records' names and ids
    (the records themselves give way as the new reading's are stored)."""
    if existing is None:
        cols = ", ".join(f'"{k}"' for k in fields)
        marks = ", ".join("?" * len(fields))
        return db.execute(f"INSERT INTO meetings ({cols}) VALUES ({marks})", list(fields.values())).lastrowid, {}
    sets = ", ".join(f'"{k}" = ?' for k in fields)
    db.execute(f"UPDATE meetings SET {sets} WHERE id = ?", [*fields.values(), existing])
    old = {
        table: [
            tuple(r)
            for r in db.execute(
                f'SELECT {", ".join(key)}, id FROM "{table}" WHERE meeting_id = ? ORDER BY id', [existing]
            ).fetchall()
        ]
        for table, key in _RECORD_KEYS.items()
    }
    db.execute('DELETE FROM "progress" WHERE meeting_id = ?', [existing])
    return existing, old


def _kept_ids(old: list[tuple], keys: list[tuple]) -> list[int | None]:
    """The ids the records read now keep: their old ones, in order, when they are the same records as before
    (so a printed review queue still names them); else none: new ones, given while the old rows still stand,
    so no id a queue printed ever names another record."""
    if Counter(row[:-1] for row in old) != Counter(keys):
        return [None] * len(keys)
    queues: dict[tuple, list[int]] = {}
    for row in old:
        queues.setdefault(row[:-1], []).append(row[-1])
    return [queues[key].pop(0) for key in keys]


def _records(db: Database, meeting_id: int, bid: int, m: Meeting, old: dict[str, list[tuple]]) -> None:
    """The meeting's attendance, items, decisions and progress reports, in reading order."""

    def add(table: str, rows: list[tuple[dict, Found]]) -> None:
        keys = [tuple(row[k] for k in _RECORD_KEYS[table]) for row, _ in rows]
        ids = _kept_ids(old.get(table, []), keys)
        stale = [r[-1] for r in old.get(table, [])]
        if stale and all(i is not None for i in ids):
            _delete_ids(db, table, stale)  # the same records: their ids are theirs again
            stale = []
        for known, (row, found) in zip(ids, rows, strict=True):
            kept = {"id": known} if known is not None else {}
            _insert(db, table, {**kept, "meeting_id": meeting_id, **row, **_source(found)})
        _delete_ids(db, table, stale)

    names = [x.name for x in m.attendees]
    people = [person_id(db, bid, a.name, names, a.initials) for a in m.attendees]
    add("attendance", [(_attendee(a, pid), a.found) for a, pid in zip(m.attendees, people, strict=True)])
    add("items", [(_item(position, item), item.found) for position, item in enumerate(m.items)])
    add("resolutions", [({"item": r.item, "text": r.text}, r.found) for r in m.resolutions])
    for p in m.progress:
        row = {"meeting_id": meeting_id, "text": p.text, "status": p.status, "refs": json.dumps(p.refs)}
        _insert(db, "progress", {**row, **_source(p.found)})


def _delete_ids(db: Database, table: str, ids: list[int]) -> None:
    if ids:
        db.execute(f'DELETE FROM "{table}" WHERE id IN ({",".join("?" * len(ids))})', ids)


def _attendee(a, pid: int | None) -> dict:
    return {
        "person_id": pid,
        "name": a.name,
        "status": a.status,
        "category": a.category,
        "role": a.role,
        "organisation": a.organisation,
    }


def _item(position: int, item) -> dict:
    return {
        "position": position,
        "number": item.number,
        "title": item.title,
        "parent": item.parent,
        "presenters": json.dumps(item.presenters),
        "summary": item.summary,
        "forward": json.dumps(item.forward) if item.forward else None,
    }


def _same_meeting(db: Database, bid: int, m: Meeting, present: list[str]) -> int | None:
    """The stored meeting a paper gives again (a draft, then the signed minutes; a PDF, then its DOCX): the
    body's meeting of that kind and date, unless the two name wholly different people, or one is the other's
    action log."""
    for (meeting_id,) in db.execute(
        "SELECT id FROM meetings WHERE body_id = ? AND kind = ? AND date = ? ORDER BY id", [bid, m.kind, m.date]
    ).fetchall():
        stored = [r[0] for r in db.execute("SELECT name FROM attendance WHERE meeting_id = ?", [meeting_id])]
        if _action_log(m) != _stored_action_log(db, meeting_id):
            continue  # the meeting's action log, a paper of its own, neither replaces its minutes nor gives way
        if known_share(present, stored, least=2) > 0:  # replacing is for the same people's minutes only
            return meeting_id
    return None


def _action_log(m: Meeting) -> bool:
    """A paper that records a meeting's actions and nothing else of it: no one present, no items."""
    return bool(m.actions) and not m.attendees and not m.items


def _stored_action_log(db: Database, meeting_id: int) -> bool:
    held = db.execute(
        "SELECT (SELECT count(*) FROM attendance WHERE meeting_id = ?) + (SELECT count(*) FROM items WHERE "
        "meeting_id = ?), (SELECT count(*) FROM actions WHERE meeting_id = ?)",
        [meeting_id, meeting_id, meeting_id],
    ).fetchone()
    return held[0] == 0 and held[1] > 0


def _insert(db: Database, table: str, row: dict) -> int:
    cols = ", ".join(f'"{k}"' for k in row)
    return db.execute(
        f'INSERT INTO "{table}" ({cols}) VALUES ({", ".join("?" * len(row))})', list(row.values())
    ).lastrowid


def _ref_stem(db: Database, bid: int, meeting_id: int, m: Meeting, document: Document, old: list) -> str:
    """'PC-2024-03-03': the body's initials and the date, with a letter where another meeting of that date has
    them ('Parish Council' and 'Planning Committee' meeting the same day: 'PC-2024-03-03b'). A meeting stored
    before keeps the stem its refs have."""
    if old:
        return re.sub(r"-\d+$", "", old[0][1])
    body_initials = db.execute("SELECT initials FROM bodies WHERE id = ?", [bid]).fetchone()[0]
    stem = f"{body_initials}-{m.date or document.sha256[:8]}"
    same_day = "m.date = ?" if m.date else "m.date IS NULL"
    for letter in ["", *"bcdefghijklmnopqrstuvwxyz"]:
        taken = db.execute(
            f"SELECT 1 FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE {same_day} "
            "AND a.meeting_id != ? AND a.ref LIKE ? LIMIT 1",
            [*([m.date] if m.date else []), meeting_id, f"{stem}{letter}-%"],
        ).fetchone()
        if not taken:
            return stem + letter
    return f"{stem}-{meeting_id}"


def _actions(db: Database, bid: int, meeting_id: int, document: Document, m: Meeting) -> tuple[int, int]:
    """Insert the meeting's actions; on a meeting stored before, keep each matching action's ref. Returns how many
    it inserted and how many of the meeting's earlier actions it removed (unless a person changed them)."""
    old = db.execute(
        "SELECT id, ref, seq, text FROM actions WHERE meeting_id = ? ORDER BY seq", [meeting_id]
    ).fetchall()
    stem = _ref_stem(db, bid, meeting_id, m, document, old)
    next_seq = max((r[2] for r in old), default=0) + 1
    taken: set[int] = set()
    added = removed = 0
    for action in m.actions:
        match = max(
            ((r, fuzz.token_set_ratio(r[3], action.text)) for r in old if r[0] not in taken),
            key=lambda pair: pair[1],
            default=(None, 0),
        )
        if match[0] is not None and match[1] >= 80:
            action_id = match[0][0]
            taken.add(action_id)
            db.execute(
                "UPDATE actions SET item = ?, text = ?, due = ?, due_date = ?, reported = ?, first_line = ?, "
                "last_line = ?, first_page = ?, last_page = ?, line = ?, rule = ?, confidence = ? WHERE id = ?",
                [
                    action.item,
                    action.text,
                    action.due,
                    _iso(action.due),
                    action.status,
                    *_source(action.found).values(),
                    action_id,
                ],
            )
            db.execute("DELETE FROM action_owners WHERE action_id = ?", [action_id])
        else:
            action_id = _new_action(db, meeting_id, f"{stem}-{next_seq:02d}", next_seq, action)
            next_seq += 1
            added += 1
        for position, name in enumerate(action.owners):
            pid = person_id(db, bid, name, [a.name for a in m.attendees])
            holder = _holder(db, bid, name, m) if pid is None else None
            row = {"action_id": action_id, "position": position, "name": name, "person_id": pid or holder}
            _insert(db, "action_owners", {**row, "by_post": 1 if holder else None})
    for row in old:
        if row[0] not in taken and not db.execute("SELECT 1 FROM overrides WHERE action_id = ?", [row[0]]).fetchone():
            db.execute("UPDATE actions SET linked_to = NULL WHERE linked_to = ?", [row[0]])
            for table in ("action_history", "action_owners"):
                db.execute(f"DELETE FROM {table} WHERE action_id = ?", [row[0]])
            db.execute("DELETE FROM actions WHERE id = ?", [row[0]])
            removed += 1
    return added, removed


def _holder(db: Database, bid: int, owner: str, m: Meeting) -> int | None:
    """'Clerk to book the hall': the one attendee of the meeting who holds that post ('Mary Jones (Clerk)')
    owns it, so `people` and `actions --owner 'Mary Jones'` count it; the post stays what the action shows."""
    post = _post(owner)
    holders = [
        a
        for a in m.attendees
        if a.role and re.search(rf"\b{re.escape(post)}\b", _post(a.role)) and _deputy(a.role) <= _deputy(post)
    ]
    if len(post) < 3 or len(holders) != 1:
        return None
    return person_id(db, bid, holders[0].name, [a.name for a in m.attendees], holders[0].initials)


def _post(text: str) -> str:
    """A post as compared: 'The Chairman' and 'Chair' are one post."""
    return re.sub(r"\bchair(?:man|woman|person)\b", "chair", text.strip().lower().removeprefix("the "))


def _deputy(post: str) -> bool:
    """'Vice-Chair' holds a post of its own: the chair's actions are not the vice-chair's."""
    return bool(re.match(r"(?:vice|deputy)\b", post.strip().lower()))


def _new_action(db: Database, meeting_id: int, ref: str, seq: int, action: Action) -> int:
    """A new action row; its status and history are the tracker's to write."""
    return _insert(
        db,
        "actions",
        {
            "meeting_id": meeting_id,
            "ref": ref,
            "seq": seq,
            "item": action.item,
            "text": action.text,
            "due": action.due,
            "due_date": _iso(action.due),
            "status": "open",
            "reported": action.status,
            **_source(action.found),
        },
    )


def _iso(due: str | None) -> str | None:
    return due if due and ISO_DAY.fullmatch(due) else None
