"""From a document's lines to the meetings it holds."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..ingest.model import Document
from . import actions as action_rules
from . import attendance as attendance_rules
from . import classified, header, register, resolutions, tables, units
from . import progress as progress_rules
from .blocks import Block, paragraphs, sentences
from .dates import MONTHS, due_date
from .items import Heading, find_items, heading_number, is_section_label
from .model import Action, Attendee, Meeting, Resolution, item_reference
from .names import STREET_WORD, NameFinder, dash_tail, full_names, looks_like_name, reporter, strip_honorifics
from .segment import ROLL_HEADING, Segment, segments

_OPENING = re.compile(r"(?:call(?:ed)?\s+to\s+order|roll\s+call|pledge\s+of\s+allegiance)\b", re.I)
_APOLOGIES_ITEM = re.compile(r"\bapolog|\babsence\b|\battendance\b", re.I)


def extract(document: Document) -> list[Meeting]:
    blocks = paragraphs(document.lines)
    if not blocks:
        return []
    year = header.document_year(blocks)
    us = header.is_us(blocks)
    meetings = []
    for seg in segments(blocks):
        if seg.kind == "report":
            continue
        meeting = _meeting(blocks, seg, year, us)
        if meeting is not None and _is_meeting(meeting, seg):
            meetings.append(meeting)
    fallback_body = header.body_from_text(blocks)
    for meeting in meetings:
        meeting.body = meeting.body or fallback_body
    if len(meetings) == 1 and meetings[0].date is None:  # a paper that prints no date: its file's name may
        named = header.date_in_name(document.path, us)
        meetings[0].date = named.isoformat() if named else None
        meetings[0].dated_by_name = named is not None
    return meetings


def business(document: Document) -> list[list[units.Unit]]:
    """The business sentences of each set of minutes in a document, as the classifier reads them."""
    blocks = paragraphs(document.lines)
    found = []
    for seg in segments(blocks):
        if seg.kind == "minutes":
            shape = outline(blocks, seg)
            found.append(units.business_units(blocks, shape.body_start, seg.end, shape.headings, shape.bare_headings))
    return found


def _is_meeting(meeting: Meeting, seg: Segment) -> bool:
    """Papers that are not a meeting's (a README, a letter) show too little of one to count."""
    evidence = [
        len(meeting.items) >= 2,
        bool(meeting.attendees),
        bool(meeting.resolutions),
        bool(meeting.actions),
        meeting.date is not None,
        seg.title is not None,
    ]
    return sum(evidence) >= 2


@dataclass
class Outline:
    """A meeting's structure, found before any field is read: its items, where its head ends and the
    attendance lists at its head."""

    headings: list[Heading]
    title_at: int  # the title's block, or the block before the segment
    head_end: int  # the first numbered item: attendance is read above it
    people: list[Attendee]
    first_item: int
    body_start: int  # the business starts here: after the head and the attendance lists
    head: list[Block]  # the lines that carry the date, times, body and place
    register: register.Register | None = None  # the action log the paper is, if it is one

    @property
    def heading_blocks(self) -> set[int]:
        return {k for h in self.headings for k in h.blocks}

    @property
    def bare_headings(self) -> set[int]:
        """Heading blocks with nothing run in; a heading with a sentence run in is read for fields too."""
        return {k for h in self.headings if not h.body for k in h.blocks}


def outline(blocks: list[Block], seg: Segment) -> Outline:
    """Items and RESOLVED blocks bound each other: a block ends at the next heading, and the numbered parts
    inside a block are not headings; so items are found, then decision blocks, then items again."""
    action_tables = tables.action_table_blocks(blocks, seg.start, seg.end)
    log = register.find_register(blocks, seg.start, seg.end)
    action_tables |= register.register_blocks(log)
    headings = find_items(blocks, seg.start, seg.end, action_tables)
    res_blocks = resolutions.resolution_blocks(blocks, seg.start, seg.end, {k for h in headings for k in h.blocks})
    inside = {k for first, last, _ in res_blocks for k in range(first + 1, last + 1)}
    headings = find_items(blocks, seg.start, seg.end, inside | action_tables)
    if seg.kind == "minutes":
        headings = _past_agenda_table(blocks, seg, headings, inside | action_tables)
    title_at = seg.title if seg.title is not None else seg.start - 1
    numbered = [h.block for h in headings if h.kind != "none" and h.block > title_at]
    head_end = min([*numbered, seg.end])
    people, attendance_last = attendance_rules.attendance(blocks, title_at + 1, head_end)
    if not people and title_at > seg.start:  # "Present: ..." above a section read as the title ("General Agenda")
        people, _ = attendance_rules.attendance(blocks, seg.start, title_at)
    # topic headings of unnumbered papers start after the heading block and the attendance lists; the business
    # that opens a meeting ("CALL TO ORDER" over the roll, "Pledge of Allegiance") may stand above them
    guard = max(attendance_last, title_at)
    headings = [
        h
        for h in headings
        if h.block > title_at and (h.kind != "none" or h.block > guard or not numbered and _OPENING.match(h.item.title))
    ]
    first_item = next((h.block for h in headings if h.block > guard or h.kind != "none"), seg.end)
    head = blocks[seg.start : min(max(first_item, title_at + 6, seg.start + 3), seg.start + 20, seg.end)]
    return Outline(headings, title_at, head_end, people, first_item, min(first_item, guard + 1), head, log)


def _past_agenda_table(blocks: list[Block], seg: Segment, headings: list[Heading], skip: set[int]) -> list[Heading]:
    """Minutes that open with their agenda as a table ('Item | Description', numbered down its first column)
    and then minute the business under headings of their own: the table's numbers number the agenda, not
    the minutes, so the items are read as if the table had none."""
    tables_used = {blocks[h.block].cell[0] if blocks[h.block].cell else None for h in headings}
    if len(headings) < 3 or len(tables_used) != 1 or None in tables_used:
        return headings
    (table,) = tables_used
    cells = [k for k in range(seg.start, seg.end) if blocks[k].cell and blocks[k].cell[0] == table]
    numbers = {k for k in cells if blocks[k].cell[2] == 0 and blocks[k].text.strip().isdigit()}
    instead = find_items(blocks, seg.start, seg.end, skip | numbers)
    # minutes kept in the table itself have no run of headings after it (a 'Date of next meeting' at most):
    # there the table's numbers are the items'
    after = sum(h.block > max(cells) for h in instead)
    return instead if after >= max(2, len(numbers) // 2) else headings


def _meeting(blocks: list[Block], seg: Segment, year: int | None, us: bool) -> Meeting | None:
    shape = outline(blocks, seg)
    meeting = _heading_fields(blocks, seg, shape, year, us)
    leaders = {line.index for block in blocks[seg.start : seg.end] for line in block.lines if line.leader}
    if seg.kind == "agenda":
        _presenters_from_roster(meeting, leaders)  # an agenda has no roster: its lead column still names them
        _presenters_named(meeting, blocks[seg.start : seg.end])
        return meeting
    meeting.attendees = _attendance(blocks, seg, shape.headings, shape.people, shape.head_end)
    _initials_nobody_has(meeting)
    _presenters_from_roster(meeting, leaders)
    _presenters_named(meeting, blocks[seg.start : seg.end])
    item_of = _item_lookup(shape.headings, _summary_starts(blocks, seg, shape.headings))
    scored = classified.score(blocks, shape.body_start, seg.end, shape.headings, shape.bare_headings)
    meeting.resolutions = _resolutions(blocks, seg, shape, item_of, _acronym(meeting.body))
    meeting.resolutions += classified.decisions(blocks, scored, meeting.resolutions, item_of)
    meeting.resolutions.sort(key=lambda r: r.found.source.first_line)
    meeting.actions = _actions(blocks, seg, meeting, item_of, shape, scored, us)
    _summaries(blocks, seg, shape)
    stated = header.next_meeting(blocks[shape.body_start : seg.end], _day(meeting.date), year, us)
    meeting.next_date = stated.isoformat() if stated else None
    meeting.progress = _progress(blocks, seg, shape.headings)
    meeting.progress += progress_rules.prose_reports(blocks, shape.body_start, seg.end, _review_blocks(seg, shape))
    return meeting


def _heading_fields(blocks: list[Block], seg: Segment, shape: Outline, year: int | None, us: bool) -> Meeting:
    """What the head of the papers says: body, organisation, date, times, place; and the items."""
    title = blocks[seg.title] if seg.title is not None else None
    when, _ = header.meeting_date(shape.head, year, us)
    when = header.slipped_year(when, blocks[seg.start : seg.end], us)
    start_time, end_time = header.times(shape.head, blocks[seg.start : seg.end])
    body, organisation = header.body_and_organisation(shape.head, title, blocks[seg.start : seg.end])
    return Meeting(
        kind=seg.kind,
        found=blocks[seg.start].found(f"meeting.{seg.kind}", blocks[seg.end - 1]),
        body=body,
        organisation=organisation,
        date=when.isoformat() if when else None,
        start_time=start_time,
        end_time=end_time,
        location=header.location(shape.head),
        items=[h.item for h in shape.headings],
    )


def _acronym(body: str | None) -> str | None:
    """'Steering Committee' -> 'SC', 'Project Leadership Committee' -> 'PLC': how minutes name their own body."""
    words = [w for w in (body or "").split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else None


def _resolutions(blocks: list[Block], seg: Segment, shape: Outline, item_of, acronym: str | None) -> list[Resolution]:
    """Decision blocks (RESOLVED, moved/seconded/CARRIED, motion runs), then decision sentences elsewhere."""
    heading_blocks = shape.heading_blocks
    runs = [
        ("resolution.block", resolutions.resolution_blocks(blocks, seg.start, seg.end, heading_blocks)),
        ("resolution.moved_carried", resolutions.moved_blocks(blocks, shape.body_start, seg.end, heading_blocks)),
        ("resolution.motion_block", resolutions.motion_blocks(blocks, shape.body_start, seg.end, heading_blocks)),
        ("resolution.motion_table", tables.motion_rows(blocks, shape.body_start, seg.end)),
        ("resolution.motion_run", resolutions.motion_runs(blocks, shape.body_start, seg.end, heading_blocks)),
    ]
    resolved = {item_of(first) for first, _, _ in runs[0][1]}
    found, taken = [], set()
    for rule, spans in runs:
        claimed = set(taken)  # what an earlier rule read is that rule's decision: one motion, one record
        for first, last, text in spans:
            span = set(range(first, last + 1))
            taken |= span  # read by some rule, kept or not: no decision sentence is read out of it again
            if span & claimed:
                continue
            beside = rule != "resolution.block" and item_of(first) in resolved and resolutions.vote_report(text)
            if text and not beside:  # a motion run that only reports the vote beside a RESOLVED block is that one's
                found.append(resolutions.make(item_of(first), text, blocks[first], rule, blocks[last]))
    found += _decision_sentences(blocks, seg, shape, item_of, taken, acronym, resolved)
    found += _minutes_approved(blocks, seg, shape, item_of, {r.item for r in found})
    found.sort(key=lambda r: r.found.source.first_line)
    return found


def _minutes_approved(blocks: list[Block], seg: Segment, shape: Outline, item_of, decided: set) -> list:
    """The approval of the last minutes, read in the item that takes them when no other rule found it there."""
    found = []
    for n, heading in enumerate(shape.headings):
        item = item_of(heading.block)
        if item in decided or not resolutions.MINUTES_ITEM.search(heading.item.title):
            continue
        end = _item_end(shape.headings, n, seg.end)
        texts = [heading.body or "", *(blocks[i].text for i in range(heading.block + 1, end) if blocks[i].cell is None)]
        sentence = resolutions.minutes_approval(texts)
        if sentence:
            at = next((i for i in range(heading.block, end) if sentence in blocks[i].text), heading.block)
            found.append(resolutions.make(item, sentence, blocks[at], "resolution.minutes_item"))
    return found


def _decision_sentences(
    blocks: list[Block], seg: Segment, shape: Outline, item_of, taken: set[int], acronym: str | None, resolved: set
) -> list:
    """Sentences that record a decision, outside the decision blocks; one ending ':' takes its list.
    `resolved` holds the items with a RESOLVED block, whose seconded motions it records."""
    found = []
    # "(c) Internal auditor – RESOLVED - That ...", "APPROVAL OF Town Fund Bills – Motion to approve ... was made
    # by ...": the decision run into a heading, read without the heading (whose words would read as an agenda's)
    run_in = {
        h.block: h.body
        for h in shape.headings
        if h.body and (resolutions.MARKER.match(h.body) or resolutions.agenda_line(h.item.title) and _told(h.body))
    }
    bare = shape.bare_headings
    # "I. Approval of the agenda - approved": a heading that gives its outcome, read without its number
    words = ((h.block, _unnumbered_text(blocks[h.block])) for h in shape.headings)
    titled = {i: text for i, text in words if resolutions.OUTCOME_TITLE.match(text)}
    for i in range(shape.body_start, seg.end):
        if i in taken or (i in bare and i not in titled):
            continue  # a heading decides nothing, unless it gives its outcome
        if blocks[i].cell is not None and i < shape.first_item:
            continue  # a table before the first item is the heading's or the attendance's, not a decision
        for rule, sentence in resolutions.decision_sentences(blocks[i], titled.get(i) or run_in.get(i), acronym):
            if item_of(i) in resolved and (rule == "resolution.seconded" or resolutions.vote_report(sentence)):
                continue  # 'X proposed and Y seconded that ...' or 'the motion was carried', then 'RESOLVED that ...'
            rule, sentence, first = _pointed_back(blocks, i, shape, item_of, rule, sentence)
            last = blocks[i]
            if sentence.endswith(":") and blocks[i].text.rstrip().endswith(sentence):
                j = resolutions.list_end(blocks, i, seg.end, shape.heading_blocks)
                sentence = " ".join([sentence, *(blocks[k].text for k in range(i + 1, j))])
                last = blocks[j - 1]
            found.append(resolutions.make(item_of(i), sentence, first, rule, last))
    return found


def _told(body: str) -> bool:
    """A run-in body that tells the business itself, not a word or two of its outcome ('– deferred')."""
    return len(body.split()) >= 8


def _pointed_back(
    blocks: list[Block], i: int, shape: Outline, item_of: Callable, rule: str, sentence: str
) -> tuple[str, str, Block]:
    """(rule, text, first block) of a decision whose outcome points back to what came before it in its item:
    a proposal ('The trustees proposed to correct those.' / 'The proposal was accepted by a show of hands.'),
    also over a one-line lead-in ('A motion ... was raised.' / 'Vote on the motion BV_C:' / 'Vote: 5 in favor'),
    or a schedule of payments ('Merlin Waste - £30.00' ... / 'All approved for payment.')."""
    if resolutions.may_approve_schedule(blocks[i].text):
        *above, paragraph = _item_texts(blocks, i, shape, item_of)
        listed = resolutions.schedule(paragraph, above)
        if listed:
            return "resolution.schedule", listed[1], blocks[i - listed[0]]

    def told_above(k: int) -> bool:
        return k >= shape.body_start and k not in shape.bare_headings and item_of(k) == item_of(i)

    # 'Vote on the motion BV_C:' between the motion and its tally leads in; the motion is the paragraph above it
    lead = told_above(i - 1) and blocks[i - 1].text.rstrip().endswith(":") and len(blocks[i - 1].text.split()) <= 8
    k = i - 2 if lead and told_above(i - 2) else i - 1
    proposal = resolutions.proposal_before(sentence, blocks[i].text, blocks[k].text) if told_above(k) else None
    if not proposal:
        return rule, sentence, blocks[i]
    return rule, " ".join([proposal, *(blocks[j].text for j in range(k + 1, i)), sentence]), blocks[k]


def _item_texts(blocks: list[Block], i: int, shape: Outline, item_of: Callable) -> list[str]:
    """The text of block i's item up to and including block i, without the heading's own words."""
    run_in = {h.block: (h.body or "").lstrip(":-–— ") for h in shape.headings}
    start = i
    while start - 1 >= shape.body_start and start not in run_in and item_of(start - 1) == item_of(i):
        start -= 1
    return [run_in.get(k, blocks[k].text) for k in range(start, i + 1)]


def _unnumbered_text(block: Block) -> str:
    """A heading's words without its number: 'I. Approval of the agenda - approved' -> 'Approval of ...'."""
    number = heading_number(block)
    return (number.group("rest") or "") if number else block.text.strip()


def _progress(blocks: list[Block], seg: Segment, headings: list[Heading]) -> list:
    """Reports on earlier actions, read under a 'Matters arising' or 'Action log' item and its sub-items."""
    found = []
    for n, heading in enumerate(headings):
        if progress_rules.REVIEW_ITEM.search(heading.item.title):
            found += progress_rules.progress_in(blocks, heading.block + 1, _item_end(headings, n, seg.end))
    return found


_SUMMARY_WORDS = 45
_RECORD = re.compile(r"^(?:resolved|agreed|action|decision|proposed|seconded|moved|carried)\b", re.I)
# 'This will be added to the March agenda', 'to be voted on at the next meeting': business sent forward
_FORWARD = re.compile(rf"\b(?:next|future|following|{MONTHS})\s+(?:[\w&'-]+\s+){{0,3}}?meeting\b|\bagenda\b", re.I)


def _summaries(blocks: list[Block], seg: Segment, shape: Outline) -> None:
    """Each item's discussion in brief (its first sentences of prose, up to about 45 words, leaving out the
    decisions and actions the pack lists below it), and the sentences that send business forward, which the
    next agenda draws on."""
    for n, heading in enumerate(shape.headings):
        end = shape.headings[n + 1].block if n + 1 < len(shape.headings) else seg.end
        words: list[str] = []
        for i in range(heading.block + 1, end):
            if blocks[i].cell is not None:
                continue
            if _RECORD.match(blocks[i].text):
                continue  # a decision or an action: the agenda reads it as the record it is
            parts = sentences(blocks[i].text)
            heading.item.forward += [s for s in parts if _FORWARD.search(s) and not s.endswith("?")]
            for sentence in parts:
                if len(words) >= _SUMMARY_WORDS or _RECORD.match(sentence):
                    break
                words += sentence.split()
        if words:
            heading.item.summary = " ".join(words[: _SUMMARY_WORDS + 15])


def _item_end(headings: list[Heading], n: int, end: int) -> int:
    """Where item n's business ends: at the next heading that is not one of its sub-items."""
    number = headings[n].item.number
    later = (h.block for h in headings[n + 1 :] if number is None or h.item.parent != number)
    return next(later, end)


def _review_blocks(seg: Segment, shape: Outline) -> set[int]:
    """Blocks under 'Matters arising' or 'Action log' (read there already) and the headings themselves."""
    found = set(shape.heading_blocks)
    for n, heading in enumerate(shape.headings):
        if progress_rules.REVIEW_ITEM.search(heading.item.title):
            found.update(range(heading.block, _item_end(shape.headings, n, seg.end)))
    return found


def _initials_nobody_has(meeting: Meeting) -> None:
    """'Finance report JB' names its presenter by her initials; 'Package ecosystem & DSF' ends in a body's: where
    the minutes list who attended, capitals that are no attendee's initials are the title's own words."""
    if len(meeting.attendees) < 2:
        return
    known = {a.initials for a in meeting.attendees if a.initials}
    for a in meeting.attendees:
        words = re.findall(r"[^\W\d_][\w'’]*", a.name)
        known |= {"".join(w[0] for w in words).upper(), "".join(w[0] for w in words[:1] + words[-1:]).upper()}
    for item in meeting.items:
        shown = item.presenters and all(re.fullmatch(r"[A-Z]{2,3}", p) for p in item.presenters)
        if shown and not any(p in known for p in item.presenters):
            item.title, item.presenters = f"{item.title} {'/'.join(item.presenters)}", []


def _presenters_from_roster(meeting: Meeting, leader_lines: set[int]) -> None:
    """'Operations Manager's report – Sophie Turner': a name after a dash is the presenter when she attended;
    on a line a leader ran out to its column ('Membership ------ Jeanne Banks/Rebecca Galves', 'Local Reports
    ------ Local Chairs'), the column names the presenters, people or a role."""
    names = {a.name.lower() for a in meeting.attendees}
    surnames = {a.name.lower().split()[-1] for a in meeting.attendees if a.name.split()}
    full = r"(?:[A-Z]\.\s?|[A-Z][a-z]+\s+)(?:[A-Z][a-z'’\-]+\s+)?[A-Z][a-z'’\-]+"
    for item in meeting.items:
        if item.presenters:
            continue
        column = _leader_column(item.title) if item.found.source.first_line in leader_lines else None
        if column:
            item.title, item.presenters = column
            continue
        # 'Committee on Organization – W. Bell, No report': the reporter, and that there was nothing to report
        tail = re.search(
            rf"\s+[-–—]\s+({full}(?:\s*/\s*{full})*)(?:,\s*(?i:no|nil|need)\s+(?i:report)\.?)?$", item.title
        )
        if not tail:
            continue
        people = [p.strip() for p in tail.group(1).split("/")]
        column = item.title[tail.start() :].lstrip().startswith("—")
        known = [p.lower() in names or p.lower().split()[-1] in surnames for p in people]
        if all(k or column and looks_like_name(p, allow_initials=False) for p, k in zip(people, known, strict=True)):
            item.presenters = people
            item.title = item.title[: tail.start()]


def _presenters_named(meeting: Meeting, blocks: list[Block]) -> None:
    """'Plan Commission – John Rzymski', 'Mosquito Abatement – Coordinator Fay Kiaurakis': reporters after a
    dash who are not on the roster (agendas have none) are still named where the paper's headings use the
    dash that way: two or more tails, at least half of those it has, read as people's names."""
    words = {w for block in blocks for w in re.findall(r"\b[a-z]{2,}\b", block.text)}
    tails = {id(item): dash_tail(item.title) for item in meeting.items if not item.presenters}
    tails = {k: tail for k, tail in tails.items() if tail}
    named = {k: [reporter(part, words) for part in tail[1]] for k, tail in tails.items()}
    named = {k: people for k, people in named.items() if all(people)}
    if len(named) < 2 or 2 * len(named) < len(tails):
        return
    for item in meeting.items:
        if id(item) in named:
            item.title, item.presenters = tails[id(item)][0], named[id(item)]


_WORDS = r"[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}"
_COLUMN = re.compile(rf"\s+—\s+({_WORDS}(?:\s*/\s*{_WORDS})*)$")  # what a leader joined to a title (ingest/cleanup.py)


def _leader_column(title: str) -> tuple[str, list[str]] | None:
    """'Santa Fe Fall ------ Lina Germann/ Kate GOmez', 'Local Reports ------ Local Chairs': what a leader joins
    to a title is its presenters' column, names or a role, each part a few capitalised words."""
    column = _COLUMN.search(title)
    if not column:
        return None
    return title[: column.start()], [p.strip() for p in column.group(1).split("/")]


def _summary_starts(blocks: list[Block], seg: Segment, headings: list[Heading]) -> list[int]:
    """Where a closing summary ('## Action items', 'Decisions') begins after the last item: no item holds it."""
    last = (
        headings[-1].block if headings else seg.end
    )  # after the last item: a per-item 'Actions' list stays its item's
    return [
        k
        for k in range(last + 1, seg.end)
        if (blocks[k].heading is not None or blocks[k].first.bold) and is_section_label(blocks[k].text)
    ]


def _item_lookup(headings: list[Heading], summaries: list[int] = ()):
    starts = [h.block for h in headings]

    def item_of(block: int, top: bool = False) -> str | None:
        """The item a block sits in; with `top`, the item over a sub-item; none in a closing summary."""
        k = bisect.bisect_right(starts, block) - 1
        if k < 0 or any(starts[k] < s <= block for s in summaries):
            return None
        item = headings[k].item
        if top and item.parent is not None:
            return item.parent
        return item_reference(item.number, item.parent, item.title)

    return item_of


_ATTENDANCE_ITEM = re.compile(r"\broll call\b|\battendance\b|\bpresent\b|\bmembers\b|\bapolog|\babsence\b", re.I)


def _attendance(
    blocks: list[Block], seg: Segment, headings: list[Heading], people: list[Attendee], head_end: int
) -> list[Attendee]:
    """The attendance lists at the head, those under a 'Roll call' or 'Apologies' item, and apology sentences."""
    start = (seg.title + 1) if seg.title is not None else seg.start
    for n, heading in enumerate(headings[:5]):
        end = headings[n + 1].block if n + 1 < len(headings) else seg.end
        if n == 0 and not people and not _ATTENDANCE_ITEM.search(heading.item.title):
            # "1. Call to order ... Present: Chair Jane Sullwold, ...": the roll inside the first item, as a list
            # or as a sentence ("Board members present were President, Paulette Church; ...")
            people.extend(attendance_rules.attendance(blocks, heading.block + 1, end)[0])
            if not people:
                attendance_rules.apologies_in_text(blocks, heading.block + 1, end, people)
            continue
        if not _ATTENDANCE_ITEM.search(heading.item.title):
            continue
        if not _APOLOGIES_ITEM.search(heading.item.title):  # "1. Members present: Ann, Bob"
            attendance_rules.run_in_list(blocks[heading.block], heading.item.title, heading.body, people)
        found, _ = attendance_rules.attendance(blocks, heading.block + 1, end)
        for person in found:
            if not any(attendance_rules._same(p.name, person.name) for p in people):
                people.append(person)
        if _APOLOGIES_ITEM.search(heading.item.title):
            _apologies_item(blocks, heading, end, people)
        attendance_rules.apologies_in_text(blocks, heading.block + 1, end, people)
    attendance_rules.apologies_in_text(blocks, start, head_end, people)
    if not any(p.status == "present" for p in people):
        late = _late_roll(blocks, seg)
        people.extend(p for p in late if not any(attendance_rules._same(q.name, p.name) for q in people))
    _roster_full_names(people, blocks[seg.start : min(head_end, seg.start + _ROSTER_BLOCKS)])
    attendance_rules.settle_categories(people)
    return people


def _late_roll(blocks: list[Block], seg: Segment) -> list[Attendee]:
    """Minutes that keep their roll at the end ('## Attending:' / one name a line): a heading set as one that
    says who attended, read wherever it sits when no one was named present at the head."""
    for k in range(seg.start, seg.end - 1):
        if blocks[k].heading is not None and ROLL_HEADING.match(blocks[k].text.strip()):
            if "," in blocks[k + 1].text:
                continue  # one name a line: 'Future speakers: Ann Lee, Bob Diaz' is no roll
            return attendance_rules.attendance(blocks, k, min(seg.end, k + 40))[0]
    return []


_ROSTER_BLOCKS = 15  # a roster of members stands in the paper's first lines, under its title


def _roster_full_names(people: list[Attendee], blocks: list[Block]) -> None:
    """A roll by surname ('Present: Members Hage, Kattouw') takes the full names of a roster at the paper's head
    ('Carl Hage'); names in the business are the speakers', and the roll's own form stands."""
    single = [p.name for p in people if len(p.name.split()) == 1 and p.name[:1].isupper() and not p.name.isupper()]
    if single:
        full = full_names(single, [b.text for b in blocks])
        taken = {p.name for p in people}  # "Cllrs Smith, Jones" beside "Clerk: Mary Jones": Jones is someone else
        for person in people:
            if full.get(person.name) not in taken:
                person.name = full.get(person.name, person.name)


_RECEIVED = re.compile(
    r"^(?:(?:were|was|have been|had been)\s+)?(?:received|given|noted|accepted)\s+(?:from|by)\s+", re.I
)
_NO_APOLOGIES = re.compile(r"^(?:none|nil|no apologies|there were none)\b", re.I)


def _apologies_item(blocks: list[Block], heading: Heading, end: int, people: list[Attendee]) -> None:
    """Under an 'Apologies' item, a bare list of names is the apologies, however many lines it takes."""
    parts: list[tuple[str, Block]] = []
    if heading.body:  # "APOLOGIES: received from Cllr Ellison (work commitments). Cllr Patel was absent."
        for sentence in sentences(heading.body):
            absent = attendance_rules.ABSENT_SENTENCE.match(sentence)
            if absent:
                found = attendance_rules.parse_people(absent.group(1), None)
                attendance_rules._add(
                    people, found, "absent", None, blocks[heading.block], "attendance.absent_sentence"
                )
            elif not _NO_APOLOGIES.match(sentence):
                parts.append((_RECEIVED.sub("", sentence), blocks[heading.block]))
    for i in range(heading.block + 1, min(end, heading.block + 30)):
        text = blocks[i].text
        if text.strip() == heading.item.title:
            continue  # the title, in the table cell beside the item's number
        bare = re.sub(r"\([^)]*\)", " ", text)
        if re.search(r"\b(?:was|were|had|have|has|received|none|nil)\b", text, re.I) or text.isupper():
            break
        if re.match(r"^(?:resolved|agreed|decision|decided|actions?|moved|seconded|proposed|that)\b", text, re.I):
            break  # a decision or an action line ends any list of names
        if "," not in text and attendance_rules.has_lower_word(bare):
            break  # the list of names is over
        parts.append((text, blocks[i]))
    if not parts:
        return
    # a name broken where the line ran out ("Ben / Gummer") joins up again; names on lines of their own do not
    joined = parts[0][0]
    for (_, before), (text, _) in zip(parts, parts[1:], strict=False):
        joined += (" " if before.last.wrapped or joined.rstrip().endswith(",") else ", ") + text
    for person in attendance_rules.parse_people(joined, None):
        # each name keeps the line it was printed on (the first of them, for a name broken across two)
        home = next((b for text, b in parts if person["name"].split()[0] in text), parts[0][1])
        attendance_rules._add(people, [person], "apologies", None, home, "attendance.apologies_item")


def _actions(blocks, seg, meeting: Meeting, item_of, shape: Outline, scored, us: bool) -> list[Action]:
    finder = NameFinder([a.name for a in meeting.attendees], [b.text for b in blocks[shape.body_start : seg.end]])
    body_start = shape.body_start
    found = action_rules.marked(blocks, body_start, seg.end, finder)
    found += action_rules.ai_marked(blocks, body_start, seg.end, finder)
    found += tables.action_rows(blocks, seg.start, seg.end)
    found += register.register_rows(shape.register, blocks, finder, _day(meeting.date))
    found += action_rules.action_list(blocks, body_start, seg.end, finder)
    found += action_rules.task_with_owner(blocks, body_start, seg.end)
    if not found:  # minutes that mark their actions: only the marked ones count
        found = action_rules.from_sentences(blocks, body_start, seg.end, shape.bare_headings, finder)
        found += action_rules.owner_colon(blocks, body_start, seg.end, finder)
        found += classified.actions(blocks, scored, found, finder)
    found += action_rules.bracket_tasks(blocks, body_start, seg.end, finder, found)
    found.sort(key=lambda raw: raw.first.first.index)
    numbers = [i.number for i in meeting.items if i.number]
    for raw in found:
        at = next((k for k in range(seg.start, seg.end) if blocks[k] is raw.last), None)
        named = _item_named(raw.item, numbers)
        raw.item = named or (item_of(at) if at is not None else None)
        raw.section = named or (item_of(at, top=True) if at is not None else None)
    out = []
    when = _day(meeting.date)
    for raw in action_rules.dedupe(found):
        text = re.sub(r"\s+", " ", raw.text).strip()
        text = _PARAGRAPH_NUMBER.sub("", text)  # "2.1 The minutes were amended ...": the paragraph's number
        due = _due_cell(raw.due_text, when, us) if raw.due_text.strip() else None
        if due is None and raw.due_text.strip():
            due = raw.due_text.strip()
        due = due or due_date(text, when, us)
        owners = [strip_honorifics(o) for o in raw.owners if strip_honorifics(o)]
        out.append(
            Action(
                item=raw.item,
                text=text,
                owners=owners,
                due=due,
                status=raw.status,
                found=_found(raw),
            )
        )
    return out


def _day(iso: str | None) -> date | None:
    """The meeting's day as a date, which due words count from."""
    return date.fromisoformat(iso) if iso else None


def _found(raw: action_rules.Raw):
    found = raw.first.found(raw.rule, raw.last)
    if raw.confidence is not None:
        found.confidence = raw.confidence
    return found


# "2.1 The minutes ...", "5 Friends website": a paragraph's number, not a house's ("24 Birch Green - the pillars")
_PARAGRAPH_NUMBER = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2}){1,2}|[IVX]{1,4}\.)\s+(?=[A-Z])"
    rf"|^\d{{1,2}}\s+(?=[A-Z])(?!(?:[A-Z][\w'’\-]*\s+){{1,3}}(?i:{STREET_WORD})\b)"
)


def _item_named(ref: str | None, numbers: list[str]) -> str | None:
    """The item an action table's Minute column names: '56/2122' is item 'LW 56/2122'."""
    if not ref:
        return None
    return next((n for n in numbers if n == ref or n.endswith(" " + ref)), None)


def _due_cell(text: str, when, us: bool) -> str | None:
    """A due column holds a date on its own ('30 April 2024', '28/03/2024') or words ('next meeting')."""
    from .dates import find_dates

    found = find_dates(text, when.year if when else None, us)
    return found[0][0].isoformat() if found else due_date(text, when, us)
