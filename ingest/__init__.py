"""Read a file of any supported format into a Document of lines."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

from ..marks import IN_TEXT, REFUSED
from . import isolated
from .cleanup import clean
from .errors import IngestError
from .isolated import Progress
from .model import MAX_LINES, Document, Line
from .ocr import Options
from .sniff import sniff

MAX_TEXT_BYTES = 2 * 1024 * 1024  # about 700 pages: a text file past this is not minutes
MAX_HTML_BYTES = 20 * 1024 * 1024  # a saved web page carries markup and inline images; its text is held to the above
MAX_BYTES = 500 * 1024 * 1024
_CHUNK = 1024 * 1024
_PDF_READ = False  # whether this process has read a PDF: from the second on, the parent imports the table finder

__all__ = ["Document", "IngestError", "Line", "from_text", "read"]


def _lines(
    path: Path, kind: str, data: bytes, ocr: Options | None, progress: Progress
) -> tuple[list[Line], int | None]:
    pages: int | None = None
    if kind == "pdf":
        from .pdf import read_pdf

        lines, pages = read_pdf(path, ocr=ocr, on_page=lambda number: progress("page", number))
    elif kind == "docx":
        from .word import read_docx

        lines = read_docx(path)
    else:
        from .decode import decode

        text = decode(data)
        if kind == "html":
            from .webpage import read_html

            lines = read_html(text, str(path))
        else:
            from .plaintext import read_text

            if kind == "md" and IN_TEXT in text:
                raise IngestError(str(path), REFUSED)
            lines = read_text(text, markdown=kind == "md")
    return clean(lines, pages), pages


def from_text(text: str, path: str = "<text>", markdown: bool = False) -> Document:
    """A Document from text already in memory (tests, pasted minutes), read as a .txt or .md file would be."""
    from .plaintext import read_text

    lines = clean(read_text(text, markdown=markdown), None)
    document = Document(
        path=path,
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        format="md" if markdown else "txt",
        pages=None,
        lines=lines,
    )
    document.number_lines()
    return document


def read(path: str | Path, ocr: Options | None = None, meanwhile: Callable[[], object] | None = None) -> Document:
    """Read one file; IngestError names the file and the cause when it cannot be read.

    `ocr` says how scanned PDF pages are read (ingest/ocr.py); by default they are OCR'd when
    Tesseract is installed. `meanwhile()` runs while the file is read in its child process."""
    path = Path(path)
    try:
        kind, data = _read_bytes(path)
    except IsADirectoryError:
        raise IngestError(str(path), "is a folder, not a file") from None
    except FileNotFoundError:
        raise IngestError(str(path), "file not found (moved or deleted?)") from None
    except PermissionError:
        raise IngestError(str(path), "permission denied") from None
    except OSError as err:
        raise IngestError(str(path), f"cannot read file ({err.strerror or err})") from None
    _import_reader(kind)
    lines, pages = isolated.run(
        str(path), partial(_read_lines, path, kind, data, ocr), _ocr_progress(ocr), meanwhile=meanwhile
    )
    if not any(line.text.strip() for line in lines):
        raise IngestError(str(path), "no text found in the document")
    if len(lines) > MAX_LINES:
        raise IngestError(str(path), f"the document holds {len(lines):,} lines, over the {MAX_LINES:,} limit")
    if kind == "html" and sum(len(line.text) for line in lines) > MAX_TEXT_BYTES:
        raise IngestError(str(path), f"the web page's text is over the {MAX_TEXT_BYTES // 2**20} MB limit for minutes")
    document = Document(path=str(path), sha256=hashlib.sha256(data).hexdigest(), format=kind, pages=pages, lines=lines)
    document.number_lines()
    return document


def _import_reader(kind: str) -> None:
    """Import the format's reader here, once, rather than in every reading child.

    pdfplumber's table finder (0.07 s) is only needed on ruled pages: a child imports it itself
    for the first PDF of a run, and this process from the second PDF on."""
    if kind == "pdf":
        import pypdfium2  # noqa: F401

        from . import pdf  # noqa: F401

        global _PDF_READ
        if _PDF_READ:
            import pdfplumber.table  # noqa: F401
        _PDF_READ = True
    elif kind == "docx":
        import docx  # noqa: F401

        from . import word  # noqa: F401
    elif kind == "html":
        from . import webpage  # noqa: F401
    else:
        from . import plaintext  # noqa: F401


def _read_lines(path: Path, kind: str, data: bytes, ocr: Options | None, progress: Progress):
    """The lines, in the reading child (ingest/isolated.py); any reader failure is one IngestError."""
    # each OCR'd page is a heartbeat for the parent (and a step of its progress bar, if it draws one)
    ocr = replace(ocr or Options(), on_page=lambda total: progress("ocr", total))
    try:
        return _lines(path, kind, data, ocr, progress)
    except IngestError:
        raise
    except (MemoryError, RecursionError) as err:
        raise IngestError(str(path), f"too large or too deeply nested to read ({type(err).__name__})") from None
    except Exception as err:  # a reader library's own failure on a damaged file is still one clear line
        raise IngestError(str(path), f"could not be read ({type(err).__name__}: {err})") from None


def _ocr_progress(ocr: Options | None) -> Progress | None:
    """OCR progress sent by the reading child, passed on to the caller's progress bar."""
    if not (ocr and ocr.on_page):
        return None
    on_page = ocr.on_page
    return lambda kind, total: on_page(total) if kind == "ocr" else None


def _read_bytes(path: Path) -> tuple[str, bytes]:
    """The format and the bytes of a file, refusing an oversized one before it is read.

    The format is told from the first bytes, so a text file over its (smaller) limit
    is refused without loading it, and no read goes past the limit even if the file
    grows after it was measured. A pipe or device in a folder would block the read
    for ever, so only regular files (and folders, for their own message) are opened.
    """
    mode = path.stat().st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise IngestError(str(path), "not a regular file (a pipe, socket or device)")
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_BYTES:
            raise IngestError(str(path), f"file is {_megabytes(size)} MB, over the {MAX_BYTES // 2**20} MB limit")
        head = handle.read(4096)
        kind = sniff(path, head)
        limit = {"pdf": MAX_BYTES, "docx": MAX_BYTES, "html": MAX_HTML_BYTES}.get(kind, MAX_TEXT_BYTES)
        if size > limit:
            what = "web page" if kind == "html" else "text file"
            raise IngestError(
                str(path), f"{what} is {_megabytes(size)} MB, over the {limit // 2**20} MB limit for minutes"
            )
        chunks, total = [head], len(head)
        while chunk := handle.read(_CHUNK):  # read(limit) would allocate the whole limit at once
            total += len(chunk)
            if total > limit:
                raise IngestError(str(path), f"file grew past the {limit // 2**20} MB limit while being read")
            chunks.append(chunk)
    return kind, b"".join(chunks)


def _megabytes(size: int) -> int:
    """Whole megabytes, rounded up so a file just over a limit never reads as equal to it."""
    return -(-size // 2**20)
