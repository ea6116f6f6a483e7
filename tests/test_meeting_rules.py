"""Meetings found from evidence of any kind: the dates real papers print, titles without the word
"minutes", and minutes told from agendas by what they hold rather than by one word of the title."""

from __future__ import annotations

from datetime import date

import pytest

from minutes.extract import extract
from minutes.extract.blocks import Block, paragraphs
from minutes.extract.dates import find_dates
from minutes.extract.items import find_items, heading_number
from minutes.extract.names import looks_like_name
from minutes.extract.segment import segments, title_kind
from minutes.ingest import from_text, read
from minutes.ingest.model import Line


def _one_block(text: str) -> Block:
    (block,) = paragraphs(from_text(text).lines)
    return block


def _blocks_of(lines: list[Line]) -> list[Block]:
    """Blocks of hand-made lines (their numbering markup set), indexed as a reader would."""
    for n, line in enumerate(lines):
        line.index = n
    return paragraphs(lines)


_HEAD_PC = "Minutes of the Parish Council meeting held on 5 March 2024\n\nPresent: Jane Smith, Tom Brown\n\n"


@pytest.mark.parametrize(
    "text, day",
    [
        ("# RSC Meeting 2021-10-16", date(2021, 10, 16)),  # ISO, as wiki and Markdown minutes title themselves
        ("date: 2025-10-01T17:36:51.491Z", date(2025, 10, 1)),  # a front-matter timestamp
        ("Trustees Meeting 09:00 15-Feb-2020", date(2020, 2, 15)),
        ("HELD ON 8TH MARCH 2017 AT 20.00", date(2017, 3, 8)),
        ("MONDAY 6 TH NOVEMBER 2023 AT 19:00 HRS", date(2023, 11, 6)),
        ("2019/04/06", date(2019, 4, 6)),
    ],
)
def test_dates_in_the_forms_real_papers_print(text: str, day: date) -> None:
    assert [d for d, _ in find_dates(text)] == [day]


@pytest.mark.parametrize("text", ["ref 2021-13-45", "BM 133/2021", "18.07.1", "2021-10-16-17", "12/03/2023/4"])
def test_what_is_not_a_date(text: str) -> None:
    assert find_dates(text) == []


def test_a_title_naming_a_meeting_and_its_date_starts_minutes_without_the_word() -> None:
    (found,) = extract(
        from_text(
            "Trustees Meeting 09:00 15-Feb-2020\n\nPresent\n\n- Owen Campbell\n- Vincent Knight\n\n"
            "Decisions\n\n- It was agreed that the award policy be changed.\n- The board voted to open an account.\n"
        )
    )
    assert (found.kind, found.date) == ("minutes", "2020-02-15")


def test_the_next_meeting_and_an_earlier_one_named_in_a_line_are_not_titles() -> None:
    found = extract(
        from_text(
            "Minutes of the Parish Council held on 5 March 2024\n\nPresent: Jane Smith, Tom Brown\n\n"
            "1. Apologies\nNone.\n2. Finance\nIt was agreed to pay the invoice.\n\n"
            "Action List from Meeting 14-02-2024\nJS - book the hall\n\n"
            "Date of next meeting 2 April 2024\n"
        )
    )
    assert [(m.kind, m.date) for m in found] == [("minutes", "2024-03-05")]


def test_a_paper_titled_agenda_that_records_the_meeting_is_minutes() -> None:
    (found,) = extract(
        from_text(
            "Agenda\n\nDate: 13 May 2014\n\nAttendees: Heather Savory, Tom Smith, Ann Lee\n\n"
            "1. Welcome\nThe chair welcomed members. The minutes were approved.\n"
            "2. Data strategy\nMembers discussed the strategy and it was agreed that TS would draft a response.\n"
        )
    )
    assert found.kind == "minutes"


def test_an_agenda_template_filled_in_as_the_record_is_minutes() -> None:
    """A group's agenda file written over with what happened: its roll is a table headed by the group's name."""
    (found,) = extract(
        from_text(
            "Open Data User Group - Agenda\n\n19th June 2014, 14:00 – 17:00\n\nChair’s welcome\n\n"
            "The Chair welcomed everyone to the 25th meeting of the group.\n\nChair Update\n\n"
            "The Chair gave an overview of the three project proposals. The Chair formally thanked the group.\n\n"
            "ODUG Attendees\tOfficials\nHeather Savory (Chair) (HS)\tSam Roberts (SR)\nBob Barr (BB)\tKay Kato (KK)\n"
        )
    )
    assert found.kind == "minutes"


@pytest.mark.parametrize(
    "head",
    [
        "AGENDA for WVTRA Open/Committee meeting    Date: 23/01/2024\n",
        "Agenda for the Annual General Meeting of the Chess Club\nTo be held on Thursday, 4th September 2025\n",
        "Members of the Council are hereby summoned to attend a Meeting to be held on Wednesday 9th January 2019.\n",
    ],
)
def test_business_still_to_come_is_an_agenda_whatever_the_title_says(head: str) -> None:
    found = extract(from_text(head + "\n1. Members present\n2. Apologies received\n3. To receive the accounts\n"))
    assert [m.kind for m in found] == ["agenda"]


def test_an_agenda_that_lists_its_invited_attendees_stays_an_agenda() -> None:
    found = extract(
        from_text(
            "Agenda\n\nInvited attendees: Ann Lee, Bob Day, Carol Eve\n\n1. Apologies\n"
            "2. Update on the grant that was given in May\n3. To receive the accounts\n"
        )
    )
    assert [m.kind for m in found] == ["agenda"]


def test_a_long_sentence_opening_to_receive_does_not_make_minutes_an_agenda() -> None:
    (found,) = extract(
        from_text(
            "Parent Advisory Council AGM\n\n1. Budget report\nThe treasurer presented the final profit and loss. "
            "The meeting was called to order at 7:30.\n\n2. Donations\nTo receive a receipt for tax purposes for "
            "donations of more than $25 please submit your name and address to the treasurer, who will send one "
            "out before the end of the year.\n"
        )
    )
    assert found.kind == "minutes"


def test_a_next_meeting_that_will_be_held_does_not_make_minutes_an_agenda() -> None:
    (found,) = extract(
        from_text(
            "Minutes of the Board meeting, 12 March 2024\n\nPresent: Ann Nair, Bob Lee\n\n"
            "1. Reports\nMs Nair reported on the season.\n\nThe next meeting will be held on 9 April 2024.\n"
        )
    )
    assert found.kind == "minutes"


# --- attendance ------------------------------------------------------------------------------------------


def _people(text: str) -> dict[str, str]:
    (found,) = [m for m in extract(from_text(text)) if m.kind == "minutes"]
    return {a.name: a.status for a in found.attendees}


def test_a_full_council_roll_of_more_than_sixty_words_is_read_whole() -> None:
    surnames = [
        "Baker",
        "Baldock",
        "Bartlett",
        "Bell",
        "Binks",
        "Bond",
        "Booth",
        "Brady",
        "Brazier",
        "Broadley",
        "Bruneau",
        "Cannon",
        "Carter",
        "Chandler",
        "Chard",
        "Cole",
        "Cooke",
        "Dance",
        "Dean",
        "Dendor",
        "Gough",
        "Hamilton",
        "Hawkins",
        "Hill",
        "Hills",
        "Hohler",
        "Holden",
        "Hood",
        "Hook",
        "Hudson",
        "Jeffrey",
        "Kite",
    ]
    roll = ", ".join(f"Mr {chr(65 + i % 26)} {surname}" for i, surname in enumerate(surnames))
    found = _people(
        f"MINUTES of a meeting of the County Council held on 9 January 2025.\nPRESENT: {roll}\n\n1. Chair\n"
    )
    assert len(found) == 32 and all(status == "present" for status in found.values())


def test_a_task_list_of_members_ticked_present_and_unticked_absent() -> None:
    found = _people(
        "# TAC Meeting - March 13, 2019\n\n## Voting member attendance\n\n"
        "* [x] Daniel Heckenberg - Chairperson, Animal Logic\n* [ ] Gordon Bradley, Autodesk\n"
        "* [x] Bill Ballew, DreamWorks Animation\n\n## Agenda\n\n* It was agreed to hold a vote.\n"
    )
    assert found == {"Daniel Heckenberg": "present", "Gordon Bradley": "absent", "Bill Ballew": "present"}


def test_an_unlabelled_line_of_names_with_initials_at_the_head_is_the_attendance() -> None:
    found = _people(
        "# September 19, 2013 Meeting Notes\n\nJohn Neumann (JN), Dave Herman (DH), Alex Russell (AR), "
        "Erik Arvidsson (EA), Luke Hoban (LH)\n\n## Agenda\n\nIt was agreed to revisit the proposal.\n"
    )
    assert set(found) == {"John Neumann", "Dave Herman", "Alex Russell", "Erik Arvidsson", "Luke Hoban"}


def test_a_labelled_heading_such_as_maintainer_attendees_opens_a_list() -> None:
    found = _people(
        "Maintainer Meeting Minutes\n\nMeeting Date: March 21, 2025\n\nMaintainer Attendees:\n\n"
        "Derek Collison, Byron Ruth, Phil Pennock\n\nNot Present: Oleg Shaldybin, Paulo Pires\n\n"
        "1. Topics\nThe maintainers voted to leave.\n"
    )
    assert found == {
        "Derek Collison": "present",
        "Byron Ruth": "present",
        "Phil Pennock": "present",
        "Oleg Shaldybin": "absent",
        "Paulo Pires": "absent",
    }


# --- quotations ------------------------------------------------------------------------------------------


def test_a_decision_or_action_quoted_from_another_paper_is_neither() -> None:
    (found,) = extract(
        from_text(
            "Minutes of the Residents' Forum held on 5 March 2024\n\nPresent: Jane Smith, Tom Brown\n\n"
            '1. Correspondence\nThe chair read a letter ending "It was unanimously agreed that the council will '
            'resurface the lane" and a note "Action: All to read the minutes".\n'
            "2. Finance\nIt was agreed that the treasurer would pay the hall invoice.\n"
        )
    )
    assert [r.text for r in found.resolutions] == ["It was agreed that the treasurer would pay the hall invoice."]
    assert all("resurface" not in a.text and "read the minutes" not in a.text for a in found.actions)


def test_a_date_broken_over_two_lines_of_the_heading_dates_the_meeting() -> None:
    (found,) = extract(
        from_text(
            "MINUTES OF THE MEETING OF\nTHE COMMUNITY COUNCIL\nHELD IN THE BURGH CHAMBERS ON MONDAY 6TH\n"
            "NOVEMBER 2023 AT 19:00 HRS\nPresent: Mrs S Walker, Mr J Kinnear\n\n1. Apologies\nNone.\n"
        )
    )
    assert found.date == "2023-11-06"


def test_the_day_a_summons_says_the_meeting_is_held_beats_the_clerks_date_above_it() -> None:
    (found,) = extract(
        from_text(
            "Members of the Council are hereby summoned to attend a Meeting to be held at the School on "
            "Wednesday 9th January 2019 at 1900.\nSigned on original\nAmanda Glew – Clerk Date: 3rd January 2019\n\n"
            "1. APOLOGIES FOR ABSENCE\n2. PLANNING\n"
        )
    )
    assert (found.kind, found.date) == ("agenda", "2019-01-09")


@pytest.mark.parametrize(
    ("path", "day"),
    [
        ("news/_posts/2017-04-04-Directors-Meeting.md", "2017-04-04"),
        ("council/minutes/2018/minutes-20181212.pdf", "2018-12-12"),
        ("2018_01_18_Committee_Minutes.pdf", "2018-01-18"),
        ("Agenda frontsheet 13th-Mar-2025 15.00 Cabinet.pdf", "2025-03-13"),
        ("Board minutes (FINAL) 02 03 2011.pdf", "2011-03-02"),
        ("minutes.md", None),
        ("minutes 2019-02-30.md", None),  # no such day
        ("actions 2020-01-02 to 2020-02-03.md", None),  # two dates: which is the meeting's?
        ("minutes v1.2.3 12345678.md", None),
    ],
)
def test_a_paper_that_prints_no_date_is_dated_by_its_files_name(path: str, day: str | None) -> None:
    text = (
        "Directors' Meeting Minutes\n\nMembers present: Brett Pharo, John Anderson\n\n"
        "A. Approval of the agenda\nB. Website\n"
    )
    (found,) = extract(from_text(text, path=path))
    assert (found.date, found.dated_by_name) == (day, day is not None)


def test_a_printed_date_beats_the_files_name() -> None:
    text = "Minutes of the meeting held on 5 May 2021\nPresent: Brett Pharo, John Anderson\n\n1. Apologies\n"
    (found,) = extract(from_text(text, path="uploads/2021-06-01-minutes.txt"))
    assert found.date == "2021-05-05"


def test_the_business_that_opens_an_unnumbered_meeting_is_an_item_though_it_stands_over_the_roll() -> None:
    agenda = (
        "LAKESIDE TOWNSHIP BOARD OF TRUSTEES MEETING\nAGENDA\nMarch 31, 2025, 7PM\n\nCALL TO ORDER:\n\n"
        "ROLL CALL:\n\nPLEDGE OF ALLEGIANCE:\n\nAPPROVAL OF MINUTES:\n\nREPORTS:\n\nNEW BUSINESS:\n\nADJOURNMENT:\n"
    )
    (found,) = extract(from_text(agenda))
    assert [i.title for i in found.items[:4]] == [
        "CALL TO ORDER",
        "ROLL CALL",
        "PLEDGE OF ALLEGIANCE",
        "APPROVAL OF MINUTES",
    ]
    minutes = (
        "Ranch Owners Association\nBoard Meeting Minutes\nJanuary 27, 2022\n\nCall to Order and Roll Call\n\n"
        "Board members present: Ann Lee, Bob Diaz, Carla Ruiz\n\nApproval of the Agenda\n\n"
        "The agenda was approved.\n\nRoad Maintenance\nBob Diaz will get quotes for grading the road in the spring.\n"
    )
    (found,) = extract(from_text(minutes))
    assert [i.title for i in found.items] == [
        "Call to Order and Roll Call",
        "Approval of the Agenda",
        "Road Maintenance",
    ]
    assert [a.name for a in found.attendees] == ["Ann Lee", "Bob Diaz", "Carla Ruiz"]
    # a paper that numbers its items keeps only its numbered business
    numbered = "Minutes\nJanuary 27, 2022\n\nCall to Order\n\nPresent: Ann Lee, Bob Diaz\n\n1. Agenda\n2. Roads\n"
    (found,) = extract(from_text(numbered))
    assert [i.title for i in found.items] == ["Agenda", "Roads"]


def test_a_row_of_column_headings_and_a_time_alone_are_neither_items_nor_people() -> None:
    text = (
        "Board Meeting Minutes\n\nSaturday 10 February 2018\n\nAttendees: Phyllis Baca, Jeanne Banks\n\n"
        "TOPIC PRESENTER\n\nCall to Order\n\n10:05 AM\n\nTreasurer's Report\n\n"
        "Income for January was good.\n"
    )
    (found,) = extract(from_text(text))
    assert [i.title for i in found.items] == ["Call to Order", "Treasurer's Report"]
    assert looks_like_name("Description") is False and looks_like_name("Dominique Lazanski") is True


def test_a_days_or_months_name_alone_is_nobody_but_june_may_be_someone() -> None:
    text = "Board Minutes\n\nAttendees: Phyllis Baca, June\n\nSaturday, February, 2015,\n\n1. Accounts\nNoted.\n"
    (found,) = extract(from_text(text))
    assert [a.name for a in found.attendees] == ["Phyllis Baca", "June"]


def test_a_user_group_is_a_body_and_a_members_organisation_in_brackets_is_not() -> None:
    text = (
        "UNCLASSIFIED\nOpen Data User Group\n13th meeting\n14 May 2013, 14:00-17:00\n"
        "Attendees: Heather Savory (Chair), Ed Parkes (Cabinet Office)\n\n1. Welcome\nThe Chair welcomed members.\n"
    )
    (found,) = extract(from_text(text))
    assert found.body == "Open Data User Group"
    (found,) = extract(from_text("Minutes of the Harbour Steering Group\n14 May 2013\nPresent: Ann Lee, Bob Diaz\n"
                                 "\n1. Welcome\nNoted.\n2. Moorings\nNoted.\n"))  # fmt: skip
    assert found.body == "Harbour Steering Group"


def test_the_place_and_time_between_the_lists_names_nobody() -> None:
    text = (
        "2019-July Public Board Meeting\nPresent: Hilmar, Nomi, Heather\nGuests: Malvika Sharan, Daniel Davies\n"
        "Date and Location: July 25, 2019, 12:45pm CEST, Congress Center Basel, Switzerland, in the Delhi Room\n"
        "Venue: Town Hall, Market Square, Ely\nApologies: Bastian Greshake\n\n## Minutes\n\nApproved.\n"
    )
    (found,) = extract(from_text(text, markdown=True))
    assert [(a.name, a.status) for a in found.attendees] == [
        ("Hilmar", "present"),
        ("Nomi", "present"),
        ("Heather", "present"),
        ("Malvika Sharan", "present"),
        ("Daniel Davies", "present"),
        ("Bastian Greshake", "apologies"),
    ]


def test_a_word_paragraph_broken_by_hand_is_read_line_by_line(tmp_path) -> None:
    import docx

    paper = docx.Document()
    paper.add_paragraph("Minutes of the College Council, 18 February 2021")
    paper.add_paragraph("Attendance: Jonathan Peters, Chang-Hui Shen, Angelo Bongiorno")
    run = paper.add_paragraph().add_run("I. Approval of the proposed agenda - approved")
    run.add_break()
    run.add_break()
    run.add_text("II. Approval of the minutes of the previous meeting – approved")
    paper.add_paragraph("III. Executive Committee Report")
    paper.add_paragraph("The committee met with the President on 9 February.")
    paper.save(tmp_path / "council.docx")
    document = read(tmp_path / "council.docx")
    lines = [(line.text, line.gap) for line in document.lines]
    assert ("I. Approval of the proposed agenda - approved", False) in lines
    assert ("II. Approval of the minutes of the previous meeting – approved", True) in lines
    (found,) = extract(document)
    assert [i.number for i in found.items] == ["I", "II", "III"]
    assert len(found.resolutions) == 2


def test_a_january_paper_printed_with_last_years_number_is_dated_by_the_minutes_it_approves() -> None:
    text = (
        "PARISH BOARD MEETING\nAGENDA\nJanuary 14, {year}, 7 PM\nCALL TO ORDER:\nAPPROVAL OF MINUTES:\n"
        "Approval of December 10, 2025, Regular Board meeting minutes.\nREPORTS:\nADJOURNMENT:\n"
    )
    (slipped,) = extract(from_text(text.format(year=2025)))
    (right,) = extract(from_text(text.format(year=2026)))
    assert (slipped.date, right.date) == ("2026-01-14", "2026-01-14")
    # minutes of a meeting long after the stated date are no slip of one year: the date stands
    (far,) = extract(from_text(text.format(year=2024)))
    assert far.date == "2024-01-14"


def test_a_title_under_a_letterhead_of_short_lines_starts_the_paper() -> None:
    (found,) = extract(
        from_text(
            "UNCLASSIFIED\nTRANSPARENCY BOARD\n5th Meeting\n2nd March 2011\n15:15 – 17:15\n"
            "Venue: Cabinet Office, 70 Whitehall\nChair: Minister for the Cabinet Office\nAGENDA\n\n"
            "1. Welcome and Introductions\n2. Public Data Corporation\n3. AOB and date of next meeting\n"
        )
    )
    assert (found.kind, found.date, len(found.items)) == ("agenda", "2011-03-02", 3)


# --- front matter, titles and section labels ----------------------------------------------------------------


def test_front_matter_gives_the_title_date_and_attendance_and_drops_site_keys() -> None:
    text = (
        "---\nlayout: meeting\nbody: Directors\ntitle: Minutes of Directors' meeting\ndate: 2018-02-11 02:30\n"
        "last_review_date: 1970-01-01\ndirectors:\n- Matthew Ferrero\n- Victor Rincones\n"
        "apologies:\n- Akhilesh Jamdar\n"
        "next-meeting: 2018-02-18 02:30\n---\n\n## Taskhive progress\n\nThe Directors noted progress.\n"
    )
    shown = [line.text for line in from_text(text, markdown=True).lines[:5]]
    assert shown[:3] == ["Body: Directors", "Minutes of Directors' meeting", "Date: 2018-02-11 02:30"]
    assert not any("1970" in line or "layout" in line.lower() for line in shown)
    (found,) = extract(from_text(text, markdown=True))
    assert (found.kind, found.date) == ("minutes", "2018-02-11")
    assert {a.name: a.status for a in found.attendees} == {
        "Matthew Ferrero": "present",
        "Victor Rincones": "present",
        "Akhilesh Jamdar": "apologies",
    }


def test_lines_after_front_matter_keep_the_files_line_numbers() -> None:
    """A record is found again in an editor by its line: front matter, blank lines and a right-hand
    'Action:' marker split off its sentence all keep the line they were typed on."""
    text = (
        "---\ntitle: Board minutes\ndate: 2018-02-11\n---\n\n## Hall\n\n"
        "The hall roof leaks.          Action: Clerk - get quotes\n"
    )
    at = {line.text: line.at for line in from_text(text, markdown=True).lines}
    assert (at["Hall"], at["The hall roof leaks."], at["Action: Clerk - get quotes"]) == (6, 8, 8)
    assert at["Board minutes"] is None, "front matter keys are not lines of the paper"
    folded = "---\ntitle: Board\nminutes: >-\n  ### Hall\n\n\n  Noted.\n---\n"
    assert all(line.at is None for line in from_text(folded, markdown=True).lines), "folded text has no line"


def test_minutes_kept_in_a_front_matter_block_are_read_as_the_paper() -> None:
    """Eleventy sites keep the whole minutes in a folded block ("minutes: >-"); its start gives the day."""
    text = (
        "---\ntitle: Autumn Group Meeting\nstart: 2021-09-28T13:00:19.304Z\nlocation: MS Teams\nminutes: >-\n"
        "  ### Attendance\n\n\n  *Ann Lee, Bob Day*\n\n\n  ### [](https://example.org/m#actions)Actions\n\n\n"
        "  1. Bob Day to send the protocol to every Trust\n\n\n  ### Discussion\n\n\n"
        "  * It was agreed to form a small group to write the guidance.\n---\n"
    )
    shown = [line.text for line in from_text(text, markdown=True).lines]
    assert "Actions" in shown, "an empty link before a heading's words is no text"
    (found,) = extract(from_text(text, markdown=True))
    assert (found.kind, found.date) == ("minutes", "2021-09-28")
    assert [a.name for a in found.attendees] == ["Ann Lee", "Bob Day"]
    assert [r.text for r in found.resolutions] == ["It was agreed to form a small group to write the guidance."]


@pytest.mark.parametrize(
    "head",
    [
        "title: Board\nbase: &b\n  x: 1\nmore: *b\n",  # anchors and aliases: never expanded
        "title: Board\nmembers: [Ann Lee, Bob Day\n",  # not YAML: read line by line as typed
    ],
)
def test_front_matter_that_yaml_should_not_read_is_read_as_typed(head: str) -> None:
    shown = [line.text for line in from_text(f"---\n{head}---\n\n## Minutes\n\nNoted.\n", markdown=True).lines]
    assert shown[0] == "Board"


def test_front_matter_values_stay_as_typed() -> None:
    """YAML would read 19:30 as 1170 minutes, 'Yes' as True, and refuse 30 February: here they stay text."""
    text = "---\ntitle: Yes\ntime: 19:30\ndate: 2021-02-30\nmembers: [Ann Lee, Bob Day]\n---\n\n## Minutes\n\nNoted.\n"
    shown = [line.text for line in from_text(text, markdown=True).lines]
    assert shown[:4] == ["Yes", "Time: 19:30", "Date: 2021-02-30", "Members: Ann Lee, Bob Day"]


def test_front_matter_aliases_are_never_expanded() -> None:
    from minutes.ingest.plaintext import _yaml_pairs

    assert _yaml_pairs("title: Board\nbase: &b [x, x]\nmore: *b\n") is None
    assert _yaml_pairs("title: Board\nx: " + "[" * 100_000 + "]" * 100_000) is None  # too deep: read as typed
    assert _yaml_pairs("title: Board\nmembers: [Ann Lee, Bob Day]\n") == [
        ("title", "Board"),
        ("members", "Ann Lee, Bob Day"),
    ]


def test_a_labelled_line_of_prose_after_the_roll_gives_no_names() -> None:
    text = (
        "# Board Meeting 17 December 2019\n\n**Present**: Hilmar Lapp, Peter Cock\n\n**Absent**: Malvika Sharan\n\n"
        "*Minutes*: Hilmar calls the meeting to order at 16:04 UTC.\n\n## Old business\n\nNoted.\n"
    )
    (found,) = extract(from_text(text, markdown=True))
    assert {a.name: a.status for a in found.attendees} == {
        "Hilmar Lapp": "present",
        "Peter Cock": "present",
        "Malvika Sharan": "absent",
    }


def test_a_labelled_roll_that_ends_in_a_phrase_keeps_its_names() -> None:
    (found,) = extract(
        from_text(
            "# Forum Meeting 17 December 2019\n\nPresent: Ann Lee\n\n"
            "Residents: Maureen Clarke, Tom Hill and two members of the public\n\n"
            "## Business\n\nNoted.\n",
            markdown=True,
        )
    )
    assert {"Maureen Clarke", "Tom Hill"} <= {a.name for a in found.attendees}


def test_a_first_line_naming_a_meeting_is_a_title_even_without_a_day() -> None:
    (found,) = extract(
        from_text(
            "# 2019-December Public Board Meeting\n\nPresent: Hilmar Lapp, Peter Cock\n\nAbsent: Malvika Sharan\n\n"
            "## Old business\n\nHilmar moves to approve the minutes, Peter seconds. Approved unanimously.\n",
            markdown=True,
        )
    )
    assert found.kind == "minutes" and len(found.attendees) == 3


@pytest.mark.parametrize(
    "line", ["11:00–11:01 Adoption of the agenda", "Previous AGM minutes to be reviewed", "Approval of the Agenda"]
)
def test_lines_of_business_that_name_an_agenda_or_minutes_are_not_titles(line: str) -> None:
    block = _one_block(line)
    assert title_kind(block) is None


def test_a_long_agenda_for_title_is_a_title() -> None:
    text = (
        "Agenda for the 147th Meeting of the Faculty Senate for Thursday, March 18, 2021 from 3:30 to 4:30 pm "
        "held virtually."
    )
    block = _one_block(text)
    assert title_kind(block) == "agenda"


@pytest.mark.parametrize("actions", ["Action items", "Action Items (AIs)"])  # a gloss in brackets changes nothing
def test_headings_for_links_attendees_and_action_items_are_not_items(actions: str) -> None:
    (found,) = extract(
        from_text(
            "# TSC Meeting 2017-03-09\n\n## Links\n\n* Recording: somewhere\n\n"
            "## Attendees\n\n* Jane Doe\n* Tom Lee\n\n"
            f"## Release plan\n\nThe TSC agreed that the release goes ahead.\n\n## {actions}\n\n* Jane to tag it\n",
            markdown=True,
        )
    )
    assert [i.title for i in found.items] == ["Release plan"]


# --- motions ----------------------------------------------------------------------------------------------


def test_a_motion_made_and_seconded_then_carried_in_the_next_sentences_is_one_decision() -> None:
    (found,) = extract(
        from_text(
            "CRETE TOWNSHIP REGULAR BOARD OF TRUSTEES MEETING\nOctober 9, 2024\n\n"
            "Board members present were Trustee Elton, Trustee Albrecht.\n\n"
            "A motion was made to approve the installation of the new sign for $26,000, by Trustee Elton, "
            "seconded by Trustee Hawkins. All were in favor. Roll Call was taken as follows: Trustee Elton – yes.\n"
            "Motion passes.\n\n"
            "Motion to approve the Town Fund bills for payment as presented was made by Trustee Piacentini, "
            "seconded by Trustee Hawkins. All were in favor.\n"
        )
    )
    texts = [r.text for r in found.resolutions]
    assert len(texts) == 2
    assert texts[0].startswith("A motion was made to approve the installation of the new sign")
    assert texts[1].startswith("Motion to approve the Town Fund bills")


# --- actions ----------------------------------------------------------------------------------------------


def test_a_person_on_the_roll_a_colon_and_an_undertaking_is_an_action() -> None:
    (found,) = extract(
        from_text(
            "# Board Meeting 2021-12-21\n\n:   BOD Members present: Brian, Tayeb, John, Michelle\n\n"
            "## Volunteers\n\n-   Michelle: will create a distribution email list\n"
            "-   John/Tayeb: needs to reset the password\n"
            "-   Ken: the wiki is fine\n-   Date: to be agreed\n",
            markdown=True,
        )
    )
    assert [(a.text, a.owners) for a in found.actions] == [
        ("Michelle: will create a distribution email list", ["Michelle"]),
        ("John/Tayeb: needs to reset the password", ["John", "Tayeb"]),
    ]
    assert {a.name for a in found.attendees} == {"Brian", "Tayeb", "John", "Michelle"}


# --- items ------------------------------------------------------------------------------------------------


def test_running_minute_numbers_of_four_figures_are_items_and_years_are_not() -> None:
    (found,) = extract(
        from_text(
            "TINTERN COMMUNITY COUNCIL\nYou are summoned to a meeting on Monday 29th July 2019 at 7.00pm\nAGENDA\n"
            "2724. Police Report\n2725. Public Forum\n2726. Apologies for absence\n2019. Annual return\n"
        )
    )
    assert [(i.number, i.title) for i in found.items] == [
        ("2724", "Police Report"),
        ("2725", "Public Forum"),
        ("2726", "Apologies for absence"),
    ]


def test_a_date_alone_in_a_table_cell_is_not_an_item_number() -> None:
    from minutes.extract.items import _date_cell

    assert _date_cell("10.25.15") and _date_cell("6.11.16") and _date_cell("2024-03-12")
    assert not _date_cell("18.07.1") and not _date_cell("3.2")


def test_a_leader_joins_a_title_to_its_presenter() -> None:
    from minutes.extract.model import Found, Item, Meeting, Source
    from minutes.extract.pipeline import _presenters_from_roster
    from minutes.ingest.cleanup import clean

    lines = clean(
        [Line("Secretary's Report ------------ Barbara Torres", wrapped=True), Line("Membership ...... Jeanne Banks")],
        None,
    )
    assert [line.text for line in lines] == ["Secretary's Report — Barbara Torres", "Membership — Jeanne Banks"]
    assert all(line.leader for line in lines)
    assert not lines[0].wrapped  # the leader ran the line out to its column: the next line is not its run-on
    titles = [
        "Membership — Jeanne Banks/Rebecca Galves",
        "Roading Programme Update - Ridge Road Slip",  # typed: a title
        "Local Reports — Local Chairs",
        "Santa Fe Fall — Lina Germann/ Kate GOmez",
        "Finance — Budget",  # an em dash typed in a title, not a leader's column
    ]
    meeting = Meeting(kind="minutes", found=Found(Source(0, 0), "test", 1.0))
    meeting.items = [Item(number=None, title=t, found=Found(Source(n, n), "test", 1.0)) for n, t in enumerate(titles)]
    _presenters_from_roster(meeting, leader_lines={0, 1, 2, 3})
    assert [(i.title, i.presenters) for i in meeting.items] == [
        ("Membership", ["Jeanne Banks", "Rebecca Galves"]),
        ("Roading Programme Update - Ridge Road Slip", []),
        ("Local Reports", ["Local Chairs"]),
        ("Santa Fe Fall", ["Lina Germann", "Kate GOmez"]),
        ("Finance — Budget", []),
    ]


def test_an_action_lists_vague_extra_owners_are_dropped_and_a_group_kept() -> None:
    (found,) = extract(
        from_text(
            "Minutes of the Committee meeting held on 15 March 2016\n\nPresent: Ann Lee, Carl Day\n\n"
            "1. Events\nThe events were discussed.\n\nAction List\nAnn Lee + other - buy the games\n"
            "Carl Day and others - book the room\nOthers - let Ann know about other groups\n"
        )
    )
    assert [a.owners for a in found.actions] == [["Ann Lee"], ["Carl Day"], ["Others"]]


def test_a_motion_line_then_its_mover_seconder_and_passed_is_a_decision_and_a_lost_one_is_not() -> None:
    (found,) = extract(
        from_text(
            "Minutes of the Annual General Meeting held on 13 September 2004\n\nPresent: Jane Smith, Tom Brown\n\n"
            "7. Changes to charter\nMotion: that Rule 4 be amended as circulated.\nMoved Daniel Lawson\n"
            "Seconded Perry Lorier\nPASSED\nMotion: that Rule 9 be repealed.\nMoved: Craig Box\nSeconded: Matt Brown\n"
            "LOST\n"
        )
    )
    assert [r.text for r in found.resolutions] == ["that Rule 4 be amended as circulated."]


def test_attendance_named_at_the_head_makes_minutes_of_a_paper_worded_like_an_agenda() -> None:
    text = (
        "Present: Cllrs Ashman, Evans, Shewell, Parker & the Clerk.\n\n"
        "3750. To receive apologies for absence: Cllrs Snell & Morrison.\n"
        "3751. To consider & approve accounts for payment: All approved for payment.\n"
    )
    assert [s.kind for s in segments(paragraphs(from_text(text).lines))] == ["minutes"]
    assert [s.kind for s in segments(paragraphs(from_text(text.split("\n\n", 1)[1]).lines))] == ["agenda"]


def test_a_team_or_department_opening_a_marked_task_owns_it() -> None:
    (found,) = extract(
        from_text(
            _HEAD_PC + "1. Data\nACTION: Cabinet Office Transparency Team to meet the Mayor's office.\n"
            "ACTION: Department for Transport to develop a paper on rail data.\n"
        )
    )
    assert [a.owners for a in found.actions] == [["Cabinet Office Transparency Team"], ["Department for Transport"]]


def test_a_seats_title_before_a_surname_makes_an_owner_without_a_roll() -> None:
    (found,) = extract(
        from_text(
            "Meeting Minutes: December 14, 2017\n\n1. Call to order\n\n4. Recommendations\n"
            "Member Hage will put together a subset of what he wrote for this section.\n"
            "Chair Jerdonek will follow up with Member Bafundo about this.\n"
        )
    )
    assert [a.owners for a in found.actions] == [["Hage"], ["Jerdonek"]]


@pytest.mark.parametrize(
    "line", ["14 May 2013, 14:00-17:00", "6.30 – 7.30 p.m. on Zoom", "02.03.11", "7:00 pm Call to order"]
)
def test_dates_and_times_opening_a_line_are_never_item_numbers(line: str) -> None:
    block = _one_block(line)
    assert heading_number(block) is None


def test_item_numbers_of_year_month_and_sequence_stay_items() -> None:
    block = _one_block("21.01.01 Election of Chair")
    assert heading_number(block).group("num") == "21.01.01"


def test_zero_width_spaces_left_by_exports_are_removed() -> None:
    (found,) = extract(
        from_text(
            "OCLT AGM Minutes 14\u200bth\u200b September 2020\n\n"
            "Present:\u200b Alice Hemming, Bob Colenutt\n\n1. Welcome\n"
        )
    )
    assert found.date == "2020-09-14" and {a.name for a in found.attendees} == {"Alice Hemming", "Bob Colenutt"}


def test_entries_of_a_word_list_that_read_as_titles_are_items_beside_typed_numbers() -> None:
    lines = [
        Line("Approval of the proposed agenda.", number="I.", indent=1),
        Line("Executive Committee Report", number="II.", indent=1),
        Line("The report was received with thanks and members asked about the budget.", indent=0),
        Line("VII. New Business"),
        Line("That the committee approves the revised budget for the year.", number="1.", indent=2),
    ]
    blocks = _blocks_of(lines)
    found = [(h.item.number, h.item.title) for h in find_items(blocks, 0, len(blocks), set())]
    assert found == [
        (None, "Approval of the proposed agenda"),
        (None, "Executive Committee Report"),
        ("VII", "New Business"),
    ]


def test_approval_of_a_dated_meetings_minutes_is_an_item_not_a_title() -> None:
    block = _one_block("Approval of the March 15, 2018, Regular Meeting Minutes")
    assert title_kind(block) is None


@pytest.mark.parametrize(
    "text, role", [("Panel Chair", True), ("Board members", True), ("Secretariat", True), ("Urged Council", False)]
)
def test_a_role_of_a_named_body_is_a_role(text: str, role: bool) -> None:
    from minutes.extract.names import is_role

    assert is_role(text) is role


def test_a_marked_task_for_a_bodys_officer_names_the_officer() -> None:
    (found,) = extract(
        from_text(
            _HEAD_PC + "1. Reports\nACTION: Provide feedback from the Transparency Board at next Panel meeting "
            "(Panel Chair).\nACTION: Panel members to scrutinise the Open Data Strategy.\n"
        )
    )
    assert [a.owners for a in found.actions] == [["Panel Chair"], ["Panel members"]]


def test_a_body_deciding_under_its_own_initials_is_a_decision_and_a_persons_initials_are_not() -> None:
    (found,) = extract(
        from_text(
            "# Steering Committee 2015-07-02\n\nPresent: Greg Wilson, Kate Hertweck\n\n## Instructor training\n\n"
            "SC agreed to postponing the deadline.\n\nGW agreed to draft the announcement.\n",
            markdown=True,
        )
    )
    assert [r.text for r in found.resolutions] == ["SC agreed to postponing the deadline."]


def test_the_next_meetings_date_never_dates_this_meeting() -> None:
    (found,) = extract(
        from_text(
            "Minutes of the Parish Council meeting held on Tuesday 5th March 2024\n\nPresent: Jane Smith, Tom Brown\n\n"
            "Apologies\nNone.\n\nThe next meeting will be held on 9 April 2024.\n"
        )
    )
    assert found.date == "2024-03-05"


def test_an_inch_mark_opens_no_quotation() -> None:
    (found,) = extract(
        from_text(
            _HEAD_PC + '1. Drains\nA 12" pipe was quoted. It was agreed to buy the pipe.\nJane Smith will order it.\n'
        )
    )
    assert [r.text for r in found.resolutions] == ["It was agreed to buy the pipe."]
    assert [a.owners for a in found.actions] == [["Jane Smith"]]


def test_a_marked_up_list_introduced_by_a_colon_is_its_items_text_not_items() -> None:
    lines = [
        Line("2. Planning applications"),
        Line("The council considered the following applications:"),
        Line("Rear Extension at Mill Lane", number="1", indent=1),
        Line("New Garage at Church Street", number="2", indent=1),
        Line("3. Finance"),
    ]
    blocks = _blocks_of(lines)
    assert [h.item.number for h in find_items(blocks, 0, len(blocks), set())] == ["2", "3"]


def test_attendance_run_into_the_first_numbered_item_is_read() -> None:
    (found,) = extract(
        from_text(
            "WVTRA AGM 15/08/23, WVI 7pm.\n\n1. Members present: Lorraine Strong, Helen Dawson, Roger Parnell.\n"
            "2. Apologies received: Kim Wilson-Moore and Nick Strong\n3. Previous minutes: All agreed.\n"
        )
    )
    assert {a.name: a.status for a in found.attendees} == {
        "Lorraine Strong": "present",
        "Helen Dawson": "present",
        "Roger Parnell": "present",
        "Kim Wilson-Moore": "apologies",
        "Nick Strong": "apologies",
    }


@pytest.mark.parametrize(
    "text, times", [("18.07.1 Apologies", []), ("21.01.01 Election", []), ("opened at 19.30", ["19:30"])]
)
def test_item_numbers_are_never_read_as_clock_times(text: str, times: list[str]) -> None:
    from minutes.extract.dates import find_times

    assert find_times(text) == times


def _page(texts: list[str], page: int) -> list[Line]:
    return [Line(text=t, page=page, gap=True) for t in texts]


def test_minutes_approved_at_the_top_of_a_later_page_are_not_a_new_paper() -> None:
    lines = _page(["MINUTES OF HISTORICAL ADVISORY BOARD", "REGULAR MEETING OF THURSDAY, JANUARY 6, 2005"], 1)
    lines += _page(["MEMBERS PRESENT: Board Members McPherson, Anderson, Lynch", "1. Adoption of the Calendar"], 1)
    lines += _page(["The calendar was adopted.", "MINUTES", "Minutes of the Regular Meeting of December 2, 2004."], 2)
    lines += _page(["M/S (Tilos/Miller) to approve minutes as corrected; 3-0-2.", "ORAL COMMUNICATIONS"], 2)
    lines += _page(["AGENDA", "None."], 3)
    found = segments(_blocks_of(lines))
    assert [(s.kind, s.start) for s in found] == [("minutes", 0)]


def test_a_bare_agenda_heading_under_a_dated_meeting_title_names_the_paper() -> None:
    lines = _page(["TRANSPARENCY BOARD", "5th Meeting", "2nd March 2011", "15:15 – 17:15", "AGENDA"], 1)
    lines += _page(["1. Welcome", "2. Open data"], 1)
    (found,) = segments(_blocks_of(lines))
    assert found.kind == "agenda"


def test_the_roll_inside_the_first_item_is_the_attendance() -> None:
    (found,) = extract(
        from_text(
            "ALAMEDA GOLF COMMISSION\nMINUTES OF REGULAR MEETING\nTuesday, January 10, 2012\n\n"
            "1 CALL TO ORDER\nThe Chair called the meeting to order at 6:28 p.m.\n\nROLL CALL\n"
            "Present: Chair Jane Sullwold, Commissioner Ray Gaul\n\nAbsent: None\n\n"
            "2 ORAL COMMUNICATIONS\nNone.\n"
        )
    )
    assert {(a.name, a.status) for a in found.attendees} == {("Jane Sullwold", "present"), ("Ray Gaul", "present")}


@pytest.mark.parametrize(
    "printed, organisation, named",
    [
        ("Council", "MILBURN PARISH COUNCIL", "Milburn Parish Council"),
        ("County Council", "Kent County Council", "Kent County Council"),
        ("Board", "Hypha Worker Co-op Ltd", "Hypha Worker Co-op Ltd Board"),
        ("Annual General Meeting", "Suffolk's Libraries IPS", "Suffolk's Libraries IPS Annual General Meeting"),
        ("Finance Committee", "Milburn Parish Council", "Finance Committee"),  # a name of its own stays
        ("Board", None, "Board"),
    ],
)
def test_a_bare_kind_of_body_takes_its_organisations_name(printed: str, organisation, named: str) -> None:
    from minutes.extract.header import qualified

    assert qualified(printed, organisation) == named


@pytest.mark.parametrize(
    "printed, clean",
    [
        ("L’Ecole Bilingue PAC mtg Jan", "L’Ecole Bilingue PAC"),
        ('+++ title = "Exec - March " date = " - - "', "Exec"),
        ("December Public Board", "Public Board"),
        ("Transparency Board", "Transparency Board"),
        ("Minutes of the Finance Committee", "Finance Committee"),
        ("New Milton Town Council Planning Committee", "New Milton Town Council Planning Committee"),
    ],
)
def test_a_body_name_loses_the_meetings_date_words_and_file_syntax(printed: str, clean: str) -> None:
    from minutes.extract.header import clean_body

    assert clean_body(printed) == clean


@pytest.mark.parametrize(
    "line",
    [
        "Council Chamber, Sessions House, County Hall, Maidstone",
        "Emer Coleman, Greater London Authority",
        "Imperial College London may be interested in becoming an affiliate",
        "Parent Council Meeting 26.11.25 7pm-9pm",
        "PLC Members",
        "GitHub Issue: https://github.com/openjs-foundation/cross-project-council/issues/631",
    ],
)
def test_venues_people_sentences_and_links_are_not_an_organisation(line: str) -> None:
    from minutes.extract.header import _organisation

    assert _organisation([_one_block(line)]) is None


def test_a_bare_body_takes_the_organisation_its_papers_name_further_on() -> None:
    (found,) = extract(
        from_text(
            "Annual General Meeting\n\nHeld on 12 May 2024\n\n1. Welcome\nThe chair welcomed members to the "
            "annual general meeting of the Milton Keynes Chess Club.\n2. Accounts\nThe accounts were approved.\n"
        )
    )
    assert found.body == "Milton Keynes Chess Club Annual General Meeting"


def test_the_day_a_body_was_formed_does_not_date_its_meeting() -> None:
    (found,) = extract(
        from_text(
            "Draft Minutes for the 135th Meeting of the College Council Formed on November 14, 2002\n"
            "Date: Thursday, Feb 18, 2021, 2:30pm – 3:30pm\n\nAttendance: Ann Lee, Bob Diaz, Cy Young\n\n"
            "I. Approval of the proposed agenda - approved\nII. Approval of the minutes - approved\n"
        )
    )
    assert found.date == "2021-02-18"


def test_markdown_headings_of_one_word_are_items_and_end_the_roll_above_them() -> None:
    text = (
        "# Cross Project Council Meeting 2020-09-01\n\n## Present\n\n- Joe Sepi\n- Jory Burson\n\n## Agenda\n\n"
        "### Announcements\n\n- ESLint AMA\n\n### Finances\n\n- It was agreed to renew the grant.\n\n"
        "## Documents\n\n- [Printed minutes](x.pdf)\n"
    )
    (found,) = extract(from_text(text, markdown=True))
    assert [a.name for a in found.attendees] == ["Joe Sepi", "Jory Burson"]
    assert [i.title for i in found.items] == ["Announcements", "Finances"]


def test_a_bulleted_list_names_one_person_a_bullet_with_their_organisation() -> None:
    text = (
        "# TAC Meeting Minutes - March 27, 2019\n\n## Other Attendees\n\n* John Mertic, Linux Foundation\n"
        "* Thanh Ha, Linux Foundation\n\n# Agenda\n\n* Goals for the TAC\n  * It was agreed to vote by email.\n"
    )
    (found,) = extract(from_text(text, markdown=True))
    assert [(a.name, a.organisation) for a in found.attendees] == [
        ("John Mertic", "Linux Foundation"),
        ("Thanh Ha", "Linux Foundation"),
    ]


def test_attendance_lists_after_a_sentence_in_the_roll_call_item() -> None:
    (found,) = extract(
        from_text(
            "Meeting Minutes: February 8, 2018\n\n1. Call to Order & Roll Call\n"
            "Member Wasserman called the meeting to order at 6:08 p.m. Present: Members Hage, Kattouw, Wasserman. "
            "Excused absences: Chair Jerdonek, Vice Chair Bafundo. Also present: Secretary Chan.\n"
            "2. Approval of minutes\nThe minutes were approved.\n"
        )
    )
    assert [(a.name, a.status) for a in found.attendees] == [
        ("Hage", "present"),
        ("Kattouw", "present"),
        ("Wasserman", "present"),
        ("Jerdonek", "absent"),
        ("Bafundo", "absent"),
        ("Chan", "present"),
    ]


def test_an_html_definition_list_in_markdown_is_read_as_its_terms_and_names() -> None:
    text = (
        "Minutes of the Annual General Meeting of the Chess Club held on 4th Sept 2025 at 7:47pm.\n\n"
        '<dl class="dl-horizontal">\n\t<dt>In the Chair</dt>\n\t\t<dd>James Alexander</dd>\n'
        "\t<dt>Present members</dt>\n\t\t<dd>Simon Banisi, Sumin Bhalla, John Chandler</dd>\n</dl>\n\n"
        "## 1) Apologies for Absence\n\nPeter Hawes\n\n## 2) Minutes\n\nThe minutes were approved.\n"
    )
    (found,) = extract(from_text(text, markdown=True))
    assert [a.name for a in found.attendees if a.status == "present"] == [
        "James Alexander",
        "Simon Banisi",
        "Sumin Bhalla",
        "John Chandler",
    ]


def test_the_top_level_bullets_of_an_outline_under_agenda_are_its_topics() -> None:
    text = (
        "# TAC Meeting Minutes - March 27, 2019\n\n## Attendance\n\n* Ann Lee\n* Bob Diaz\n\n# Agenda\n\n"
        "* Goals for the year\n\n* Board meeting update\n    * The board was positive\n"
        "* CI updates\n    * Builds moved\n* OpenCue proposal\n    * It was agreed to take it forward\n"
        "* Next meeting\n"
    )
    (found,) = extract(from_text(text, markdown=True))
    assert [i.title for i in found.items] == [
        "Goals for the year",
        "Board meeting update",
        "CI updates",
        "OpenCue proposal",
        "Next meeting",
    ]


def test_an_outcome_standing_alone_takes_the_proposal_before_it() -> None:
    (found,) = extract(
        from_text(
            "Minutes of the General Meeting held on 15 September 2018\n\nTrustees Present: Ann Lee, Bob Diaz\n\n"
            "1. Constitution\n\nThere are some errors in the constitution and the trustees proposed to correct them."
            "\n\nThe proposal was accepted by a show of hands.\n"
        )
    )
    assert [r.text for r in found.resolutions] == [
        "There are some errors in the constitution and the trustees proposed to correct them. "
        "The proposal was accepted by a show of hands."
    ]


def test_a_vote_tally_takes_the_motion_above_its_lead_in() -> None:
    (found,) = extract(
        from_text(
            "# Board Meeting Minutes 14 January 2017\n\nPresent: Ann Lee, Bob Diaz, Cy Dee\n\n"
            "### 1st Order of business:\n\nA motion has been raised to approve the spend of up to $400 on a "
            "new printer for the office.\n\nVote on the motion BV_2017_A:\n\n-   Vote: 3 in favor, 0 opposed, "
            "0 abstained\n",
            markdown=True,
        )
    )
    assert [r.text for r in found.resolutions] == [
        "A motion has been raised to approve the spend of up to $400 on a new printer for the office. "
        "Vote on the motion BV_2017_A: Vote: 3 in favor, 0 opposed, 0 abstained"
    ]


@pytest.mark.parametrize(
    "body, text",
    [
        (
            "Jonathan Chang proposed that Ann Lee be invited to join as a member.\n\nMotion carried unanimously.\n",
            "Jonathan Chang proposed that Ann Lee be invited to join as a member. Motion carried unanimously.",
        ),
        (
            "Alison Mathias and Maureen Elliott were standing for election. Both were unanimously approved as "
            "directors.\n",
            "Alison Mathias and Maureen Elliott were standing for election. Both were unanimously approved as "
            "directors.",
        ),
    ],
)
def test_an_outcome_without_its_own_subject_takes_the_proposal_before_it(body: str, text: str) -> None:
    (found,) = extract(
        from_text(
            f"Minutes of the Board meeting held on 24 March 2020\n\nPresent: Ann Lee, Bob Diaz\n\n1. Members\n\n{body}"
        )
    )
    assert [r.text for r in found.resolutions] == [text]


def test_github_handles_leave_the_names_and_meeting_words_are_no_names() -> None:
    from minutes.extract.attendance import parse_people
    from minutes.extract.names import looks_like_name

    assert [p["name"] for p in parse_people("James Snell @jasnell (TSC), Joe Sepi (@joesepi)", "member")] == [
        "James Snell",
        "Joe Sepi",
    ]
    assert not any(looks_like_name(w) for w in ("Decisions", "Interest", "Roll Call", "Introductions"))


def test_a_lone_course_code_is_no_numbering_scheme_that_hides_the_headings() -> None:
    text = (
        "# OCCC meeting minutes, 9 April 2021\n\nPresent: Ann Lee, Bob Diaz\n\n## Lane College\n\n"
        "- Lost one lecturer\n\n## Western University\n\nDSCI 101/102 Using materials developed by Berkeley\n\n"
        "## Oregon Tech\n\n- It was agreed to share the outline\n"
    )
    (found,) = extract(from_text(text, markdown=True))
    assert [i.title for i in found.items if i.number is None] == ["Lane College", "Western University", "Oregon Tech"]


def test_a_marker_bracket_closing_on_the_next_line_in_another_weight_is_one_paragraph() -> None:
    blocks = _blocks_of(
        [
            Line("PD enquired about the plan for Turing Way. [ACTION: Travel team to provide", page=3, indent=1),
            Line("information]", page=3, bold=True),
        ]
    )
    assert [b.text for b in blocks] == [
        "PD enquired about the plan for Turing Way. [ACTION: Travel team to provide information]"
    ]
    from minutes.extract.actions import owners_in
    from minutes.extract.names import NameFinder

    assert owners_in("Travel team to provide information", NameFinder([])) == ["Travel team"]


def test_markdown_links_and_underscored_emphasis_read_as_their_words() -> None:
    document = from_text(
        "* [Resumable Uploads](https://httpwg.org/x.html) - [slides](r.pdf)\n\n[from template][template]\n\n"
        "[Foo](https://en.wikipedia.org/wiki/Foo_(bar)) _requires login_ and snake_case_name\n",
        markdown=True,
    )
    assert [line.text for line in document.lines] == [
        "Resumable Uploads - slides",
        "from template",
        "Foo requires login and snake_case_name",
    ]


def test_a_markdown_agenda_whose_links_name_its_minutes_stays_an_agenda() -> None:
    (found,) = extract(
        from_text(
            "# HTTP Working Group Interim Meeting Agenda - October 2022\n\n"
            "* [Minutes](https://notes.ietf.org/notes) _requires datatracker login_\n\n"
            "*Taking minutes? See [our guide](https://github.com/httpwg/wiki)*\n\n"
            "## 5 October 2022, 21:00-23:00 UTC\n\n_2 Hours_\n\n### Administrivia\n\n* 2 min - Agenda bashing\n\n"
            "### Active Extension Drafts\n\n* 30 min - Resumable Uploads\n",
            markdown=True,
        )
    )
    assert found.kind == "agenda" and found.date == "2022-10-05"
    assert [i.number for i in found.items if i.number] == []  # "2 Hours" is how long, not item 2


def test_minutes_kept_in_a_table_keep_its_numbers_though_a_heading_follows() -> None:
    (found,) = extract(
        from_text(
            "# Minutes of the Board, 5 March 2024\n\nPresent: Ann Lee, Bob Diaz\n\n| Item | Business | Notes |\n"
            "|---|---|---|\n| 1 | Apologies | None received |\n| 2 | Minutes | Agreed as a true record |\n"
            "| 3 | Finance | Budget noted |\n| 4 | Hall | Repairs to go ahead |\n\n"
            "## Date of next meeting\n\n7 May 2024\n",
            markdown=True,
        )
    )
    assert [(i.number, i.title) for i in found.items] == [
        ("1", "Apologies"),
        ("2", "Minutes"),
        ("3", "Finance"),
        ("4", "Hall"),
    ]


def test_numbered_lists_starting_again_under_short_headings_make_the_headings_the_items() -> None:
    colleges = ("Lane Community College", "Rogue Community College", "Klamath Community College", "Western University")
    body = "".join(
        f"\n{college}\n1. Enrollment is stable this term.\n2. Working on a new degree.\n3. Hired two new staff.\n"
        for college in colleges
    )
    (found,) = extract(
        from_text(f"College Meeting Minutes\nFriday, October 18, 2019\n\nPresent: Ann Lee, Bob Diaz\n{body}")
    )
    assert [i.title for i in found.items] == list(colleges)
    assert [a.name for a in found.attendees] == ["Ann Lee", "Bob Diaz"]  # "Lane Community College" is no person


def test_a_word_holding_and_is_not_split_at_it() -> None:
    from minutes.extract.attendance import parse_people

    names = [p["name"] for p in parse_people("Ann Rowland, Bob Sandford and Cy Young", "member")]
    assert names == ["Ann Rowland", "Bob Sandford", "Cy Young"]


def test_a_numbered_roll_of_names_each_followed_by_a_college() -> None:
    from minutes.extract.attendance import parse_people

    (person,) = parse_people("3. Karla Fant Portland State University", "member")
    assert (person["name"], person["organisation"]) == ("Karla Fant", "Portland State University")
    (person,) = parse_people("10. Phil Howard Oregon Institute of Technology", "member")
    assert (person["name"], person["organisation"]) == ("Phil Howard", "Oregon Institute of Technology")


def test_paragraphs_opening_with_a_topic_and_a_dash_are_the_items_of_papers_that_number_nothing() -> None:
    topics = "Roads – Ray Smith has kept the roads plowed.\n\nDam – Nothing to report.\n\nLake – It is frozen.\n\n"
    text = (
        "Township Board Meeting Minutes\nJanuary 27, 2022\n\nPresent: Ann Lee, Bob Diaz\n\n"
        f"{topics}Jim Buiter – Clerk Buiter stated that early voting will begin.\n\n"
    )
    (three,) = extract(from_text(text))
    assert three.items == []  # three topics and a person's name: no pattern yet
    (four,) = extract(from_text(text + "Special Events – No report.\n"))
    assert [i.title for i in four.items] == ["Roads", "Dam", "Lake", "Special Events"]
    assert [a.name for a in four.attendees] == ["Ann Lee", "Bob Diaz"]  # "Roads – Ray Smith has kept ..." is prose


def test_a_lone_numbered_line_inside_a_run_in_topic_is_a_list_not_the_papers_numbering() -> None:
    text = (
        "Township Board Meeting Minutes\nJanuary 27, 2022\n\nPresent: Ann Lee, Bob Diaz\n\n"
        "Roads – Ray Smith has kept the roads plowed.\n\nDam – Nothing to report.\n\nLake – It is frozen.\n\n"
        "Special Events – No report.\n\nNew Business – The roads committee recommends the following:\n"
        "1) Create road humps made of road base material. Ray Smith would be able to grade them.\n"
        "2) Also, STOP signs will be installed at locations along the main road.\n"
    )
    (found,) = extract(from_text(text))
    assert [i.title for i in found.items] == ["Roads", "Dam", "Lake", "Special Events", "New Business"]


def test_a_roll_by_surname_takes_the_full_names_of_the_roster_at_the_head() -> None:
    text = (
        "Technical Advisory Committee\nCarl Hage\nRoan Kattouw\nDon Chan, Secretary\n\n"
        "Minutes of the meeting of 8 February 2018\n\n"
        "Present: Members Hage, Kattouw, Wasserman\nAlso present: Secretary Chan\n\n"
        "1. Reports\nMember Hage reported on the site. Frank Wasserman wrote in.\n"
    )
    (found,) = extract(from_text(text))
    names = sorted(a.name for a in found.attendees)
    assert names == ["Carl Hage", "Don Chan", "Roan Kattouw", "Wasserman"]  # the business text names no roll


def test_a_surname_takes_a_full_name_only_where_one_person_has_it() -> None:
    from minutes.extract.names import full_names

    texts = ["Carl Hage", "Member Hage reported.", "Don Chan, Secretary", "Ann Chan", "Vice Chair Bafundo"]
    assert full_names(["Hage", "Chan", "Bafundo"], texts) == {"Hage": "Carl Hage"}


def test_a_misnumbered_minute_that_the_next_two_go_on_from_is_an_item() -> None:
    head = "Minutes of the Parish Council meeting held on 13 February 2019\n\nPresent: Ann Lee, Bob Diaz\n\n"
    body = (
        "87. APOLOGIES\nNone.\n\n88. PLANNING\nNo objection.\n\n99. FINANCE\nAccounts paid.\n\n"
        "100. STANDING ITEMS\nNothing.\n\n101. CORRESPONDENCE\nNone received.\n"
    )
    (found,) = extract(from_text(head + body))
    assert [i.number for i in found.items] == ["87", "88", "99", "100", "101"]
    paragraphs = body.replace("99. FINANCE", "99. The Group noted the accounts and agreed that they be paid in full")
    paragraphs = paragraphs.replace(
        "100. STANDING ITEMS", "100. The Group then discussed the standing items at some length"
    )
    (prose,) = extract(from_text(head + paragraphs))
    assert [i.number for i in prose.items] == ["87", "88"]  # numbered paragraphs after a jump are no headings


def test_messrs_is_an_honorific_and_a_particle_stays_with_its_surname() -> None:
    from minutes.extract.attendance import parse_people

    names = [p["name"] for p in parse_people("Mrs R Dawson, Messrs D Myles, N Sneddon", "member")]
    assert names == ["R Dawson", "D Myles", "N Sneddon"]
    names = [p["name"] for p in parse_people("Chair: Mr B de Smid, Anna van der Berg", "member")]
    assert names == ["B de Smid", "Anna van der Berg"]


def test_posts_before_names_in_a_list_split_by_semicolons() -> None:
    from minutes.extract.attendance import parse_people

    text = "President, Paulette Church; Vice President, Mark Smith; Secretary, James Trammell, and At Large, Cy Young"
    found = [(p["name"], p["role"]) for p in parse_people(text, "member")]
    assert found == [
        ("Paulette Church", "President"),
        ("Mark Smith", "Vice President"),
        ("James Trammell", "Secretary"),
        ("Cy Young", "At Large"),
    ]


def test_a_roll_told_as_a_sentence_inside_the_first_item() -> None:
    text = (
        "2024 ANNUAL MEETING MINUTES\nJuly 13, 2024\n\n1. Welcome and Quorum Confirmation.\n"
        "A quorum was present. Board members present were President, Ann Lee; Treasurer, Bob Diaz.\n\n"
        "2. Budget\nThe budget was adopted.\n"
    )
    (found,) = extract(from_text(text))
    assert [(a.name, a.role, a.status) for a in found.attendees] == [
        ("Ann Lee", "President", "present"),
        ("Bob Diaz", "Treasurer", "present"),
    ]


@pytest.mark.parametrize(
    "title, approval, day",
    [
        (
            "Minutes of the Parish Council, 14 January 2026",
            "The minutes of the meeting held on 10 December were approved.",
            "2026-01-14",
        ),
        (
            "Minutes of the Annual General Meeting, 13 July 2024",
            "These minutes were approved at the next AGM, 10 July 2025.",
            "2024-07-13",
        ),
        (
            "Minutes of the Parish Council, 12 November 2025",
            "The minutes of 8 October 2026 were approved.",
            "2025-11-12",
        ),
    ],
)
def test_a_date_stands_where_no_year_slip_is_shown(title: str, approval: str, day: str) -> None:
    (found,) = extract(
        from_text(f"{title}\n\nPresent: Ann Lee, Bob Diaz\n\n1. Minutes\n{approval}\n\n2. Close\nEnded.\n")
    )
    assert found.date == day


def test_a_numbering_with_business_under_each_number_is_no_list_of_lines() -> None:
    from minutes.extract.items import Heading, _in_sequence
    from minutes.extract.model import Item

    def tops(blocks: list[int]) -> list[Heading]:
        return [Heading(Item(str(n), "Title", found=None), b, "dec") for n, b in enumerate(blocks, 1)]

    assert _in_sequence(tops([3, 7, 11, 15, 19]))  # items 1-5, each with lines under it: keep the numbers
    assert not _in_sequence(tops([3, 4, 5, 6, 7]))  # a numbered roll, one line after another
    assert not _in_sequence(tops([3, 7, 11]))  # too short to tell


def test_a_numbered_list_in_the_last_item_is_no_misnumbered_run() -> None:
    text = (
        "Minutes of the Parish Council, 3 March 2020\n\nPresent: Ann Lee, Bob Diaz\n\n1. APOLOGIES\nNone.\n\n"
        "2. PLANNING\nNone.\n\n3. STANDING ORDERS\nThe following standing orders were amended:\n\n"
        "12. Public participation\n\n13. Urgent business\n\n14. Voting\n"
    )
    (found,) = extract(from_text(text))
    assert [i.number for i in found.items] == ["1", "2", "3"]


def test_rolls_that_must_stay_as_printed() -> None:
    from minutes.extract.attendance import parse_people

    people = [(p["name"], p["role"]) for p in parse_people("John Chief, Head Teacher; Bob Diaz, Treasurer", "member")]
    assert people == [("John Chief", "Head Teacher"), ("Bob Diaz", "Treasurer")]  # a surname that is a role word
    people = [
        (p["name"], p["role"])
        for p in parse_people(
            "Jane Roe, Director of Parks, Recreation, and Cultural Services; Bob Diaz, Treasurer", "member"
        )
    ]
    assert people[0] == ("Jane Roe", "Director of Parks, Recreation, and Cultural Services")
    (found,) = extract(
        from_text(
            "Minutes of the Board, 3 March 2020\n\nPresent: Cllrs Smith, Jones, Brown\nClerk: Mary Jones\n\n"
            "1. Roads\nNone.\n"
        )
    )
    assert sorted(a.name for a in found.attendees) == ["Brown", "Jones", "Mary Jones", "Smith"]
    (found,) = extract(
        from_text(
            "Minutes of the Board, 3 March 2020\n\nPresent:\nAnn Lee\nBob Diaz (had to leave at 8pm)\nCy Young\n\n"
            "1. Roads\nNone.\n"
        )
    )
    assert [a.name for a in found.attendees] == ["Ann Lee", "Bob Diaz", "Cy Young"]


def test_a_capitals_heading_with_a_lower_case_gloss_is_an_item_not_a_named_task() -> None:
    text = (
        "Agenda for the Parish Council meeting to be held on 9 January 2019\n\n"
        "1. APOLOGIES FOR ABSENCE\n\n2. DECLARATIONS OF INTEREST - to note any Members' Declarations of Interest\n\n"
        "3. PUBLIC PARTICIPATION - to allow maximum of 15 minutes to receive questions from electors\n\n"
        "4. PLANNING\n"
    )
    (agenda,) = extract(from_text(text))
    titles = ["APOLOGIES FOR ABSENCE", "DECLARATIONS OF INTEREST", "PUBLIC PARTICIPATION", "PLANNING"]
    assert [i.title for i in agenda.items] == titles


_PORTAL_HEAD = (
    "Minutes of the meeting held on Tuesday 18 October 2022\n\nThose present\n"
    "David Attridge, Operations Manager\nGeorge Martin, Facilities Manager\nPaul Dean, Chair\n\n"
)


def test_a_task_in_brackets_where_a_sentence_starts_is_an_action_beside_action_markers() -> None:
    text = _PORTAL_HEAD + (
        "1. Safety\nThe lease covenants prohibit doorbells. [ACTION: DA, GM to investigate covenants]\n\n"
        "2. Travel\nPD questioned the timing of the survey. [GM to send this comment to the Travel Team] "
        "PD commented on the signage.\n\n3. Budget\nPD said a meeting would help.\n\n"
        "[DA to arrange a meeting, preferably in the evening]\n\n4. Other\nThe Council noted the report (for "
        "information only).\n"
    )
    (found,) = extract(from_text(text))
    assert [(a.owners, a.text) for a in found.actions] == [
        (["DA", "GM"], "DA, GM to investigate covenants"),  # initials after initials: a second owner
        (["GM"], "GM to send this comment to the Travel Team"),
        (["DA"], "DA to arrange a meeting, preferably in the evening"),
    ]
    assert [a.found.rule for a in found.actions][1:] == ["action.bracket_note"] * 2


def test_a_bracketed_owner_note_after_an_ownerless_task_gives_that_task_its_owners() -> None:
    text = _PORTAL_HEAD + (
        "1. Data\nActions:\n\nPublicity to highlight progress and suggest how data can become more meaningful. "
        "(DA to blog on the release of data thus far; George Martin/Paul Dean).\n\n"
        "Application to be finalised and submitted. (GM to confirm the policy statement.)\n"
    )
    (found,) = extract(from_text(text))
    assert [(a.owners, a.text[:28]) for a in found.actions] == [
        (["DA", "George Martin", "Paul Dean"], "Publicity to highlight progr"),
        (["GM"], "Application to be finalised "),
    ]


def test_a_bracket_note_in_minutes_that_mark_nothing_leaves_their_prose_actions_and_owned_tasks_alone() -> None:
    text = _HEAD_PC + (
        "1. Roads\nThe potholes were discussed. (Jane Smith to report this to the County.)\n\n"
        "2. Hall\nTom Brown will contact the caretaker about the keys.\n\n"
        "3. Fete\nPosters to be printed. (Jane Smith to help with the design.) Stalls to be booked. "
        "(Tom Brown to ask the stallholders.)\n\n"
        "4. Keys\nTom Brown to book the hall. (Jane Smith to help with the keys.)\n"
    )
    (found,) = extract(from_text(text))
    assert [(a.owners, a.text) for a in found.actions] == [
        (["Jane Smith"], "Jane Smith to report this to the County"),
        (["Tom Brown"], "Tom Brown will contact the caretaker about the keys."),
        (["Jane Smith"], "Posters to be printed. (Jane Smith to help with the design.)"),
        (["Tom Brown"], "Stalls to be booked. (Tom Brown to ask the stallholders.)"),
        (["Tom Brown"], "Tom Brown to book the hall."),
        (["Jane Smith"], "Jane Smith to help with the keys"),
    ]


def test_lines_that_each_give_a_person_and_their_post_are_not_run_together() -> None:
    blocks = _blocks_of(
        [
            Line("David Attridge, Operations Manager at Eddington, University Estates Division", page=1),
            Line("George Martin, Facilities Manager at Eddington, University Estates Division", page=1),
        ]
    )
    assert len(blocks) == 2
    prose = _blocks_of(
        [
            Line("The committee discussed the parking review at length and members asked that the", page=1),
            Line("Travel Team share the project plan with the association before the next meeting.", page=1),
        ]
    )
    assert len(prose) == 1  # a long line that ends mid-sentence still runs on
    for first, second in [
        ("Jane Smith, Tom Brown, Ann Lee, Bob Diaz, Carl Hage, Roan Kattouw, Don Chan, Peter Smith,", "Gus Tan."),
        (
            "Mr John Smith, Chair, reported that the work on the bypass had been delayed by",
            "Highways England, Network Rail and the County Council over the winter.",
        ),
    ]:
        assert len(_blocks_of([Line(first, page=1), Line(second, page=1)])) == 1  # left open: it goes on


def test_a_report_of_the_vote_is_not_a_second_decision_beside_the_items_resolved_block() -> None:
    text = _HEAD_PC + (
        "1. Apologies\nNone.\n\n2. Motion on vapes\nMr Rayner moved the motion set out in the agenda.\n\n"
        "Following the debate, the Chairman put the motion to the vote and it was agreed unanimously.\n\n"
        "RESOLVED that the Council writes to the government about disposable vapes.\n\n"
        "3. Litter\nA motion to buy two litter bins was moved by Cllr Smith. Motion carried.\n"
    )
    (found,) = extract(from_text(text))
    assert [(r.item, r.text) for r in found.resolutions] == [
        ("2", "that the Council writes to the government about disposable vapes."),
        ("3", "A motion to buy two litter bins was moved by Cllr Smith. Motion carried."),
    ]


def test_a_motion_told_in_one_paragraph_that_failed_decides_nothing_and_no_run_crosses_an_item() -> None:
    text = _HEAD_PC + (
        "1. New Business\nMotion made to suspend the meeting and continue next time was made and seconded. "
        "Discussion ensued. The motion did not pass (15 in favor when 28 were needed).\n\n"
        "2. Adjournment\nMotion made, seconded, and passed unanimously at 4:36 pm.\n"
    )
    (found,) = extract(from_text(text))
    assert [r.item for r in found.resolutions] == ["2"]


def test_a_surname_particle_does_not_end_a_list_of_apologies_one_name_a_line() -> None:
    text = (
        "MINUTES OF THE MEETING OF THE COMMUNITY COUNCIL HELD ON MONDAY 2nd OCTOBER 2023\n"
        "1. Welcome and Introductions.\n2. Apologies for Absence\nDavid Myles\nBruce de Smid\nCouncillor J Tepp\n"
        "3. Constitution and Standing Orders Adopted\n"
    )
    (found,) = extract(from_text(text))
    assert [(a.name, a.status) for a in found.attendees] == [
        ("David Myles", "apologies"),
        ("Bruce de Smid", "apologies"),
        ("J Tepp", "apologies"),
    ]


def test_a_marked_up_apologies_heading_over_names_lists_them_and_an_apology_outranks_an_unticked_box() -> None:
    text = (
        "# Steering Group - 4 May 2023\n\n## Attendance\n\n- [x] Ann Lee, Northfield Trust\n"
        "- [ ] Bob Diaz, Westgate Ltd\n- [ ] Cy Tran, Eastbrook Co\n\n## Apologies\n\n- Bob Diaz, Westgate Ltd\n\n"
        "## Budget\n\nThe budget was discussed.\n"
    )
    (found,) = extract(from_text(text, markdown=True))
    assert [(a.name, a.status) for a in found.attendees] == [
        ("Ann Lee", "present"),
        ("Bob Diaz", "apologies"),
        ("Cy Tran", "absent"),
    ]


def test_a_marked_up_apologies_heading_over_a_sentence_stays_an_item_and_no_apologies_names_nobody() -> None:
    text = (
        "# Parish Council minutes, 4 May 2023\n\nPresent: Ann Lee, Bob Diaz\n\nAbsent: Cy Tran\n\n"
        "## Apologies\n\nApologies were received from Dee Fox. No apologies had been received from Eve Hall.\n\n"
        "## Budget\n\nThe budget was discussed.\n"
    )
    (found,) = extract(from_text(text, markdown=True))
    assert [(a.name, a.status) for a in found.attendees] == [
        ("Ann Lee", "present"),
        ("Bob Diaz", "present"),
        ("Cy Tran", "absent"),
        ("Dee Fox", "apologies"),
    ]
    assert [i.title for i in found.items] == ["Apologies", "Budget"]


def test_apologies_reported_in_the_active_voice_across_a_line_ending_in_a_title() -> None:
    blocks = _blocks_of(
        [
            Line("The Clerk reported apologies from Mr Beaney, Mr"),
            Line("Campkin, Miss Carey and Mr Wright. Ms Grehan had given her apologies but"),
            Line("was attending the meeting virtually."),
        ]
    )
    assert len(blocks) == 1  # 'Mr' cannot end a paragraph: its name is on the next line
    text = (
        "MINUTES of a meeting of the County Council held on Thursday, 9 January 2025.\n\n"
        "PRESENT: Mr N Baker, Mr M Baldock\n\n283. Apologies for Absence\n"
        f"{blocks[0].text}\n\n284. Declarations\nNone.\n"
    )
    (found,) = extract(from_text(text))
    assert [a.name for a in found.attendees if a.status == "apologies"] == ["Beaney", "Campkin", "Carey", "Wright"]
    (dotted,) = extract(from_text(text.replace("Mr Beaney", "Mr. Beaney")))
    assert [a.name for a in dotted.attendees if a.status == "apologies"][:2] == ["Beaney", "Campkin"]


@pytest.mark.parametrize(
    "said", ["There was an apology from Cllr Shobha Edgell", "There were apologies from Cllr Shobha Edgell."]
)
def test_apologies_that_there_were(said: str) -> None:
    text = f"{_HEAD_PC}1. Apologies\n{said}\n\n2. Budget\nNoted.\n"
    (found,) = extract(from_text(text))
    assert ("Shobha Edgell", "apologies") in [(a.name, a.status) for a in found.attendees]


@pytest.mark.parametrize(
    "body, decisions",
    [
        (  # the next item's heading ends the run: its outcome is its own motion's
            "1. Hall\nCllr Smith moved the report on the hall.\n\n"
            "2. Bins\nA motion to buy two bins was moved. Motion carried by a vote of 5-0.\n",
            [("2", "A motion to buy two bins was moved. Motion carried by a vote of 5-0.")],
        ),
        (  # the RESOLVED block ends it: the vote after it is that decision's, not a second one
            "1. Hall\nCllr Smith moved the amendment, seconded by Cllr Lee.\n\n"
            "RESOLVED that the hall be painted.\n\nThe motion was carried unanimously.\n",
            [("1", "that the hall be painted.")],
        ),
        (  # a vote that carries a 'that ...' of its own is a decision of its own
            "1. Hall\nRESOLVED that the hall be painted.\n\n"
            "The Chairman put the proposal that the hall be let to the club on Fridays, and it was agreed.\n",
            [
                ("1", "that the hall be painted."),
                ("1", "The Chairman put the proposal that the hall be let to the club on Fridays, and it was agreed."),
            ],
        ),
    ],
)
def test_a_motion_run_ends_at_the_next_heading_or_resolved_block(body: str, decisions: list) -> None:
    (found,) = extract(from_text(_HEAD_PC + body))
    assert [(r.item, r.text) for r in found.resolutions] == decisions


def test_a_roll_heading_with_names_under_it_makes_a_paper_with_an_agenda_section_minutes() -> None:
    text = (
        "Board Meeting 2013-02-25\n\nAttendees\n\nChris Browne, Scott Sullivan, Bill Thanis, Drew Sullivan\n\n"
        "Agenda\n\n* Upcoming Meetings\n* Systems Stuff\n\nUpcoming Meetings\n\n* Feb - a talk on network switches\n"
    )
    blocks = paragraphs(from_text(text).lines)
    assert [s.kind for s in segments(blocks)] == ["minutes"]


def test_an_attachment_after_the_meeting_closed_is_not_more_of_the_minutes() -> None:
    minutes = (
        "Board of Directors Meeting Minutes\nThursday, January 27, 2022 at 6PM via Zoom\n\n"
        "Present: Ann Lee, Bob Diaz\n\n1. Roads\nThe roads were plowed.\n\n2. Budget\n"
        "Appendix A\n\nThe budget in Appendix A was approved.\n\n3. Adjournment\nThe meeting was adjourned at 7PM.\n\n"
    )
    for attachment in ("ATTACHMENT TO JANUARY 27, 2022 BOARD MEETING MINUTES\n\n", "APPENDIX B\n\n"):
        found = extract(from_text(minutes + attachment + "Discussion\n\n1. Speed humps\nResidents asked for humps.\n"))
        assert [(m.kind, [i.title for i in m.items]) for m in found] == [
            ("minutes", ["Roads", "Budget", "Adjournment"])  # 'Appendix A' before the close is the budget's
        ]


def test_a_footnote_mark_after_a_name_neither_ends_a_numbered_roll_nor_names_an_organisation() -> None:
    from minutes.extract.attendance import parse_people

    assert parse_people("Penny Wood (*), Tom Brown*, Ann Lee", "member") == [
        {"name": "Penny Wood", "role": None},
        {"name": "Tom Brown", "role": None},
        {"name": "Ann Lee", "role": None},
    ]
    roll = "".join(
        f"{n}. {name}\n"
        for n, name in enumerate(
            ["Adam Mellor", "Beau Scott", "Ben Connor", "Penny Wood (*)", "Phoebe-Jean Harris", "Renae Currie"], 1
        )
    )
    text = (
        "# AGM Minutes 2023-09-16\n\n## Setup\n\nAttendees (ordinary Members):\n\n"
        f"{roll}\n(*) Member present, but did not have voting rights.\n\n"
        "## Minutes\n\n### Quorum\n\nThe quorum was met.\n"
    )
    (found,) = extract(from_text(text, markdown=True))
    assert [a.name for a in found.attendees] == [
        "Adam Mellor",
        "Beau Scott",
        "Ben Connor",
        "Penny Wood",
        "Phoebe-Jean Harris",
        "Renae Currie",
    ]
    assert all(i.number is None for i in found.items)  # no numbered name is an item


_AGM_HEAD = "# AGM Minutes 2023-09-16\n\n## Setup\n\nAttendees (ordinary Members):\n\n"
_AGM_END = "\n## Minutes\n\nThe quorum was met.\n"


def _agm_roll(middle: str) -> list[tuple[str, str | None]]:
    (found,) = extract(
        from_text(
            _AGM_HEAD
            + "* Attended in person:\n  1. Adam Mellor\n  2. Beau Scott\n  3. Ben Connor\n\n"
            + middle
            + _AGM_END,
            markdown=True,
        )
    )
    return [(a.name, a.category) for a in found.attendees]


def test_a_markdown_attribute_line_is_style_not_text() -> None:
    assert [line.text for line in from_text("Note.\n{.is-info}\n\n{: .note}\nNext\n", markdown=True).lines] == [
        "Note.",
        "Next",
    ]
    assert [line.text for line in from_text("{Draft} Text\n", markdown=True).lines] == ["{Draft} Text"]


def test_a_roll_reads_past_the_note_on_its_footnote_mark() -> None:
    assert _agm_roll("> (*) Member present, but did not have voting rights.\n\n* Observers: Jessica Johnson\n") == [
        ("Adam Mellor", "member"),
        ("Beau Scott", "member"),
        ("Ben Connor", "member"),
        ("Jessica Johnson", "observer"),
    ]


def test_observing_labels_a_list_of_observers() -> None:
    assert _agm_roll("Observing:\n\n* Jessica Johnson\n")[-1] == ("Jessica Johnson", "observer")


def test_a_label_of_no_list_ends_the_roll_but_a_groups_label_over_names_does_not() -> None:
    proxies = "Proxies:\n\n| Member | Proxy |\n| - | - |\n| Bruce Chambers | Beau Scott |\n"
    assert [name for name, _ in _agm_roll(proxies)] == ["Adam Mellor", "Beau Scott", "Ben Connor"]
    text = (
        "Minutes of the Parish Council meeting held on 5 March 2024\n\nPresent:\n\nParish Councillors:\n\n"
        "Jane Smith, Tom Brown, Ann Lee\n\nResidents:\n\nMaureen Clarke\n\nClerk: Jane Doe\n\n1. Roads\nNoted.\n"
    )
    (found,) = extract(from_text(text))
    assert [a.name for a in found.attendees] == ["Jane Smith", "Tom Brown", "Ann Lee", "Maureen Clarke", "Jane Doe"]


def test_a_roll_kept_at_the_end_under_its_own_heading_is_read_when_none_heads_the_minutes() -> None:
    text = (
        "# Steering Committee 2015-07-02\n\n## Welcome\n\nThe chair welcomed members.\n\n"
        + "".join(f"## Topic {n}\n\nThe topic was discussed at length and agreed.\n\n" for n in range(1, 9))
        + "## Attending:\n\nMatt Davis\nKaty Huff\nAdina Howe\n\n## Next meeting\n\nIn two weeks.\n"
    )
    (found,) = extract(from_text(text, markdown=True))
    assert [(a.name, a.status) for a in found.attendees] == [
        ("Matt Davis", "present"),
        ("Katy Huff", "present"),
        ("Adina Howe", "present"),
    ]


def test_an_item_adjourned_or_a_break_is_not_the_meetings_close_before_an_appendix() -> None:
    for said in ("The item was adjourned to the next meeting.", "The meeting adjourned for a 10 minute break."):
        text = _HEAD_PC + f"1. Roads\n{said}\n\n2. Budget\nAppendix A\n\n3. Planning\nNoted.\n\n4. Close\nDone.\n"
        (found,) = extract(from_text(text))
        assert [i.title for i in found.items] == ["Roads", "Budget", "Planning", "Close"]


def test_an_untitled_paper_is_cut_at_its_attachment_too() -> None:
    text = (
        "Present: Jane Smith, Tom Brown\n\n1. Roads\nThe roads were plowed.\n\n"
        "2. Adjournment\nThe meeting was adjourned at 7PM.\n\nAPPENDIX A\n\n1. Speed humps\n2. Signs\n3. Lights\n"
    )
    (found,) = extract(from_text(text))
    assert [i.title for i in found.items] == ["Roads", "Adjournment"]


def test_a_roll_heading_over_a_welcome_to_all_leaves_an_agenda_an_agenda() -> None:
    text = (
        "Agenda\nThe meeting will be held on 12 March 2024.\n\nAttendees\n\n"
        "All councillors, the clerk, and members of the public are welcome.\n\n"
        "1. To receive apologies\n2. To approve the minutes\n"
    )
    assert [m.kind for m in extract(from_text(text))] == ["agenda"]


def test_a_late_roll_is_a_heading_that_says_who_attended_over_one_name_a_line() -> None:
    business = "".join(f"## Topic {n}\n\nThe topic was discussed at length and agreed.\n\n" for n in range(9))
    text = (
        "# Society meeting 5 March 2024\n\nApologies: Tracy Teal\n\n"
        + business
        + "## Members\n\nAnn Lee, Bob Diaz and Carl Ng joined the society this month.\n\n"
        + "## Attending:\n\nMatt Davis\nTracy Teal\n"
    )
    (found,) = extract(from_text(text, markdown=True))
    assert [(a.name, a.status) for a in found.attendees] == [("Tracy Teal", "apologies"), ("Matt Davis", "present")]


def test_agreed_with_a_full_stop_gives_an_outcome_and_heads_nothing_below_it() -> None:
    text = _HEAD_PC + (
        "1. Hall\nThe Chairman put part 4 of the motion to the vote.\n\nAgreed.\n\n"
        "Following the debate, the members discussed the hall's roof and the need for repairs to be done soon.\n\n"
        "2. Bins\nAgreed:\n\nthat two bins be bought.\n"
    )
    (found,) = extract(from_text(text))
    assert [(r.item, r.text) for r in found.resolutions if r.found.rule == "resolution.block"] == [
        ("2", "that two bins be bought.")
    ]


def test_a_motion_run_that_only_reports_the_vote_beside_the_resolved_block_is_that_decision() -> None:
    text = _HEAD_PC + (
        "1. Vapes\nMr Rayner moved the motion, seconded by Mr Meade.\n\n"
        "Following the debate, the Chairman put the substantive motion to the vote and the voting was as follows:\n\n"
        "Substantive Motion carried.\n\nRESOLVED that the Council writes to the government about vapes.\n"
    )
    (found,) = extract(from_text(text))
    assert [r.text for r in found.resolutions] == ["that the Council writes to the government about vapes."]


def test_the_signature_under_minutes_that_number_nothing_is_not_a_topic() -> None:
    text = (
        "Township Board Meeting Minutes\nJanuary 27, 2022\n\nPresent: Ann Lee, Bob Diaz\n\n"
        "Roads – Ray Smith has kept the roads plowed.\n\nDam – Nothing to report.\n\nLake – It is frozen.\n\n"
        "Special Events – No report.\n\nRespectfully submitted,\n\nJim Buiter, Clerk\n"
    )
    (found,) = extract(from_text(text))
    assert [i.title for i in found.items] == ["Roads", "Dam", "Lake", "Special Events"]


def test_a_dash_hung_on_the_titles_last_word_still_parts_title_from_outcome() -> None:
    from minutes.extract.items import split_title

    assert split_title("Old Business- none due to time")[:2] == ("Old Business", "none due to time")
    assert split_title("Co-opted members")[:2] == ("Co-opted members", None)


def test_the_date_after_a_next_meeting_heading_is_not_its_title() -> None:
    from minutes.extract.items import split_title

    assert split_title("Date of next meeting: 30th September")[:2] == ("Date of next meeting", "30th September")
    assert split_title("Date and venue of the next meeting: Village Hall, 3 May")[0] == (
        "Date and venue of the next meeting"
    )
    assert split_title("Planning: 24 Mill Lane")[:2] == ("Planning: 24 Mill Lane", None)  # a reference: one title
    text = "Minutes of the Council meeting held on 19 August 2024\n\n1. Apologies\nNone.\n\n"
    text += "2. Date of next meeting: 28th October.\n"
    (found,) = extract(from_text(text))
    assert [i.title for i in found.items] == ["Apologies", "Date of next meeting"]


def test_a_packs_cross_reference_is_not_part_of_the_title() -> None:
    from minutes.extract.items import split_title

    assert split_title("Governance Updates (Pages 285 - 334)")[:2] == ("Governance Updates", None)
    assert split_title("Questions (Item 6)")[0] == "Questions"
    assert split_title("Motion for Time Limited Debate (Pages 341 - 342) Benjamin Watts")[:2] == (
        "Motion for Time Limited Debate",
        "Benjamin Watts",
    )
    assert split_title("Accounts (2023/24)")[0] == "Accounts (2023/24)"
    assert split_title("Chair's Report (Item 12) (Pages 3 - 4)")[:2] == ("Chair's Report", None)
    assert split_title("Questions (Item 6) from the public")[:2] == ("Questions from the public", None)


def test_the_next_number_may_head_a_long_formal_title() -> None:
    text = (
        "Agenda for a meeting of the County Council on 13 March 2025\n\n1. Apologies for Absence\n"
        "2. Chairman's Announcements\n3. Minutes of the meeting held on 13 February 2025 and, if in order, to be "
        "approved as a correct record\n4. Questions\n"
    )
    (found,) = extract(from_text(text))
    assert [i.number for i in found.items] == ["1", "2", "3", "4"]
    assert found.items[2].title.endswith("to be approved as a correct record")


def test_a_date_broken_before_its_year_joins_its_line() -> None:
    lines = [
        Line("3. Minutes of the meetings held on 19 December 2024 and 9 January", page=1),
        Line("2025 and, if in order, to be approved as a correct record", page=1),
        Line("4. Questions", page=1),
    ]
    assert [b.text for b in paragraphs(lines)] == [
        "3. Minutes of the meetings held on 19 December 2024 and 9 January 2025 and, if in order, to be approved "
        "as a correct record",
        "4. Questions",
    ]
    lines = [Line("The works were completed on 12 March", page=1), Line("2045. Planning applications", page=1)]
    assert len(paragraphs(lines)) == 2  # a minute numbered like a year starts its own paragraph


def test_a_table_of_motions_gives_one_decision_a_row_unless_lost() -> None:
    text = (
        "# Committee Meeting - 2025-09-25\n\n**Present:** Ann Lee, Bob Diaz\n\n## Minutes\n\n"
        "| Motion Text | Moved by | Seconded by | Status |\n| --- | --- | --- | --- |\n"
        "| Accept minutes of the previous meeting | Ann Lee | Bob Diaz | Passed |\n"
        "| Appoint an auditor | No-one | No-one | Lapsed |\n"
        "| Approve $700 for jointer transport | Bob Diaz | Ann Lee | Accepted unanimously |\n\n"
        "## Budget\n\n| Motion | Amount |\n| --- | --- |\n| Tools | $200 |\n"
    )
    (found,) = extract(from_text(text, markdown=True))
    assert [(r.text, r.found.rule) for r in found.resolutions] == [
        ("Accept minutes of the previous meeting", "resolution.motion_table"),
        ("Approve $700 for jointer transport", "resolution.motion_table"),
    ]
    text = (
        "# Committee Meeting - 2025-09-25\n\n**Present:** Ann Lee, Bob Diaz\n\n## Motions\n\n"
        "| Motion | Proposer | Seconder | Result |\n| --- | --- | --- | --- |\n"
        "| Buy a mower | Ann Lee | Bob Diaz | Lost 2-5 |\n| Paint the hall | Bob Diaz | Ann Lee | Fell |\n"
        "| Hire a skip | Ann Lee | Bob Diaz | Carried 6-1 |\n\n## Ideas\n\n"
        "| Proposal | Proposer | Notes |\n| --- | --- | --- |\n| Build a skate park | Ann Lee | For May |\n"
    )
    (found,) = extract(from_text(text, markdown=True))
    assert [r.text for r in found.resolutions] == ["Hire a skip"]  # lost, fell, or only put: no decision


def test_a_post_with_its_place_after_a_name_on_a_roll_is_no_second_person() -> None:
    from minutes.extract.attendance import parse_people

    (one,) = parse_people("David Attridge, Operations Manager at Eddington, University Estates Division", None)
    assert one == {
        "name": "David Attridge",
        "role": "Operations Manager at Eddington, University Estates Division",
    }
    names = [p["name"] for p in parse_people("Jane Doe, Head of IT, Peter Baker", None)]
    assert names == ["Jane Doe", "Peter Baker"]  # a post before a name belongs to that name
    (pc,) = parse_people("PC Bob Diaz, Thames Valley Police", None)
    assert pc["organisation"] == "Thames Valley Police"
    ann, bob = parse_people("Ann Lee, Bob Diaz, Officers of the Council", None)
    assert bob.get("role") != "Officers of the Council"  # a group's name, not Bob Diaz's post


def test_an_agenda_items_timing_is_not_its_title_and_names_who_leads_it() -> None:
    from minutes.extract.items import split_title

    assert split_title("Default value coercion update (15m, Benjie)", True) == (
        "Default value coercion update",
        None,
        ["Benjie"],
    )
    assert split_title("Updates from Subcommittees [ 10 min, until 0:25 ]", True)[0] == "Updates from Subcommittees"
    assert split_title("Budget monitoring (15 mins)")[0::2] == ("Budget monitoring", [])
    assert split_title("Apologies (5)")[0] == "Apologies (5)"  # a count, no timing
    for size in ("Wall height (2m)", "Speed limit (30 m)", "Parking (2 hours)"):
        assert split_title(size)[0] == size  # a size or a limit, not the item's time


def test_a_colon_parts_a_title_from_its_content_not_from_its_subtitle() -> None:
    from minutes.extract.items import split_title

    assert split_title("Guest Speaker: Nicola Upson, Author")[:2] == ("Guest Speaker", "Nicola Upson, Author")
    assert split_title("Appointment of Auditor: To appoint the Auditor - Larking Gowen Ltd")[0] == (
        "Appointment of Auditor"
    )
    assert split_title("IT Support: Peter Smith, proposed by Wendy Carr")[0] == "IT Support"
    assert split_title("To receive Financial Report: BMM A/C £3,254.74")[0] == "To receive Financial Report"
    assert split_title("Date for next meeting: 7 November, 7pm")[0] == "Date for next meeting"
    assert split_title("President's Report: https://example.org/report.pdf")[0] == "President's Report"
    assert split_title("Neighbourhood Watch: Report from Nick read out by Lee")[0] == "Neighbourhood Watch"
    # a subtitle stays: these name the business
    for title in (
        "Policies: Safeguarding, Data Protection",
        "Planning: Mill Lane, Oak Tree Close",
        "Reports: Chairman, Clerk, Treasurer",
        "Finance: Payments over £500",
    ):
        assert split_title(title)[:2] == (title, None)
    assert split_title("Finance: Budget Monitoring and SFVS")[0] == "Finance: Budget Monitoring and SFVS"
    assert split_title("Deputation: Waltham Forest Carers' Forum")[0] == "Deputation: Waltham Forest Carers' Forum"
    assert split_title("Urgent and Emergency Care: 12-hour waits")[0] == "Urgent and Emergency Care: 12-hour waits"


def test_a_dash_parts_a_topic_from_the_sentence_that_reports_on_it() -> None:
    from minutes.extract.items import split_title

    assert split_title("Halloween – Walbottle Coffee Shop would like to be involved")[:2] == (
        "Halloween",
        "Walbottle Coffee Shop would like to be involved",
    )
    assert split_title("Funding – Cllr Bell reported on a grants event. It was useful.")[0] == "Funding"
    assert split_title("Water Supply Resilience - Rural Schemes")[0] == "Water Supply Resilience - Rural Schemes"
    assert split_title("Remembrance – Poppy display as last year")[1] is None  # no report: one title
    assert split_title("Youth Club – Council Will Consider Funding")[1] is None  # a headline, not a report


def test_a_presenter_in_brackets_is_read_before_the_headings_colon() -> None:
    from minutes.extract.items import split_title

    assert split_title("Welcome (Bob Colenutt):")[0::2] == ("Welcome", ["Bob Colenutt"])


def test_an_action_items_heading_gives_no_owner_to_the_line_above() -> None:
    text = (
        "Minutes of the Board meeting held on 21 February 2015\n\nAttendees: Ann Lee, Rebecca Galves\n\n"
        "New Business:\nRebecca Galves is going to work on getting the network ready to apply for grants.\n"
        "ACTION ITEMS:\n"
    )
    (found,) = extract(from_text(text))
    assert [(a.owners, a.found.rule) for a in found.actions] == [(["Rebecca Galves"], "action.x_going_to")]
    text = text.replace("ACTION ITEMS:\n", "ACTION ITEMS: (Discussion/Action)\n")
    text += "ACTION ITEM: AL to book the hall.\nAction item 3: RG to send the letter.\n"
    (found,) = extract(from_text(text))  # a paper that marks its actions: the marked lines are its actions
    assert [(a.text, a.owners) for a in found.actions] == [
        ("AL to book the hall.", ["AL"]),
        ("RG to send the letter.", ["RG"]),
    ]


def test_a_table_under_an_actions_heading_names_its_owners_without_an_action_column() -> None:
    text = (
        "# Board Meeting\n\nDate: 21 February 2015\n\nAttendees: Phyllis Baca, Jeanne Banks\n\n## Membership\n\n"
        "Dues are coming in.\n\n**ACTION ITEMS:**\n\n"
        "| Date | Item | Responsible | Status |\n| --- | --- | --- | --- |\n"
        "| 02.20.15 | Find out if any portion of the membership fee is tax deductible. | Jean | Open |\n"
        "| 02.20.15 | Finalise the dates for the Annual Meeting. | Diane/Cheri | Open |\n\n"
        "## Agenda for next time\n\n| Item | Lead |\n| --- | --- |\n| Budget review | Jeanne Banks |\n"
    )
    (found,) = extract(from_text(text, markdown=True))
    assert [(a.text, a.owners) for a in found.actions] == [
        ("Find out if any portion of the membership fee is tax deductible.", ["Jean"]),
        ("Finalise the dates for the Annual Meeting.", ["Diane", "Cheri"]),
    ]


def test_an_action_table_goes_on_over_a_page_only_where_its_owner_column_still_holds_owners() -> None:
    from minutes.extract.tables import action_rows

    def row(table: int, r: int, cells: list[str], page: int) -> list[Line]:
        return [Line(text, page=page, cell=(table, r, c)) for c, text in enumerate(cells) if text]

    lines = [
        *row(0, 0, ["Ref", "Action", "Owner", "Due"], 1),
        *row(0, 1, ["98/22", "Notify the authority of the appointments", "Clerk", "asap"], 1),
        *row(1, 0, ["99/22", "Put the minutes on the website", "Clerk", "asap"], 2),  # the table goes on
        Line("Minutes", page=2),
        *row(2, 0, ["FGB 100/22", "Welcome", "The Chair welcomed all governors to the meeting", ""], 2),
    ]
    blocks = paragraphs(lines)
    found = action_rows(blocks, 0, len(blocks))
    assert [(a.text, a.owners) for a in found] == [
        ("Notify the authority of the appointments", ["Clerk"]),
        ("Put the minutes on the website", ["Clerk"]),
    ]
    # a table after the minutes' own text is another table, whatever its columns hold
    prose = [Line(f"The governors discussed point {n} at length.", page=2) for n in range(4)]
    blocks = paragraphs([*lines[:8], *prose, *row(1, 0, ["99/22", "Put the minutes on the website", "Clerk", ""], 2)])
    assert [a.text for a in action_rows(blocks, 0, len(blocks))] == ["Notify the authority of the appointments"]
    # owners written with their post, or not yet named, still run on over the page
    lines = [
        *row(0, 0, ["Ref", "Action", "Owner", "Due"], 1),
        *row(0, 1, ["98/22", "Notify the authority of the appointments", "Clerk", "asap"], 1),
        *row(1, 0, ["99/22", "Put the minutes on the website", "Mrs J Smith (Clerk)", ""], 2),
        *row(1, 1, ["100/22", "Book the hall for the summer fair", "", "June"], 2),
    ]
    blocks = paragraphs(lines)
    assert [a.text for a in action_rows(blocks, 0, len(blocks))] == [
        "Notify the authority of the appointments",
        "Put the minutes on the website",
        "Book the hall for the summer fair",
    ]


def test_date_or_chair_heading_a_table_column_is_kept_though_alone_on_a_line_it_is_a_signature_blank() -> None:
    text = "| Date | Chair |\n| --- | --- |\n| 1 May | Ann Lee |\n\nSigned\n\nDate\n\nChair\n"
    lines = from_text(text, markdown=True).lines
    assert [(line.cell, line.text) for line in lines] == [
        ((0, 0, 0), "Date"),
        ((0, 0, 1), "Chair"),
        ((0, 1, 0), "1 May"),
        ((0, 1, 1), "Ann Lee"),
    ]


def test_capitals_ending_a_heading_present_it_only_when_they_are_an_attendees_initials() -> None:
    text = (
        "# Board minutes, 4 May 2023\n\nPresent: Jane Brown, Tom Reid\n\n"
        "## Finance report JB\n\nThe accounts were noted.\n\n## Packages & PSF\n\nThe packaging was discussed.\n"
    )
    (found,) = extract(from_text(text, markdown=True))
    assert [(i.title, i.presenters) for i in found.items] == [("Finance report", ["JB"]), ("Packages & PSF", [])]


def test_markdown_shows_its_character_references_as_the_characters() -> None:
    lines = from_text("- Ann Lee: Get back to &lt;sponsor&gt; about the Q&amp;A &mdash; soon\n", markdown=True).lines
    assert [line.text for line in lines] == ["Ann Lee: Get back to <sponsor> about the Q&A — soon"]


@pytest.mark.parametrize(
    "head, body",
    [
        ("Kirk Ferryport -On-Tay\nCommunity Council\nMINUTES OF THE MEETING HELD ON 6 MARCH 2023\n", None),
        ("New Pavilion Working group\nNotes of the meeting held on 6 March 2023\n", "New Pavilion Working group"),
    ],
)
def test_a_bodys_name_is_read_whole_from_its_letterhead(head: str, body: str | None) -> None:
    text = head + "\nPresent: Ann Bell, Cy Dee\n\n1. Finance\nThe accounts were noted by the Parish Council.\n"
    (found,) = extract(from_text(text))
    assert found.body == (body or "Kirk Ferryport-On-Tay Community Council")


@pytest.mark.parametrize(
    "line",
    ["Ashby Magna Parish Council - 26th January 2021", "Extraordinary Meeting of the Ashby Magna Parish Council"],
)
def test_an_organisations_line_is_its_name_without_the_date_or_the_kind_of_meeting(line: str) -> None:
    from minutes.extract.header import _organisation

    assert _organisation(paragraphs(from_text(line + "\n").lines)) == "Ashby Magna Parish Council"


def test_a_word_about_the_paper_over_a_bare_council_is_not_its_place() -> None:
    from minutes.extract.header import _organisation

    assert _organisation(paragraphs(from_text("DRAFT\nParish Council\n").lines)) == "Parish Council"


def test_the_roll_ends_where_the_business_opens_and_a_slash_parts_two_people_however_spaced() -> None:
    text = (
        "MINUTES OF THE MEETING OF THE COMMUNITY COUNCIL HELD ON MONDAY 4th DECEMBER 2023\n"
        "Present: Chair: Mr B Hale : Treasurer: Mr J Kerr/ Ms R Hay\n"
        "Apologies: Mrs S Walker\n"
        "Declarations of Interest: Mr B Hale – Foodbank\n"
        "1. Planning\nNo applications.\n"
    )
    (found,) = extract(from_text(text))
    assert [(a.name, a.status) for a in found.attendees] == [
        ("B Hale", "present"),
        ("J Kerr", "present"),
        ("R Hay", "present"),
        ("S Walker", "apologies"),
    ]


def test_a_doubled_colon_after_a_label_and_a_half_spaced_hyphen_in_a_surname_are_typing_slips() -> None:
    from minutes.extract.attendance import label_of, parse_people

    assert label_of("Apologies:: Mr D Myles") == ("apologies", None, "Mr D Myles")
    assert [p["name"] for p in parse_people("Councillor L Kennedy- Dalby, Councillor J Tepp", None)] == [
        "L Kennedy-Dalby",
        "J Tepp",
    ]


def test_actions_in_a_closing_action_items_list_belong_to_no_item() -> None:
    text = (
        "# Board minutes, 4 May 2023\n\nPresent: Jane Brown, Tom Reid\n\n## Budget\n\n"
        "ACTION: Jane to circulate the budget.\n\n## Action items\n\n- Tom: book the hall for June\n"
    )
    (found,) = extract(from_text(text, markdown=True))
    assert [(a.item, a.owners) for a in found.actions] == [("Budget", ["Jane"]), (None, ["Tom"])]
    per_item = text.replace("## Action items", "### Actions") + "\n## Hall\n\nThe hall was discussed.\n"
    (found,) = extract(from_text(per_item, markdown=True))
    assert [a.item for a in found.actions] == ["Budget", "Budget"]  # a list under its item stays the item's


@pytest.mark.parametrize(
    "title, place",
    [
        ("MINUTES OF A MEETING HELD ON 13TH FEBRUARY 2019 AT 19.00 IN ASHBY MAGNA SCHOOL", "Ashby Magna School"),
        ("MINUTES OF THE MEETING HELD IN THE BURGH CHAMBERS ON MONDAY 6TH NOVEMBER 2023", "Burgh Chambers"),
        ("Minutes of the meeting held on Monday 5 May 2025 at 7.30pm in the Church Rooms", "Church Rooms"),
        ("Minutes of the Board Meeting in Public held on Monday 5 May 2025", None),
    ],
)
def test_the_place_a_title_says_the_meeting_was_held_in(title: str, place: str | None) -> None:
    (found,) = extract(from_text(title + "\n\nPresent: Ann Bell, Cy Dee\n\n1. Finance\nThe accounts were noted.\n"))
    assert found.location == place


def test_pdfiums_hyphen_mark_reads_as_a_hyphen() -> None:
    from minutes.ingest.cleanup import clean

    (line,) = clean([Line("She was co\ufffeopted onto the Council.", page=1)], 1)
    assert line.text == "She was co-opted onto the Council."


def test_a_post_the_margin_pushed_onto_its_own_line_ends_the_sentence_rather_than_blanking_a_signature() -> None:
    from minutes.ingest.cleanup import clean

    lines = [
        Line("It was resolved to write. Proposed by Cllr Hale, seconded by the Vice", page=2, wrapped=True),
        Line("Chairman.", page=2),
        Line("The meeting closed at 9pm.", page=2),
        Line("Chairman", page=2),  # the blank beneath the minutes for the chair to sign
    ]
    assert [line.text for line in clean(lines, 2)] == [lines[0].text, "Chairman.", "The meeting closed at 9pm."]


def test_a_word_and_full_stop_on_the_next_line_ends_the_sentence_above_even_after_a_number() -> None:
    lines = [
        Line("24 Birch Green – the brick pillars may have been built over the boundary onto Village", page=1),
        Line("Green. Councillors will look and report to the next meeting.", page=1),
        Line("Proposal to buy a new bench for the recreation ground moved by Cllr Hale seconded by", page=1),
        Line("Cllr Lowe and put to the vote of the members present at the meeting tonight", page=1),
        Line("Carried.", page=1),  # an outcome stands apart
        Line("A second proposal to move the bench to the far side of the recreation ground was then", page=1),
        Line("Declined.", page=1),
    ]
    assert [len(b.lines) for b in _blocks_of(lines)] == [2, 2, 1, 1, 1]


def test_a_wiki_pages_headings_in_typed_text_are_headings() -> None:
    lines = from_text(
        "= Board Meeting 2013-02-25 =\n== Attendees ===\nAnn Lee,\nBob Diaz\n== Agenda ==\nA = B == C\n"
    ).lines
    assert [(line.text, line.heading) for line in lines] == [
        ("Board Meeting 2013-02-25", 1),
        ("Attendees", 2),
        ("Ann Lee,", None),
        ("Bob Diaz", None),
        ("Agenda", 2),
        ("A = B == C", None),  # '=' inside a line is no markup
    ]
    (m,) = extract(from_text("= Board Meeting 2013-02-25 =\n== Attendees ==\nAnn Lee,\nBob Diaz\n"))
    assert [a.name for a in m.attendees] == ["Ann Lee", "Bob Diaz"]


def test_a_markdown_heading_that_opens_in_lower_case_is_still_an_item() -> None:
    text = (
        "# Board Meeting 2024-03-14\n\n## Present\n\n- Ann Lee\n- Bob Diaz\n\n## Minutes\n\n"
        "### charter: revised membership rules #142\n\n- Agreed to merge it.\n\n"
        "### nominating @cydee to the board #205\n\n- Seven votes in favour.\n\n### Finances\n\n- Nothing new.\n"
    )
    (found,) = extract(from_text(text, markdown=True))
    assert [i.title for i in found.items] == [  # '## Minutes' straight over them wraps them
        "charter: revised membership rules #142",
        "nominating @cydee to the board #205",
        "Finances",
    ]
    approved = text.replace("## Minutes\n\n", "## Minutes\n\nThe minutes of the last meeting were approved.\n\n")
    (found,) = extract(from_text(approved, markdown=True))
    assert [i.title for i in found.items][0] == "Minutes"  # with text of its own it is the item approving them


def test_ai_and_a_colon_marks_an_action_item() -> None:
    text = (
        "# Steering Council Meeting 2021-10-16\n\nAttending: Ann Lee, Bob Diaz\n\n## Website\n\n"
        "* The homepage was discussed at length.\n  * **AI: Reduce the text on the homepage**\n"
        "  * AI: Invite him for the next meeting\n* AI and machine learning courses were mentioned.\n"
    )
    (found,) = extract(from_text(text, markdown=True))
    assert [a.text for a in found.actions] == [
        "Reduce the text on the homepage",
        "Invite him for the next meeting",
    ]
    topic = (  # one 'AI:' line, or a heading, names a topic: the paper's other tasks are still read
        "# Board Meeting 2024-05-01\n\nAttending: Ann Lee, Bob Diaz\n\n## AI: policy for new tools\n\n"
        "- AI: the committee discussed machine learning tools\n"
        "- Bob Diaz will send the revised budget to the board by Friday.\n"
    )
    (found,) = extract(from_text(topic, markdown=True))
    assert [a.owners for a in found.actions] == [["Bob Diaz"]]
    resolved = "Minutes of the Board, 1 May 2024\n\n1. Website\nRESOLVED:\n- The homepage will be rebuilt.\n"
    resolved += "AI: Bob Diaz to draft the brief\nAI: Ann Lee to find a designer\n"
    (found,) = extract(from_text(resolved))
    assert [r.text for r in found.resolutions] == ["The homepage will be rebuilt."]


def test_a_heading_in_capitals_left_open_by_its_dash_stands_apart_from_the_next() -> None:
    lines = [
        Line("CORRESPONDENCE –", page=1),
        Line("ANNOUNCEMENTS –", page=1),
        Line("EXECUTIVE SESSION –", page=1),
        Line("PLANNING –", page=1),
        Line("no applications were received this month.", page=1),  # its report goes on after the dash
    ]
    assert [b.text for b in _blocks_of(lines)] == [
        "CORRESPONDENCE –",
        "ANNOUNCEMENTS –",
        "EXECUTIVE SESSION –",
        "PLANNING – no applications were received this month.",
    ]


def test_a_clerk_is_an_officer_and_an_apology_with_no_list_to_say_otherwise_is_a_members() -> None:
    text = (
        "Minutes of the Parish Council meeting held on 5 March 2024\n\n"
        "Present: Cllr Ann Lee (Chairman), Cllr Bob Day, Mary Jones (Clerk)\n\n"
        "Apologies: Cllr Sue Park, Tim Cole (Clerk & RFO)\n\nAbsent: Cllr Dan Fry\n\n"
        "Officers: Jo Hart (Planning Officer)\n\n1. Hall\n\nNoted.\n"
    )
    (found,) = extract(from_text(text))
    assert {a.name: a.category for a in found.attendees} == {
        "Ann Lee": "member",
        "Bob Day": "member",
        "Mary Jones": "officer",
        "Sue Park": "member",
        "Tim Cole": "officer",
        "Dan Fry": "member",
        "Jo Hart": "officer",
    }


def test_a_motion_two_rules_read_is_one_decision() -> None:
    """'Motion: ...' / 'Moved' / 'Seconded' / 'Motion passed' is a motion block and a motion run at once: the
    block's reading (the motion's words) is the record, and the run adds no second copy."""
    text = (
        "Minutes of the Annual General Meeting of the Users Group held on 26 September 2005\n\n"
        "Present: Ann Lee, Bob Day, Cy Fox\n\n8. Rule changes\n\n"
        'Motion: that Rule 7 be amended, replacing "five extra members" with "three extra members".\n'
        "Moved Ann Lee\nSeconded Bob Day\nMotion passed\n"
        'Motion: that Rule 6 be amended, replacing "five members" with "four members".\n'
        "Moved: Cy Fox\nSeconded: Ann Lee\nMotion passed\n9. Close\n\nThe meeting closed.\n"
    )
    (found,) = extract(from_text(text))
    assert [r.text for r in found.resolutions] == [
        'that Rule 7 be amended, replacing "five extra members" with "three extra members".',
        'that Rule 6 be amended, replacing "five members" with "four members".',
    ]


def test_a_vote_report_after_a_motion_block_is_no_second_decision() -> None:
    text = (
        "Minutes of the meeting of Ashby Parish Council held on 26 October 2023\n\n"
        "Present: Alan Smith, Jo Pardew, Nina Oakes, Heidi Dennet\n\n1. Hall fees\n\n"
        "Motion: that the hall fees be raised by 5% from April.\n\nMoved Cllr Smith\n\nSeconded Cllr Pardew\n\n"
        "CARRIED\n\nThe motion was carried unanimously, 6 votes to 0.\n\n2. Any other business\n\nNone.\n"
    )
    (found,) = extract(from_text(text))
    assert [r.text for r in found.resolutions] == ["that the hall fees be raised by 5% from April."]


def test_initials_in_brackets_after_a_hyphenated_surname_are_initials_not_a_role() -> None:
    text = (
        "Minutes of the Users Group meeting held on 19 June 2014\n\n"
        "Present: Suzanne Ter-Minassian (ST), Bob Barr (BB), Ann Lee-Smith (ALS)\n\n1. Data\n\nNoted.\n"
    )
    (found,) = extract(from_text(text))
    assert {a.name: (a.initials, a.role) for a in found.attendees} == {
        "Suzanne Ter-Minassian": ("ST", None),
        "Bob Barr": ("BB", None),
        "Ann Lee-Smith": ("ALS", None),
    }


def test_a_papers_particulars_and_letterhead_are_no_topics(tmp_path) -> None:
    page = tmp_path / "minutes.html"
    page.write_text(PARTICULARS_PAGE, encoding="utf-8")
    (found,) = extract(read(page))
    assert [i.title for i in found.items] == ["Membership", "Science Fair", "Newsletter"]


PARTICULARS_PAGE = """<html><body>
<h2>Riverside Women in Engineering Network</h2>
<p>Minutes of the Board Meeting, 9 March 2024</p>
<p>Present: Ann Lee, Bob Diaz, Cy Dee</p>
<h3>Membership</h3>
<p>Ann reported that twelve new members joined this quarter and the renewals are on track for the year.</p>
<h3>Science Fair</h3>
<p>The judges for the regional fair were confirmed and the prizes will be the same as last year.</p>
<p><b>Date: April 13 at the Central Library</b></p>
<p>Volunteers are needed for the registration desk on the day of the fair.</p>
<h3>Newsletter</h3>
<p>Bob will send the spring newsletter to the printer by the end of the month as agreed.</p>
<p><b>DRAFT</b></p>
<p><b>2000 Lomas Blvd NW</b></p>
<p><b>Albuquerque, NM 87104</b></p>
<p><b>Phone 242-2411</b></p>
</body></html>
"""


@pytest.mark.parametrize(
    "text, stated",
    [
        ("12. Date of next meeting: July 29th.", "2019-07-29"),
        ("The next meeting will be held on Wednesday 14th August 2019 at 7pm.", "2019-08-14"),
        ("Next meeting: 2 September 2019, Village Hall", "2019-09-02"),
        ("Cllr Dee will report at the next meeting on the cluster group of 8 July.", None),  # a task, not a date
        ("Date of next meeting: to be confirmed.", None),
        ("The next Highways Panel meeting will be held on 16 December 2019.", None),  # another body's
        ("Next meeting: to be arranged; the hall is closed from 23 December.", None),
    ],
)
def test_the_next_meeting_day_the_minutes_state(text: str, stated: str | None) -> None:
    from minutes.extract.header import next_meeting

    blocks = paragraphs([Line(text)])
    found = next_meeting(blocks, date(2019, 6, 24), 2019, False)
    assert (found.isoformat() if found else None) == stated


def test_the_next_meeting_day_on_the_line_below_its_heading() -> None:
    from minutes.extract.header import next_meeting

    blocks = paragraphs([Line("7. Date of next meeting", gap=True), Line("Monday 15th July 2019 at 7pm", gap=True)])
    assert next_meeting(blocks, date(2019, 6, 24), 2019, False) == date(2019, 7, 15)


_ANNUAL = (
    "Minutes of the Annual Meeting of the Parish Council held on 10 May 2024\n\nPresent: Ann Bell, Cy Dee, Tom Hart\n\n"
    "1. Election of Chair\nAnn Bell was elected Chair.\n\n2. Election of Vice-Chair\nCy Dee was elected.\n\n"
    "3. Committees\nThe committees were appointed as listed.\n\n"
)


def test_a_dated_minutes_title_with_its_roll_below_opens_a_meeting_wherever_it_stands() -> None:
    ordinary = "Minutes of the Parish Council meeting held on 10 May 2024\n\nPresent: Ann Bell, Cy Dee, Tom Hart\n\n"
    two = extract(from_text(_ANNUAL + ordinary + "1. Planning\nNone received.\n"))
    assert [(m.date, len(m.items)) for m in two] == [("2024-05-10", 3), ("2024-05-10", 1)]
    # the same title in the running text, with no roll under it, is a sentence of the one record
    mention = "Minutes of the Parish Council meeting held on 10 May 2024\n\nThese were noted.\n\n"
    assert len(extract(from_text(_ANNUAL + mention))) == 1


def test_a_running_minute_number_of_four_figures_starts_an_item_after_a_line_that_reached_the_margin() -> None:
    """Councils number minutes on from meeting to meeting ('2739.', '2740.'); a paragraph that filled its last
    line to the margin ends before the next one, and a colon may follow the number ('2738: Wireworks Bridge')."""
    lines = [
        Line("2737. Diversion Order for Footpath 64/119: Cllrs were happy with this.", page=3, gap=True),
        Line("2738: Wireworks Bridge over River Wye: the County Council had closed the bridge to", page=3, gap=True),
        Line("vehicles as their Structures Team had deemed it unsafe and they are trying to get cars out.", page=3),
        Line("2740. Community Defibrillators: On the 6th July 2019 an incident happened in Sylvan", page=3, gap=True),
        Line("View where a resident suffered a cardiac arrest.", page=3),
        Line("2019. The year ended with a surplus.", page=3),  # a year is no minute's number
        Line("1030: Welcome and coffee.", page=3, gap=True),  # ... nor a time
    ]
    lines[2].wrapped = lines[3].wrapped = True  # the lines filled to the margin
    blocks = _blocks_of(lines)
    assert [b.text[:5] for b in blocks] == ["2737.", "2738:", "2740.", "2019.", "1030:"]
    numbers = [heading_number(b) for b in blocks]
    assert [n.group("num") if n else None for n in numbers] == ["2737", "2738", "2740", None, None]


def test_an_and_inside_an_affiliation_after_a_dash_joins_no_second_person() -> None:
    from minutes.extract.attendance import parse_people

    listed = (
        "Clara Eastell – Society of Chief Librarians, Dr. Daniel Poultor – MP for Central Suffolk and North Ipswich, "
        "Ed Vaisey – Minister for Culture and Communications"
    )
    assert [p["name"] for p in parse_people(listed, None)] == ["Clara Eastell", "Daniel Poultor", "Ed Vaisey"]
    two = "Peter Hughes (PH) – Foundation Governor and Revd Sarah Lyons (SL) – Foundation Governor"
    assert [p["name"] for p in parse_people(two, None)] == ["Peter Hughes", "Sarah Lyons"]  # two dashes, two people
