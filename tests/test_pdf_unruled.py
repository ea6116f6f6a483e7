"""Tables a PDF prints without rules, found from the row of column labels over them, in real files."""

from __future__ import annotations

from pathlib import Path

from minutes.extract import extract
from minutes.ingest import read


def _pdf(heading: str):
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.text(50, 60, heading)
    return pdf


def _action_table(pdf, top: float, tasks: list[list[str]], owners: list[str], due: list[str]) -> float:
    """Tasks as paragraphs of one cell, owners as lines of the next, set apart as Word sets a borderless
    table whose cells hold several paragraphs: the names do not sit level with their tasks."""
    for x, label in ((50, "Action items"), (300, "Person responsible"), (450, "Deadline")):
        pdf.text(x, top, label)
    y = top + 24
    for task in tasks:
        for line in task:
            pdf.text(68, y, line)
            y += 13
        y += 11  # the space after each paragraph
    for k, name in enumerate(owners):
        pdf.text(300, top + 19 + 15 * k, name)
    for k, text in enumerate(due):
        pdf.text(450, top + 19 + 15 * k, text)
    return y


def test_owners_printed_apart_from_their_tasks_go_with_them_in_order(tmp_path: Path) -> None:
    pdf = _pdf("Minutes of the Parent Council meeting held on 26 November 2025")
    pdf.text(50, 90, "Present: Dora Green (chair), Sam Fisher, Helen Brown")
    pdf.text(50, 120, "1. School photos")
    pdf.text(50, 140, "A poll of parents was discussed.")
    tasks = [
        ["Send a poll to parents about school photos."],
        ["Ask the photographer for a price list and", "share it with the committee."],
        ["Book the hall for the fair"],
    ]
    end = _action_table(pdf, 170, tasks, ["Helen", "Sam", "Dora"], ["Enter deadline here"])
    pdf.text(50, end + 40, "2. Date of next meeting")
    pdf.text(50, end + 60, "The next meeting will be held on 14 January 2026 in the school hall at 7pm.")
    pdf.output(str(tmp_path / "minutes.pdf"))
    document = read(tmp_path / "minutes.pdf")
    assert {line.text for line in document.lines if line.cell and line.cell[1] == 0} == {
        "Action items",
        "Person responsible",
        "Deadline",
    }
    (meeting,) = extract(document)
    assert [(a.text, a.owners, a.due) for a in meeting.actions] == [
        ("Send a poll to parents about school photos.", ["Helen"], None),  # the prompt is no deadline
        ("Ask the photographer for a price list and share it with the committee.", ["Sam"], None),
        ("Book the hall for the fair", ["Dora"], None),
    ]
    assert [i.title for i in meeting.items] == ["School photos", "Date of next meeting"]


def test_a_line_running_across_the_columns_ends_the_table(tmp_path: Path) -> None:
    pdf = _pdf("Minutes of the Parent Council meeting held on 26 November 2025")
    pdf.text(50, 90, "Present: Dora Green (chair), Sam Fisher, Helen Brown")
    _action_table(pdf, 120, [["Send a poll to parents."]], ["Helen"], [])
    pdf.text(50, 160, "The head teacher thanked the parents who had helped with the fair and the disco this term.")
    pdf.output(str(tmp_path / "minutes.pdf"))
    document = read(tmp_path / "minutes.pdf")
    prose = next(line for line in document.lines if line.text.startswith("The head teacher"))
    assert prose.cell is None and prose.text.endswith("this term.")
    assert [(a.text, a.owners) for a in extract(document)[0].actions] == [("Send a poll to parents.", ["Helen"])]


def test_a_lead_column_names_each_agenda_items_presenters(tmp_path: Path) -> None:
    pdf = _pdf("AGENDA for the Residents Association meeting, 23 January 2024, 7pm")
    pdf.text(100, 110, "Agenda Item:")
    pdf.text(380, 110, "Lead:")
    rows = [("1", "Members present", "Helen"), ("2", "Finance", "Roger"), ("3", "Village priorities", "Lorraine/Rosie")]
    for k, (number, title, lead) in enumerate(rows):
        y = 124 + 13.4 * k
        pdf.text(78, y, number)
        pdf.text(100, y, title)
        pdf.text(380, y, lead)
    pdf.output(str(tmp_path / "agenda.pdf"))
    (meeting,) = extract(read(tmp_path / "agenda.pdf"))
    assert [(i.number, i.title, i.presenters) for i in meeting.items] == [
        ("1", "Members present", ["Helen"]),
        ("2", "Finance", ["Roger"]),
        ("3", "Village priorities", ["Lorraine", "Rosie"]),
    ]


def test_column_labels_in_a_sentence_are_no_table(tmp_path: Path) -> None:
    pdf = _pdf("Minutes of the Parent Council meeting held on 26 November 2025")
    pdf.text(50, 90, "Action items owner")  # the words of a header row, but set as one phrase
    pdf.text(50, 104, "Sam will book the hall.")
    pdf.output(str(tmp_path / "minutes.pdf"))
    document = read(tmp_path / "minutes.pdf")
    assert all(line.cell is None and not line.leader for line in document.lines)


def test_a_short_line_set_apart_by_space_heads_the_notes_under_it(tmp_path: Path) -> None:
    """A word processor's export with no bold and no numbers: topics are set off only by the space above."""
    pdf = _pdf("Minutes of the Parent Council meeting held on 26 November 2025")
    y = 90.0
    for topic in ("School Photos", "Outdoor Classroom", "Helen Brown"):
        y += 24  # space above the topic
        pdf.text(50, y, topic)
        for n in range(3):
            y += 13
            pdf.text(50, y, f"Parents raised point {n} about {topic.lower()} and a long discussion followed on it.")
    pdf.output(str(tmp_path / "minutes.pdf"))
    document = read(tmp_path / "minutes.pdf")
    assert [line.text for line in document.lines if line.gap] == ["School Photos", "Outdoor Classroom", "Helen Brown"]
    (meeting,) = extract(document)
    assert [i.title for i in meeting.items] == ["School Photos", "Outdoor Classroom"]  # a person's name is no topic


def _rows_table(pdf, top: float, rows: list[tuple[str, str, str]], labels=("Action", "Owner", "Due")) -> None:
    """A borderless table whose rows sit level, one line each, 14pt apart."""
    for x, label in zip((50, 300, 450), labels, strict=True):
        pdf.text(x, top, label)
    for k, row in enumerate(rows):
        for x, text in zip((50, 300, 450), row, strict=True):
            if text:
                pdf.text(x, top + 16 + 14 * k, text)


_HEAD = "Minutes of the Parent Council meeting held on 26 November 2025"
_PRESENT = "Present: Dora Green (chair), Sam Fisher, Helen Brown"


def test_rows_set_level_and_single_spaced_are_one_action_each_with_their_dates(tmp_path: Path) -> None:
    pdf = _pdf(_HEAD)
    pdf.text(50, 90, _PRESENT)
    rows = [
        ("Book the hall", "Helen", "1 May 2026"),
        ("Paint the fence", "Sam", "12/06/2026"),
        ("Mend the gate", "Dora", ""),
    ]
    _rows_table(pdf, 120, rows)
    pdf.text(
        50, 190, "It was noted that the car park is often full at pick up time and that this is a risk to children."
    )
    pdf.output(str(tmp_path / "minutes.pdf"))
    (meeting,) = extract(read(tmp_path / "minutes.pdf"))
    assert [(a.text, a.owners, a.due) for a in meeting.actions] == [
        ("Book the hall", ["Helen"], "2026-05-01"),
        ("Paint the fence", ["Sam"], "2026-06-12"),
        ("Mend the gate", ["Dora"], None),
    ]


def test_an_empty_due_column_takes_nothing_from_the_owners_beside_it(tmp_path: Path) -> None:
    pdf = _pdf(_HEAD)
    pdf.text(50, 90, _PRESENT)
    _rows_table(pdf, 120, [("Book the hall", "Helen", ""), ("Paint the fence", "Sam", "")])
    pdf.output(str(tmp_path / "minutes.pdf"))
    (meeting,) = extract(read(tmp_path / "minutes.pdf"))
    assert [(a.owners, a.due) for a in meeting.actions] == [(["Helen"], None), (["Sam"], None)]


def test_a_table_whose_rows_print_no_task_is_left_as_lines(tmp_path: Path) -> None:
    pdf = _pdf(_HEAD)
    pdf.text(50, 90, _PRESENT)
    _rows_table(pdf, 120, [("", "", "Enter deadline here")])  # a template's empty row
    pdf.output(str(tmp_path / "minutes.pdf"))
    document = read(tmp_path / "minutes.pdf")
    assert all(line.cell is None for line in document.lines)


def test_a_status_column_beside_agenda_items_names_no_presenters(tmp_path: Path) -> None:
    pdf = _pdf("AGENDA for the Residents Association meeting, 23 January 2024, 7pm")
    pdf.text(100, 110, "Item")
    pdf.text(380, 110, "Status")
    for k, (title, status) in enumerate([("1 Finance", "Deferred"), ("2 Newsletter", "Noted")]):
        pdf.text(100, 124 + 13.4 * k, title)
        pdf.text(380, 124 + 13.4 * k, status)
    pdf.output(str(tmp_path / "agenda.pdf"))
    document = read(tmp_path / "agenda.pdf")
    assert not any(line.leader for line in document.lines)


def test_run_in_topics_under_a_heading_set_in_larger_type_are_items(tmp_path: Path) -> None:
    pdf = _pdf("Minutes of the Ranch Board meeting held on 27 February 2025")
    y = 80.0
    body = [
        ("Treasurer's Report", 16),
        ("Fall - two sections of the trail were closed.", 10),
        ("The accounts were accepted without objection.", 10),
        ("The following were paid:", 10),
        ("Insurance - 300 pounds", 10),
        ("Printing - 45 pounds", 10),
        ("Postage - 12 pounds", 10),
        ("Room hire - 80 pounds", 10),
        ("Committee Reports", 16),
        ("Roads - The roads were ploughed twice.", 10),
        ("Lake - No report", 10),
        ("Dam - The engineer will inspect the spillway.", 10),
        ("Horses - No report", 10),
        ("Adjournment", 16),
        ("The meeting closed at 6pm.", 10),
    ]
    for text, size in body:
        y += size * 1.6
        pdf.set_font("Helvetica", size=size)
        pdf.text(50, y, text)
    pdf.output(str(tmp_path / "minutes.pdf"))
    (meeting,) = extract(read(tmp_path / "minutes.pdf"))
    assert [i.title for i in meeting.items] == [
        "Treasurer's Report",  # its one dash ('Fall - ...') is a note, its list of sums after a colon the same
        "Committee Reports",
        "Roads",
        "Lake",
        "Dam",
        "Horses",
        "Adjournment",
    ]
