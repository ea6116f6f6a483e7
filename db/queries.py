"""Read what is stored: meetings and actions, for listings, digests and exports."""

from __future__ import annotations

import json
import re
from datetime import date

from .connection import Database

# what `minutes actions --json` gives for each action (issue #4's list), and exports
ACTION_FIELDS = (
    "ref",
    "body",
    "meeting_date",
    "item",
    "text",
    "owners",
    "due",
    "due_date",
    "status",
    "overdue",
    "opened_in",
    "history",
)


def body_key(name: str) -> str:
    """How a body's name is compared: case, punctuation and spacing do not make another body."""
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


NO_OWNER = "No owner named"  # the digest's group for actions the minutes give to no one

# an owner as listings show them: the person the papers name in full, or the post ('Clerk') when given by post
OWNER_NAME = "CASE WHEN o.by_post = 1 THEN o.name ELSE coalesce(p.name, o.name) END"
ACTIONS_SQL = (
    """
SELECT a.id, a.ref, b.name AS body, m.date AS meeting_date, a.item, a.text, a.due, a.due_date, a.status,
       a.status_at, a.reported, d.path AS opened_in, m.id AS meeting_id,
       (SELECT json_group_array(name) FROM (SELECT """
    + OWNER_NAME
    + """ AS name FROM action_owners o
                                            LEFT JOIN people p ON p.id = o.person_id
                                            WHERE o.action_id = a.id ORDER BY o.position) AS named) AS owners
FROM actions a
JOIN meetings m ON m.id = a.meeting_id
JOIN bodies b ON b.id = m.body_id
JOIN documents d ON d.id = m.document_id
"""
)


def _body_filter(db: Database, body: str | None, column: str) -> tuple[str, list] | None:
    """A WHERE clause limiting `column` to the named body: empty for no body, None for one not stored."""
    if not body:
        return "", []
    found = find_body(db, body)
    return None if found is None else (f"WHERE {column} = ?", [found["id"]])


def find_body(db: Database, name: str, likeness: bool = True) -> dict | None:
    """A body by name: exact, then by key or a name its papers also use, then (with `likeness`) by a unique
    partial match."""
    rows = [
        dict(zip(("id", "name", "initials", "organisation"), r))
        for r in db.execute("SELECT id, name, initials, organisation FROM bodies").fetchall()
    ]
    key = body_key(name)
    for row in rows:
        if row["name"] == name or body_key(row["name"]) == key:
            return row
    alias = db.execute("SELECT body_id FROM body_aliases WHERE key = ?", [key]).fetchone()
    if alias:  # a name the body's papers also use ("F&GP Committee")
        return next(r for r in rows if r["id"] == alias[0])
    partial = [r for r in rows if key in body_key(r["name"]) or key == r["initials"].lower()]
    return partial[0] if likeness and len(partial) == 1 else None


def other_names(db: Database, body: str, name: str) -> list[str]:
    """The other names a person of a body goes by: the spellings folded into them, and their initials."""
    rows = db.execute(
        "SELECT a.name, p.initials FROM people p JOIN bodies b ON b.id = p.body_id "
        "LEFT JOIN people_aliases a ON a.person_id = p.id WHERE b.name = ? AND lower(p.name) = lower(?)",
        [body, name],
    ).fetchall()
    return [n for alias, initials in rows for n in (alias, initials) if n]


def holder(db: Database, refs: list[str], owner: str) -> str | None:
    """The one person an owner's name stands for in these actions: 'Clerk' for 'Amanda Glew', who held the post
    at the meetings that gave them; None where it names no one person (the post changed hands)."""
    if not refs:
        return None
    marks = ",".join("?" * len(refs))
    rows = db.execute(
        "SELECT DISTINCT p.name FROM action_owners o JOIN people p ON p.id = o.person_id "
        f"JOIN actions a ON a.id = o.action_id WHERE a.ref IN ({marks}) AND lower(o.name) = lower(?)",
        [*refs, owner],
    ).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def actions(
    db: Database,
    body: str | None = None,
    owner: str | None = None,
    open_only: bool = False,
    as_of: date | None = None,
    with_history: bool = True,
    ref: str | None = None,
) -> list[dict]:
    # a restated action is shown once, as the original; one a reviewer rejected not at all
    where, params = ["a.linked_to IS NULL", kept("a")], []
    if ref:
        where.append("upper(a.ref) = ?")
        params.append(ref.strip().upper())
    if body:
        found = find_body(db, body)
        if found is None:
            return []
        where.append("m.body_id = ?")
        params.append(found["id"])
    if open_only:
        where.append("a.status = 'open'")
    if owner:
        match, values = _owned_by(owner)
        where.append(
            f"a.id IN (SELECT action_id FROM action_owners o LEFT JOIN people p ON p.id = o.person_id WHERE {match})"
        )
        params += values
    if as_of:
        where.append("(m.date IS NULL OR m.date <= ?)")
        params.append(as_of.isoformat())
    sql = ACTIONS_SQL + " WHERE " + " AND ".join(where) + " ORDER BY m.date NULLS FIRST, a.seq"
    rows = db.query(sql, params)
    today = (as_of or date.today()).isoformat()
    history = _history(db, [r["id"] for r in rows]) if with_history and rows else {}
    for row in rows:
        row["owners"] = json.loads(row["owners"] or "[]")
        row["overdue"] = bool(row["status"] == "open" and row["due_date"] and row["due_date"] < today)
        row["history"] = history.get(row["id"], [])
    return rows


def _owned_by(owner: str) -> tuple[str, list[str]]:
    """SQL (over owner o and person p) for actions someone owns: 'Cllr Coppard' is whoever's name holds the
    word Coppard, titles aside; a post ('Chairman') is that post alone, not 'Vice Chairman'."""
    from ..extract.names import is_role
    from .people import typed_key

    wanted = typed_key(re.sub(r"^\s*the\s+", "", owner, flags=re.I))  # 'The Clerk' is the Clerk; 'cllr coppard' too
    if is_role(wanted.title()):
        return "(lower(o.name) = ? OR lower(p.name) = ?)", [wanted, wanted]
    spaced = ["% " + re.sub(r"([\\%_])", r"\\\1", word) + " %" for word in wanted.split()]  # '%' is a letter
    # a printed curly apostrophe as typed: 'O’Leary' is found by "O'Leary"
    folded = "replace(replace(lower({0}), '’', ''''), '‘', '''')"
    one = " AND ".join([f"(' ' || {folded} || ' ') LIKE ? ESCAPE '\\'"] * len(spaced))
    return f"(({one.format('o.name')}) OR ({one.format('p.name')}))", spaced + spaced


def _history(db: Database, ids: list[int]) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for chunk in range(0, len(ids), 900):
        part = ids[chunk : chunk + 900]
        cursor = db.execute(
            "SELECT h.action_id, h.at, h.status, h.by, m.date, h.words FROM action_history h "
            f"LEFT JOIN meetings m ON m.id = h.meeting_id WHERE h.action_id IN ({','.join('?' * len(part))}) "
            "ORDER BY h.id",
            part,
        )
        for action_id, at, status, by, meeting_date, words in cursor.fetchall():
            out.setdefault(action_id, []).append(
                {"at": at, "status": status, "by": by, "meeting_date": meeting_date, "words": words}
            )
    for entries in out.values():  # in the order things happened, not the order they were written
        entries.sort(key=lambda h: (_effective(h), h["by"] == "user"))
    return out


def kept(alias: str) -> str:
    """A record a reviewer has not rejected: rejected records stay stored (a re-ingest re-applies the verdict)
    but are counted, listed and exported nowhere."""
    return f"({alias}.reviewed IS NULL OR {alias}.reviewed != 'rejected')"


def document_bodies(db: Database, document_id: int) -> list[str]:
    """The bodies whose meetings a stored paper holds."""
    rows = db.execute(
        "SELECT DISTINCT b.name FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.document_id = ?",
        [document_id],
    ).fetchall()
    return [row[0] for row in rows]


def original_ref(db: Database, ref: str) -> str | None:
    """The ref of the action a later restatement stands for ('DB-2024-03-14-03' restating 'DB-2024-02-08-03'),
    following a chain of them; None where the ref is no restatement or no action."""
    row = db.execute("SELECT linked_to FROM actions WHERE upper(ref) = upper(?)", [ref.strip()]).fetchone()
    seen: set[int] = set()
    while row is not None and row[0] is not None and row[0] not in seen:
        seen.add(row[0])
        found = db.execute("SELECT ref, linked_to FROM actions WHERE id = ?", [row[0]]).fetchone()
        if found is None or found[1] is None:
            return found[0] if found else None
        row = (found[1],)
    return None


def rejected_action(db: Database, ref: str) -> bool:
    """Whether a reviewer rejected the action with this ref (it is then listed nowhere)."""
    query = "SELECT 1 FROM actions WHERE upper(ref) = upper(?) AND reviewed = 'rejected'"
    return db.execute(query, [ref]).fetchone() is not None


def find_documents(db: Database, sha256: str | None, path: str) -> list[int]:
    """The stored papers a user names: by the content of the file at hand; where there is no file, by the path
    they were stored from (several papers may have lain there over time)."""
    if sha256 is not None:
        return [r[0] for r in db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha256]).fetchall()]
    return [r[0] for r in db.execute("SELECT id FROM documents WHERE path = ? ORDER BY id", [path]).fetchall()]


def stored_papers(db: Database, body: str | None = None) -> list[tuple[str, str, bool]]:
    """(path, sha256, whether it holds meetings) of each stored paper, or of the papers holding a body's
    meetings (the body a stored one, as `find_body` names it)."""
    where, args = _body_filter(db, body, "m.body_id") or ("WHERE 1 = 0", [])
    rows = db.execute(
        "SELECT d.path, d.sha256, EXISTS (SELECT 1 FROM meetings o WHERE o.document_id = d.id) FROM documents d "
        f"WHERE d.id IN (SELECT m.document_id FROM meetings m {where}) "
        "OR (? = '' AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.document_id = d.id)) ORDER BY d.id",
        [*args, body or ""],
    ).fetchall()
    return [(row[0], row[1], bool(row[2])) for row in rows]


def meetings(db: Database, body: str | None = None) -> list[dict]:
    chosen = _body_filter(db, body, "m.body_id")
    if chosen is None:
        return []
    where, params = chosen
    return db.query(
        "SELECT m.id, b.name AS body, m.kind, m.date, m.start_time, m.end_time, m.location, d.path AS document, "
        f"(SELECT count(*) FROM attendance t WHERE t.meeting_id = m.id AND {kept('t')}) AS attendees, "
        f"(SELECT count(*) FROM items i WHERE i.meeting_id = m.id AND {kept('i')}) AS items, "
        f"(SELECT count(*) FROM resolutions r WHERE r.meeting_id = m.id AND {kept('r')}) AS resolutions, "
        f"(SELECT count(*) FROM actions a WHERE a.meeting_id = m.id AND {kept('a')}) AS actions "
        f"FROM meetings m JOIN bodies b ON b.id = m.body_id JOIN documents d ON d.id = m.document_id {where} "
        "ORDER BY b.name, m.date NULLS FIRST",
        params,
    )


def people(db: Database, body: str | None = None) -> list[dict]:
    """People of each body with the meetings they attended and the actions they own."""
    chosen = _body_filter(db, body, "p.body_id")
    if chosen is None:
        return []
    where, params = chosen
    rows = db.query(
        "SELECT p.id, b.name AS body, p.name, p.initials, "
        "(SELECT count(DISTINCT t.meeting_id) FROM attendance t WHERE t.person_id = p.id AND t.status = 'present' "
        f"AND {kept('t')}) AS attended, "
        "(SELECT count(DISTINCT t.meeting_id) FROM attendance t WHERE t.person_id = p.id AND t.status != 'present' "
        f"AND {kept('t')}) AS apologies_or_absent, "
        f"(SELECT group_concat(DISTINCT t.name) FROM attendance t WHERE t.person_id = p.id AND {kept('t')}) "
        "AS printed_as, "
        "(SELECT json_group_array(m.date) FROM (SELECT DISTINCT m.date FROM attendance t JOIN meetings m "
        " ON m.id = t.meeting_id WHERE t.person_id = p.id AND t.status = 'present' AND m.date IS NOT NULL "
        f" AND {kept('t')} ORDER BY m.date) m) AS meetings, "
        "(SELECT count(*) FROM action_owners o JOIN actions a ON a.id = o.action_id WHERE o.person_id = p.id "
        f"AND {kept('a')} AND a.linked_to IS NULL) AS actions "
        f"FROM people p JOIN bodies b ON b.id = p.body_id {where} ORDER BY b.name, p.name",
        params,
    )
    for row in rows:
        row["meetings"] = [d for d in json.loads(row["meetings"] or "[]") if d]
    return rows


def find_person(db: Database, name: str, body: str | None = None) -> list[dict]:
    """People whose name or printed forms match, by id or by name."""
    rows = people(db, body)
    if name.isdigit():
        return [r for r in rows if r["id"] == int(name)]
    from .people import fold

    low = fold(name)  # "O'Leary" typed for the printed 'O’Leary'
    exact = [r for r in rows if fold(r["name"]) == low]
    return exact or [r for r in rows if low in fold(r["name"]) or low in fold(r["printed_as"] or "")]


CARRIED = "not mentioned at the meeting of"  # the words the tracker writes when a meeting passes an action by
# ... and when a meeting speaks of it in passing, saying nothing of how it stands
MENTIONED = "mentioned at the meeting of"
# ... when a later meeting decided the matter the action prepared, or reported its deed done in so many words
DECIDED = "decided at the meeting of"
REPORTED_DONE = "reported done at the meeting of"


def passed_by(entry: dict) -> bool:
    """A history entry that only records a meeting passing the action by."""
    return (entry["words"] or "").startswith(CARRIED)


def in_passing(entry: dict) -> bool:
    """A history entry that records no status of its own: a meeting passing the action by, or speaking of it
    in passing. Neither undoes a status a person or an earlier meeting gave."""
    return passed_by(entry) or (entry["words"] or "").startswith(MENTIONED)


def last_update(history: list[dict], day: str | None = None) -> dict | None:
    """The last real word on an action by `day` (not its opening, not a meeting passing it by), with how many
    meetings have carried it forward since: 'ongoing (carried forward at 2 meetings since)'."""
    entries = [h for h in history[1:] if day is None or _effective(h) <= day]
    carried = 0
    for entry in reversed(entries):
        if not passed_by(entry):
            since = f" (carried forward at {carried} meeting{'s' * (carried != 1)} since)" if carried else ""
            return {**entry, "date": _effective(entry), "words": f"{entry['words']}{since}", "carried": carried}
        carried += 1
    if not carried:
        return None
    last = entries[-1]
    words = f"not mentioned since it was raised; carried forward at {carried} meeting{'s' * (carried != 1)}"
    return {**last, "date": _effective(last), "words": words, "carried": carried}


def _effective(entry: dict) -> str:
    """The date a history entry took effect: its meeting's date, or the day a user made it."""
    if entry["by"] == "meeting":
        return entry["meeting_date"] or entry["at"] or ""
    return (entry["at"] or "")[:10]


def digest(db: Database, body: str, as_of: date) -> dict | None:
    """What a chair needs: a body's outstanding actions as of a date, grouped by owner, overdue first."""
    found = find_body(db, body)
    if found is None:
        return None
    day = as_of.isoformat()
    meetings = [
        r[0]
        for r in db.execute(
            "SELECT date FROM meetings WHERE body_id = ? AND kind = 'minutes' AND date IS NOT NULL AND date <= ? "
            "ORDER BY date",
            [found["id"], day],
        ).fetchall()
    ]
    last_meeting = meetings[-1] if meetings else None
    rows = actions(db, body=found["name"], as_of=as_of)  # an undated meeting's actions too: still the chair's
    outstanding, closed = [], []
    for row in rows:
        history = [h for h in row["history"] if _effective(h) <= day]
        # a meeting passing an action by ('carried forward') does not undo a hand change made before it
        said = [h for h in history if not in_passing(h)]
        status = said[-1]["status"] if said else "open"
        row["status_as_of"] = status
        row["last_update"] = last_update(row["history"], day)
        row["days_open"] = (as_of - date.fromisoformat(row["meeting_date"])).days if row["meeting_date"] else None
        row["overdue"] = bool(status == "open" and row["due_date"] and row["due_date"] < day)
        if status == "open":
            outstanding.append(row)
        elif history and last_meeting and last_meeting <= _effective(history[-1]) <= day:
            closed.append(row)  # closed at the last meeting or since
    groups: dict[str, list[dict]] = {}
    for row in outstanding:
        for owner in row["owners"] or [NO_OWNER]:
            groups.setdefault(owner, []).append(row)
    for items in groups.values():
        items.sort(key=lambda r: (not r["overdue"], r["due_date"] or "9999", r["meeting_date"] or "", r["ref"]))
    owners = sorted(groups, key=lambda o: (not any(r["overdue"] for r in groups[o]), o == NO_OWNER, o.lower()))
    return {
        "body": found["name"],
        "organisation": found["organisation"],
        "as_of": day,
        "last_meeting": last_meeting,
        "counts": {
            "open": len(outstanding),
            "overdue": sum(r["overdue"] for r in outstanding),
            "closed_since_last_meeting": len(closed),
        },
        "owners": [{"name": o, "actions": groups[o]} for o in owners],
        "closed": closed,
    }


SEARCHED = {  # what `minutes search` looks in: (table, searched column, the item it sits under)
    "decision": ("resolutions", "text", "item"),
    "action": ("actions", "text", "item"),
    "item": ("items", "title", "number"),
}


def search(
    db: Database, words: str, body: str | None = None, kinds: tuple[str, ...] = tuple(SEARCHED), limit: int = 0
) -> list[dict]:
    """Decisions, actions and items holding every word (stemmed: 'budgets' finds 'budget'), newest first,
    through the database's own full-text index; the newest `limit` of them (all for 0)."""
    chosen = _body_filter(db, body, "m.body_id")
    terms = db.words(words)
    if chosen is None or not terms:
        return []
    where, params = chosen
    rows: list[dict] = []
    for kind in kinds:
        table, column, item = SEARCHED[kind]
        ref = "r.ref" if table == "actions" else "NULL"
        condition = db.matching(table, column, "r")
        rows += db.query(
            f"SELECT '{kind}' AS kind, b.name AS body, m.date AS meeting_date, r.{item} AS item, {ref} AS ref, "
            f"r.{column} AS text, d.path AS document FROM {table} r JOIN meetings m ON m.id = r.meeting_id "
            f"JOIN bodies b ON b.id = m.body_id JOIN documents d ON d.id = m.document_id "
            f"{where + ' AND' if where else 'WHERE'} {condition} AND {kept('r')} "
            f"ORDER BY m.date DESC NULLS LAST, r.id DESC{' LIMIT ?' if limit else ''}",
            [*params, terms] + ([limit] if limit else []),
        )
    rows.sort(key=lambda r: (r["meeting_date"] or "", r["body"]), reverse=True)
    return rows[:limit] if limit else rows


def export_tables(db: Database, body: str | None = None) -> dict[str, list[dict]]:
    """Meetings, attendance, resolutions and actions as flat rows, for spreadsheets."""
    chosen = _body_filter(db, body, "m.body_id")
    if chosen is None:
        return {"meetings": [], "attendance": [], "resolutions": [], "actions": []}
    where, params = chosen

    def rows(sql: str) -> list[dict]:
        return db.query(sql, params)

    base = "FROM meetings m JOIN bodies b ON b.id = m.body_id JOIN documents d ON d.id = m.document_id"
    tables = {
        "meetings": rows(
            f"SELECT m.id AS meeting_id, b.name AS body, m.kind, m.date, m.start_time, m.end_time, "
            f"m.location, d.path AS document {base} {where} ORDER BY b.name, m.date NULLS FIRST"
        ),
        "attendance": rows(
            f"SELECT m.id AS meeting_id, b.name AS body, m.date, t.name, t.status, t.category, t.role, "
            f"t.organisation {base} JOIN attendance t ON t.meeting_id = m.id AND {kept('t')} {where} "
            f"ORDER BY b.name, m.date NULLS FIRST, t.id"
        ),
        "resolutions": rows(
            f"SELECT m.id AS meeting_id, b.name AS body, m.date, r.item, r.text {base} "
            f"JOIN resolutions r ON r.meeting_id = m.id AND {kept('r')} {where} "
            "ORDER BY b.name, m.date NULLS FIRST, r.id"
        ),
    }
    actions_rows = actions(db, body=body, with_history=False)
    flat = [k for k in ACTION_FIELDS if k != "history"]  # due_date beside due: what a spreadsheet sorts by
    tables["actions"] = [{k: r[k] for k in flat} for r in actions_rows]
    return tables
