"""Draft a body's next agenda from its own past agendas and minutes.

One function per source of items. Each returns `Entry`s whose `source` names the
meeting and item it came from ("minutes of 14 March 2023, item 8"), so the clerk
can check every line. Nothing here knows one body's wording: the opening and
closing items are recognised by what they are called anywhere, standing items by
being called so or by recurring, and carried-forward items by the phrases minutes
use to send something to the next meeting.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..db.due import MONTH_MEETING
from ..extract.dates import MONTH_NUMBER
from ..extract.model import item_reference

WINDOW = 4  # recent meeting dates a standing item is looked for in
RECURS = 2  # ... and how many of them it must be on
STALE_DAYS = 365  # a carried item is not drafted from minutes older than this before the latest papers

OPENERS = {  # kind: (what it is called, the usual wording)
    "apologies": (r"\bapolog", "Apologies for absence"),
    "declarations": (
        r"\b(?:declarations?|disclosures?|registers?) of (?:\w+\s+)?interests?|\binterests? declared|"
        r"\bconflicts? of interest",
        "Declarations of interest",
    ),
    "minutes": (r"\bminutes\b|\bnotes of the (?:last|previous) meeting", "Minutes of the previous meeting"),
    "matters": (
        r"\bmatters arising\b|\baction (?:log|tracker|list|points|sheet|plan)s?\b|\boutstanding actions\b|"
        r"\b(?:review|progress) (?:of|on) actions\b|\bactions? (?:from|arising)",
        "Matters arising and action log",
    ),
}
EXTRA_OPENERS = re.compile(
    r"\bwelcome\b|\bintroductions?\b|\bchair(?:man|person|woman)?['’]?s?['’]? (?:announcements|remarks|business)|"
    r"\bpublic (?:participation|questions|forum|session)|\bdeputations?\b|\bopen forum\b",
    re.I,
)
CLOSERS = {
    "aob": (
        r"\bany other (?:urgent )?business\b|\ba\.?o\.?b\b|^other business|\burgent business\b",
        "Any other business",
    ),
    "next": (
        r"\bdates? (?:and (?:time|venue) )?of (?:the )?next meeting|\bnext meeting\b|\bfuture meeting dates?\b",
        "Date of the next meeting",
    ),
}
BODY_WORDS = r"meeting|committee|board|forum|council|members|group|panel|sub-?committee|trustees|governors|cabinet"
NEXT = re.compile(
    r"\bnext\s+(?:[\w&'-]+\s+){0,3}meeting\b"
    r"|\b(?:placed|put|included|listed|brought|tabled|added|go(?:es)?)\s+(?:on|to|onto|before)\s+(?:the|an?)\s+"
    r"(?:\w+\s+){0,3}agenda\b"
    rf"|\b(?:come|brought|return(?:ed)?)\s+back\s+(?:to|before)\s+(?:the\s+|a\s+)?(?:next\s+|future\s+)?(?:{BODY_WORDS})\b"
    r"|\bbring\s+[^.;]{1,80}?\s+back\s+to\b"
    rf"|\breport(?:ed|ing)?\s+back\s+(?:to|at)\s+(?:the\s+|a\s+)?(?:next\s+|future\s+)?(?:[\w&'-]+\s+){{0,4}}(?:{BODY_WORDS})\b",
    re.I,
)
NOT_NEXT = re.compile(
    r"\bdate (?:and time )?of (?:the )?next meeting|\bnext meeting (?:will|would|is|was|shall) "
    r"(?:be )?(?:held|on|scheduled|arranged|at)\b",
    re.I,
)
WHAT = [
    re.compile(p, re.I)
    for p in (
        r"(?P<what>[^,;:]+?)\s+(?:(?:to|will|would|should|shall|could|can|may|must)\s+(?:be\s+)?|be\s+|being\s+|is\s+"
        r"|was\s+|were\s+)?(?:go|placed|put|included|listed|brought|"
        r"tabled|added)\s+(?:on|to|onto|before)\s+(?:the|an?)\s+(?:\w+\s+){0,3}agenda",
        r"\b(?:place|put|include|list|table|add)\s+(?P<what>.+?)\s+(?:on|to|onto)\s+(?:the|an?)\s+(?:\w+\s+){0,3}agenda",
        r"\b(?:to|will|would|should|shall|can|could|may|might)\s+(?:be\s+able\s+to\s+)?(?:get|have|receive|see|hear|"
        r"bring|present|provide|consider|review|give|share|circulate|take|discuss)\s+"
        r"(?P<what>.+?)\s+(?:at|to|for|before|in)\s+(?:the|its|our)\s+next\s+(?:[\w&'-]+\s+){0,3}meeting",
        r"(?P<what>[^,;:]+?)\s+(?:to\s+be|be|being|will\s+be|would\s+be|should\s+be)\s+(?:considered|discussed|reviewed|"
        r"presented|brought|received|taken|tabled|circulated|shared|reported)\s+(?:at|to|by|before|in)\s+(?:the\s+)?next",
        r"(?P<what>[^,;:]+?)\s+(?:was\s+|were\s+|is\s+|be\s+|being\s+)?(?:deferred|postponed|adjourned|carried\s+(?:forward|"
        r"over))\s+(?:to|until)\s+the\s+next",
        r"\bbring\s+(?P<what>.+?)\s+back\s+to",
        r"(?P<what>[^,;:]+?)\s+(?:(?:to|would|will|should|must)\s+)?(?:come|be\s+brought|be\s+reported|return)\s+back"
        r"\s+(?:to|before)",
        r"\breport(?:ed|ing)?\s+back\s+(?:to\s+(?:the\s+)?[\w ]+?\s+)?on\s+(?P<what>.+?)(?=\s+(?:at|to|by|before)\s+"
        r"(?:the|a|its)\s|[.;]|$)",
    )
]
PURPOSE = re.compile(
    r"\bso\s+that\s+(?P<p>[^,;]+?)\s+(?:can|could|may|might|will|would|are|is|were)\s+(?:be\s+)?\w+|"
    r"\bin\s+order\s+(?:to|that)\s+(?:consider|review|receive|agree|approve|note)\s+(?P<q>[^,.;]+)",
    re.I,
)
LEAD = re.compile(
    r"^(?:(?:[\w'.-]+\s+){0,3}?(?:agreed|resolved|requested|asked|decided|noted|recommended|proposed|"
    r"said|suggested)\s+(?:that|to|for)\s+)+|^that\s+",
    re.I,
)
POINTER = re.compile(
    r"(?P<head>.+?),?\s+(?:and|so)\s+(?P<it>it|this|that|th(?:is|e|at)\s+(?:item|matter|issue))$", re.I
)
DISCUSSED = re.compile(
    r"^(?:it\s+was|members|councillors|the\s+\w+)\s+(?:discussed|considered|debated|talked\s+about)\s+", re.I
)
PROGRAMME = r"(?:work\s*programme|forward\s+(?:plan|programme|work\s*plan)|work\s*plan|rolling\s+programme)"
PROGRAMME_LIST = re.compile(rf"\b(?:following|these|below)\b[^.]*?\b{PROGRAMME}\s*[:\-–]\s*(?P<list>.+)$", re.I | re.S)
PROGRAMME_ONE = [
    re.compile(p, re.I)
    for p in (
        rf"(?P<what>[^,;:]+?)\s+(?:to\s+be|be|being|was|were|is|are|should\s+be|would\s+be)\s+(?:added|included|put|placed)"
        rf"\s+(?:to|in|on|into|onto)\s+(?:the\s+)?(?:\w+\s+){{0,2}}{PROGRAMME}",
        rf"\badd(?:ed|ing)?\s+(?P<what>.+?)\s+(?:to|in|into)\s+(?:the\s+)?(?:\w+\s+){{0,2}}{PROGRAMME}",
    )
]
STANDING = re.compile(r"\s*[(\[]?\bstanding\s+(?:agenda\s+)?item\b[)\]]?\s*", re.I)
STANDING_TEXT = re.compile(
    r"(?P<what>[^,;:]+?)\s+(?:to\s+(?:be|become|remain)|be(?:come)?|becomes?|as|remains?|is|was)"
    r"\s+(?:made\s+)?an?\s+standing\s+(?:agenda\s+)?item",
    re.I,
)
PERIOD = re.compile(
    r"\b(?:19|20)\d{2}(?:\s*[-/–]\s*\d{2,4})?\b|\bq[1-4]\b|\bquarter\s+(?:\d|one|two|three|four)\b|"
    r"\b(?:month|period|p)\s*\d{1,2}\b",
    re.I,
)
PAGES = re.compile(r"\s+(?:pages?\s+)?\d{1,3}\s*[-–]\s*\d{1,3}$", re.I)
_SMALL_WORDS = frozenset(
    ["the", "a", "an", "of", "and", "for", "on", "to", "in", "with", "at", "from", "by", "or", "as"]
)
STOP = _SMALL_WORDS | frozenset(  # words that say nothing about what an item is
    [
        "be",
        "their",
        "its",
        "our",
        "agenda",
        "any",
        "are",
        "draft",
        "final",
        "her",
        "his",
        "interim",
        "is",
        "it",
        "item",
        "items",
        "latest",
        "meeting",
        "next",
        "proposed",
        "report",
        "reports",
        "standing",
        "that",
        "these",
        "this",
        "those",
        "update",
        "updates",
        "verbal",
        "was",
        "were",
    ]
)
JOINERS = _SMALL_WORDS | frozenset(["about", "into", "onto", "per", "than", "via"])  # words that join a title's parts


@dataclass
class Entry:
    """One drafted agenda item: its title, what it is for, and where it came from."""

    title: str
    kind: str  # opening | carried | standing | work programme | closing
    source: str
    note: str = ""
    number: int = 0
    key: frozenset = field(default_factory=frozenset, repr=False)
    plain: str = ""  # the title as found, before the body's capitals
    place: int | None = None  # where the item it comes from stood in the last minutes: the body's own order


@dataclass
class Draft:
    organisation: str | None
    body: str
    day: date
    time: str | None
    location: str | None
    notes: list[str]
    entries: list[Entry]
    previous: dict | None  # the minutes whose approval is on the agenda


# --------------------------------------------------------------------------- words and labels


def long_date(iso: str | date | None, weekday: bool = False) -> str:
    if not iso:
        return "an undated meeting"
    day = date.fromisoformat(iso) if isinstance(iso, str) else iso
    return day.strftime(f"{'%A ' if weekday else ''}%-d %B %Y")


def at_meeting(iso: str | date | None) -> str:
    """'at the meeting of 5 March 2024', or 'at an undated meeting' (never 'the meeting of an undated meeting')."""
    return f"at the meeting of {long_date(iso)}" if iso else "at an undated meeting"


def clock(hhmm: str | None) -> str | None:
    """'14:00' as British committee papers print it: '2.00 pm'."""
    if not hhmm or not re.fullmatch(r"\d{1,2}:\d{2}", hhmm):
        return hhmm
    hours, minutes = (int(x) for x in hhmm.split(":"))
    return f"{(hours - 1) % 12 + 1}.{minutes:02d} {'am' if hours < 12 else 'pm'}"


def label(meeting: dict) -> str:
    if meeting["date"]:
        return f"{meeting['kind']} of {long_date(meeting['date'])}"
    return f"undated {meeting['kind']} ({Path(meeting['document']).name})"


def _where(meeting: dict, number: str | None, title: str = "") -> str:
    return f"{label(meeting)}, item {number}" if number else f"{label(meeting)}, ‘{title}’"


def clean_title(title: str) -> str:
    title = STANDING.sub(" ", PAGES.sub("", title))
    return re.sub(r"\s+", " ", title).strip(" .:;-–")


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def key(text: str) -> frozenset:
    """The content words of a title, without periods (2023/24, Q1) or words every update has."""
    words = re.findall(r"[a-z][a-z'-]*", PERIOD.sub(" ", text.lower()))
    return frozenset(_stem(w.strip("'-")) for w in words if w not in STOP and len(w) > 1)


def same(a: frozenset, b: frozenset) -> bool:
    """Two titles speak of the same thing: same words, one's words inside the other's, or mostly shared."""
    if not a or not b:
        return False
    small, large = sorted((a, b), key=len)
    return a == b or (len(small) >= 2 and small <= large) or len(a & b) / len(a | b) >= 0.75


def overlaps(a: frozenset, b: frozenset) -> bool:
    """Looser than `same`: most of the shorter title's words are in the other (for merging drafted items)."""
    shared = len(a & b)
    return shared >= 2 and shared / min(len(a), len(b)) >= 0.6


def _sentence(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" .;:,")
    return text[:1].upper() + text[1:]


MAX_CLAUSE = 500  # characters of a clause the wording patterns read: a decision naming an item is short


def _clauses(text: str) -> list[str]:
    """The clauses of a decision or action, each cut to MAX_CLAUSE characters so that a hostile 50 KB
    'sentence' costs the patterns (lazy matches that rescan) linear time, not quadratic."""
    parts = re.split(r"(?<=[.;:])\s+(?=(?:\(?\w{1,3}[.)]\s+)?[A-Z])|\s+(?=\d{1,2}[.)]\s+[A-Z])", text)
    cut = [re.sub(r"^\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+", "", p[:MAX_CLAUSE]).strip() for p in parts]
    return [p for p in cut if p]


def _kind(title: str, kinds: dict) -> str | None:
    return next((k for k, (pattern, _) in kinds.items() if re.search(pattern, title, re.I)), None)


def _top(meeting: dict) -> list[dict]:
    return [i for i in meeting["items"] if not i["parent"]]


def _distinct(meetings: list[dict]) -> list[dict]:
    """Undated copies of one meeting (the same paper in two formats) count once."""
    seen, out = set(), []
    for m in meetings:
        sig = (m["kind"], tuple(i["title"] for i in m["items"])) if not m["date"] else (m["kind"], m["date"])
        if sig not in seen:
            seen.add(sig)
            out.append(m)
    return out


def _recent(meetings: list[dict]) -> list[dict]:
    """The dated meetings of the last WINDOW meeting dates (an agenda and its minutes are one date)."""
    dates = sorted({m["date"] for m in meetings if m["date"]}, reverse=True)[:WINDOW]
    return [m for m in meetings if m["date"] in dates]


def uppercase_house(meetings: list[dict]) -> bool:
    """Whether the body writes its item titles in capitals (its agendas first, else its minutes)."""
    for kind in ("agenda", "minutes"):
        titles = [
            i["title"]
            for m in _recent(meetings)
            if m["kind"] == kind
            for i in _top(m)
            if re.search(r"[A-Za-z]{3}", i["title"])
        ]
        if titles:
            return sum(t == t.upper() for t in titles) / len(titles) >= 0.6
    return False


def house(title: str, upper: bool) -> str:
    title = clean_title(title)
    return title.upper() if upper else title[:1].upper() + title[1:]


def _entry(title: str, kind: str, source: str, note: str, upper: bool) -> Entry:
    plain = clean_title(title)
    return Entry(house(plain, upper), kind, source, note, key=key(plain), plain=plain[:1].upper() + plain[1:])


def _headline(title: str) -> str:
    """An opening or closing item's own title, without the record the minutes wrote after it."""
    return re.split(r"\s*(?::|\s[–-]\s)\s*(?=\S)", clean_title(title), maxsplit=1)[0]


# --------------------------------------------------------------------------- sources of items


def _learned(meetings: list[dict], kinds: dict, first: bool) -> dict[str, list[tuple[dict, dict, float]]]:
    """Where each opening (or closing) kind sat in the body's papers: (meeting, item, position from 0 to 1)."""
    seen: dict[str, list[tuple[dict, dict, float]]] = {}
    for m in meetings:
        items = _top(m)
        window = items[:6] if first else items[-3:]
        here: set[str] = set()
        for item in window:
            kind = _kind(item["title"], kinds)
            if kind is None and first and EXTRA_OPENERS.search(item["title"]):
                kind = "extra:" + " ".join(sorted(key(_headline(item["title"]))))
            if kind and kind not in here:
                here.add(kind)
                seen.setdefault(kind, []).append((m, item, items.index(item) / max(len(items) - 1, 1)))
    return seen


def _wording(found: list[tuple[dict, dict, float]]) -> tuple[str, str]:
    """The title the body used most recently, agendas before minutes, and where it was."""
    dated = [f for f in found if f[0]["date"]]
    pick = max(dated, key=lambda f: (f[0]["date"], f[0]["kind"] == "agenda")) if dated else found[0]
    return _headline(pick[1]["title"]), _where(pick[0], pick[1]["number"], pick[1]["title"])


def opening_items(meetings: list[dict], previous: dict | None, open_actions: int, upper: bool) -> list[Entry]:
    """Apologies, declarations, minutes, matters arising (and any welcome the body always has), in its order."""
    recent = _recent(meetings) or meetings
    seen = _learned(recent, OPENERS, first=True)
    meetings_seen = len({m["date"] for m in recent}) or 1
    order = sorted(seen, key=lambda k: sum(p for _, _, p in seen[k]) / len(seen[k]))
    # a welcome or public question time counts when the body had it at half its recent meetings or more
    order = [
        k for k in order if not k.startswith("extra:") or len({m["date"] for m, _, _ in seen[k]}) * 2 >= meetings_seen
    ]
    for position, kind in enumerate(OPENERS):  # the usual ones the body never had go after the one before them
        if kind not in order:
            before = [k for k in list(OPENERS)[:position] if k in order]
            order.insert(order.index(before[-1]) + 1 if before else 0, kind)
    entries = []
    for kind in order:
        usual = OPENERS[kind][1] if kind in OPENERS else ""
        if kind in seen:
            title, where = _wording(seen[kind])
            source = f"as {where}"
        elif kind == "matters":
            title, source = usual, "for the action log in this pack; not on this body's recent papers"
        else:
            title, source = usual, "usual opening item; not on this body's recent papers (delete if not needed)"
        note = ""
        if kind == "minutes":
            note, source = _minutes_note(meetings, previous, source)
        elif kind == "matters":
            note = (
                f"The action log in this pack lists {open_actions} open action{'s' * (open_actions != 1)}."
                if open_actions
                else "No open actions are stored."
            )
        entries.append(_entry(title, "opening", source, note, upper))
    return entries


def _minutes_note(meetings: list[dict], previous: dict | None, source: str) -> tuple[str, str]:
    if previous is None:
        return "To agree the minutes of the previous meeting (none are stored: add them).", source
    if previous["date"]:
        note = (
            f"To agree the minutes of the meeting held on {long_date(previous['date'])} as a correct record "
            "(their items, decisions and actions are in this pack)."
        )
    else:
        note = "To agree the minutes of the previous meeting (the stored minutes carry no date: check which they are)."
    wording = f"; wording {source}" if source.startswith("as ") else ""
    source = f"{label(previous)} (the latest minutes stored){wording}"
    later = sorted({m["date"] for m in meetings if m["date"] and previous["date"] and m["date"] > previous["date"]})
    if later:
        source += f"; the meeting of {long_date(later[-1])} is stored only as an agenda: add its minutes if it met"
    return note, source


def _what(clause: str, item_title: str) -> str:
    """What a clause sends to the next meeting, as an item title; the minutes' own item when it says 'the scheme'."""
    what = None
    for pattern in WHAT:
        match = pattern.search(clause)
        if match:
            what = LEAD.sub("", match.group("what").strip()).strip(" ,")
            break
    purpose = PURPOSE.search(clause)
    purpose_text = (purpose.group("p") or purpose.group("q")).strip() if purpose else ""
    pointer = POINTER.match(what or "")
    if pointer:  # 'It was discussed whether to ... and this item will be put onto the March agenda'
        what, purpose_text = pointer.group("it"), purpose_text or DISCUSSED.sub("", pointer.group("head")).strip()
    if what:
        what = re.sub(r"^(?:an?|the)\s+", "", what, flags=re.I)
    if (
        not what
        or len(key(what)) <= 1
        or re.fullmatch(r"(?:it|this|that|them|these|th(?:is|e|at) (?:item|matter|issue))", what, re.I)
    ):
        base = clean_title(item_title) if item_title else (what or "Item carried forward")
        return f"{base} – {purpose_text}" if purpose_text else base
    return what


def carried_items(meetings: list[dict], upper: bool, day: date | None = None) -> list[Entry]:
    """What recent minutes sent to the next meeting that no meeting since has taken, the last minutes first."""
    minutes = sorted((m for m in _recent(meetings) if m["kind"] == "minutes"), key=lambda m: m["date"], reverse=True)
    if minutes:  # a year on, what a meeting sent forward and no meeting since took up has lapsed
        latest = date.fromisoformat(max(m["date"] for m in meetings if m["date"]))
        minutes = [m for m in minutes if (latest - date.fromisoformat(m["date"])).days <= STALE_DAYS]
    entries: list[Entry] = []
    for rank, sent in enumerate(minutes):
        later = [m for m in meetings if m["date"] and m["date"] > sent["date"]]
        taken = [key(i["title"]) for m in later for i in m["items"]]
        taken += [key(c) for m in later for r in m["resolutions"] + m["actions"] for c in _clauses(r["text"])]
        for what, number, clause, item_title in _next_meeting_clauses(sent, day if rank == 0 else None):
            title = _what(clause, item_title)
            if any(t == key(title) or overlaps(key(title), t) for t in taken):
                continue
            if rank == 0:
                note = f"Sent to this meeting: “{_sentence(clause)}.”"
                agendas = [m for m in later if m["kind"] == "agenda"]
                if agendas:
                    note += f" Not on the agenda of {long_date(agendas[0]['date'])}."
            else:
                note = (
                    f"Sent to the meeting after {long_date(sent['date'])}: “{_sentence(clause)}.” Not on the "
                    "papers of any meeting since: check whether it is still wanted."
                )
            source = f"{_where(sent, number)} ({what})" if number else f"{label(sent)} ({what})"
            entries.append(_entry(title, "carried", source, note, upper))
            entries[-1].place = _positions(sent).get(number or "") if rank == 0 else None
    return entries


def _positions(meeting: dict) -> dict[str, int]:
    """Where each numbered item stands in a meeting's order, by its number as records name it ('100(b)')."""
    out: dict[str, int] = {}
    for n, i in enumerate(meeting["items"]):
        if i["number"]:
            out.setdefault(item_reference(i["number"], i.get("parent"), i["title"]), n)
    return out


def _next_meeting_clauses(meeting: dict, day: date | None = None) -> list[tuple[str, str | None, str, str]]:
    """(resolution, action or notes; item number; clause; item title) for each record, or sentence of an
    item's notes, that sends something to the next meeting (or to the meeting of `day`'s month)."""
    titles = _titles(meeting)
    found = [("resolution", r["item"], r["text"], titles.get(r["item"] or "", "")) for r in meeting["resolutions"]]
    found += [
        (
            f"action {a['ref']}" + (f", {' / '.join(a['owners'])}" if a["owners"] else ""),
            a["item"],
            a["text"],
            titles.get(a["item"] or "", ""),
        )
        for a in meeting["actions"]
    ]
    # what the records say already, or a reviewer struck out: the notes saying it again add nothing
    told = [text for _, _, text, _ in found] + [r["text"] for r in meeting.get("rejected", [])]
    recorded = " ".join(" ".join(text.split()) for text in told)
    notes = [
        ("notes", _reference(i), sentence, i["title"])
        for i in meeting["items"]
        for sentence in i.get("forward") or []
        if " ".join(sentence.split()) not in recorded and _NOTES_AHEAD.search(sentence)
    ]
    out = []
    for what, number, text, title in found + notes:
        if _kind(title, CLOSERS) == "next":
            continue  # 'the next meeting will be held on ...'
        clause = next((c for c in _clauses(text) if _sends_forward(c, day, notes=what == "notes")), None)
        if clause:
            out.append((what, number, clause, title))
    return out


def _reference(item: dict) -> str | None:
    return item_reference(item["number"], item.get("parent"), item["title"]) if item["number"] else None


def _titles(meeting: dict) -> dict[str, str]:
    """Each item's title by its number as printed and as records name it ('80(b)'), made once per meeting."""
    out: dict[str, str] = {}
    for i in meeting["items"]:
        if i["number"]:
            out.setdefault(item_reference(i["number"], i.get("parent"), i["title"]), i["title"])
            out.setdefault(i["number"], i["title"])
    return out


# notes send business forward only in the future: 'will be discussed at', 'to go onto'; not 'was added to the
# agenda' (done at this meeting) or 'apologies for the May meeting'
_NOTES_AHEAD = re.compile(r"\b(?:will|shall|would|should|to\s+be|to\s+go|to\s+come|is\s+to|are\s+to)\b", re.I)
_NOTES_PAST = re.compile(r"\b(?:was|were|had|has\s+been|have\s+been)\b", re.I)
_OTHER_BODY = re.compile(r"\bmeeting\s+of\s+(?:the\s+)?[A-Za-z]", re.I)  # 'the next meeting of the county forum'


def _sends_forward(clause: str, day: date | None, notes: bool = False) -> bool:
    """A clause sending business to the next meeting, or to the meeting held in `day`'s month ('at the March
    meeting', a capital March and no other year); from the notes, only in the future and to this body."""
    if NOT_NEXT.search(clause) or (notes and (_NOTES_PAST.search(clause) or _OTHER_BODY.search(clause))):
        return False
    if NEXT.search(clause):
        return True
    month = MONTH_MEETING.search(clause.lower())
    if day is None or month is None or not clause[month.start()].isupper():
        return False  # 'may attend the meeting' is no month
    year = re.search(r"\d{4}", month.group(0))
    return MONTH_NUMBER[month.group("month")[:3]] == day.month and (year is None or int(year.group(0)) == day.year)


def standing_items(meetings: list[dict], upper: bool, last: dict | None = None) -> list[Entry]:
    """Items the papers call standing items, and items on the agenda at RECURS of the last WINDOW meetings; each
    placed where it stood in the `last` minutes."""
    recent = _recent(meetings)
    pool = recent + [m for m in meetings if not m["date"]]
    candidates: list[tuple[dict, dict, str, bool]] = []  # meeting, item, title, called a standing item
    for m in pool:
        headers = {i["number"] for i in m["items"] if re.fullmatch(r"standing items?:?", i["title"].strip(), re.I)}
        items = m["items"] if headers else _top(m)
        for item in items:
            if item["number"] in headers and item["number"]:
                continue
            labelled = bool(STANDING.search(item["title"])) or (item["parent"] in headers and bool(item["parent"]))
            if item["parent"] and not labelled:
                continue
            if labelled or m["date"]:
                candidates.append((m, item, item["title"], labelled))
        by_number = {i["number"]: i["title"] for i in m["items"] if i["number"]}
        for text, number in [(r["text"], r["item"]) for r in m["resolutions"]] + [
            (a["text"], a["item"]) for a in m["actions"]
        ]:
            for clause in _clauses(text):
                match = STANDING_TEXT.search(clause)
                if match:
                    what = LEAD.sub("", match.group("what")).strip()
                    what = re.sub(r"^(?:an?|the)\s+", "", what, flags=re.I)
                    if len(key(what)) <= 1:
                        what = by_number.get(number, what)
                    candidates.append((m, {"number": number, "title": what}, what, True))
    clusters: list[dict] = []
    plain = {key(clean_title(title)) for _, _, title, _ in candidates}
    for m, item, title, labelled in candidates:
        # 'Highways – A414 consultation, HGV signage' recurs as the 'Highways' another paper has; 'Presentation
        # – Police' and 'Presentation – Library' are two items, as no paper has a bare 'Presentation'
        head = _head(title)
        k = key(clean_title(head if key(clean_title(head)) in plain else title))
        if not k or _kind(title, OPENERS) or _kind(title, CLOSERS) or EXTRA_OPENERS.search(title):
            continue
        cluster = next((c for c in clusters if same(c["key"], k)), None)
        if cluster is None:
            cluster = {"key": k, "members": []}
            clusters.append(cluster)
        cluster["key"] = cluster["key"] & k if len(cluster["key"] & k) >= min(2, len(k)) else cluster["key"]
        cluster["members"].append((m, item, labelled))
    sent = {
        m["date"]: [key(_what(clause, title)) for _, _, clause, title in _next_meeting_clauses(m)]
        for m in recent
        if m["kind"] == "minutes"
    }
    entries = []
    for c in clusters:
        dates = _recurring_dates(c, sent)
        labelled = any(flag for _, _, flag in c["members"])
        if not labelled and len(dates) < RECURS:
            continue
        title = _core_title(c)
        why = ["called a standing item"] if labelled else []
        if len(dates) >= RECURS:
            why.append(f"on the papers of {len(dates)} of the last {len({m['date'] for m in recent})} meetings")
        entries.append(_entry(title, "standing", _sources(c["members"]), f"Standing item: {' and '.join(why)}.", upper))
        entries[-1].place = next(
            (n for m, item, _ in c["members"] if m is last for n, i in enumerate(m["items"]) if i is item), None
        )
    return entries


def _recurring_dates(cluster: dict, sent: dict[str, list[frozenset]]) -> list[str]:
    """The dates an item was on the papers, less those where it was there only because the meeting before sent it."""
    dates = sorted({m["date"] for m, _, _ in cluster["members"] if m["date"]})
    carried = [
        any(overlaps(cluster["key"], k) or same(cluster["key"], k) for k in sent.get(before, []))
        for before in [None, *dates[:-1]]
    ]
    return [d for d, was_sent in zip(dates, carried) if not was_sent]


def _core_title(cluster: dict) -> str:
    """The words a standing item's titles share, in the newest title's order; an update if the body said so."""
    members = sorted(cluster["members"], key=lambda x: (x[0]["date"] is not None, x[0]["date"] or ""), reverse=True)
    plain = [
        re.sub(r"\s+", " ", PERIOD.sub(" ", clean_title(_head(x[1]["title"], cluster["key"])))).strip(" -–:,")
        for x in members
    ]
    if len({p.lower() for p in plain}) == 1:
        return plain[0]
    words = plain[0].split()
    marked = [i for i, w in enumerate(words) if key(w) & cluster["key"]]
    if not marked:
        return plain[0]
    title = " ".join(words[marked[0] : marked[-1] + 1]).strip(" -–:,")
    said = [w for x in members for w in re.findall(r"\b(?:update|report)\b", x[1]["title"], re.I)]
    if said and not re.search(r"\b(?:update|report|monitoring)$", title, re.I):
        title += f" {said[0].lower()}"
    return title


def _head(title: str, cluster: frozenset | None = None) -> str:
    """A title before the dash that brings this meeting's business: 'Highways' of 'Highways – A414
    consultation, update on HGV signage', 'B&T Motors' of 'B&T Motors – update'; where a `cluster` is given,
    only if that standing item is the head's."""
    head = re.split(r"\s+[-–—]\s+|(?<=\w)[–—]\s*", title, maxsplit=1)[0].strip()
    if not key(head) or (cluster is not None and key(clean_title(head)) != cluster):
        return title
    return head


def _sources(members: list[tuple[dict, dict, bool]]) -> str:
    grouped: dict[int, tuple[dict, list[str]]] = {}
    for m, item, _ in members:
        entry = grouped.setdefault(id(m), (m, []))
        mark = (_reference(item) if item.get("parent") else item["number"]) or f"‘{clean_title(item['title'])}’"
        if mark not in entry[1]:
            entry[1].append(mark)
    parts = []
    for m, marks in grouped.values():
        numbered = all(not x.startswith("‘") for x in marks)
        parts.append(
            f"{label(m)}, item{'s' * (len(marks) > 1)} {', '.join(marks)}"
            if numbered
            else f"{label(m)}, {', '.join(marks)}"
        )
    return "; ".join(parts)


def split_list(text: str) -> list[str]:
    """The items of a list the minutes wrote on one line: by separators, else where a new capitalised phrase starts."""
    text = text.strip()
    parts = re.split(r"\s*(?:;|\n|•|·|\s[-–]\s)\s*", text)
    if len(parts) == 1:
        words, parts, current = text.split(), [], []
        for index, word in enumerate(words):
            previous = words[index - 1] if index else ""
            starts = (
                current
                and word[:1].isupper()
                and previous[-1:].islower()
                and previous.lower() not in JOINERS
                and (index + 1 == len(words) or words[index + 1][:1].islower())
            )
            if starts:
                parts.append(" ".join(current))
                current = []
            current.append(word)
        parts.append(" ".join(current))
    out = [re.sub(r"^(?:and|or)\s+", "", p, flags=re.I).strip(" .,;:") for p in parts]
    return [p for p in out if key(p)]


def work_programme_items(last: dict | None, upper: bool) -> list[Entry]:
    """Items the last minutes asked to be added to the work programme."""
    if last is None:
        return []
    titles = {i["number"]: i["title"] for i in last["items"] if i["number"]}
    texts = [("resolution", r["item"], r["text"]) for r in last["resolutions"]]
    texts += [(f"action {a['ref']}", a["item"], a["text"]) for a in last["actions"]]
    entries: list[Entry] = []
    for what, number, text in texts:
        if not re.search(PROGRAMME, text, re.I):
            continue
        listed = PROGRAMME_LIST.search(text)
        names = split_list(listed.group("list")) if listed else []
        if not names:
            for clause in _clauses(text):
                for pattern in PROGRAMME_ONE:
                    match = pattern.search(clause)
                    if match and not re.search(r"\bfollowing\b", match.group("what"), re.I):
                        name = re.sub(r"^(?:an?|the)\s+", "", LEAD.sub("", match.group("what")).strip(), flags=re.I)
                        names.append(name if len(key(name)) > 1 else titles.get(number, name))
                        break
        source = f"{_where(last, number)} ({what})" if number else f"{label(last)} ({what})"
        for name in names:
            note = (
                f"Asked to be added to the work programme {at_meeting(last['date'])}: "
                "keep it here if it is due now, or move it to the work programme."
            )
            entries.append(_entry(name, "work programme", source, note, upper))
            entries[-1].place = _positions(last).get(number or "")
    return entries


def closing_items(meetings: list[dict], upper: bool) -> list[Entry]:
    """Any other business and the date of the next meeting, in the body's words."""
    seen = _learned(_recent(meetings) or meetings, CLOSERS, first=False)
    entries = []
    for kind, (_, usual) in CLOSERS.items():
        if kind in seen:
            title, where = _wording(seen[kind])
            source = f"as {where}"
        else:
            title, source = usual, "usual closing item; not on this body's recent papers"
        note = "To note the date of the next meeting." if kind == "next" else ""
        entries.append(_entry(title, "closing", source, note, upper))
    return entries


# --------------------------------------------------------------------------- the whole draft


def merge(entries: list[Entry]) -> list[Entry]:
    """One item for the same matter found by two sources: the first keeps its title, the sources add up."""
    out: list[Entry] = []
    for entry in entries:
        twin = next(
            (
                e
                for e in out
                if e.kind not in ("opening", "closing")
                and entry.kind not in ("opening", "closing")
                and (e.key == entry.key or overlaps(e.key, entry.key) or _under(e, entry))
            ),
            None,
        )
        if twin is None:
            out.append(entry)
            continue
        twin.place = entry.place if twin.place is None else twin.place
        twin.source += f"; also {entry.kind}: {entry.source}"
        twin.note += f" Also asked for as “{entry.plain}” ({entry.kind})."
    return out


def _under(one: Entry, other: Entry) -> bool:
    """Two matters from one item of the last minutes, the one's title within the other's ('Greens' and 'Greens –
    whether to set up a Greens Committee'): one item of the agenda."""
    return one.place is not None and one.place == other.place and (one.key <= other.key or other.key <= one.key)


def in_the_bodys_order(entries: list[Entry], last: dict | None) -> list[Entry]:
    """Every item where the last minutes had it ('Police Report' before the apologies, if the body takes it
    first), an item they did not have just after the one drafted before it; the closing items last."""
    business = [e for e in entries if e.kind != "closing"]
    ranked, before = [], -1
    for n, entry in enumerate(business):
        if entry.place is None and last is not None:
            entry.place = next((k for k, i in enumerate(last["items"]) if _same_matter(entry, i)), None)
        before = entry.place if entry.place is not None else before
        ranked.append((before, n, entry))
    return [e for _, _, e in sorted(ranked, key=lambda r: r[:2])] + [e for e in entries if e.kind == "closing"]


def _same_matter(entry: Entry, item: dict) -> bool:
    """An opening item of the draft and a top item of the minutes of one kind ('Apologies for absence')."""
    if item["parent"] or entry.kind != "opening":
        return False
    other = key(clean_title(item["title"]))
    return bool(other) and (other == entry.key or overlaps(other, entry.key))


def previous_minutes(meetings: list[dict]) -> dict | None:
    """The minutes the next meeting approves: the latest dated minutes, else any undated ones."""
    minutes = [m for m in meetings if m["kind"] == "minutes"]
    dated = [m for m in minutes if m["date"]]
    return max(dated, key=lambda m: m["date"]) if dated else (minutes[0] if minutes else None)


def _time_and_place(dated: list[dict], time: str | None, location: str | None, notes: list[str]):
    """When and where, unless given: as the body's latest agenda says, else as its recent meetings did."""
    agenda = max((m for m in dated if m["kind"] == "agenda"), key=lambda m: m["date"], default=None)
    if time is None and agenda is not None and agenda["start_time"]:  # the clerk's latest agenda says it best
        time = agenda["start_time"]
        notes.append(f"Time as at the {label(agenda)} ({clock(time)}): check it.")
    if time is None:
        times = Counter(m["start_time"] for m in _recent(dated) if m["start_time"])
        if times:
            time = times.most_common(1)[0][0]
            notes.append(f"Time as at the body's recent meetings ({clock(time)}): check it.")
    if location is None:
        placed = agenda if agenda is not None and agenda["location"] else None
        latest = placed or next((m for m in dated if m["location"]), None)
        if latest:
            location = "Held remotely" if latest["location"].strip().lower() == "remote" else latest["location"]
            notes.append(f"Place as at the {label(latest)}: check it.")
    return time, location


def draft(history: dict, day: date, time: str | None, location: str | None, open_actions: int) -> Draft:
    """The numbered draft agenda: opening items, the business in the body's order (carried forward, standing,
    work programme), closing items."""
    meetings = _distinct(history["meetings"])
    upper = uppercase_house(meetings)
    previous = previous_minutes(meetings)
    last = previous if previous and previous["date"] else None
    entries = in_the_bodys_order(
        merge(
            opening_items(meetings, previous, open_actions, upper)
            + carried_items(meetings, upper, day)
            + standing_items(meetings, upper, last)
            + work_programme_items(last, upper)
            + closing_items(meetings, upper)
        ),
        last,
    )
    for number, entry in enumerate(entries, start=1):
        entry.number = number
    notes: list[str] = []
    time, location = _time_and_place([m for m in meetings if m["date"]], time, location, notes)
    organisation = history.get("organisation") or next((m["organisation"] for m in meetings if m["organisation"]), None)
    return Draft(organisation, history["name"], day, clock(time), location, notes, entries, previous)
