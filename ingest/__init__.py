"""Read a file of any supported format into a Document of lines."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .cleanup import clean
from .errors import IngestError
from .model import Document, Line
from .sniff import sniff

MAX_TEXT_BYTES = 20 * 1024 * 1024  # a text file larger than this is not minutes
MAX_BYTES = 500 * 1024 * 1024

__all__ = ["Document", "IngestError", "Line", "read"]


def read(path: str | Path) -> Document:
    """Read one file; IngestError names the file and the cause when it cannot be read."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(str(path), f"file is {size // 2**20} MB, over the {MAX_BYTES // 2**20} MB limit")
        data = path.read_bytes()
    except IsADirectoryError:
        raise IngestError(str(path), "is a folder, not a file") from None
    except FileNotFoundError:
        raise IngestError(str(path), "file not found (moved or deleted?)") from None
    except PermissionError:
        raise IngestError(str(path), "permission denied") from None
    except OSError as err:
        raise IngestError(str(path), f"cannot read file ({err.strerror or err})") from None
    kind = sniff(path, data[:4096])
    pages: int | None = None
    if kind == "pdf":
        from .pdf import read_pdf

        lines, pages = read_pdf(path)
    elif kind == "docx":
        from .word import read_docx

        lines = read_docx(path)
    else:
        if len(data) > MAX_TEXT_BYTES:
            raise IngestError(str(path), f"text file is {len(data) // 2**20} MB, over the "
                              f"{MAX_TEXT_BYTES // 2**20} MB limit for minutes")
        from .decode import decode

        text = decode(data)
        if kind == "html":
            from .webpage import read_html

            lines = read_html(text)
        else:
            from .plaintext import read_text

            lines = read_text(text, markdown=kind == "md")
    lines = clean(lines, pages)
    if not any(line.text.strip() for line in lines):
        raise IngestError(str(path), "no text found in the document")
    document = Document(path=str(path), sha256=hashlib.sha256(data).hexdigest(), format=kind,
                        pages=pages, lines=lines)
    document.number_lines()
    return document
