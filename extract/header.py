"""The head of a meeting's papers: body, organisation, date, times and place."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import PurePath

from .blocks import Block
from .dates import find_dates, find_times
from .segment import REGISTER_TITLE

_ORG = re.compile(
    r"\b(?:borough|council|county|city of|university|school|academy|trust|society|foundation|charity|"
    r"college|nhs|library|libraries|parish|district|authority|association|institute|ltd|limited|ips|plc|cic|"
    r"friends of|federation|diocese|partnership|commission)\b",
    re.I,
)
_BODY = re.compile(
    r"\b(?:[A-Z][\w&'’\-]*\s+){0,5}(?:Forum|Committee|Board|Council|Commission|Cabinet|Panel|"
    r"Governing Body|Governors|Trustees|Society|Sub-?Committee|Working [Gg]roup|Assembly|Partnership|"
    r"(?:User|Steering|Advisory|Liaison|Reference|Project|Management|Action) Group|"
    r"Annual General Meeting|Extraordinary General Meeting|AGM|EGM)\b"
)
_STRIP_TITLE = re.compile(
    r"\b(?:draft|approved|unconfirmed|confirmed|open|public|minutes|agenda|meeting|notice|of|the|held|on|"
    r"for|and|at|a|an|-|–|:)\b",
    re.I,
)
_LOCATION_LABEL = re.compile(r"^(?:place|venue|location|where)\s*[:\-–]?\s*(.+)$", re.I)
# "held in the Village Hall on ...", "HELD ON 13TH FEBRUARY 2019 AT 19.00 IN HERTINGFORDBURY COWPER SCHOOL"
_HELD_AT = re.compile(
    r"\b(?i:held|meeting)\s+(?:(?i:on)\s+[^,;]{4,40}?\s+(?i:at)\s+\d{1,2}[.:]\d{2}\s*(?i:[ap]\.?m\.?|hrs)?\s+)?"
    r"(?i:at|in)\s+(?:(?i:the)\s+)?(?!(?i:public|private|camera)\b)([A-Z][^,.;]{3,80}?)(?:\s+(?i:on)\b|\s+(?i:at)\s+\d|[,.;]|$)"
)
_REMOTE = re.compile(
    r"\b(?:held remotely|remote meeting|virtual(?:ly)? meeting|via (?:zoom|teams|microsoft teams)|"
    r"on (?:zoom|teams|discord)|online meeting)\b",
    re.I,
)
_START = re.compile(r"\b(?:meeting )?(?:started|start|commenced|began|opened)\b[^0-9]{0,30}", re.I)
# ... not 'recommended' nor 'weekend'
_END = re.compile(r"\b(?:meeting )?(?:ended|end|closed|finished|concluded|close)\b[^0-9]{0,30}", re.I)
# 'Cllr Evans left the meeting at 19.33': when a person came or went, not when the meeting did
_COMING_OR_GOING = re.compile(
    r"\b(?:left|arrived|joined|departed|returned|rejoined)\b[^.;]*|\bratios?\s+(?:of\s+)?\d+\s*:\s*\d+", re.I
)  # ... nor is a ratio ('a helper ratio of 1:10')


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def document_year(blocks: list[Block]) -> int | None:
    """The year most dates in the document carry, for dates printed without one."""
    dated = (b.text for b in blocks if _YEAR.search(b.text))  # only paragraphs that print a year can date one
    years = Counter(d.year for text in dated for d, _ in find_dates(text) if 1950 < d.year < 2100)
    if years:
        return years.most_common(1)[0][0]
    this_year = date.today().year
    plain = Counter(
        int(y)
        for b in blocks
        for y in re.findall(r"(?<![\d:.])(19[5-9]\d|20\d\d)(?![\d:])", b.text)
        if 1990 <= int(y) <= this_year + 1
    )
    # with no year printed at all, the weekday beside a date picks the nearest fitting year up to now
    return plain.most_common(1)[0][0] if plain else this_year


def is_us(blocks: list[Block]) -> bool:
    """US papers print month-first dates ('July 13, 2016') and say 'City of' / 'Roll call'."""
    text = " ".join(b.text for b in blocks[:400])
    month_first = len(
        re.findall(
            r"\b(?:January|February|March|April|May|June|July|August|September|October|"
            r"November|December)\s+\d{1,2},\s+\d{4}",
            text,
        )
    )
    day_first = len(
        re.findall(
            r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|"
            r"August|September|October|November|December)\b",
            text,
        )
    )
    return month_first > day_first


_NAME_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_. ]?(0[1-9]|1[0-2])[-_. ]?(0[1-9]|[12]\d|3[01])(?!\d)")
_NAME_DMY = re.compile(r"(?<!\d)(0[1-9]|[12]\d|3[01])[-_. ](0[1-9]|1[0-2])[-_. ]((?:19|20)\d\d)(?!\d)")


def date_in_name(path: str, us: bool = False) -> date | None:
    """The date a file's name gives ("minutes-20181212.pdf", "2017-04-04-Directors-Meeting.md",
    "Board minutes 02 03 2011.pdf"), for a paper that prints none: clerks and sites name papers by
    their meeting. A name with two different dates gives none."""
    name = re.sub(r"[_]+", " ", PurePath(path).stem)
    found = {_real(m[1], m[2], m[3]) for m in _NAME_ISO.finditer(name)}
    found |= {_real(m[3], m[1], m[2]) if us else _real(m[3], m[2], m[1]) for m in _NAME_DMY.finditer(name)}
    found |= {d for d, _ in find_dates(name.replace("-", " "), None, us)}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _real(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:  # "2019-02-30"
        return None


_NOTICE_WORDS = 80  # "NOTICE IS HEREBY GIVEN that ... will be held on ..." runs to 60 words; business runs longer
_HELD = re.compile(r"\b(?:held|to be held|will be held|takes? place|will meet)\b", re.I)


def meeting_date(head: list[Block], year: int | None, us: bool) -> tuple[date | None, Block | None]:
    """The meeting's date: the first in the head, one said to be when the meeting is held first of all
    (a summons' "to be held on Wednesday 9th January" beats the clerk's "Date: 3rd January" above it)."""
    # a summons, a notice or a title line: a long paragraph of business may tell of another meeting "to be held"
    held = [b for b in head if _HELD.search(b.text) and len(b.text.split()) <= _NOTICE_WORDS]
    held = [b for b in held if not _not_this_meeting(b.text)]
    found = _first_date(held, year, us)
    return found if found[0] is not None else _first_date(head, year, us)


def _first_date(head: list[Block], year: int | None, us: bool) -> tuple[date | None, Block | None]:
    for n, block in enumerate(head):
        if _not_this_meeting(block.text):
            continue
        found = _meeting_dates(block.text, year, us)
        if not found and n + 1 < len(head):  # "HELD ON MONDAY 6TH" / "NOVEMBER 2023": a date broken over two lines
            after = {d for d, _ in find_dates(head[n + 1].text, year, us)}
            found = [(d, m) for d, m in _meeting_dates(f"{block.text} {head[n + 1].text}", year, us) if d not in after]
        if found:
            return found[0][0], block
    return None, None


# "Approval of December 10, 2025, Regular Board meeting minutes": a meeting earlier than this one
_APPROVES_MINUTES = re.compile(
    r"\b(?:approv\w*|confirm\w*|adopt\w*|accept\w*)\b.{0,80}\bminutes\b|\bminutes\b.{0,80}"
    r"\b(?:approv\w*|confirm\w*|adopt\w*|accept\w*)",
    re.I | re.S,
)
_SLIP_DAYS = 92  # a paper dated at the turn of the year with last year's number follows the approved minutes closely
_SLIP_MONTHS = 2  # ... and the slip happens in the first weeks of a year
_APPROVED_LATER = re.compile(r"\b(?:approved|confirmed|adopted|signed)\s+(?:at|by)\s+the\b", re.I)  # by a later meeting


def slipped_year(when: date | None, blocks: list[Block], us: bool) -> date | None:
    """A January paper printed with last year's number ("January 14, 2025" on a 2026 agenda), a common slip:
    the meeting cannot approve the minutes of meetings held after it, so one year on is the date meant when
    that puts it after every such meeting and soon after the last of them."""
    if when is None or when.month > _SLIP_MONTHS:
        return when
    later = [
        d
        for block in blocks
        if len(block.text) <= 600 and _APPROVES_MINUTES.search(block.text) and not _APPROVED_LATER.search(block.text)
        for d, _ in find_dates(block.text, None, us)  # printed years only: a bare '10 December' proves nothing
        if d > when
    ]
    if not later:
        return when
    try:
        meant = when.replace(year=when.year + 1)
    except ValueError:  # 29 February
        return when
    return meant if all(d < meant for d in later) and (meant - max(later)).days <= _SLIP_DAYS else when


# "the College Council Formed on November 14, 2002", "established in 1974": when the body began, not this meeting
_FOUNDED = re.compile(r"\b(?:formed|founded|established|incorporated|constituted|created)\s+(?:on\s+|in\s+)?$", re.I)


def _meeting_dates(text: str, year: int | None, us: bool) -> list:
    return [(d, m) for d, m in find_dates(text, year, us) if not _FOUNDED.search(m.string[: m.start()])]


# "the next meeting", "next year's annual town meeting": another meeting ("the next Ordinary Meeting ... to be
# held on" summons this one, so only a year's words may stand between)
_OTHER_MEETING = re.compile(
    r"\b(?:previous|last|next|following|future)\s+(?:year['’]s\s+(?:[\w-]+\s+){0,3}?)?meeting\b", re.I
)


# 'Date of next meeting:', 'Date and time of the next meeting', 'The next meeting will be held on', 'Next
# meeting: ...': the minutes stating when this body next meets ('the next Highways Panel meeting' is another's)
_OWN = r"(?:(?:ordinary|full|regular|monthly|general|annual|parish|council|board|committee)\s+)?"
_NEXT_STATED = re.compile(
    rf"\bdates?\s+(?:and\s+\w+\s+)?of\s+(?:the\s+)?next\s+{_OWN}meeting\b|"
    rf"\bnext\s+{_OWN}meeting\s+(?:will|is|shall|would)\s+(?:be\s+)?(?:held|on|scheduled|arranged)\b|"
    rf"^(?:\d+[.)]?\s+)?next\s+{_OWN}meeting\s*[:\-–]",
    re.I,
)
_STATED_WITHIN = 30  # characters: the date follows the words ('... will be held on Wednesday 13th ...')


def next_meeting(blocks: list[Block], held: date | None, year: int | None, us: bool) -> date | None:
    """The next meeting's day as the minutes state it ('The next meeting will be held on Wednesday 13th
    September 2017', 'Date of next meeting: 30 September', or that heading with the date on the line below):
    the date straight after those words, later than this meeting and within a year of it. 'Next meeting'
    dues fall on it, whatever papers are stored."""
    if held is None:
        return None
    for n, block in enumerate(blocks):
        for m in _NEXT_STATED.finditer(block.text):
            tail = block.text[m.end() :]
            if not tail.strip(" :.-–") and n + 1 < len(blocks):
                tail = blocks[n + 1].text  # the heading 'Date of next meeting' over its date
            found = _stated_day(tail[:80], held, year, us)
            if found:
                return found
    return None


def _stated_day(tail: str, held: date, year: int | None, us: bool) -> date | None:
    for day, match in find_dates(tail, year or held.year, us):
        if match.start() > _STATED_WITHIN or re.search(r"[;.]", tail[: match.start()]):
            return None  # 'to be arranged; the hall is closed from 23 December'
        if 0 < (day - held).days <= 366:
            return day
    return None


def _not_this_meeting(text: str) -> bool:
    """Dates of signing, publication, the next meeting or the last one's minutes."""
    if re.match(r"^\s*(?:signed|dated|date of next|next meeting|printed|published)", text, re.I):
        return True
    if _OTHER_MEETING.search(text):
        return True  # "The next meeting will be held on 9 April", "next year's annual town meeting will be held on"
    # "3. Minutes of the meeting held on 14 March": the last meeting's, not this one's date
    return bool(
        re.search(r"minutes of the meeting held", text, re.I)
        and re.search(
            r"^\s*(?:\d|\(?[a-z]\)|item\b)|\b(?:approv|confirm|agree|sign|accuracy|correct record)", text, re.I
        )
    )


def times(head: list[Block], segment: list[Block]) -> tuple[str | None, str | None]:
    """Start and end: a 'Time 12.30pm - 2.00pm' range in the head, or 'started'/'closed at' lines."""
    start = end = None
    for block in segment:
        text = block.text
        if re.search(r"next meeting|to be held", text, re.I) and block not in head[:1]:
            continue
        for m in _START.finditer(text):
            got = _waking(find_times(text[m.end() : m.end() + 20]))
            if got and start is None:
                start = got[0]
        for m in _END.finditer(text):
            got = _waking(find_times(text[m.end() : m.end() + 20]))
            if got:
                end = got[0]
    for block in head:
        if start is not None:
            break
        if re.search(r"\b(?:signed|dated|next meeting)\b", block.text, re.I):
            continue
        got = _waking(find_times(_COMING_OR_GOING.sub("", block.text)))
        if got:
            start = got[0]
            if len(got) > 1 and re.search(r"\d\s*(?:[-–]|to|until)\s*\d", block.text) and end is None:
                start, end = _afternoon(got[0], got[1]), got[1]
    return start, end


def _waking(found: list[str]) -> list[str]:
    """Times a meeting could start or end at: not in its first hour ('00:05', an item's timing)."""
    return [t for t in found if t >= "01:00"]


def _afternoon(start: str, end: str) -> str:
    """'3:30 - 4:20 PM', '5:00-6:00pm': the range's 'pm' is its start's too."""
    later = f"{int(start[:2]) + 12:02d}{start[2:]}"
    return later if start < "12:00" <= end and later < end else start


def location(head: list[Block]) -> str | None:
    for i, block in enumerate(head):
        text = block.text.strip()
        if _REMOTE.search(text):
            return "remote"
        label = _LOCATION_LABEL.match(text)
        if label:
            return label.group(1).strip(" :")
        if re.fullmatch(r"(?:place|venue|location|where)\s*:?", text, re.I) and i + 1 < len(head):
            return head[i + 1].text.strip()
        held = _HELD_AT.search(text)
        if held and not re.search(r"\d{1,2}[:.]\d{2}", held.group(1)):
            return _tidy(held.group(1).strip())
    return None


def body_and_organisation(
    head: list[Block], title: Block | None, rest: list[Block] = ()
) -> tuple[str | None, str | None]:
    """The body and its organisation; a bare kind of body ('Board', 'AGM') whose head names no organisation
    takes the one its papers name first further on ('... of the Hypha Worker Co-op')."""
    organisation = _organisation(head)
    body = clean_body(_body(head, title))
    if organisation is None and body and GENERIC.match(body):
        organisation = _named_before(title, body) or _named_organisation(rest)
    if body and organisation and not GENERIC.match(body) and organisation.lower().endswith(" " + body.lower()):
        body = organisation  # 'Alsea Commission' of the 'Port of Alsea Commission': the organisation itself
    if body and organisation and body.lower() in organisation.lower():
        organisation = organisation if organisation != body else None
    return qualified(body, organisation), organisation


_NAMED_ORG = re.compile(
    r"\b(?:of|for)\s+(?:the\s+)?((?:[A-Z][\w'’&.\-]*\s+){0,5}?(?:[A-Z][\w'’&.\-]*\s+)?"
    r"(?:Society|Association|Trust|Foundation|Club|Council|Co-?op(?:erative)?|Limited|Ltd|CIC|School|Academy|"
    r"College|University|Institute|Federation|Partnership|Charity|Group|Network))\b"
)


def _named_before(title: Block | None, body: str) -> str | None:
    """'L'Ecole Bilingue PAC Annual General Meeting': the name the title puts before a general meeting is
    whose meeting it is, whatever kind of organisation it names."""
    if title is None or not _GENERAL_MEETING.search(body):
        return None
    m = re.match(rf"^\s*((?:[A-Z][\w'’&.\-]*\s+){{1,6}}){re.escape(body)}\s*$", title.text)
    words = m.group(1).split() if m else []
    while words and (words[0].lower() in ("the", "a", "an") or _PAPER_WORDS.fullmatch(words[0])):
        words.pop(0)  # 'The Annual General Meeting', 'DRAFT Annual General Meeting': whose it is, not said
    return _tidy(" ".join(words)) if words else None


def _named_organisation(blocks: list[Block]) -> str | None:
    """The first organisation the text names in full ('the Annual General Meeting of the Eddington Residents'
    Association'): two capitalised words at least, ending in a kind of organisation."""
    for block in blocks[:60]:
        for m in _NAMED_ORG.finditer(block.text):
            if len(m.group(1).split()) >= 2:
                return m.group(1)
    return None


def _organisation(head: list[Block]) -> str | None:
    """The first short line of the head naming a council, school, trust, society ... that is not a venue,
    a person's affiliation, a link or a sentence; a letterhead's name broken over two lines is one name."""
    for n, block in enumerate(head):
        text = _without_date(block.text.strip())
        if 2 <= len(text.split()) <= 14 and _ORG.search(text) and not _NOT_ORG.search(text):
            name = _tidy(_KIND_OF_MEETING.sub("", _ORG_WRAPPER.sub("", re.sub(r"\s*[-–]\s*$", "", text))))
            name = _WHICH_MEETING.sub("", name) or None
            above = head[n - 1].text.strip() if n else ""
            if name and GENERIC.match(name) and _place_over(above):
                place = _tidy(re.sub(r"\s?[-–]\s?", "-", above))
                return f"{place} {name}"  # 'Tayport Ferryport-on-Craig' over 'Community Council'
            return name
    return None


# "Milburn Parish Council - 26th January 2021": the meeting's date after the name
_DATE_AFTER = re.compile(r"\s+[-–—,|]\s+(?=[^-–—,|]*\d)[^-–—|]*$")
# a place's name on a line of its own: 'Tayport Ferryport-on-Craig', 'MILBURN'
_NAME_PART = re.compile(r"[A-Z][\w'’]*(?:\s?[-–]\s?[\w'’]+)*(?:\s+[A-Z][\w'’]*(?:\s?[-–]\s?[\w'’]+)*){0,3}")
# what a paper says of itself above its body's name: 'DRAFT', 'Unapproved Minutes', 'Confidential'
_PAPER_WORDS = re.compile(
    r"\b(?:draft|minutes|agenda|notes|confidential|unapproved|approved|unconfirmed|confirmed|final|signed|copy|"
    r"version|meeting|private|public|part)\b",
    re.I,
)


def _place_over(above: str) -> bool:
    """Whether the line over a bare 'Community Council' is the place it belongs to, not a word about the paper."""
    return (
        len(above) <= 60
        and bool(_NAME_PART.fullmatch(above))
        and not _ORG.search(above)
        and not _PAPER_WORDS.search(above)
    )


def _without_date(text: str) -> str:
    after = _DATE_AFTER.search(text)
    return text[: after.start()] if after and find_dates(after.group(0)) else text


_NOT_ORG = re.compile(  # a venue, a person and their affiliation, a link, a date, a numbered item or a sentence
    r"https?:|www\.|[\[\]>|=]|\d|^(?:prof|dr|mr|mrs|ms|cllr|councillor)\b\.?|\b(?:chamber|hall|house|room|street|"
    r"road|zoom|teams|held|due to|welcome|issue|report)\b|\b(?:may|is|are|was|were|be|will|would|has|have|had)\b|"
    r"\([^)]*\)|,.*,|(?-i:^[a-z])|(?-i:^[A-Z][a-z]+ [A-Z][a-z]+,)|\b(?:members|attendees|present|apologies)\b",
    re.I,
)
# "Minutes of the Trustees of ...", "... Board of Directors Meeting Minutes": the paper's words, not the name
_ORG_WRAPPER = re.compile(
    r"^draft[-\s]+|^minutes of (?:the )?|\s+minutes\s*$|(?<!general)\s+meeting(?=\s*(?:minutes\s*)?$)",
    re.I,
)  # "... Board Meeting Minutes" -> "... Board"; "... Annual General Meeting minutes" keeps its meeting
# a body named by nothing but a kind of body: it needs its organisation to tell it from any other
GENERIC = re.compile(
    r"^(?:the\s+)?(?:board(?: of (?:directors|trustees|governors))?|committee|council|trustees|directors|governors|"
    r"executive(?: committee)?|exec|agm|egm|annual general meeting|extraordinary general meeting|general meeting|"
    r"(?:parish|town|community|parent|full|county|district|city|borough) council|management committee|"
    r"steering committee|standing committee|general|society)$",
    re.I,
)
_MONTH_OR_DAY = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|q[1-4]|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mtg|notes|minutes)\.?"
)
_DATED = re.compile(rf"^(?:{_MONTH_OR_DAY}\s+)+(?=\S+\s+\S)|(?:\s*[-–:/]?\s+(?:{_MONTH_OR_DAY}|previous|post))+$", re.I)


def clean_body(name: str | None) -> str | None:
    """A body's name without the meeting's date words, markup or file syntax: 'L'Ecole PAC mtg Jan' -> 'L'Ecole PAC'."""
    if not name:
        return None
    name = re.sub(r"^\W*(?:title\s*=\s*)?[\"“”]?", "", name)  # '+++ title = "Exec - March" ...' front matter
    name = re.split(r"\s+date\s*=|[\"“”]", name)[0]
    name = _DATED.sub(" ", name.strip())
    name = re.sub(r"\s+[-–:/]\s*$|^\s*[-–:/]\s+", "", " ".join(name.split()))
    name = re.sub(r"\s*[-–:/]\s*$", "", name).strip(" -–:/'’")
    name = re.sub(r"^(?:(?:of|the|for|and|at|on)\s+)+", "", name, flags=re.I)  # "Minutes of the ..." less "Minutes"
    name = _WHICH_MEETING.sub("", name)
    return name or None


# "CRETE TOWNSHIP SPECIAL BOARD OF TRUSTEES MEETING", "Port of Alsea Regular Commission Meeting": which meeting
# of the body it was, not part of the body's name
_WHICH = r"(?:extraordinary|special|ordinary|regular|emergency|monthly|quarterly|annual|adjourned)"  # meeting
_WHICH_MEETING = re.compile(rf"\b{_WHICH}\s+(?=(?:board|council|committee|commission|trustees|governors)\b)", re.I)


def qualified(body: str | None, organisation: str | None) -> str | None:
    """'Council' of 'MILBURN PARISH COUNCIL' -> 'Milburn Parish Council'; 'Board' of 'Hypha Worker Co-op' ->
    'Hypha Worker Co-op Board': a bare kind of body takes its organisation's name."""
    if not body or not organisation or not GENERIC.match(body):
        return body
    org = _tidy(organisation)
    if body.lower() in org.lower():
        return org
    return f"{org} {body}"


_SMALL_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "at"})  # 'BOARD OF TRUSTEES': 'Board of Trustees'


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _tidy(text: str) -> str:
    """A heading in capitals reads as a name: 'MILBURN PARISH COUNCIL' -> 'Milburn Parish Council'."""
    return _name_case(text.title().split()) if _in_capitals(text) else text


def _name_case(words: list[str]) -> str:
    """Title-cased words as a name prints them: 'Board of Trustees', 'Ferryport-on-Craig', 'Stratford-upon-Avon'."""
    text = " ".join(w.lower() if n and w.lower() in _SMALL_WORDS else w for n, w in enumerate(words))
    return re.sub(r"(?<=\w)-(On|Upon|Under|In|By|Le|The|De|En|Sur)-(?=\w)", lambda m: m.group(0).lower(), text)


def _body(head: list[Block], title: Block | None) -> str | None:
    """The committee the title or head names; the whole board's line ("... SCHOOL BOARD OF GOVERNORS")
    gives way to the committee named below it; else the title's own words."""
    named = [found for block in ([title] if title is not None else []) + head if (found := _body_in(block.text))]
    committees = [b for b in named if len(b.split()) >= 2 and _COMMITTEE.search(b)]
    body = named[0] if named and (_COMMITTEE.search(named[0]) or not committees) else (committees or [None])[0]
    if body is None and title is not None:
        words = re.sub(r"[\d,]+(st|nd|rd|th)?", " ", REGISTER_TITLE.sub(" ", title.text))
        rest = " ".join(w for w in words.split() if not _STRIP_TITLE.fullmatch(w) and not _NOT_A_NAME.fullmatch(w))
        body = rest.strip(" -–:") or None
    return body


_NOT_A_NAME = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day,?|to|be", re.I)  # "MEETING TO BE HELD ON TUESDAY"


_COMMITTEE = re.compile(r"(?:Committee|Forum|Panel|Working Group|Governing Body|Cabinet|Commission)$", re.I)
_FORM_LABEL = re.compile(r"COMMITTEE|MEETING|BODY|GROUP|NAME|TITLE")  # "COMMITTEE Full Governing Body DATE ..."
_GENERAL_MEETING = re.compile(r"(?:Annual|Extraordinary) General Meeting$")


# "Extraordinary Meeting of the Parish Council": which meeting of the body it was, not the body's name
_KIND_OF_MEETING = re.compile(rf"^(?:{_WHICH}\s+)+meeting\s+of\s+(?:the\s+)?", re.I)


# 'Previous AGM minutes', 'Post AGM', 'Next Committee meeting': another meeting than the paper's
_NOT_THIS = re.compile(r"(?:previous|post|next|last|prior)\s+(?:agm|egm|(?:\w+\s+)?meeting)\b", re.I)
_BRACKETED = re.compile(r"\((?![A-Z]{2,6}\))[^()]*\)")  # not an acronym's brackets: '(AGM)' names the meeting


def _body_in(text: str) -> str | None:
    """The body a heading names: 'MINUTES OF THE TRUSTEES OF ...' -> 'Trustees', 'COMMITTEE Full Governing Body'
    (a form's label, then its value) -> 'Full Governing Body'."""
    text = _BRACKETED.sub(" ", text)  # 'Ed Parkes (Cabinet Office)': a member's organisation, not the body
    found = _BODY.search(text.title() if _in_capitals(text) else text)
    acronym = _BODY.search(text) if _in_capitals(text) else None
    if acronym and re.fullmatch(r"[A-Z]{2,6} [AE]GM", acronym.group(0)):
        found = acronym  # 'WVTRA AGM 15/08/23': initials stay initials
    if not found:
        return None
    general = _GENERAL_MEETING.search(found.group(0))
    if general:  # "Suffolk's Libraries IPS Ltd Annual General Meeting": the society is the organisation
        return general.group(0)
    words = _KIND_OF_MEETING.sub("", found.group(0)).split()
    while len(words) > 1 and (_STRIP_TITLE.fullmatch(words[0]) or _FORM_LABEL.fullmatch(words[0])):
        if re.fullmatch(r"open|public", words[0], re.I) and len(words) > 2:
            break  # "Open Board" is the board meeting in public; "Open Spaces Committee" is a name
        words.pop(0)
    if _NOT_THIS.match(" ".join(words) + text[found.end() :]):
        return None  # 'Previous AGM minutes', 'the Previous Committee Meeting': another meeting than the paper's
    return _name_case(words)


def body_from_text(blocks: list[Block]) -> str | None:
    """The body a fragment speaks of most, for papers without a heading."""
    names = Counter(m.group(0) for b in blocks for m in _BODY.finditer(b.text) if not m.group(0).startswith("The "))
    return names.most_common(1)[0][0] if names else None
