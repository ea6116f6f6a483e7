"""Build the DOCX, PDF and HTML sample papers in samples/ from the two text documents beside this script.

`minutes` has to read committee papers as councils publish them: Word files, PDFs printed from Word,
and web pages.  The shared eval set only holds plain-text exports, so this script lays the same words
out again the way a clerk would have: the Schools Forum agenda pack as a Word document (headings,
a real attendance table, page header and footer) and a PDF made from it by LibreOffice, and the
minutes fragment as a small HTML page.  The words are the source's; only the layout is made here.

Rebuild (overwrites the outputs):  python samples/make_samples.py
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import datetime
from itertools import islice
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent
PACK = HERE / "schools-forum-2023-06-27-agenda-pack.txt"
FRAGMENT = HERE / "schools-forum-high-needs-fragment.md"
DOCX = PACK.with_suffix(".docx")
HTML = FRAGMENT.with_suffix(".html")

RUNNING_HEADER = "Schools Forum – 27 June 2023"
REPORT_WORKSTREAMS = 5  # the appended report is abridged to its first few workstreams
FONT = "Arial"
TEXT_WIDTH = 16.6  # cm between the margins of an A4 page
LABEL_WIDTH = 4.6  # cm for the row labels of a report table

TAG = re.compile(r"<[^>]+>")
P_TAG = re.compile(r"<p([^>]*)>(.*?)</p>")
AGENDA_ITEM = re.compile(r"^(\d+\.)\s+(.+?)(?:\s+([A-Z][a-z].*))?$")  # "2. TITLE IN CAPITALS Description."
ITEM_HEADING = re.compile(r"^\d+\.\s+[^a-z]+$")  # "3. SCHOOLS BLOCK BUDGET 2023-24 - UPDATE"
NUMBERED = re.compile(r"^\d+\.\s")
BULLET = re.compile(r"^(\s*)-\s+(.*)$")
GROUP = re.compile(r"^((?:[\w-]+ )?(?:Members|Observers))\s+(.*)$")  # "Schools Members Claire Fletcher (...)"
PERSON = re.compile(r"(\S+ \S+)(?: \(([^)]*)\))?")  # every name in the pack is two words
AUTHOR = re.compile(r"\s(?=[A-Z][a-z]+ [A-Z][a-z]+ [-–] )")  # "Peter Haylock – Director ..."
SENTENCE = re.compile(r"(?<=\.)\s+(?=[A-Z])")
FIGURE = re.compile(r"^[£(]*[\d,.]+\)?$|^-$")
RAG_COLOURS = {"Delivered": "C6EFCE", "Some risk": "FFEB9C", "Not delivered": "FFC7CE"}


def clean(text: str) -> str:
    """The words of a line of the export: no HTML tags, no Markdown emphasis, single spaces."""
    return " ".join(html.unescape(TAG.sub(" ", text)).replace("**", "").replace("*", "").split())


# --------------------------------------------------------------------------- Word helpers


def style_document(doc: DocxDocument) -> None:
    """A4, Arial, black headings, and the running header and footer of a published pack."""
    for name, size, bold in (
        ("Normal", 11, False),
        ("Heading 1", 16, True),
        ("Heading 2", 12, True),
        ("Heading 3", 11, True),
        ("List Bullet", 11, False),
        ("List Bullet 2", 11, False),
    ):
        font = doc.styles[name].font
        font.name, font.size, font.bold = FONT, Pt(size), bold
        font.color.rgb = RGBColor(0, 0, 0)
        rfonts = doc.styles[name].element.rPr.rFonts
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(theme), None)
    doc.styles["Normal"].paragraph_format.space_after = Pt(6)
    for name in ("Heading 1", "Heading 2"):
        doc.styles[name].paragraph_format.space_before = Pt(12)
        doc.styles[name].paragraph_format.space_after = Pt(6)

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.2)

    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.add_run(RUNNING_HEADER).font.size = Pt(9)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ").font.size = Pt(9)
    add_field(footer, "PAGE")
    footer.add_run(" of ").font.size = Pt(9)
    add_field(footer, "NUMPAGES")

    props = doc.core_properties
    props.title = "Schools Forum agenda pack, 27 June 2023"
    props.author = "Governance and Scrutiny, London Borough of Hammersmith & Fulham"
    props.created = props.modified = datetime(2023, 6, 19, 9, 0)


def add_field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when laying out pages."""
    parts: list[tuple[str, str | None]] = [
        ("begin", None),
        ("instr", instruction),
        ("separate", None),
        ("text", "1"),
        ("end", None),
    ]
    for kind, value in parts:
        run = paragraph.add_run()
        run.font.size = Pt(9)
        if kind == "text":
            run.text = value or ""
        elif kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {value} "
            run._r.append(instr)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def para(
    doc: DocxDocument,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    style: str | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
) -> Paragraph:
    paragraph = doc.add_paragraph(style=style)
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold or None, italic or None
    if align is not None:
        paragraph.alignment = align
    return paragraph


def numbered(doc: DocxDocument, text: str) -> Paragraph:
    """A paragraph that carries its own number ("1. ..."), hung like a Word numbered list."""
    paragraph = para(doc, text)
    paragraph.paragraph_format.left_indent = Cm(0.6)
    paragraph.paragraph_format.first_line_indent = Cm(-0.6)
    return paragraph


def labelled(doc: DocxDocument, label: str, value: str) -> Paragraph:
    paragraph = para(doc, label, bold=True)
    paragraph.add_run(f" {value}")
    return paragraph


def page_break(doc: DocxDocument) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def shade(cell: _Cell, colour: str) -> None:
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(fill)


def cell_text(cell: _Cell, text: str, *, bold: bool = False, size: int = 9) -> Paragraph:
    paragraph = cell.paragraphs[0] if not cell.paragraphs[0].text else cell.add_paragraph()
    run = paragraph.add_run(text)
    run.bold, run.font.size = bold or None, Pt(size)
    paragraph.paragraph_format.space_after = Pt(2)
    return paragraph


def add_grid(doc: DocxDocument, rows: list[list[str]]) -> None:
    """A bordered table from the export's tab-separated rows; a label-and-text row spans the table."""
    width = max(len(row) for row in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    rest = (TEXT_WIDTH - LABEL_WIDTH) / max(width - 1, 1)
    for index, column in enumerate(table.columns):
        column.width = Cm(LABEL_WIDTH if index == 0 else rest)
        for cell in column.cells:
            cell.width = column.width
    for row, cells in zip(table.rows, rows, strict=True):
        filled = [c for c in cells if c]
        header = not any(FIGURE.match(c) for c in filled)
        if len(filled) == 2 and cells[0] and width > 2:
            cell_text(row.cells[0], filled[0], bold=True)
            cell_text(row.cells[1].merge(row.cells[width - 1]), filled[1], bold=True)
            continue
        for cell, text in zip(row.cells, cells, strict=False):
            paragraph = cell_text(cell, text, bold=header)
            if FIGURE.match(text):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            colour = next((c for key, c in RAG_COLOURS.items() if text.startswith(key)), None)
            if colour:
                shade(cell, colour)
    for row in table.rows[:-1]:  # keep a table on one page, as a clerk would nudge it to
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
    doc.add_paragraph()


# --------------------------------------------------------------------------- the agenda pack


def split_pack(text: str) -> tuple[list[str], list[str], list[str]]:
    """The pack's three parts: the agenda, the draft minutes (from "Agenda Item 2") and the report."""
    lines = text.splitlines()
    minutes = lines.index("Agenda Item 2")
    report = next(i for i, line in enumerate(lines) if "SCHOOLS FORUM</p>" in line)
    return lines[:minutes], lines[minutes:report], lines[report:]


def write_agenda(doc: DocxDocument, lines: list[str]) -> None:
    words = [line for line in lines if line.strip()]
    para(doc, words[0], style="Heading 1")
    para(doc, words[1], bold=True)
    para(doc, words[2])
    for line in words[3:]:
        title, _, pages = line.partition("\t")
        paragraph = para(doc)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(TEXT_WIDTH), WD_TAB_ALIGNMENT.RIGHT)
        paragraph.paragraph_format.space_before = Pt(12)
        match = AGENDA_ITEM.match(clean(title))
        if not match:  # the "Item / Pages" column heads
            paragraph.add_run(clean(title)).underline = True
            paragraph.add_run("\t")
            paragraph.add_run(clean(pages)).underline = True
            continue
        number, heading, description = match.groups()
        paragraph.add_run(f"{number} {heading}").bold = True
        if pages.strip():
            paragraph.add_run(f"\t{clean(pages)}")
        if description:
            para(doc, description).paragraph_format.left_indent = Cm(0.75)


def officers(lines: Iterator[str]) -> Iterator[str]:
    """The Officers list, one per line, rejoining a job title the export wrapped onto two lines."""
    pending = ""
    started = False
    for line in lines:
        if not line.strip():
            if started:
                return
            continue
        started = True
        pending = f"{pending} {line.strip()}".strip()
        if pending.count("(") == pending.count(")"):
            yield pending
            pending = ""


def write_attendance(doc: DocxDocument, header: str, body: str) -> None:
    table = doc.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header.split("\t"), strict=True):
        cell_text(cell, text.strip(), bold=True, size=11)
        shade(cell, "D9D9D9")
    for cell, column in zip(table.rows[1].cells, body.split("\t"), strict=True):
        for group in P_TAG.findall(column):
            match = GROUP.match(clean(group[1]))
            if not match:
                continue
            label, people = match.groups()
            cell_text(cell, label, bold=True, size=11).paragraph_format.space_before = Pt(6)
            for name, where in PERSON.findall(people):
                cell_text(cell, f"{name} ({where})" if where else name, size=11)


def write_minutes(doc: DocxDocument, lines: list[str]) -> None:
    body = iter(lines)
    para(doc, next(body), bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)  # "Agenda Item 2"
    organisation, title, date = map(clean, islice(filter(str.strip, body), 3))
    para(doc, organisation, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, title, style="Heading 1").alignment = WD_ALIGN_PARAGRAPH.CENTER
    para(doc, date, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)

    resolved = small = False
    for raw in body:
        text = clean(raw)
        bullet = BULLET.match(raw)
        if not text:
            continue
        if text == "PRESENT":
            para(doc, text, bold=True)
        elif raw.startswith("Voting members\t"):
            write_attendance(doc, raw, next(body))
        elif text == "Officers":
            para(doc, text, bold=True).paragraph_format.space_before = Pt(12)
            for officer in officers(body):
                para(doc, officer).paragraph_format.space_after = Pt(0)
            doc.add_paragraph()
        elif ITEM_HEADING.match(text):
            para(doc, text, style="Heading 2")
            resolved = False
        elif text == "RESOLVED":
            para(doc, text, bold=True)
            resolved = True
        elif text.startswith("ACTION:"):
            para(doc, text, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
        elif bullet:
            style = "List Bullet 2" if resolved and bullet.group(1) else "List Bullet"
            para(doc, clean(bullet.group(2)), style=style)
        elif resolved and NUMBERED.match(text):
            numbered(doc, text)
        elif text == "Chair":
            para(doc, text, bold=True).paragraph_format.space_before = Pt(36)
        else:
            small = small or text.startswith("Contact officer")
            paragraph = para(doc, text)
            if small:
                paragraph.paragraph_format.space_after = Pt(0)
                paragraph.runs[0].font.size = Pt(9)


# --------------------------------------------------------------------------- the appended report


def table_row(raw: str) -> list[str] | None:
    """The cells of a line that was a table row in the source (None if it was not; [] for a rule)."""
    if "\t" not in raw or "<" in raw:
        return None
    cells = [clean(cell) for cell in raw.split("\t")]
    while cells and not cells[-1]:
        cells.pop()
    if cells and all(set(cell) <= {"-"} for cell in cells):
        return []
    if sum(1 for cell in cells if cell) >= 2 or cells[:1] == ["Safety Valve"]:
        return cells
    return None


def write_front_sheet(doc: DocxDocument, raw: str, first: bool) -> bool:
    """The report's cover block; returns whether the report title has been written."""
    for attrs, inner in P_TAG.findall(raw):
        text = clean(inner)
        if "center" in attrs:
            para(doc, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        elif not first:
            para(doc, text, style="Heading 1")
            first = True
        elif text.startswith("Purpose of the report"):
            para(doc, "Purpose of the report", bold=True).paragraph_format.space_before = Pt(12)
            para(doc, text.removeprefix("Purpose of the report").strip())
        elif text.startswith("Report Authors:"):
            label, *authors = AUTHOR.split(text)
            paragraph = para(doc, label, bold=True)
            for author in authors:
                paragraph.add_run().add_break()
                paragraph.add_run(author)
        elif ":" in text:
            label, _, value = text.partition(":")
            labelled(doc, f"{label}:", value.strip())
        else:
            para(doc, text)
    return first


def write_report(doc: DocxDocument, lines: list[str]) -> None:
    rows: list[list[str]] = []
    titled = False
    workstreams = 0
    for raw in lines:
        if raw.startswith("Workstream:"):
            workstreams += 1
            if workstreams > REPORT_WORKSTREAMS:
                break
        cells = table_row(raw)
        if cells is not None:
            rows.extend([cells] if cells else [])
            continue
        if rows:
            add_grid(doc, rows)
            rows = []
        text = clean(raw)
        bullet = BULLET.match(raw)
        if not text:
            continue
        if "<p" in raw:
            titled = write_front_sheet(doc, raw, titled)
        elif "<ul" in raw:
            points = text.split("•") if "•" in text else SENTENCE.split(text)
            for point in filter(None, (p.strip() for p in points)):
                para(doc, point, style="List Bullet")
        elif "<u>" in raw:
            para(doc, text, bold=True).runs[0].underline = True
        elif bullet:
            nested = bool(bullet.group(1))
            para(
                doc,
                clean(bullet.group(2)),
                style="List Bullet 2" if nested else "List Bullet",
                italic=nested and "*" in raw,
            )
        elif NUMBERED.match(text):
            numbered(doc, text)
        elif text.isupper():
            para(doc, text, style="Heading 2")
        elif len(text) < 80 and not text.endswith("."):
            para(doc, text, bold=True).paragraph_format.space_before = Pt(10)
        else:
            para(doc, text)
    if rows:
        add_grid(doc, rows)


def build_docx(source: Path, target: Path) -> None:
    agenda, minutes, report = split_pack(source.read_text(encoding="utf-8"))
    doc = Document()
    style_document(doc)
    write_agenda(doc, agenda)
    page_break(doc)
    write_minutes(doc, minutes)
    page_break(doc)
    write_report(doc, report)
    doc.save(str(target))


def convert_to_pdf(docx: Path) -> Path:
    """Print the DOCX to PDF with LibreOffice, as a council's publishing system would."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit(
            "make_samples: LibreOffice ('soffice') is not on PATH, so the PDF was not made.\n"
            "Install it (e.g. apt-get install libreoffice-writer) and run this script again."
        )
    with tempfile.TemporaryDirectory() as profile:  # a private profile: no clash with a running soffice
        done = subprocess.run(
            [
                soffice,
                "--headless",
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--convert-to",
                "pdf",
                "--outdir",
                str(docx.parent),
                str(docx),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    pdf = docx.with_suffix(".pdf")
    if done.returncode != 0 or not pdf.exists():
        raise SystemExit(f"make_samples: soffice could not convert {docx.name}:\n{done.stdout}{done.stderr}")
    return pdf


# --------------------------------------------------------------------------- the fragment as HTML


def html_list(items: list[tuple[str, list[str]]]) -> list[str]:
    """A <ul> of '·' bullets, each with its '-' sub-bullets as a nested <ul>."""
    out = ["<ul>"]
    for text, subitems in items:
        if not subitems:
            out.append(f"  <li>{text}</li>")
            continue
        out.extend([f"  <li>{text}", "    <ul>"])
        out.extend(f"      <li>{sub}</li>" for sub in subitems)
        out.extend(["    </ul>", "  </li>"])
    out.append("</ul>")
    return out


def build_html(source: Path, target: Path) -> None:
    """Item heading as <h2>, "(a)" sub-items as <h3>, '·' bullets as <ul>, other lines as <p>."""
    lines = [line.strip() for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    title = html.escape(lines[0])
    out = [f"<h2>{title}</h2>"]
    items: list[tuple[str, list[str]]] = []
    for line in lines[1:]:
        text = html.escape(line[1:].strip())
        if line.startswith("·"):
            items.append((text, []))
            continue
        if line.startswith("-") and items:
            items[-1][1].append(text)
            continue
        if items:
            out.extend(html_list(items))
            items = []
        text = html.escape(line)
        out.append(f"<h3>{text}</h3>" if re.match(r"\([a-z]\)\s", line) else f"<p>{text}</p>")
    if items:
        out.extend(html_list(items))
    page = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>Schools Forum – {title}</title>",
        "</head>",
        "<body>",
        *out,
        "</body>",
        "</html>",
        "",
    ]
    target.write_text("\n".join(page), encoding="utf-8")


def main() -> None:
    build_docx(PACK, DOCX)
    build_html(FRAGMENT, HTML)
    print(f"wrote {DOCX.name}, {HTML.name}")
    print(f"wrote {convert_to_pdf(DOCX).name}")


if __name__ == "__main__":
    main()
