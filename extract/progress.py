"""What later minutes say about earlier actions: 'Action complete', 'ongoing', 'carried forward'.

Progress is read where minutes report it: a 'Matters arising' or 'Action log'
item, status lines under restated ACTION lines, and status columns of action
tables. Each report keeps its words; the tracker matches it to the earlier
action it speaks of.
"""

from __future__ import annotations

import re

from .blocks import Block, sentences
from .model import Progress

REVIEW_ITEM = re.compile(
    r"matters arising|action (?:log|list|points|tracker|sheet)|review of (?:the )?actions|"
    r"actions? (?:from|arising from) "
    r"(?:the )?(?:previous|last)|(?:progress|updates?) (?:on|against) (?:the |previous |outstanding )?actions|"
    r"outstanding actions",
    re.I,
)
_WORDS: list[tuple[str, re.Pattern]] = [
    (
        "dropped",
        re.compile(
            r"\b(?:no longer (?:required|needed|relevant)|superseded|withdrawn|cancelled|dropped|"
            r"not (?:to be )?pursued)\b",
            re.I,
        ),
    ),
    ("done", re.compile(r"^\s*(?:\[[xX✓✔]\]|[☑☒✅])")),  # a ticked box: "- [x] AB to book the hall"
    ("open", re.compile(r"^\s*(?:\[ \]|☐)")),  # an empty box: still to do
    (
        "open",
        re.compile(
            r"\b(?:ongoing|on-going|in progress|carried (?:forward|forwards|over)|c/f|outstanding|"
            r"not (?:yet )?(?:done|complete[d]?|finished)|(?:partially|partly) (?:done|complete[d]?)|"
            r"still (?:to|open)|pending|deferred|remains? open)\b",
            re.I,
        ),
    ),
    (
        "done",
        re.compile(
            r"\b(?:complete[d]?|done|closed|achieved|actioned|finished|resolved|has been (?:sent|circulated|"
            r"done|completed|arranged|published|shared|updated|received)|have been (?:sent|circulated|done|"
            r"completed|arranged|published|shared|updated)|was (?:sent|circulated|completed|arranged|"
            r"published|shared|updated))\b",
            re.I,
        ),
    ),
]
REF = re.compile(r"\b[A-Z]{1,6}-\d{4}-\d{2}-\d{2}-\d{2}\b")


def status_of(text: str) -> str | None:
    """done, open (still going) or dropped, from the words used; None where they say nothing of it."""
    for status, pattern in _WORDS:
        if pattern.search(text):
            return status
    return None


def progress_in(blocks: list[Block], start: int, end: int) -> list[Progress]:
    """Progress reports in a review item's paragraphs, one per sentence that gives a status; a status on a
    line of its own ('4.1: AB to book the hall' / 'Closed') speaks of the line above it."""
    out = []
    for i in range(start, end):
        block = blocks[i]
        for sentence in sentences(block.text):
            status = status_of(sentence) or ("done" if _reports_done(sentence) else None)
            if not status:
                continue
            text = sentence
            if _STATUS_ALONE.match(sentence) and i > start:
                text = f"{blocks[i - 1].text} – {sentence}"
            found = block.found("progress.review_item")
            out.append(Progress(text=text, status=status, refs=REF.findall(text), found=found))
    return out


_STATUS_ALONE = re.compile(r"^[*_\s]*(?:action\s+)?[a-z/ -]{2,24}[*_.\s]*$", re.I)


# "Cllr Coppard met with George Pavey", "AB has already sent it", "the letter was sent on 3 May",
# "CD has found a price": what was done, said in prose with no status word
_IRREGULAR = (
    "met|sent|spoke|wrote|made|gave|took|found|got|put|went|brought|bought|paid|told|rang|held|led|ran|"
    "read|set|built|saw|chose|drew|won|sold|showed|shown|done|written|spoken|given|taken|seen|chosen|drawn"
)
_DONE_VERB = rf"(?P<verb>{_IRREGULAR}|[a-z]{{3,}}ed)"
_ADVERBS = r"(?:(?:now|already|since)\s+)?"  # "has now sent", "has since written"
PROSE_DONE = re.compile(
    rf"^(?:(?:cllr|councillor|mr|mrs|ms|dr|the)\s+)?(?:[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){{0,2}}|he|she|they|we)\s+"
    rf"(?:(?:has|have|had)\s+)?{_ADVERBS}{_DONE_VERB}\b"
)
PASSIVE_DONE = re.compile(  # "the letter has been sent", "the hall was booked on 3 May"
    rf"\b(?:(?:has|have|had) (?:now |already )?been|(?:was|were)(?= [a-z]+ (?:on|by|to|last)\b)) {_DONE_VERB}\b"
)
# what people say and what meetings do are not work done: "AB reported", "CD proposed", "EF asked"
_SPEECH = re.compile(
    r"^(?:asked|agreed|resolved|proposed|seconded|noted|reported|suggested|requested|explained|informed|stated|"
    r"said|discussed|welcomed|thanked|declared|presented|opened|closed|confirmed|raised|queried|expressed|"
    r"advised|mentioned|commented|outlined|highlighted|wondered|questioned|replied|responded|added|updated|"
    r"attended|apologised|joined|left|chaired|noticed|felt|believed|hoped|wished|needed|wanted|liked|"
    r"introduced|summarised|summarized|recommended|emphasised|stressed|pointed|felt|received|voted|abstained|"
    r"enquired|inquired|announced|reminded)$"
)
# "may have been built" guesses; "sent on 3 May" is done: the month keeps its capital
_NOT_DONE = re.compile(r"\b(?:will|would|shall|should|to be|not|yet|unable|cannot|could|(?-i:may|might))\b", re.I)


_TOPIC = re.compile(r"^[A-Z][\w'’ ]{2,40}:\s+(?=[A-Z])")  # "Shopping trolley: Portal has identified hotspots."
# the news told as someone's report: "It was noted that Coopers have quoted ...", "The Clerk reported that he
# has removed the bench"; what follows 'that' is read as the news itself
_TOLD = re.compile(
    r"^(?:it was |[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,2}\s+)"
    r"(?:noted|reported|confirmed|advised|informed (?:the meeting|members|councillors))\s+that\s+",
    re.I,
)


def _reports_done(sentence: str) -> bool:
    sentence = _TOLD.sub("", _TOPIC.sub("", sentence))
    m = PROSE_DONE.search(sentence) or PASSIVE_DONE.search(sentence)
    return bool(m) and not _SPEECH.match(m.group("verb")) and not _NOT_DONE.search(sentence)


def prose_reports(blocks: list[Block], start: int, end: int, skip: set[int]) -> list[Progress]:
    """Sentences that say, in prose, that someone has done something: the tracker weighs each against the
    earlier open actions (same owner, same task) and ignores the rest."""
    out = []
    for i in range(start, end):
        if i in skip:
            continue
        for sentence in sentences(blocks[i].text):
            if _reports_done(sentence) and len(sentence.split()) >= 4:
                out.append(Progress(text=sentence, status="done", found=blocks[i].found("progress.prose")))
    return out
