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
from .dates import MONTHS, due_date
from .names import NameFinder, is_role
from .progress import status_of
from .segment import REGISTER_TITLE, title_kind

_STATUS = (
    r"new|ongoing|open|closed|completed?|done|carried(?:\s+forwards?)?|in\s+progress|on\s+track|on\s+hold|overdue|"
    r"not\s+started|deferred|delayed|withdrawn|cancell?ed|superseded"
)
_ONLY_STATUS = re.compile(rf"^(?:{_STATUS})$", re.I)
_ENDS_STATUS = re.compile(rf"^(?P<task>.*\S)\s+(?P<status>(?=[A-Z])(?i:{_STATUS}))$")
_FORWARD = re.compile(r"^forwards?$", re.I)  # 'Carried' / 'forward': a status broken over two lines
_INITIALS = r"[A-Z][A-Za-z]{0,3}"  # 'PM', 'JTe'
# 'VAT Register – Lead PM', 'Charity Commission Register- Lead AM', 'Open Data Licensing – GS/JTe'
_LEAD = re.compile(
    rf"(?:\s[-–—]|[-–—]\s)\s*(?:(?i:leads?)\s*:?\s*(?P<who>{_INITIALS}(?:\s*/\s*{_INITIALS})*)"
    rf"|(?P<caps>[A-Z]{{2,3}}(?:\s*/\s*[A-Z][A-Za-z]{{1,2}})*))\s*$"
)
_ALL_DUE = re.compile(r"^all\s+actions?\b", re.I)  # 'All actions for next meeting unless otherwise stated'
_DEADLINE = re.compile(rf"\s+(?P<due>(?i:{MONTHS})[‐-]\d{{4}})$")  # 'Mar‐2011', a deadline column's form
MIN_ROWS = 3  # rows with a status before a paper is read as a register
MIN_SHARE = 0.5  # ... and the share of its lines they take: the rest are its headings


@dataclass
class _Row:
    lines: list[tuple[int, str]] = field(default_factory=list)  # (block index, text)
    status: str = ""


def _title(blocks: list[Block], start: int, end: int) -> int | None:
    """The block that titles a paper as a dated action log ('ODUG Action Log – 14 May 2013'), at its top."""
    return next(
        (
            k
            for k in range(start, min(start + 3, end))
            if REGISTER_TITLE.search(blocks[k].text) and title_kind(blocks[k]) == "minutes"
        ),
        None,
    )


@dataclass
class Register:
    """A paper that is an action log: its title block, its last block and its rows."""

    title: int
    end: int
    rows: list[tuple[list[tuple[int, str]], _Row]]


def find_register(blocks: list[Block], start: int, end: int) -> Register | None:
    """The action log a paper is, if it is one: titled so, its lines mostly rows with a status."""
    title = _title(blocks, start, end)
    if title is None:
        return None
    rows = _rows(blocks, title + 1, end)
    counted = [row for _, row in rows if row.status.lower() != "carried"]  # 'Carried' alone: a motion carried
    lines = sum(len(b.lines) for b in blocks[title + 1 : end] if b.cell is None)
    in_rows = sum(len(row.lines) + 1 for _, row in rows)
    if len(counted) < MIN_ROWS or in_rows < MIN_SHARE * lines:
        return None
    return Register(title, end, rows)


def register_blocks(found: Register | None) -> set[int]:
    """The blocks of a register from its title down: its title and group headings are no items of business."""
    return set(range(found.title, found.end)) if found else set()


def register_rows(found: Register | None, blocks: list[Block], finder: NameFinder, when: date | None) -> list[Raw]:
    """The open actions of a register: each row not reported done, owned by the doer it names or else by
    its group's lead, due when it says or when the register's preface says all actions are due."""
    if found is None:
        return []
    out: list[Raw] = []
    lead: list[str] = []
    default_due = ""
    for heads, row in found.rows:
        for _, text in heads:
            if _ALL_DUE.match(text):
                default_due = due_date(text, None) or default_due
            else:
                lead = _group_lead(text)
        text = " ".join(t for _, t in row.lines)
        if status_of(row.status) in ("done", "dropped") or len(text.split()) < 2:
            continue  # reported done; or a heading ('Actions Carried forward') read as a row
        deadline = _DEADLINE.search(text)
        if deadline:  # 'Mar‐2011' printed in a deadline column before the status
            text, own_due = text[: deadline.start()], re.sub(r"[‐-]", " ", deadline.group("due"))
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
        return owners_only(m.group("who") or m.group("caps")) or []
    return [text.strip()] if is_role(text.strip()) else []


def _rows(blocks: list[Block], start: int, end: int) -> list[tuple[list[tuple[int, str]], _Row]]:
    """(the lines above a row that are no part of it, the row), in order."""
    out: list[tuple[list[tuple[int, str]], _Row]] = []
    pending: list[tuple[int, str, Line]] = []  # (block index, text, line) since the last row
    for k in range(start, end):
        if blocks[k].cell is not None:
            continue  # a ruled table is read as a table (tables.action_rows)
        for line in blocks[k].lines:
            text = line.text.strip()
            if _FORWARD.match(text) and out and out[-1][1].status.lower().startswith("carried"):
                out[-1][1].status = "Carried forward"
                continue
            if not pending and out and text[:1].islower():
                out[-1][1].lines.append((k, text))  # the row goes on below the line its status stands on
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


__all__ = ["Register", "find_register", "register_blocks", "register_rows"]
