"""One person per real person within a body, across spellings: 'Clare'/'Claire', 'Cllr Smith'/'J Smith'."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from ..extract.names import initials_of, looks_like_name, strip_honorifics
from .connection import Database

# a keyboard's straight apostrophe for the curly ones papers print: 'O’Leary' is "O'Leary" typed
APOSTROPHES = {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"}
_STRAIGHT = str.maketrans(APOSTROPHES)
_UNMARKED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", **APOSTROPHES})


def fold(name: str) -> str:
    """A name as compared: case and accents aside ('Çağıl Uluşahin' is 'cagil ulusahin' typed plainly)."""
    marked = unicodedata.normalize("NFKD", name.lower().translate(_UNMARKED))
    return "".join(c for c in marked if not unicodedata.combining(c))


def typed_key(name: str) -> str:
    """A typed name as compared: titles aside in any case, spacing and apostrophes folded ('cllr  coppard' ->
    'coppard'; 'O’Leary' as "O'Leary")."""
    typed = " ".join(name.translate(_STRAIGHT).split())
    return (strip_honorifics(typed.title()) or typed).lower()


def may_be_one(a: str, b: str) -> bool:
    """Whether two names could be one person's: the same surname ('Jim Coppard', 'Cllr Coppard'), one name alone
    that begins the other's first or last ('Pete', 'Peter Haylock'), one held whole in the other ('Roz Laing',
    'Roz Laing Jackson'), one the other's initials ('J.C.'), or nearly the same spelling ('Haidy Blak').
    'Peter Oakenfull' and 'Peter Newson' could not, nor 'A Jones' and 'A Patel'."""
    one, two = ([w for w in re.findall(r"[a-z]+", fold(strip_honorifics(n) or n))] for n in (a, b))
    if not one or not two:
        return False
    if fuzz.ratio(one[-1], two[-1]) >= 85 or fuzz.ratio(" ".join(one), " ".join(two)) >= 85:
        return True
    short, long_ = sorted((one, two), key=len)
    if len(short) == 1 and len(long_) > 1 and any(w.startswith(short[0]) for w in (long_[0], long_[-1])):
        return True
    if len(short) > 1 and f" {' '.join(short)} " in f" {' '.join(long_)} ":  # 'Roz Laing', 'Roz Laing Jackson'
        return True
    letters = [re.sub(r"[^A-Za-z]", "", n) for n in (a, b)]
    return any(x.isupper() and x == initials_of(y) for x, y in ((letters[0], b), (letters[1], a)))


def _same_person(a: str, b: str) -> bool:
    """'Clare Smith'/'Claire Smith' are one person; 'M Armstrong'/'A Armstrong' are two, however alike."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    pa, pb = a.split(), b.split()
    if len(pa) > 1 and len(pb) > 1 and pa[0][0] == pb[0][0]:
        if pa[:-1] == pb[:-1] and _one_barrel(pa[-1], pb[-1]):
            return True  # 'L Kennedy' / 'L Kennedy-Dalby': a double-barrelled surname printed by its first part
        return fuzz.ratio(a, b) >= 88 and fuzz.ratio(pa[-1], pb[-1]) >= 80
    return False


def _one_barrel(a: str, b: str) -> bool:
    """'kennedy' is one barrel of 'kennedy-dalby'."""
    short, long = sorted((a, b), key=len)
    return "-" in long and short in long.split("-")


def _the_body(db: Database, body_id: int, name: str, roster: list[str]) -> bool:
    """'HPC to object': the body's own initials name the body, not a member of it, unless a member has them
    ('PC' is Peter Cox of the Parish Council)."""
    row = db.execute("SELECT initials FROM bodies WHERE id = ?", [body_id]).fetchone()
    shown = name.replace(".", "").upper()
    if not (row and row[0] and len(row[0]) >= 2 and shown == row[0].upper()):
        return False
    members = [r[0] for r in db.execute("SELECT coalesce(initials, '') FROM people WHERE body_id = ?", [body_id])]
    members += [initials_of(n) for n in roster if len(n.split()) > 1]
    return shown not in {m.upper() for m in members if m}


# owners that are groups, not a person: "Others", "EVERYONE", "All members", "TBC"
_GROUP = re.compile(r"^(?:others?|all|every(?:one|body)|any(?:one|body)|volunteers?|tbc|tbd|n/?a|none)\b", re.I)


# the people of a body together: 'Councillors', 'All members', 'the Committee', 'Everyone'
_EVERYONE = re.compile(
    r"^(?:the\s+|all\s+)?(?:councillors|cllrs|members|trustees|governors|directors|officers|committee|board|council|"
    r"all|every(?:one|body)|others?)$",
    re.I,
)


def is_group(name: str) -> bool:
    """Whether an owner is the body's people together, no one person: whoever reads for the body has it."""
    return bool(_EVERYONE.match(" ".join(name.split())))


def looks_like_person(name: str) -> bool:
    """A printed name that can be a person's: not a post ('Clerk'), a group ('All') or no name at all."""
    from ..extract.names import is_role

    name = strip_honorifics(name)
    return bool(name) and not is_role(name) and not _GROUP.match(name) and looks_like_name(name)


def person_id(
    db: Database, body_id: int, name: str, roster: list[str] = (), initials: str | None = None, create: bool = True
) -> int | None:
    """The person a printed name stands for in this body, created when new (unless not `create`); None for
    roles and groups."""
    name = strip_honorifics(name)
    if not looks_like_person(name) or _the_body(db, body_id, name, roster):
        return None  # roles, groups, places, departments ("Highways") and the body itself ("HPC") are not people
    alias = db.execute(
        "SELECT person_id FROM people_aliases WHERE body_id = ? AND lower(name) = lower(?)", [body_id, name]
    ).fetchone()
    if alias:
        return alias[0]
    rows = db.execute("SELECT id, name, initials FROM people WHERE body_id = ?", [body_id]).fetchall()
    known = _known(rows, name)
    if known is not None and create:
        _name_in_full(db, known, next(n for pid, n, _ in rows if pid == known), name)
    if known is not None or not create:
        return known
    return db.execute(
        "INSERT INTO people (body_id, name, initials) VALUES (?, ?, ?)",
        [body_id, name, initials or (initials_of(name) if len(name.split()) > 1 else None)],
    ).lastrowid


def _known(rows: list[tuple[int, str, str | None]], name: str) -> int | None:
    """Which of these (id, name, initials) people a printed name stands for, if exactly one fits."""
    for pid, known, _ in rows:
        if _same_person(known, name):
            return pid
    parts = name.split()
    if len(parts) == 1 and re.fullmatch(
        r"[A-Z][A-Z]{1,3}|[A-Z][a-z]?[A-Z][A-Za-z]{0,2}", name
    ):  # "JS", "AHop"; not "Ed"
        fits = [pid for pid, known, ini in rows if (ini or initials_of(known)).lower() == name.lower()]
        if len(fits) == 1:
            return fits[0]
    if len(parts) == 1:  # "Jane": the one person of that first name who has attended
        firsts = [pid for pid, known, _ in rows if len(known.split()) > 1 and fold(known.split()[0]) == fold(name)]
        if len(firsts) == 1:
            return firsts[0]
    if len(parts) > 1 and len(parts[0]) > 1:  # 'Trudy Dean' where the roll printed 'T Dean' (or 'J A Kite')
        fits = [pid for pid, known, _ in rows if _initialled(known) and _initial_and_surname(known, name)]
        if len(fits) == 1:
            return fits[0]
    surname_fits = [
        pid
        for pid, known, _ in rows
        if (fold(known.split()[-1]) == fold(parts[-1]) if len(parts) == 1 else _initial_and_surname(name, known))
    ]
    if len(surname_fits) == 1 and (len(parts) == 1 or len(parts[0].rstrip(".")) == 1):
        return surname_fits[0]
    return None


def _initialled(name: str) -> bool:
    """'T Dean', 'J. A. Kite': initials and a surname."""
    parts = name.split()
    return len(parts) > 1 and all(len(p.rstrip(".")) == 1 for p in parts[:-1])


def _initial_and_surname(short: str, full: str) -> bool:
    """The same first letter and surname, one letter's slip aside in a long one ('R MacCallam' / 'Rhona
    MacCallum'); a surname with letters more is another ('J Harris' is not 'John Harrison')."""
    a, b = fold(short.split()[-1]), fold(full.split()[-1])
    slip = len(a) == len(b) >= 6 and sum(x != y for x, y in zip(a, b, strict=True)) == 1
    return fold(short)[0] == fold(full)[0] and (a == b or slip)


def _name_in_full(db: Database, pid: int, stored: str, name: str) -> None:
    """A person first printed by initials takes the full name a later paper gives ('T Dean' -> 'Trudy Dean');
    the short form still finds them (initial and surname), and a 'Tom Dean' is never taken for them."""
    if _initialled(stored) and not _initialled(name) and _initial_and_surname(stored, name):
        db.execute("UPDATE people SET name = ?, initials = ? WHERE id = ?", [name, initials_of(name), pid])


def settle(db: Database, body_id: int) -> None:
    """A short name stored before the roll that explains it ('AS' owning an action, then a later-stored paper
    listing 'Alan Smith (AS)') joins that person, as it would had the roll been stored first.

    Only people who never appear in an attendance list are joined, and only to one who does. No alias is
    kept: a later paper whose own roll gives 'AS' to someone else is read by that roll."""
    rows = db.execute("SELECT id, name, initials FROM people WHERE body_id = ?", [body_id]).fetchall()
    attended = {
        r[0]
        for r in db.execute(
            "SELECT DISTINCT t.person_id FROM attendance t JOIN people p ON p.id = t.person_id WHERE p.body_id = ?",
            [body_id],
        )
    }
    roll = [row for row in rows if row[0] in attended]
    for pid, name, _ in rows:
        if pid in attended or len(name.split()) > 1:
            continue
        keep = _known(roll, name)
        if keep is not None:
            join(db, keep, pid, alias=False)


def join(db: Database, keep: int, other: int, alias: bool = True) -> None:
    """Make `other` one person with `keep` (inside the caller's transaction): its records move; with `alias`
    (a person's own merge) its name stays as an alias, so the papers that print it find `keep` from now on."""
    if alias:
        row = db.execute("SELECT body_id, name FROM people WHERE id = ?", [other]).fetchone()
        db.execute(
            "INSERT INTO people_aliases (body_id, name, person_id) VALUES (?, ?, ?) "
            "ON CONFLICT (body_id, name) DO UPDATE SET person_id = excluded.person_id",
            [row[0], row[1], keep],
        )
    db.execute("UPDATE people_aliases SET person_id = ? WHERE person_id = ?", [keep, other])
    for table in ("attendance", "action_owners"):
        db.execute(f"UPDATE {table} SET person_id = ? WHERE person_id = ?", [keep, other])
    db.execute("DELETE FROM people WHERE id = ?", [other])
