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
from .resolutions import STATUS_LOST, STATUS_PASSED

_ACTION_HEAD = re.compile(
    r"^(?:agreed\s+)?actions?(?:\s+(?:points?|items?|required|agreed|to be taken))?$|^tasks?$|^what$", re.I
)
_OWNER_HEAD = re.compile(  # "Person/ Committee Responsible", "Person responsible", "Owner(s)"
    r"^(?:owners?(?:\(s\))?|by whom|who|lead|person|initials|action by|assigned to|"
    r"(?:[a-z]+\s*/\s*)?(?:person|committee|people|officer)?\s*responsible(?: person| officer)?|"
    r"(?:person|officer)s? responsible)$",
    re.I,
)
_DUE_HEAD = re.compile(
    r"^(?:due(?: date)?|by when|deadline|date(?: due)?|target(?: date)?|timescale|when|completion date)$", re.I
)
_MINUTE_REF = re.compile(r"(?:[A-Z]{1,5}\s?)?\d{1,4}(?:[./]\d{1,4}){0,2}[a-z]?")  # "56/2122", "LW 56/2122", "4.2"
_NOTHING = re.compile(r"^(?:n/?a|none|nil|no actions?|-+|–)\.?$", re.I)
# a word processor's prompt left in a cell: 'Enter deadline here', 'Click or tap to enter a date.'
_PROMPT = re.compile(r"^\[?(?:click|tap|enter|type|insert)\b.*\b(?:here|a date|text)\]?\.?$", re.I)
_STATUS_HEAD = re.compile(r"^(?:status|progress|update|rag|outcome|result|vote|votes|decision)$", re.I)


@dataclass
class Table:
    id: int
    cells: dict[tuple[int, int], list[int]] = field(default_factory=lambda: defaultdict(list))  # -> block indexes
    columns: int = 0

    def add(self, row: int, col: int, block: int) -> None:
        self.cells[(row, col)].append(block)
        self.columns = max(self.columns, col + 1)

    def row_blocks(self) -> dict[int, list[int]]:
        """Each row's block indexes, found in one pass (asking row by row would be quadratic)."""
        out: dict[int, list[int]] = defaultdict(list)
        for (row, _), idx in self.cells.items():
            out[row].extend(idx)
        return out

    @property
    def first(self) -> int:
        """The index of the table's first block."""
        return min(i for idx in self.cells.values() for i in idx)

    @property
    def last(self) -> int:
        """The index of the table's last block."""
        return max(i for idx in self.cells.values() for i in idx)

    @property
    def rows(self) -> list[int]:
        return sorted({r for r, _ in self.cells})

    def widths(self, blocks: list[Block], rows: list[int] | None = None) -> dict[int, int]:
        """How much text each column holds, over `rows` (all of them by default): the widest holds the notes."""
        keep = None if rows is None else set(rows)
        out: dict[int, int] = {}
        for (r, c), idx in self.cells.items():
            if keep is None or r in keep:
                out[c] = out.get(c, 0) + sum(len(blocks[i].text) for i in idx)
        return out

    def text(self, blocks: list[Block], row: int, col: int) -> str:
        return " ".join(blocks[i].text for i in self.cells.get((row, col), []))


def tables_in(blocks: list[Block], start: int, end: int) -> list[Table]:
    found: dict[int, Table] = {}
    for i in range(start, end):
        cell = blocks[i].cell
        if cell is None:
            continue
        table = found.setdefault(cell[0], Table(cell[0]))
        table.add(cell[1], cell[2], i)
    return list(found.values())


def _labels(table: Table, blocks: list[Block], row: int) -> dict[int, str]:
    """Each column's label in a header row, spaces folded and the colon dropped."""
    return {col: " ".join(table.text(blocks, row, col).split()).strip(" :").lower() for col in range(table.columns)}


def _header(table: Table, blocks: list[Block], row: int) -> dict[str, int]:
    roles: dict[str, int] = {}
    for col, label in _labels(table, blocks, row).items():
        if not label:
            continue
        for name, pattern in (
            ("action", _ACTION_HEAD),
            ("owner", _OWNER_HEAD),
            ("due", _DUE_HEAD),
            ("status", _STATUS_HEAD),
        ):
            if name not in roles and pattern.match(label):
                roles[name] = col
    return roles


_HEAD_WORDS = re.compile(r"\b(?:by whom|owner|responsible|who)\b", re.I)


def _header_above(blocks: list[Block], table: Table) -> dict[str, int] | None:
    """A header printed as text over a table ('ITEM BY WHOM BY WHEN'): the columns by their content."""
    first = table.first
    above = " ".join(blocks[k].text for k in range(max(0, first - 2), first) if blocks[k].cell is None)
    if not (
        _HEAD_WORDS.search(above)
        and re.search(r"\baction", above + " ".join(blocks[k].text for k in range(max(0, first - 3), first)), re.I)
    ):
        return None
    widths = table.widths(blocks)
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


# "ACTION ITEMS:", "ACTIONS TO BE TAKEN", "Summary of actions": a heading that says the table below lists actions
_ACTIONS_HEADING = re.compile(
    r"^(?:summary of |list of )?actions?(?:\s+(?:items?|points?|list|log|arising|agreed|to be taken|required))?\s*:?$",
    re.I,
)


def _runs_on(blocks: list[Block], last: int, table: Table, roles: dict[str, int]) -> bool:
    """A table straight after the one before (a page's furniture between at most) goes on with it, unless it
    lacks the owner column or holds prose there: the minutes' own table after an action list is another table."""
    if len([b for b in blocks[last + 1 : table.first] if b.cell is None]) > 3:
        return False
    if "owner" not in roles:
        return True
    if roles["owner"] >= table.columns:
        return False
    cells = [t for r in table.rows if (t := table.text(blocks, r, roles["owner"]).strip())]
    return sum(len(t.split()) >= 6 for t in cells) <= len(cells) / 2


def _under_actions_heading(table: Table, blocks: list[Block]) -> dict[str, int] | None:
    """A table under an actions heading whose header names who ('Item | Responsible | Status', 'ITEM | BY WHOM |
    BY WHEN') but not the action: the action is its widest other column."""
    first = table.first
    above = next((blocks[k] for k in range(first - 1, max(-1, first - 3), -1) if blocks[k].cell is None), None)
    if above is None or not _ACTIONS_HEADING.match(above.text.strip()) or not table.rows:
        return None
    roles = _header(table, blocks, table.rows[0])
    if "owner" not in roles:
        return None
    widths = {c: w for c, w in table.widths(blocks, table.rows[1:]).items() if c not in roles.values()}
    if not widths:
        return None
    return {**roles, "action": max(widths, key=lambda c: widths[c])}


def action_rows(blocks: list[Block], start: int, end: int) -> list[Raw]:
    """Actions from action tables and from right-hand action columns."""
    out: list[Raw] = []
    previous: dict[str, int] | None = None
    last = -1  # the last block of the table read before
    for table in tables_in(blocks, start, end):
        runs_on = previous is not None and _runs_on(blocks, last, table, previous)
        last = table.last
        rows = table.rows
        if not rows:
            continue
        header_row = next((r for r in rows if "action" in _header(table, blocks, r)), None)
        if header_row is not None:
            body = [r for r in rows if r > header_row]
            roles = _align(table, _header(table, blocks, header_row), body)
        elif (above := _header_above(blocks, table)) is not None:
            roles, body = _align(table, above, rows), rows
        elif (under := _under_actions_heading(table, blocks)) is not None:
            roles, body = under, rows[1:]
        elif runs_on and previous is not None:
            # the same table going on over a page break, its header left behind; a column empty on
            # this page (no actions here) is still the action column
            columns = sorted({c for (_, c) in table.cells})
            roles = (
                dict(previous) if "owner" in previous or previous["action"] > columns[-1] else {"action": columns[-1]}
            )
            body = rows
        else:
            previous = None  # a table of something else ends the action table
            continue
        previous = roles
        if "owner" in roles or "due" in roles:
            out.extend(_table_rows(table, blocks, roles, body))
        else:
            out.extend(_column_rows(table, blocks, roles["action"], body))
    return out


_MOTION_HEAD = re.compile(r"^(?:motions?|resolutions?|proposals?)(?: text| wording)?$", re.I)
_MOVER_HEAD = re.compile(r"^(?:moved|proposed|seconded)(?: by)?$|^(?:mover|proposer|seconder)s?$", re.I)


def motion_rows(blocks: list[Block], start: int, end: int) -> list[tuple[int, int, str]]:
    """Motions set out as a table ('Motion Text | Moved by | Seconded by | Status'): each row whose status says it
    passed is a decision. The header names a motion column, a mover or seconder column and a status column."""
    out: list[tuple[int, int, str]] = []
    for table in tables_in(blocks, start, end):
        rows = table.rows
        if not rows:
            continue
        labels = _labels(table, blocks, rows[0])
        motion = next((col for col, label in labels.items() if _MOTION_HEAD.match(label)), None)
        if motion is None or not any(_MOVER_HEAD.match(label) for label in labels.values()):
            continue
        status = next((col for col, label in labels.items() if _STATUS_HEAD.match(label)), None)
        if status is None:
            continue  # 'Proposal | Proposer | Notes': what was put, not what was decided
        row_blocks = table.row_blocks()
        for row in rows[1:]:
            text, said = table.text(blocks, row, motion).strip(), table.text(blocks, row, status)
            if not text or not STATUS_PASSED.search(said) or STATUS_LOST.search(said):
                continue
            out.append((min(row_blocks[row]), max(row_blocks[row]), text))
    return out


def action_table_blocks(blocks: list[Block], start: int, end: int) -> set[int]:
    """The blocks of tables that list actions with owners or dates: their Minute column names items, not heads them."""
    out: set[int] = set()
    for table in tables_in(blocks, start, end):
        header_row = next((r for r in table.rows if "action" in _header(table, blocks, r)), None)
        roles = _header(table, blocks, header_row) if header_row is not None else _header_above(blocks, table)
        if roles and ("owner" in roles or "due" in roles):
            out.update(i for idx in table.cells.values() for i in idx)
    return out


def _align(table: Table, roles: dict[str, int], body: list[int]) -> dict[str, int]:
    """A header cell split finer than the body (merged cells) names the body column it stands over."""
    in_body = set(body)
    used = {c for (r, c) in table.cells if r in in_body}
    out = {}
    for name, col in roles.items():
        if col in used or not used:
            out[name] = col
            continue
        nearest = min(used, key=lambda c: (abs(c - col), c > col))
        if name == "action" or nearest not in roles.values():  # an empty 'Deadline' column is no owners' column
            out[name] = nearest
    return out


def _table_rows(table: Table, blocks: list[Block], roles: dict[str, int], body: list[int]) -> list[Raw]:
    out = []
    row_blocks = table.row_blocks()
    for row in body:
        text = table.text(blocks, row, roles["action"]).strip()
        if not text or _ACTION_HEAD.match(text) or _NOTHING.match(text):
            continue  # "N/A | - | -": a table kept to say there were no actions
        owner_text = _filled(table.text(blocks, row, roles["owner"])) if "owner" in roles else ""
        due_text = _filled(table.text(blocks, row, roles["due"])) if "due" in roles else ""
        status = table.text(blocks, row, roles["status"]).strip() if "status" in roles else None
        cells = row_blocks[row]
        ref = table.text(blocks, row, 0).strip() if roles["action"] != 0 else ""
        out.append(
            Raw(
                text,
                split_owners(owner_text) if owner_text.strip() else [],
                blocks[min(cells)],
                blocks[max(cells)],
                "action.table_row",
                due_text=due_text,
                status=status or None,
                item=ref if _MINUTE_REF.fullmatch(ref) else None,
            )
        )
    return out


def _filled(text: str) -> str:
    """A cell's text, or nothing where it still holds the template's prompt."""
    return "" if _PROMPT.match(text.strip()) else text


def _column_rows(table: Table, blocks: list[Block], col: int, body: list[int]) -> list[Raw]:
    """A right-hand column of initials beside the notes: the task is the notes' sentence level with them. A column
    whose cells are mostly not names tells what came of each row instead, and gives no actions."""
    out: list[Raw] = []
    said = [blocks[i].text.strip() for row in body for i in table.cells.get((row, col), [])]
    filled = [text for text in said if text and not _NOTHING.match(text)]  # '–', 'N/A': no one, and no outcome
    if sum(bool(owners_only(text)) for text in filled) * 2 < len(filled):
        return out  # mostly sentences ('Bottle has been ordered.'): what came of each row, not who does it
    widths = {c: w for c, w in table.widths(blocks, body).items() if 0 < c != col}
    widest = max(widths, key=lambda c: widths[c], default=None)  # the notes, not the item's title beside them
    for row in body:
        for index in table.cells.get((row, col), []):
            owners = owners_only(blocks[index].text)
            if not owners:
                continue
            notes = sorted(table.cells.get((row, widest), [])) or sorted(
                i for c in range(1, table.columns) if c != col for i in table.cells.get((row, c), [])
            )
            if not notes:
                continue
            text, first = _level_with(blocks, notes, index)
            out.append(Raw(text, owners, first, blocks[index], "action.column"))
    return out


def _level_with(blocks: list[Block], notes: list[int], at_mark: int) -> tuple[str, Block]:
    """The sentence of the notes that sits at the height of the initials (or just above them)."""
    mark = blocks[at_mark]
    top = mark.first.top
    lines = [(blocks[i], line) for i in notes for line in blocks[i].lines]
    placed = [(b, line) for b, line in lines if line.top is not None and line.page == mark.first.page]
    if top is None or not placed:
        before = [i for i in notes if i < at_mark] or notes
        return _task_sentences(" ".join(blocks[i].text for i in before[-3:])), blocks[before[-1]]
    block, line = min(placed, key=lambda pair: (abs(pair[1].top - top), -pair[1].top))
    offset = block.text.find(line.text)
    at = 0
    for sentence in sentences(block.text):
        at = block.text.find(sentence, at)
        if at <= offset < at + len(sentence) + 1 or at >= offset:
            return sentence, block
        at += len(sentence)
    return block.text, block


def _task_sentences(text: str) -> str:
    parts = sentences(text)
    cued = [k for k, s in enumerate(parts) if _CUE.search(s)]
    if not cued:
        return parts[-1] if parts else text
    return " ".join(parts[cued[-1] :])


__all__ = ["action_rows", "action_table_blocks", "tables_in", "split_owners"]
