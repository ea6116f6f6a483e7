"""Ruled tables in real PDFs: rows a page break cuts in two are read as one row."""

from __future__ import annotations

from pathlib import Path

from minutes.extract import extract
from minutes.ingest import read

WIDTHS = (30, 110, 40)


def _minutes_table(path: Path) -> None:
    """An Item / Notes / Action table whose second item's title runs over onto page 2."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 8, "Minutes of the Board meeting held on 7 March 2022", new_x="LMARGIN", new_y="NEXT")

    def row(cells: tuple[str, str, str], height: float = 8, bold: bool = False) -> None:
        pdf.set_font("Helvetica", "B" if bold else "", 10)
        y = pdf.get_y()
        for width, text in zip(WIDTHS, cells):
            line_height = height / 2 if "\n" in text else height
            pdf.multi_cell(width, height, text, border=1, new_x="RIGHT", new_y="TOP", max_line_height=line_height)
        pdf.set_xy(pdf.l_margin, y + height)

    row(("Item", "Notes", "Action"), bold=True)
    row(("LW 47/22", "Welcome", ""))
    row(("LW 48/22", "To record those who are present, accept\napologies and sanction", ""), height=16)
    pdf.add_page()
    pdf.set_y(20)
    row(("", "absences where appropriate and welcome\nany visitors", "Clerk"), height=16)
    row(("LW 49/22", "Declaration of interests", ""))
    row(("LW 50/22", "Finance", ""))
    row(("LW 51/22", "Date of next meeting", ""))
    pdf.output(str(path))


def test_a_row_cut_by_the_page_break_is_one_row(tmp_path: Path) -> None:
    path = tmp_path / "split.pdf"
    _minutes_table(path)
    document = read(path)
    carried = [line for line in document.lines if line.page == 2 and line.text.startswith("absences")]
    first_half = next(line for line in document.lines if line.text.startswith("To record"))
    assert carried and carried[0].cell == first_half.cell
    (meeting,) = extract(document)
    assert [(i.number, i.title) for i in meeting.items][:3] == [
        ("LW 47/22", "Welcome"),
        (
            "LW 48/22",
            "To record those who are present, accept apologies and sanction absences where appropriate and "
            "welcome any visitors",
        ),
        ("LW 49/22", "Declaration of interests"),
    ]
    assert [a.owners for a in meeting.actions] == [["Clerk"]]
