"""Take out what a clerk skips when reading: page furniture and words broken at the line end."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .model import Line

EDGE = 3  # lines at the top and bottom of a page where running headers and footers sit
_PAGE_NUMBER = re.compile(
    r"^(?:-\s*)?(?:page\s*)?\d{1,4}(?:\s*of\s*\d{1,4})?(?:\s*-)?$|^page\s+\d+\s+of\s+\d+\b.*$", re.I
)
_PAGE_SLASH = re.compile(r"^(\d{1,4})\s*/\s*(\d{1,4})$")
_SIGNATURE = re.compile(
    r"^(?:signed|signature|chair(?:man|person)?'?s? signature|position|date[d]?)\s*[:.]?\s*[_.…]{3,}"
    r"|^signed\b.*\bdated?\b|^(?:signed|dated?|chair(?:man)?)\s*[:.]?\s*$"
    r"|^\s*[_.…]{6,}\s*$",
    re.I,
)


def clean(lines: list[Line], pages: int | None) -> list[Line]:
    """Remove furniture and join hyphenated breaks."""
    drop = running_lines(lines, pages) if pages and pages > 1 else set()
    kept = [
        line
        for i, line in enumerate(lines)
        if i not in drop
        and not (_PAGE_NUMBER.match(line.text) and not _item_cell(line))
        and not (_SIGNATURE.match(line.text) and not _column_label(line) and not _runs_on(lines, i))
        and not _page_of(line.text, pages)
    ]
    for line in kept:
        strip_bullet(line)
        text = _INVISIBLE.sub("", line.text.replace("\ufffe", "-"))  # pdfium's mark for a hyphen: 'co-opted'
        text, leaders = _LEADER.subn(" — ", text)  # an em dash for the leader's column
        line.text = text.strip()
        if leaders:
            line.leader = True
            line.wrapped = False  # a leader runs the line out to its column; the words do not run on
    kept = [line for line in kept if line.text]
    kept = join_hyphenated(kept)
    return kept


def _runs_on(lines: list[Line], i: int) -> bool:
    """'... seconded by the Vice' / 'Chairman.': a sentence the margin broke ends on the word, not a blank
    for a signature."""
    before = lines[i - 1] if i else None
    return (
        before is not None
        and before.wrapped
        and before.page == lines[i].page
        and not re.search(r"[.:;!?]$", before.text.strip())
        and lines[i].text.strip().endswith(".")
    )


def _column_label(line: Line) -> bool:
    """'Date' or 'Chair' alone in a table's cell heads a column; alone on a line it is a blank for a signature."""
    return line.cell is not None and bool(re.fullmatch(r"\s*(?:date|chair(?:man)?)\s*", line.text, re.I))


def _item_cell(line: Line) -> bool:
    """'1' in a table's first column numbers its row (an agenda's Item column), typed or ruled in a PDF;
    digits elsewhere in a PDF's cells are a page number or a rotated header's, which a table also holds."""
    return line.cell is not None and (line.page is None or line.cell[2] == 0)


# zero-width spaces and joiners that exports leave in, and control characters (a NUL deep in a text file)
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# "Secretary's Report ----------- Barbara Torres", "Apologies ........ 3": leaders join a title to its column
_LEADER = re.compile(r"(?<=[^\s\-.·_…])\s*(?:[-.·_…]\s?){5,}\s*(?=[^\s\-.·_…])")
_BULLET = re.compile(r"^(?:[•·●○■□▪▫◦‣⁃∙➢➤►▶✓✔\uf0b7\uf0a7\uf076\uf0d8-]|\*|o(?=\s))\s*(?=\S)")


def strip_bullet(line: Line) -> None:
    """Bullet glyphs say 'list item': keep that as indent, drop the glyph."""
    match = _BULLET.match(line.text)
    if match and not re.match(r"^-\s*\d", line.text):
        line.text = line.text[match.end() :].strip()
        line.indent = max(line.indent, 1)


def _page_of(text: str, pages: int | None) -> bool:
    """'3/10' is a page number only where the document has ten pages; '32/24' is a minute number."""
    match = _PAGE_SLASH.match(text)
    return bool(match and pages and int(match.group(2)) == pages and int(match.group(1)) <= pages)


def _shape(text: str) -> str:
    """A running line's shape: its words, any number as '#', punctuation ignored (OCR reads a dash as '—-')."""
    return " ".join(re.sub(r"[^a-z#]+", " ", re.sub(r"\d+", "#", text.lower())).split())


def running_lines(lines: list[Line], pages: int) -> set[int]:
    """Indexes of lines that recur at the top or bottom of many pages."""
    by_page: dict[int, list[int]] = defaultdict(list)
    for i, line in enumerate(lines):
        if line.page is not None and line.cell is None:
            by_page[line.page].append(i)
    seen: Counter[str] = Counter()
    where: dict[str, list[int]] = defaultdict(list)
    for indexes in by_page.values():
        edge = set(indexes[:EDGE] + indexes[-EDGE:])
        shapes = {}
        for i in edge:
            shapes.setdefault(_shape(lines[i].text), []).append(i)
        for shape, found in shapes.items():
            seen[shape] += 1
            where[shape].extend(found)
    need = max(2, round(0.4 * len(by_page)))
    first = by_page[min(by_page)] if by_page else []
    first_top = set(first[:EDGE]) - set(first[-EDGE:]) if len(first) > EDGE else set()
    # the first page's head is the paper's title, repeated on later pages as a running header: keep it once
    return {i for shape, n in seen.items() if n >= need and len(shape) > 1 for i in where[shape]} - first_top


def join_hyphenated(lines: list[Line]) -> list[Line]:
    """'di-' at a line end followed by 'versity' is one word."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.cell == line.cell
            and re.search(r"[a-z]-$", prev.text)
            and re.match(r"[a-z]", line.text)
        ):
            head, _, rest = line.text.partition(" ")
            prev.text = prev.text[:-1] + head
            if rest:
                line.text = rest
            else:
                continue
        out.append(line)
    return out
