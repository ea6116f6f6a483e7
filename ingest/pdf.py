"""PDF pages to lines: pypdfium2 for the text of every page, pdfplumber only where tables are.

pypdfium2 reads a page in a few milliseconds and keeps word spacing that
pdfplumber loses on LaTeX output; pdfplumber costs fifty times more but is the
one that reads table cells in the right order, so it runs only on pages that
draw enough rules to hold a table, and each of its pages is closed at once.
"""

from __future__ import annotations

import ctypes
import re
from pathlib import Path

from .errors import IngestError
from .model import Line

TABLE_PATHS = 8  # pages drawing fewer path objects than this hold no ruled table
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|,b\b", re.I)


def read_pdf(path: Path, max_pages: int = 5000) -> tuple[list[Line], int]:
    """Lines of every page and the page count; IngestError for what cannot be read."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        raise _refused(path) from None
    try:
        count = len(pdf)
        if count == 0:
            raise IngestError(str(path), "PDF has no pages")
        if count > max_pages:
            raise IngestError(str(path), f"PDF has {count} pages, over the limit of {max_pages}")
        pages: list[list[Line]] = []
        ruled: list[int] = []
        images = 0
        for number in range(count):
            page = pdf[number]
            try:
                paths = 0
                kinds = (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE)
                for obj in page.get_objects(filter=kinds, max_depth=2):
                    if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
                        images += 1
                    else:
                        paths += 1
                textpage = page.get_textpage()
                try:
                    pages.append(_page_lines(textpage, number + 1, raw))
                finally:
                    textpage.close()
            finally:
                page.close()
            if paths >= TABLE_PATHS and pages[-1]:
                ruled.append(number)
    finally:
        pdf.close()
    if not any(pages):
        if images:
            raise IngestError(str(path), "scanned PDF with no text layer; run OCR first "
                              "(for example: ocrmypdf in.pdf out.pdf)")
        raise IngestError(str(path), "PDF holds no text")
    table_pages = layout_pages(pages, ruled)
    if table_pages:
        _replace_table_pages(path, pages, table_pages)
    return [line for page in pages for line in page], count


def _refused(path: Path) -> IngestError:
    """Why pdfium would not open a PDF, as pdfminer sees it; pdfium's own error code can be stale.

    pdfium keeps one last-error code per process and leaves it untouched when it
    refuses a PDF that has no pages, so after an encrypted file a page-less one
    was reported as needing a password. pdfminer reads the catalogue in
    milliseconds and tells a password, a missing page tree and damage apart.
    """
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSEOF

    try:
        with open(path, "rb") as handle:
            pages = resolve1(PDFDocument(PDFParser(handle)).catalog.get("Pages"))
            count = resolve1(pages.get("Count")) if isinstance(pages, dict) else 0
    except PDFPasswordIncorrect:
        return IngestError(str(path), "encrypted PDF that needs a password; save an unlocked copy")
    except PSEOF:
        return IngestError(str(path), "damaged PDF: the file is cut short (an incomplete download or copy?)")
    except Exception as err:  # pdfminer raises many kinds on damaged files
        return IngestError(str(path), f"damaged or unreadable PDF ({type(err).__name__}: {err})")
    if not count:
        return IngestError(str(path), "PDF has no pages")
    return IngestError(str(path), "damaged or unreadable PDF (pdfium cannot open it)")


_LAYOUT_LABEL = re.compile(
    r"^(?:present|attendance|attendees|attending|members present|voting members|non-voting members|apologies|"
    r"in attendance|officers|observers|governors present|governor attendance|roll call|chaired by|"
    r"actions?|action points?|action by|owner|by whom|responsible|who|due|by when|deadline)\b[\s:;]*",
    re.I,
)
CHAIN = 10  # pages a ruled table may run on over without repeating its header


def layout_pages(pages: list[list[Line]], ruled: list[int]) -> list[int]:
    """Ruled pages whose short lines name attendance or action columns, and the ruled pages just after them.

    pdfplumber costs fifty times pdfium, so it reads only the tables that extraction needs: the
    attendance lists and action tables, not the budget tables of an appended report.
    """
    chosen: list[int] = []
    chain_left = 0
    for number in sorted(ruled):
        labelled = any(len(line.text.split()) <= 4 and _LAYOUT_LABEL.match(line.text) for line in pages[number])
        if labelled:
            chosen.append(number)
            chain_left = CHAIN
        elif chain_left and chosen and number == chosen[-1] + 1:
            chosen.append(number)
            chain_left -= 1
        else:
            chain_left = 0
    return chosen


def _page_lines(textpage, page_number: int, raw) -> list[Line]:
    text = textpage.get_text_range()
    lines: list[Line] = []
    rights: list[float] = []
    offset = 0
    for piece in re.split(r"(\r\n|\n|\r)", text):
        if piece in ("\r\n", "\n", "\r"):
            offset += len(piece)
            continue
        start = offset
        offset += len(piece)
        stripped = piece.strip()
        if not stripped:
            continue
        right = _right_edge(textpage, raw, start + len(piece.rstrip()) - 1)
        lines.append(Line(text=re.sub(r"\s+", " ", stripped), page=page_number,
                          bold=_is_bold(textpage, raw, start, piece)))
        rights.append(right)
    mark_wrapped(lines, rights)
    return lines


def _right_edge(textpage, raw, index: int) -> float:
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    ok = raw.FPDFText_GetCharBox(textpage, index, ctypes.byref(left), ctypes.byref(right),
                                 ctypes.byref(bottom), ctypes.byref(top))
    return right.value if ok else 0.0


def mark_wrapped(lines: list[Line], rights: list[float], slack: float = 18.0) -> None:
    """A line whose text runs to the right margin of its column was wrapped there."""
    if not rights:
        return
    margin = max(rights)
    for line, right in zip(lines, rights, strict=False):
        line.wrapped = right >= margin - slack and len(line.text) > 25


def _is_bold(textpage, raw, start: int, piece: str) -> bool:
    """Bold when the line's words, past any item number, are set in a heavy weight or a bold font."""
    body = re.match(r"\s*(?:[\dA-Za-z]{1,4}[.)]|\d+(?:\.\d+)*)?\s*", piece).end()
    letters = [start + i for i, ch in enumerate(piece) if ch.isalpha() and i >= body]
    if not letters:
        return False
    sample = {letters[0], letters[len(letters) // 2], letters[-1]}
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    for index in sample:
        weight = raw.FPDFText_GetFontWeight(textpage, index)
        if weight >= 600:
            continue
        size = raw.FPDFText_GetFontInfo(textpage, index, buffer, len(buffer), ctypes.byref(flags))
        name = buffer.raw[: max(size - 1, 0)].decode("latin-1", "replace")
        if not _BOLD_FONT.search(name):
            return False
    return True


def _replace_table_pages(path: Path, pages: list[list[Line]], numbers: list[int]) -> None:
    """Re-read pages that draw tables with pdfplumber, whose table cells keep their rows."""
    import logging

    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font quirks of ordinary PDFs are not news
    table_id = 0
    try:
        pdf = pdfplumber.open(str(path))
    except Exception:  # pdfium read the text; without a layout the page keeps its plain lines
        return
    with pdf:
        for number in numbers:
            page = pdf.pages[number]
            try:
                tables = [t for t in page.find_tables() if len(t.rows) >= 1 and len(t.rows[0].cells) >= 2]
                words = page.extract_words(extra_attrs=["fontname", "size"]) if tables else []
                tables = [t for t in tables if _cells_hold_words(t, words)]
                if tables:
                    pages[number] = _layout_lines(words, tables, number + 1, table_id)
                    table_id += len(tables)
            except Exception:  # a damaged content stream pdfium could read but pdfminer cannot: keep pdfium's text
                continue
            finally:
                page.close()


def _cells_hold_words(table, words: list[dict]) -> bool:
    """Rules that cut through words are underlines or boxes, not a table's columns."""
    inside = cut = 0
    for row in table.rows:
        cells = [c for c in row.cells if c]
        if not cells:
            continue
        top, bottom = min(c[1] for c in cells), max(c[3] for c in cells)
        left, right = min(c[0] for c in cells), max(c[2] for c in cells)
        edges = {round(c[0], 1) for c in cells} - {round(left, 1)}
        for w in words:
            if w["top"] >= top - 1 and w["bottom"] <= bottom + 1 and w["x0"] >= left - 1 and w["x1"] <= right + 1:
                inside += 1
                cut += any(w["x0"] + 1 < e < w["x1"] - 1 for e in edges)
    return inside > 0 and cut <= max(1, inside // 20)


def _layout_lines(words: list[dict], tables, page_number: int, table_id: int) -> list[Line]:
    """Text outside the tables as lines, each table as cells, ordered top to bottom.

    Words are taken once for the page and placed in the cell that holds their middle, which
    costs a fraction of cropping the page once per cell.
    """
    cells: list[tuple[tuple[float, float, float, float], tuple[int, int, int], float]] = []
    for offset, table in enumerate(tables):
        for r, row in enumerate(table.rows):
            for c, bbox in enumerate(row.cells):
                if bbox is not None:
                    cells.append((bbox, (table_id + offset, r, c), table.bbox[1]))
    inside: dict[int, list[dict]] = {}
    outside: list[dict] = []
    for word in words:
        x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
        home = next((k for k, (b, _, _) in enumerate(cells) if b[0] <= x <= b[2] and b[1] <= y <= b[3]), None)
        if home is None:
            outside.append(word)
        else:
            inside.setdefault(home, []).append(word)
    placed: list[tuple[float, int, Line]] = []
    free, rights = [], []
    for top, group in _group_lines(outside):
        free.append(Line(text=" ".join(w["text"] for w in group), page=page_number, top=round(top, 1),
                         bold=all(_BOLD_FONT.search(w["fontname"]) for w in group)))
        rights.append(group[-1]["x1"])
        placed.append((top, 0, free[-1]))
    mark_wrapped(free, rights)
    order = 1
    for k, (_, cell, table_top) in enumerate(cells):
        cell_lines, cell_rights = [], []
        for line_top, group in _group_lines(inside.get(k, [])):
            line = Line(text=" ".join(w["text"] for w in group), page=page_number, cell=cell, top=round(line_top, 1),
                        bold=all(_BOLD_FONT.search(w["fontname"]) for w in group))
            cell_lines.append(line)
            cell_rights.append(group[-1]["x1"])
            placed.append((table_top, order, line))
            order += 1
        mark_wrapped(cell_lines, cell_rights, slack=12.0)
    placed.sort(key=lambda item: (item[0], item[1]))
    return [line for _, _, line in placed]


def _group_lines(words: list[dict], tolerance: float = 3.0) -> list[tuple[float, list[dict]]]:
    rows: list[tuple[float, list[dict]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0] - word["top"]) <= tolerance:
            rows[-1][1].append(word)
        else:
            rows.append((word["top"], [word]))
    return [(top, sorted(ws, key=lambda w: w["x0"])) for top, ws in rows]
