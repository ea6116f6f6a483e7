"""PDF layout in real files: table rows a page break cuts in two, numbers in an item column, runs of weight."""

from __future__ import annotations

from pathlib import Path

from minutes.extract import extract
from minutes.ingest import read

WIDTHS = (30, 110, 40)


def _page_of_minutes(heading: str):
    """A new A4 PDF whose first page opens with the minutes' heading; the caller lays out the rest."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
    return pdf


def _minutes_table(path: Path) -> None:
    """An Item / Notes / Action table whose second item's title runs over onto page 2."""
    pdf = _page_of_minutes("Minutes of the Board meeting held on 7 March 2022")

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


def _decisions_table(path: Path) -> None:
    """Numbers in an item column; an item's cell holds its own numbered decisions and a bold sub-heading."""
    pdf = _page_of_minutes("Minutes of the Board meeting held on 31 March 2016")
    rows = [
        ("", ["", ""], "Action"),
        ("1.", ["**Declarations of Interest**", "There were none."], ""),
        (
            "2.",
            [
                "**Decisions**",
                "**1. Finance Regulations**",
                "The Board were in agreement and this policy was adopted.",
                "**2. Environmental Policy**",
                "The Board were in agreement and the policy was adopted.",
            ],
            "",
        ),
        ("3.", ["**Update from Committees**", "**Finance and Audit**", "The Chair updated the Board."], "JP"),
        ("4.", ["**Date of next meeting**", "26 May 2016."], ""),
    ]
    for number, lines, action in rows:
        height = 6 * len(lines)
        x, y = pdf.l_margin, pdf.get_y()
        pdf.set_font("Helvetica", "B", 10)
        pdf.rect(x, y, 20, height)
        pdf.set_xy(x, y)
        pdf.cell(20, 6, number)
        pdf.rect(x + 20, y, 130, height)
        for k, text in enumerate(lines):
            pdf.set_xy(x + 20, y + 6 * k)
            pdf.set_font("Helvetica", "B" if text.startswith("**") else "", 10)
            pdf.cell(130, 6, text.strip("*"))
        pdf.rect(x + 150, y, 30, height)
        pdf.set_xy(x + 150, y)
        pdf.set_font("Helvetica", "B" if number == "" else "", 10)
        pdf.cell(30, 6, action)
        pdf.set_xy(x, y + height)
    pdf.output(str(path))


def test_numbers_in_the_item_column_and_decisions_inside_a_cell(tmp_path: Path) -> None:
    path = tmp_path / "decisions.pdf"
    _decisions_table(path)
    (meeting,) = extract(read(path))
    assert [(i.number, i.title, i.parent) for i in meeting.items] == [
        ("1", "Declarations of Interest", None),
        ("2", "Decisions", None),
        ("1", "Finance Regulations", "2"),
        ("2", "Environmental Policy", "2"),
        ("3", "Update from Committees", None),
        ("4", "Date of next meeting", None),
    ]


def test_a_sentence_that_runs_on_in_bold_is_one_sentence(tmp_path: Path) -> None:
    pdf = _page_of_minutes("Minutes of the Board meeting held on 23 May 2022")
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 8, "1. Governors", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(
        0,
        6,
        "Helen Murdoch was introduced as a potential Governor and her Bio had been circulated to",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.cell(
        0,
        6,
        "Governors in advance of the meeting. She was appointed as a Parent Governor into an",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 6, "existing vacancy.", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 8, "2. Finance", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 6, "The budget was noted.", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "bold.pdf"
    pdf.output(str(path))
    (meeting,) = extract(read(path))
    assert [r.text for r in meeting.resolutions] == ["She was appointed as a Parent Governor into an existing vacancy."]


def test_headings_set_in_larger_type_are_the_items_of_an_unnumbered_pdf(tmp_path: Path) -> None:
    """A word processor's export keeps headings only as type size: 'Updates' at 18pt over 11pt notes."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    body = [("Minutes of the Council meeting held on 9 April 2021", 11), ("Present: Ann Lee, Bob Diaz, Cy Young", 11)]
    for topic, notes in (
        ("Lane College", "Lost one lecturer to retirement"),
        ("Western University", "Numbers are up this spring"),
        ("Oregon Tech", "It was agreed to share the course outline"),
    ):
        body += [(topic, 18), (notes, 11), ("Enrolment is steady and staff are settled", 11)]
    for text, size in body:
        pdf.set_font("Helvetica", size=size)
        pdf.cell(0, size * 0.6, text, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "sized.pdf"
    pdf.output(str(path))
    document = read(path)
    assert [line.text for line in document.lines if line.heading] == [
        "Lane College",
        "Western University",
        "Oregon Tech",
    ]
    (meeting,) = extract(document)
    assert [i.title for i in meeting.items] == ["Lane College", "Western University", "Oregon Tech"]


def _agenda_table(pdf, rows: list[tuple[str, str, str]]) -> None:
    """An 'Item | Agenda item | Lead' table ruled on every side, numbered 1, 2, 3 down its first column."""
    for number, title, lead in [("Item", "Agenda item", "Lead"), *rows]:
        x, y = pdf.l_margin, pdf.get_y()
        for width, text in zip(WIDTHS, (number, title, lead)):
            pdf.rect(x, y, width, 8)
            pdf.set_xy(x, y)
            pdf.cell(width, 8, text)
            x += width
        pdf.set_xy(pdf.l_margin, y + 8)


ROWS = [("1", "Members present", "Helen"), ("2", "Apologies received", "Helen"), ("3", "Neighbourhood Watch", "Nick")]


def test_bare_numbers_in_a_ruled_tables_first_column_number_an_agendas_items(tmp_path: Path) -> None:
    pdf = _page_of_minutes("AGENDA for the AGM of the Residents Association, 25 September 2024, 7pm")
    _agenda_table(pdf, ROWS)
    pdf.set_font("Helvetica", size=9)
    pdf.set_xy(pdf.l_margin, 280)
    pdf.cell(0, 6, "2")  # the page number at the foot: furniture, not an item
    pdf.output(str(tmp_path / "agenda.pdf"))
    (meeting,) = extract(read(tmp_path / "agenda.pdf"))
    assert [(i.number, i.title) for i in meeting.items] == [(n, t) for n, t, _ in ROWS]


def test_minutes_that_open_with_their_agenda_table_take_their_own_headings(tmp_path: Path) -> None:
    pdf = _page_of_minutes("Minutes of the Residents Association meeting held on 25 September 2024")
    _agenda_table(pdf, ROWS)
    for title, text in [
        ("Chair's welcome", "Helen welcomed everyone to the meeting."),
        ("Finance", "The treasurer reported a balance of 400 pounds."),
        ("Village events", "The Halloween walk is on 31 October."),
        ("Date of next meeting", "The next meeting is on 7 November 2024."),
    ]:
        pdf.ln(4)
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(0, 6, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        pdf.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "minutes.pdf"))
    (meeting,) = extract(read(tmp_path / "minutes.pdf"))
    assert [(i.number, i.title) for i in meeting.items] == [
        (None, "Chair's welcome"),
        (None, "Finance"),
        (None, "Village events"),
        (None, "Date of next meeting"),
    ]


def test_a_line_broken_where_the_next_word_would_not_fit_goes_on_below(tmp_path: Path) -> None:
    """'... or Other' stops 30pt short of the margin, but 'Significant' is wider than that: the margin broke it.
    Where the next word would have fitted ('Agenda'), the writer ended the line."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="pt")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.text(50, 60, "Minutes of the Parish Council meeting held on 9 January 2025 in the Village Hall at 7pm")
    lines = [
        "Members considered the declarations of Disclosable Pecuniary Interests or Other",
        "Significant Interests in items on the agenda and none were made at this meeting.",
        "Members considered the report of the Hall Committee on its Booking",
        "Agenda Forward Plan and its revised charges for the coming year.",
    ]
    for k, text in enumerate(lines):
        pdf.text(50, 90 + 13 * k, text)
    pdf.output(str(tmp_path / "broken.pdf"))
    document = read(tmp_path / "broken.pdf")
    wrapped = {line.text.split()[-1]: line.wrapped for line in document.lines}
    assert wrapped["Other"] and not wrapped["Booking"]


def _outdented_minutes(path: Path) -> None:
    """Headings at the margin over paragraphs indented beneath them, in the body's type, weight and spacing."""
    pdf = _page_of_minutes("Residents' Association - Annual General Meeting - 9 May 2024")
    body = [
        ("Welcome by the Chair", "The Chair opened the meeting and welcomed the forty residents who came along."),
        ("Resignation of the current committee", "The committee stood down as the constitution requires at each AGM"),
        ("Election of the new committee", "The members present re-elected the committee for another year, unopposed."),
        ("The association going forward", "A resident asked about the state of the footpaths near the shops."),
    ]
    pdf.set_x(32)
    pdf.cell(0, 6, "Present: Ann Lee (Chair), Bob Diaz (Treasurer), Cy Tran", new_x="LMARGIN", new_y="NEXT")
    for heading, words in body:
        pdf.set_x(20)
        pdf.cell(0, 6, heading, new_x="LMARGIN", new_y="NEXT")
        for line in (words, "and so it was noted."):  # a paragraph's last line stops short of the margin
            pdf.set_x(32)
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def test_short_lines_set_out_left_of_an_indented_body_are_its_headings(tmp_path: Path) -> None:
    path = tmp_path / "outdented.pdf"
    _outdented_minutes(path)
    (meeting,) = extract(read(path))
    assert [i.title for i in meeting.items] == [
        "Welcome by the Chair",
        "Resignation of the current committee",
        "Election of the new committee",
        "The association going forward",
    ]


def test_a_list_running_on_or_a_label_is_not_taken_for_an_outdented_heading() -> None:
    from minutes.ingest.model import Line
    from minutes.ingest.pdf import outdented

    body = "The members present discussed the matter at length and agreed the way forward."
    lines = [
        Line("Present: Ann Lee, Bob Diaz, Cy Tran and"),
        Line("Dee Fox"),  # the list goes on at the margin
        Line("Apologies: Eve Hall"),  # a label over its names
        *[Line(body) for _ in range(4)],
        Line("Any other business"),
    ]
    lefts = [72.0, 72.0, 72.0, 93.0, 93.0, 93.0, 93.0, 72.0]
    assert outdented(lines, lefts) == [False] * 7 + [True]
    lines[-1] = Line("Annual General Meeting of the", wrapped=True)  # a title the margin broke: 'Chess Club' below
    assert outdented(lines, lefts)[-1] is False
