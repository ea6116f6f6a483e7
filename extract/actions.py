"""Actions: what someone is to do after the meeting, who, and by when.

Marked actions come first: "ACTION: Name" after the sentence that states the
task, "ACTION: task", "ACTION XX: task", action tables (Action / Owner / Due)
and right-hand action columns of initials. Only where a meeting marks none are
sentences read for tasks ("Clerk to ...", "X said he would ...", "X was asked
to ..."), and only with a named owner: a passive future is not an action.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from .blocks import Block, clauses, sentences
from .names import HONORIFIC, NameFinder, given_name, is_organisation, is_role, looks_like_name, strip_honorifics
from .resolutions import quoted, unquoted

MARKER = re.compile(
    r"^(?:agreed\s+)?(?:action(?:s|\s+points?|\s+items?|\s+by)?)\b(?:\s*(?:no\.?\s*)?\d{1,3}(?:\.\d{1,2})?[a-z]?\b)?"
    r"(?:\s+(?P<who>(?-i:[A-Z][\w\-]*(?:\s*[/&,+]\s*[A-Za-z][\w\-]*|\s+[A-Z][a-z][\w\-]*){0,3}|[a-z][\w]*-[\w\-]+)))?"
    r"\s*(?:[:\-–—]|\s(?=(?-i:[A-Z]{2,4})\b))\s*(?P<rest>.*)$",
    re.I,
)
STATUS = re.compile(  # "Action complete", "Carried forward.", "Complete - Francis accepted the invitation."
    r"^(?:action\s+)?((?:not\s+|partially\s+|partly\s+)?complete[d]?|done|closed|ongoing|in progress|"
    r"carried forwards?|c/?f|outstanding|open|superseded|no longer required|dropped)(?:\.?$|\s+[-–—]\s*\S.*$)",
    re.I,
)
_CUE = re.compile(
    r"\b(?:would|will|to (?!be\b)[a-z]+|asked (?!if|whether|about|how|what|why|when|for\b)|requested|"
    r"agreed to|undert(?:ook|ake)|volunteered|offered|useful|needs? to|should|must|follow(?:ing)? up|"
    r"circulate|contact|report back|arrange|look into|investigate|write|send|provide|share)\b",
    re.I,
)
_SUBJECT = (  # "Jane Smith", "the Clerk", "David Evans/ICO", "Panel members"
    # each word one way only ('A', 'A.', 'Abc', 'Mr.'): overlapping options backtrack for ever on "A A A ... A"
    r"((?:(?:the|our)\s+)?[A-Z](?:[\w'’\-]+\.?|\.)?(?:(?:\s+|\s*/\s*)(?:[A-Z](?:[\w'’\-]+|\.)?|of|for|the|and|&))*?"
    r"(?:\s+(?:(?:project|working|steering)\s+)?(?:members|officers|staff|team|group))?(?:\s\([A-Z]\))?)"
)
# what is done by someone without being a task given to them: procedure, money, attendance
_NOT_TASKS = (
    r"(?:signed|seconded|proposed|moved|chaired|attended|met|funded|covered|borne|paid|supported|approved|agreed|"
    r"considered|discussed|held|facilitated|noted|received|accepted|welcomed|opened|closed)"
)
# "will keep us posted", "will keep the board informed": a promise of news, which the papers do not track as a task
_NEWS = r"keep\s+(?:\w+\s+){0,3}?(?:posted|informed|updated|apprised|in the loop)\b"
# what follows 'will' without being a task: a state ('will still host it'), a liking, or a promise of news
_NOT_UNDERTAKEN = rf"(?:be|have|not|like|love|prefer|also|become|remain|still|{_NEWS})"
# "Claudia presented the report and will hand the books over": the work reported before the undertaking
_REPORTED = r"(?:presented|reported|spoke|met|visited|contacted|prepared|drafted|wrote|obtained|looked|investigated)"
# "informed the meeting that he will ...", "told the commissioners that he would ...": an undertaking to the meeting
_TOLD = (
    r"(?:informed|told|advised|assured|reminded)\s+(?:the\s+)?"
    r"(?:meeting|members|committee|council|councillors|board|commissioners|trustees|governors|directors|group)"
)
# nouns in -ing that follow 'to' in a line that gives no task ('Travelling Expenses to meeting')
_ING_NOUNS = r"(?:meetings?|training|funding|building|housing|parking|planning|lighting|spending|evening|morning)"
# "The field is being used by a farmer for grazing": what a thing is being, not a task under way
_HELD = r"(?:used|rented|leased|occupied|owned|hired|let|shared|kept|stored|parked|grazed)"
_SENTENCE_RULES: list[tuple[str, re.Pattern]] = [
    (
        "action.x_to_do",
        re.compile(  # "Peake to my understanding ...": 'to' before a determiner is a preposition
            rf"^{_SUBJECT}(?:,\s*[A-Z]{{2,5}},?)?\s+(?:is|are)?\s*to\s+"
            r"(?!be\b|have\b|the\b|(?:my|your|our|their|his|her|its|this|that|these|those|a|an|all|date)\b)"
            rf"(?!{_ING_NOUNS}\b)"  # "Cllr Evans Travelling Expenses to meeting": a noun after 'to'
            r"([a-z]+)\b"
        ),
    ),
    (
        "action.x_will",
        re.compile(
            rf"^{_SUBJECT}\s+(?:(?:said|confirmed|agreed|undertook|offered|volunteered|promised|stated)\s+"
            rf"(?:that\s+)?(?:(?:he|she|they|it)\s+(?:would|will)|(?:he|she|they)[’']ll|to)|"
            # "reminded members to submit ..." asks the members: only 'that he will' is the teller's own undertaking
            rf"{_TOLD}\s+that\s+(?:(?:he|she|they)\s+(?:would|will)|(?:he|she|they)[’']ll))\s+"
            rf"(?!be\b|like\b|love\b|prefer\b|not\b|{_NEWS})([a-z]+)"
        ),
    ),
    (
        "action.x_will",
        re.compile(
            rf"^{_SUBJECT}\s+(?:will|would)\s+(?:also\s+)?(?:be\s+(?=[a-z]+ing\b))?(?!{_NOT_UNDERTAKEN}\b)([a-z]+)"
        ),
    ),
    (
        "action.x_will",  # "Cllr Simkins has drafted a definition and will circulate it": a report, then the task
        re.compile(
            rf"^{_SUBJECT}\s+(?:(?:has|have)\s+(?!{_NOT_TASKS}\b)[a-z]+ed|{_REPORTED})\b"
            # "reported that he has been ill and will report back", not "that the contractor ... and will invoice"
            r"(?:(?!\b(?:whether|if|but)\b|\bthat\s+(?!(?:he|she|they)\b))[^.;:]){0,100}?\band\s+(?:will|would)\s+"
            rf"(?:also\s+)?(?!{_NOT_UNDERTAKEN}\b)([a-z]+)"
        ),
    ),
    (
        "action.x_going_to",  # "Supervisor Liccar is going to call a special meeting", "She plans on bringing ..."
        re.compile(
            # (?<!\sI): "Abughosh I plan on ...", a speaker's name before 'I', is not a subject "Abughosh I"
            rf"^{_SUBJECT}(?<!\sI)\s+(?:(?:is|are)\s+(?:also\s+)?(?:going|planning|intending)\s+to|"
            rf"(?:also\s+)?(?:plans?|intends?)\s+(?:to|on))\s+(?!be\b|have\b|{_NEWS})([a-z]+)"
        ),
    ),
    (
        "action.role_imperative",  # "Clerk notify Merlin Waste.": the clerk's note of what to do
        re.compile(
            r"^((?:the\s+)?(?:Clerk|Chair(?:man|person)?|Treasurer|Secretary))\s+"
            r"(email|e-mail|write|contact|notify|chase|reply|send|ask|circulate|arrange|check|order|forward|"
            r"inform|obtain|liaise|respond|book|request|invite|confirm|advise)"
            r"\s+(?=[A-Z]|(?:them|him|her|the|to|with|all)\b|[a-z]+ing\b)"  # an object: 'Clerk contact block' is a noun
        ),
    ),
    (
        "action.x_was_asked",
        re.compile(
            rf"^{_SUBJECT}\s+(?:is|are|was|were)\s+(?:(?:politely|kindly|also)\s+)?"
            r"(?:asked|requested|tasked|instructed|directed|authori[sz]ed|encouraged|urged)\s+to\s+([a-z]+)"
        ),
    ),
    (
        "action.asked_x",
        re.compile(
            rf"\b(?:asks?|asked|requests?|requested|instructs?|instructed|tasked|invited|directs?|directed|would like|"
            rf"wants?|wanted)\s+"
            rf"((?:the\s+)?(?:staff|officers|clerk)\b|{_SUBJECT[1:-1]})(?:,\s*[A-Z]{{2,5}},?)?\s+to\s+(?!be\b)([a-z]+)"
        ),
    ),
    (
        "action.requested_that",  # "requested that staff return with an analysis ..."
        re.compile(
            rf"\b(?:requests?|requested|asks?|asked|directs?|directed|instructs?|instructed)\s+that\s+"
            rf"((?:the\s+)?(?:staff|officers|clerk)\b|{_SUBJECT[1:-1]})"
            rf"\s+(?!be\b|is\b|are\b|was\b|were\b|of\b|for\b|and\b|in\b|on\b|the\b|to\b|at\b|with\b)([a-z]+)"
        ),
    ),
    (
        "action.agreed_x_would",
        re.compile(rf"\b(?:agreed|resolved|decided)\s+that\s+{_SUBJECT}\s+(?:would|will|should)\s+(?!be\b)([a-z]+)"),
    ),
    (
        "action.done_by",  # "This will be reported by the Clerk to ...", "The fair is being planned by Ann ..."
        re.compile(
            rf"(?:(?:\b(?:will|would|is\s+to|are\s+to)|^[A-Z][^.;:]{{3,80}}?\bto)\s+be|"
            rf"\b(?:is|are)\s+being(?!\s+{_HELD}\b))\s+(?!{_NOT_TASKS}\b)[a-z]+(?:ed|en|t)"
            rf"\s+by\s+{_SUBJECT}"
            r"(?=\s+(?:to|when|and|in|on|at|for|before|after|by|who|with|as)\b|\s*[.,;:)]|\s*$)"
        ),
    ),
]

_X_TO_DO = next(pattern for rule, pattern in _SENTENCE_RULES if rule == "action.x_to_do")  # 'Jane Smith to ...'

# "(iv) Delegates authority to the Monitoring Officer, in consultation with the Leader, to ...", "that authority be
# delegated to the Clerk to ...": the officer a decision hands its doing to owns it, their title kept whole. Only
# the decision's own forms count: a part of a list that opens with the verb, or 'be delegated' / 'be given'; a
# report ('authority was delegated in 2019'), a refusal or a delegate (the noun) gives no one a task
_PART = r"\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]"  # a list part's letter or number: '(iv)', 'c)', '6.'
_DELEGATED = re.compile(
    rf"(?:^(?:{_PART}\s+)?(?i:to\s+)?(?i:delegates?)\s+(?i:(?:its\s+)?(?:authority|powers?)\s+)?"
    r"|(?i:\b(?:authority|powers?)\s+(?:be|is\s+hereby|are\s+hereby)\s+delegated\s+|"
    r"\bdelegated\s+(?:authority|powers?)\s+be\s+(?:given|granted)\s+))"
    r"(?i:to)\s+(?:the\s+)?"
    r"(?P<who>[A-Z][\w'’\-]*(?:(?:\s+|,\s+)(?:[A-Z][\w'’\-]*|of|for|and|&|the))*?)"
    r"(?=,?\s+(?:in\s+consultation|after|following|to\s+[a-z]|the\s+[a-z]|authority\b|acting\b)|\s*\(|\s*[.;:]|\s*$)"
)
# "The report recommended that the Board ... (ii) delegate authority to ...", "Council is asked to:", "the motion
# that": what was put, not what was decided (read after the last word of decision: '... and RESOLVED that')
_PUT = re.compile(
    r"\brecommend(?:s|ed)\s+that\b|\brecommendations?\s*(?:are|were)?\s*:|\b(?:is|are|was|were)\s+asked\s+to\b|"
    r"\bproposed\s+that\b|\bthe\s+motion\b|\bmotion\s*:",
    re.I,
)
_DECIDED = re.compile(r"\b(?:resolved|agreed|decided)\b", re.I)


def _delegated_to(statement: str, lead: str) -> list[str] | None:
    """The owners of a delegation the statement makes, unless its lead only puts it ('The report recommended
    that the Board: ...')."""
    m = _DELEGATED.search(statement)
    if m is None:
        return None
    before = lead + " " + statement[: m.start()]
    decided = list(_DECIDED.finditer(before))
    if _PUT.search(before[decided[-1].end() :] if decided else before):
        return None
    who = m.group("who")  # 'Corporate Director for Growth, Environment & Transport' is one post
    return [re.sub(r"^the\s+", "", o, flags=re.I) for o in split_owners(who)] if _someone_else(who) else [who]


@dataclass
class Raw:
    text: str
    owners: list[str]
    first: Block
    last: Block
    rule: str
    due_text: str = ""
    status: str | None = None
    item: str | None = None  # the item it belongs to: a table's Minute column, or the heading above it
    section: str | None = None  # that item, or the item over it when it is a sub-item
    confidence: float | None = None  # a classifier's probability; rules take their registered confidence


def split_owners(text: str) -> list[str]:
    """'AB/CD', 'Ann and Bob', 'AS AS' (a cell's two lines, one owner): each owner once, in order."""
    parts = re.split(r"\s*(?:/|,|&|\+|;|\band\b)\s*", text.strip().strip(".:;"))
    parts = [p.split()[0] if len(set(p.split())) == 1 else p for p in parts]  # "AS AS": one owner twice, not "ANN LEE"
    owners = [_CLERK.sub("", strip_honorifics(p)) for p in parts if any(c.isalpha() for c in p)]  # "–" is nobody
    return list(dict.fromkeys(owners))


_CLERK = re.compile(r"^(?:deputy\s+)?clerk\s+(?=(?-i:[A-Z][a-z]))", re.I)  # "Clerk Buiter": a title before a name


def owners_only(text: str) -> list[str] | None:
    """The owners when the text is nothing but owners ('Tony Burton / Peter Haylock', 'AHop/MS', 'Clerk')."""
    text = re.sub(r"\s*\((?:by|due)[^)]*\)\s*$", "", text.strip()).strip(" .")
    if not text or len(text.split()) > 8:
        return None
    owners = split_owners(text)
    if owners and all(is_role(o) or looks_like_name(o) for o in owners):
        return owners
    return None


_TRAILING_MARK = re.compile(r"(?<=[.;])\s+(?:ACTION|Action)\s*[:\-–]\s*([^.:;]{1,40}?)\.?$")
# "... will be meeting again. [ACTION: GM to update]": a marker set in brackets inside the paragraph
_BRACKET_MARK = re.compile(r"[\[(]\s*(?:ACTIONS?|Actions?)\s*[:\-–]\s*(?P<rest>[^\[\]()]{2,200}?)\s*[\])]")


def _bracketed(block: Block, finder: NameFinder) -> list[Raw]:
    """Bracketed ACTION markers inside a paragraph: the bracket holds the task ('GM to update'), or only its
    owners, when the task is the sentence the bracket closes."""
    out: list[Raw] = []
    text = block.text.strip()
    for m in _BRACKET_MARK.finditer(text):
        rest = m.group("rest").strip()
        owners = owners_only(rest)
        if owners:
            before = sentences(text[: m.start()].strip())
            if before:
                out.append(Raw(before[-1], owners, block, block, "action.marker_inline"))
            continue
        out.append(Raw(rest, owners_in(rest, finder), block, block, "action.marker_inline"))
    return out


_ITEMS_HEADING = re.compile(r"^action\s+items?\s*(?:[:=\-–—]\s*)*(?:\([^()]*\))?\s*$", re.I)


# "AI: Invite the speaker": an action item, where a paper marks two or more so ('AI: ethics' alone is a topic)
AI_MARK = re.compile(r"^AI\s*:\s*(?P<rest>\S.*)$")


def ai_marked(blocks: list[Block], start: int, end: int, finder: NameFinder) -> list[Raw]:
    """Lines marked 'AI:', the abbreviation 'Action Items (AIs)' gives them, where the paper marks two or more
    lines of its text so; a heading 'AI: ...' names a topic."""
    lines = [(i, m) for i in range(start, end) if blocks[i].heading is None and (m := AI_MARK.match(blocks[i].text))]
    if len(lines) < 2:
        return []
    return [
        Raw(m.group("rest"), owners_in(m.group("rest"), finder), blocks[i], blocks[i], "action.marker_task")
        for i, m in lines
    ]


def marked(blocks: list[Block], start: int, end: int, finder: NameFinder) -> list[Raw]:
    """ACTION lines, with the status lines that follow them."""
    out: list[Raw] = []
    for i in range(start, end):
        block = blocks[i]
        text = block.text.strip()
        status = STATUS.match(text)
        if status and out and any(b is out[-1].last for b in blocks[max(0, i - 2) : i]):
            out[-1].status = text  # the words, e.g. "Action carried forwards"
            continue
        m = MARKER.match(text)
        if not m:
            out += _marked_inside(block, text, finder)
            continue
        who, rest = m.group("who"), m.group("rest").strip()
        heads = ("log", "list", "plan", "points", "required", "taken")
        if not who and (
            rest.lower() in heads or (rest.isupper() and len(rest.split()) <= 3 and rest.split()[0].lower() in heads)
        ):
            continue  # "ACTION LOG", "ACTION LIST SUMMARY" head a table
        if _ITEMS_HEADING.match(text):
            continue  # "ACTION ITEMS:", "ACTION ITEMS: (Discussion/Action)": a part of the paper, not a task
        if who and who.lower() in (
            "complete", "completed", "carried", "point", "points", "log", "list", "plan", "to", "by", "for", "from",
            "arising", "taken", "required", "agreed",
        ):  # fmt: skip
            continue
        if not rest and not who:
            continue
        if who and not rest:
            rest, who = who, None
        owners = owners_only(rest) if not who else None
        if owners is not None:
            task = _task_before(blocks, start, i, owners, finder)
            if task is None:
                continue
            first, text_ = task
            out.append(Raw(text_, owners, first, block, "action.marker_owner"))
            continue
        owners = split_owners(who) if who else owners_in(rest, finder)
        rest = re.sub(r"^([A-Z][A-Za-z]{1,4}(?:/[A-Z][A-Za-z]{1,4})*)\s*[-–:]\s+", "", rest) if owners else rest
        out.append(Raw(rest, owners, block, block, "action.marker_task"))
    return out


def _marked_inside(block: Block, text: str, finder: NameFinder) -> list[Raw]:
    """A marker inside a paragraph: in brackets ('[ACTION: GM to update]'), or owners only at its end
    ('5.3 CN would brief the coordinators before the launch. Action: CN')."""
    if _BRACKET_MARK.search(text):
        return _bracketed(block, finder)
    tail = _TRAILING_MARK.search(text)
    if not tail or quoted(text, tail.start()):
        return []  # 'ending "Action: All to read the minutes"' quotes an action; it assigns none
    owners = owners_only(tail.group(1))
    before = sentences(text[: tail.start()].strip()) if owners else []
    return [Raw(before[-1], owners, block, block, "action.marker_after")] if before else []


_TASK_OWNER = re.compile(
    r"^(?P<task>[A-Z][^–—]{8,}?\bto be\s+[a-z]+(?:ed|en|t)\b[^–—]*?)\s+[–—-]\s+(?P<who>[^–—-]{2,40}?)\.?$"
)


def task_with_owner(blocks: list[Block], start: int, end: int) -> list[Raw]:
    """A paragraph of its own that gives a task and, after a dash, who does it:
    'Refreshed contact list to be circulated by Friday – Sarah Khan'."""
    out: list[Raw] = []
    for i in range(start, end):
        m = _TASK_OWNER.match(blocks[i].text.strip())
        owners = owners_only(m.group("who")) if m else None
        if owners:
            out.append(Raw(m.group("task"), owners, blocks[i], blocks[i], "action.task_owner"))
    return out


# "Michelle: will create a list", "Hilmar - will recreate the ballot": a person, a colon or a spaced dash, the task
_OWNER_COLON = re.compile(r"^(?P<who>[A-Z][\w'’\-]*(?:\s*/\s*[A-Z][\w'’\-]*){0,3})(?:\s*:|\s+[-–])\s+(?P<rest>\S.*)$")
_UNDERTAKES = re.compile(  # "To be clear, ..." and "Will need to ..." say what is, not what someone will do
    r"^(?:(?:will(?!\s+need\b)|shall|to(?!\s+be\b)|needs?\s+to|is\s+going\s+to|going\s+to)\b|"
    r"i(?:'ll|’ll|\s+will)\b|.{0,60}[;,]\s*will\b)",
    re.I,
)


def owner_colon(blocks: list[Block], start: int, end: int, finder: NameFinder) -> list[Raw]:
    """'Michelle: will create a mailing list', 'JS: I'll send the link round', 'John/Matt: needs to reset it':
    a person on the roll, a colon or a spaced dash, then what they undertake. The line as printed is the task,
    to the end of its sentence when the paragraph goes on to other news."""
    out: list[Raw] = []
    for i in range(start, end):
        m = _OWNER_COLON.match(blocks[i].text.strip())
        if not m or not _UNDERTAKES.match(m.group("rest")) or m.group("rest").endswith(("?", ":")):
            continue
        owners = [w.strip() for w in m.group("who").split("/")]
        first = sentences(blocks[i].text.strip())[0]
        text = first if _UNDERTAKES.match(first[m.start("rest") :]) else blocks[i].text.strip()
        if all(finder.knows(w) for w in owners):
            out.append(Raw(text, owners, blocks[i], blocks[i], "action.owner_colon"))
    return out


# "Shanette + other", "Ann Lee and others", "JS et al.": the named owners, without the vague rest
_VAGUE_TAIL = re.compile(r"(?<=\S)\s*(?:(?:\+|&|,|\band\b)\s*(?:others?|etc\.?)|\s+et al\.?)$", re.I)
_LIST_HEAD = re.compile(  # a heading, not an ACTION line: "Action items", "Actions arising from the meeting:",
    # "Required Board Actions", "Board Meeting Action Items:" (not "Completed actions": those are done)
    r"^(?:summary of |list of |new )?(?:(?!(?:completed|previous|past|outstanding|open|other|closed|ongoing|"
    r"carried|pending|existing|remaining|review|old|earlier)\b)"
    r"(?-i:[A-Z])[a-z]+\s+){0,3}?(?:actions?|action (?:items?|list|points|log|summary))"
    r"(?:\s+(?:from|arising|agreed|to be taken|for)\b[^.:;,]{0,40})?\s*:?$",
    re.I,
)
_NUMBER = r"(?:\d{1,3}(?:\.\d{1,3})*[.):]?\s+|[-•*]\s+)?"
_LIST_FORMS = (  # (pattern, owner group present): the forms a closing list of actions takes
    # "Jacob Kaplan-Moss: Update DEP-007", "4.1: AB/CD: Book the hall", "Ann Lee - send the notice"
    re.compile(rf"^{_NUMBER}(?P<who>(?:[^-–:]|(?<=\w)-(?=\w)){{1,40}}?)(?:\s*:|\s+[-–])\s+(?P<task>\S.*)$"),
    re.compile(rf"^{_NUMBER}\((?P<who>[^()]{{1,40}})\)\s*[:\-–]?\s*(?P<task>\S.*)$"),  # "(AB) Check the ..."
    re.compile(rf"^{_NUMBER}(?P<who>[A-Z]{{2,4}}(?:\s*/\s*[A-Z]{{2,4}})*)\s+(?P<task>[A-Z][a-z].*)$"),  # "AB Book ..."
    re.compile(rf"^{_NUMBER}(?P<task>\S.{{5,}}?)\s+[–—-]\s+(?P<who>[^–—-]{{2,40}}?)\.?$"),  # "Book the hall – AB"
    re.compile(
        rf"^{_NUMBER}(?P<who>[A-Z][\w'’\-]*(?:\s*/\s*[A-Z][\w'’\-]*)*)\s+to\s+(?P<task>[a-z].*)$"
    ),  # "AB to book"
)


def _list_entry(block: Block, finder: NameFinder) -> tuple[str, list[str]] | None:
    """(task, owners) of one line of a closing 'Actions' list; a numbered or bulleted task with no owner in
    front is a task too, its owners any the sentence names ('... to be shared by DG/SK')."""
    text = block.text.strip()
    labelled = False
    for n, form in enumerate(_LIST_FORMS):
        m = form.match(text)
        owners = owners_only(_VAGUE_TAIL.sub("", m.group("who"))) if m else None
        if owners and not all(_on_roll(o, finder) for o in owners):
            labelled, owners = True, None  # "CPAN: Follow up on ...", "AI: Scrape the site": a topic, not a person
        last = n == len(_LIST_FORMS) - 1
        if owners and (not last or all(_named(o) for o in owners)):  # "Letter to go out" names nobody
            return (text if last else m.group("task")), owners
    task = re.sub(r"^\d{1,3}[.)]\s+", "", text)
    listed = block.first.number is not None or task != text or block.indent > 0
    if listed and len(task.split()) >= 4:  # "7. Playground" is the next item's heading, not a task
        return task, [] if labelled else owners_in(task, finder)
    return None


def _on_roll(owner: str, finder: NameFinder) -> bool:
    """Initials in front of a list's line are an owner when the roll, if the minutes give one, knows them:
    'CPAN: Follow up on ...' names a topic where nobody present is CPAN."""
    return not (owner.isupper() and finder.roster) or is_role(owner) or finder.knows(owner)


def _named(owner: str) -> bool:
    """Initials, a role, or a name of two words or more: what 'X to ...' in a list may begin with."""
    return owner.isupper() or is_role(owner) or len(owner.split()) >= 2


def action_list(blocks: list[Block], start: int, end: int, finder: NameFinder) -> list[Raw]:
    """A closing 'Actions' list: each line one action, in any of the forms lists take."""
    out: list[Raw] = []
    for i in range(start, end):
        if not _LIST_HEAD.match(blocks[i].text.strip()):
            continue
        found = []
        for j in range(i + 1, min(end, i + 60)):
            entry = _list_entry(blocks[j], finder)
            if entry is None:
                break
            found.append(Raw(entry[0], entry[1], blocks[j], blocks[j], "action.list"))
        if len({raw.first.indent for raw in found}) > 1:  # an outline of topics and notes, not a list of tasks:
            found = [raw for raw in found if raw.owners]  # only the entries that name their owner
        out += found
    return out


# a capitalised name of a team, department, committee or office opening a marked task
_BODY_OWNER = re.compile(
    r"^((?:[A-Z][\w&'’\-]*\s+){0,5}(?:Team|Department|Office|Committee|Group|Unit|Panel|Board|Council|Service|"
    r"Directorate|Secretariat|Agency|Sub-?committee|Working Group|(?<=[a-z] )(?:team|group|committee|panel))"
    r"(?:\s+(?:for|of)(?:\s+[A-Z][\w&'’\-]*){1,4})?)"
    r"\s+(?:to|will|should|would)\s+[a-z]"
)


def owners_in(text: str, finder: NameFinder) -> list[str]:
    """Who a task names as doing it: owners set apart by a dash, colon or bracket, the subject of its own
    words, a team, or whoever it is to be done by."""
    lead = re.match(r"^(.{2,60}?)\s*[-–:]\s+\S", text)
    if lead and owners_only(lead.group(1)):
        return owners_only(lead.group(1)) or []
    tail = re.search(r"[-–(]\s*([^()\-–]{2,60}?)\)?\s*\.?$", text)
    if tail and owners_only(tail.group(1)):
        return owners_only(tail.group(1)) or []
    subject = _task_subject(text, finder)
    if subject:
        return subject
    body = _BODY_OWNER.match(text)
    if body:  # "ACTION: Cabinet Office Transparency Team to meet ...": a team or department owns it
        return [body.group(1)]
    return _done_by(text, finder)


def _task_subject(text: str, finder: NameFinder) -> list[str]:
    """The task's own subject: 'Greg will work up a proposal ...', 'Karin and Greg discuss details'."""
    m = _X_TO_DO.match(text)
    if m and _owner_ok(m.group(1), finder):
        return split_owners(_subject_of(m))
    found = _clause_task(text, 0, finder)  # any sentence form: "... will ...", "... was asked to ..."
    if found and found[0] != "action.done_by":
        return split_owners(_name_after_title(re.sub(r"^(?:the|our)\s+", "", found[1], flags=re.I)))
    lead = _NAMES_LEAD.match(text)  # roll names before a verb
    if lead and _owner_ok(lead.group(1), finder) and _known(lead.group(1), finder):
        return split_owners(lead.group(1))
    return []


def _done_by(text: str, finder: NameFinder) -> list[str]:
    """'... to be shared by DG/SK' (each as written); '... to be sent to members by Peter Haylock' (the names
    the spaCy ruler knows). 'Confirmed with X' makes X no owner."""
    by = re.search(r"\b(?:by|from)\s+((?:the\s+)?[A-Z][\w'’\-]+(?:(?:\s+|\s*/\s*)[A-Z][\w'’\-]+){0,3})", text)
    if not by:
        return []
    if "/" in by.group(1) and owners_only(by.group(1)):
        return owners_only(by.group(1)) or []
    named = [p for p in finder.people(by.group(1)) if p]
    return named[:1] if named and _owner_ok(named[0], finder) else []


def _mentions(sentence: str, owners: list[str], finder: NameFinder) -> bool:
    low = sentence.lower()
    for owner in owners:
        full = finder.resolve(owner)
        for form in {
            owner,
            full,
            full.split()[-1] if full.split() else owner,
            full.split()[0] if full.split() else owner,
        }:
            if len(form) >= 2 and re.search(rf"\b{re.escape(form.lower())}\b", low):
                return True
        if is_role(owner) and owner.lower() in low:
            return True
    return False


def _task_before(
    blocks: list[Block], start: int, at: int, owners: list[str], finder: NameFinder
) -> tuple[Block, str] | None:
    """The sentence(s) before an owner-only ACTION line that state the task."""
    j = at - 1
    while j >= start and (STATUS.match(blocks[j].text.strip()) or MARKER.match(blocks[j].text.strip())):
        return None
    if j < start:
        return None
    first = j
    listed: list[str] = []
    while (
        first > start
        and blocks[first].indent > blocks[at].indent
        and blocks[first].heading is None
        and len(blocks[first].text.split()) <= 25
    ):
        listed.insert(0, blocks[first].text)
        first -= 1
    paragraph = blocks[first].text
    if listed and paragraph.rstrip().endswith(":"):
        return blocks[first], paragraph + " " + "; ".join(listed)
    if listed:
        return blocks[first + 1], "; ".join(listed)
    parts = sentences(paragraph)
    if not parts:
        return None
    picked = [k for k, s in enumerate(parts) if _mentions(s, owners, finder) and _CUE.search(s)]
    if picked:
        begin = picked[-1]
    else:
        cued = [k for k, s in enumerate(parts) if _CUE.search(s)]
        begin = cued[0] if cued else len(parts) - 1
        if len(" ".join(parts[begin:]).split()) > 60 and cued:
            begin = cued[-1]
    if begin > 0 and (
        re.match(r"^(?:this|it|these|that|he|she|they)\b", parts[begin], re.I)
        or re.search(
            r"\b(?:include|amend|do|send|circulate|action|review|check)\s+(?:this|these|it|them)\b|"
            r"\baccordingly\b",
            parts[begin],
            re.I,
        )
    ):
        begin -= 1  # "This will be discussed ...", "DO said he would include this": the sentence it points back to
    return blocks[first], " ".join(parts[begin:])


_TITLE_WORDS = re.compile(
    r"^(?:(?:Senior|Principal|Assistant|Deputy|Chief|Vice|Acting|Interim|Head|City|County|District|Planning|"
    r"Finance|Executive|Lead|Town|Parish)\s+)*(?:Planner|Director|Manager|Officer|Chair|Chairman|Clerk|Engineer|"
    r"Attorney|Secretary|Treasurer|Commissioner|Councillor|Councilmember|Mayor|Head|Nurse|Headteacher)\s+(?=[A-Z])"
)


def _name_after_title(subject: str) -> str:
    """'Senior Planner Mike Brennan' -> 'Mike Brennan': the job title goes, the person stays."""
    stripped = _TITLE_WORDS.sub("", subject)
    return stripped if stripped and looks_like_name(stripped, allow_initials=False) else subject


def _owner_ok(subject: str, finder: NameFinder | None = None) -> bool:
    """A named person (in full, or one the roster knows), initials, or a role: never 'Sessions' or 'It'."""
    subject = subject.strip()
    if re.match(
        r"^(?:i|we|it|this|that|there|they|he|she|you|which|who|these|those|members of the public|"
        r"(?:an?\s+|the\s+)?(?:motion|proposal|amendment)s?)$",
        subject,
        re.I,
    ):
        return False
    if _CONJUNCTION.match(subject):
        return False  # "Whilst Roger will provide ...": the sentence opens with 'whilst', not with a name
    if re.search(r"['’]s$|\s(?i:street|road|lane|avenue|drive|crescent|terrace)$", subject):
        return False  # "requests that Cllr Brown's comments ...", "requests that Harbour Lane remains closed"
    bare = re.sub(r"^(?:the|our)\s+", "", subject, flags=re.I)
    if _one_post(bare):
        return True
    parts = split_owners(bare)
    return bool(parts) and all(is_role(p) or _person(p, subject, finder) for p in parts)


def _one_post(subject: str) -> bool:
    """A post whose title joins words with 'and' ('Cabinet Member for Highways and Transport'): one owner,
    unless what follows an 'and' is someone else ('... for Leisure and Cllr Dee', '... and Tom Brown')."""
    if not (re.search(r"\s(?:and|&)\s", subject) and " for " in subject and is_role(subject)):
        return False
    return not _someone_else(subject)


def _someone_else(title: str) -> bool:
    """Whether what follows an 'and' in a title names another owner: 'the Chair', 'Cllr Dee', 'Tom Brown'."""
    others = re.split(r"\s+(?:and|&)\s+", title)[1:]
    return any(re.match(r"the\s", o, re.I) or HONORIFIC.match(o) or is_role(o) or given_name(o) for o in others)


_CONJUNCTION = re.compile(
    r"^(?:whilst|while|although|though|if|when|once|until|unless|because|since|as|after|before|hence|however|"
    r"also|then|so|but|and|or)\b",
    re.I,
)


def _person(part: str, subject: str, finder: NameFinder | None) -> bool:
    if not looks_like_name(part, allow_initials=True):
        return False
    words = re.sub(r"\s*\([A-Z]\)$", "", part).split()
    if len(words) >= 2 and _unknown_to_roll(finder, words) and is_organisation(part):
        return False  # "It was agreed that the Works Programme should focus ...": a thing, not a person
    if len(words) >= 2 or words[0].isupper():
        return True
    titled = re.sub(r"^the\s+", "", subject, flags=re.I)
    if re.match(
        r"^(?:cllr|councillor|mr|mrs|ms|miss|dr|rev|prof|(?:deputy\s+)?clerk)\b", titled, re.I
    ) or HONORIFIC.match(titled):
        return True  # "Member Hage", "Chair Jerdonek", "The Clerk Buiter": a seat's title before a surname
    return finder is not None and finder.knows(words[0])


def _unknown_to_roll(finder: NameFinder | None, words: list[str]) -> bool:
    """A name no word of which the meeting's roll knows, where there is a roll to know it: only then may a
    model's verdict ('an organisation') overrule its shape. With no roll, 'Paulette Church' stays a person."""
    return finder is not None and bool(finder.roster) and not any(finder.knows(w) for w in words)


# what a meeting is asked to do at the meeting itself: to decide on a paper or proposal before it, not a task for
# after it ('asked to support the litter pick', 'to confirm their availability to the Clerk' are tasks)
_DELIBERATE = re.compile(
    r"(?:note|approve|agree|support|endorse|ratify|adopt|accept)\s+(?:the\s+|a\s+|an\s+|this\s+)?(?:\w+\s+){0,2}"
    r"(?:report|recommendations?|submission|proposals?|motion|minutes|budget|accounts|policy|plan|statement|"
    r"terms of reference|response|update|changes)\b"
)
_BODY_SUBJECT = re.compile(
    r"^(?:the\s+)?(?:councillors|committee|board|forum|council|governors|trustees|members|directors|meeting|all)$", re.I
)


def from_sentences(blocks: list[Block], start: int, end: int, skip: set[int], finder: NameFinder) -> list[Raw]:
    """Tasks given in prose, with a named owner; every owner a statement names joins the one action."""
    out: list[Raw] = []
    for i in range(start, end):
        if i in skip:
            continue
        block = blocks[i]
        referent = None  # whom a later 'He will ...' in the paragraph means: the last person a sentence opens with
        parts = sentences(block.text)
        for k, sentence in enumerate(parts):
            speaker = _speaker(sentence, finder)
            referent = speaker or _named_subject(sentence, finder) or referent
            if re.match(r"^(?:i|we)\b", sentence, re.I) or sentence.endswith("?"):
                continue
            if quoted(block.text, block.text.find(sentence)):
                continue  # words quoted from another paper assign nothing
            for shown, statement, first in _statements(sentence):
                # the words before this statement: for a list's part the line that opens it, and the sentence's own
                opening = _list_lead(blocks, i, start) if not k else ""
                lead = f"{opening} {sentence[: max(sentence.find(statement), 0)]}"
                task = _task_in(statement, first, speaker, referent, finder, lead)
                if task is not None and _task_in(unquoted(statement), first, speaker, referent, finder, lead) is None:
                    continue  # the task is only in words quoted from another paper
                if task is not None:
                    rule, owners = task
                    # 'X will ...' in a narrative answers the sentence before it; 'X to do Y' is a note on its own
                    # unless it only points back: 'Clerk to look into this.', 'Cllr Richards to attend.'
                    told = rule == "action.x_will" or _points_back(shown)
                    before = parts[k - 1] if k else _sentence_above(blocks, i, start, skip)
                    text = _with_context(shown, parts[k], before, owners) if told else shown
                    out.append(Raw(text, owners, block, block, rule))
    return out


_ENUMERATED = re.compile(rf"^{_PART}\s", re.I)


def _list_lead(blocks: list[Block], i: int, start: int) -> str:
    """The line a lettered part continues ('The report recommended that the Board:' over '(ii) delegate ...'),
    or nothing where the block is not such a part."""
    k = i
    while k > start and _ENUMERATED.match(blocks[k].text):
        k -= 1
        if blocks[k].text.rstrip().endswith(":"):  # '3) RESOLVED that the County Council:' opens the list
            break
    return blocks[k].text if k < i else ""


# a note in brackets where a sentence starts: '[GM to arrange a meeting]', '(DG & SFF to confirm the statement.)'
_BRACKET_NOTE = re.compile(r"(?:^|(?<=[.!?;]\s))[\[(]([^\[\]()]{8,200}?)[.;]?[\])][.;]?(?=\s|$)")


def bracket_tasks(blocks: list[Block], start: int, end: int, finder: NameFinder, found: list[Raw]) -> list[Raw]:
    """'... travel patterns. [GM to arrange a meeting]': a note in brackets where a sentence starts, giving a
    task to a named owner, is an action. After a task that names no owner ('Application to be submitted.
    (DG & SFF to confirm the policy statement.)') it gives that task its owners."""
    taken = " ".join(re.sub(r"\s+", " ", raw.text) for raw in found)
    out: list[Raw] = []
    for block in blocks[start:end]:
        for note in _BRACKET_NOTE.finditer(block.text):
            inner = note.group(1).strip()
            m = _X_TO_DO.match(inner)
            if not m or len(inner.split()) < 3 or re.sub(r"\s+", " ", inner) in taken:
                continue
            if _not_an_owner("action.x_to_do", _subject_of(m), inner, m, False, finder):
                continue
            task = _ownerless_task(block.text[: note.start()], finder)
            also = owners_only(inner.rpartition(";")[2]) if ";" in inner else None  # '...; Emer Coleman/Tim Allen'
            owners = split_owners(_subject_of(m)) + (also or [])
            out.append(
                Raw(f"{task} {note.group(0).strip()}" if task else inner, owners, block, block, "action.bracket_note")
            )
    return out


def task_owners(text: str, finder: NameFinder) -> list[str]:
    """Who a task line names as its doer: 'ODUG and ODI to deliver a joint paper' -> ODUG, ODI."""
    m = _X_TO_DO.match(text)
    if not m or _not_an_owner("action.x_to_do", _subject_of(m), text, m, False, finder):
        return []
    return split_owners(_subject_of(m))


def _ownerless_task(text: str, finder: NameFinder) -> str | None:
    """The sentence before a note when it gives a task and no one to do it: 'Publicity to highlight the
    progress.', 'Application to be finalised.'; not 'Cllr Lee to book the hall.'."""
    last = sentences(text.strip())[-1] if text.strip() else ""
    m = _X_TO_DO.match(last)
    if m and _not_an_owner("action.x_to_do", _subject_of(m), last, m, False, finder):
        return last  # 'Publicity to highlight ...': its subject is no one who could do it
    passive = re.search(r"\bto be\s+[a-z]+(?:ed|en|t)\b(?!\s+by\b)", last)
    return last if passive and not m else None


# words that say nothing of what a task is about; where to report back, or who said it, says nothing either
_HOLLOW = frozenset(
    "will would shall should also with that this these those them they their there from into about "  # noqa: SIM905
    "look report back next meeting said says stated".split()
)


def _points_back(sentence: str) -> bool:
    """A short note that names its task only by what went before: 'Clerk email them.', 'Clerk notify Richard
    Garner.'"""
    return len(sentence.split()) <= 5 or bool(re.search(r"\b(?:this|these|those|it|them)\b", sentence, re.I))


def _sentence_above(blocks: list[Block], i: int, start: int, skip: set[int]) -> str | None:
    """The last sentence of the paragraph above, when a note stands on a line of its own under it
    ('... asked to attend a future meeting.' / 'Clerk email them.')."""
    above = blocks[i - 1] if i > start else None
    if above is None or i - 1 in skip or above.heading is not None or above.cell is not None:
        return None
    if above.first.number is not None and len(above.lines) == 1:
        return None  # a numbered heading line: it names the item, not the task
    last = (sentences(above.text) or [""])[-1]
    return last if last.endswith(".") else None  # not a heading's title: 'Planning' / 'Clerk to reply.'


def _with_context(shown: str, sentence: str, before: str | None, owners: list[str]) -> str:
    """An undertaking that does not say what it is about is shown with the sentence before it, which does:
    '24 Birch Green – the pillars may be over the boundary. Councillors will look and report to the next meeting.'
    One that says it ('The Clerk will ask Land Registry to explain the difference.') stands alone."""
    if before is None or shown != sentence or before.endswith("?") or len(before.split()) > 40:
        return shown
    names = {w.lower() for o in owners for w in o.split()}
    content = [w for w in re.findall(r"[a-z]{4,}", shown.lower()) if w not in _HOLLOW and w not in names]
    return f"{before} {shown}" if len(content) <= 3 else shown


def _statements(sentence: str) -> list[tuple[str, str, bool]]:
    """(text to show, statement, whether it opens the sentence).

    US minutes join a speaker's points with ';' into sentences of forty words or more: there each
    point is read on its own and shown with the point before it, which it often depends on.
    """
    if len(sentence.split()) <= 40 or ";" not in sentence:
        return [(sentence, sentence, True)]
    parts = [p.strip() for p in sentence.split(";") if p.strip()]
    return [("; ".join(parts[max(0, k - 1) : k + 1]), part, k == 0) for k, part in enumerate(parts)]


def _task_in(
    statement: str, first: bool, speaker: str | None, referent: str | None, finder: NameFinder, lead: str = ""
) -> tuple[str, list[str]] | None:
    """The rule and owners of the task a statement gives, if it gives one; `lead` is the text that leads into it
    (the line opening its list, and its own sentence's words before it)."""
    delegated = _delegated_to(statement, lead)
    if delegated:
        return "action.delegated", delegated
    owners: list[str] = []
    rule_used = None
    for offset, clause in clauses(statement):
        offset = offset or (0 if first else 1)
        found = _clause_task(_with_subject(clause, offset, speaker, referent), offset, finder)
        if found is None:
            continue
        rule, subject = found
        bare = re.sub(r"^(?:the|our)\s+", "", subject, flags=re.I)
        # 'Cabinet Member for Adult Social Care and Public Health' is one post, not two owners
        for part in [bare] if _one_post(bare) else split_owners(_name_after_title(bare)):
            owner = re.sub(r"^(?:the|our)\s+", "", part, flags=re.I)  # '... Finance and the Clerk'
            if owner not in owners:
                owners.append(owner)
        rule_used = rule_used or rule
    if rule_used:
        return rule_used, owners
    for offset, clause in clauses(statement):
        if _REQUEST.match(_with_subject(clause, offset or (0 if first else 1), speaker, referent)):
            return "action.request", []  # "... requested written information on the budget": someone must supply it
    return None


def _clause_task(clause: str, offset: int, finder: NameFinder) -> tuple[str, str] | None:
    """(rule, subject) of the first sentence rule that finds a task with an owner in one clause."""
    for rule, pattern in _SENTENCE_RULES:
        searching = rule in ("action.asked_x", "action.requested_that", "action.agreed_x_would", "action.done_by")
        m = pattern.search(clause) if searching else pattern.match(clause)
        if not m:
            continue
        subject = _subject_of(m)
        if _not_an_owner(rule, subject, clause, m, offset and not searching, finder):
            continue
        return rule, subject
    return None


def _subject_of(m: re.Match) -> str:
    """The subject a rule matched, less an organisation in capitals after a name ('Mr Armstrong, EDC to ...');
    after initials, capitals are a second person's initials ('DA, GM to investigate')."""
    subject = m.group(1)
    after = re.match(r",\s*([A-Z]{2,5}),?", m.string[m.end(1) :])
    if after and re.fullmatch(r"[A-Z]{2,5}", subject.strip()):
        return f"{subject}, {after.group(1)}"
    return re.sub(r",\s*[A-Z]{2,5},?$", "", subject)


def _not_an_owner(rule: str, subject: str, clause: str, m: re.Match, later: bool, finder: NameFinder) -> bool:
    """Subjects that give no task: an organisation after a name, the body deciding, a description."""
    if not _owner_ok(subject, finder) or (later and subject.isupper()):
        return True  # "Mr Armstrong, EDC to ...": EDC is his organisation, not a second owner
    if rule == "action.x_will" and _BODY_SUBJECT.match(subject) and re.search(r"\bagreed\b", clause):
        return True  # "Councillors agreed to pay" is the body deciding, a resolution
    if rule == "action.x_will" and _BODY_SUBJECT.match(subject) and re.search(r"\bwould\b", clause[: m.end()]):
        return True  # "... the Council would continue to demonstrate financial sustainability": what would follow
    if rule in ("action.asked_x", "action.requested_that", "action.done_by") and _BODY_SUBJECT.match(subject):
        return True  # "asked the Board to keep a full week of spring break" asks for a decision
    if rule == "action.x_was_asked" and _BODY_SUBJECT.match(subject) and _DELIBERATE.match(clause, m.start(2)):
        return True  # "The Council were asked to support a submission": the meeting asked for its decision
    # "the Parish Council will be using X" describes; "She will be watching" undertakes
    return bool(re.search(r"\b(?:will|would) (?:also )?be [a-z]+ing\b", clause[: m.end() + 20]) and is_role(subject))


_REQUEST = re.compile(
    rf"^{_SUBJECT}\s+(?:also\s+)?(?:requested|asked for)\s+(?:(?:written|more|further|additional|detailed)\s+)?"
    r"(?:information|data|details|figures|numbers|a report|an update|a breakdown|a copy)\b"
)
_REPORTED = (
    r"(?:responded|stated|said|reported|explained|noted|added|commented|confirmed|indicated|outlined|expressed|"
    r"inquired|requested|suggested|clarified|agreed|offered|undertook|mentioned)"
)
_SPEAKER = re.compile(rf"^{_SUBJECT}\s+(?:also\s+)?{_REPORTED}\b")


def _speaker(sentence: str, finder: NameFinder) -> str | None:
    """Who a sentence reports ('The City Manager stated ...'), when that is a person or role."""
    m = _SPEAKER.match(sentence)
    return _someone(m.group(1), finder) if m else None


def _someone(subject: str, finder: NameFinder) -> str | None:
    """A sentence's subject when it is a person or role: a bare capitalised phrase only when the roster knows
    it ("Fellrunner Village Bus Donation requested" is no one)."""
    if not _owner_ok(subject, finder):
        return None
    if is_role(subject) or HONORIFIC.match(subject) or any(finder.knows(w) for w in subject.split()):
        return subject
    return None


_NAME = r"[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?"
_NAMES_LEAD = re.compile(rf"^({_NAME}(?:\s*(?:,|\band\b|&|/)\s*{_NAME})*)\s+(?:also\s+)?[a-z]")


def _known(subject: str, finder: NameFinder) -> bool:
    """Every part of a subject a role, or a person the roster knows: 'Karin and Greg', 'Everyone'."""
    parts = split_owners(subject)
    return bool(parts) and all(is_role(p) or all(finder.knows(w) for w in p.split()) for p in parts)


_SUBJECT_VERB = re.compile(rf"^{_SUBJECT}\s+(?:also\s+)?[a-z]")


def _named_subject(sentence: str, finder: NameFinder) -> str | None:
    """The person or role a sentence opens with ('Coordinator Milsap discussed ...'), whom a 'She will ...'
    after it means; a bare capitalised phrase only when the roster knows it."""
    m = _SUBJECT_VERB.match(sentence)
    if not m or _BODY_SUBJECT.match(m.group(1)):
        return None
    return _someone(m.group(1), finder)


_PRONOUN = re.compile(
    r"^(?:he|she)(?:([’']ll)\s+|\s+(?=(?:also\s+)?(?:will|would|is\s+(?:also\s+)?going\s+to|plans?\s+(?:to|on))\b))",
    re.I,
)


def _with_subject(clause: str, offset: int, speaker: str | None, referent: str | None) -> str:
    """Give a clause the subject minutes leave out: '...; stated that she would share', 'She will ...'."""
    if offset and speaker and re.match(rf"^{_REPORTED}\b", clause):
        return f"{speaker} {clause}"  # "X responded ...; stated that she would share the figures"
    pronoun = _PRONOUN.match(clause)
    if pronoun and (speaker or referent) and not offset:  # "Director Chisaki explained ... She will ..."
        return f"{speaker or referent} {'will ' if pronoun.group(1) else ''}{clause[pronoun.end() :]}"
    return clause


def _owner_set(raw: Raw) -> set[str]:
    return {o.lower() for o in raw.owners}


def _restates(kept: Raw, raw: Raw) -> bool:
    """The same task told again: near-identical words, and no owner of its own that differs.

    "Reach out to VGS" (EW) and "Reach out to VRSoc" (MW) are two tasks; so is one task given
    to two people in two items, and two paragraphs' sentences that differ in a word ('thank him', 'thank them').
    """
    if len(raw.text) <= 15 or (kept.owners and raw.owners and _owner_set(kept) != _owner_set(raw)):
        return False
    if _two_paragraphs_of_one_item(kept, raw):  # 'thank him' of one paragraph, 'thank them' of the next
        return fuzz.ratio(kept.text.lower(), raw.text.lower()) >= 97
    return fuzz.token_set_ratio(kept.text.lower(), raw.text.lower()) >= 88


def _two_paragraphs_of_one_item(kept: Raw, raw: Raw) -> bool:
    """Two tasks read from the prose of two paragraphs under one item: an item does not restate its own task,
    a summary of actions (an item of its own) does."""
    same_item = kept.section is not None and kept.section == raw.section
    return same_item and kept.first is not raw.first and {kept.rule, raw.rule} <= _PROSE_RULES


# tasks read from a paragraph's own sentences
_PROSE_RULES = frozenset(rule for rule, _ in _SENTENCE_RULES) | {"action.delegated", "action.request"}


def _tabled(kept: Raw, raw: Raw) -> bool:
    """An action table row and a mark in the notes for one task: same item, same owners, in other words.

    Governors' minutes often list 'Actions to be taken' (Minute / Action / By whom) and also
    mark each action beside the notes; the two tell one task each.
    """
    return (
        ("action.table_row" in (kept.rule, raw.rule))
        and kept.rule != raw.rule
        and kept.section is not None
        and kept.section == raw.section
        and bool(kept.owners)
        and _owner_set(kept) == _owner_set(raw)
    )


def dedupe(found: list[Raw]) -> list[Raw]:
    """A summary list at the end restates actions: keep each once, with the fullest owners."""
    out: list[Raw] = []
    for raw in found:
        same = next((o for o in out if _restates(o, raw)), None)
        if same is None:
            tabled = [o for o in out if _tabled(o, raw)]
            same = max(tabled, key=lambda o: fuzz.token_set_ratio(o.text.lower(), raw.text.lower()), default=None)
        if same is not None:
            if not same.owners and raw.owners:
                same.owners = raw.owners
            same.due_text = same.due_text or raw.due_text
            continue
        out.append(raw)
    return out
