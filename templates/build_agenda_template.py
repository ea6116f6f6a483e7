"""Build templates/agenda_pack.docx: the Word template (docxtpl) of the clerk's agenda pack.

The template is an ordinary Word file with Jinja tags in it. Everything a clerk
may want to change is a named Word style (Title, Subtitle, Heading 1, Heading 2,
Meeting Details, Item Note, Item Source, Table Text, Minutes Text), so restyling
in Word's style gallery changes the whole pack; the fixed words ("Agenda",
"Action log", the column headings) are plain text the clerk can retype. Tags:
`{%p ... %}` paragraphs and `{%tr ... %}` table rows are removed when rendered.

The output is byte-for-byte the same each run (fixed dates in the file), so it
can be committed beside this script. Rebuild:  python templates/build_agenda_template.py
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

OUT = Path(__file__).resolve().parent / "agenda_pack.docx"
FONT = "Arial"
HANG = Cm(1.0)  # agenda numbers hang in the margin of their titles
COLUMNS = [("Ref", 3.8), ("Action", 4.3), ("Owner", 2.2), ("Due", 1.9), ("Raised", 2.0), ("Last update", 2.8)]
GREY = RGBColor(0x50, 0x50, 0x50)
FIXED = datetime(2024, 1, 1, 9, 0)


def _font(style, size: float, bold: bool = False, italic: bool = False, colour: RGBColor | None = None) -> None:
    font = style.font
    font.name, font.size, font.bold, font.italic = FONT, Pt(size), bold, italic
    font.color.rgb = colour or RGBColor(0, 0, 0)
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(theme), None)


def _paragraph_style(doc: DocxDocument, name: str, base: str = "Normal"):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[base]
    style.quick_style = True
    return style


AGENDA_NUM_ID = "90"  # the numbering definition the agenda items' style uses


def _agenda_numbering(doc: DocxDocument):
    """An 'Agenda Item' style numbered by Word itself ('1.', '2.' ...): insert an item and the rest renumber."""
    numbering = doc.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{AGENDA_NUM_ID}"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="567"/></w:tabs>'
        '<w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl></w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # every abstractNum comes before the first num
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="{AGENDA_NUM_ID}"><w:abstractNumId w:val="{AGENDA_NUM_ID}"/></w:num>')
    )
    item = _paragraph_style(doc, "Agenda Item", base="Heading 2")
    item.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{AGENDA_NUM_ID}"/></w:numPr>')
    )
    return item


def styles(doc: DocxDocument) -> None:
    """Sober council styles: Arial, black headings, the agenda's numbers hung at the left."""
    _font(doc.styles["Normal"], 11)
    doc.styles["Normal"].paragraph_format.space_after = Pt(6)
    for name, size in (("Title", 22), ("Subtitle", 16), ("Heading 1", 16), ("Heading 2", 12), ("Heading 3", 11)):
        _font(doc.styles[name], size, bold=name != "Subtitle")
        fmt = doc.styles[name].paragraph_format
        fmt.space_before, fmt.space_after = Pt(12 if name.startswith("Heading") else 0), Pt(6)
    for name in ("Title", "Subtitle"):
        doc.styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        borders = doc.styles[name].element.pPr.find(qn("w:pBdr"))
        if borders is not None:  # python-docx's Title has a blue rule under it
            doc.styles[name].element.pPr.remove(borders)
    heading = doc.styles["Heading 2"].paragraph_format
    heading.left_indent, heading.first_line_indent = HANG, -HANG
    heading.tab_stops.add_tab_stop(HANG)
    heading.keep_with_next = True
    _agenda_numbering(doc)

    organisation = _paragraph_style(doc, "Organisation")
    _font(organisation, 12, bold=True)
    organisation.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    details = _paragraph_style(doc, "Meeting Details")
    _font(details, 12)
    details.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    details.paragraph_format.space_after = Pt(2)
    note = _paragraph_style(doc, "Item Note")
    _font(note, 11)
    note.paragraph_format.left_indent = HANG
    source = _paragraph_style(doc, "Item Source")
    _font(source, 8.5, italic=True, colour=GREY)
    source.paragraph_format.left_indent = HANG
    source.paragraph_format.space_after = Pt(4)
    clerk = _paragraph_style(doc, "Clerk Note")
    _font(clerk, 9, italic=True, colour=GREY)
    clerk.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    table_text = _paragraph_style(doc, "Table Text")
    _font(table_text, 9)
    table_text.paragraph_format.space_after = Pt(2)
    minutes = _paragraph_style(doc, "Minutes Text")
    _font(minutes, 10.5)
    minutes.paragraph_format.left_indent = HANG


def page(doc: DocxDocument) -> None:
    """A4 with 2 cm margins, a running header and 'Page N of M' in the footer."""
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(2)
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.add_run("{{ running_header }}").font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ").font.size = Pt(8)
    _field(footer, "PAGE")
    footer.add_run(" of ").font.size = Pt(8)
    _field(footer, "NUMPAGES")


def _field(paragraph: Paragraph, instruction: str) -> None:
    for kind in ("begin", "instr", "separate", "text", "end"):
        run = paragraph.add_run()
        run.font.size = Pt(8)
        if kind == "text":
            run.text = "1"
        elif kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def tag(doc: DocxDocument, text: str) -> None:
    """A paragraph holding only a {%p %} tag: docxtpl removes it."""
    doc.add_paragraph(text)


def line(doc: DocxDocument, style: str, *runs: str, bold_first: bool = False) -> Paragraph:
    paragraph = doc.add_paragraph(style=style)
    for index, text in enumerate(runs):
        if text == "\t":
            paragraph.add_run().add_tab()
        else:
            paragraph.add_run(text).bold = True if bold_first and index == 0 else None
    return paragraph


def page_break(doc: DocxDocument) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def agenda(doc: DocxDocument) -> None:
    tag(doc, "{%p if agenda %}")
    line(doc, "Subtitle", "Agenda")
    line(doc, "Meeting Details", "{{ meeting.when }}")
    tag(doc, "{%p if meeting.location %}")
    line(doc, "Meeting Details", "{{ meeting.location }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for note in meeting.notes %}")
    line(doc, "Clerk Note", "{{ note }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for item in items %}")
    line(doc, "Agenda Item", "{{ item.title }}")
    tag(doc, "{%p if item.note %}")
    line(doc, "Item Note", "{{ item.note }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if item.source %}")
    line(doc, "Item Source", "Source: {{ item.source }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    page_break(doc)
    tag(doc, "{%p endif %}")


def _cell(cell, text: str, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = "Table Text"
    if text:
        paragraph.add_run(text).bold = bold or None


def _shade(cell, colour: str) -> None:
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(fill)


def action_log(doc: DocxDocument) -> None:
    line(doc, "Heading 1", "Action log")
    line(doc, "Normal", "{{ log.summary }}")
    table = doc.add_table(rows=4, cols=len(COLUMNS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    header = table.rows[0]
    header_props = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # the column headings again on every page
    header_props.append(repeat)
    fields = ["{{ a.ref }}", "{{ a.text }}", "{{ a.owners }}", "{{ a.due }}", "{{ a.raised }}", "{{ a.last_update }}"]
    table.rows[2]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # an action is never cut by a page
    for index, (name, width) in enumerate(COLUMNS):
        table.columns[index].width = Cm(width)  # the grid, which LibreOffice follows
        for row in table.rows:
            row.cells[index].width = Cm(width)  # each cell, which Word follows
        _cell(header.cells[index], name, bold=True)
        _shade(header.cells[index], "E7E6E6")
        _cell(table.rows[1].cells[index], "{%tr for a in log.actions %}" if index == 0 else "")
        _cell(table.rows[2].cells[index], fields[index])
        _cell(table.rows[3].cells[index], "{%tr endfor %}" if index == 0 else "")
    tag(doc, "{%p if not log.actions %}")
    line(doc, "Normal", "No open actions are stored for this body.")
    tag(doc, "{%p endif %}")


def minutes(doc: DocxDocument) -> None:
    tag(doc, "{%p if minutes %}")
    page_break(doc)
    line(doc, "Heading 1", "Minutes of the previous meeting")
    line(doc, "Normal", "{{ minutes.heading }}")
    tag(doc, "{%p if notes %}")
    line(
        doc,
        "Item Source",
        "As read from {{ minutes.document }}: each item with its decisions and actions, not every word of the "
        "minutes. Check it against the signed minutes.",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for group in minutes.attendance %}")
    line(doc, "Normal", "{{ group.label }}: ", "{{ group.names }}", bold_first=True)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for item in minutes.entries %}")
    line(doc, "Heading 2", "{{ item.number }}", "\t", "{{ item.title }}")
    tag(doc, "{%p if item.summary %}")
    line(doc, "Minutes Text", "{{ item.summary }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for r in item.resolutions %}")
    line(doc, "Minutes Text", "RESOLVED: ", "{{ r }}", bold_first=True)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for a in item.actions %}")
    line(
        doc,
        "Minutes Text",
        "ACTION {{ a.ref }}: ",
        "{{ a.text }}{% if a.owners %} ({{ a.owners }}){% endif %}{% if a.due %}, due {{ a.due }}{% endif %}"
        "{% if a.status %}. {{ a.status }}{% endif %}",
        bold_first=True,
    )
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


def build() -> bytes:
    doc = Document()
    styles(doc)
    page(doc)
    tag(doc, "{%p if organisation %}")
    line(doc, "Organisation", "{{ organisation }}")
    tag(doc, "{%p endif %}")
    line(doc, "Title", "{{ body }}")
    agenda(doc)
    action_log(doc)
    minutes(doc)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = "Agenda pack", "minutes", "minutes"
    props.created = props.modified = FIXED
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return _reproducible(buffer.getvalue())


def _reproducible(data: bytes) -> bytes:
    """The same bytes every run: fixed timestamps on every zip entry."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


if __name__ == "__main__":
    OUT.write_bytes(build())
    print(f"wrote {OUT}")
