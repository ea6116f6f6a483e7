"""Tables on a PDF page from pdfium's drawing and text, cut into cells by pdfplumber's table finder.

pdfplumber finds a table from the ruling lines of a page and reads its cells in
the right order, where plain text extraction interleaves two columns. Parsing a
page with pdfminer to get those lines costs a fifth of a second; pdfium already
has the page open, so it supplies the straight segments of the page's paths and
the placed runs of text, and pdfplumber's own TableFinder does the rest.
"""

from __future__ import annotations

import ctypes

from .model import Line
from .pdf import BOLD_FONT, mark_wrapped


class _Ruling:
    """The two things pdfplumber's TableFinder reads from a page: its edges and its bounding box."""

    def __init__(self, edges: list[dict], width: float, height: float):
        self.edges = edges
        self.bbox = (0, 0, width, height)


def ruling_edges(page, raw) -> list[dict]:
    """Horizontal and vertical segments of every path, in pdfplumber's top-left coordinates."""
    height = page.get_height()
    out: list[dict] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,), max_depth=3):
        m = obj.get_matrix()
        start = prev = None
        for k in range(raw.FPDFPath_CountSegments(obj.raw)):
            segment = raw.FPDFPath_GetPathSegment(obj.raw, k)
            raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
            point = (m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f)
            if raw.FPDFPathSegment_GetType(segment) == raw.FPDF_SEGMENT_MOVETO:
                start = prev = point
                continue
            if prev is not None:
                _edge(out, prev, point, height)
            prev = point
            if raw.FPDFPathSegment_GetClose(segment) and start is not None:
                _edge(out, prev, start, height)
                prev = start
    return out


def _edge(out: list[dict], p: tuple[float, float], q: tuple[float, float], height: float) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y0 - y1) < 1 <= abs(x0 - x1):
        top = height - y0
        out.append(
            {
                "x0": min(x0, x1),
                "x1": max(x0, x1),
                "top": top,
                "bottom": top,
                "width": abs(x1 - x0),
                "height": 0,
                "orientation": "h",
                "object_type": "line",
            }
        )
    elif abs(x0 - x1) < 1 <= abs(y0 - y1):
        top = height - max(y0, y1)
        out.append(
            {
                "x0": x0,
                "x1": x0,
                "top": top,
                "bottom": top + abs(y1 - y0),
                "width": 0,
                "height": abs(y1 - y0),
                "orientation": "v",
                "object_type": "line",
            }
        )


def find_tables(page, raw) -> list:
    """pdfplumber Tables of at least two columns, from the page's ruling lines."""
    from pdfplumber.table import TableFinder

    finder = TableFinder(_Ruling(ruling_edges(page, raw), page.get_width(), page.get_height()))
    return [t for t in finder.tables if t.rows and len(t.rows[0].cells) >= 2]


def text_runs(textpage, raw, height: float) -> list[dict]:
    """Words with their boxes (top-left coordinates) and boldness, from pdfium's characters.

    pdfplumber's own WordExtractor groups the characters, so words split and join as its
    extract_words would; pdfium only supplies the characters, which it has already placed.
    """
    from pdfplumber.utils.text import WordExtractor

    chars = []
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    box = raw.FS_RECTF()
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    fonts: dict[tuple[int, bytes], bool] = {}
    for index in range(raw.FPDFText_CountChars(textpage)):
        code = raw.FPDFText_GetUnicode(textpage, index)
        if code in (0, 0xFFFE, 0xFFFF):
            continue
        text = chr(code)
        if not text.strip():  # a space, printed or one pdfium adds between words: a word ends here
            if chars and chars[-1]["text"] != " ":
                # placed just after the start of the letter before it: loose boxes overlap, and a space
                # placed at that letter's right edge sorts after the next word's first letter
                chars.append({**chars[-1], "text": " ", "x0": chars[-1]["x0"] + 0.01})
            continue
        if not raw.FPDFText_GetLooseCharBox(textpage, index, ctypes.byref(box)):
            continue  # the loose box spans the font's ascent and descent, as pdfminer's boxes do
        left.value, right.value, bottom.value, top.value = box.left, box.right, box.bottom, box.top
        weight = raw.FPDFText_GetFontWeight(textpage, index)
        name = b""
        if weight <= 0:  # no weight stated: the font's name tells
            size = raw.FPDFText_GetFontInfo(textpage, index, buffer, len(buffer), ctypes.byref(flags))
            name = buffer.raw[: max(size - 1, 0)]
        if (weight, name) not in fonts:
            fonts[(weight, name)] = weight >= 600 or bool(BOLD_FONT.search(name.decode("latin-1", "replace")))
        chars.append(
            {
                "text": text,
                "x0": left.value,
                "x1": right.value,
                "top": height - top.value,
                "doctop": height - top.value,
                "bottom": height - bottom.value,
                "upright": True,
                "bold": fonts[(weight, name)],
            }
        )
    words = WordExtractor(extra_attrs=["bold"]).extract_words(chars) if chars else []
    return [
        {"text": w["text"], "x0": w["x0"], "x1": w["x1"], "top": w["top"], "bottom": w["bottom"], "bold": w["bold"]}
        for w in words
    ]


def cells_hold_runs(table, runs: list[dict]) -> bool:
    """Rules that cut through text are underlines or boxes, not a table's columns."""
    inside = cut = 0
    for row in table.rows:
        cells = [c for c in row.cells if c]
        if not cells:
            continue
        top, bottom = min(c[1] for c in cells), max(c[3] for c in cells)
        left, right = min(c[0] for c in cells), max(c[2] for c in cells)
        edges = {round(c[0], 1) for c in cells} - {round(left, 1)}
        for w in runs:
            if w["top"] >= top - 1 and w["bottom"] <= bottom + 1 and w["x0"] >= left - 1 and w["x1"] <= right + 1:
                inside += 1
                cut += any(w["x0"] + 2 < e < w["x1"] - 2 for e in edges)
    return inside > 0 and cut <= max(1, inside // 20)


def layout_lines(runs: list[dict], tables: list, page_number: int, table_id: int) -> list[Line]:
    """Text outside the tables as lines, each table as cells row by row, ordered top to bottom."""
    cells = [
        (bbox, (table_id + t, r, c), table.bbox[1])
        for t, table in enumerate(tables)
        for r, row in enumerate(table.rows)
        for c, bbox in enumerate(row.cells)
        if bbox is not None
    ]
    inside: dict[int, list[dict]] = {}
    outside: list[dict] = []
    for run in runs:
        x, y = (run["x0"] + run["x1"]) / 2, (run["top"] + run["bottom"]) / 2
        home = next((k for k, (b, _, _) in enumerate(cells) if b[0] <= x <= b[2] and b[1] <= y <= b[3]), None)
        (outside if home is None else inside.setdefault(home, [])).append(run)
    placed: list[tuple[float, int, Line]] = []
    free, rights = [], []
    for top, group in group_lines(outside):
        free.append(
            Line(
                text=" ".join(r["text"] for r in group),
                page=page_number,
                top=round(top, 1),
                bold=all(r["bold"] for r in group),
            )
        )
        rights.append(group[-1]["x1"])
        placed.append((top, 0, free[-1]))
    mark_wrapped(free, rights)
    order = 1
    for k, (_, cell, table_top) in enumerate(cells):
        cell_lines, cell_rights = [], []
        for top, group in group_lines(inside.get(k, [])):
            line = Line(
                text=" ".join(r["text"] for r in group),
                page=page_number,
                cell=cell,
                top=round(top, 1),
                bold=all(r["bold"] for r in group),
            )
            cell_lines.append(line)
            cell_rights.append(group[-1]["x1"])
            placed.append((table_top, order, line))
            order += 1
        mark_wrapped(cell_lines, cell_rights, slack=12.0)
    placed.sort(key=lambda item: (item[0], item[1]))
    return [line for _, _, line in placed]


def group_lines(runs: list[dict], tolerance: float = 3.0) -> list[tuple[float, list[dict]]]:
    rows: list[tuple[float, list[dict]]] = []
    for run in sorted(runs, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0] - run["top"]) <= tolerance:
            rows[-1][1].append(run)
        else:
            rows.append((run["top"], [run]))
    return [(top, sorted(rs, key=lambda w: w["x0"])) for top, rs in rows]


def join_split_rows(lines: list[Line]) -> list[Line]:
    """A table row cut by a page break, put back together.

    When a page's first table opens with a row that has no first cell ("LW 48/2122" stayed on
    the page before), that row goes on with the last row of the table on the page before: its
    lines take that row's cells and follow them, so a title broken over two pages reads whole.
    """
    tables: dict[int, list[Line]] = {}
    for line in lines:
        if line.cell is not None:
            tables.setdefault(line.cell[0], []).append(line)
    moved: dict[tuple[int, int, int], list[Line]] = {}
    for table, held in tables.items():
        before = tables.get(table - 1)
        if not before or held[0].page != before[-1].page + 1 or any(line.cell[1:] == (0, 0) for line in held):
            continue
        if max(line.cell[2] for line in held) > max(line.cell[2] for line in before):
            continue  # more columns than the table before: another table
        last_row = max(line.cell[1] for line in before)
        for line in held:
            if line.cell[1] == 0:
                line.cell = (table - 1, last_row, line.cell[2])
                moved.setdefault(line.cell, []).append(line)
    if not moved:
        return lines
    taken = {id(line) for group in moved.values() for line in group}
    after: dict[int, list[Line]] = {}
    for cell, group in moved.items():  # after the cell's own lines, or the row's cells to its left
        anchors = [
            k
            for k, line in enumerate(lines)
            if id(line) not in taken and line.cell is not None and line.cell[:2] == cell[:2] and line.cell[2] <= cell[2]
        ]
        after.setdefault(max(anchors) if anchors else lines.index(group[0]), []).extend(group)
    out: list[Line] = []
    for k, line in enumerate(lines):
        if id(line) not in taken:
            out.append(line)
        out.extend(after.get(k, []))
    return out
