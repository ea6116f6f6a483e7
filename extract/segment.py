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
    r"minutes of (?:the )?(?:previous|last|prior)|previous minutes|approv\w* (?:of )?(?:the )?minutes|"
    r"minutes (?:were|was|are|of the meeting held on)|minute[- ]?tak|confirm\w* (?:the )?minutes|"
    r"adoption of|accuracy|(?:to|will|be) (?:agree|approve|note|sign)|\bminutes? \d",
    re.I,
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
    r"it was (?:agreed|noted|proposed|resolved)|(?:^|\s)present\s*[:;]|seconded by|updated the meeting)",
    re.I,
)


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
    if re.search(r"[`|<>{}]|\.(?:txt|pdf|docx?|md|html?)\b|https?:|www\.", text, re.I):
        return None  # file names, table rows and links are not the title of a paper
    long_minutes_title = text.lower().startswith("minutes of") and len(words) <= 30
    if (
        not words or len(words) > 16 or _ITEM_START.match(text) or text.endswith((".", "?"))
    ) and not long_minutes_title:
        return None
    if _MINUTES_TITLE.search(text) and not _NOT_TITLE.search(text):
        return "minutes"
    if _AGENDA_TITLE.search(text) and not re.search(
        r"agenda item|on the agenda|for the agenda|agenda for|[,;]\s*(?:non-)?agenda\b|non-agenda|public comment|"
        r"next agenda|consent agenda|\b(?:was|were|are|has|have|had)\b",
        text,
        re.I,
    ):  # "ORAL COMMUNICATIONS, AGENDA (Public Comment)" is a section of the minutes
        return "agenda"
    return None


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


def segments(blocks: list[Block]) -> list[Segment]:
    marks = {i for i, b in enumerate(blocks) if _PACK_MARKER.match(b.text)}
    starts: list[tuple[int, str, int | None]] = []
    for i, block in enumerate(blocks):
        kind = title_kind(block)
        if kind and _near_top(blocks, i, marks):
            if starts and starts[-1][1] == kind and i - (starts[-1][2] or starts[-1][0]) <= 4:
                continue
            start = max([m for m in marks if 0 < i - m <= 4], default=None)
            starts.append((start + 1 if start is not None else _header_start(blocks, i), kind, i))
    if not starts:
        return [_classify(Segment(_guess_kind(blocks), 0, len(blocks)), blocks)]
    if starts[0][0] > 0:
        starts[0] = (0, starts[0][1], starts[0][2])
    out = []
    for n, (start, kind, title) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(blocks)
        out.append(_classify(Segment(kind, start, end, title), blocks))
    return _cut_reports(out, blocks, marks)


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
    )
    return "agenda" if agenda > evidence else "minutes"


def _classify(segment: Segment, blocks: list[Block]) -> Segment:
    """A paper titled 'agenda' whose text is plainly a record of the meeting is minutes."""
    if segment.kind == "agenda":
        evidence = {  # kinds of evidence: "Action HP:" and "Action MG:" (carried forward on an agenda) are one
            m.group(0).lower().split()[0]
            for b in blocks[segment.start : segment.end]
            for m in [_MINUTES_EVIDENCE.search(b.text)]
            if m
        }
        if len(evidence) >= 3:
            segment.kind = "minutes"
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


def _report_start(blocks: list[Block], seg: Segment, marks: set[int]) -> int | None:
    first_body = (seg.title or seg.start) + 1
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
