"""Action registers: a paper that is an action log, each row's status at its right, in text and in a real PDF."""

from __future__ import annotations

from pathlib import Path

from minutes.extract import extract
from minutes.ingest import from_text, read

LOG = """Harbour Trust Action Log – 5 March 2024

All actions for next meeting unless otherwise stated

Secretary
Circulate minutes of the March meeting New

Hall – Lead AB/CD
Book the hall for the summer fete New
Repaint the hall doors Completed
Order new chairs for the hall Carried
forward

Website
Jane Ward to send the photographs for the gallery Ongoing
Move the website to a new host by 30 April Open
"""


def _actions(text: str):
    (meeting,) = extract(from_text(text))
    return meeting, [(a.text, a.owners, a.due) for a in meeting.actions]


def test_each_open_row_of_an_action_log_is_an_action_with_its_groups_lead() -> None:
    meeting, actions = _actions(LOG)
    assert actions == [
        ("Circulate minutes of the March meeting", ["Secretary"], "next meeting"),
        ("Book the hall for the summer fete", ["AB", "CD"], "next meeting"),
        ("Order new chairs for the hall", ["AB", "CD"], "next meeting"),
        ("Jane Ward to send the photographs for the gallery", ["Jane Ward"], "next meeting"),
        ("Move the website to a new host by 30 April", [], "2024-04-30"),
    ]
    assert [a.status for a in meeting.actions] == ["New", "New", "Carried forward", "Ongoing", "Open"]
    assert meeting.items == [], "the log's group headings are no items of business"
    assert (meeting.kind, meeting.date, meeting.body) == ("minutes", "2024-03-05", "Harbour Trust")


def test_a_paper_not_titled_as_a_log_is_read_as_minutes() -> None:
    text = LOG.replace("Action Log", "Committee Minutes")
    _, actions = _actions(text)
    assert ("Book the hall for the summer fete", ["AB", "CD"], "next meeting") not in actions


def test_a_pdf_log_with_statuses_level_with_a_wrapped_rows_first_line(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=11)
    pdf.text(180, 50, "Data Group Action Log - 14 May 2024")
    y = 90.0
    rows = [
        ("Transport Data - Lead JS", None, None),
        ("Survey bus operators on the open timetable", "data they already publish", "Carried/forward"),
        ("Meet the county council about road works data", None, "New"),
        ("Publicity", None, None),
        ("Draft the newsletter piece on the open data", "portal and its first month", "Ongoing"),
        ("Send the launch press release", None, "Completed"),
    ]
    for first, second, status in rows:
        pdf.set_font("Helvetica", style="" if status else "B", size=10)
        if status is None:
            y += 8
            pdf.text(50, y, first)
            y += 14
            continue
        pdf.text(50, y, first)
        if second:
            pdf.text(50, y + 13, second)
        for k, word in enumerate(status.split("/")):  # the status cell, written after the task's
            pdf.text(430, y + 13 * k, word)
        y += 13 * max(2 if second else 1, len(status.split("/"))) + 6
    pdf.output(str(tmp_path / "log.pdf"))
    (meeting,) = extract(read(tmp_path / "log.pdf"))
    assert [(a.text, a.owners, a.status) for a in meeting.actions] == [
        ("Survey bus operators on the open timetable data they already publish", ["JS"], "Carried forward"),
        ("Meet the county council about road works data", ["JS"], "New"),
        ("Draft the newsletter piece on the open data portal and its first month", [], "Ongoing"),
    ]
    assert meeting.items == []


def test_minutes_with_an_action_tracker_item_and_motions_carried_stay_minutes() -> None:
    text = (
        "Minutes of the Millbrook Village Hall Committee held on 5 March 2024\n\nPresent: Ann Lee, Tom Brown\n\n"
        "1. Action tracker\nThe tracker was reviewed.\n"
        "2. Fete\nA motion to hold the fete on 6 July was proposed by Ann Lee and Carried\n"
        "3. Hire charges\nA motion to keep the hire charges as they are was Carried\n"
        "4. Bar\nA motion to apply for a licence for the bar was Carried\n"
        "5. Bouncy castle\nTom Brown to book the bouncy castle.\n"
    )
    meeting, actions = _actions(text)
    assert [i.number for i in meeting.items] == ["1", "2", "3", "4", "5"]
    assert actions == [("Tom Brown to book the bouncy castle.", ["Tom Brown"], None)]


def test_a_deadline_column_a_wrapped_row_and_statuses_of_work_stopped() -> None:
    log = (
        "Riverside Allotments Action Log – 9 April 2024\n\n"
        "Water – Lead JK\n"
        "Fix the water trough on plot 12 and check the pipes that feed New\n"
        "the troughs on the lower plots before the summer\n"
        "Publish the annual plot report by 30 June 2024 New\n"
        "Review the lease with the council Mar-2025 On track\n"
        "Replace the gate lock Withdrawn\n"
        "Events – Fete\n"
        "Book a stall for the summer fete Ongoing\n"
    )
    _, actions = _actions(log)
    assert actions == [
        ("Fix the water trough on plot 12 and check the pipes that feed the troughs on the lower plots before the "
         "summer", ["JK"], None),
        ("Publish the annual plot report by 30 June 2024", ["JK"], "2024-06-30"),
        ("Review the lease with the council", ["JK"], "Mar 2025"),
        ("Book a stall for the summer fete", [], None),  # 'Fete' is no one's initials
    ]  # fmt: skip
