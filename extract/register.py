"""Action registers: a paper that is an action log, one action a row, its status at the row's right.

An action log sent round after a meeting ('ODUG Action Log – 14 May 2013', 'Action Log as of 2 March
2011') prints its rows without table rules: the task on the left, a status on the right (New, Ongoing,
Carried forward, On track, Completed), often under group headings that name a lead ('VAT Register –
Lead PM'). pdfium reads the status after the row's text: at the end of its last line, or on a line of its
own printed level with the row's first line. A row whose status says it is done reports a finished
action and is no action to track.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..ingest.model import Line
from .actions import Raw, owners_only, task_owners
from .blocks import Block
from .dates import due_date
from .names import NameFinder, is_role

_TITLE = re.compile(r"\baction\s+(?:log|tracker|register)\b", re.I)
_STATUS = (
    r"new|ongoing|open|closed|completed?|done|carried(?:\s+forwards?)?|in\s+progress|on\s+track|overdue|"
    r"not\s+started|deferred|delayed"
)
_ONLY_STATUS = re.compile(rf"^(?:{_STATUS})$", re.I)
_ENDS_STATUS = re.compile(rf"^(?P<task>.*\S)\s+(?P<status>(?=[A-Z])(?i:{_STATUS}))$")
_FORWARD = re.compile(r"^forwards?$", re.I)  # 'Carried' / 'forward': a status broken over two lines
_FINISHED = re.compile(r"^(?:closed|completed?|done)$", re.I)
_INITIALS = r"[A-Z][A-Za-z]{0,3}"  # 'PM', 'JTe'
_LEAD = re.compile(rf"(?:\s[-–—]|[-–—]\s)\s*(?:(?i:leads?)\s*:?\s*)?(?P<who>{_INITIALS}(?:\s*/\s*{_INITIALS})*)\s*$")
_ALL_DUE = re.compile(r"^all\s+actions?\b", re.I)  # 'All actions for next meeting unless otherwise stated'
_DEADLINE = re.compile(r"\s+(?P<due>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*[‐\-\s]\d{4})$")
MIN_ROWS = 3  # rows ending in a status before a paper is read as a register


@dataclass
class _Row:
    lines: list[tuple[int, str]] = field(default_factory=list)  # (block index, text)
    status: str = ""


def is_register(blocks: list[Block], start: int, end: int) -> bool:
    """A paper titled as an action log whose lines end, again and again, in a status."""
    if not any(_TITLE.search(b.text) for b in blocks[start : min(start + 4, end)]):
        return False
    statuses = sum(
        bool(_ONLY_STATUS.match(line.text.strip()) or _ENDS_STATUS.match(line.text.strip()))
        for b in blocks[start:end]
        for line in b.lines
    )
    return statuses >= MIN_ROWS


def register_blocks(blocks: list[Block], start: int, end: int) -> set[int]:
    """The blocks of a register from its title down: its title and group headings are no items of business."""
    if not is_register(blocks, start, end):
        return set()
    title = next(k for k in range(start, min(start + 4, end)) if _TITLE.search(blocks[k].text))
    return set(range(title, end))


def register_rows(blocks: list[Block], start: int, end: int, finder: NameFinder, when: date | None) -> list[Raw]:
    """The open actions of a register: each row not reported done, owned by the doer it names or else by
    its group's lead, due when it says or when the register's preface says all actions are due."""
    if not is_register(blocks, start, end):
        return []
    out: list[Raw] = []
    lead: list[str] = []
    default_due = ""
    for heads, row in _rows(blocks, start, end):
        for _, text in heads:
            if _ALL_DUE.match(text):
                default_due = due_date(text, None) or default_due
            elif not _TITLE.search(text):
                lead = _group_lead(text)
        if _FINISHED.match(row.status):
            continue
        text = " ".join(t for _, t in row.lines)
        deadline = _DEADLINE.search(text)
        if deadline:  # 'Mar‐2011' printed in a deadline column before the status
            text, own_due = text[: deadline.start()], re.sub(r"[‐\-]", " ", deadline.group("due"))
        else:
            own_due = "" if due_date(text, when) else default_due
        owners = task_owners(text, finder) or lead
        first, last = blocks[row.lines[0][0]], blocks[row.lines[-1][0]]
        out.append(Raw(text, owners, first, last, "action.register", due_text=own_due, status=row.status))
    return out


def _group_lead(text: str) -> list[str]:
    """Who leads a group of rows: 'VAT Register – Lead PM' -> PM; a heading that is a role ('Secretariat')
    leads its own rows; any other heading leads no one."""
    m = _LEAD.search(text)
    if m:
        return owners_only(m.group("who")) or []
    return [text.strip()] if is_role(text.strip()) else []


def _rows(blocks: list[Block], start: int, end: int) -> list[tuple[list[tuple[int, str]], _Row]]:
    """(the lines above a row that are no part of it, the row), in order."""
    out: list[tuple[list[tuple[int, str]], _Row]] = []
    pending: list[tuple[int, str, Line]] = []  # (block index, text, line) since the last row
    for k in range(start, end):
        for line in blocks[k].lines:
            text = line.text.strip()
            if _FORWARD.match(text) and out and out[-1][1].status.lower().startswith("carried"):
                out[-1][1].status = "Carried forward"
                continue
            if _ONLY_STATUS.match(text):
                cut = _level_with(pending, line)
            elif m := _ENDS_STATUS.match(text):
                pending.append((k, m.group("task"), line))
                cut, text = _wrapped_from(pending), m.group("status")
            else:
                pending.append((k, text, line))
                continue
            heads = [(i, t) for i, t, _ in pending[:cut]]
            row = _Row([(i, t) for i, t, _ in pending[cut:]], " ".join(text.split()))
            pending = []
            if row.lines:
                out.append((heads, row))
    return out


def _level_with(pending: list[tuple[int, str, Line]], status: Line) -> int:
    """Where the row starts that a status on a line of its own belongs to: the line printed level with it,
    or else the run of wrapped lines at the end."""
    if status.at is not None:
        for n, (_, _, line) in enumerate(pending):
            if line.page == status.page and line.at is not None and line.at >= status.at:
                return n
    return _wrapped_from(pending)


def _wrapped_from(pending: list[tuple[int, str, Line]]) -> int:
    """The first of the lines at the end that make one row: each line above the last ran on (it is long
    and is no group heading)."""
    if not pending:
        return 0
    width = max(len(text) for _, text, _ in pending)
    n = len(pending) - 1
    while n > 0 and not pending[n][2].gap:  # space above a line starts a row or a heading
        _, text, line = pending[n - 1]
        if line.bold or _LEAD.search(text) or len(text) < 0.7 * width:
            break
        n -= 1
    return n


__all__ = ["is_register", "register_blocks", "register_rows"]
