"""PDF pages to lines: pypdfium2 for the text of every page, table cells where tables matter.

pypdfium2 reads a page in a few milliseconds and keeps word spacing that
pdfplumber loses on LaTeX output. Pages that draw a ruled table and name an
attendance or action column are also cut into cells (ingest/pdftables.py:
pdfplumber's table finder and word grouping, fed with what pdfium has read),
so two-column attendance lists and right-hand action columns keep their rows.
A page with a row of column labels and no ruled table may print a table without
rules: ingest/pdfstream.py puts its words back in their columns.
"""

from __future__ import annotations

import bisect
import ctypes
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from ..marks import REFUSED, marked
from .errors import IngestError
from .model import MAX_LINES, Line
from .ocr import INSTALL_HINT, Options, read_pages
from .ocr import available as ocr_available

HEADING_SIZE = 1.25  # a line set this much larger than the body text is a heading
TABLE_PATHS = 8  # pages drawing fewer path objects than this hold no ruled table
MAX_TABLE_PATHS = 5000  # ... and pages drawing more are a drawing or a hostile file: a real table has hundreds
MAX_PAGE_CHARS = 100_000  # the densest page in the corpus holds 4,300
MAX_CHARS = 20_000_000  # 5,000 dense pages
BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|,b\b", re.I)


def read_pdf(
    path: Path, max_pages: int = 5000, ocr: Options | None = None, on_page: Callable[[int], None] | None = None
) -> tuple[list[Line], int]:
    """Lines of every page and the page count; IngestError for what cannot be read.

    Scanned pages (an image and no text) are OCR'd when Tesseract is installed (see ingest/ocr.py).
    `on_page(n)` is called as page n starts (the reading child's heartbeat, ingest/isolated.py)."""
    import pypdfium2 as pdfium

    ocr = ocr or Options()
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        raise _refused(path) from None
    try:
        if marked(pdf.get_metadata_dict().get("Keywords")):
            raise IngestError(str(path), REFUSED)
        count = len(pdf)
        if count == 0:
            raise IngestError(str(path), "PDF has no pages")
        if count > max_pages:
            raise IngestError(str(path), f"PDF has {count} pages, over the limit of {max_pages}")
        pages, images, table_id = _text_pages(pdf, count, path, on_page or (lambda n: None))
        glyphs = [n for n in range(count) if pages[n] and _unmapped(pages[n])]
        for n in glyphs:  # a font with no Unicode map: its 'text' is private-use codes, read it as a picture
            pages[n] = []
        scans = [n for n in range(count) if (images[n] or n in glyphs) and (ocr.mode == "always" or not pages[n])]
        read = scans and ocr.mode != "never" and ocr_available()
        if read:
            for n, lines in read_pages(pdf, scans, path, ocr).items():
                pages[n] = lines
    finally:
        pdf.close()
    if not any(pages):
        if read:
            raise IngestError(str(path), "scanned PDF in which OCR found no text")
        if glyphs:
            raise IngestError(
                str(path), f"the PDF's text uses a font without a Unicode map (private-use glyphs); {INSTALL_HINT}"
            )
        if any(images):
            hint = "run OCR first (for example: ocrmypdf in.pdf out.pdf)"
            if ocr.mode != "never":
                hint = INSTALL_HINT
            raise IngestError(str(path), f"scanned PDF with no text layer; {hint}")
        raise IngestError(str(path), "PDF holds no text")
    for page in pages:
        if page and page[0].at is None:  # a laid-out or OCR'd page: its lines know their tops
            count_down(page, [line.top for line in page])
    lines = [line for page in pages for line in page]
    if table_id:
        from .pdftables import join_split_rows

        lines = join_split_rows(lines)
    return lines, count


def count_down(page: list[Line], downs: list[float | None], tolerance: float = 3.0) -> None:
    """Number a page's lines as a reader counts them down it (`downs`: how far down each sits), before running
    heads and page numbers are dropped: lines side by side (two columns, a table's cells) share a number."""
    rows: list[float] = []
    for down in sorted(d for d in downs if d is not None):
        if not rows or down - rows[-1] > tolerance:
            rows.append(down)
    number = 0
    for line, down in zip(page, downs, strict=True):
        number = bisect.bisect_right(rows, down + tolerance) if down is not None else number
        line.at = number or None


def _unmapped(lines: list[Line]) -> bool:
    """Most of a page's letters are Unicode private-use codes: glyph numbers, not text."""
    chars = [c for line in lines for c in line.text if not c.isspace()]
    private = sum(1 for c in chars if "\ue000" <= c <= "\uf8ff")
    return len(chars) >= 20 and private > 0.5 * len(chars)


def _text_pages(pdf, count: int, path: Path, on_page: Callable[[int], None]) -> tuple[list[list[Line]], list[int], int]:
    """Each page's text-layer lines, how many images it draws, and how many tables were read in cells."""
    import pypdfium2.raw as raw

    pages: list[list[Line]] = []
    images: list[int] = []
    chain_left = 0
    table_id = 0
    kinds = (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE)
    characters = held = 0
    sizes: list[float] = []
    outdents: list[bool] = []
    for number in range(count):
        on_page(number + 1)
        page = pdf[number]
        try:
            objects = [obj.type for obj in page.get_objects(filter=kinds, max_depth=2)]
            paths = objects.count(raw.FPDF_PAGEOBJ_PATH)
            images.append(len(objects) - paths)
            textpage = page.get_textpage()
            try:
                characters += _checked_size(textpage, number + 1, characters, path)
                lines, line_sizes, line_outdents = _page_lines(textpage, number + 1, raw)
                wanted, chain_left = _wants_layout(lines, paths, chain_left)
                laid, found = _table_layout(page, textpage, raw, number + 1, table_id) if wanted else (None, 0)
                if laid is None and _heads_columns(lines):
                    laid, found = _stream_layout(page, textpage, raw, number + 1, table_id)
                if laid is not None:
                    lines, table_id, line_sizes = laid, table_id + found, [0.0] * len(laid)
                    line_outdents = [False] * len(laid)
                    free = [line for line in laid if line.cell is None and line.top is not None]
                    mark_gaps(free, [-line.top for line in free])  # tops run down the page
                pages.append(lines)
                sizes.extend(line_sizes)
                outdents.extend(line_outdents)
                held += len(lines)
                if held > MAX_LINES:
                    raise IngestError(str(path), f"the PDF holds over {MAX_LINES:,} lines by page {number + 1}")
            finally:
                textpage.close()
        finally:
            page.close()
    mark_headings_by_size([line for page in pages for line in page], sizes, outdents)
    return pages, images, table_id


def _checked_size(textpage, page_number: int, before: int, path: Path) -> int:
    """A page's character count, refusing a page or a document whose text is far beyond any minutes."""
    count = textpage.count_chars()
    if count > MAX_PAGE_CHARS:
        raise IngestError(
            str(path), f"page {page_number} holds {count:,} characters of text, over the {MAX_PAGE_CHARS:,} limit"
        )
    if before + count > MAX_CHARS:
        raise IngestError(str(path), f"the PDF's text passes the {MAX_CHARS:,} character limit on page {page_number}")
    return count


def _wants_layout(lines: list[Line], paths: int, chain_left: int) -> tuple[bool, int]:
    """Whether a page's tables are worth reading cell by cell, and how many ruled pages may follow on.

    Only attendance lists and action tables matter to extraction: a ruled page whose short lines
    name such a column, and the ruled pages straight after it (a table running on without its
    header), not the budget tables of an appended report.
    """
    if paths < TABLE_PATHS or paths > MAX_TABLE_PATHS or not lines:
        return False, 0
    if any(_names_a_column(line.text) for line in lines):
        return True, CHAIN
    if chain_left:
        return True, chain_left - 1
    return False, 0


def _names_a_column(text: str) -> bool:
    """'Apologies:', 'Present' on a line of its own, or a header row ending in one: 'Item Agenda item Lead'."""
    words = text.split()
    return (len(words) <= 4 and bool(_LAYOUT_LABEL.match(text))) or (
        2 <= len(words) <= 6 and words[0].lower() == "item" and bool(_LAYOUT_LABEL.match(words[-1]))
    )


def _table_layout(page, textpage, raw, page_number: int, table_id: int) -> tuple[list[Line] | None, int]:
    from .pdftables import cells_hold_runs, find_tables, layout_lines, text_runs

    try:
        tables = find_tables(page, raw)
        if not tables:
            return None, 0
        runs = text_runs(textpage, raw, page.get_height())
        tables = [t for t in tables if cells_hold_runs(t, runs)]
        if not tables:
            return None, 0
        return layout_lines(runs, tables, page_number, table_id), len(tables)
    except Exception:  # a page pdfium reads but whose drawing confuses the table finder keeps its plain lines
        return None, 0


def _heads_columns(lines: list[Line]) -> bool:
    """'Action items Person responsible Deadline': a row of labels that may head a table drawn without rules."""
    from .pdfstream import HEADER

    return any(len(line.text) < 60 and HEADER.match(line.text) for line in lines)


def _stream_layout(page, textpage, raw, page_number: int, table_id: int) -> tuple[list[Line] | None, int]:
    """The page laid out with the tables it prints without rules, or (None, 0) to keep its plain lines."""
    from .pdfstream import stream_layout
    from .pdftables import text_runs

    try:
        laid = stream_layout(text_runs(textpage, raw, page.get_height()), page_number, table_id)
    except Exception:  # as for ruled tables: a page whose words confuse the layout keeps its plain lines
        return None, 0
    return laid if laid is not None else (None, 0)


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
    r"actions?|action points?|action by|owner|by whom|responsible|who|due|by when|deadline|lead|presenter)\b[\s:;]*",
    re.I,
)
CHAIN = 10  # pages a ruled table may run on over without repeating its header


def _page_lines(textpage, page_number: int, raw) -> tuple[list[Line], list[float], list[bool]]:
    """A page's lines, the font size each is set in, and whether each stands out left of the body's indent."""
    text = textpage.get_text_range()
    lines: list[Line] = []
    rights: list[float] = []
    first_ends: list[float] = []  # where each line's first character ends: from there to its last, the type's pitch
    baselines: list[float] = []
    sizes: list[float] = []
    lefts: list[float] = []
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
        last = start + len(piece.rstrip()) - 1
        right, baseline = _char_right(textpage, raw, last), _baseline(textpage, raw, last)
        first = start + len(piece) - len(piece.lstrip())
        first_start, first_end = _char_box(textpage, raw, first)
        lefts.append(first_start)
        lines.append(
            Line(text=re.sub(r"\s+", " ", stripped), page=page_number, bold=_is_bold(textpage, raw, start, piece))
        )
        rights.append(right)
        first_ends.append(first_end)
        baselines.append(baseline)
        sizes.append(raw.FPDFText_GetFontSize(textpage, start + len(piece) - len(piece.lstrip())))
    mark_wrapped(lines, rights)
    mark_broken(lines, first_ends, rights)
    mark_gaps(lines, baselines)
    count_down(lines, [-b for b in baselines])  # baselines rise up the page
    return lines, sizes, outdented(lines, lefts)


OUTDENT = 12.0  # points left of the body's indent at which a short line stands out as a heading


def outdented(lines: list[Line], lefts: list[float]) -> list[bool]:
    """Short lines set out to the left of an indented body ('Treasurer's Report' at the margin over paragraphs
    indented beneath it): a heading its size and weight do not show."""
    starts = Counter(round(left) for line, left in zip(lines, lefts, strict=True) if len(line.text) > 60)
    if not starts:
        return [False] * len(lines)
    body, count = starts.most_common(1)[0]
    if count < 4:
        return [False] * len(lines)
    return [
        left <= body - OUTDENT
        and len(line.text.split()) <= 10
        and line.text[:1].isalpha()
        and not _TERMINAL_END.search(line.text)
        and not line.text.endswith(",")
        and not re.search(r":\s*\S", line.text)  # "Absent: Ann Lee" labels a list
        and not (k and _runs_on(lines[k - 1]))
        and not _runs_on(line)  # 'Annual General Meeting of the Milton Keynes Chess' / 'Club'
        for k, (line, left) in enumerate(zip(lines, lefts, strict=True))
    ]


def _runs_on(line: Line) -> bool:
    """A line whose sentence or list goes on below it: the next line continues it, whatever its indent."""
    return line.wrapped or bool(re.search(r"(?:[,(&/–-]|\b(?:and|or|of|the|to|for))$", line.text))


def mark_broken(lines: list[Line], first_ends: list[float], rights: list[float]) -> None:
    """A line left open ('... Interests or Other') whose next line's first word would not have fitted beside it
    was broken there by the margin, though it stops short of it: 'Significant Interests in items'."""
    margin = max(rights, default=0.0)
    for k, line in enumerate(lines[:-1]):
        if line.wrapped or _TERMINAL_END.search(line.text) or len(line.text) <= 25:
            continue
        per_char = (rights[k] - first_ends[k]) / max(len(line.text) - 1, 1)
        word = lines[k + 1].text.split()[0]
        line.wrapped = rights[k] + per_char * (len(word) + 1) > margin


_TERMINAL_END = re.compile(r"[.!?:;]['\")”’]?$")


def mark_gaps(lines: list[Line], heights: list[float], wider: float = 1.6) -> None:
    """A line set further below the one above than the page's usual line spacing has space above it,
    as a blank line does in typed text: 'School Photos' between two paragraphs. `heights` are how high
    each line stands on the page."""
    steps = [a - b for a, b in zip(heights, heights[1:], strict=False)]
    usual = sorted(step for step in steps if step > 0)
    if len(usual) < 4:
        return
    spacing = usual[len(usual) // 2]
    for line, step in zip(lines[1:], steps, strict=False):
        line.gap = step > wider * spacing


def mark_headings_by_size(lines: list[Line], sizes: list[float], outdents: list[bool] | None = None) -> None:
    """Short lines set well above the body's type size are headings, the largest size level 1:
    word processors' exports (a Google Doc's 'Heading 2' at 21pt over 14.7pt text) keep no other mark.
    Lines set out left of the body (`outdents`) are headings one level below the sizes'."""
    weight: dict[float, int] = {}
    for line, size in zip(lines, sizes, strict=True):
        if size > 0:
            weight[round(size, 1)] = weight.get(round(size, 1), 0) + len(line.text)
    if not weight:
        return
    body = max(weight, key=weight.get)
    larger = sorted({round(s, 1) for s in sizes if s >= body * HEADING_SIZE}, reverse=True)
    for line, size in zip(lines, sizes, strict=True):
        if round(size, 1) in larger and line.cell is None and len(line.text.split()) <= 12:
            line.heading = min(larger.index(round(size, 1)) + 1, 6)
    for line, out in zip(lines, outdents or [], strict=False):
        if out and line.heading is None and line.cell is None:
            line.heading = min(len(larger) + 1, 6)


def _char_box(textpage, raw, index: int) -> tuple[float, float]:
    """Where a character starts and ends across the page."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    ok = raw.FPDFText_GetCharBox(
        textpage, index, ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top)
    )
    return (left.value, right.value) if ok else (0.0, 0.0)


def _char_right(textpage, raw, index: int) -> float:
    """Where a character ends across the page."""
    return _char_box(textpage, raw, index)[1]


def _baseline(textpage, raw, index: int) -> float:
    """How high a character's baseline stands on the page (a descender or an apostrophe does not move it)."""
    x, y = ctypes.c_double(), ctypes.c_double()
    return y.value if raw.FPDFText_GetCharOrigin(textpage, index, ctypes.byref(x), ctypes.byref(y)) else 0.0


def mark_wrapped(lines: list[Line], rights: list[float], slack: float = 18.0) -> None:
    """A line whose text runs to the right margin of its column was wrapped there."""
    if not rights:
        return
    margin = max(rights)
    for line, right in zip(lines, rights, strict=False):
        line.wrapped = right >= margin - slack and len(line.text) > 25


def _three_letters(piece: str, body: int) -> list[int]:
    """The first, a middle and the last letter of a line past `body`, found without walking every character
    (a page has thousands of lines to weigh)."""
    first = next((i for i in range(body, len(piece)) if piece[i].isalpha()), None)
    if first is None:
        return []
    last = next(i for i in range(len(piece) - 1, first - 1, -1) if piece[i].isalpha())
    middle = next((i for i in range((first + last) // 2, last + 1) if piece[i].isalpha()), last)
    return [first, middle, last]


def _is_bold(textpage, raw, start: int, piece: str) -> bool:
    """Bold when the line's words, past any item number, are set in a heavy weight or a bold font."""
    body = re.match(r"\s*(?:[\dA-Za-z]{1,4}[.)]|\d+(?:\.\d+)*)?\s*", piece).end()
    sample = _three_letters(piece, body)
    if not sample:
        return False
    sample = {start + i for i in sample}
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    for index in sample:
        weight = raw.FPDFText_GetFontWeight(textpage, index)
        if weight >= 600:
            continue
        if weight > 0:
            return False  # a stated weight under 600 is not bold; only a missing one needs the font's name
        size = raw.FPDFText_GetFontInfo(textpage, index, buffer, len(buffer), ctypes.byref(flags))
        name = buffer.raw[: max(size - 1, 0)].decode("latin-1", "replace")
        if not BOLD_FONT.search(name):
            return False
    return True
