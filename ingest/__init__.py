"""Read a file of any supported format into a Document of lines."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from .cleanup import clean
from .errors import IngestError
from .model import Document, Line
from .ocr import Options
from .sniff import sniff

MAX_TEXT_BYTES = 20 * 1024 * 1024  # a text file larger than this is not minutes
MAX_BYTES = 500 * 1024 * 1024
_CHUNK = 1024 * 1024

__all__ = ["Document", "IngestError", "Line", "from_text", "read"]


def _lines(path: Path, kind: str, data: bytes, ocr: Options | None) -> tuple[list[Line], int | None]:
    pages: int | None = None
    if kind == "pdf":
        from .pdf import read_pdf

        lines, pages = read_pdf(path, ocr=ocr)
    elif kind == "docx":
        from .word import read_docx

        lines = read_docx(path)
    else:
        from .decode import decode

        text = decode(data)
        if kind == "html":
            from .webpage import read_html

            lines = read_html(text)
        else:
            from .plaintext import read_text

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


def read(path: str | Path, ocr: Options | None = None) -> Document:
    """Read one file; IngestError names the file and the cause when it cannot be read.

    `ocr` says how scanned PDF pages are read (ingest/ocr.py); by default they are OCR'd when
    Tesseract is installed."""
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
    try:
        lines, pages = _lines(path, kind, data, ocr)
    except IngestError:
        raise
    except (MemoryError, RecursionError) as err:
        raise IngestError(str(path), f"too large or too deeply nested to read ({type(err).__name__})") from None
    except Exception as err:  # a reader library's own failure on a damaged file is still one clear line
        raise IngestError(str(path), f"could not be read ({type(err).__name__}: {err})") from None
    if not any(line.text.strip() for line in lines):
        raise IngestError(str(path), "no text found in the document")
    document = Document(path=str(path), sha256=hashlib.sha256(data).hexdigest(), format=kind, pages=pages, lines=lines)
    document.number_lines()
    return document


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
        limit = MAX_BYTES if kind in ("pdf", "docx") else MAX_TEXT_BYTES
        if size > limit:
            raise IngestError(
                str(path), f"text file is {_megabytes(size)} MB, over the {limit // 2**20} MB limit for minutes"
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
