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
    r"(?:the )?(?:previous|last)|progress (?:on|against) actions|outstanding actions",
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
    (
        "open",
        re.compile(
            r"\b(?:ongoing|on-going|in progress|carried (?:forward|forwards|over)|c/f|outstanding|"
            r"not yet (?:done|complete[d]?)|still (?:to|open)|pending|deferred|remains? open)\b",
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
    """Progress reports in a review item's paragraphs, one per sentence that gives a status."""
    out = []
    for i in range(start, end):
        block = blocks[i]
        for sentence in sentences(block.text):
            status = status_of(sentence)
            if status:
                refs = REF.findall(sentence)
                out.append(Progress(text=sentence, status=status, refs=refs, found=block.found("progress.review_item")))
    return out
