"""What Datasette shows of a minutes database: titles, descriptions, and the queries officers ask most."""

from __future__ import annotations

from ..db.queries import OWNER_NAME, kept

OWNERS = (  # each owner as listings show them ('Lizzer Bradbury' for 'Cllr Bradbury'; 'Clerk' for the post)
    f"(SELECT group_concat(name, ', ') FROM (SELECT {OWNER_NAME} AS name FROM action_owners o "
    "LEFT JOIN people p ON p.id = o.person_id WHERE o.action_id = a.id ORDER BY o.position))"
)
OPEN = f"a.status = 'open' AND a.linked_to IS NULL AND {kept('a')}"
JOINS = "FROM actions a JOIN meetings m ON m.id = a.meeting_id JOIN bodies b ON b.id = m.body_id"
# the words typed, each quoted for full-text search: every word must be there, and a stray quote or 'AND' is a word
WORDS = "'\"' || replace(replace(trim(:words), '\"', ''), ' ', '\" \"') || '\"'"


def metadata(database: str) -> dict:
    """Datasette metadata for the database file named `database` (its stem)."""
    return {
        "title": "minutes: committee papers as a live action tracker",
        "description": "Meetings, attendance, agenda items, resolutions and actions read from minutes and agenda "
        "packs. Every record keeps the page and lines it was read from.",
        "databases": {
            database: {
                "tables": {
                    "documents": {"description": "Each paper ingested, once per content (sha256)."},
                    "bodies": {"description": "Committees, boards and forums."},
                    "meetings": {"description": "A meeting's agenda or minutes; one row per body, kind and date."},
                    "people": {"description": "One person per real person within a body, across spellings."},
                    "attendance": {"description": "Who was present, sent apologies or was absent."},
                    "items": {"description": "Agenda items as numbered in the papers."},
                    "resolutions": {"description": "Decisions of the meeting (RESOLVED, AGREED, motions carried)."},
                    "actions": {"description": "Tasks the minutes assign; ref is stable through re-ingest."},
                    "action_owners": {"description": "Who owns each action, as printed."},
                    "action_history": {"description": "Every change of an action's status: by a meeting or by hand."},
                    "progress": {"description": "What later minutes report about earlier actions."},
                },
                "queries": {
                    "outstanding_actions": {
                        "title": "Outstanding actions by body and owner",
                        "sql": f"SELECT a.ref, b.name AS body, m.date AS raised, a.item, a.text, {OWNERS} AS owners, "
                        f"a.due, a.status {JOINS} WHERE {OPEN} AND (:body = '' OR b.name LIKE '%' || :body || '%') "
                        f"AND (:owner = '' OR {OWNERS} LIKE '%' || :owner || '%') ORDER BY b.name, owners, m.date",
                        "params": ["body", "owner"],
                    },
                    "overdue_actions": {
                        "title": "Overdue actions",
                        "sql": f"SELECT a.ref, b.name AS body, a.text, {OWNERS} AS owners, a.due_date, "
                        f"CAST(julianday(date('now')) - julianday(a.due_date) AS INTEGER) AS days_overdue {JOINS} "
                        f"WHERE {OPEN} AND a.due_date < date('now') ORDER BY a.due_date",
                    },
                    "decisions_matching": {
                        "title": "Decisions matching words (full-text search)",
                        "sql": "SELECT b.name AS body, m.date, r.item, r.text FROM resolutions r "
                        "JOIN resolutions_fts f ON f.rowid = r.rowid JOIN meetings m ON m.id = r.meeting_id "
                        f"JOIN bodies b ON b.id = m.body_id WHERE resolutions_fts MATCH {WORDS} AND {kept('r')} "
                        "ORDER BY m.date DESC",
                        "params": ["words"],
                    },
                    "attendance_history": {
                        "title": "Attendance history of a person",
                        "sql": "SELECT p.name, b.name AS body, m.date, t.status, t.role FROM attendance t "
                        "JOIN people p ON p.id = t.person_id JOIN meetings m ON m.id = t.meeting_id "
                        "JOIN bodies b ON b.id = m.body_id WHERE p.name LIKE '%' || :person || '%' "
                        f"AND {kept('t')} ORDER BY m.date",
                        "params": ["person"],
                    },
                    "meetings_of_body": {
                        "title": "Meetings of a body",
                        "sql": "SELECT m.date, m.kind, m.start_time, m.location, d.path AS document, "
                        f"(SELECT count(*) FROM actions a WHERE a.meeting_id = m.id AND {kept('a')}) AS actions "
                        "FROM meetings m "
                        "JOIN bodies b ON b.id = m.body_id JOIN documents d ON d.id = m.document_id "
                        "WHERE b.name LIKE '%' || :body || '%' ORDER BY m.date",
                        "params": ["body"],
                    },
                },
            }
        },
    }
