"""Scanned pages to lines, with Tesseract run locally on each page image.

A page that has no text layer but draws an image is rendered by pdfium at 300 dpi and read by the
`tesseract` program (Debian `tesseract-ocr`, `tesseract-ocr-eng`); nothing is downloaded. Its TSV
output gives every word with its box and its block, paragraph and line, so OCR'd lines carry their
page, position, paragraph breaks and wrapping like any other line, and a flag that they came from
OCR. Pages are read in parallel, one single-threaded Tesseract per job.

ocrmypdf was considered: it makes a new PDF with a text layer, which would then be read again,
and needs Ghostscript; reading Tesseract's words directly gives the lines in one step.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..config import child_environment
from .errors import IngestError
from .model import Line

DPI = 300
MAX_PIXELS = 10_000  # the longest side of a rendered page: a 200-inch 'page' is not 3.6 GB of bitmap
PAGE_TIMEOUT = 120  # seconds Tesseract may spend on one page
MODES = ("auto", "always", "never")
INSTALL_HINT = "install Tesseract (Debian: apt install tesseract-ocr tesseract-ocr-eng) or run OCR first"


@dataclass(frozen=True)
class Options:
    """How scans are read: `auto` OCRs pages with no text layer, `always` every page, `never` none."""

    mode: str = "auto"
    jobs: int = 1
    on_page: Callable[[int], None] | None = None  # called with the pages to read as each is read (progress)


def available() -> bool:
    """Tesseract and its English data are installed."""
    exe = shutil.which("tesseract")
    if exe is None:
        return False
    try:
        run = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return False
    return "eng" in run.stdout.split()


def read_pages(pdf, numbers: list[int], path: Path, options: Options) -> dict[int, list[Line]]:
    """OCR'd lines of the given 0-based pages of an open pypdfium2 document, by page number."""
    rendering = threading.Lock()  # pdfium is not thread-safe: one page is rendered at a time
    with tempfile.TemporaryDirectory(prefix="minutes-ocr-") as folder:

        def one(n: int) -> tuple[int, list[Line]]:
            with rendering:
                image = _render(pdf, n, Path(folder))  # each page just before it is read: one image on disk per job
            try:
                lines = _tesseract(image, n + 1, path)
            finally:
                image.unlink(missing_ok=True)
            if options.on_page:
                options.on_page(len(numbers))
            return n, lines

        with ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
            return dict(pool.map(one, numbers))


def _render(pdf, number: int, folder: Path) -> Path:
    """The page as a 300 dpi greyscale image, or smaller where the page is huge (at most MAX_PIXELS a side)."""
    page = pdf[number]
    try:
        width, height = page.get_size()
        scale = min(DPI / 72, MAX_PIXELS / max(width, height, 1))
        image = page.render(scale=scale, grayscale=True).to_pil()
    finally:
        page.close()
    target = folder / f"page-{number + 1}.png"
    image.save(target)
    return target


def _tesseract(image: Path, page: int, path: Path) -> list[Line]:
    env = child_environment({"OMP_THREAD_LIMIT": "1"})  # no secrets; parallel pages, not threads within a page
    try:
        run = subprocess.run(
            ["tesseract", str(image), "stdout", "-l", "eng", "--psm", "3", "tsv"],
            capture_output=True,
            text=True,
            timeout=PAGE_TIMEOUT,
            env=env,
        )
    except subprocess.TimeoutExpired:
        raise IngestError(str(path), f"OCR of page {page} took over {PAGE_TIMEOUT} s") from None
    except OSError as err:
        raise IngestError(str(path), f"OCR could not run ({err.strerror or err}); {INSTALL_HINT}") from None
    if run.returncode != 0:
        last = (run.stderr.strip().splitlines() or ["no message"])[-1]
        raise IngestError(str(path), f"OCR of page {page} failed ({last})")
    return lines_from_tsv(run.stdout, page)


def lines_from_tsv(tsv: str, page: int) -> list[Line]:
    """Tesseract's words grouped into its lines; a new paragraph or a wide vertical gap starts something."""
    rows = [
        r for r in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE) if r.get("level") == "5"
    ]
    found: dict[tuple[str, str, str], list[dict]] = {}
    for row in rows:
        if (row.get("text") or "").strip():
            found.setdefault((row["block_num"], row["par_num"], row["line_num"]), []).append(row)
    # minutes are one column: read top to bottom, whatever order Tesseract found its blocks in
    groups = dict(sorted(found.items(), key=lambda kv: (_top(kv[1]), min(int(w["left"]) for w in kv[1]))))
    lines: list[Line] = []
    rights: list[int] = []
    last_key, last_bottom, heights = None, None, []
    for key, words in groups.items():
        top = _top(words)
        bottom = max(int(w["top"]) + int(w["height"]) for w in words)
        left = min(int(w["left"]) for w in words)
        height = bottom - top
        heights.append(height)
        typical = sorted(heights)[len(heights) // 2]
        new_par = last_key is not None and key[:2] != last_key[:2]
        wide_gap = last_bottom is not None and top - last_bottom > 0.9 * typical
        text = repair(" ".join(w["text"] for w in words))
        lines.append(Line(text=text, page=page, gap=new_par or wide_gap, top=top * 72 / DPI, ocr=True))
        lines[-1].indent = 1 if left > _left_margin(groups) + 0.25 * DPI else 0
        rights.append(max(int(w["left"]) + int(w["width"]) for w in words))
        last_key, last_bottom = key, bottom
    margin = max(rights, default=0)
    for line, right in zip(lines, rights, strict=True):
        line.wrapped = right >= margin - 0.25 * DPI and len(line.text) > 25
    return lines


def _top(words: list[dict]) -> int:
    return min(int(w["top"]) for w in words)


def _left_margin(groups: dict) -> int:
    lefts = sorted(min(int(w["left"]) for w in words) for words in groups.values())
    return lefts[len(lefts) // 10] if lefts else 0


_DIGITS_MISREAD = re.compile(r"\b(?=[\dlIO]*\d)(?=[\dlIO]*[lIO])[\dlIO]{2,}\b")


def repair(text: str) -> str:
    """What OCR typically breaks in any document: 'l' or 'O' inside numbers ('2Ol2' -> '2012') and as an
    item's number ('l.'), doubled quote marks, and spaces before punctuation."""
    text = _DIGITS_MISREAD.sub(lambda m: m.group(0).translate(str.maketrans("lIO", "110")), text)
    text = re.sub(r"^l(?=[.)]\s)", "1", text)  # "l. Apologies": an item number read as a lower-case L
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    return text.replace("‘‘", "“").replace("’’", "”")
