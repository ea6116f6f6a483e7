"""Tables a PDF draws without rules, found from a row of column labels over them.

A Word table with its borders turned off prints as words set in columns, and
pdfium reads it column by column: six tasks, then six names. Where a line of
column labels heads such a table ('Action items   Person responsible   Deadline',
'Agenda Item:   Lead:'), the words below it are put back in their columns until
a line crosses a column's edge or a gap opens that is wider than any row's:

- under owner or due columns each task is a row of cells, read as an action
  table; the n-th name goes with the n-th task where the columns hold as many
  entries as each other (a cell of several paragraphs prints them unaligned),
  or else with the task level with it or above it;
- under a lead or presenter column each line keeps its columns, joined by the
  em dash that stands for a leader ('5 Finance — Roger');
- under any other labels (a status, a date) the lines stay as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from .model import Line
from .pdftables import group_lines, layout_lines

_FIRST = r"(?:agenda\s+)?items?|actions?(?:\s+(?:items?|points?))?|tasks?"
_OWNERS = (
    r"\b(?:owners?|person\s+responsible|responsible|by\s+whom|who|action\s+by|deadline|due(?:\s+date)?|by\s+when)\b"
)
_LEADS = r"\b(?:leads?|presenters?)\b"
_OTHERS = rf"{_OWNERS}|{_LEADS}|status|timescale|date"
HEADER = re.compile(rf"^(?:{_FIRST}):?(?:\s+(?:{_OTHERS}):?){{1,3}}$", re.I)
_LABEL_GAP = 12.0  # words of one label sit closer than this; columns further apart
_SLACK = 8.0  # a column's words may start this far left of its label
_ROW_GAP = 2.6  # a gap this many line heights wide ends the table
_PARAGRAPH_GAP = 1.6  # ... and this many starts another entry in a column

Row = tuple[float, list[dict]]
Box = tuple[float, float, float, float]


@dataclass
class _Drawn:
    """What layout_lines reads of a table: its rows of cell boxes and its own box."""

    rows: list[_Cells] = field(default_factory=list)
    bbox: Box = (0, 0, 0, 0)


@dataclass
class _Cells:
    cells: list[Box | None]


def stream_layout(runs: list[dict], page_number: int, table_id: int) -> tuple[list[Line], int] | None:
    """A page's lines with its unruled tables laid out, and how many tables it holds; None where it has none."""
    rows = group_lines(runs)
    tables: list[_Drawn] = []
    joined: dict[int, list[float]] = {}  # row index -> column starts, for rows whose columns a leader joins
    k = 0
    while k < len(rows):
        starts = header_starts(rows[k][1])
        if starts is None:
            k += 1
            continue
        end = _table_end(rows, k, starts)
        label = _text(rows[k][1])
        table = _action_table(rows[k:end], starts) if re.search(_OWNERS, label, re.I) else None
        if table is not None:
            tables.append(table)
        elif re.search(_LEADS, label, re.I):
            joined.update((j, starts) for j in range(k + 1, end))
        k = end
    if not tables and not joined:
        return None
    lines = layout_lines(runs, tables, page_number, table_id)
    _join_columns(lines, rows, joined)
    return lines, len(tables)


def header_starts(group: list[dict]) -> list[float] | None:
    """Where each column starts, when the row is a row of column labels set apart."""
    if not HEADER.match(_text(group)):
        return None
    labels: list[list[dict]] = [[group[0]]]
    for run in group[1:]:
        if run["x0"] - labels[-1][-1]["x1"] > _LABEL_GAP:
            labels.append([])
        labels[-1].append(run)
    if len(labels) < 2 or not all(HEADER.match(f"item {_text(label)}") for label in labels[1:]):
        return None
    return [label[0]["x0"] for label in labels]


def _text(group: list[dict]) -> str:
    return " ".join(run["text"] for run in group)


def _height(group: list[dict]) -> float:
    return max(run["bottom"] - run["top"] for run in group)


def _column(run: dict, starts: list[float]) -> int:
    return max((c for c, start in enumerate(starts) if run["x0"] >= start - _SLACK), default=0)


def _table_end(rows: list[Row], k: int, starts: list[float]) -> int:
    """The first row after the header that is no longer the table's."""
    height = _height(rows[k][1])
    for j in range(k + 1, len(rows)):
        top, group = rows[j]
        if top - rows[j - 1][0] > _ROW_GAP * height or header_starts(group) is not None:
            return j
        if any(run["x0"] < start - _SLACK and run["x1"] > start + 1 for run in group for start in starts[1:]):
            return j  # a line running on into the next column: the text below the table
        if any(_column(a, starts) != _column(b, starts) and b["x0"] - a["x1"] < _LABEL_GAP for a, b in pairwise(group)):
            return j  # words spaced as in a sentence across a column's edge: prose, not cells
    return len(rows)


def _entries(lines: list[Row], height: float, level: set[float] | None = None) -> list[list[Row]]:
    """A column's lines gathered into its entries. In the first column (`level` holds the tops of the other
    columns' lines) a task starts after a wider gap than a wrapped line's, with a capital after a full stop,
    or level with an entry beside it; in the others each line is an entry ('Ann', '3 June') unless it goes on
    in lower case."""
    out: list[list[Row]] = []
    for top, group in lines:
        word = group[0]["text"]
        if out:
            if level is None:
                goes_on = word[:1].islower()
            else:
                gap = top - out[-1][-1][0]
                ended = _text(out[-1][-1][1]).endswith((".", "!", "?"))
                beside = any(abs(top - other) <= 2 for other in level)
                goes_on = gap <= _PARAGRAPH_GAP * height and not (ended and not word[:1].islower()) and not beside
            if goes_on:
                out[-1].append((top, group))
                continue
        out.append([(top, group)])
    return out


def _action_table(rows: list[Row], starts: list[float]) -> _Drawn | None:
    """Cell boxes for the header and one row per task, each column's entries paired with the tasks; None
    where no task is printed (a template's empty row)."""
    height = _height(rows[0][1])
    columns: list[list[Row]] = [[] for _ in starts]
    for top, group in rows[1:]:
        for c in range(len(starts)):
            runs = [run for run in group if _column(run, starts) == c]
            if runs:
                columns[c].append((top, runs))
    tasks = _entries(columns[0], height, {top for column in columns[1:] for top, _ in column})
    if not tasks:
        return None
    cells: list[list[Box | None]] = [[None] * len(starts) for _ in tasks]
    for c in range(len(starts)):
        entries = tasks if c == 0 else _entries(columns[c], height)
        for n, entry in enumerate(entries):
            row = n if len(entries) == len(tasks) else _level_task(tasks, entry[0][0], height)
            if cells[row][c] is None:
                cells[row][c] = _box(entry)
            else:
                cells[row][c] = _union(cells[row][c], _box(entry))
    header = [
        _box([(rows[0][0], [run for run in rows[0][1] if _column(run, starts) == c])]) for c in range(len(starts))
    ]
    drawn = [header] + cells
    boxes = [b for row in drawn for b in row if b is not None]
    bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    return _Drawn([_Cells(row) for row in drawn], bbox)


def _level_task(tasks: list[list[Row]], top: float, height: float) -> int:
    """The task whose lines an entry in another column starts level with, or the last one above it."""
    above = [n for n, task in enumerate(tasks) if task[0][0] <= top + height]
    return above[-1] if above else 0


def _box(entry: list[Row]) -> Box:
    runs = [run for _, group in entry for run in group]
    return (
        min(r["x0"] for r in runs) - 0.5,
        min(r["top"] for r in runs) - 0.5,
        max(r["x1"] for r in runs) + 0.5,
        max(r["bottom"] for r in runs) + 0.5,
    )


def _union(a: Box, b: Box) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _join_columns(lines: list[Line], rows: list[Row], joined: dict[int, list[float]]) -> None:
    """Lines under a lead column with their columns joined by the leader's dash: '5 Finance — Roger'."""
    by_top = {round(rows[j][0], 1): (rows[j][1], starts) for j, starts in joined.items()}
    for line in lines:
        found = by_top.get(line.top) if line.cell is None else None
        if found is None:
            continue
        group, starts = found
        parts: list[list[str]] = []
        column = -1
        for run in group:
            c = _column(run, starts)
            if c != column:
                parts.append([])
                column = c
            parts[-1].append(run["text"])
        if len(parts) > 1:
            line.text = " — ".join(" ".join(part) for part in parts)
            line.leader = True
            line.wrapped = False
