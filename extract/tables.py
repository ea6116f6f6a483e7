"""Tables in minutes: action tables (Action / Owner / Due) and right-hand action columns.

A table arrives as blocks that carry (table, row, column). Its header row
says what each column holds; a table that goes on over a page break comes
back as a second table with the same number of columns and no header.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .actions import _CUE, Raw, owners_only, split_owners
from .blocks import Block, sentences

_ACTION_HEAD = re.compile(r"^(?:agreed\s+)?actions?(?:\s+(?:points?|required|agreed|to be taken))?$|^task$|^what$", re.I)
_OWNER_HEAD = re.compile(r"^(?:owner|by whom|who|responsible(?: person)?|lead|person|initials|action by|assigned to)$", re.I)
_DUE_HEAD = re.compile(r"^(?:due(?: date)?|by when|deadline|date(?: due)?|target(?: date)?|timescale|when|completion date)$", re.I)
_STATUS_HEAD = re.compile(r"^(?:status|progress|update|rag|outcome)$", re.I)


@dataclass
class Table:
    id: int
    cells: dict[tuple[int, int], list[int]] = field(default_factory=lambda: defaultdict(list))  # -> block indexes

    @property
    def columns(self) -> int:
        return max((c for _, c in self.cells), default=-1) + 1

    @property
    def rows(self) -> list[int]:
        return sorted({r for r, _ in self.cells})

    def text(self, blocks: list[Block], row: int, col: int) -> str:
        return " ".join(blocks[i].text for i in self.cells.get((row, col), []))


def tables_in(blocks: list[Block], start: int, end: int) -> list[Table]:
    found: dict[int, Table] = {}
    for i in range(start, end):
        cell = blocks[i].cell
        if cell is None:
            continue
        table = found.setdefault(cell[0], Table(cell[0]))
        table.cells[(cell[1], cell[2])].append(i)
    return list(found.values())


def _header(table: Table, blocks: list[Block], row: int) -> dict[str, int]:
    roles: dict[str, int] = {}
    for col in range(table.columns):
        label = re.sub(r"\s+", " ", table.text(blocks, row, col)).strip(" :").lower()
        if not label:
            continue
        for name, pattern in (("action", _ACTION_HEAD), ("owner", _OWNER_HEAD), ("due", _DUE_HEAD), ("status", _STATUS_HEAD)):
            if name not in roles and pattern.match(label):
                roles[name] = col
    return roles


_HEAD_WORDS = re.compile(r"\b(?:by whom|owner|responsible|who)\b", re.I)


def _header_above(blocks: list[Block], table: Table) -> dict[str, int] | None:
    """A header printed as text over a table ('ITEM BY WHOM BY WHEN'): the columns by their content."""
    first = min(i for idx in table.cells.values() for i in idx)
    above = " ".join(blocks[k].text for k in range(max(0, first - 2), first) if blocks[k].cell is None)
    if not (_HEAD_WORDS.search(above) and re.search(r"\baction", above + " ".join(blocks[k].text for k in range(max(0, first - 3), first)), re.I)):
        return None
    widths: dict[int, int] = {}
    for (_, col), idx in table.cells.items():
        widths[col] = widths.get(col, 0) + sum(len(blocks[i].text) for i in idx)
    cols = sorted(c for c, w in widths.items() if w)
    if len(cols) < 2:
        return None
    action = max(cols, key=lambda c: widths[c])
    after = [c for c in cols if c > action]
    roles = {"action": action}
    if after:
        roles["owner"] = after[0]
    if len(after) > 1:
        roles["due"] = after[1]
    return roles


def action_rows(blocks: list[Block], start: int, end: int) -> list[Raw]:
    """Actions from action tables and from right-hand action columns."""
    out: list[Raw] = []
    tables = tables_in(blocks, start, end)
    previous: tuple[Table, dict[str, int], int] | None = None
    for table in tables:
        rows = table.rows
        if not rows:
            continue
        roles = _header(table, blocks, rows[0])
        body = rows[1:]
        if "action" not in roles:
            above = _header_above(blocks, table)
            if above:
                roles, body = above, rows
        if "action" not in roles and previous and previous[0].columns == table.columns:
            roles, body = previous[1], rows  # the same table, going on over a page break
        elif len(roles) < 1 or "action" not in roles:
            header_row = next((r for r in rows[:3] if "action" in _header(table, blocks, r)), None)
            if header_row is None:
                previous = None
                continue
            roles = _header(table, blocks, header_row)
            body = [r for r in rows if r > header_row]
        previous = (table, roles, len(out))
        if "owner" in roles or "due" in roles:
            out.extend(_table_rows(table, blocks, roles, body))
        else:
            out.extend(_column_rows(table, blocks, roles["action"], body))
    return out


def _table_rows(table: Table, blocks: list[Block], roles: dict[str, int], body: list[int]) -> list[Raw]:
    out = []
    for row in body:
        text = table.text(blocks, row, roles["action"]).strip()
        if not text or _ACTION_HEAD.match(text):
            continue
        owner_text = table.text(blocks, row, roles["owner"]) if "owner" in roles else ""
        due_text = table.text(blocks, row, roles["due"]) if "due" in roles else ""
        status = table.text(blocks, row, roles["status"]).strip() if "status" in roles else None
        cells = [i for (r, _), idx in table.cells.items() if r == row for i in idx]
        out.append(Raw(text, split_owners(owner_text) if owner_text.strip() else [], blocks[min(cells)], blocks[max(cells)],
                       "action.table_row", 0.95, due_text=due_text, status=status or None))
    return out


def _column_rows(table: Table, blocks: list[Block], col: int, body: list[int]) -> list[Raw]:
    """A right-hand column of initials beside the notes: the task is the notes' sentence beside them."""
    out = []
    for row in body:
        cells = table.cells.get((row, col), [])
        for index in cells:
            owners = owners_only(blocks[index].text)
            if not owners:
                continue
            notes = [i for (r, c), idx in table.cells.items() if r == row and c != col and c > 0 for i in idx]
            notes = sorted(i for i in notes if i < index) or sorted(notes)
            if not notes:
                continue
            text = _task_sentences(" ".join(blocks[i].text for i in notes[-3:]))
            out.append(Raw(text, owners, blocks[notes[0]], blocks[index], "action.column", 0.75))
    return out


def _task_sentences(text: str) -> str:
    parts = sentences(text)
    cued = [k for k, s in enumerate(parts) if _CUE.search(s)]
    if not cued:
        return parts[-1] if parts else text
    return " ".join(parts[cued[-1]:])


__all__ = ["action_rows", "tables_in", "split_owners"]
