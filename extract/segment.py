"""Split a document into the meetings it holds, and leave out the papers that are not meetings.

An agenda pack carries the agenda of the coming meeting, the draft minutes of
the last one and officers' reports; each starts under a title ("Schools Forum
Agenda", "Minutes of the meeting of ...") or a pack marker ("Agenda Item 2").
Reports are recognised by the furniture every council report has (purpose,
recommendations, wards affected, report author) and are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .blocks import Block

_ITEM_START = re.compile(r"^(?:\d{1,3}(?:\.\d+)*[.)]?|[A-Z]{1,5}\s?\d+/\d+|\(?[a-z]\)|[IVX]{1,5}[.)]|[A-Z]\.)\s+\S")
_MINUTES_TITLE = re.compile(
    r"\bminutes\b|\bnotes of (?:the |a )?(?:\w+ )?meeting\b|\bmeeting notes\b|"
    r"\brecord of (?:the )?meeting\b",
    re.I,
)
_NOT_TITLE = re.compile(
    r"^(?:attachment|appendix|annexe?|enclosure)\b|"
    r"minutes of (?:the )?(?:previous|last|prior)|previous minutes|approv\w*\b.{0,60}\bminutes\b|"
    r"minutes (?:were|was|are|of the meeting held on)|minute[- ]?tak|confirm\w* (?:the )?minutes|"
    r"adoption of|accuracy|(?:to|will|be) (?:agree|approve|note|sign)|\bminutes? \d|"
    r"(?:previous|last|prior) meeting'?s? minutes|\b(?:previous|last|prior)\b(?:\s+\w+){0,3}\s+minutes\b|"
    r"minutes (?:to be|for approval)|circulat\w* (?:the )?minutes",  # 'Circulate minutes ...' is a task
    re.I,
)
# "ODUG Action Log – 14 May 2013", "Action Log as of 2 March 2011": the actions a meeting left, its record
REGISTER_TITLE = re.compile(r"\baction\s+(?:log|tracker|register)\b", re.I)
_INDEX_TITLE = re.compile(  # "Agendas, reports and minutes": an archive's index, not one meeting's paper
    r"minutes\s*(?:/|,|and|&)\s*agendas?|agendas?\s*(?:/|,|and|&)\s*(?:reports\s*(?:and|&)\s*)?minutes", re.I
)
_AGENDA_TITLE = re.compile(r"\bagenda\b|\bnotice of (?:the )?meeting\b|\bto be held\b|\bsummons\b", re.I)
_PACK_MARKER = re.compile(r"^(?:agenda\s+)?item\s+\d+[a-z]?\s*$|^appendix\s+[a-z0-9]+\s*$", re.I)
_REPORT_MARK = re.compile(
    r"^(?:purpose of (?:the )?report|report (?:author|title|of|by|to|authors?)|wards? affected|key decision|"
    r"classification\b|executive summary|background papers|financial implications|legal implications|"
    r"equalit(?:y|ies) implications|risk (?:management|implications)|accountable director|"
    r"contact officer\(?s?\)?:?\s*$|recommendations?\s*:?\s*$|appendices\b|consultation\s*:?\s*$)",
    re.I,
)
_MINUTES_END = re.compile(
    r"meeting (?:ended|closed|finished|concluded)|(?:closed|ended) the meeting|meeting closed at|"
    r"brought the meeting to a close|^chair(?:man|person)?\s*$|^contact officer|^e-?mail\s*:|"
    r"^date of (?:the )?next meeting|^next meeting\b",
    re.I,
)
_MINUTES_EVIDENCE = re.compile(
    r"\b(?:were in attendance|apologies (?:for absence )?(?:were|was|had been) received|was elected|"
    r"were agreed|was agreed|presented the report|resolved\b|action\s*[A-Z/]*\s*:|meeting (?:closed|ended)|"
    r"it was (?:agreed|noted|proposed|resolved)|(?:^|\s)present\s*[:;]|seconded by|updated the meeting)|"
    # an attendance list's heading, and the past tense of a meeting's business
    r"^[#*=\s]*(?:present|attendees|attending|in attendance|those present|members present|participants|"
    r"roll call|voting member attendance)\b|\b(?:voted|was approved|were approved|was discussed|agreed that|"
    r"meeting adjourned|adjourned at|called to order|welcomed (?:everyone|all|members|the)|(?:formally )?thanked|"
    r"gave an? (?:overview|update|presentation)|(?:was|were) given)\b|"
    r"^[#*=\s]*(?-i:[A-Z][A-Z&]{1,10})\s+attendees\b",  # "ODUG Attendees" over the roll's table: a group's acronym
    re.I,
)
_ROLL_WORDS = r"(?:present|attendees|attending|in attendance|those present|members present)"  # who attended
_ROLL = re.compile(  # "Present: Cllrs Ashman, Evans, Shewell, ...": an attendance list with names in it
    rf"^{_ROLL_WORDS}\s*[:;]\s*(?:[^,]+,){{2,}}",
    re.I,
)
ROLL_HEADING = re.compile(rf"^[#*=\s]*{_ROLL_WORDS}[\s:#*=]*$", re.I)  # "== Attendees ==", "Present" over names


def _names_under_roll_heading(head: list[Block]) -> bool:
    """A roll's heading with nothing but names under it ('== Attendees ==' / 'Chris Browne, Scott Sullivan,
    Bill Thanis, ...'); not 'All councillors, the clerk and the public are welcome.'"""
    under = (b.text for a, b in zip(head, head[1:]) if ROLL_HEADING.match(a.text))
    return any(re.match(r"^(?:[^,]+,){2,}", t) and not re.search(r"\b(?!and\b)[a-z]{2,}\b", t) for t in under)


_AGENDA_EVIDENCE = re.compile(
    r"\b(?:to be held|will be held|hereby summoned|are summoned|notice is hereby given)\b|^order of business\b|"
    r"^(?:\d+[.)]?\s+)?to (?:receive|consider|note|agree|approve|appoint|elect|adopt|confirm)\b",
    re.I,
)


_AGENDA_LINE_WORDS = 25  # "To receive a receipt for tax purposes ... please submit ..." is a sentence of the minutes


@dataclass
class Segment:
    kind: str  # minutes | agenda | report
    start: int  # block indexes, end exclusive
    end: int
    title: int | None = None  # block index of the title, where there is one


def title_kind(block: Block) -> str | None:
    """'minutes' or 'agenda' when the block is the title of a paper, else None."""
    text = block.text.strip()
    words = text.split()
    if not words or len(words) > 30 or _listed(block):
        return None
    # "Minutes of ..." and "Agenda for the 147th Meeting of ... held virtually." name themselves, however long
    long_title = re.match(r"^(?:minutes of|agenda for)\b", text, re.I) is not None
    if (
        len(words) > 16 or _ITEM_START.match(text) or text.endswith(".") or "?" in text or _CLOCK.match(text)
    ) and not long_title:
        return None
    if _NOT_A_PAPER.search(text) or _INDEX_TITLE.search(text):
        return None  # file names, table rows and links are not the title of a paper
    if _MINUTES_TITLE.search(text) and not _NOT_TITLE.search(text):
        return "minutes"
    if REGISTER_TITLE.search(text) and _has_full_date(text):  # a bare 'ACTION LOG:' heads a part of minutes
        return "minutes"
    if _AGENDA_TITLE.search(text) and not re.search(
        r"agenda item|on the agenda|for the agenda|(?<!^)agenda for|[,;]\s*(?:non-)?agenda\b|non-agenda|"
        r"public comment|next agenda|consent agenda|\b(?:was|were|are|has|have|had)\b|"
        r"(?:adoption|approval|adopt|approve|review) (?:of )?(?:the )?agenda",
        re.sub(r"^[#*=\s]+", "", text),
        re.I,
    ):  # "ORAL COMMUNICATIONS, AGENDA (Public Comment)" is a section of the minutes; "Agenda for ..." a title
        return "agenda"
    if (
        _MEETING_TITLE.search(text)
        and not _OTHER_MEETING.search(text)
        and not _NOT_TITLE.search(text)
        and (_has_full_date(text) or _MEETING_TITLE.search(words[-1]))
    ):  # "Trustees Meeting 15-Feb-2020", "2019-December Public Board Meeting": minutes or agenda by content
        return "meeting"
    return None


def _listed(block: Block) -> bool:
    """A list entry ('* Minutes (requires login)') points to a paper; it is not one's title. A scan's indent
    is where the line was printed, not a list."""
    return block.indent > 0 and block.heading is None and not any(line.ocr for line in block.lines)


_NOT_A_PAPER = re.compile(r"[`|<>{}]|\.(?:txt|pdf|docx?|md|html?)\b|https?:|www\.", re.I)
_MEETING_TITLE = re.compile(r"\b(?:meeting|mtg)\b|\b(?:AGM|EGM)\b", re.I)
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}\b")  # "11:00–11:01 Adoption of the agenda": a timed agenda's line
_OTHER_MEETING = re.compile(
    r"\b(?:next|previous|last|prior|future|following)\s+meeting|\b(?:from|since|at|after|before)\s+(?:the\s+)?meeting|"
    r"_{3,}|\bsigned\b",
    re.I,
)


def _has_full_date(text: str) -> bool:
    from .dates import find_dates

    return bool(find_dates(text))


def _near_top(blocks: list[Block], i: int, marks: set[int]) -> bool:
    """Titles stand at the top of a page, at the start, or just after a pack marker."""
    if i < 6:
        return True
    if any(0 < i - m <= 4 for m in marks):
        return True
    page = blocks[i].page
    if page is None:
        return False
    above = 0
    for j in range(i - 1, -1, -1):
        if blocks[j].page != page:
            break
        above += 1
    return above < 5


def _opens(blocks: list[Block], i: int) -> bool:
    """A title that opens a record of its own wherever it stands: minutes dated in full, with who attended just
    below ('Minutes of the Planning Committee held on 10 May 2024' / 'Present: ...'), as when one file holds
    an annual meeting and the ordinary meeting after it."""
    if title_kind(blocks[i]) != "minutes" or not _has_full_date(blocks[i].text):
        return False
    return any(_ROLL.match(b.text) or ROLL_HEADING.match(b.text) for b in blocks[i + 1 : i + 3])


def _title_head(blocks: list[Block], i: int, kind: str, starts: list, marks: set[int]) -> int | None:
    """Where the paper a title heads begins (its letterhead above it), when the title stands where a paper's
    does: at a page's top, under the first letterhead, or, dated with its roll below, anywhere (and then the
    lines above it are the last record's). None for a title that heads nothing."""
    first = not starts or len(starts) == 1 and starts[0][1] == "meeting"
    if _near_top(blocks, i, marks) or first and _under_letterhead(blocks, i):
        return _header_start(blocks, i)
    return i if _opens(blocks, i) else None


def segments(blocks: list[Block]) -> list[Segment]:
    marks = {i for i, b in enumerate(blocks) if _PACK_MARKER.match(b.text)}
    starts: list[tuple[int, str, int | None]] = []
    for i, block in enumerate(blocks):
        kind = title_kind(block)
        if kind == "meeting" and i >= 6:
            continue  # a running header ("July 13, 2016 Meeting") on a later page: only a paper's first lines
        head = _title_head(blocks, i, kind, starts, marks) if kind else None
        if head is None:
            continue
        if starts and _same_title(starts[-1], kind, i):
            if starts[-1][1] == "meeting":  # "5th Meeting" over "AGENDA": the word the paper gives itself
                starts[-1] = (starts[-1][0], kind, starts[-1][2])
            continue
        if starts and _not_a_new_paper(blocks, i):
            continue  # "MINUTES" over the approval of earlier minutes, at a page's top: a section, not a paper
        start = max([m for m in marks if 0 < i - m <= 4], default=None)
        starts.append((start + 1 if start is not None else head, kind, i))
    if not starts:
        return _cut_reports([_classify(Segment(_guess_kind(blocks), 0, len(blocks)), blocks)], blocks, marks)
    if starts[0][0] > 0:
        starts[0] = (0, starts[0][1], starts[0][2])
    out = []
    for n, (start, kind, title) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(blocks)
        out.append(_classify(Segment(kind, start, end, title), blocks))
    return _cut_reports(out, blocks, marks)


def _not_a_new_paper(blocks: list[Block], i: int) -> bool:
    """A later title that is not a new paper: one word ('Minutes', 'AGENDA:') with no date in it or the two
    blocks under it, or a title over the approval of earlier minutes ('MINUTES' / 'Minutes of the Meeting of
    2 December 2004.' / 'M/S to approve minutes as corrected')."""
    if i + 1 < len(blocks) and _APPROVAL.search(blocks[i + 1].text):
        return True
    if not re.fullmatch(r"[#*\s]*(?:minutes|agenda)[\s:.*]*", blocks[i].text, re.I):
        return False
    under = " ".join(b.text for b in blocks[i + 1 : i + 3])
    return bool(_APPROVAL.search(under)) or not any(_has_full_date(b.text) for b in blocks[i : i + 3])


_APPROVAL = re.compile(r"\bapprov\w*\b|\bM/S\b|\bmoved\b|\bseconded\b", re.I)


def _under_letterhead(blocks: list[Block], i: int) -> bool:
    """A first title below a letterhead of short lines (body, meeting number, date, time, venue, chair)."""
    return i < 12 and all(len(b.text.split()) <= 12 for b in blocks[:i])


def _same_title(last: tuple[int, str, int | None], kind: str, i: int) -> bool:
    """A second title line close under the first ("title:" in front matter, then the heading) is the same paper's."""
    near = i - (last[2] if last[2] is not None else last[0])
    return near <= 4 and last[1] == kind or near <= 10 and "meeting" in (kind, last[1])


def _header_start(blocks: list[Block], title: int) -> int:
    """Lines just above a title (organisation, body) belong to it when on the same page."""
    start = title
    for j in range(title - 1, max(title - 3, -1), -1):
        if blocks[j].page != blocks[title].page or len(blocks[j].text.split()) > 10:
            break
        if _MINUTES_END.search(blocks[j].text) or title_kind(blocks[j]):
            break
        start = j
    return start


def _guess_kind(blocks: list[Block]) -> str:
    evidence = sum(1 for b in blocks if _MINUTES_EVIDENCE.search(b.text))
    agenda = sum(
        1
        for b in blocks
        # "3. To receive the accounts", "4. Appointment of Auditor: To appoint the Auditor"
        if re.search(
            r"(?:^(?:\d+[.)]?\s+)?|:\s+)to (?:receive|consider|note|agree|approve|appoint|elect|adopt)\b", b.text, re.I
        )
        or _AGENDA_EVIDENCE.search(b.text)
    )
    return "agenda" if agenda > evidence else "minutes"


def _evidence(pattern: re.Pattern, blocks: list[Block]) -> set[str]:
    """Kinds of evidence, by their first word: "Action HP:" and "Action MG:" (carried forward on an agenda) are one."""
    return {m.group(0).lower().strip("#*= ").split()[0] for b in blocks for m in [pattern.search(b.text)] if m}


def _classify(segment: Segment, blocks: list[Block]) -> Segment:
    """Minutes or agenda by what the paper holds, whatever one word of its title says: a record of the meeting
    (attendance, decisions in the past tense, actions) is minutes; business still to come is an agenda."""
    if segment.kind == "report":
        return segment
    inside = blocks[segment.start : segment.end]
    minutes = _evidence(_MINUTES_EVIDENCE, inside)
    if len(minutes) >= 3 or any(_ROLL.match(b.text) for b in inside[:8]):
        segment.kind = "minutes"  # who was there, named at the head, is the plainest mark of minutes
        return segment
    # "the next meeting will be held on ..." speaks of another meeting; a long sentence is not an agenda line
    ahead = [b for b in inside if not _OTHER_MEETING.search(b.text) and len(b.text.split()) <= _AGENDA_LINE_WORDS]
    agenda = _evidence(_AGENDA_EVIDENCE, ahead)
    if (len(minutes) >= 2 or _names_under_roll_heading(inside[:8])) and not agenda:
        segment.kind = "minutes"
    elif len(agenda) >= (1 if segment.title is None or segment.kind == "meeting" else 2) and len(minutes) <= 1:
        segment.kind = "agenda"
    elif segment.kind == "meeting":
        segment.kind = _guess_kind(inside)
    return segment


def _cut_reports(segs: list[Segment], blocks: list[Block], marks: set[int]) -> list[Segment]:
    """Cut off reports that follow a meeting's papers; they are not meetings."""
    out = []
    for seg in segs:
        cut = _report_start(blocks, seg, marks)
        if cut is None:
            out.append(seg)
            continue
        if cut > seg.start:
            out.append(Segment(seg.kind, seg.start, cut, seg.title))
        out.append(Segment("report", cut, seg.end))
    return out


def _report_mark(text: str) -> bool:
    """A report's furniture ('Report of: Director of Finance', 'Wards affected'); in minutes, 'Report of the
    Roading Manager (Document 24/1182). Mr Reid spoke to it.' is a sentence about one."""
    return bool(_REPORT_MARK.match(text)) and not (
        re.match(r"^report\s+(?:of|by|to)\b", text, re.I) and len(text.split()) > 12
    )


# "ATTACHMENT TO JANUARY 27, 2022 BOARD MEETING MINUTES", "APPENDIX A", "Annex A: Treasurer's Report" after
# the meeting closed: what follows is a paper attached to the minutes, not more of them
_ATTACHMENT = re.compile(r"^[#*\s]*(?i:attachment|appendix|annexe?|enclosure)\s+(?:(?i:to)\b|[A-Z]\b|\d{1,2}\b)")
_CLOSED = re.compile(  # the meeting's own close, not an item adjourned or a break
    r"\bmeeting\s+(?:was\s+)?(?:adjourned|closed|ended|finished|concluded)\b(?!\s+for\b)|\badjourned at\b|"
    r"\bclosed the meeting\b|^(?:[IVX\d]+\.?\s*)?adjournment\b",
    re.I,
)


def _attachment_start(blocks: list[Block], first: int, end: int) -> int | None:
    """The first attachment's heading (a short line) once the meeting has closed above it."""
    closed = False
    for i in range(first, end):
        text = blocks[i].text
        if closed and len(text.split()) <= 12 and _ATTACHMENT.match(text):
            return i
        closed = closed or bool(_CLOSED.search(text))
    return None


def _report_start(blocks: list[Block], seg: Segment, marks: set[int]) -> int | None:
    first_body = (seg.title or seg.start) + 1
    attached = _attachment_start(blocks, first_body, seg.end)
    if attached is not None:
        return attached
    hits = [i for i in range(first_body, seg.end) if _report_mark(blocks[i].text)]
    for n, i in enumerate(hits):
        cluster = [j for j in hits[n:] if j - i <= 25]
        if len(cluster) < 2:
            continue
        lower = max([m for m in marks if first_body <= m <= i], default=first_body)
        ends = [j for j in range(lower, i) if _MINUTES_END.search(blocks[j].text)]
        if ends:
            cut = ends[-1] + 1
        else:
            cut = lower
            page = blocks[i].page
            if page is not None:
                cut = max(cut, min(j for j in range(lower, i + 1) if blocks[j].page == page))
        return cut
    return None
