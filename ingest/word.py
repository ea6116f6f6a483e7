"""Word files: paragraphs with their style and list numbers, tables cell by cell, in order."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path

from ..marks import REFUSED, marked
from .errors import IngestError
from .model import MAX_LINES, Line
from .webpage import ol_label

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:heading|titre|überschrift)\s*(\d)", re.I)
_FORMATS = {"lowerLetter": "a", "upperLetter": "A", "lowerRoman": "i", "upperRoman": "I", "decimal": "1"}
MAX_UNZIPPED = 200 * 1024 * 1024  # python-docx holds every part of the package in memory at once


class _Styles:
    """Every style of the document, looked up once: python-docx searches the styles part on each
    `paragraph.style` and `run.style`, which made reading an 800-paragraph file take seconds."""

    def __init__(self, document):
        from docx.enum.style import WD_STYLE_TYPE

        self.by_id = {style.style_id: style for style in document.styles}
        self.default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self._bold: dict[str, bool] = {}

    def of(self, paragraph):
        """The paragraph's style (the document's default paragraph style where it names none)."""
        ppr = paragraph._p.pPr
        style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
        return self.by_id.get(style_id, self.default) if style_id else self.default

    def bold_run(self, run) -> bool:
        """A run set bold directly or by its character style."""
        if run.bold:
            return True
        rpr = run._r.rPr
        style_id = rpr.rStyle.val if rpr is not None and rpr.rStyle is not None else None
        if not style_id:
            return False
        if style_id not in self._bold:
            style = self.by_id.get(style_id)
            self._bold[style_id] = bool(style is not None and style.font.bold)
        return self._bold[style_id]


class _Numbering:
    """Works out the numbers Word shows for numbered paragraphs (python-docx does not)."""

    def __init__(self, document):
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[tuple[str, int], int] = {}
        try:
            part = document.part.numbering_part
        except (NotImplementedError, KeyError, AttributeError):
            return
        root = part.element
        abstract = {}
        for an in root.iter(f"{_W}abstractNum"):
            levels = {}
            for lvl in an.iter(f"{_W}lvl"):
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    fmt.get(f"{_W}val") if fmt is not None else "decimal",
                    text.get(f"{_W}val") if text is not None else "%1.",
                    int(start.get(f"{_W}val")) if start is not None else 1,
                )
            abstract[an.get(f"{_W}abstractNumId")] = levels
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(f"{_W}val"), {}).items():
                self.levels[(num.get(f"{_W}numId"), ilvl)] = spec

    def label(self, paragraph, style) -> tuple[str | None, int]:
        """The shown number of a numbered paragraph (None for bullets) and its level."""
        ppr = paragraph._p.pPr
        numpr = ppr.numPr if ppr is not None else None
        if (numpr is None or numpr.numId is None) and style is not None:
            style_ppr = style.element.pPr  # "List Bullet", "List Number": numbering set by the style
            numpr = style_ppr.numPr if style_ppr is not None else None
        if numpr is None or numpr.numId is None:
            return None, 0
        num_id = str(numpr.numId.val)
        ilvl = int(numpr.ilvl.val) if numpr.ilvl is not None else 0
        spec = self.levels.get((num_id, ilvl))
        if spec is None or spec[0] in ("bullet", "none"):
            return None, ilvl + 1
        key = (num_id, ilvl)
        self.counters[key] = self.counters.get(key, spec[2] - 1) + 1
        for deeper in [k for k in self.counters if k[0] == num_id and k[1] > ilvl]:
            del self.counters[deeper]

        def value(match: re.Match) -> str:
            level = int(match.group(1)) - 1
            n = self.counters.get((num_id, level), 1)
            fmt = self.levels.get((num_id, level), ("decimal", "", 1))[0]
            return ol_label(n, _FORMATS.get(fmt, "1"))

        return re.sub(r"%(\d)", value, spec[1]).strip() or None, ilvl + 1


def check_unzipped_size(path: Path, limit: int = MAX_UNZIPPED) -> None:
    """Refuse a zip bomb before python-docx inflates it: by the sizes declared, then by the bytes inflated.

    python-docx inflates every part into memory, and zipfile's read() inflates up to 2 GB in one
    step before cutting it to the declared size, so a part that lies about its size is first
    inflated here in 1 MB steps, counting the bytes, and refused the moment it passes its
    declaration or the total passes the limit.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _refuse_over(path, sum(info.file_size for info in members), limit)
            total = 0
            for info in members:
                total += _inflated_size(archive, info, path)
                _refuse_over(path, total, limit)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as err:
        raise IngestError(str(path), f"damaged Word file ({err})") from None


def _inflated_size(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> int:
    """The bytes a member inflates to, counted 1 MB at a time, never trusting its declared size.

    zipfile stops a member at its declared size and checks the CRC of that much, so a member whose
    CRC was forged for a short prefix would pass it and then be inflated whole by python-docx. A
    deflated member's own stream is therefore inflated here to its end, and refused the moment it
    passes what it declares."""
    lying = IngestError(
        str(path), f"damaged Word file: part {info.filename} does not match its declared size (a 'zip bomb'?)"
    )
    if info.compress_type != zipfile.ZIP_DEFLATED:
        try:
            with archive.open(info) as member:
                return sum(len(chunk) for chunk in iter(lambda: member.read(2**20), b""))
        except zipfile.BadZipFile:
            raise lying from None
    inflater, size = zlib.decompressobj(-zlib.MAX_WBITS), 0
    for chunk in _compressed(archive, info):
        while chunk and not inflater.eof:
            size += len(inflater.decompress(chunk, 2**20))
            chunk = inflater.unconsumed_tail
            if size > info.file_size:
                raise lying
    if size != info.file_size:
        raise lying
    return size


def _compressed(archive: zipfile.ZipFile, info: zipfile.ZipInfo):
    """A member's compressed bytes, 1 MB at a time, from just after its local header."""
    handle = archive.fp
    handle.seek(info.header_offset)
    header = handle.read(30)
    if len(header) != 30 or header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"bad local header for {info.filename}")
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    handle.seek(info.header_offset + 30 + name_length + extra_length)
    left = info.compress_size
    while left > 0:
        chunk = handle.read(min(2**20, left))
        if not chunk:
            raise zipfile.BadZipFile(f"{info.filename} is cut short")
        left -= len(chunk)
        yield chunk


def _refuse_over(path: Path, total: int, limit: int) -> None:
    if total > limit:
        raise IngestError(
            str(path),
            f"Word file unpacks to {total // 2**20} MB, over the "
            f"{limit // 2**20} MB limit (a damaged or malicious file, a 'zip bomb'?)",
        )


def _broken(text: str) -> list[tuple[str, bool]]:
    """A paragraph's lines where the writer broke it by hand ('... agenda - approved' / 'II. Approval of the
    minutes'), as a printed page shows them; each with whether a blank line (two breaks) sets it apart."""
    parts, apart = [], False
    for piece in text.split("\n"):
        piece = piece.strip()
        if not piece:
            apart = bool(parts)
            continue
        parts.append((piece, apart))
        apart = False
    return parts


def read_docx(path: Path) -> list[Line]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_unzipped_size(path)
    try:
        document = docx.Document(str(path))
    except Exception as err:  # python-docx raises many kinds on damaged packages
        raise IngestError(str(path), f"damaged Word file ({type(err).__name__}: {err})") from None
    if marked(document.core_properties.keywords):
        raise IngestError(str(path), REFUSED)
    paragraphs = sum(1 for _ in document.element.body.iter(f"{_W}p"))
    if paragraphs > MAX_LINES:
        raise IngestError(str(path), f"Word file holds {paragraphs:,} paragraphs, over the {MAX_LINES:,} limit")
    numbering = _Numbering(document)
    styles = _Styles(document)
    lines: list[Line] = []
    tables = 0

    def paragraph_line(p: Paragraph, cell: tuple[int, int, int] | None = None) -> None:
        text = re.sub(r"[^\S\n]+", " ", p.text).strip()
        if not text:
            return
        found = styles.of(p)
        style = found.name if found is not None else ""
        heading = None
        match = _HEADING_STYLE.match(style)
        if match:
            heading = int(match.group(1))
        elif style.lower() == "title":
            heading = 1
        runs = [r for r in p.runs if r.text.strip()]
        bold = bool(runs) and all(styles.bold_run(r) for r in runs)
        number, level = numbering.label(p, found)
        if style.lower().startswith("list") and not level:
            level = 1
        for k, (part, apart) in enumerate(_broken(text)):
            lines.append(
                Line(
                    text=part,
                    bold=bold,
                    heading=heading,
                    number=None if k else number,
                    cell=cell,
                    indent=level,
                    gap=apart,
                )
            )

    def table_lines(table: Table) -> None:
        nonlocal tables
        index = tables
        tables += 1
        for r, row in enumerate(table.rows):
            seen = set()
            for c, cell in enumerate(row.cells):
                if id(cell._tc) in seen:  # a merged cell repeats across the columns it spans
                    continue
                seen.add(id(cell._tc))
                for block in cell.iter_inner_content():
                    if isinstance(block, Paragraph):
                        paragraph_line(block, (index, r, c))
                    else:
                        table_lines(block)

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            paragraph_line(block)
        else:
            table_lines(block)
    return lines
