"""Tell a file's format from its first bytes, not from its name."""

from __future__ import annotations

import zipfile
from pathlib import Path

from .errors import IngestError

_BINARY_NAMES = {".pdf", ".docx", ".docm"}  # names that promise a binary document; Word may save a '.doc' as HTML
TEXT_SUFFIXES = {".md": "md", ".markdown": "md", ".htm": "html", ".html": "html", ".xhtml": "html"}


def sniff(path: Path, head: bytes) -> str:
    """Return pdf, docx, html, md or txt; raise IngestError for anything else."""
    if not head:
        raise IngestError(str(path), "empty file")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise IngestError(str(path), "old binary Word/Office file (.doc); save it as .docx or PDF first")
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"II*\x00", b"MM\x00*")):
        raise IngestError(str(path), "an image, not a document; run OCR (for example ocrmypdf) to make a PDF with text")
    if not looks_like_text(head):
        raise IngestError(str(path), "not a PDF, Word or text file (binary content)")
    lowered = head[:2048].lower().lstrip(b"\xef\xbb\xbf \t\r\n")
    html = lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in lowered
    if path.suffix.lower() in _BINARY_NAMES:  # a failed download's error page, or a note renamed by mistake
        what = "a web page" if html else "plain text"
        raise IngestError(str(path), f"named {path.suffix.lower()} but holds {what}, not a PDF or Word document")
    if html:
        return "html"
    return TEXT_SUFFIXES.get(path.suffix.lower(), "txt")


def looks_like_text(head: bytes) -> bool:
    """Text has no NUL bytes (outside UTF-16 and UTF-32) and few control characters."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(head):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls <= len(head) // 100


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except Exception as err:  # zipfile raises many kinds on a damaged archive (names not UTF-8, unknown versions)
        raise IngestError(str(path), f"damaged zip/Word file ({type(err).__name__}: {err})") from None
    if "word/vbaProject.bin" in names or path.suffix.lower() in (".docm", ".dotm"):
        raise IngestError(str(path), "a macro-enabled Word file (.docm): save it as .docx (File > Save As) first")
    if "word/document.xml" in names:
        return "docx"
    if any(n.startswith(("xl/", "ppt/")) for n in names):
        raise IngestError(str(path), "an Excel or PowerPoint file, not minutes; save the minutes as .docx or PDF")
    raise IngestError(str(path), "a zip archive, not a Word document (no word/document.xml)")


def utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for text saved as UTF-16 with no byte-order mark: ASCII letters show as a
    NUL on every other byte, on one side only."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 8:
        return None
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None
