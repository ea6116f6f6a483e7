"""People and roles in minutes: honorifics, name shapes, and a spaCy ruler seeded from attendance.

The default pipeline is `spacy.blank("en")` with an EntityRuler: nothing is
downloaded. The ruler knows the meeting's own attendance list (full names,
surnames with honorifics, initials) and the roles minutes use as owners.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from functools import lru_cache

HONORIFICS = (
    "(?:County|District|Borough|Town|City|Parish) (?:Cllrs?|Councillors?)|"
    "Councillors|Councillor|Councilmembers?|Council Members?|Cllrs|Cllr|Messrs|Mr|Mrs|Ms|Miss|Mx|Dr|Rev|Revd|"
    "Reverend|Prof|Professor|Sir|Dame|Lord|Lady|Alderman|Board Members?|Commissioners?|Trustees?|"
    "Governors?|Members?|District Councillor|County Councillor|Mayor|Deputy Mayor|Supervisor|Director|"
    "Vice[- ]President|President|Vice[- ]Chair|Chairman|Chairwoman|Chair|Superintendent|"
    "PC|DC|Sgt|Insp|Crs|Cr"
)
HONORIFIC = re.compile(rf"^(?:(?:{HONORIFICS})\.?\s+(?=(?-i:[A-Z])))+", re.I)  # "Director of Finance" keeps its "of"
_PORTFOLIO = r"(?-i:[A-Z])[\w’']*(?:(?:, | & | and | )(?-i:[A-Z])[\w’']*)*"
ROLES = (
    "Clerk to the Board|Clerk to the Governors|Clerk|Chair(?:man|woman|person)?|Vice[- ]Chair(?:man)?|"
    "Headteacher|Head Teacher|Principal|Treasurer|Secretary|Honorary Secretary|President|Vice[- ]President|"
    "Officers?|Councillors|Governors|Trustees|Directors|Members|(?:\\w+ )?Committee|All|Everyone|"
    "General Manager|Chief Executive|Manager|Director|Minute[- ]taker|Scribe|Mayor|Deputy Mayor|"
    "Board|Staff|Council|Parish Council|Forum|Team|Working Group|Sub-?group|Commissioners|"
    "Superintendent|Assistant Superintendent|Head of \\w+(?: \\w+)?|Director of \\w+(?: \\w+)?|"
    "All (?:members|governors|councillors|trustees|directors|staff|officers)|Residents|Volunteers|Company Secretary|"
    "Secretariat|Leader of the (?:Council|Opposition)|(?:Deputy )?Leader|"
    # a council's executive posts: 'Cabinet Member for Economic Development', 'Portfolio Holder for Finance';
    # its portfolio's words in capitals (the pattern is matched ignoring case), so 'and' is never one of them
    f"(?:Cabinet|Executive|Lead) Member(?: for {_PORTFOLIO})?|Portfolio Holder(?: for {_PORTFOLIO})?"
)
# "Panel Chair", "Board members", "Parish Clerk", "Transparency Board members", "PDC project team": a role of a
# named body is a role
ROLE = re.compile(
    rf"^(?:the\s+)?(?:(?-i:[A-Z])[a-z]+(?<!ed)(?<!ing)\s+){{0,2}}"  # under re.I, [a-z]+ takes "PDC" too
    rf"(?:(?:project|working|steering|leadership|management)\s+)?(?:{ROLES})$",
    re.I,
)
_NAME_WORD = r"(?:[A-Z][a-zA-Z'’\-]*[a-z][a-zA-Z'’\-]*|[A-Z]\.?|O['’][A-Z][a-z]+|Mc[A-Z][a-z]+|[A-Z]{2,}[a-z]*)"
# a mark after a name that a note explains: 'Penny Wood (*)', 'Jane Smith*, Tom Brown'
FOOTNOTE_MARK = re.compile(r"\s*\(\s*[*†‡]+\s*\)|(?<=[a-z])[*†‡]+(?=\s*(?:[,;(]|$)|\s+(?:and|&)\s)")
PARTICLES = ("van", "von", "de", "da", "del", "der", "le", "la", "du", "bin", "al")  # 'Bruce de Smid'
NAME = re.compile(rf"^{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{'|'.join(PARTICLES)}))*$")
INITIALS = re.compile(r"^[A-Z][A-Za-z]{0,3}[A-Z]?$")
# a table's column headings, printed as a row of words: 'Item | Description', 'Topic | Presenter'
COLUMN_HEADINGS = frozenset(
    {
        "Item",
        "Description",
        "Topic",
        "Presenter",
        "Lead",
        "Name",
        "Role",
        "Organisation",
        "Organization",
        "Representing",
        "Department",
        "Status",
        "Owner",
        "Action",
        "Timing",
        "Time",
        "Subject",
        "Purpose",
        "Reference",
        "Comments",
        "Outcome",
        "Responsible",
        "Due",
        "Paper",
    }
)
_STOP = {
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "A",
    "An",
    "Any",
    "All",
    "Actions",
    "Resolved",
    "Agreed",
    "Noted",
    "Minutes",
    "Apologies",
    "Present",
    "None",
    "Chair",
    "Clerk",
    "Members",
    "Officers",
    "Council",
    "Committee",
    "Board",
    "Forum",
    "Meeting",
    "Report",
    "Update",
    "Matters",
    "Arising",
    "Other",
    "Business",
    "Date",
    "Next",
    "Finance",
    "Highways",
    "Correspondence",
    "Planning",
    "Signed",
    "Dated",
    "Page",
    "Agenda",
    "Decision",
    "Decisions",
    "Declarations",
    "Interest",
    "Interests",
    "Roll",
    "Welcome",
    "Introductions",
    "Announcements",
    "Discussion",
    "Adjournment",
    "Summary",
    "Questions",
    "Notes",
    "Also",
    "In",
    "Attendance",
    "Absent",
    "Invited",
    "Staff",
    "Observers",
    "Voting",
    "Non-voting",
    "Schools",
    "Academies",
    "Councillors",
    "Public",
    "Position",
    "Title",
    *COLUMN_HEADINGS,
    # a date's words in a line under the roll ('Saturday, February, 2015,'); not April, May, June or August,
    # who may be people
    *calendar.day_name,
    *(month for month in calendar.month_name[1:] if month not in ("April", "May", "June", "August")),
    "General",
    "New",
    "Old",
    "Unfinished",
    "Consent",
    "Oral",
    "Written",
}


_GROUP_WORD = re.compile(
    r"\b(?:members|representatives|governors?|councillors?|officers?|observers|trustees?|directors?|staff|"
    r"committee|council|forum|board|society|school|academy|primary|nursery|trust|manager|chair|clerk|"
    r"secretary|treasurer|headteacher|services|body|category|public|liaison|attorney|planner|library|libraries|"
    r"association|group|team|ltd|limited|department|centre|center|partnership|network|friends|"
    r"policy|policies|plan|report|strategy|strategies|statement|budget|accounts|review|update|minutes|agenda|item|business|"
    r"district|county|borough|parish)s?$",  # "Police Reports", "Team Updates": plurals are no surnames either
    re.I,
)


def strip_honorifics(name: str) -> str:
    return HONORIFIC.sub("", name.strip()).strip(" ,.;:")


_POST_NOUNS = (
    "Director|Manager|Officer|Clerk|Engineer|Planner|Attorney|Analyst|"
    "Secretary|Treasurer|Administrator|Coordinator|Superintendent|Librarian|Auditor|Adviser|Advisor|Lead"
)
JOB_TITLE = re.compile(rf"^(?:the\s+)?(?:[A-Z][a-z]+\s+){{1,4}}(?:{_POST_NOUNS})$")


def is_role(text: str) -> bool:
    """A role such as 'Clerk' or 'All', or a job title such as 'Community Development Director'."""
    text = text.strip()
    return bool(ROLE.match(text) or JOB_TITLE.match(text))


def is_post(text: str) -> bool:
    """Words that name a post before a name: 'Trustee', 'Chief', 'Code Enforcement Supervisor'."""
    text = text.strip()
    return is_role(text) or bool(re.fullmatch(rf"(?:[A-Z][a-z]+\s+){{0,3}}(?:{_POST_NOUNS}|Chief|{HONORIFICS})", text))


def dash_tail(title: str) -> tuple[str, list[str]] | None:
    """'Community Center Events – Trustee Albrecht/ Coordinator Carol Milsap' -> the title before the dash and
    the tail's parts, each of which may name a reporter."""
    dashed = re.search(r"\s+[-–—]\s+([A-Z][^-–—:;]{2,80})$", title)
    if not dashed or not title[: dashed.start()].strip():
        return None
    return title[: dashed.start()], re.split(r"\s*(?:/|&|\band\b)\s*", dashed.group(1).strip())


def titled_name(part: str) -> str | None:
    """'Cllr Priya Nair' -> 'Priya Nair', 'Trustee Albrecht' -> 'Albrecht': a name after a title."""
    bare = strip_honorifics(part)
    if bare != part.strip(" ,.;:") and looks_like_name(bare, allow_initials=False) and len(bare.split()) <= 3:
        return bare
    return None


def reporter(part: str, words: set[str]) -> str | None:
    """A titled name, or a given name and surname after nothing but a post ('Code Enforcement Supervisor Marty
    Braccio' -> 'Marty Braccio'), where probablepeople reads a given name the paper never writes in lower case
    among its words ('Design Shelving' in a paper that speaks of a shelving design is no one)."""
    found = titled_name(part)
    if found:
        return found
    names = part.split()
    name, post = " ".join(names[-2:]), " ".join(names[:-2])
    if len(names) < 2 or names[-2].lower() in words or not looks_like_name(name, allow_initials=False):
        return None
    return name if given_name(name) and (not post or is_post(post)) else None


def looks_like_name(text: str, allow_initials: bool = True) -> bool:
    """A person's name as minutes print it: 'Tony Burton', 'D Richardson', 'Browne', or initials 'TB'."""
    text = strip_honorifics(text)
    if not text or len(text) > 40:
        return False
    words = text.split()
    if len(words) > 4 or any(w.title() in _STOP for w in words) and len(words) == 1:
        return False
    if len(words) == 1 and INITIALS.match(text) and len(text) <= 5:
        return allow_initials
    if not allow_initials and len(words) == 1 and text.isupper():
        return False
    if (words[0] in _STOP and len(words[0]) > 1) or _GROUP_WORD.search(text):
        return False
    return bool(NAME.match(ascii_shape(text)))


@lru_cache(maxsize=4096)
def is_organisation(text: str) -> bool:
    """Whether probablepeople's trained model reads a capitalised phrase as an organisation, not a person:
    'Works Programme', 'Land Registry', 'East Herts'. It ships its model; imported only when first asked."""
    import probablepeople

    try:
        return probablepeople.tag(text)[1] == "Corporation"
    except probablepeople.RepeatedLabelError:
        return False


def ascii_shape(text: str) -> str:
    """'Çağıl Uluşahin' -> 'Cagil Ulusahin': letters outside ASCII keep their case, so names from every
    language read as names to the patterns written for Latin letters."""
    out = []
    for ch in text:
        if ch.isascii() or not ch.isalpha():
            out.append(ch)
            continue
        base = unicodedata.normalize("NFKD", ch)[0]
        out.append(base if base.isascii() else ("A" if ch.isupper() else "a"))
    return "".join(out)


def initials_of(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-]+", strip_honorifics(name)) if w[:1].isalpha()).upper()


@lru_cache(maxsize=1)
def _blank():
    import spacy

    return spacy.blank("en")


# "Simon said he would ...", "Si also promised ...": a single capitalised word opening a sentence or clause
# as the one who speaks or offers is a person of the meeting, whether or not the roll names them
# ('Newsletter noted.', 'Date confirmed.' are a paper's and a date's, so only verbs of a person speaking or offering)
_SPEAKS = re.compile(
    r"(?:^|[.;:!?]\s+|,\s+(?:and\s+)?)([A-Z][a-z][\w'’\-]*)\s+(?:also\s+)?(?:said|says|asked|"
    r"explained|suggested|promised|offered|volunteered|replied|responded|commented|stated|added)\b",
    re.M,
)


def _speaker_word(m: re.Match) -> bool:
    """A word that can be a person's name: not a pronoun or small word, a role or a group."""
    word = m.group(1)
    return word.title() not in _STOP and not is_role(word) and not _GROUP_WORD.search(word)


_FULL_NAME = re.compile(r"(?<![\w'’])([A-Z][a-z]{2,})\s+[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?\b(?!\s+[A-Z])")


def _named_in_full(texts: list[str]) -> set[str]:
    """'Brenda Davies' in the minutes makes a later 'Brenda will do the graphic art' a person's undertaking,
    though the roll does not name her: first names of two-word names probablepeople reads as a person's, where
    the document never writes the word in lower case (as it writes 'village' of 'Village Hall')."""
    pairs = {m.group(0): m.group(1) for text in texts for m in _FULL_NAME.finditer(text)}
    common = {w for text in texts for w in re.findall(r"\b[a-z]{3,}\b", text)}  # 'village', 'draft': words
    return {
        first.lower()
        for pair, first in pairs.items()
        if first not in _STOP
        and first.lower() not in common
        and strip_honorifics(pair) == pair
        and not is_role(first)
        and not _GROUP_WORD.search(pair)
        and given_name(pair)
    }


def full_names(surnames: list[str], texts: list[str]) -> dict[str, str]:
    """'Hage' -> 'Carl Hage' where the papers name one person with that surname in full (a roster at the head:
    'Carl Hage', then 'Present: Members Hage, Kattouw'); a surname two people share, or no one's, stays."""
    out: dict[str, str] = {}
    for surname in surnames:
        found = {
            m.group(0)
            for text in texts
            for m in re.finditer(rf"\b[A-Z][a-z]+\s+{re.escape(surname)}\b", text)
            if m.group(0).split()[0] not in _STOP
            and not is_role(m.group(0).split()[0])
            and not HONORIFIC.match(m.group(0))
        }
        found = {f for f in found if given_name(f)}
        if len(found) == 1:
            out[surname] = found.pop()
    return out


# the business a meeting opens with once the roll is taken: "Declarations of Interest", "Matters arising"
BUSINESS_OPENERS = r"(?:declarations?|matters arising|minutes|any other business|a\.?o\.?b)"
# the last word of a street's name: "Mill Lane", "Birch Green"
STREET_WORD = (
    r"(?:street|road|lane|close|avenue|drive|way|place|court|crescent|green|hill|park|square|terrace|gardens|row|"
    r"walk|grove|rise|view|mews)"
)


def given_name(name: str) -> bool:
    """probablepeople reads the first word as a given name: 'Carl Hage', not 'Member Hage' or 'Vice Chair'."""
    import probablepeople

    try:
        parsed = probablepeople.parse(name)
    except probablepeople.RepeatedLabelError:
        return False
    return [label for _, label in parsed] == ["GivenName", "Surname"]


class NameFinder:
    """Finds people and roles in a sentence with a spaCy EntityRuler seeded from the roster."""

    def __init__(self, roster: list[str] = (), texts: list[str] = ()):
        self.roster = [strip_honorifics(n) for n in roster if strip_honorifics(n)]
        self.speakers = {m.group(1).lower() for text in texts for m in _SPEAKS.finditer(text) if _speaker_word(m)}
        self._texts, self._named = texts, None  # people named in full: found only when a word is not known else
        self._ruler = None  # spaCy loads on first use: most documents never need it

    def _pipeline(self):
        if self._ruler is not None:
            return self._ruler
        from spacy.pipeline import EntityRuler

        self.nlp = _blank()
        self._ruler = EntityRuler(self.nlp, phrase_matcher_attr="LOWER", overwrite_ents=True)
        patterns: list[dict] = []
        for name in self.roster:
            patterns.append({"label": "PERSON", "pattern": name, "id": name})
            parts = name.split()
            if len(parts) > 1:
                surname = parts[-1]
                for title in ("Mr", "Mrs", "Ms", "Miss", "Dr", "Cllr", "Councillor", "Rev"):
                    patterns.append({"label": "PERSON", "pattern": f"{title} {surname}", "id": name})
                patterns.append({"label": "PERSON", "pattern": [{"TEXT": parts[0]}, {"TEXT": surname}], "id": name})
                patterns.append({"label": "PERSON", "pattern": [{"TEXT": initials_of(name)}], "id": name})
        title = {"TEXT": {"REGEX": rf"^(?:{HONORIFICS})\.?$"}}
        cap = {"TEXT": {"REGEX": r"^[A-Z][a-zA-Z'’\-]+$"}}
        initial = {"TEXT": {"REGEX": r"^[A-Z]\.?$"}, "OP": "?"}
        patterns += [
            {"label": "PERSON", "pattern": [title, initial, cap]},
            {"label": "PERSON", "pattern": [title, cap, cap]},
            {"label": "PERSON", "pattern": [cap, cap]},
            {"label": "ROLE", "pattern": [{"LOWER": "the", "OP": "?"}, {"TEXT": {"REGEX": rf"^(?:{ROLES})$"}}]},
            # the same roles in capitals ("CLERK", "EVERYONE"); lower-case "all" or "staff" is no role
            {"label": "ROLE", "pattern": [{"IS_UPPER": True, "TEXT": {"REGEX": rf"(?i)^(?:{ROLES})$"}}]},
        ]
        self._ruler.add_patterns(patterns)
        return self._ruler

    def resolve(self, name: str) -> str:
        """The roster's form of a name given by surname or initials, where only one person fits."""
        parts = name.split()
        if not parts:
            return name
        fits = [
            r
            for r in self.roster
            if r.split()[-1].lower() == parts[-1].lower() and (len(parts) == 1 or r[0].lower() == parts[0][0].lower())
        ]
        if len(fits) == 1:
            return fits[0]
        if len(parts) == 1 and INITIALS.match(name):
            fits = [r for r in self.roster if initials_of(r) == name.upper()]
            if len(fits) == 1:
                return fits[0]
        return name

    def knows(self, word: str) -> bool:
        """A single word that names someone on the roster (a first name, a surname or initials), someone the
        minutes show speaking ('Si also promised to ...') or name in full ('Brenda Davies'), where the roll is
        short of names."""
        word = word.lower()
        if word in self.speakers:
            return True
        if any(word in (r.split()[0].lower(), r.split()[-1].lower(), initials_of(r).lower()) for r in self.roster):
            return True
        if self._named is None:
            self._named = _named_in_full(self._texts)
        return word in self._named

    def people(self, text: str) -> list[str]:
        """Names and roles in order of appearance, honorifics removed."""
        ruler = self._pipeline()
        doc = ruler(self.nlp.make_doc(text))
        out = []
        for ent in doc.ents:
            value = ent.ent_id_ or self.resolve(strip_honorifics(ent.text))
            if ent.label_ == "ROLE":
                value = re.sub(r"^the\s+", "", ent.text, flags=re.I)
            if value and value not in out:
                out.append(value)
        return out
