"""One body across the ways its papers name it: a registry of bodies and the other names they go by.

Committees write their own names several ways ("Finance and General Purposes Committee", "F&GP
Committee"); a society's committee and a one-off meeting of the same people are one body. A paper's
body is found by its exact name or a known other name first, then by evidence that it is a body
already stored: the same initials, or a name nearly the same, within the same organisation; or a
similar name with most of the same people attending. Each match is remembered as another name, and
`minutes bodies merge` joins two bodies by hand, remembered the same way for every later paper.
"""

from __future__ import annotations

import re
from datetime import date

from rapidfuzz import fuzz

from .connection import Database
from .queries import body_key

SAME_NAME = 90  # token-set similarity of two names at which, in one organisation, they are one body
SHARED_NAME = 60  # ... at which most of the same people attending makes them one body
SHARED_PEOPLE = 0.6  # share of a meeting's attendees already known to the body
_SMALL = {"and", "of", "the", "for", "&", "to", "on", "in"}


class BodyError(ValueError):
    """A body that cannot be found or merged, in one line."""


def acronym(name: str) -> str:
    """'Finance and General Purposes Committee' -> 'fgpc'; 'F&GP Committee' -> 'fgpc'."""
    letters = []
    for word in re.findall(r"[A-Za-z][A-Za-z&]*", name):
        if word.lower() in _SMALL:
            continue
        parts = [p for p in word.split("&") if p]
        if word.isupper() and len(word) <= 6:
            letters.append("".join(p for p in parts))  # "F&GP" is already initials
        else:
            letters.append(word[0])
    return "".join(letters).lower()


def resolve(
    db: Database, name: str, organisation: str | None, attendees: list[str] = (), day: str | None = None
) -> int | None:
    """The stored body a paper's name means, or None for a new body.

    A name alone does not make one body of two: 'Parish Council' heads many councils' minutes, so a paper
    hardly any of whose attendees the body has seen is another body of that name ('Parish Council (2)'),
    unless a person joined the names by hand. Nor does a bare 'Committee' join a body where either side names
    no one who attends, without the meeting's `day` in common."""
    key = body_key(name)
    for body_id, by_hand in db.execute(
        "SELECT id, 0 FROM bodies WHERE key = ? UNION ALL SELECT body_id, by_hand FROM body_aliases WHERE key = ?",
        [key, key],
    ).fetchall():
        if by_hand or not _apart(db, body_id, name, attendees, day):
            return body_id
    for body_id, other in db.execute("SELECT id, name FROM bodies WHERE key LIKE ?", [f"{key} %"]).fetchall():
        numbered = re.fullmatch(r"(.+) \(\d+\)", other)  # a name free_name gave, not 'Area Committee 2'
        if numbered and body_key(numbered.group(1)) == key and not _apart(db, body_id, name, attendees, day):
            return body_id  # 'Parish Council (2)': the second council of that name, met again
    # 'County Council' on the agenda of the council whose minutes say 'Kent County Council', and the other way
    # round (the stored bare body then takes the fuller name); an agenda names no one to tell them apart by
    for way in (_the_one_ending_so, _the_one_it_ends_in):
        found = way(db, name, organisation, attendees)
        if found is not None:
            return found
    for body_id, other, org in db.execute("SELECT id, name, organisation FROM bodies").fetchall():
        if organisation and org and body_key(organisation) != body_key(org):
            continue  # another organisation's committee, however alike the names
        if _same_body(db, body_id, name, other, attendees, same_org=bool(organisation and org)):
            if _initials_of(other, name) and not _named_by_hand(db, other):
                _rename(db, body_id, name, organisation or org)  # 'ODUG', first met on its action log, in full
            else:
                _also_called(db, key, body_id)
            return body_id
    return None


def _the_one_ending_so(db: Database, name: str, organisation: str | None, attendees: list[str]) -> int | None:
    """The one stored body that is an organisation whose name ends in a paper's bare kind of body ('Kent County
    Council' for an agenda's 'County Council'), where the paper names no organisation; None where none or
    several are. A committee is never found so: 'Appeals Committee' is not 'Planning Appeals Committee'."""
    key = body_key(name)
    if organisation or len(key.split()) < 2 or not _bare_kind(name):
        return None
    rows = db.execute(
        "SELECT id, key, organisation FROM bodies WHERE key LIKE ? AND organisation IS NOT NULL", [f"% {key}"]
    ).fetchall()
    whole = [r[0] for r in rows if body_key(r[2]) == r[1]]  # the body is its organisation: 'Kent County Council'
    if len(whole) != 1 or strangers(db, whole[0], attendees):
        return None
    _also_called(db, key, whole[0])
    return whole[0]


def _the_one_it_ends_in(db: Database, name: str, organisation: str | None, attendees: list[str]) -> int | None:
    """The one stored body of a bare kind ('County Council', no organisation known) that a paper naming itself
    as its organisation ('Kent County Council') ends in: it takes that fuller name. Not where the fuller name
    is already another body's, nor where a person named the stored body (ingest --body)."""
    key = body_key(name)
    if not organisation or body_key(organisation) != key or len(key.split()) < 3:
        return None
    if db.execute(
        "SELECT 1 FROM bodies WHERE key = ? UNION ALL SELECT 1 FROM body_aliases WHERE key = ?", [key, key]
    ).fetchone():
        return None
    rows = db.execute("SELECT id, name FROM bodies WHERE organisation IS NULL AND ? LIKE '% ' || key", [key]).fetchall()
    bare = [(pid, stored) for pid, stored in rows if _bare_kind(stored) and not _named_by_hand(db, stored)]
    if len(bare) != 1 or strangers(db, bare[0][0], attendees):
        return None
    _rename(db, bare[0][0], name, organisation)
    return bare[0][0]


def _apart(db: Database, body_id: int, name: str, attendees: list[str], day: str | None) -> bool:
    """Whether a paper of a body's name is nevertheless another body's: strangers attend, or nothing but a bare
    name ties them."""
    return strangers(db, body_id, attendees) or _unproven(db, body_id, name, attendees, day)


def _unproven(db: Database, body_id: int, name: str, attendees: list[str], day: str | None) -> bool:
    """A bare kind of body ('Committee', 'AGM', no organisation) where the paper or the body names no one who
    attends: an agenda's 'Committee' and another society's minutes headed 'Committee', or two societies'
    AGM agendas, share nothing but the word. The same meeting's day (an agenda and its minutes), the day
    the body's minutes named for its next meeting, or a day within weeks of one of its meetings (the next
    meeting's agenda) shows they are one body."""
    row = db.execute("SELECT organisation FROM bodies WHERE id = ?", [body_id]).fetchone()
    if not _bare_kind(name) or (row and row[0]) or (attendees and _attended(db, body_id)):
        return False  # an organisation, or people on both sides to tell by
    if not db.execute("SELECT 1 FROM meetings WHERE body_id = ? LIMIT 1", [body_id]).fetchone():
        return False  # a body whose papers are all gone holds nothing another body's paper could be mixed with
    if day is None:
        return True
    if db.execute(
        "SELECT 1 FROM meetings WHERE body_id = ? AND (date = ? OR next_date = ?) LIMIT 1", [body_id, day, day]
    ).fetchone():
        return False
    held = [
        date.fromisoformat(r[0])
        for r in db.execute("SELECT date FROM meetings WHERE body_id = ? AND date IS NOT NULL", [body_id])
    ]
    gaps = [abs((date.fromisoformat(day) - d).days) for d in held]  # papers come in any order
    return not gaps or min(gaps) > NEXT_MEETING_DAYS


def _attended(db: Database, body_id: int) -> bool:
    """Whether any of the body's papers says who attended."""
    sql = "SELECT 1 FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE m.body_id = ? LIMIT 1"
    return db.execute(sql, [body_id]).fetchone() is not None


def _bare_kind(name: str) -> bool:
    """'County Council', 'Parish Council', 'Board', 'Cabinet': a kind of body, naming no body in particular."""
    from ..extract.header import GENERIC

    return bool(GENERIC.match(name.strip())) or body_key(name) == "cabinet"


def _named_by_hand(db: Database, name: str) -> bool:
    """Whether a person gave this body's name at ingest (--body)."""
    key = body_key(name)
    return any(body_key(r[0]) == key for r in db.execute("SELECT DISTINCT body FROM documents WHERE body IS NOT NULL"))


def _also_called(db: Database, key: str, body_id: int) -> None:
    """Remember a name a body's papers also use (found, not given by a person)."""
    db.execute(
        "INSERT INTO body_aliases (key, body_id, by_hand) VALUES (?, ?, 0) ON CONFLICT (key) DO NOTHING",
        [key, body_id],
    )


def _rename(db: Database, body_id: int, name: str, organisation: str | None) -> None:
    """Give a body the fuller name a later paper uses; its old name stays one of its names (its references
    keep their initials)."""
    (old,) = db.execute("SELECT key FROM bodies WHERE id = ?", [body_id]).fetchone()
    _also_called(db, old, body_id)
    db.execute(
        "UPDATE bodies SET name = ?, key = ?, organisation = ? WHERE id = ?",
        [name, body_key(name), organisation, body_id],
    )


NEXT_MEETING_DAYS = 45  # a paper this near one of a body's meetings, before or after, may be the next one's
STRANGERS = 3  # attendees a paper and a body must each have before the one can be a stranger to the other
SHARED = 0.2  # ... and the share of the paper's attendees the body must know, below which it is another body


def strangers(db: Database, body_id: int, attendees: list[str]) -> bool:
    """Whether a paper's attendees are people a body that knows its own has hardly ever seen: several present,
    under a fifth of them known by surname or (for a list of first names) first name. A body's membership
    changes by a few at a time, not all at once."""
    rows = db.execute(
        "SELECT DISTINCT a.name FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE m.body_id = ?",
        [body_id],
    ).fetchall()
    return known_share(attendees, [r[0] for r in rows]) < SHARED


def known_share(these: list[str], those: list[str], least: int = STRANGERS) -> float:
    """The share of `these` people whom `those` name too, by surname or first name, accents aside; 1.0 where
    either list has fewer than `least` names to tell by."""
    from .people import fold

    names = [fold(n).split() for n in these if n.split()]
    known = [fold(n).split() for n in those if n.split()]
    if len(names) < least or len(known) < least:
        return 1.0
    words = {w for k in known for w in (k[0], k[-1])}
    return sum(n[-1] in words or n[0] in words for n in names) / len(names)


def free_name(db: Database, name: str) -> str:
    """A name no body has yet: 'Parish Council', else 'Parish Council (2)', '(3)' ..."""
    taken = {r[0] for r in db.execute("SELECT key FROM bodies UNION SELECT key FROM body_aliases")}
    n = 1
    candidate = name
    while body_key(candidate) in taken:
        n += 1
        candidate = f"{name} ({n})"
    return candidate


_GENERIC = {"committee", "council", "board", "meeting", "minutes", "group", "forum", "parish", "town", "sub", "panel"}


def _distinct(name: str) -> set[str]:
    """The words that tell one body from another: 'Finance' in 'Finance Committee', not 'Committee'."""
    return {w for w in body_key(name).split() if w not in _GENERIC and w not in _SMALL}


def _initials_of(name: str, other: str) -> bool:
    """One name is the other's initials: 'F&GP Committee' for 'Finance and General Purposes Committee'."""
    short = [w for w in re.findall(r"[A-Za-z][A-Za-z&]*", name) if w.lower() not in _SMALL]
    return any(w.isupper() and len(w) >= 2 for w in short) and acronym(name) == acronym(other)


def _same_body(db: Database, body_id: int, name: str, other: str, attendees: list[str], same_org: bool) -> bool:
    mine, theirs = _distinct(name), _distinct(other)
    initials = _initials_of(name, other) or _initials_of(other, name)
    if same_org and initials:
        return len(acronym(name)) >= 3
    # 'ODUG' for 'Open Data User Group': four initials or more are evidence enough where a paper names too few
    # people to tell by (an agenda); where it names people, most must be the body's
    if initials and len(acronym(name)) >= 4:  # ... or where the body knows no one yet (its action log came first)
        return len(attendees) < 3 or not _has_people(db, body_id) or _knows(db, body_id, attendees)
    if mine and theirs and not mine & theirs:
        return False  # "Standing Committee" and "Executive Committee" are two bodies, whoever attends
    # word order and spelling may differ, but not the words that tell two bodies apart: "Planning Committee"
    # is not "Planning Appeals Committee"
    similar = fuzz.token_sort_ratio(" ".join(sorted(mine)), " ".join(sorted(theirs))) if mine and theirs else 0
    if same_org and similar >= SAME_NAME:
        return True
    if similar < SHARED_NAME or len(attendees) < 3:
        return False
    return _knows(db, body_id, attendees)


def _has_people(db: Database, body_id: int) -> bool:
    """Whether the body knows who attends: a person on a roll, not only an owner named in an action log."""
    row = db.execute(
        "SELECT 1 FROM people p WHERE p.body_id = ? AND (EXISTS (SELECT 1 FROM attendance a WHERE a.person_id = p.id) "
        "OR NOT EXISTS (SELECT 1 FROM action_owners o WHERE o.person_id = p.id)) LIMIT 1",
        [body_id],
    ).fetchone()
    return row is not None


def _knows(db: Database, body_id: int, attendees: list[str]) -> bool:
    """Whether most of a paper's attendees are the body's people already."""
    known = {r[0].lower() for r in db.execute("SELECT name FROM people WHERE body_id = ?", [body_id])}
    return sum(a.lower() in known for a in attendees) / len(attendees) >= SHARED_PEOPLE


def listing(db: Database) -> list[dict]:
    """Every body with its other names, organisation and meetings."""
    rows = db.execute(
        "SELECT b.id, b.name, b.organisation, count(m.id), min(m.date), max(m.date), "
        "(SELECT group_concat(key, '; ') FROM body_aliases a WHERE a.body_id = b.id) "
        "FROM bodies b LEFT JOIN meetings m ON m.body_id = b.id GROUP BY b.id ORDER BY b.name"
    ).fetchall()
    keys = ("id", "name", "organisation", "meetings", "first", "last", "other_names")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def find(db: Database, given: str) -> dict:
    """A body by id, name or other name."""
    if given.isdigit():
        row = db.execute("SELECT id, name FROM bodies WHERE id = ?", [int(given)]).fetchone()
    else:
        key = body_key(given)
        row = db.execute(
            "SELECT id, name FROM bodies WHERE key = ? UNION ALL "
            "SELECT b.id, b.name FROM body_aliases a JOIN bodies b ON b.id = a.body_id WHERE a.key = ?",
            [key, key],
        ).fetchone()
    if row is None:
        raise BodyError(f"no body called {given!r}; `minutes bodies` lists them")
    return {"id": row[0], "name": row[1]}


def merge(db: Database, keep: int, other: int) -> None:
    """Fold body `other` into `keep`: its meetings and people move, its names become `keep`'s other names."""
    if keep == other:
        raise BodyError("merge two different bodies")
    db.begin()
    try:
        (key,) = db.execute("SELECT key FROM bodies WHERE id = ?", [other]).fetchone()
        db.execute(
            "INSERT INTO body_aliases (key, body_id, by_hand) VALUES (?, ?, 1) "
            "ON CONFLICT (key) DO UPDATE SET body_id = excluded.body_id, by_hand = 1",
            [key, keep],
        )
        db.execute("UPDATE body_aliases SET body_id = ? WHERE body_id = ?", [keep, other])
        db.execute("UPDATE meetings SET body_id = ? WHERE body_id = ?", [keep, other])
        _move_people(db, keep, other)
        db.execute("DELETE FROM bodies WHERE id = ?", [other])
        db.execute("UPDATE bodies SET stale = 1 WHERE id = ?", [keep])
        db.commit()
    except BaseException:
        db.rollback()
        raise


def rename(db: Database, body_id: int, name: str) -> str:
    """Give a body the name a person types ('Wye Valley Community Council' for a paper's bare 'Council'). Its
    old name stays one of its other names, found as any name is (a stranger's paper of that name is not it);
    its references keep their letters. Returns the old name."""
    key = body_key(name)
    if not key:
        raise BodyError("give the body's new name")
    clash = db.execute(
        "SELECT name FROM bodies WHERE key = ? AND id != ? UNION ALL "
        "SELECT b.name FROM body_aliases a JOIN bodies b ON b.id = a.body_id WHERE a.key = ? AND a.body_id != ?",
        [key, body_id, key, body_id],
    ).fetchone()
    old = db.execute("SELECT name FROM bodies WHERE id = ?", [body_id]).fetchone()[0]
    if clash:
        raise BodyError(
            f"{name!r} names another body ({clash[0]}); join the two: minutes bodies merge '{clash[0]}' '{old}'"
        )
    db.begin()
    try:
        _also_called(db, body_key(old), body_id)
        db.execute("DELETE FROM body_aliases WHERE key = ? AND body_id = ?", [key, body_id])
        db.execute("UPDATE bodies SET name = ?, key = ? WHERE id = ?", [name.strip(), key, body_id])
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return old


def drop_if_empty(db: Database, body_id: int) -> bool:
    """A body none of whose meetings is stored any more (its papers forgotten, or read again under --body) goes,
    with the people only its papers named; one a person merged by hand, or whose people they merged, stays."""
    if db.execute("SELECT 1 FROM meetings WHERE body_id = ? LIMIT 1", [body_id]).fetchone():
        return False
    if db.execute("SELECT 1 FROM body_aliases WHERE body_id = ? AND by_hand = 1 LIMIT 1", [body_id]).fetchone():
        return False
    if db.execute("SELECT 1 FROM people_aliases WHERE body_id = ? LIMIT 1", [body_id]).fetchone():
        return False  # a person joined two of its people by hand: kept for the papers that come again
    people = "SELECT id FROM people WHERE body_id = ?"
    if db.execute(f"SELECT 1 FROM action_owners WHERE person_id IN ({people}) LIMIT 1", [body_id]).fetchone():
        return False  # an owner set by hand on another body's action: keep the person, and so the body
    db.execute("DELETE FROM people WHERE body_id = ?", [body_id])
    db.execute("DELETE FROM body_aliases WHERE body_id = ?", [body_id])
    db.execute("DELETE FROM bodies WHERE id = ?", [body_id])
    return True


def _move_people(db: Database, keep: int, other: int) -> None:
    """People of `other` join `keep`: one record per name, the other's record folded into the kept one."""
    kept = {name.lower(): pid for pid, name in db.execute("SELECT id, name FROM people WHERE body_id = ?", [keep])}
    for pid, name in db.execute("SELECT id, name FROM people WHERE body_id = ?", [other]).fetchall():
        same = kept.get(name.lower())
        if same is None:
            db.execute("UPDATE people SET body_id = ? WHERE id = ?", [keep, pid])
            continue
        for table in ("attendance", "action_owners", "people_aliases"):
            db.execute(f"UPDATE {table} SET person_id = ? WHERE person_id = ?", [same, pid])
        db.execute("DELETE FROM people WHERE id = ?", [pid])
    aliases = db.execute("SELECT name, person_id FROM people_aliases WHERE body_id = ?", [other]).fetchall()
    for name, pid in aliases:
        sql = (
            "INSERT INTO people_aliases (body_id, name, person_id) VALUES (?, ?, ?) "
            "ON CONFLICT (body_id, name) DO UPDATE SET person_id = excluded.person_id"
        )
        db.execute(sql, [keep, name, pid])
    db.execute("DELETE FROM people_aliases WHERE body_id = ?", [other])
