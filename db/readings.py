"""What an earlier reading of a paper stored: which of its meetings a new reading is, and taking away what a
new reading no longer finds, or a whole paper stored by mistake.

Nothing a person did goes by accident: a meeting holding a hand change (an override of one of its actions)
or a reviewer's verdict on one of its records is kept unless the caller forces it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..extract.model import Meeting
from .bodies import drop_if_empty
from .connection import Database
from .people import settle
from .tracker import rebuild


def pair_readings(db: Database, earlier: list[int], meetings: list[Meeting], bodies: list[int]) -> list[int | None]:
    """For each meeting of a new reading (of body `bodies[n]`), the earlier reading's meeting it is: one of the
    same body, kind and date, for all of them first; then, for those left, the one meeting left of the same
    kind and date (or with a date on one side only: given or found only now), whatever its body (read
    better now), where no other meeting left could be it."""
    stored = {
        i: tuple(db.execute("SELECT body_id, kind, date FROM meetings WHERE id = ?", [i]).fetchone()) for i in earlier
    }
    free = list(earlier)
    pairs: list[int | None] = [None] * len(meetings)
    for n, m in enumerate(meetings):
        hit = next((i for i in free if stored[i] == (bodies[n], m.kind, m.date)), None)
        if hit is not None:
            pairs[n] = hit
            free.remove(hit)

    def could_be(i: int, m: Meeting) -> bool:
        _, kind, day = stored[i]
        return kind == m.kind and (day == m.date or day is None or m.date is None)

    for n, m in enumerate(meetings):
        left = [i for i in free if could_be(i, m)]
        rivals = [
            k
            for k, other in enumerate(meetings)
            if k != n and pairs[k] is None and any(could_be(i, other) for i in left)
        ]
        if pairs[n] is None and len(left) == 1 and not rivals:
            pairs[n] = left[0]
            free.remove(left[0])
    return pairs


def hand_changed(db: Database, meeting_id: int) -> bool:
    """Whether a person changed one of the meeting's actions or gave a verdict on one of its records."""
    if db.execute("SELECT 1 FROM corrections WHERE meeting_id = ? LIMIT 1", [meeting_id]).fetchone():
        return True
    return bool(
        db.execute(
            "SELECT 1 FROM overrides o JOIN actions a ON a.id = o.action_id WHERE a.meeting_id = ? LIMIT 1",
            [meeting_id],
        ).fetchone()
    )


def drop_meeting(db: Database, meeting_id: int, force: bool = False) -> int | None:
    """Take away a meeting with all it holds (inside the caller's transaction), unless a person changed it and
    `force` is not given: how many actions went with it, or None where it was kept."""
    if not force and hand_changed(db, meeting_id):
        return None
    actions = [r[0] for r in db.execute("SELECT id FROM actions WHERE meeting_id = ?", [meeting_id])]
    marks = ",".join("?" * len(actions))
    if actions:
        db.execute(f"UPDATE actions SET linked_to = NULL WHERE linked_to IN ({marks})", actions)
        for table in ("action_history", "action_owners", "overrides"):
            db.execute(f"DELETE FROM {table} WHERE action_id IN ({marks})", actions)
        db.execute(f"DELETE FROM actions WHERE id IN ({marks})", actions)
    db.execute("UPDATE action_history SET meeting_id = NULL WHERE meeting_id = ?", [meeting_id])
    for table in ("attendance", "items", "resolutions", "progress", "corrections"):
        db.execute(f'DELETE FROM "{table}" WHERE meeting_id = ?', [meeting_id])
    db.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])
    return len(actions)


@dataclass
class Forgotten:
    meetings: int  # meetings removed
    kept: int  # meetings kept because a person changed them (without `force`)


def forget(db: Database, document_id: int, force: bool = False) -> Forgotten:
    """Remove a stored paper and what was read from it, in one transaction, and replay its bodies' trackers.
    Without `force` nothing goes when a person changed one of its records (the count says how many
    meetings hold such changes)."""
    db.begin()
    try:
        rows = db.execute("SELECT id, body_id FROM meetings WHERE document_id = ?", [document_id]).fetchall()
        changed = sum(hand_changed(db, meeting_id) for meeting_id, _ in rows)
        if changed and not force:
            db.rollback()
            return Forgotten(0, changed)
        for meeting_id, _ in rows:
            drop_meeting(db, meeting_id, force=True)
        db.execute("DELETE FROM documents WHERE id = ?", [document_id])
        for body in sorted({body for _, body in rows}):
            if not drop_if_empty(db, body):  # a body whose last paper this was goes with it
                settle(db, body)
                rebuild(db, body)
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return Forgotten(len(rows), 0)
