"""Who attended, who sent apologies, who was absent, in the forms minutes use.

Attendance sits under labels ("Present:", "Members present", "Officers in
attendance", "Observers", "Apologies", "Absent", "ROLL CALL"), in two-column
tables, in runs of names with initials, schools or roles in brackets, and in
sentences ("Apologies were received from X and Y").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .blocks import TITLES, Block, sentences
from .model import Attendee
from .names import (
    BUSINESS_OPENERS,
    FOOTNOTE_MARK,
    HONORIFIC,
    PARTICLES,
    given_name,
    is_organisation,
    is_role,
    looks_like_name,
    strip_honorifics,
)

# label -> (status, category)
_LABELS: list[tuple[re.Pattern, str, str | None]] = [
    (
        re.compile(
            r"^(?:apologies|apologies for absence|apologies received|apologies were received from|"
            r"apologies (?:for absence )?(?:were )?received from|sent apologies)\b",
            re.I,
        ),
        "apologies",
        None,
    ),
    (
        re.compile(r"^(?:members? absent|absent|not present|not attending|absences?|excused(?: absences?)?)\b", re.I),
        "absent",
        None,
    ),
    (
        re.compile(
            r"^(?:officers?(?: in attendance| present)?|(?:management\s+(?:and|&)\s+)?staff(?: present)?|"
            r"in attendance|clerk(?:ed by)?|"
            r"minute[- ]?taker|minutes taken by|officers? attending|council officers|support officers?|secretariat|"
            r"officials(?: present| in attendance)?)\b",
            re.I,
        ),
        "present",
        "officer",
    ),
    (
        re.compile(
            r"^(?:observers?|observing|also (?:present|attending|in attendance)|guests?|visitors?|invited|"
            r"members of the public|public)\b",
            re.I,
        ),
        "present",
        "observer",
    ),
    (
        re.compile(
            r"^(?:(?:[A-Za-z]+\s+)?(?:members?|councillors|governors|trustees|directors|commissioners)\s+"
            r"present|present|(?:[a-z]+\s+)?attendees|attendance|attending|"
            r"attended(?:\s+(?:in person|online|remotely))?(?=\s*:)|roll call|chaired by|in the chair|"
            r"voting members|participants|those present|"
            r"(?:voting\s+)?(?:governor|member|board|trustee|councillor)s?\s+attendance|record of attendance|"
            r"non-voting members|(?:board|committee|panel|council|executive)\s+members|members|councillors|governors|"
            r"trustees|directors|panel(?=\s*:))\b",
            re.I,
        ),
        "present",
        "member",
    ),
]
_LABEL_INSIDE = re.compile(
    r"(?<=[.;])\s+(?=(?:present|also present|absent|excused(?: absences?)?|apologies|in attendance)\s*:)", re.I
)
_GROUP = re.compile(
    r"^((?:[A-Z][\w\-]*\s+){0,3}(?:Members?|Representatives?|Governors?|Councillors|Trustees))\s+(?=[A-Z])"
)
# 'Mr. Beaney', 'Messrs. B. Mooney & C. Williams' go on
_AFTER_TITLE = "".join(rf"(?<!\b{title})" for title in TITLES)
_SENTENCE_END = rf"(?:{_AFTER_TITLE}(?<!\b[A-Z])\.\s|\.$|$)"
_APOLOGY_SENTENCE = re.compile(
    r"(?<!\bno )apologies(?: for (absence|lateness|late arrival))?[:\s]+(?:(?:were|was|had been|have been)\s+)?"
    rf"(?:received|given|noted|accepted|tendered|submitted|sent)\s+(?:from|by)\s+(.+?){_SENTENCE_END}",
    re.I,
)
# "The Democratic Services Manager reported apologies from Mr Beaney, ...", "There was an apology from Cllr
# Shobha Edgell": the apologies the meeting was given
_APOLOGIES_FROM = re.compile(
    r"\b(?:reported|received|noted|accepted|there\s+(?:was|were))\s+(?:the\s+|an\s+)?"
    r"apolog(?:y|ies)(?: for (absence|lateness|late arrival))?\s+"
    rf"from\s+(.+?){_SENTENCE_END}",
    re.I,
)
_EDITORIAL = re.compile(r"\s*\[(?:note|n\.?b\.?)\b[^\]]*\]", re.I)  # "[Note: The meeting was held via Zoom]"
_PRESENT_SENTENCE = re.compile(r"^(.+?)\s+(?:were|was)\s+(?:in attendance|present)\b", re.I)
ABSENT_SENTENCE = re.compile(r"^(.+?)\s+(?:was|were)\s+absent\b", re.I)
# "Board members present were Trustee Elton, ...", "Board members in attendance were: J. Margo Clark, ..."
_PRESENT_WERE = re.compile(
    r"\b(?:members|trustees|directors|councillors|governors|those)\s+(?:present|in attendance|attending)\s+"
    r"(?:were|was|included)\s*:?\s+(?=[A-Z])(.+?)\.?$",
    re.I,
)
_NONE = re.compile(r"^(?:none|nil|no apologies|none received|there were none|n/a)\b", re.I)
_ROLE_WORDS = re.compile(
    r"\b(?:chair\w*|vice|clerk|secretary|treasurer|director|head|manager|officer|lead|accountant|governor|"
    r"councillor|member|trustee|president|librarian|minut\w*|scribe|coordinator|advis[eo]r|consultant|"
    r"executive|principal|headteacher|teacher|representative|parent|staff|co-opted|foundation|associate|"
    r"mayor|attorney|engineer|planner|assistant|deputy|specialist|analyst|partner|founder|ex officio|nurse|"
    r"guardian|chief|commissioner|inspector|auditor|solicitor|liaison|support|volunteer|rfo|cfo|ceo|at[- ]large)\b",
    re.I,
)
# "Linux Foundation", "Epic Games, Inc.": an organisation's name ends so, whatever role word it holds
_ORGANISATION_END = re.compile(
    r"\b(?:foundation|inc|ltd|limited|llc|plc|corporation|company|university|college|association|society)\.?$", re.I
)
_ORGANISATION_WORD = re.compile(
    r"\b(?:university|college|institute|school|academy|foundation|association|society)\b", re.I
)
# after "Name, ": a public body's own last word ('Home Office', 'Metropolitan Police Service'); a role before it
# ('Head of Service') has been ruled out by then
_PUBLIC_BODY_END = re.compile(r"\b(?:office|service|authority|ministry|department|agency)$", re.I)
_TRAILING_BRACKET = re.compile(r"\s*\(([^()]*)\)\s*$")  # "Ministry of Justice (Secretary)", "Clerk (minutes)"
_LATE = re.compile(r"\b(?:arrived|entered|joined|left|departed|from item|until item|late|leaving)\b", re.I)


def label_of(text: str) -> tuple[str, str | None, str] | None:
    """(status, category, rest of the text) when the text starts with an attendance label."""
    for pattern, status, category in _LABELS:
        m = pattern.match(text.strip())
        if m:
            rest = text.strip()[m.end() :]
            # "Present" must stand as a label, not open a word ("Presentation ...")
            if rest and rest[0].isalnum() and status != "apologies" and not re.match(r"^\s", rest):
                return None
            return status, category, re.sub(r"^\s*(?:[:;,.\-–]+|from\b|were\b)\s*", "", rest).strip()  # "Apologies::"
    return None


def _split_outside_brackets(text: str, separators: str) -> list[str]:
    parts, depth, current = [], 0, ""
    pattern = re.compile(separators)
    i = 0
    while i < len(text):
        ch = text[i]
        depth += ch in "([" and 1 or 0
        depth -= ch in ")]" and 1 or 0
        if depth == 0:
            m = pattern.match(text, i)  # matched in place, so '\band\b' sees the 'Portl' before 'and'
            if m:
                i = m.end()
                parts.append(current)
                current = ""
                continue
        current += ch
        i += 1
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


_NAME_PARTICLES = frozenset("and to of de van von der den la le du da di y".split())  # noqa: SIM905


def _is_prose(text: str) -> bool:
    """Prose rather than names: 'Hilmar calls the meeting to order at 16:04 UTC', not 'Tinka Gammel to Jeanne
    Banks' (a proxy) or 'Ann Lee and Bob Day'."""
    bare = re.sub(r"\([^)]*\)?", "", text)  # "Kelly Hughes (Elm Walk – arrived 6.50pm)": notes on a name
    return sum(1 for w in re.findall(r"\b[a-z]+\b", bare) if w not in _NAME_PARTICLES) >= 2


def _names_in_run(run: str) -> list[str]:
    """'Jacqueline Munroe Freddie Adu' -> two names; 'D Richardson R Healey' -> two names; 'N J D Chard' -> one."""
    run = HONORIFIC.sub("", run.strip())
    tokens = _glue_particles([t for t in run.split() if t])
    if not tokens:
        return []
    if len(tokens) <= 2:
        return [" ".join(tokens)]
    names: list[list[str]] = []
    for token in tokens:  # initials run on to the surname after them: "N J D Chard" is one name
        if names and re.fullmatch(r"[A-Z]\.?", names[-1][-1]):
            names[-1].append(token)
        else:
            names.append([token])
    if all(len(n) == 2 for n in names):
        return [" ".join(n) for n in names]
    flat = tokens
    if len(flat) % 2 == 0 and all(len(n) == 1 for n in names):
        return [" ".join(flat[k : k + 2]) for k in range(0, len(flat), 2)]
    if len(flat) == 3:
        return [" ".join(flat)]
    return [" ".join(n) for n in _regroup(names)]


_SURNAME_PARTICLES = _NAME_PARTICLES - {"and", "to", "y"}


def _glue_particles(tokens: list[str]) -> list[str]:
    """'van der Berg', 'de Smid': a lower-case particle belongs to the surname after it, one token with it."""
    out: list[str] = []
    pending: list[str] = []
    for token in tokens:
        if token in _SURNAME_PARTICLES:
            pending.append(token)
            continue
        out.append(" ".join([*pending, token]))
        pending = []
    return out + pending


def _regroup(names: list[list[str]]) -> list[list[str]]:
    out: list[list[str]] = []
    for n in names:
        if out and len(out[-1]) == 1 and not re.fullmatch(r"[A-Z]\.?", out[-1][0]):
            out[-1].extend(n)
        else:
            out.append(list(n))
    return out


_INLINE_ROLE = re.compile(
    r"(?<!Vice)(?<!Deputy)\s+(?=(?:the\s+)?"
    r"(?:Clerk|Chair(?:man|person)?|Vice[- ]Chair|Deputy Mayor|Treasurer|Secretary|Mayor)"
    r"\s+[A-Z])"
)
_ORG_DASH = re.compile(r"\s+(?=[A-Z]{2,6}\s+[-–]\s+[A-Z])")


def parse_people(text: str, category: str | None) -> list[dict]:
    """People in a list: names with initials, schools or roles in brackets or after dashes."""
    text = _EDITORIAL.sub("", re.sub(r"\s+", " ", text)).strip().rstrip(".")
    text = FOOTNOTE_MARK.sub("", text)
    text = re.sub(r"\s+[-–]\s*\d{1,2}\.?$", "", text)  # "... and Mayor Ezzy Ashcraft – 5": the count present
    text = re.sub(r"^\d{1,3}[.)]\s+(?=[A-Z])", "", text)  # "1. Robert Surton": a numbered roll's number
    text = re.sub(r"\s*\(?(?<![\w.])@[\w.\-]+\)?", "", text)  # "James Snell @jasnell", "Joe Sepi (@joesepi)": handles
    text = re.sub(r"(?<=\w)/\s+(?=[A-Z])", " / ", text)  # "Mr J Kinnear/ Ms R Hay": two people, as with spaces
    text = re.sub(r"(?<=[a-z])(?:-\s+|\s+-)(?=[A-Z][a-z])", "-", text)  # "L Kennedy- Dalby": one double-barrelled name
    text = _ORG_DASH.sub(", ", _INLINE_ROLE.sub(", ", text))
    people: list[dict] = []
    # "...; Secretary, James Trammell, and At Large, Charlie Simons": the last entry after ", and"
    entries = (
        [e.strip() for part in text.split(";") for e in _last_entry_split(part) if e.strip()] if ";" in text else []
    )
    if len(entries) >= 2 and sum("," in e for e in entries) >= len(entries) - 1:
        return _names_with_posts(entries, category)
    pair = _name_and_organisation(text, category)
    if pair:
        return pair
    parts = _parts_of(text)
    for k, part in enumerate(parts):
        if people and _said_of_the_last(people[-1], part, parts[k:]):
            continue
        run_people = _people_in_part(part, category)
        if not run_people:
            run_people = _officer_by_post(part, text)
        if not run_people:
            if people and not people[-1].get("role") and (is_role(part) or _ROLE_WORDS.search(part)):
                bracket = _TRAILING_BRACKET.search(part)
                if bracket:
                    part = part[: bracket.start()]
                    _bracket(people[-1], bracket.group(1), category)
                people[-1]["role"] = part.strip()
            continue
        people.extend(run_people)
    return people


# "Irene Wong, Operations and CS Assistant, ...", "Pauline Haggar, Health and Safety Coordinator": after a name,
# one post whose words hold an 'and', not two more people
_POST_WITH_AND = re.compile(r"^(?:[A-Z][\w'’\-]*\s+)+(?:and|&)\s+(?:[A-Z][\w'’\-]*\s+)*?[A-Z]?[\w'’\-]*$")


def _said_of_the_last(person: dict, part: str, rest: list[str]) -> bool:
    """An entry that tells of the person before it, not of another: the council they are from ('A Armstrong,
    EDC'), a post ('Irene Wong, Operations and CS Assistant'), a post at a place or body; added to them."""
    if re.fullmatch(r"[A-Z]{2,6}", part) and len(person["name"].split()) > 1 and not person.get("organisation"):
        person["organisation"] = part
    elif _post_with_and(part):
        person["role"] = f"{person['role']}, {part}" if person.get("role") else part
    elif all(_describes(p) for p in rest):  # not 'Head of IT, Peter Baker': a post before a name
        _add_description(person, part)
    else:
        return False
    return True


def _post_with_and(part: str) -> bool:
    """'Operations and CS Assistant', 'Health and Safety Coordinator': a post whose words hold an 'and'; not
    'Evans and Head' (two surnames, the second a post's word) nor 'Tom and Sally Nurse' (two people)."""
    words = part.split()
    if not (words and _POST_WITH_AND.match(part) and _ROLE_WORDS.fullmatch(words[-1])) or HONORIFIC.match(part):
        return False
    before, _, after = re.split(r"\s+(and|&)\s+", part, maxsplit=1)
    if len(after.split()) < 2 or given_name(after):
        return False
    return len(before.split()) < 2 or not looks_like_name(before, allow_initials=False)


def _parts_of(text: str) -> list[str]:
    """A list's entries: split at commas and semicolons, then at 'and' / '&' except inside a post."""
    parts = []
    entries = _split_outside_brackets(text, r"\s*[,;]\s*")
    named = len(entries) > 1 and len(entries[0].split()) >= 2  # 'Irene Wong, ...': a full name, then its post
    for k, part in enumerate(entries):
        post = named and k == 1 and _post_with_and(part)
        dashes = _AFFILIATION_DASH.findall(part)
        dash = _AFFILIATION_DASH.search(part) if len(dashes) == 1 else None  # two: 'A – X and B – Y', two people
        if post:
            parts.append(part)
        elif dash:  # 'Dr Daniel Poultor – MP for Central Suffolk and North Ipswich': the 'and' is the seat's
            *names, last = _split_outside_brackets(part[: dash.start()], r"\s*(?:\band\b|&)\s*") or [""]
            parts += [*names, last + part[dash.start() :]]
        else:
            parts += _split_outside_brackets(part, r"\s*(?:\band\b|&)\s*")
    return parts


_AFFILIATION_DASH = re.compile(r"\s+[-–]\s+")  # 'Name – where they come from'; what follows is one affiliation


_THE_OFFICER = re.compile(r"^the\s+((?:deputy\s+|assistant\s+)?clerk|minute[- ]taker|secretary|treasurer)$", re.I)


def _officer_by_post(part: str, text: str) -> list[dict]:
    """'..., County Cllr Hale & the Clerk': after 'and', the clerk (or secretary) named by post is one more
    attendee, not the post of the name before."""
    officer = _THE_OFFICER.match(part)
    if not officer or not re.search(rf"(?:&|\band)\s+{re.escape(part)}", text):
        return []
    post = officer.group(1).title()
    return [{"name": post, "role": post, "category": "officer"}]


def _describes(part: str) -> bool:
    """'Facilities Manager at the Depot', 'Estates Division': after a person's name on a roll, a post with its
    place or the body they come from, not more people. 'Officers of the Council' names a group, not a post."""
    part = re.sub(r"\s*\([^()]*\)", "", part).strip()  # "from Sandra Pike (Director of ...)": a person
    if HONORIFIC.match(part) or not part[:1].isupper() or _GROUP.match(part):
        return False
    return _post_at(part) or _body(part)


_GROUP = re.compile(r"^(?:officers|members|councillors|governors|trustees|directors|staff|representatives)\b", re.I)
_DIVISION_END = re.compile(r"\b(?:division|directorate|team|unit|constabulary|police|trust|council)$", re.I)


def _post_at(part: str) -> bool:
    return bool(_ROLE_WORDS.search(part)) and bool(re.search(r"\s(?:at|of|for|in)\s", part))


def _body(part: str) -> bool:
    return bool(_ORGANISATION_END.search(part) or _PUBLIC_BODY_END.search(part) or _DIVISION_END.search(part))


def _add_description(person: dict, part: str) -> None:
    """A second description goes on with the first ('Operations Manager at the Depot, Estates Division'); a body
    named with no post before it is the organisation the person comes from."""
    role = person.get("role")
    if role:
        person["role"] = f"{role}, {part}"
    elif _post_at(part) or person.get("organisation"):
        person["role"] = part
    else:
        person["organisation"] = part


def _last_entry_split(part: str) -> list[str]:
    """'Secretary, James Trammell, and At Large, Charlie Simons' is two entries; 'Director of Parks, Recreation,
    and Cultural Services' one post: ', and' parts entries only where what follows is a pair of its own."""
    head, sep, tail = part.rpartition(", and ")
    return [head, tail] if sep and "," in tail and tail[:1].isupper() else [part]


def _names_with_posts(entries: list[str], category: str | None) -> list[dict]:
    """'Dr. Karen Lindqvist, Superintendent; Mark Delgado, Assistant Superintendent, Business Services', or the
    post first: 'Vice President, Mark Smith; Treasurer, Robin Lucie'."""
    people: list[dict] = []
    for entry in entries:
        name, _, role = entry.partition(",")
        if _post(name) and not _post(role) and looks_like_name(role.strip(), allow_initials=False):
            name, role = role, name
        found = _people_in_part(name.strip(), category)
        if len(found) == 1:
            found[0]["role"] = found[0].get("role") or role.strip() or None
            people.extend(found)
    return people


def _post(text: str) -> bool:
    """'Vice President', 'At Large': a post, where 'John Chief' or 'Sarah Partner' is a person."""
    return is_role(text.strip()) or bool(re.fullmatch(r"\s*(?:member\s+)?at[- ]large\s*", text, re.I))


def _name_and_organisation(text: str, category: str | None) -> list[dict] | None:
    """'Andrew Watson, Metropolitan Police Service': one person and the body they come from, which the
    trained model of probablepeople (or the body's own last word) tells from a second person."""
    name, comma, rest = text.partition(",")
    rest = rest.strip()
    if not comma or "," in rest or not rest or re.search(r"\band\b|&", rest):
        return None
    bracket = _TRAILING_BRACKET.search(rest)  # "Ministry of Justice (Secretary)"
    body = rest[: bracket.start()].strip() if bracket else rest
    if _ROLE_WORDS.search(body) or _is_prose(body) or "(" in body or ")" in body:
        return None  # "Andrew Hollis, Chief Executive", "Marcus Gustafsson, Minute taker": a role, read as one
    if HONORIFIC.match(body) or (bracket and re.fullmatch(r"[A-Z]{2,4}", bracket.group(1).strip())):
        return None  # "Dr Helen Price (HP)", "Cllr Eilidh Ross": a second person
    found = _people_in_part(name.strip(), category)
    if len(found) != 1 or not (
        _ORGANISATION_END.search(body) or _PUBLIC_BODY_END.search(body) or _organisation_shaped(body)
    ):
        return None
    if bracket:
        _bracket(found[0], bracket.group(1), category)
    found[0]["organisation"] = body
    return found


def _organisation_shaped(text: str) -> bool:
    """probablepeople reads 'Paulette Church' as a church: its verdict counts only where the words are not
    a name's two or so ('University of East London', 'Talk About Local', 'NACRO')."""
    return is_organisation(text) and (len(text.split()) >= 3 or not looks_like_name(text, allow_initials=False))


def _people_in_part(part: str, category: str | None) -> list[dict]:
    dash = re.match(r"^(.+?)\s+[-–]\s+(.+)$", part)
    extra = None
    joined = _name_then_organisation(part)
    if joined and not dash:
        part, extra = joined
    if dash and "(" not in dash.group(1):
        left, right = dash.groups()
        if looks_like_name(left, allow_initials=False):
            part, extra = left, right
        elif looks_like_name(right, allow_initials=False):
            part, extra = right, left
    run_people: list[dict] = []
    for piece in re.split(r"([(\[][^()\[\]]*[)\]])", part):
        piece = piece.strip()
        if not piece:
            continue
        if piece[0] in "([":
            if run_people:
                _bracket(run_people[-1], piece[1:-1].strip(), category)
            continue
        role_prefix = re.match(
            r"^((?:the\s+)?(?:clerk|chair(?:man|person)?|vice[- ]chair|deputy mayor|treasurer|secretary|mayor)\s+)"
            r"(?=[A-Z])",
            piece,
            re.I,
        )
        role = None
        if role_prefix:
            role = role_prefix.group(1).strip()
            piece = piece[role_prefix.end() :]
        for name in _names_in_run(piece):
            name = strip_honorifics(name)
            if looks_like_name(name) and not is_role(name) and not _body(name):  # not "Cambridgeshire Constabulary"
                run_people.append({"name": name, "role": role})
                role = None
    if extra and run_people:
        role = (_ROLE_WORDS.search(extra) and not _ORGANISATION_END.search(extra)) or category == "officer"
        key = "role" if role else "organisation"
        run_people[-1][key] = extra
    return run_people


def _name_then_organisation(part: str) -> tuple[str, str] | None:
    """'Robert Surton Western Oregon University': a roll that prints each person's college after the name with
    nothing between, so the words are not paired off into names ('Oregon University')."""
    words = strip_honorifics(part).split()
    if len(words) < 4 or "(" in part:
        return None
    name, rest = " ".join(words[:2]), " ".join(words[2:])
    if not _ORGANISATION_WORD.search(rest):
        return None
    return (name, rest) if looks_like_name(name, allow_initials=False) else None


def _bracket(person: dict, inner: str, category: str | None) -> None:
    """What a bracket after a name holds: initials, a role, or an organisation (school, council)."""
    if _LATE.search(inner):
        return
    if re.fullmatch(r"[A-Z]\.?", inner) and len(person["name"].split()) == 1 and inner[0] != person["name"][0]:
        person["name"] = f"{person['name']} ({inner})"  # "Collins (J)" tells two Collinses apart
        return
    if _initials_for(person["name"], inner):
        person["initials"] = inner
    elif category == "officer" or _ROLE_WORDS.search(inner):
        person["role"] = person.get("role") or inner
    else:
        person["organisation"] = inner


def _initials_for(name: str, inner: str) -> bool:
    """'(DT)' for David Thomas, '(AHop)' for Alison Hopkins: the capitals follow the name's initials."""
    if not re.fullmatch(r"[A-Z][A-Za-z]{0,4}", inner):
        return False
    capitals = [c for c in inner if c.isupper()]
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    if len(capitals) == 1:
        return inner[0] == words[0][0] and len(words) == 1
    initials = [w[0].upper() for w in words]
    surname = name.split()[-1]  # 'Ter-Minassian' gives 'T' or, part by part, 'TM'
    return capitals[0] == initials[0] and capitals[-1] in (initials[-1], surname[0].upper())


_LEGEND = re.compile(r"^(?:[A-Z✓✔x]{1,2}\s*[-–=:]\s*[A-Z][a-z]+(?:\s+[a-z]+)?[,;]?\s*){2,}$")
_MARKS = {
    "p": "present",
    "l": "present",
    "y": "present",
    "✓": "present",
    "✔": "present",
    "x": "absent",
    "a": "absent",
    "n": "absent",
    "s": "apologies",
    "ap": "apologies",
    "apol": "apologies",
}


def grid(blocks: list[Block], indexes: list[int]) -> list[tuple[str, str, Block]] | None:
    """An attendance grid (name, then one mark a meeting: P / A / S / L): the latest column applies."""
    rows: dict[int, dict[int, str]] = {}
    anchor: dict[int, Block] = {}
    for i in indexes:
        _, row, col = blocks[i].cell
        rows.setdefault(row, {})[col] = (rows.get(row, {}).get(col, "") + " " + blocks[i].text).strip()
        anchor.setdefault(row, blocks[i])
    marked = {
        r: cells
        for r, cells in rows.items()
        if looks_like_name(cells.get(0, "").title(), allow_initials=False)
        and any(c > 0 and v.lower() in _MARKS for c, v in cells.items())
    }
    if len(marked) < 2:
        return None
    column = max(c for cells in marked.values() for c, v in cells.items() if c > 0 and v.lower() in _MARKS)
    out = []
    for row, cells in sorted(marked.items()):
        mark = cells.get(column, "").lower()
        name = cells[0] if not cells[0].isupper() else cells[0].title()
        out.append((name, _MARKS.get(mark, "absent"), anchor[row]))
    return out


def attendance(blocks: list[Block], start: int, end: int) -> tuple[list[Attendee], int]:
    """Attendees from the labelled lists near the head of the minutes; returns them and the last block read.

    Reading stops at the first paragraph of prose after a list, or when no label has come within
    a dozen blocks; a table row's further cells hold the role or school of the person in its first cell.
    """
    roll = _Roll(blocks, start, end)
    for i in range(start, end):
        if not roll.read(i):
            break
    return roll.people, roll.last


@dataclass
class _Roll:
    """Reading attendance lists in order: the list being read (its status and category) and the tables met."""

    blocks: list[Block]
    start: int
    end: int
    people: list[Attendee] = field(default_factory=list)
    status: str | None = None
    category: str | None = None
    last: int = -1
    row_person: dict[tuple[int, int], Attendee] = field(default_factory=dict)
    grids_seen: set[int] = field(default_factory=set)
    column_labels: dict[tuple[int, int], tuple[str, str | None]] = field(default_factory=dict)
    grid_end: int = -1

    def __post_init__(self) -> None:
        self.last = self.start - 1

    def read(self, i: int) -> bool:
        """Read block i; False when the lists are over."""
        block = self.blocks[i]
        text = block.text.strip()
        if self.status is None and self._too_deep(i):
            return False  # attendance heads the minutes: a label deep in a long table is something else
        label = self._label(i, block, text)
        if label and (len(text.split()) <= 60 or _is_listing(text)):  # a full council's roll runs long
            self._open(i, block, label)
            return True
        if not label and self._labels_inside(i, block, text):
            return True
        if self.status is None:
            return True
        return self._entry(i, block, text)

    def _labels_inside(self, i: int, block: Block, text: str) -> bool:
        """Lists that follow a sentence in one paragraph: '... called the meeting to order at 6:08 p.m.
        Present: Members Hage, Kattouw. Excused absences: Chair Jerdonek. Also present: Secretary Chan.'"""
        opened = False
        for part in _LABEL_INSIDE.split(text)[1:]:
            label = label_of(part)
            if label:
                self._open(i, block, label)
                opened = True
        return opened

    def _too_deep(self, i: int) -> bool:
        return sum(1 for k in range(self.start, i) if self.blocks[k].cell is None) > 12 or i - self.start > 80

    def _label(self, i: int, block: Block, text: str) -> tuple[str, str | None, str] | None:
        """The attendance label a block opens with, unless the block only looks like one."""
        label = label_of(text) or _unlabelled_roster(text, self.status, i - self.start)
        if not label:
            return None
        cell = block.cell
        beside = cell is not None and cell[2] > 0 and (cell[0], cell[1]) in self.row_person
        if beside and label[2] and not parse_people(label[2], None):
            return None  # "Clerk to the Governing Body" beside a name is her role, not a new list
        item_like = label[2][:1].islower() or label[0] != "present"
        if block.heading is not None and item_like and not self._names_follow(i):
            return None  # a heading "Apologies" or "Apologies for absence and substitutions" over prose is an item
        if re.match(r"^(?:\S+\s+){0,3}?(?:were|was|had|have|has|been)\b", text, re.I):
            return None  # a sentence ("Apologies were received from ..."), read by apologies_in_text
        if text.isupper() and label[2] and len(label[2].split()) <= 2 and "," not in label[2]:
            return None  # "PUBLIC PARTICIPATION" is a heading, not a list of the public
        return label

    def _open(self, i: int, block: Block, label: tuple[str, str | None, str]) -> None:
        """A label opens a list, and may carry its first names after it."""
        self.status, self.category, rest = label
        if block.cell is not None:  # a column headed "Observers" holds observers, whatever comes before
            self.column_labels[(block.cell[0], block.cell[2])] = (self.status, self.category)
        inner = label_of(rest) if rest else None
        if inner and not re.search(r"\b(?:were|was)\b", _EDITORIAL.sub("", rest)):  # "ROLL CALL Present: ..."
            self.status, self.category, rest = inner
        self.last = i
        rest = _list_part(rest)
        if rest and not _NONE.match(rest):
            found = parse_people(rest, self.category)
            _add(self.people, found, self.status, self.category, block, f"attendance.{self.status}")

    def _entry(self, i: int, block: Block, text: str) -> bool:
        """A block inside an open list: a grid, a row's detail, a legend, a group heading or names."""
        cell = block.cell
        if cell is not None and (cell[0], cell[2]) in self.column_labels:
            self.status, self.category = self.column_labels[(cell[0], cell[2])]
        if cell is not None and cell[0] not in self.grids_seen:
            self._grid(i, cell[0])
        if cell is not None and cell[0] in self.grids_seen and self.grid_end >= 0 and i <= self.grid_end:
            return True
        if self._row_detail(i, cell, text):
            return True
        if _LEGEND.match(text):  # "P – Present  A – Absent": the key to a grid
            self.last = i
            return True
        group = _GROUP.match(text + " X")
        if group and group.end() >= len(text):  # a group heading inside the list: "Academies Members"
            self.category = "observer" if "observ" in text.lower() else self.category
            self.last = i
            return True
        if block.heading is not None and label_of(text) is None:
            return False  # '## Agenda' after the names: a marked-up heading that labels no list ends the lists
        return self._names(i, block, text)

    def _grid(self, i: int, table: int) -> None:
        """A table of names and marks (one column a meeting, 'P', 'A', 'S')."""
        self.grids_seen.add(table)
        rows = [k for k in range(i, self.end) if self.blocks[k].cell and self.blocks[k].cell[0] == table]
        found = grid(self.blocks, rows)
        if found:
            for name, mark, anchor in found:
                _add(self.people, [{"name": name}], mark, self.category, anchor, "attendance.grid")
            self.last = self.grid_end = max(rows)

    def _row_detail(self, i: int, cell: tuple[int, int, int] | None, text: str) -> bool:
        """A further cell of a person's row: their role or the school or body they represent."""
        if cell is None or cell[2] == 0 or (cell[0], cell[1]) not in self.row_person:
            return False
        role_only = all(_ROLE_WORDS.fullmatch(w.strip("-/,")) for w in text.split())  # "Parent", "Co-opted"
        if not role_only and looks_like_name(re.sub(r"\s*\([^)]*\)", "", text), allow_initials=False):
            return False
        person = self.row_person[(cell[0], cell[1])]
        detail = re.sub(r"\s*\([^)]*\)\s*$", "", text).strip()
        if detail and not person.role and (_ROLE_WORDS.search(detail) or self.category == "officer"):
            person.role = detail
        elif detail and not person.organisation:
            person.organisation = detail
        self.last = i
        return True

    def _names_follow(self, i: int) -> bool:
        """Whether the next block is a line of names, as under a group's label ('Residents:' / 'Ann Lee, ...')."""
        nxt = self.blocks[i + 1] if i + 1 < self.end else None
        if nxt is None or nxt.cell is not None or _is_prose(nxt.text):
            return False
        found = parse_people(nxt.text, None)  # a full name, or several: not a word such as 'Quorum'
        return len(found) > 1 or any(len(p["name"].split()) > 1 for p in found)

    def _not_names(self, i: int, text: str) -> bool | None:
        """Whether a line that names nobody goes on (True) or ends (False) the lists; None for a line of names."""
        if _FOOTNOTE_NOTE.match(text):
            return True  # '(*) Member present, but did not have voting rights': the note on a mark, not the end
        if _PARTICULARS_LABEL.match(text):
            return True  # 'Date and Location: July 25, 2019, Congress Center Basel, ...' between the lists names nobody
        if re.fullmatch(r"[A-Z][\w ]{2,30}:", text.strip()):
            return self._names_follow(i)  # 'Residents:' over names heads a group; 'Proxies:' over a table ends
        # "Declarations of Interest: Mr D Myles – Foodbank": the business has begun ('Minutes: Jo Smith' names the
        # minute-taker, who is on the roll)
        if _BUSINESS_LABEL.match(text) and not re.match(r"minute", text, re.I):
            return False
        return None

    def _names(self, i: int, block: Block, text: str) -> bool:
        """A line of names; False where the line shows the lists are over (a heading, prose)."""
        verdict = self._not_names(i, text)
        if verdict is not None:
            return verdict
        cell = block.cell
        category = self.category
        sub_label = re.match(r"^((?:[A-Z][\w'’\-]*\s*){1,3}):\s+(?=\S)", text)
        rest = text[sub_label.end() :] if sub_label else ""
        if sub_label and not _is_prose(rest.split(",")[0]) and parse_people(rest, category):
            text = rest  # "Residents: Maureen Clarke (Chair), ..."; not "Minutes: Hilmar calls the meeting to order"
        elif "," not in text and has_lower_word(text):
            return cell is not None  # a heading such as "Welcome and introductions" ends the lists
        group = _GROUP.match(text)
        if group:
            text = text[group.end() :]
            category = "observer" if "observ" in group.group(1).lower() else category
        if _NONE.match(text) or _LEGEND.match(text):
            self.last = i
            return True
        bare = re.sub(r"\([^)]*\)", "", text).strip()
        if cell is None and len(bare) > 3 and bare.upper() == bare and any(c.isalpha() for c in bare):
            return False  # a heading in capitals ends the lists
        if (len(text.split()) > 40 and not _is_listing(text)) or _PROSE.search(bare):
            return cell is not None
        status, text = _checkbox(text, self.status)
        text = _one_a_bullet(block, text)
        found = parse_people(text, category)
        if not found:
            return cell is not None or len(text.split()) <= 6
        self.last = i
        before = len(self.people)
        _add(self.people, found, status, category, block, f"attendance.{status}")
        if cell is not None and len(self.people) > before:
            self.row_person[(cell[0], cell[1])] = self.people[-1]
        return True


_PARTICULARS_LABEL = re.compile(
    r"^[*_]*(?:date|time|venue|place|location|where|when)(?:\s+(?:and|&)\s+(?:date|time|venue|place|location))?[*_]*\s*:",
    re.I,
)
_BUSINESS_LABEL = re.compile(rf"^{BUSINESS_OPENERS}\b[^:]{{0,40}}:", re.I)
_FOOTNOTE_NOTE = re.compile(r"^>?\s*(?:\(\s*[*†‡]+\s*\)|[†‡]+)\s+\S")  # the note a roll's mark refers to
_PROSE = re.compile(r"\b(?:was|were|said|spoke|welcomed|opened|is|are|has|have|had|will|would|reported|stated)\b")


def has_lower_word(text: str) -> bool:
    """Words in lower case before any dash: a heading or a sentence, not a name ('Bruce de Smid' is one)."""
    words = re.sub(r"\([^)]*\)?", " ", re.split(r"\s[-–]\s", text)[0]).split()
    return any(w[0].islower() for w in words if w not in _NOT_LOWER_WORDS)


_NOT_LOWER_WORDS = frozenset({"and", "&", "of", "-", "–", *PARTICLES})  # a surname's particle is part of a name


_CHECKBOX = re.compile(r"^\[([ xX✓✔]?)\]\s*")
_WITH_INITIALS = re.compile(r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)+\s*\([A-Z]{2,4}\)")


def _checkbox(text: str, status: str) -> tuple[str, str]:
    """A task list of members ("[x] Jane Doe", "[ ] Tom Lee"): ticked were present, unticked absent."""
    box = _CHECKBOX.match(text)
    if box is None:
        return status, text
    # one member a line: the name, before the seat or company after a dash or comma
    name = re.split(r"\s[-–—]\s|,", text[box.end() :])[0]
    return ("present" if box.group(1).strip() else "absent"), name


def _one_a_bullet(block: Block, text: str) -> str:
    """A bulleted list names one person a bullet: 'Jim Jeffers, Intel Corporation' is Jim Jeffers of Intel,
    read as 'Jim Jeffers – Intel Corporation'."""
    if block.indent == 0 or text.count(",") != 1 or "(" in text:
        return text
    name, rest = (part.strip() for part in text.split(","))
    if len(name.split()) >= 2 and looks_like_name(name, allow_initials=False) and rest:
        return f"{name} – {rest}"
    return text


def _unlabelled_roster(text: str, status: str | None, offset: int) -> tuple[str, str, str] | None:
    """At the head, a line of four or more "Name (INITIALS)" is the attendance, label or none."""
    if status is None and offset <= 6 and len(_WITH_INITIALS.findall(text)) >= 4 and _is_listing(text):
        return "present", "member", text
    return None


def _is_listing(text: str) -> bool:
    """A long list of names is still a list: commas every few words."""
    return text.count(",") >= max(3, len(text.split()) // 8)


def run_in_list(block: Block, title: str, body: str | None, people: list[Attendee]) -> None:
    """An item headed by an attendance label with its names run in ('1. Present: Helen Brown, ...')."""
    label = label_of(f"{title}: {body}" if body else title)
    if label is None:
        return
    status, category, rest = label
    rest = _list_part(rest)
    if rest and not _NONE.match(rest):
        _add(people, parse_people(rest, category), status, category, block, f"attendance.{status}")


def _list_part(text: str) -> str:
    """A list of names without the sentences printed after it ('... Simon Barnes. Quorum for this meeting is 3.')."""
    parts = sentences(text)
    for k, sentence in enumerate(parts[1:], start=1):
        if re.search(r"\b(?:is|was|were|are|has|had|have|will)\b", sentence):
            return " ".join(parts[:k])
    return text


def _add(people: list[Attendee], found: list[dict], status: str, category: str | None, block: Block, rule: str) -> None:
    for person in found:
        name, given = person["name"], status
        note = f"{person.get('organisation') or ''} {person.get('role') or ''}"
        if status == "apologies" and re.search(r"\blate(?:ness)?\b", note, re.I):
            # "Cr Mere Ngata (for lateness)": she came, late
            given = "present"
            person = {**person, "organisation": None, "role": None}
        if name.isupper() and len(name.split()) >= 2:
            name = name.title()  # "PAUL REYNOLDS" as a grid of capitals prints him; initials stay as they are
        same = next((p for p in people if _same(p.name, name) or (p.initials and p.initials == name)), None)
        if same is not None:  # "Apologies were received from SB": Rev. Simon Burke (SB), listed above
            # an apology says more than an unticked box or an absent list: the member sent word
            if (given != "present" and same.status == "present") or (given, same.status) == ("apologies", "absent"):
                same.status = given
            continue
        people.append(
            Attendee(
                name=name,
                status=given,
                category=person.get("category") or category,
                role=person.get("role"),
                organisation=person.get("organisation"),
                initials=person.get("initials"),
                found=block.found(rule),
            )
        )


# posts a body's officers hold, never its members: 'Clerk', 'Clerk & RFO', 'Minute taker'
_OFFICER_POST = re.compile(r"\b(?:clerk|rfo|responsible financial officer|minute[- ]?taker)\b", re.I)


def settle_categories(people: list[Attendee]) -> None:
    """A clerk is an officer in whichever list names her; an apology or absence with no list to say otherwise is
    a member's, since members are whom minutes record as sending apologies or being absent."""
    for person in people:
        if person.category in (None, "member") and person.role and _OFFICER_POST.search(person.role):
            person.category = "officer"
        elif person.category is None and person.status in ("apologies", "absent"):
            person.category = "member"


def _same(a: str, b: str) -> bool:
    """One person under two spellings ('Clare'/'Claire Fletcher'), never two people sharing a surname."""
    pa, pb = a.lower().split(), b.lower().split()
    if not pa or not pb or pa[0][0] != pb[0][0]:
        return False
    ia, ib = [w.strip(".") for w in pa[:-1]], [w.strip(".") for w in pb[:-1]]
    if all(len(w) == 1 for w in ia + ib) and ia != ib:
        return False  # "P Cole" and "P T Cole": initials that differ are two people
    return fuzz.ratio(a.lower(), b.lower()) >= 85 and fuzz.ratio(pa[-1], pb[-1]) >= 80


def apologies_in_text(blocks: list[Block], start: int, end: int, people: list[Attendee]) -> None:
    """'Apologies for absence were received from X' and 'X was absent' sentences."""
    for i in range(start, end):
        block = blocks[i]
        for m in [*_APOLOGY_SENTENCE.finditer(block.text), *_APOLOGIES_FROM.finditer(block.text)]:
            lateness = m.group(1) and m.group(1).lower() != "absence"
            names = parse_people(re.sub(r"(\band|,)\s+from\s+", r"\1 ", m.group(2)), None)  # "X and from Y"
            if lateness:
                for person in names:
                    if not any(_same(p.name, person["name"]) for p in people):
                        _add(people, [person], "present", None, block, "attendance.late")
                continue
            _add(people, names, "apologies", None, block, "attendance.apologies_sentence")
        for sentence in sentences(block.text):
            absent = ABSENT_SENTENCE.match(sentence)
            if absent and len(absent.group(1).split()) <= 12:
                _add(people, parse_people(absent.group(1), None), "absent", None, block, "attendance.absent_sentence")
            listed = _PRESENT_WERE.search(sentence)
            if listed and len(listed.group(1).split()) <= 60:
                found = parse_people(listed.group(1), "member")
                _add(people, found, "present", "member", block, "attendance.present_were")
                continue
            present = _PRESENT_SENTENCE.match(sentence)
            if present and len(present.group(1).split()) <= 25:  # "Daniel, Braden and Sri were in attendance"
                _add(
                    people,
                    parse_people(present.group(1), "member"),
                    "present",
                    "member",
                    block,
                    "attendance.present_sentence",
                )
