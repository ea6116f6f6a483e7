"""Agenda items: numbered headings in whatever scheme the body uses, and their sub-items.

Schemes seen in real minutes: "1." "1)" "2 " "3\\." "1.1" "2.1.1" "18.07.1"
"14/23" "Minute 23/045" "BM 133/2021" Roman numerals, "(a)" "a)" "i)" "A.".
A heading is accepted when its title reads like a title (not a sentence) and
its number follows on from the last one, so numbered lists inside RESOLVED
blocks and reports do not become items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .attendance import label_of
from .blocks import Block, sentences
from .model import Item
from .names import (
    BUSINESS_OPENERS,
    COLUMN_HEADINGS,
    FOOTNOTE_MARK,
    HONORIFIC,
    STREET_WORD,
    dash_tail,
    given_name,
    is_organisation,
    is_role,
    looks_like_name,
    titled_name,
)

NUMBER = re.compile(
    r"""^(?:(?i:minute|item|agenda\s+item|min\.?)\s+(?:\#\s?)?)?
    (?P<num>
        \(\d{2}-\d{3,5}\)
      | [A-Z]{1,5}\s?\d{1,4}[a-z]?/\d{2,4}
      | [A-Z]{1,5}/\d{2,4}/\d{1,4}
      | \d{1,4}[a-z]?/\d{2,4}
      | \d{1,3}(?:\.\d{1,3}){1,3}(?![\d/])
      | \d{1,3}\s?[a-z]\)
      | \d{1,3}[a-z]?(?![\d/.,:%]\d)(?!\s?(?:am|pm|st|nd|rd|th)\b)
      | [1-9]\d{3}(?=\.\s+[A-Z])(?<!19\d\d)(?<!20\d\d)
      | (?!(?:1\d|2[0-3])[0-5]\d)[1-9]\d{3}(?=:\s+[A-Z])(?<!19\d\d)(?<!20\d\d)  # '2738:', not '1030:' (a time)
      | \(\s?(?:[a-z]{1,2}|[ivx]{1,4})\s?\)
      | (?:[a-z]|[ivx]{1,4})\)
      | [a-z](?=\.\s)
      | [IVX]{1,5}(?=[.)]\s)
      | \*?[A-Z](?=\.\s)
    )
    (?:\\?[.):]|\s[-–])?(?:\s+(?P<rest>\S.*))?$""",
    re.X,
)
FILE_NUMBER = re.compile(r"\(\d{2}-\d{3,5}\)")  # "(21-324)": a paper's file number in US council minutes
_SENTENCE_VERB = re.compile(
    r"\b(?:was|were|is|are|has|had|have|will|would|said|asked|agreed|noted|reported|explained|confirmed|"
    r"stated|informed|thanked|presented|discussed|received|welcomed|advised|did|do|does|can|could|should)\b",
    re.I,
)
_TASKLIKE = re.compile(r"\bto\s+[a-z]+\b|:\s*$|\.\s*$")  # "to agree final budget including:" is a decision
_OPENING = re.compile(  # "To receive apologies for absence: Cllrs Hale & Lowe": what the meeting opens with
    r"^(?:to\s+(?:receive|note|accept|record|approve|consider)\s+(?:any\s+|the\s+)?)?"
    rf"(?:apologies|present|attendance|{BUSINESS_OPENERS})\b",
    re.I,
)
_SMALL = {"of", "and", "the", "for", "to", "in", "on", "a", "an", "&", "with", "from", "by", "at", "–", "-", "or"}
# parts of a paper after or around its business: appendices, summary lists, next steps
_NOT_BUSINESS = re.compile(r"^(?:appendix|appendices|annexe?|attachments?|enclosures?|next steps)\b", re.I)
_SUMMARY = re.compile(
    r"^(?:summary of |schedule of |list of )?(?:actions?|action (?:list|points|log|summary)|decisions)\b"
    r"(?:\s+(?:from|arising|agreed|to be taken)\b.*)?:?$",
    re.I,
)
_LABEL = re.compile(
    r"^(?:resolved|agreed|action|actions|decision|noted|present|apologies|absent|q|a|notes?|"
    r"next steps|key next steps|progress update|recommendations?)\b\s*[:.\-–]?\s*$",
    re.I,
)


@dataclass
class Heading:
    item: Item
    block: int  # index of the heading block
    kind: str  # dec | dotted | slash | roman | sub | none
    body: str | None = None  # text run into the heading after its title
    title_blocks: tuple[int, ...] = ()  # blocks after the number's own that hold the title

    @property
    def blocks(self) -> set[int]:
        return {self.block, *self.title_blocks}


_ADDRESS = re.compile(  # a postal address on its own: a ZIP or postcode, or a street number and street
    r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?$|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$|"
    r"^\d+[A-Z]?(?:[/-]\d+[A-Z]?)?\s+(?:[A-Z][\w.]*\s+){1,4}"  # "8/16 Guthrie St, Osborne Park": unit 8, number 16
    r"(?:(?:Street|Road|Drive|Avenue|Lane|Boulevard|Way|Place)(?:\s*,|(?:\s+[A-Z][a-z]+)*$)|"
    r"(?:St|Rd|Ave|Ln)\.?(?:\s*,|\s*$))"  # 'St' only as a street's last word: '2. Repairs St Andrews Church' stays
)
_TAIL_SENTENCE = re.compile(  # what follows a title's dash or colon when it reports rather than names
    r"^(?:deferred|agreed|approved|noted|adopted|withdrawn|postponed|carried|see|to be|no|none|nil|not|n/a)\b|"
    r".*\b(?:was|were|is|are|has|had|have|will|would|arrived|left|joined|reported|said|explained|received)\b",
    re.I,
)


# what an agenda asks the meeting to do, in the imperative: minutes tell what was done, in the past tense
_AGENDA_VERB = re.compile(
    r"^(?:Confirm|Consider|Receive|Approve|Agree|Elect|Adopt|Ratify|Appoint|Review|Discuss|Note)\s+(?:the|a|an|any|"
    r"and|new|minutes|report|accounts|officers|members|nominations|amendments?|proposals?)\b"
)


# a decision whose parts follow as a numbered list: 'It was RESOLVED to:', 'The Committee agreed that:'
_DECISION_OPENS = re.compile(r"\b(?:resolv\w*|agree[ds]?|decided|recommend\w*|moved|proposed)\b[^:]*:\s*$", re.I)


def _task_line(title: str, body: str | None) -> bool:
    """'Daniel - organise posters' is a task; 'PUBLIC PARTICIPATION - to allow ...' a heading."""
    return (
        body is not None
        and body[:1].islower()
        and not title.isupper()
        and looks_like_name(title, allow_initials=False)
        and not _OUTCOME.search(" - " + body)
    )


def _asks(text: str) -> bool:
    """'1. Confirm the minutes of the previous annual general meeting.': an agenda's numbered business, asked
    for in the imperative (lettered parts of a recommendation, '(b) Note the overspend', are not items)."""
    return bool(_AGENDA_VERB.match(text)) and len(text.split()) <= 25 and not text.endswith(("?", ","))


def title_like(text: str, longest: int = 18) -> bool:
    """Reads as a heading rather than a sentence (of at most `longest` words)."""
    text = text.strip()
    if not text or not (text[0].isupper() or text[0].isdigit() or text[0] in "'\"‘“(£"):
        return False
    if not any(c.isalpha() for c in text):
        return False  # "60  64": figures in a table, never a title
    words = text.split()
    if re.match(r"^To (?!be\b)[a-z]+\b", text) and len(words) <= 25 and not text.endswith((".", "?", ",")):
        return True  # "To record those who are present, accept apologies and ...": an agenda's own wording
    if len(words) > longest or text.endswith(("?", ",")):
        return False
    if text.endswith("."):
        if _SENTENCE_VERB.search(text):
            return False
        significant = [w for w in words if w.lower() not in _SMALL]
        if len(words) > 2 and sum(w[0].isupper() or w[0].isdigit() for w in significant) < 0.6 * len(significant):
            return False  # "No matters arising." is a sentence; "Report from the Library Director." a title
    if (
        len(words) > 6
        and len(_SENTENCE_VERB.findall(text)) >= 1
        and sum(w[0].islower() for w in words) > len(words) / 2
    ):
        return False
    return not _record_marker(text)


def _record_marker(text: str) -> bool:
    """A line that marks or states a record rather than naming business."""
    if re.match(r"^(?:resolved|agreed|actions?|decisions?)\b\s*(?:[A-Z/]{2,9}\s*)?(?:[:.–]|-(?!\w))", text, re.I):
        return True  # "ACTION: Tony Burton" is a marker, never a title
    if re.match(r"^(?:resolved|agreed)\s+(?:that|to)\b", text, re.I):
        return True  # "(3) RESOLVED that Council: ...": a numbered paragraph's decision, not a sub-item
    if re.search(r"\b(?:proposed|moved),?\s+(?:and\s+)?(?:\w+\s+){1,3}seconded\b", text, re.I):
        return True  # "(1) Mr Gough proposed, and Mr Oakford seconded the motion that": a motion, not a title
    return bool(re.match(r"^(?:resolved|agreed|action|actions|decision|noted|q|a)\b\s*[:.\-–]?\s*$", text, re.I))


def _title_marked_up(title: str) -> bool:
    """A heading the author marked up as one is a title, even as a question or a task
    ('Membership. Should we institute a virtual membership plan?'), unless it is a record's marker."""
    return len(title.split()) <= 25 and not re.match(r"^(?:resolved|agreed|actions?|decisions?)\b(?!-)", title, re.I)


def _caps(token: str) -> bool:
    return any(c.isalpha() for c in token) and not any(c.islower() for c in token)


def split_title(text: str, marked: bool = False) -> tuple[str, str | None, list[str]]:
    """Title, any sentence run into it, and presenters named in it.

    A heading marked up as one (Markdown '#', HTML <h2>, a Word heading style) is a title to its last
    full stop: 'Membership. Policy for non-members attending virtual classes'."""
    text, after = _before_pages(_AGENDA_ITEM.sub("", text.strip()))
    text, led = _presented_by(text)
    text, timed = _without_timing(text)
    text, rest = _run_in(_TIME_SLOT.sub("", text), marked)
    text, presenters = _presenters_in(text)
    return text.strip().rstrip(".:;").strip(), rest or after, presenters or timed or led


def _presented_by(text: str) -> tuple[str, list[str]]:
    """The title before a 'Presenter: Ann and Bob' label, and the people it names."""
    label = _PRESENTER.search(text)
    if label is None:
        return text, []
    return text[: label.start()], _people(label.group("who"))


def _people(text: str) -> list[str]:
    """'Ann and Bob', 'Ann/Bob', 'Ann & Bob, Cy': the names a presenter's label or an agenda's timing gives."""
    return [p.strip() for p in re.split(r"\s*(?:/|&|,|\band\b)\s*", text) if p.strip()]


# "(5m, Lee)", "[ 10 min, until 0:15 ]", "(15 mins)": the time an agenda gives an item, and who leads it
_TIMING = re.compile(
    r"\s*[(\[]\s*\d{1,3}\s*(?P<unit>m|mins?|minutes?|h|hrs?|hours?)\b\.?"
    r"(?P<until>\s*,\s*(?:until|till|to|ends?)\s+\d{1,2}[:.]\d{2})?(?:\s*,\s*(?P<who>[^()\[\],]+?))?\s*[)\]]\s*$",
    re.I,
)


def _without_timing(text: str) -> tuple[str, list[str]]:
    """The title without its timing, and the one who leads it where the timing names them ('(10m, Ann)').
    Minutes alone are a timing; 'm' or hours only beside a name or an end time ('Wall height (2m)' is a size)."""
    timing = _TIMING.search(text)
    if timing is None or timing.start() == 0:
        return text, []
    who = (timing.group("who") or "").strip()
    if not (timing.group("unit").lower().startswith("min") or who or timing.group("until")):
        return text, []
    named = _people(who)  # the timing's own commas part it from the name, so a name holds none
    people = named if named and all(re.fullmatch(r"(?:[A-Z][\w'’.\-]*\s?){1,4}", p) for p in named) else []
    return text[: timing.start()], people


# "Governance Updates (Pages 285 - 334)", "Questions (Item 6)": where the pack prints the item's report, or
# which agenda item a minute takes up, after its title
_PAGES = re.compile(r"\s*\(\s*(?:pages?\s+\d+(?:\s*[-–]\s*\d+)?|item\s+\d+[a-z]?)\s*\)\s*", re.I)


def _before_pages(text: str) -> tuple[str, str | None]:
    """The title ends at the pack's cross-reference; what follows it (an officer's name) is not title."""
    pages = _PAGES.search(text)
    if pages is None or pages.start() == 0:
        return text, None
    after = _PAGES.sub(" ", text[pages.end() :]).strip()
    if after[:1].islower():  # "Questions (Item 6) from the public": the title goes on past the reference
        return f"{text[: pages.start()]} {after}", None
    return text[: pages.start()], after or None


# "11.00 - 11.10 Minutes and action points", "11:05-11:20 Treasurer's report": a timetable's slot before the title
_CLOCK_TIME = r"\d{1,2}[.:]\d{2}(?:\s?[ap]\.?m\.?)?"
_TIME_SLOT = re.compile(rf"^{_CLOCK_TIME} ?[-–] ?{_CLOCK_TIME} (?=\S)", re.I)


def _run_in(text: str, marked: bool = False) -> tuple[str, str | None]:
    """The title apart from what runs on after it: a colon's or full stop's sentence, a capitals run's
    text, or what a dash adds ("Payments – The schedule of payments was ...")."""
    text, rest = _split_colon(text, marked)
    if rest is None and not marked:
        text, rest = _split_stop(text)
    text, rest = _split_capitals(text, rest)
    return _split_dash(text, rest)


_ASKS = re.compile(r"^(?:to\s+)?(?:discuss|consider|receive|approve|agree|note|review|decide)\b", re.I)
_NEXT_MEETING = re.compile(  # "Date of next meeting", "Date and venue of the next meeting", "Next meeting"
    r"^(?:(?:date|time|venue)s?(?:,?\s+(?:and\s+)?(?:date|time|venue|place))*\s+of\s+(?:the\s+)?)?next\s+meetings?$",
    re.I,
)


def _split_colon(text: str, marked: bool = False) -> tuple[str, str | None]:
    colon = re.match(r"^([^:;]{2,120}?)\s*([:;])\s*(\S.*)$", text)
    if not colon:
        return text, None
    head, mark, tail = colon.groups()
    # 'Discuss the purchase of a new bench for the recreation ground: the council has ...': what an agenda asks of the
    # meeting may run long before its colon; any other title stays short
    asks = bool(_ASKS.match(head))
    if not title_like(head) or len(head.split()) > (16 if asks else 10) or (not asks and len(head) > 60):
        return text, None
    # "24/00312/HH, 14 Mill Lane: two-storey rear extension" names one application: one title
    reference = mark == ":" and bool(re.search(r"[\d,]", head)) and not _TAIL_SENTENCE.match(tail)
    runs_on = (
        mark == ";"
        or (tail[0].islower() and _TAIL_SENTENCE.match(tail))  # "Finance: budget monitoring" is one title
        or (not tail[0].islower() and not title_like(tail))
        or (_caps(head) and not _caps(tail))
        or re.match(r"(?:none|nil|n/a)\b", tail, re.I)
        or _OPENING.match(head)
        or _NEXT_MEETING.match(head)  # "Date of next meeting: 30th September": the date is the item's text
        or (not marked and _tail_is_content(tail))
    )
    return (head, tail) if runs_on and not reference else (text, None)


# what follows a title's colon as its content: the purpose ('To appoint the Auditor'), a motion, sums stated to the
# penny (a balance, not a threshold), times, a link
_CONTENT = re.compile(
    r"^To\s+[a-z]+\b|\b(?:proposed|seconded|read out)\b|[£$€]\s?\d[\d,]*\.\d\d\b|\b\d{1,2}(?:[:.]\d{2})?\s?[ap]\.?m\b|"
    r"https?://",
)


def _tail_is_content(tail: str) -> bool:
    """What a colon introduces is the item's content, not a subtitle: the _CONTENT forms, or a person named in
    full with their post ('Guest Speaker: Jane Smith, Author'); 'Policies: Safeguarding, Data Protection' names."""
    name, comma, _ = tail.partition(",")
    name = name.strip()
    person = bool(comma) and len(name.split()) == 2 and given_name(name) and not _STREET_END.search(name)
    return bool(_CONTENT.search(tail)) or person


_STREET_END = re.compile(rf"\b{STREET_WORD}$", re.I)


def _split_stop(text: str) -> tuple[str, str | None]:
    """'Minutes of the last meeting. They were ...': a full stop ends the title."""
    stop = re.match(r"^(.{3,140}?)\.\s+(?=[A-Z(])(.+)$", text)
    short_word = r"\b(?:[A-Z]|[Nn]o|[Dd]r|[Mm]r|[Mm]rs|[Cc]llr|[Ss]t|incl|[Ee]tc)$"
    head = stop.group(1) if stop else ""
    if stop and title_like(head) and len(head.split()) <= 20 and not re.search(short_word, head):
        return head, stop.group(2)
    return text, None


def _split_capitals(text: str, rest: str | None) -> tuple[str, str | None]:
    """'APOLOGIES FOR ABSENCE There was an apology ...': a title in capitals, then its text."""
    words = text.split()
    run = 0
    for word in words:
        if any(c.islower() for c in word):
            break
        run += 1
    if (
        sum(1 for w in words[:run] if _caps(w)) >= 2
        and run < len(words)
        and not re.fullmatch(r"\([^()]*\)", " ".join(words[run:]))
    ):
        return " ".join(words[:run]).rstrip(" -–:"), " ".join(words[run:])
    return text, rest


_DASH_SENTENCE = re.compile(
    r"^(.{3,}?)\s+[-–—]\s+((?:The|A|An|It|This|Members|Councillors|(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\s+)?"
    r"[A-Z][a-z]+ (?:reported|said|explained|confirmed|updated|presented|noted|asked|arrived|left|joined))\b"
    r".*(?:[.!]|\d\s?[ap]\.?m\.?)$)"
)


def _split_dash(text: str, rest: str | None) -> tuple[str, str | None]:
    """What a dash adds when it reports (an outcome, a marker, a sentence) rather than names."""
    # "Old Business- none due to time": the dash may hang on the title's last word
    dash = re.match(r"^(.{3,}?)(?:\s+|(?<=[a-z]))[-–—]\s+([a-z].*|(?:RESOLVED|AGREED|DECISION|ACTION)\b.*)$", text)
    if dash and dash.group(2)[0].islower() and not _TAIL_SENTENCE.match(dash.group(2)):
        dash = None  # "Suffolk Libraries – documents forwarded to the Trustees" is the whole title
    if dash:
        return dash.group(1), dash.group(2)
    told = re.match(r"^(.{3,}?)\s+[-–—]\s+([A-Z].*)$", text)
    first = sentences(told.group(2))[0] if told else ""
    if told and len(first.split()) >= 4 and _TAIL_SENTENCE.match(first) and not _title_case(first):
        return told.group(1), told.group(2)  # "Halloween – the café would like to be involved"
    sentence = _DASH_SENTENCE.match(text)
    if sentence and (re.search(r"\b(?:arrived|left|joined)\b", sentence.group(2)) or not title_like(sentence.group(2))):
        return sentence.group(1), sentence.group(2)  # "(a) Payments – The schedule of payments ..."
    return text, rest


def _title_case(text: str) -> bool:
    """'Council Will Consider Funding': a headline's capitals, not a sentence's."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’]*", text) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _presenters_in(text: str) -> tuple[str, list[str]]:
    """Presenters a heading names: initials at its end ('HP', 'SA/EW'), a titled name after a dash,
    or names in brackets; the title without them."""
    presenters: list[str] = []
    if not _caps(text):
        tail = re.search(r"\s+((?:[A-Z]{2,3}|All)(?:\s*[/+&,]\s*[A-Z]{2,3})*)$", text)
        if tail and len(text.split()) > 1:
            presenters = [p.strip() for p in re.split(r"[/+&,]", tail.group(1)) if p.strip()]
            text = text[: tail.start()]
    if not presenters:
        text, presenters = _titled_name_after_dash(text)
    return _names_in_brackets(text, presenters)


def _titled_name_after_dash(text: str) -> tuple[str, list[str]]:
    """'Student Report – Cllr Priya Nair' names her; 'Roading Programme Update - Ridge Road Slip' names its
    subject: only titled names ('Cllr', 'Trustee Albrecht/ Dr Jo Bell') make presenters here; the meeting's
    roster and words confirm others later (pipeline)."""
    tail = dash_tail(text)
    people = [titled_name(part) for part in tail[1]] if tail else []
    if not people or not all(people):
        return text, []
    return tail[0], people


def _names_in_brackets(text: str, presenters: list[str]) -> tuple[str, list[str]]:
    """'(Jane Smith)', '(Jane Smith and Tom Reid)' or '(Lucy Adeyemi, Chief Operating Officer)'."""
    named = re.search(r"\s*[(\[]([^()\[\]]+)[)\]]\s*[:.]?\s*$", text)  # "1. Welcome (Jane Smith):"
    if not named or len(named.group(1).split()) < 2:
        return text, presenters
    parts = [p.strip() for p in re.split(r"\s*(?:,|&|\band\b|;)\s*", named.group(1)) if p.strip()]
    people = [p for p in parts if looks_like_name(p, allow_initials=False)]
    if people and (len(people) == len(parts) or (len(people) == 1 and parts[0] == people[0])):
        return text[: named.start()], people
    return text, presenters


def kind_of(number: str) -> str:
    if "/" in number or FILE_NUMBER.fullmatch(number):  # "14/23", "(21-324)": file numbers
        return "slash"
    if re.fullmatch(r"\d+(?:\.\d+)+", number):
        return "dotted"
    if re.fullmatch(r"\d+[a-z]?", number):
        return "dec"
    if re.fullmatch(r"\d+\s?[a-z]\)", number):
        return "sub"
    if re.fullmatch(r"[IVX]+", number):
        return "roman"
    return "sub"


def _value(number: str) -> int:
    digits = re.match(r"\d+", number)
    if digits:
        return int(digits.group(0))
    roman = {"I": 1, "V": 5, "X": 10}
    total = 0
    for a, b in zip(number, number[1:] + " "):
        v = roman.get(a, 0)
        total += -v if roman.get(b, 0) > v else v
    return total


def find_items(blocks: list[Block], start: int, end: int, skip: set[int]) -> list[Heading]:
    """The meeting's numbered headings in order, each checked against the numbering so far."""
    scan = _Scan(blocks, start, end, skip, numbered_paragraphs=_numbered_paragraphs(blocks, start, end))
    for i in range(start, end):
        scan.read(i)
    return _without_name_lists(scan.finish(), blocks)


def _without_name_lists(headings: list[Heading], blocks: list[Block]) -> list[Heading]:
    """A numbered list of people under an attendance label ('Attended in person:' / '1. Adam Mellor' /
    '2. Beau Scott' ...) is a roll, not business: three or more such entries running are no items."""

    def person(h: Heading) -> bool:
        title = FOOTNOTE_MARK.sub("", h.item.title.strip())  # 'Penny Wood (*)': a mark the roll explains below
        return len(title.split()) in (2, 3) and looks_like_name(title, allow_initials=False) and not is_role(title)

    def roll(run: list[Heading]) -> bool:
        if len(run) < 3:
            return False
        k = run[0].block  # back over the list's first names, which an earlier numbering may have passed over
        while k > 0 and (m := NUMBER.match(blocks[k - 1].text.strip())) and looks_like_name(m.group("rest").strip()):
            k -= 1
        return any(_bare_label(b.text) for b in blocks[max(0, k - 2) : k])

    out, run = [], []
    for h in headings:
        if person(h) and not h.body and (not run or h.block - run[-1].block == 1):
            run.append(h)
            continue
        out += [] if roll(run) else run
        run = [h] if person(h) and not h.body else []
        if not run:
            out.append(h)
    out += [] if roll(run) else run
    return sorted(out, key=lambda h: h.block)


def _bare_label(text: str) -> bool:
    """An attendance label standing alone over its list ('Attended in person:'), naming no one itself."""
    found = label_of(text)
    return bool(found) and not found[2] and text.rstrip().endswith(":")


def _numbered_paragraphs(blocks: list[Block], start: int, end: int) -> bool:
    """Paragraphs numbered 2.1, 2.2 ... under their item's heading, each a sentence or more, are not sub-items."""
    dotted = [
        len(blocks[k].text.split()) for k in range(start, end) if re.match(r"^\d{1,3}\.\d{1,3}\s", blocks[k].text)
    ]
    return len(dotted) >= 4 and sum(n > 15 for n in dotted) * 2 >= len(dotted)


@dataclass
class _Titled:
    """A numbered line with its title found: where the title was printed, and whether in a cell of its own."""

    rest: str
    span_from: Block
    span_to: Block
    title_blocks: tuple[int, ...] = ()
    in_cell: bool = False  # a title in its own table cell: its full stop ends a cell, not a sentence


@dataclass
class _Scan:
    """Reading headings in order: the current top-level item and the numbering each new one must continue."""

    blocks: list[Block]
    start: int
    end: int
    skip: set[int]
    numbered_paragraphs: bool = False
    found: list[Heading] = field(default_factory=list)
    top: Heading | None = None
    top_kind: str | None = None
    last_value: int | None = None
    last_depth: int = 0
    sub_next: int = 1
    in_summary: bool = False
    listing: bool = False  # a list introduced by a colon has been seen under the current item
    restated: int = 0  # items of a list at the top that come again with their business
    taken_up: set[int] = field(default_factory=set)  # the blocks of that list whose items came again
    used: set[int] = field(default_factory=set)

    def read(self, i: int) -> None:
        if i in self.skip or i in self.used:
            return
        block = self.blocks[i]
        match = heading_number(block)
        if not match:
            if _SUMMARY.match(block.text.strip()) and block.cell is None:
                self.in_summary = True  # "Action list", "Summary of decisions": restated, not business
            return
        number, rest = match.group("num").strip(), match.group("rest")
        run = _listed(self.blocks, i, self.end, self.top, self.listing)
        if run:  # "The following were agreed:" and a lettered list: text of the item, not sub-items
            self.listing = True
            self.used.update(run)
            return
        titled = self._titled(i, rest)
        opened = i > self.start and bool(_DECISION_OPENS.search(self.blocks[i - 1].text))  # 'RESOLVED to:'
        parts = self._parts(number, titled, opened) if titled is not None else None
        if parts is None:
            return
        title, body, presenters = parts
        placed = self._place(i, number, title, titled)
        if placed is None:
            return
        number, kind, parent = placed
        item = Item(number, title, titled.span_from.found(f"item.{kind}", titled.span_to), parent, presenters)
        self._add(Heading(item, i, kind, body, titled.title_blocks))

    def _titled(self, i: int, rest: str | None) -> _Titled | None:
        """The title: after the number, in the table cell beside it, on the next line, or on the line above."""
        block = self.blocks[i]
        if rest is not None:
            return _Titled(rest, block, block)
        beside = _cell_beside(self.blocks, i, self.end)
        if beside:
            return self._title_in_cell(block, beside)
        nxt = i + 1
        if (
            nxt < self.end
            and nxt not in self.skip
            and _same_row(block, self.blocks[nxt])
            and not NUMBER.match(self.blocks[nxt].text)
            and title_like(split_title(self.blocks[nxt].text)[0])
        ):
            self.used.add(nxt)
            return _Titled(self.blocks[nxt].text, block, self.blocks[nxt], (nxt,))
        above = self.blocks[i - 1] if i - 1 >= self.start else None
        if (
            above is not None
            and _same_row(block, above)
            and title_like(above.text)
            and not any(h.block == i - 1 for h in self.found)
        ):
            return _Titled(above.text, above, block)
        return None

    def _title_in_cell(self, block: Block, beside: list[int]) -> _Titled:
        """A number in its own table column: the cell beside holds the title (and maybe notes).

        A cell of title lines alone is one title; where the notes share the cell, a bold line after the
        title is the notes' own sub-heading ("Update from Committees" / "Finance and Audit")."""
        blocks = self.blocks
        same = [
            k for n, k in enumerate(beside) if all(blocks[m].bold == blocks[beside[0]].bold for m in beside[: n + 1])
        ]
        whole = " ".join(blocks[k].text for k in same)
        alone = len(same) == len(beside)
        take = same if alone and len(whole.split()) <= 25 and title_like(whole) else beside[:1]
        self.used.update(take)
        return _Titled(" ".join(blocks[k].text for k in take), block, blocks[take[-1]], tuple(take), True)

    def _parts(self, number: str, titled: _Titled, opened: bool = False) -> tuple[str, str | None, list[str]] | None:
        """Title, text run into the heading and presenters, when the line reads as a heading at all."""
        rest = titled.rest
        paper = bool(FILE_NUMBER.fullmatch(number))
        marked = titled.span_from.heading is not None
        title, body, presenters = split_title(rest, marked)
        if paper:  # a file number marks a paper: its formal name, however it reads, up to its full stop
            first, *more = sentences(rest)
            title, body = first.rstrip("."), " ".join(more) or None
        ends_stop = body is None and rest.rstrip().endswith(".") and not titled.in_cell
        printed = title + "." if ends_stop else title
        short = len(title.split()) <= 8 and not title.startswith("That ")
        if printed.endswith(".") and short and self._continues_top(number):
            printed = title  # "10. Any other business allowed by the Chair." is still a heading
        if _ADDRESS.search(title) or _ADDRESS.search(f"{number} {title}"):
            return None  # "200 Civic Center Drive, Santa Lucia, CA 93401", "1 Dr. Carlton B. Goodlett Place": where
        # the next number of the paper's own sequence may head a long formal title: 'Minutes of the meeting
        # held on 13 February 2025 and, if in order, to be approved as a correct record'
        longest = 30 if self._continues_top(number) and not printed.endswith(".") else 18
        titled_so = (
            paper
            or title_like(printed, longest)
            or marked
            and _title_marked_up(title)
            or self._asks_next(number, printed, opened)
        )
        if not titled_so or len(title) < 2 or _task_line(title, body):
            return None
        return title, body, presenters

    def _asks_next(self, number: str, printed: str, opened: bool) -> bool:
        """The next number of the paper's own sequence asking for business in the imperative ('1. Confirm the
        minutes of ...'), not a list a colon opens ('It was RESOLVED to:' / '1. Note the report.')."""
        return kind_of(number) == "dec" and self._continues_top(number) and not opened and _asks(printed)

    def _continues_top(self, number: str) -> bool:
        return (
            kind_of(number) == "dec" and _value(number) == (self.last_value or 0) + 1 and self.top_kind in (None, "dec")
        )

    def _place(self, i: int, number: str, title: str, titled: _Titled) -> tuple[str, str, str | None] | None:
        """(number, kind, parent) where the heading fits the numbering so far; None where it does not."""
        kind = kind_of(number)
        if number in ("A", "Q") and any(self.blocks[k].text.startswith("Q.") for k in range(max(self.start, i - 3), i)):
            return None  # the answer of a question-and-answer run, not item A
        if kind == "sub" or (kind == "roman" and self.top_kind not in (None, "roman")):
            parent = self.top.item.number if self.top is not None and self.top_kind != "sub" else None
            return number.removeprefix("*"), "sub", parent
        if kind == "dotted":
            return self._dotted(number, title)
        if kind == "dec" and self._sub_of_dec(number, title, titled.rest, self.blocks[i]):
            self.sub_next += 1
            return number, "sub", self.top.item.number  # "1. General Managers Report" under item 6
        under_other = self.top is not None and self.top_kind in ("roman", "slash", "dotted")
        if kind == "dec" and under_other and _value(number) == self.sub_next:
            self.sub_next += 1
            return number, "sub", self.top.item.number  # "1)" under "VI. CONSENT AGENDA"
        if kind in ("dec", "roman"):
            if self._continues(i, number, kind) or self._out_of_order(i, number, title):
                return number, kind, None
            return None
        if kind == "slash":
            return self._slash(i, number, title, titled)
        return number, kind, None

    def _dotted(self, number: str, title: str) -> tuple[str, str, str | None] | None:
        """'2.1.1', '18.07.1': a scheme of its own, or sub-items of the item whose number they start with."""
        parts = number.split(".")
        top = self.top
        if self.top_kind in (None, "dotted") and (
            self.top_kind == "dotted" or len(parts) >= 3 or self.last_value is None
        ):
            value = int(parts[-1])
            parent = None
            if self.top_kind == "dotted" and len(parts) != self.last_depth:
                if top is None or not number.startswith(top.item.number + ".") or title.endswith("."):
                    return None
                parent = top.item.number
            elif self.last_value is not None and not 0 < value - self.last_value <= 3:
                return None
            self.last_value, self.last_depth = value, len(parts)
            return number, "sub" if parent else "dotted", parent
        if top is not None and parts[0] == top.item.number and not title.endswith(".") and not self.numbered_paragraphs:
            return number, "sub", top.item.number
        return None

    def _sub_of_dec(self, number: str, title: str, rest: str, block: Block) -> bool:
        """'1. General Managers Report' under item 6: a new count under a decimal item is its sub-items."""
        top = self.top
        if top is None or self.top_kind != "dec" or _value(number) != self.sub_next:
            return False
        words = len(title.split())
        short = self.sub_next > 1 or words <= 6 or (words <= 10 and not _TASKLIKE.search(rest))
        return (
            short
            and not self.in_summary
            and not looks_like_name(title, allow_initials=False)
            and not _same_column(block, self.blocks[top.block])
        )

    def _continues(self, i: int, number: str, kind: str) -> bool:
        """A decimal or Roman heading must follow the last one by one to three."""
        value = _value(number)
        if self.top_kind not in (None, kind):
            if self.top_kind != "sub":
                return False
            self.top_kind = None
        if self.last_value is None and value > 5 and kind == "dec" and self.found:
            return False
        jump = self.last_value is not None and not 0 < value - self.last_value <= 3
        if jump and not (
            0 < value - self.last_value <= _MAX_SLIP
            and not _comes_later(self.blocks, i, self.end, kind, self.last_value + 1)
            and _run_goes_on(self.blocks, i, self.end, kind, value)
        ):
            return False
        if (
            not jump
            and self.last_value is not None
            and value > self.last_value + 1
            and _comes_later(self.blocks, i, self.end, kind, self.last_value + 1)
        ):
            return False  # "Item 6 (premises): ..." under matters arising, before item 4 itself
        self.last_value = value
        return True

    def _out_of_order(self, i: int, number: str, title: str) -> bool:
        """'8. STANDING ITEMS' after '9. FINANCE', '## 7. Object.observe' after '## 9. Promises': a number
        printed out of order, or items taken in another order, is an item still when it steps back to a number
        no item has yet and is set as the item before it was (a styled heading after a styled heading, capitals
        after capitals); a '1.' starts a new count, a list of its own."""
        top, value = self.top, _value(number)
        if top is None or self.top_kind != "dec" or not 1 < value < (self.last_value or 0) or self.blocks[i].cell:
            return False
        if any(h.kind == "dec" and _value(h.item.number) == value for h in self.found):
            return False
        before = self.blocks[top.block]
        styled = self.blocks[i].heading is not None and before.heading is not None
        capitals = title.isupper() and top.item.title.isupper() and len(title) > 3
        if styled or capitals:
            self.last_value = value
            return True
        return False

    def _slash(self, i: int, number: str, title: str, titled: _Titled) -> tuple[str, str, str | None] | None:
        """'14/23', 'LW 56/2122': an agenda listed at the top comes again with each item's business."""
        top = self.top
        if top is not None and top.item.number[:1].isalpha() and number[:1].isdigit():
            return None  # "51/2122" in an action table among "LW 51/2122" items points at an item
        duplicate = next((h for h in self.found if h.item.number == number), None)
        if duplicate is not None:
            listed = _bare(duplicate, self.blocks, self.end) or duplicate.block - 1 in self.taken_up
            if listed:  # the agenda listed it (its last line among them); here is the item itself
                self.taken_up.add(duplicate.block)
                duplicate.item.title, duplicate.block = title, i
                duplicate.item.found = titled.span_from.found("item.slash", titled.span_to)
                self.top = duplicate
                self.restated += 1
            return None  # otherwise a later mention of an item with a body of its own
        if self.top_kind not in (None, "slash"):
            return None
        return number, "slash", None

    def _add(self, heading: Heading) -> None:
        self.found.append(heading)
        if heading.kind != "sub":
            self.top, self.top_kind = heading, heading.kind
            self.sub_next, self.listing, self.in_summary = 1, False, False
        elif self.top_kind is None:
            self.top_kind = "sub"

    def finish(self) -> list[Heading]:
        found = self.found
        if self.restated >= 3:  # the list at the top was the agenda: a line never taken up is a misprint or gap
            found = [h for h in found if not (h.kind == "slash" and _bare(h, self.blocks, self.end))]
        found.sort(key=lambda h: h.block)  # an agenda line taken up later moved to where the item is
        tops = [h for h in found if h.kind != "sub"]
        plain = self._plain_instead(tops)
        if plain is not None:
            return plain
        blocks, start, end, skip = self.blocks, self.start, self.end, self.skip
        headed = self._headed_instead(found, tops) if len(tops) <= 1 else None
        if headed is not None:
            return headed
        if all(FILE_NUMBER.fullmatch(h.item.number or "") for h in found if h.kind != "sub"):
            # file numbers name papers rather than order them: the body's order is its section headings
            return _merge(found, [h for h in _unnumbered(blocks, start, end, skip) if _caps(blocks[h.block].text)])
        marked = self._marked_beside(tops)
        if marked:
            found = _merge(found, marked)
        # items numbered by Word's or HTML's list markup beside items numbered by hand ("VII. New Business")
        if not any(blocks[k].first.number is not None for k in range(start, end)):
            return found  # no list markup (a PDF or typed text): nothing more to look for
        listed = [h for h in _unnumbered(blocks, start, end, skip) if _outer_list_entry(blocks, h.block, start)]
        return _merge(found, listed) if listed else found

    def _marked_beside(self, tops: list[Heading]) -> list[Heading]:
        """Headings in markup that carry no number, beside numbered items that are headings in markup too:
        '## Reports' before '### Item 1: ...', '## Adjournment' after the last. One as deep as the items only
        counts before the first (after it, it heads a part of the item above); the heading straight over the
        first numbered one wraps them ('## Discussion'), and appendices and summaries are not business."""
        levels = [self.blocks[h.block].heading for h in tops]
        if len(tops) < 2 or None in levels:
            return []
        first, shallowest, deepest = tops[0].block, min(levels), max(levels)
        marked = [k for k in range(self.start, first) if self.blocks[k].heading is not None]
        wrapper = marked[-1] if marked and self.blocks[marked[-1]].heading < shallowest else None
        out = []
        for h in _unnumbered(self.blocks, self.start, self.end, self.skip):
            block = self.blocks[h.block]
            level, text = block.heading, block.text.strip()
            if level is None or h.block == wrapper or heading_number(block):
                continue
            if _NOT_BUSINESS.match(text) or _SUMMARY.match(text):
                continue
            if level < shallowest or (level <= deepest and h.block < first):
                out.append(h)
        return out

    def _headed_instead(self, found: list[Heading], tops: list[Heading]) -> list[Heading] | None:
        """Papers that number nothing, or only one line: their headings, topic bullets or run-in topics."""
        blocks, start, end, skip = self.blocks, self.start, self.end, self.skip
        unnumbered = _unnumbered(blocks, start, end, skip) + _bullet_topics(blocks, start, end, skip)
        sized = any(blocks[k].heading is not None for k in range(start, end))  # a PDF's headings by type size
        if not any(blocks[k].heading is not None and blocks[k].page is None for k in range(start, end)):
            run_in = _run_in_topics(blocks, start, end, skip | {h.block for h in unnumbered})
            run_in = _one_run(blocks, run_in) if sized else run_in
            if tops and run_in and run_in[0].block < tops[0].block:
                return _merge([], unnumbered + run_in)  # a lone '1.' after the topics numbers a list inside one
            unnumbered += run_in if not tops else []
        marked = sum(blocks[h.block].heading is not None for h in unnumbered)
        # a lone 'DSCI 101/102' or '1. Approval of the minutes' among three or more headings in markup is a
        # course code or a list inside one heading's part, not a numbering; a lone '## 9. Promises' numbers
        if not tops or marked >= 3 and (tops[0].kind == "slash" or blocks[tops[0].block].heading is None):
            return _merge(found, unnumbered)
        return None

    def _plain_instead(self, tops: list[Heading]) -> list[Heading] | None:
        """'1. Kerb not repaired  2. ...' under one plain heading, '1. Consultation ...' under the next: lists
        that start again under each heading are notes, and the plain headings are the items."""
        ones = _list_starts(self.blocks, self.start, self.end)
        if len(tops) < 2 or len(ones) < 3:
            return None
        plain = self._plain_headings() if len(tops) <= 3 else None
        if plain is not None and len(plain) >= 4:
            return plain
        if _in_sequence(tops):
            return None  # "1. Apologies ... 5. Correspondence": a numbering of its own, lists or not under it
        # most lists start straight under a short heading of their own: "Lane Community College" / "1. ..."
        heads = _list_heads(self.blocks, ones, self.skip, self.start)
        if len(heads) < 4 or len(heads) < 0.7 * len(ones):
            return None
        return _merge(self._plain_headings() if plain is None else plain, heads)

    def _plain_headings(self) -> list[Heading]:
        plain = _unnumbered(self.blocks, self.start, self.end, self.skip)
        return [h for h in plain if not heading_number(self.blocks[h.block])]


def _in_sequence(tops: list[Heading]) -> bool:
    """Top numbers that run 1, 2, 3, 4 ... without a break, each with business under it (not a list's lines
    one after another, as a numbered roll's are)."""
    decs = [h for h in tops if h.kind == "dec"]
    values = [_value(h.item.number) for h in decs]
    if len(values) < 4 or values != list(range(values[0], values[0] + len(values))):
        return False
    apart = sum(b.block - a.block > 1 for a, b in zip(decs, decs[1:]))
    return apart >= (len(decs) - 1) / 2


def _list_heads(blocks: list[Block], ones: list[int], taken: set[int], start: int) -> list[Heading]:
    """'Umpqua Community College' over '1. Enrollment is stable.': the short line a restarting list hangs from."""
    out = []
    for k in ones:
        text = blocks[k - 1].text.strip()
        if k - 1 < start or k - 1 in taken or heading_number(blocks[k - 1]) or _SECTION_LABEL.match(text):
            continue
        if len(text.split()) > 8 or text.endswith((".", "?", ",", ";", ":")) or not text[:1].isupper():
            continue
        title, body, presenters = split_title(text, blocks[k - 1].heading is not None)
        out.append(_unnumbered_heading(blocks, k - 1, title, body, presenters))
    return out


def _list_starts(blocks: list[Block], start: int, end: int) -> list[int]:
    """Lines numbered 1: where three or more lists start again, they are lists under headings, not a numbering."""
    return [k for k in range(start, end) if re.match(r"^1[.)]\s+\S", blocks[k].text.strip())]


def heading_number(block: Block) -> re.Match | None:
    """The number a line opens with, where it can be an item's."""
    text = block.text.strip()
    if re.match(r"^agenda\s+item\s+\d+[a-z]?\s*$", text, re.I):
        return None  # "Agenda Item 2" stamps a paper in a pack; it is not an item heading
    match = NUMBER.match(text)
    if match is None:
        return None
    if _date_cell(text):
        return None  # "10.25.15" alone (an action table's date column, a title's date line) is a day, no item
    if _CLOCK_START.match(text) or _date_start(text) or _DURATION.match(text):
        return None  # "14 May 2013, 14:00-17:00", "6.30 – 7.30 p.m. on Zoom", "2 Hours": when, never an item
    return match


_DURATION = re.compile(r"^\d{1,3}\s*(?:hours?|hrs?|mins?)\b", re.I)  # not "2 Minutes of the meeting held ..."
_CLOCK_START = re.compile(  # "6.30 pm", "6.30 – 7.30 p.m.", "14:00-17:00"; not "4.15 - 16 Park Road"
    r"^\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?(?![a-z])|[–-]\s*\d{1,2}(?:[.:]\d{2}|\s*[ap]\.?m\.?(?![a-z])))", re.I
)


def _date_start(text: str) -> bool:
    from .dates import find_dates

    # "21.01.01 Election of Chair" is an item numbered by year, month and sequence: only a date with its month
    # in words or a year of four figures opens a line as a date
    return any(m.start() == 0 and re.search(r"[A-Za-z]|\d{4}", m.group(0)) for _, m in find_dates(text[:40]))


_OUTCOME = re.compile(
    r"\s[-–—]\s*(?:agreed|approved|adopted|ratified|noted|rejected|not approved|deferred\b.*|withdrawn)\.?$", re.I
)
_LIST_START = re.compile(r"^\(?(?:a|i|1)[.)]?$")


def _listed(blocks: list[Block], i: int, end: int, top: Heading | None, listing: bool) -> list[int]:
    """The lines of a list that starts at block i inside an item, or [] when block i is no list's start.

    A run of numbered lines straight after a line that ends in ':' ("The following policies were
    agreed:") is a list in the item's text; once an item has one, later runs that start again are too.
    """
    match = NUMBER.match(blocks[i].text.strip())
    if top is None or not match or not _LIST_START.match(match.group("num").strip().rstrip(".")):
        return []
    if kind_of(match.group("num").strip()) == top.kind and top.kind != "sub":
        return []
    colon = i > 0 and blocks[i - 1].text.rstrip().endswith(":")
    if not (listing or colon):
        return []
    kind = kind_of(match.group("num").strip())
    run = [i]
    while run[-1] + 1 < end:
        more = NUMBER.match(blocks[run[-1] + 1].text.strip())
        if not more or kind_of(more.group("num").strip()) != kind:
            break
        run.append(run[-1] + 1)
    if (len(run) < 2 and not colon) or sum(bool(_OUTCOME.search(blocks[k].text)) for k in run) * 2 >= len(run):
        return []  # "b. Lettings Policy - agreed": each line records a decision on a paper, so each is an item
    return run


def _comes_later(blocks: list[Block], i: int, end: int, kind: str, value: int) -> bool:
    """Whether the number that should come next is still to come, so a bigger one here is a reference."""
    for k in range(i + 1, min(end, i + 200)):
        match = NUMBER.match(blocks[k].text.strip())
        if match and kind_of(match.group("num").strip()) == kind and _value(match.group("num").strip()) == value:
            return True
    return False


def _run_goes_on(blocks: list[Block], i: int, end: int, kind: str, value: int) -> bool:
    """'88' then '99 FINANCE', '100 STANDING ITEMS', '101 ...': a misnumbered minute the next two go on from,
    and the next expected number never comes; not a reference to some other paper's paragraph. The headings
    must be set as headings (capitals or markup), as a numbered list in an item's text is not."""
    first = NUMBER.match(blocks[i].text.strip())
    if first is None or not (_caps(blocks[i].text.strip()[first.end("num") :]) or blocks[i].heading is not None):
        return False
    wanted = [value + 1, value + 2]
    for k in range(i + 1, min(end, i + 200)):
        text = blocks[k].text.strip()
        match = NUMBER.match(text)
        if match and kind_of(match.group("num").strip()) == kind and _value(match.group("num").strip()) == wanted[0]:
            title = text[match.end("num") :]
            if len(title.split()) > _RUN_TITLE_WORDS or not (_caps(title) or blocks[k].heading is not None):
                return False  # '19 The Group agreed that ...', '12. Public participation': a list, not headings
            wanted.pop(0)
            if not wanted:
                return True
    return False


_RUN_TITLE_WORDS = 8
_MAX_SLIP = 20  # how far a misnumbered minute may jump ahead ('88' to '99')


def _same_column(block: Block, top: Block) -> bool:
    """A number in the item column of a new table row is the next item, never a sub-item of the last."""
    return block.cell is not None and top.cell is not None and block.cell[2] == top.cell[2] and block.cell != top.cell


def _bare(heading: Heading, blocks: list[Block], end: int) -> bool:
    """Whether an item is only a line of a list (an agenda restated at the top): the next line is numbered too."""

    after = heading.block + 1
    if after >= end:
        return True
    listed = NUMBER.match(blocks[after].text.strip())
    return bool(listed) and kind_of(listed.group("num").strip()) == heading.kind


def _same_row(number: Block, other: Block) -> bool:
    """A number in a table cell takes its title from its own row, to its right: '5' in a 'Time (min)' column
    numbers neither the topic beside it nor the heading after the table."""
    if number.cell is None:
        return True
    return other.cell is not None and other.cell[:2] == number.cell[:2] and other.cell[2] >= number.cell[2]


def _cell_beside(blocks: list[Block], i: int, end: int) -> list[int]:
    cell = blocks[i].cell
    if cell is None:
        return []
    table, row, col = cell
    out = []
    for k in range(i + 1, min(end, i + 40)):
        other = blocks[k].cell
        if other is None or other[0] != table or other[1] != row:
            break
        if other[2] == col + 1:
            out.append(k)
    return out


_DIGIT = re.compile(r"\d")


def _date_cell(text: str) -> bool:
    """A cell holding only a date, day first or month first."""
    from .dates import find_dates

    if len(text) > 40 or not _DIGIT.search(text):
        return False
    return any(m.group(0) == text for _, m in find_dates(text) + find_dates(text, us=True))


def _is_date_line(text: str) -> bool:
    from .dates import find_dates

    if not _DIGIT.search(text):
        return False
    if _TIME_ONLY.match(text):
        return True  # '10:05 AM', '7.30pm', '19:00 – 21:00': when the meeting sat, under its opening
    found = find_dates(text)
    return bool(found) and len(found[0][1].group(0)) >= len(text) * 0.5


_TIME = r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|hrs?|hours)|\d{1,2}:\d{2}"  # '10.05' alone may number an item
_TIME_ONLY = re.compile(rf"^(?:{_TIME})(?:\s*(?:[-–—]|to|until)\s*(?:{_TIME}))?\.?$", re.I)


# 'Agenda item: Playground   Presenter: Ann and Bob': a line that says it names an item, and who presents it
_AGENDA_ITEM = re.compile(r"^agenda\s+item\b\s*:?\s*(?=(?-i:[A-Z]))(?!item\b)", re.I)
# "... Presenter: Ann and Bob": the label, then names only (capitalised words joined by 'and', '&', ',' or '/')
_NAMED = r"[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}"
_PRESENTER = re.compile(
    rf"\s+(?i:presenters?|presented\s+by)\s*:\s*(?P<who>{_NAMED}(?:\s*(?:/|&|,|\band\b)\s*{_NAMED})*)\s*$"
)


def _says_it_is_an_item(block: Block, text: str) -> bool:
    """'Agenda item: Playground Presenter: Ann': a short line outside a table that labels itself an item."""
    return bool(_AGENDA_ITEM.match(text)) and len(text.split()) <= 14 and block.cell is None and text[-1:] != "."


# a paper's particulars and letterhead, never a topic of its business: 'Date: March 3 at the library',
# 'Phone 242-2411', '2000 Lomas Blvd NW', 'Albuquerque, NM 87104', 'Maidstone ME14 1XQ', 'DRAFT'
_PARTICULARS = re.compile(
    r"^(?i:date|time|venue|place|location|where|when)\s*:\s*\S"  # 'Date: ...', not 'Date of next meeting'
    r"|^(?i:tel|telephone|phone|fax|e-?mail)\b\s*[:.]?\s*[\d+(:]"
    r"|,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?$"  # a US city, state and ZIP code
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$"  # a UK postcode
    r"|^\d+\s+(?:[A-Z][\w'’]*\s+){1,3}(?i:blvd|boulevard|st|rd|ave)\.?(?:\s+[NSEW]{1,2})?$"  # '2000 Lomas Blvd NW'
    r"|^(?i:draft|confidential|unclassified|official(?:[- ]sensitive)?|restricted)$",
)


def _heading_like(block: Block) -> bool:
    text = block.text.strip()
    if _is_date_line(text):
        return False
    if _says_it_is_an_item(block, text):
        return True
    if block.first.number is not None and block.cell is None and _listed_title(text):
        return True  # a Word or HTML list's entry that reads as a title: an item the list's markup numbers
    if not _heading_shape(block, text):
        return False
    label = _LABEL.match(text) and (block.heading is None or re.match(r"present|absent|q\b|a\b", text, re.I))
    capitals = _caps(re.sub(r"\([^)]*\)", "", text))  # "CONSENT CALENDAR" reads as a name by shape alone
    named = looks_like_name(text) and not capitals and block.heading is None  # '### Announcements' is no person
    # a heading in markup may open in lower case: '### charter: revised membership rules #142'
    shown = text[:1].upper() + text[1:] if block.heading is not None else text
    if text.endswith((".", "?", ",", ";")) or label or named or not title_like(shown):
        return False
    if block.heading is not None or (block.bold and title_like(text)):
        return True
    plain = re.sub(r"\([^)]*\)", "", text).split()
    small = {"of", "and", "the", "for", "to", "in", "on", "a", "an", "&", "with", "from", "by", "at", "–", "-"}
    significant = [w for w in plain if w.lower() not in small]
    return bool(significant) and all(w[0].isupper() or w[0].isdigit() for w in significant) and title_like(text)


def _heading_shape(block: Block, text: str) -> bool:
    """Short, on its own (not indented in a list, not a table cell), not a run of commas, not a row of a table's
    column headings ('TOPIC PRESENTER')."""
    words = text.split()
    if not words or len(words) > 10 or (block.indent > 0 and block.heading is None) or block.cell is not None:
        return False
    return text.count(",") < 2 and not all(w.title() in COLUMN_HEADINGS for w in words)


def _outer_list_entry(blocks: list[Block], i: int, start: int) -> bool:
    """An entry of a marked-up list not introduced by a colon ('... the following applications:' introduces
    text of its item, not items)."""
    if blocks[i].first.number is None:
        return False
    first = i
    while first - 1 >= start and blocks[first - 1].first.number is not None:
        first -= 1
    return not (first - 1 >= start and blocks[first - 1].text.rstrip().endswith(":"))


def _listed_title(text: str) -> bool:
    """A list entry short enough, and worded enough like a title, to be an item ('Approval of the agenda.')."""
    words = text.rstrip(".:").split()
    if not words or len(words) > 14 or re.match(r"^(?:that|to be)\b", text, re.I):
        return False  # "That the committee approves ...": a motion's words in a numbered list
    return title_like(text.rstrip(".:")) and not _SENTENCE_VERB.search(text)


def _plain_heading(blocks: list[Block], i: int, end: int) -> bool:
    """A short line set off by a blank line (or, printed, by extra space) above and followed by prose is a
    heading."""
    block = blocks[i]
    text = block.text.strip()
    if not block.first.gap or len(text.split()) > 8 or block.cell is not None or block.indent > 0:
        return False
    if text.endswith((".", "?", ",", ";", ":")) or _LABEL.match(text) or not text[:1].isupper():
        return False
    if (looks_like_name(text) and given_name(text)) or re.search(  # 'School Photos' has the shape of a name
        r"\d{1,2}[.:]\d{2}\s*(?:am|pm)|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}", text
    ):
        return False
    nxt = blocks[i + 1] if i + 1 < end else None
    return nxt is not None and not nxt.first.gap and len(nxt.text.split()) >= 8


# the parts of a paper that hold no business: its notes as a whole, its agenda list, links, attendance, summaries
_SECTION_LABEL = re.compile(
    r"^(?:meeting\s+(?:minutes|notes)|notes|agenda|links|attendees|attendance|present|participants|"
    r"action\s+items?|actions|decisions|summary|documents|attachments|supporting documents|background papers|"
    r"downloads)(?:\s*\([^()]{1,20}\))?\s*:?$"  # 'Action Items (AIs)', 'Attendees (12)'
    r"|^(?:discussion|conclusions?|outcomes?)\s*:$"  # 'Discussion:' over an item's notes, a part of it
    r"|^(?:no(?:thing)?(?:\s+to)?\s+report|none|nil|n/?a|no\s+update)s?\.?$",  # what a part says, not its topic
    re.I,
)


def is_section_label(text: str) -> bool:
    """A part of the paper that holds no business ('Action items', 'Decisions', 'Attendees'), not a topic."""
    return bool(_SECTION_LABEL.match(text.strip()))


def _unnumbered(blocks: list[Block], start: int, end: int, skip: set[int]) -> list[Heading]:
    """Topic headings of papers that number nothing."""
    out: list[Heading] = []
    for i in range(start, end):
        if i in skip or _PARTICULARS.search(blocks[i].text.strip()):
            continue
        if not (_heading_like(blocks[i]) or _plain_heading(blocks, i, end)):
            continue
        if _SECTION_LABEL.match(blocks[i].text.strip()) or _signature(blocks[i].text.strip()) or _wraps(blocks, i, end):
            continue
        title, body, presenters = split_title(blocks[i].text, blocks[i].heading is not None)
        bare = re.sub(r"\s*\([^)]*\)", "", title).lower()
        if out and re.sub(r"\s*\([^)]*\)", "", out[-1].item.title).lower() == bare:
            continue
        out.append(_unnumbered_heading(blocks, i, title, body, presenters))
    return out


def _wraps(blocks: list[Block], i: int, end: int) -> bool:
    """'## Minutes' straight over '### Finances': the record's own part, wrapping the topics under it. A bare
    'Minutes' with text under it is the item that approves them."""
    level, after = blocks[i].heading, blocks[i + 1] if i + 1 < end else None
    deeper = level is not None and after is not None and (after.heading or 0) > level
    return deeper and bool(re.fullmatch(r"minutes\s*:?", blocks[i].text.strip(), re.I))  # 'Notes' is a label anyway


def _signature(text: str) -> bool:
    """'Jim Buiter, Clerk', 'Jane Smith, Secretary': who signs the minutes, not a topic of them."""
    name, comma, post = text.partition(",")
    return bool(comma) and looks_like_name(name.strip(), allow_initials=False) and is_role(post.strip(" ."))


_BUSINESS_SECTION = re.compile(r"^(?:agenda|notes|minutes|meeting (?:notes|minutes)|discussion|business)\s*:?$", re.I)


def _bullet_topics(blocks: list[Block], start: int, end: int, skip: set[int]) -> list[Heading]:
    """Under an 'Agenda' or 'Notes' heading whose business is one bulleted outline, the top-level bullets are
    the topics ('* Governing Board meeting update' / '    * Update from David Morin'), when three or more of
    them have points under them."""
    out: list[Heading] = []
    parents = 0
    section = False
    for i in range(start, end):
        block = blocks[i]
        if block.heading is not None:
            section = bool(_BUSINESS_SECTION.match(block.text.strip()))
            continue
        text = block.text.strip().rstrip(":")
        if not section or block.indent != 1 or i in skip or len(text.split()) > 12 or not title_like(text):
            continue
        parents += i + 1 < end and blocks[i + 1].indent > 1 and blocks[i + 1].heading is None
        title, body, presenters = split_title(text, marked=True)
        out.append(_unnumbered_heading(blocks, i, title, body, presenters))
    return out if parents >= 3 else []


_RUN_IN = re.compile(r"^([A-Z][^–:.?!]{2,60}?)\s+[–-]\s+(?=\S)")


def _run_in_topics(blocks: list[Block], start: int, end: int, skip: set[int]) -> list[Heading]:
    """Papers that number nothing and open each paragraph with its topic and a dash ('Roads – Ray Smith has
    kept the roads plowed.', 'Beautification – Nothing to report.'): the topics are the items, when four or
    more paragraphs open so."""
    out: list[Heading] = []
    for i in range(start, end):
        match = _RUN_IN.match(blocks[i].text.strip())
        if i in skip or blocks[i].cell is not None or blocks[i].indent > 0 or not match:
            continue
        title = match.group(1).strip()
        person = bool(HONORIFIC.match(title + " ")) or (
            len(title.split()) > 1 and looks_like_name(title, allow_initials=False) and not is_organisation(title)
        )
        if len(title.split()) > 8 or not title_like(title) or person or _SENTENCE_VERB.search(title):
            continue
        out.append(_unnumbered_heading(blocks, i, title, blocks[i].text.strip()[match.end() :], []))
    return out if len(out) >= 4 else []


def _one_run(blocks: list[Block], topics: list[Heading], apart: int = 4, least: int = 4) -> list[Heading]:
    """Beside headings set in larger type, run-in topics count where four or more follow one another, a few
    blocks apart at most and with no heading between ('Roads – ...' / 'Lake – ...' under 'Committee Reports');
    a dash here and there in the notes ('Fall – two sections'), or a list a colon opens ('the following were
    paid:' / 'Insurance – £300'), is the notes' own."""
    runs: list[list[Heading]] = []
    for topic in topics:
        last = runs[-1][-1].block if runs else None
        parted = last is None or topic.block - last > apart
        if parted or any(b.heading is not None or _opens_list(b) for b in blocks[last + 1 : topic.block]):
            runs.append([topic])
        else:
            runs[-1].append(topic)
    opened = [run[0].block > 0 and _opens_list(blocks[run[0].block - 1]) for run in runs]
    return [t for run, under_colon in zip(runs, opened) if len(run) >= least and not under_colon for t in run]


def _opens_list(block: Block) -> bool:
    return block.text.rstrip().endswith(":")


def _unnumbered_heading(blocks: list[Block], i: int, title: str, body: str | None, presenters: list[str]) -> Heading:
    """A heading without a number at block i, as every unnumbered form records it."""
    item = Item(number=None, title=title, presenters=presenters, found=blocks[i].found("item.unnumbered"))
    return Heading(item, i, "none", body)


def _merge(numbered: list[Heading], unnumbered: list[Heading]) -> list[Heading]:
    blocks = {h.block for h in numbered}
    merged = numbered + [h for h in unnumbered if h.block not in blocks]
    return sorted(merged, key=lambda h: h.block)
