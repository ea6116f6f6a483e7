"""Each extraction rule on the house styles real minutes use, one small paper at a time."""

from __future__ import annotations

import re

import pytest

from minutes.extract import extract
from minutes.extract.blocks import Block, sentences
from minutes.extract.dates import due_date, find_dates
from minutes.ingest import from_text
from minutes.ingest.cleanup import clean
from minutes.ingest.model import Line

HEAD = "Minutes of the meeting of the Parish Council held on Tuesday 5th March 2024\n\n"


def meeting(body: str, head: str = HEAD) -> dict:
    (found,) = [m for m in extract(from_text(head + body)) if m.kind == "minutes"]
    return found


def people(m) -> dict[str, tuple[str, str | None]]:
    return {a.name: (a.status, a.category) for a in m.attendees}


# --- attendance -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Present: Councillors Browne, Butler (Chair), Collins (J), Collins (M) and Dervan",
            {
                "Browne": ("present", "member"),
                "Butler": ("present", "member"),
                "Collins (J)": ("present", "member"),
                "Collins (M)": ("present", "member"),
                "Dervan": ("present", "member"),
            },
        ),
        (
            "Members present: Jane Smith (JS) – Parent Governor, Tom Reid (TR)\n"
            "Officers in attendance: Amy Lowe (Clerk)\n"
            "Also present: Cllr Fatima Begum\nApologies: Ian Moss, Tony Wright\nAbsent: Paul Becker",
            {
                "Jane Smith": ("present", "member"),
                "Tom Reid": ("present", "member"),
                "Amy Lowe": ("present", "officer"),
                "Fatima Begum": ("present", "observer"),
                "Ian Moss": ("apologies", "member"),
                "Tony Wright": ("apologies", "member"),
                "Paul Becker": ("absent", "member"),
            },
        ),
        (
            "Panel: Professor Sir Nigel Shadbolt (Chairman), Chris Taggart (Openlylocal.com)\n"
            "Apologies: Nick Booth (Podnosh)",
            {
                "Nigel Shadbolt": ("present", "member"),
                "Chris Taggart": ("present", "member"),
                "Nick Booth": ("apologies", "member"),
            },
        ),
        (
            "Date: 11 April 2024\nAttended: Iain McMath, Graham Horton, John Atkins",
            {
                "Iain McMath": ("present", "member"),
                "Graham Horton": ("present", "member"),
                "John Atkins": ("present", "member"),
            },
        ),
        (
            "Present: Mrs S Chandler, Mr N J D Chard, Mrs P T Cole, Mr P Cole, Mr M A J Hood",
            {
                "S Chandler": ("present", "member"),
                "N J D Chard": ("present", "member"),
                "P T Cole": ("present", "member"),
                "P Cole": ("present", "member"),
                "M A J Hood": ("present", "member"),
            },
        ),
        (
            "Commissioners Present: President Rob Bishop, Vice-President Jan Power, and Chuck Pavlik were present.\n"
            "Management and Staff: Roxie Cuellar, Port Manager",
            {
                "Rob Bishop": ("present", "member"),
                "Jan Power": ("present", "member"),
                "Chuck Pavlik": ("present", "member"),
                "Roxie Cuellar": ("present", "officer"),
            },
        ),
        (
            "Attending:\nMatt Davis\nKaty Huff\nNot attending:\nGreg Wilson",
            {
                "Matt Davis": ("present", "member"),
                "Katy Huff": ("present", "member"),
                "Greg Wilson": ("absent", "member"),
            },
        ),
        (
            "PRESENT\nVoting members\tObservers\nClaire Fletcher (St Paul's CE Primary)\tFreddie Adu (Queensmill)\n",
            {"Claire Fletcher": ("present", "member"), "Freddie Adu": ("present", "observer")},
        ),
        (
            "Present: Councillors D Richardson (Chair) R Healey, M Dixon and P Moran "
            "Clerk J Connelly EDC – A Armstrong",
            {
                "D Richardson": ("present", "member"),
                "R Healey": ("present", "member"),
                "M Dixon": ("present", "member"),
                "P Moran": ("present", "member"),
                "J Connelly": ("present", "officer"),  # a clerk, whichever list names him
                "A Armstrong": ("present", "member"),
            },
        ),
        (
            "Board Members: Robin Lucie, Paulette Church\nSecretariat: Ashley Pottier and Padma Juggapah",
            {
                "Robin Lucie": ("present", "member"),
                "Paulette Church": ("present", "member"),
                "Ashley Pottier": ("present", "officer"),
                "Padma Juggapah": ("present", "officer"),
            },
        ),
        (  # "Officials" heads the civil servants in a board's roll: a label, not a person
            "Members\nRobin Lucie\nPaulette Church\nOfficials\nAshley Pottier (Cabinet Office)\n",
            {
                "Robin Lucie": ("present", "member"),
                "Paulette Church": ("present", "member"),
                "Ashley Pottier": ("present", "officer"),
                "Officials": None,
            },
        ),
    ],
)
def test_attendance_lists(text: str, expected: dict) -> None:
    got = people(meeting(text + "\n\n1. Apologies\n\nNone.\n\n2. Finance\n\nThe accounts were received.\n"))
    for name, value in expected.items():
        assert got.get(name) == value, (name, got)


def test_one_person_a_line_with_the_body_they_come_from() -> None:
    m = meeting(
        "Attendees\nDr Kieron O’Hara – Chair\nAndrew Watson, Metropolitan Police Service\n"
        "Peter Cordingley, Home Office\nSimon Denison, Ministry of Justice (Secretary)\n"
        "Jane Hollis, Chief Executive\nGareth Owen (GO), Sophie Lane (SL)\nRobin Lucie, Paulette Church\n"
        "\n1. Welcome\nThe Chair welcomed members.\n"
    )
    got = {a.name: (a.organisation, a.role) for a in m.attendees}
    assert got == {
        "Kieron O’Hara": (None, "Chair"),
        "Andrew Watson": ("Metropolitan Police Service", None),
        "Peter Cordingley": ("Home Office", None),
        "Simon Denison": ("Ministry of Justice", "Secretary"),
        "Jane Hollis": (None, "Chief Executive"),
        "Gareth Owen": (None, None),
        "Sophie Lane": (None, None),
        "Robin Lucie": (None, None),
        "Paulette Church": (None, None),
    }


def test_a_role_ending_in_service_stays_a_role() -> None:
    m = meeting("Present: Ann Lee – Head of Service, Tom Reid\n\n1. Welcome\nThe Chair welcomed members.\n")
    assert {a.name: (a.role, a.organisation) for a in m.attendees}["Ann Lee"] == ("Head of Service", None)


def test_a_thing_the_roll_does_not_name_owns_no_task() -> None:
    m = meeting(
        "Present: Cllr Ann Lee, Cllr Bob Day\n\n1. Greens\n"
        "It was agreed that the Works Programme should focus on the village green.\n"
    )
    assert m.actions == []


def test_a_name_a_model_reads_as_a_church_still_owns_its_task_where_there_is_no_roll() -> None:
    m = meeting("1. Business\nPaulette Church will circulate the draft policy to members.\n")
    assert [a.owners for a in m.actions] == [["Paulette Church"]]


def test_list_names_broken_at_line_ends_headings_and_notes_after_lists() -> None:
    m = meeting(
        "Attendees: Matty Widdop (MW) (Chair), Fearne Townsend (FT), Joe Adams (JA), Amrit\n"
        "Bhogal (AB), Maddy Lardner (ML)\nIn attendance: Emily Simpson (Art Lead), Simon Barnes. "
        "Quorum for this meeting is 3 Governors.\n\nPUBLIC PARTICIPATION\nNo members of the public spoke.\n\n"
        "30/24 APOLOGIES: received from Cllr Ellison (work commitments). Cllr Patel was absent.\n"
        "31/24 MINUTES\nApproved.\n"
    )
    assert {a.name: a.status for a in m.attendees} == {
        "Matty Widdop": "present",
        "Fearne Townsend": "present",
        "Joe Adams": "present",
        "Amrit Bhogal": "present",
        "Maddy Lardner": "present",
        "Emily Simpson": "present",
        "Simon Barnes": "present",
        "Ellison": "apologies",
        "Patel": "absent",
    }


def test_attendance_above_a_section_read_as_the_paper_title() -> None:
    text = (
        "---\ndate: 2017-04-25 7pm\n---\nThe first official meeting of the 2017-18 committee.\n\n**Present**\n\n"
        "Qais Patankar, Elena Lapinskaite, Joe, Cameron Sharp\n\n**General Agenda**\n\n- Making the group public\n"
        "- It was agreed to open the group. The meeting closed at 9pm.\n"
    )
    (m,) = extract(from_text(text, markdown=True))
    assert [a.name for a in m.attendees] == ["Qais Patankar", "Elena Lapinskaite", "Joe", "Cameron Sharp"]


def test_apologies_late_arrivals_and_early_leavers() -> None:
    m = meeting(
        "Present: Cllr Ann Hale (Chair), Cllr Bob Ives, Cllr Cy Jones\n\n1. Apologies\n\n"
        "Apologies for absence were received from Cllr Dee King and Cllr Eve Lamb. Cllr Fay Moss was absent.\n"
        "Apologies for lateness were received from Cllr Bob Ives (who arrived at 7.45pm).\n\n"
        "2. Finance\n\nCllr Cy Jones left the meeting at 8.30pm.\n"
    )
    got = people(m)
    assert got["Dee King"][0] == got["Eve Lamb"][0] == "apologies"
    assert got["Fay Moss"][0] == "absent"
    assert got["Bob Ives"][0] == "present" and got["Cy Jones"][0] == "present"
    assert len(m.attendees) == 6


def test_roll_call_with_roles() -> None:
    m = meeting(
        "I. ROLL CALL\nPresent: Catherine Atkin, President\nKathleen Kearney, Board Member\n"
        "Absent: Suzanne Whyte, Vice President\nStaff: Jane Chisaki, Library Director\n"
        "II. NEW BUSINESS\nThe board discussed the budget at length and noted the report.\n",
        head="CITY LIBRARY BOARD\nMINUTES\nWEDNESDAY, JULY 13, 2016\n\n",
    )
    got = {a.name: a for a in m.attendees}
    assert got["Catherine Atkin"].role == "President" and got["Suzanne Whyte"].status == "absent"
    assert got["Jane Chisaki"].category == "officer"
    assert m.date == "2016-07-13"


@pytest.mark.parametrize(
    "head, body",
    [
        (  # a bare kind of body takes its organisation's name
            "MINUTES OF THE TRUSTEES OF THE FRIENDS OF HALESWORTH LIBRARY\nHeld on 22nd November 2016\n\n",
            "Trustees of the Friends of Halesworth Library",
        ),
        (
            "DECOY PRIMARY SCHOOL BOARD OF GOVERNORS\nCOMMITTEE Full Governing Body DATE 23 May 2022\n\n",
            "Full Governing Body",
        ),
        (
            "Suffolk Libraries IPS Ltd Annual General Meeting minutes\nThursday, 29th September 2016\n\n",
            "Suffolk Libraries IPS Ltd Annual General Meeting",
        ),
        ("MILBURN PARISH COUNCIL\nMinutes of the meeting held on Tuesday 3rd July 2018\n\n", "Milburn Parish Council"),
        (  # whose general meeting it is, though the name says no kind of organisation
            "L’Ecole Bilingue PAC Annual General Meeting\nThursday 24 September 2020\n\n",
            "L’Ecole Bilingue PAC Annual General Meeting",
        ),
        (  # a heading in capitals keeps its initials; the AGM whose minutes are reviewed is another meeting
            "WVTRA AGM 15/08/23, WVI 7pm.\nAgenda Item\n1. Members present: Lorraine Strong, Helen Dawson\n"
            "2. Apologies received: Kim Wilson-Moore\n3. Previous AGM minutes to be reviewed: All agreed.\n",
            "WVTRA AGM",
        ),
        ("MINUTES OF THE ANNUAL GENERAL MEETING (AGM)\n15 August 2023\n\n", "Annual General Meeting"),
        (  # which meeting of the board it was ('Special', 'Regular') is not the board's name
            "State of Illinois\nTown of Crete\nCRETE TOWNSHIP SPECIAL BOARD OF TRUSTEES MEETING JANUARY 11, 2023\n\n",
            "Crete Township Board of Trustees",
        ),
        ("April 19, 2018\nPort of Alsea Regular Commission Meeting\n\n", "Port of Alsea Commission"),
        ("EXTRAORDINARY BOARD OF TRUSTEES MEETING\n3 March 2025\n\n", "Board of Trustees"),
        ("Minutes of the Post Office Users Committee held on 3 March 2025\n\n", "Post Office Users Committee"),
        (  # a place's joining words stay small
            "TAYPORT FERRYPORT-ON-CRAIG COMMUNITY COUNCIL\nMinutes of the meeting held on 2 October 2023\n\n",
            "Tayport Ferryport-on-Craig Community Council",
        ),
    ],
)
def test_the_body_a_heading_names(head: str, body: str) -> None:
    assert meeting("1. Apologies\nNone.\n2. Finance\nThe accounts were approved.\n", head=head).body == body


@pytest.mark.parametrize(
    "head",
    [
        "title: 2025-09-13 - Post AGM\n\nCommittee Meeting - 2025-09-13\n\n",  # the meeting after the AGM
    ],
)
def test_another_meeting_named_in_passing_is_not_the_body(head: str) -> None:
    assert meeting("4. Finance\nThe accounts were approved.\n", head=head).body == "Committee"


@pytest.mark.parametrize("title", ["The Annual General Meeting", "DRAFT Annual General Meeting"])
def test_a_word_about_the_paper_before_a_general_meeting_is_no_organisation(title: str) -> None:
    m = meeting("1. Apologies\nNone.\n", head=f"{title}\nThursday 24 September 2020\n\n")
    assert m.organisation is None and m.body == "Annual General Meeting"


def test_a_roll_of_names_with_posts_keeps_an_and_inside_a_post_and_reads_group_headings_as_no_one() -> None:
    m = meeting(
        "Those present\n\nDavid Attridge, Operations Manager at Eddington, University Estates Division\n\n"
        "Irene Wong, Operations and CS Assistant, University Estates Division\n\n"
        "Pauline Haggar, Health and Safety Coordinator, University Estates Division\n\n"
        "Cambridgeshire Constabulary\n\nPC Alice Bennett, Neighbourhood Team\n\n"
        "IN ATTENDANCE: Mr J Cook (Democratic Services Manager)\nUNRESTRICTED ITEMS\n\n"
        "1. Apologies\n\nNone.\n\n2. Parking\n\nThe review was noted.\n"
    )
    got = {a.name: a.role for a in m.attendees}
    assert set(got) == {"David Attridge", "Irene Wong", "Pauline Haggar", "Alice Bennett", "J Cook"}
    from minutes.extract.attendance import parse_people

    assert [p["name"] for p in parse_people("Cllrs Ashman, Evans and Head", None)] == ["Ashman", "Evans", "Head"]
    assert [p["name"] for p in parse_people("Jane Smith, Tom and Sally Nurse", None)] == [
        "Jane Smith",
        "Tom",
        "Sally Nurse",
    ]
    assert got["Irene Wong"].startswith("Operations and CS Assistant")
    assert got["Pauline Haggar"].startswith("Health and Safety Coordinator")


def test_an_agenda_carrying_actions_forward_is_still_an_agenda() -> None:
    (found,) = extract(
        from_text(
            "CSS Committee Meeting - Agenda\nDate: Tuesday 9th July 2024\n\n1 Apologies\n2 Matters Arising\n"
            "ACTION HP: Change Passwords\nAction MG: Prepare the sponsor email\nAction TL: Book the room\n"
            "3 Any other business\n"
        )
    )
    assert found.kind == "agenda"


# --- items ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, numbers",
    [
        ("1. Apologies\nNone.\n2. Minutes\nAgreed.\n3. Finance\nNoted.", ["1", "2", "3"]),
        ("1) Apologies\nNone.\n2) Minutes\nAgreed.", ["1", "2"]),
        ("1 Apologies\nNone.\n2 Minutes\nAgreed.", ["1", "2"]),
        ("3\\. Apologies\nNone.\n4\\. Minutes\nAgreed.", ["3", "4"]),
        ("14/23 APOLOGIES\nNone.\n15/23 MINUTES\nAgreed.", ["14/23", "15/23"]),
        ("Minute 23/045 Apologies\nNone.\nMinute 23/046 Finance\nNoted.", ["23/045", "23/046"]),
        ("BM 133/2021 Welcome\nHello.\nBM 134/2021 Finance\nNoted.", ["BM 133/2021", "BM 134/2021"]),
        ("I. CALL TO ORDER\nAt 6pm.\nII. ROLL CALL\nAll there.\nIII. ADJOURNMENT\nAt 7pm.", ["I", "II", "III"]),
        ("18.07.1 Apologies\nNone received\n18.07.2 Register of Interests\nNone", ["18.07.1", "18.07.2"]),
    ],
)
def test_item_numbering_schemes(text: str, numbers: list[str]) -> None:
    assert [i.number for i in meeting(text).items] == numbers


def test_a_number_in_a_table_takes_no_title_from_outside_its_row() -> None:
    text = (
        "# 2020-04-08 Worker Co-op: Governance\n\nAttending: Ann Lee, Bob Diaz\n\n## Agenda\n\n"
        "| Item | Time (min) |\n|:--|--:|\n| [Checkins](#Checkins) | 5 |\n| [Task Board](#Task-Board) | 15 |\n\n"
        "## Notes\n\n### Checkins\n\n- Taking time, work balance\n\n### Task Board\n\n- Ann to close issue 199\n"
    )
    (m,) = extract(from_text(text, markdown=True))
    assert [(i.number, i.title) for i in m.items if i.number] == []
    assert "Task Board" in [i.title for i in m.items]


def test_lists_that_start_again_under_plain_headings_are_notes_and_the_headings_are_the_items() -> None:
    m = meeting(
        "Present: Mrs S Walker, Mr G Beat, Mr J Kinnear\n\nMatters Arising From Previous Minutes :\n"
        "1. Organise for Christmas Lights Night\n2. Pond Lane kerb still not repaired\n"
        "3. Crossing from Tennis Court should be done.\n\nTreasurer’s Report\nJim Kinnear gave a report.\n\n"
        "Fife Council and Other Correspondence\n1. Consultation for a Traffic Regulation Order at Shanwell Road.\n"
        "2. A Wreath has been purchased for Remembrance Day.\n\nPlanning:\n"
        "1. 23/01927/FULL Change of use of shop to cafe at 55 Castle Street\n\nQuestions for Fife Council\n"
        "1. Car Park at Seabraes is being used for commercial vehicles.\n2. Jubilee Buildings needs repainting.\n"
    )
    assert [(i.number, i.title) for i in m.items] == [
        (None, "Treasurer’s Report"),
        (None, "Fife Council and Other Correspondence"),
        (None, "Planning"),
        (None, "Questions for Fife Council"),
    ]


def test_an_item_numbered_out_of_order_is_an_item_when_set_as_the_items_are() -> None:
    # a parish agenda printed 6, 9, 8, 11, 10; TC39 notes take item 9 before 7 and 8
    m = meeting(
        "1. APOLOGIES FOR ABSENCE\n\n2. PLANNING\na) To consider applications\n\n5. FINANCE\n"
        "a) To receive the statement\n\n4. STANDING ITEMS\na) Works Programme\nb) Greens\n\n"
        "7. CORRESPONDENCE\na) To consider the draft Standing Orders\n\n6. NEXT MEETING\n"
    )
    tops = [i.number for i in m.items if i.parent is None]
    assert tops == ["1", "2", "5", "4", "7", "6"]
    assert [(i.number, i.parent) for i in m.items if i.title == "Greens"] == [("b)", "4")]
    (md,) = extract(
        from_text(
            "# Meeting notes\n\n## 9. Promises\n\nDiscussed.\n\n## 7. Object.observe status report\n\n"
            "Reported.\n\n## 8. Data Parallelism\n\nDiscussed.\n",
            markdown=True,
        )
    )
    assert [i.number for i in md.items if i.number] == ["9", "7", "8"]


def test_a_number_out_of_order_in_plain_words_or_a_new_count_is_no_item() -> None:
    m = meeting(
        "1. APOLOGIES\n\n4. FINANCE\nPayments were approved.\n\n5. HIGHWAYS\nThe clerk listed:\n"
        "3. the verge by the school needs cutting\n1. PLAYING FIELD\n"
    )
    assert [i.number for i in m.items if i.parent is None] == ["1", "4", "5"]


def test_a_numbered_list_of_people_under_an_attendance_label_is_no_items() -> None:
    m = meeting(
        "1. Welcome\nThe chair opened the meeting.\n2. Attendance\nAttended in person:\n3. Adam Mellor\n4. Beau Scott\n"
        "5. Ben Connor\n6. Finance\nThe accounts were presented.\n"
    )
    assert [i.title for i in m.items] == ["Welcome", "Attendance", "Finance"]


def test_how_long_is_never_an_item_number() -> None:
    from minutes.extract.items import heading_number

    assert not heading_number(Block([Line("2 Hours")])) and not heading_number(Block([Line("30 mins - Signatures")]))
    assert heading_number(Block([Line("2 Minutes of the meeting held on 27th October 2015")]))


def test_a_timetable_slot_is_not_part_of_the_title() -> None:
    m = meeting("1) 11.00 - 11.10 Minutes and action points (Nigel Shadbolt)\n2) 11:10-11:30 Revised Code\nNoted.\n")
    assert [(i.title, i.presenters) for i in m.items] == [
        ("Minutes and action points", ["Nigel Shadbolt"]),
        ("Revised Code", []),
    ]


def test_items_with_name_shaped_titles_after_a_roll_stay_items() -> None:
    m = meeting("Present: Cllr A Smith, Cllr B Jones\n\n1. Jubilee Fields\n2. Village Hall\n3. Playing Field\n4. Hall")
    assert [i.title for i in m.items] == ["Jubilee Fields", "Village Hall", "Playing Field", "Hall"]


def test_figures_in_a_table_are_no_numbered_item_and_hide_no_headings() -> None:
    text = (
        "# Committee Meeting - 2025-09-25\n\n# Minutes\n\n## Members Present\n\n* Present:\n    * Ann Lee\n"
        "    * Bob Diaz\n\n## Membership Report\n\n| Class | This month | Prev month | Diff |\n"
        "| --- | --- | --- | --- |\n| Full | 60 | 64 | -4 |\n| Concession | 36 | 43 | -7 |\n\n"
        "## Treasurer's Report\n\nThe accounts were presented.\n"
    )
    (m,) = extract(from_text(text, markdown=True))
    titles = [i.title for i in m.items]
    assert "Membership Report" in titles and "Treasurer's Report" in titles
    assert all(any(c.isalpha() for c in t) for t in titles)


def test_markdown_agenda_item_headings_are_titles_to_their_end() -> None:
    m = meeting(
        "## Agenda\n### Agenda Item #1: Decision-making: requiring a quorum for all meetings {#agenda_item_1}\n"
        "- General agreement.\n### Agenda Item #2: Membership. Should we institute a virtual membership plan?\n"
        "- Tabled.\n### Agenda Item #3: Government contracts. Apply for a SAM code\n- John will look.\n",
        head="# Board meeting\n\nDate: December 21st 2021\n\nPresent: Brian, Tayeb, Matt\n\n",
    )
    assert [(i.number, i.title) for i in m.items if i.number] == [
        ("1", "Decision-making: requiring a quorum for all meetings"),
        ("2", "Membership. Should we institute a virtual membership plan?"),
        ("3", "Government contracts. Apply for a SAM code"),
    ]


def test_unnumbered_markup_headings_beside_numbered_ones_are_items() -> None:
    text = (
        "# Board meeting\n\nDate: December 21st 2021\n\nPresent: Brian, Tayeb, Matt\n\n"
        "## Director Reports\n\n### President's Report\n\n### Treasurer's Report\n\nBalance is healthy.\n\n"
        "## Agenda\n\n### Agenda Item #1: Quorum for meetings\n\n- Agreed.\n\n"
        "### Agenda Item #2: Elections\n\n### Nominations\n\n- Matt glad to be Treasurer.\n\n"
        "## Summary of actions\n\n- Matt to file the accounts.\n\n## Adjournment\n\nClosed at 8pm.\n"
    )
    (m,) = extract(from_text(text, markdown=True))
    assert [(i.number, i.title) for i in m.items] == [
        (None, "Director Reports"),
        (None, "President's Report"),
        (None, "Treasurer's Report"),
        ("1", "Quorum for meetings"),
        ("2", "Elections"),  # '### Nominations' under it is a part of item 2
        (None, "Adjournment"),  # a summary list is not an item
    ]
    text = (
        "# Board meeting\n\nDate: 3 March 2024\n\nPresent: Ann Lee, Bob Diaz\n\n## Discussion\n\n### 1. Budget\n\n"
        "Agreed.\n\n### 2. Hiring\n\nDeferred.\n\n## Other\n\nNone.\n\n## Next steps\n\n- Ann to draft.\n\n"
        "# Appendix: Treasurer notes\n\nFigures.\n"
    )
    (m,) = extract(from_text(text, markdown=True))  # the heading over the numbered run wraps it; appendices follow
    assert [(i.number, i.title) for i in m.items] == [("1", "Budget"), ("2", "Hiring"), (None, "Other")]


def test_markup_headings_are_the_items_beside_a_lone_numbered_line_that_is_no_heading() -> None:
    text = (
        "## December Board Meeting\n\nDate: 17 December 2019\n\n**Present**: Hilmar Lapp, Peter Cock\n\n"
        "### Old business\n\n1. Approval of the minutes of the July meeting.\n    1. Approved by consent.\n\n"
        "### New business\n\n## Board elections\n\nAll five were re-elected.\n\n"
        "## Financial reporting\n\nHeather presented the accounts.\n"
    )
    (m,) = extract(from_text(text, markdown=True))
    assert [i.title for i in m.items] == [
        "Old business",
        "Approval of the minutes of the July meeting",
        "New business",
        "Board elections",
        "Financial reporting",
    ]


def test_sub_items_and_parents() -> None:
    items = meeting(
        "4 Finance\n(a) Payments\nApproved.\n(b) Bank reconciliation\nChecked.\n5 Planning\n5.1 Applications\nNone.\n"
    ).items
    assert [(i.number, i.parent) for i in items] == [("4", None), ("(a)", "4"), ("(b)", "4"), ("5", None), ("5.1", "5")]


def test_number_on_its_own_line_and_run_in_titles() -> None:
    items = meeting(
        "32/24\nMINUTES OF THE PREVIOUS MEETING\nThey were signed.\n"
        "33/24 APOLOGIES: none received.\n34/24 PLANNING - deferred to the next meeting\n"
    ).items
    assert [(i.number, i.title) for i in items] == [
        ("32/24", "MINUTES OF THE PREVIOUS MEETING"),
        ("33/24", "APOLOGIES"),
        ("34/24", "PLANNING"),
    ]


@pytest.mark.parametrize("title", ["Police Reports", "Member Reports", "Team Updates", "Working Groups"])
def test_plural_nouns_in_a_title_are_no_surname(title: str) -> None:
    from minutes.extract.names import looks_like_name

    assert not looks_like_name(title, allow_initials=False)
    items = meeting(f"1. Apologies: none.\n\n2. {title}\n\nThe chair reported on the year.\n\n3. Finance\n").items
    assert [i.title for i in items] == ["Apologies", title, "Finance"]


def test_a_street_address_line_is_no_item_but_a_street_in_a_title_is() -> None:
    items = meeting(
        "City Hall, Room 421\n1 Dr. Carlton B. Goodlett Place San\nFrancisco, California 94102\n\n"
        "1. Call to Order\n\n2. Champion Way film\n\nThe meeting watched a film.\n\n3. Finance\n"
    ).items
    assert [(i.number, i.title) for i in items] == [
        ("1", "Call to Order"),
        ("2", "Champion Way film"),
        ("3", "Finance"),
    ]


def test_an_agenda_asks_for_its_business_in_the_imperative_and_a_unit_address_is_no_item() -> None:
    (m,) = extract(
        from_text(
            "8/16 Guthrie St, Osborne Park, WA 6017\n\nNotice of annual general meeting\n\n"
            "The AGM will be held at 1pm on Saturday 16 September 2023.\n\nAgenda\n\n"
            "1. Confirm the minutes of previous annual general meeting and special general meetings.\n\n"
            "2. Annual report.\n\n3. Elect new committee.\n"
        )
    )
    assert [(i.number, i.title) for i in m.items] == [
        ("1", "Confirm the minutes of previous annual general meeting and special general meetings"),
        ("2", "Annual report"),
        ("3", "Elect new committee"),
    ]


def test_a_saint_s_name_in_a_title_is_no_street() -> None:
    items = meeting("1. Apologies\n\nNone.\n\n2. Repairs St Andrews Church\n\nNoted.\n\n3. Churchyard St Marys\n").items
    assert [i.title for i in items] == ["Apologies", "Repairs St Andrews Church", "Churchyard St Marys"]


def test_the_parts_of_a_recommendation_are_not_items() -> None:
    items = meeting(
        "1. Budget Monitoring\n\nRESOLVED that Cabinet:\n\n(a) Note the forecast overspend of £30.4m\n\n"
        "(b) Agree the capital budget changes\n\n2. Any other business\n"
    ).items
    assert [(i.number, i.title) for i in items] == [("1", "Budget Monitoring"), ("2", "Any other business")]
    m = meeting(
        "5. Apologies\n\nNone.\n\n6. Budget Monitoring\n\nIt was RESOLVED to:\n\n1. Note the report.\n\n"
        "2. Approve the revised capital programme.\n\n7. Any other business\n\nNone.\n"
    )
    assert [i.number for i in m.items] == ["5", "6", "7"]
    assert [r.text for r in m.resolutions] == [
        "It was RESOLVED to: 1. Note the report. 2. Approve the revised capital programme."
    ]


def test_a_tab_or_a_gap_after_an_item_number_is_not_a_table() -> None:
    """Word's numbering saved as text puts a tab (or spaces) after the number: the line is a numbered item."""
    items = meeting(
        "2748.\tPolice Reports: none this month.\n\n2749.   Public Session: No one present.\n\n"
        "2750.\tFinance: the balance was noted.\n"
    ).items
    assert [(i.number, i.title) for i in items] == [
        ("2748", "Police Reports"),
        ("2749", "Public Session"),
        ("2750", "Finance"),
    ]
    rows = from_text("Action\tOwner\tDue\nBook the hall\tAnn Hale\t30 April\n1.\tApologies\tnone\n").lines
    assert all(line.cell is not None for line in rows), "three cells after a number still make a table row"


@pytest.mark.parametrize(
    "heading, title",
    [
        (
            "(a) 24/00312/HH, 14 Mill Lane: two-storey rear extension and detached garage",
            "24/00312/HH, 14 Mill Lane: two-storey rear extension and detached garage",
        ),
        ("(b) Community Speedwatch – Cllr Dervan arrived at 7.50pm", "Community Speedwatch"),
        (
            "(c) Suffolk Libraries – documents forwarded to the Trustees",
            "Suffolk Libraries – documents forwarded to the Trustees",
        ),
        ("(d) Website – deferred until the next meeting", "Website"),
        ("(e) Correspondence: none received", "Correspondence"),
        (
            "(f) Declarations of interest for items on the agenda: None.",
            "Declarations of interest for items on the agenda",
        ),
    ],
)
def test_what_a_dash_or_colon_after_a_title_holds(heading: str, title: str) -> None:
    items = meeting(f"4 Business\n{heading}\nThe Council discussed it.\n").items
    assert items[-1].title == title


def test_numbered_paragraphs_and_resolved_parts_are_not_items() -> None:
    items = meeting(
        "1. Apologies\n1.1 No apologies were received from anybody at all this evening.\n"
        "2. Budget\nRESOLVED\n1. That the budget be approved.\n2. That it be published.\n3. Finance\nNoted.\n"
    ).items
    assert [i.number for i in items] == ["1", "2", "3"]


def test_a_list_after_a_colon_is_text_but_decided_papers_are_sub_items() -> None:
    items = meeting(
        "56/22 Governors\nTo agree Governor Visits for this half of the term:\n"
        "a. Safeguarding Visit (Sandra Cartwright)\nb. SEND Visit (Paul Evemy) - 5 April\n"
        "57/22 Policies\nThe following were considered, and action taken as shown:\n"
        "a. Lettings Policy - agreed\nb. Asset Management Plan – deferred to the next meeting\n"
        "58/22 Matters for the next agenda\nThe following matters were agreed:\nLearning:\n"
        "a. To monitor progress\nb. To review the curriculum\nWellbeing\na. Staff well-being\nb. Pupil well-being\n"
    ).items
    assert [(i.number, i.title, i.parent) for i in items] == [
        ("56/22", "Governors", None),
        ("57/22", "Policies", None),
        ("a", "Lettings Policy", "57/22"),
        ("b", "Asset Management Plan", "57/22"),
        ("58/22", "Matters for the next agenda", None),
    ]


def test_a_heading_that_gives_its_outcome_is_an_item_and_a_decision() -> None:
    m = meeting(
        "I. Approval of the proposed agenda - approved\n\n"
        "II. Approval of the minutes of the previous meeting – approved with revisions on two typos\n\n"
        "III. Approval of the budget\nThe treasurer presented the budget.\n"
    )
    assert [(i.number, i.title) for i in m.items] == [
        ("I", "Approval of the proposed agenda"),
        ("II", "Approval of the minutes of the previous meeting"),
        ("III", "Approval of the budget"),
    ]
    assert [(r.item, r.text) for r in m.resolutions] == [
        ("I", "Approval of the proposed agenda - approved"),
        ("II", "Approval of the minutes of the previous meeting – approved with revisions on two typos"),
    ]


def test_agenda_restated_at_the_top_gives_way_to_the_items_themselves() -> None:
    items = meeting(
        "BM 18/21 Welcome\nBM 19/21 Minutes\nBM 20/21 Finance\nBM 21/21 Date of next meeting\n\n"
        "BM 18/21 Welcome and apologies\nAll were welcomed.\nBM 19/21 Minutes of the last meeting\nThey were signed.\n"
        "BM 20/21 Finance\nThe budget was noted.\nBM 121/21 Date of next meeting\n9 May 2022.\n"
    ).items
    assert [(i.number, i.title) for i in items] == [
        ("BM 18/21", "Welcome and apologies"),
        ("BM 19/21", "Minutes of the last meeting"),
        ("BM 20/21", "Finance"),
        ("BM 121/21", "Date of next meeting"),
    ]


def test_unnumbered_topic_headings() -> None:
    items = meeting(
        "Present: Ann Hale, Bob Ives\n\nWelcome and introductions\n"
        "Ann welcomed everyone to the meeting and thanked the volunteers for their help.\n\n"
        "Estate safety\nThe police reported nine incidents since June, mostly around the garages.\n"
    ).items
    assert [(i.number, i.title) for i in items] == [(None, "Welcome and introductions"), (None, "Estate safety")]


def test_file_numbered_papers_and_capital_section_headings() -> None:
    items = meeting(
        "ROLL CALL - Present: Councilmembers Daysog, Vella and Mayor Ashcraft – 3.\nAGENDA ITEMS\n"
        "(21-324) Public Hearing to Consider Adoption of the Action Plan and Authorize the City Manager to "
        "Negotiate Related Agreements.\nThe Director gave a presentation.\n"
        "ORAL COMMUNICATIONS\n(21-328) Erin Fraser, Alameda, stated more time was spent on pickle ball.\n"
        "ADJOURNMENT\nThe meeting was adjourned at 9pm.\n"
    ).items
    assert [(i.number, i.title.split()[0]) for i in items] == [
        (None, "AGENDA"),
        ("(21-324)", "Public"),
        (None, "ORAL"),
        ("(21-328)", "Erin"),
        (None, "ADJOURNMENT"),
    ]


def test_lettered_items_under_capital_sections() -> None:
    m = meeting(
        "ROLL CALL Present: Catherine Atkin, President\nORAL COMMUNICATIONS, AGENDA (Public Comment)\nNone.\n"
        "CONSENT CALENDAR\nA. Report from the Library Director.\nB. Draft Minutes of the May Meeting.\n"
        "NEW BUSINESS\nA. Election of Officers (C. Atkin)\nThe slate was elected.\n"
    )
    assert [a.name for a in m.attendees] == ["Catherine Atkin"]
    assert [(i.number, i.title) for i in m.items] == [
        (None, "ORAL COMMUNICATIONS, AGENDA (Public Comment)"),
        (None, "CONSENT CALENDAR"),
        ("A", "Report from the Library Director"),
        ("B", "Draft Minutes of the May Meeting"),
        (None, "NEW BUSINESS"),
        ("A", "Election of Officers"),
    ]


def test_html_ol_numbers_are_null() -> None:
    from pathlib import Path
    from tempfile import TemporaryDirectory

    from minutes.ingest import read

    with TemporaryDirectory() as tmp:
        page = Path(tmp) / "m.html"
        page.write_text(
            "<html><body><h1>Minutes of the Audit Committee</h1><p>Tuesday 4 June 2024</p><ol>"
            "<li><h2>Apologies</h2><p>None.</p></li><li><h2>Internal audit</h2><p>Noted.</p></li>"
            "</ol></body></html>",
            encoding="utf-8",
        )
        document = read(page)
    assert [line.number for line in document.lines if line.heading == 2] == ["1", "2"]
    (m,) = extract(document)
    assert [(i.number, i.title) for i in m.items] == [(None, "Apologies"), (None, "Internal audit")]


# --- resolutions ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, rule",
    [
        ("RESOLVED - That the report be approved.", "resolution.block"),
        ("RESOLVED:\n1. That the budget be set at £4,000.\n2. That the precept be agreed.", "resolution.block"),
        ("DECISION: The minutes were approved as an accurate record.", "resolution.block"),
        ("Members AGREED to fund the new bench from reserves.", "resolution.agreed_caps"),
        (
            "It was proposed by Cllr Ives, seconded by Cllr Hale and agreed that the grant be paid.",
            "resolution.proposed_seconded",
        ),
        (
            "Motion by Commissioner Santos, seconded by Commissioner Thompson, to approve the plan, carried 5-0.",
            "resolution.motion_carried",
        ),
        ("The Committee approved the revised terms of reference.", "resolution.body_decided"),
        ("The minutes of the last meeting were agreed as an accurate record.", "resolution.minutes_approved"),
        ("The Council carried the motion 5 votes to 2.", "resolution.body_decided"),
        ("Accounts presented, and duly Adopted", "resolution.outcome"),
        ("Request for funding for the hall lights -- Granted", "resolution.outcome"),
        ("No objections, minutes have been accepted.", "resolution.minutes_approved"),
        ("Cate proposed running one more event this semester. The committee agreed.", "resolution.bare_agreement"),
        (
            "A motion was made to approve the Town Fund bills by Trustee Ives, seconded by Trustee Hale.",
            "resolution.seconded",
        ),
        ("Chair: Lorraine will stand again for a second year, Helen proposed, Shirley seconded", "resolution.seconded"),
        ("Moved by Bryce, 2nd by John, to set the meal price at $20.", "resolution.seconded"),
        ("Martin - Toast nominates, Dan seconds. (Martin wins unopposed)", "resolution.seconded"),
        ("Vote on the motion to buy a laser cutter: 5 in favor, 0 opposed, 0 abstained.", "resolution.vote_tally"),
        ("Voting results: For: 7, Against: 0.", "resolution.vote_tally"),
        ("Albert Waldron is duly elected as First Year Rep.", "resolution.it_was_agreed"),
        ("Mike McQuaid elected by acclamation.", "resolution.it_was_agreed"),
        ("The consensus was that early engagement with residents was preferred.", "resolution.consensus"),
        ("Consensus is that we will not share the detailed results.", "resolution.consensus"),
        ("Decision made that the Parent Council will apply for PVG.", "resolution.consensus"),
        ("On charging partners: Main consensus was to let the partner decide.", "resolution.consensus"),
        ("The panel reached a consensus that a two stage approach was best.", "resolution.consensus"),
        ("Should we keep it in the TSC repo? Consensus is yes, it is easier to maintain.", "resolution.consensus"),
        ("Motion: postpone until after the director is hired. Seconded. Passed.", "resolution.motion_carried"),
        ("Cllrs agreed to pay the sum of £100 for this bin.", "resolution.body_decided"),
        ("This item was deferred to the next appropriate meeting of Full Council.", "resolution.deferred"),
        ("Deferred to next meeting.", "resolution.deferred"),
        ("In his absence the Directors deferred this matter until all had been consulted.", "resolution.deferred"),
        ("Supported by all present", "resolution.outcome"),
        ("Vote to form a sub committee to rebuild the website - All present agreed.", "resolution.outcome"),
        (  # the mover named, then the seconder and the outcome in sentences of their own
            "Jeanne proposed the Network provide membership. Dana seconded the proposal. The proposal passed.",
            "resolution.proposed_seconded",
        ),
        (
            "Steven Feldman proposes an amendment to increase the committee to 4. Seconded by Matt Travis and approved",
            "resolution.seconded",
        ),
        ("A motion was made for the treasurer to approach the bank. And was carried.", "resolution.motion_carried"),
    ],
)
def test_decisions(text: str, rule: str) -> None:
    m = meeting(f"1. Business\n{text}\n2. Close\nThe meeting closed at 9pm.\n")
    assert [r.found.rule for r in m.resolutions] == [rule]


@pytest.mark.parametrize(
    "text",
    [
        "The committee noted the report.",
        "It is recommended that the committee approves the plan.",
        "A motion to close the library was tabled and deferred to the next meeting.",
        "The committee has not reached a consensus on the budget.",
        "This item was tabled for discussion by Cllr Smith.",
        "In January the Council had deferred the application to allow a site visit.",
        "Mr Spence was appointed as Deputy Lieutenant in 2001 and was awarded an OBE in 2005.",  # a tribute
        "Deferred to Item 110d.",
        "(Deferred to next committee meeting.)",
        "At its meeting in February the Council had agreed to buy the land.",
        "The motion was lost.",
        "The normal rate of play is all moves in one hour plus ten seconds per move.",
        "Mr Hood proposed and Mr Baldock seconded the following amendment to the motion:",
        "A motion to move new business up the agenda was moved, seconded, but did not pass.",
        "New staff who are appointed will be fully trained upon starting their contracts.",
        "The discussion moved to the question of open source and the vote in 2020 carried weight.",
        "The Leader spoke at the opening of the new ferry, which carried 2 million passengers last year.",
        "Mr. Secretary to move that the minutes of the previous AGM be Ratified",  # what the agenda will ask
    ],
)
def test_what_is_not_a_decision(text: str) -> None:
    assert meeting(f"1. Business\n{text}\n").resolutions == []


@pytest.mark.parametrize(
    "payments",
    [
        "Merlin Waste - £30.00 (Ch. No. 300128)\nClerk’s Salary & Expenses - £309.90 (Ch. No. 300131)\n"
        "All approved for payment.",
        "Merlin Waste - £30 (Ch. No. 300115), Clerk’s Salary & Expenses - £309.90 (Ch. No. 300131) – all approved.",
    ],
)
def test_a_bare_outcome_after_a_schedule_of_payments_approves_the_schedule(payments: str) -> None:
    m = meeting(f"2715. Accounts for payment:-\n{payments}\n2716. Planning\nNone received.\n")
    ((rule, text),) = [(r.found.rule, r.text) for r in m.resolutions]
    assert rule == "resolution.schedule"
    assert text.startswith("Merlin Waste - £30") and "£309.90" in text
    assert text.endswith(("All approved for payment.", "– all approved."))


def test_a_bare_outcome_after_prose_that_mentions_money_takes_no_schedule() -> None:
    m = meeting(
        "2715. Finance\nThe balance at the bank is £3,000, which the Treasurer reported to members with the "
        "statements for the quarter and the reconciliation. A grant of £500 was received from the County.\nAgreed.\n"
    )
    assert [(r.found.rule, r.text) for r in m.resolutions] == [("resolution.outcome", "Agreed.")]


@pytest.mark.parametrize(
    "nomination",
    [
        "For the post of Chair, Ann Lee (having been proposed by Bob Diaz, and seconded by Cy Ray) was introduced.",
        "The candidates were Ann Lee (proposed by Bob Diaz, and seconded by Cy Ray), a founding member.",
        "Ann Lee (Nominated: Bob Diaz; seconded: Cy Ray)",
    ],
)
def test_a_candidate_s_nomination_is_no_decision(nomination: str) -> None:
    assert meeting(f"7. Election of officers\n{nomination}\n8. Accounts\nNone.\n").resolutions == []


@pytest.mark.parametrize(
    "decision",
    [
        "That the precept for 2025/26 be set at £40,000 (proposed Cllr Bell, seconded Cllr Dee).",
        "The quote from Coopers for the hedge (proposed by Cllr Bell, seconded by Cllr Dee) was accepted.",
        "The plan for the green (proposed by Cllr Bell, seconded by Cllr Dee) was unanimously supported.",
        "To accept the quote from Coopers (proposed Cllr Bell, seconded Cllr Dee).",
        "Standing Orders (proposed by Cllr Bell, seconded by Cllr Dee)",
        "The motion, having been proposed by Cllr Bell and seconded by Cllr Dee, was put to the vote and won.",
    ],
)
def test_a_motion_with_its_mover_in_brackets_is_still_a_decision(decision: str) -> None:
    assert [r.text for r in meeting(f"4. Finance\n{decision}\n5. Planning\nNone.\n").resolutions] == [decision]


def test_the_meeting_s_election_of_a_nominee_is_one_decision_with_the_nomination() -> None:
    m = meeting("7. Election of officers\nAnn Lee (Nominated: Bob Diaz; seconded: Cy Ray)\nElected unanimously\n")
    assert [(r.found.rule, r.text) for r in m.resolutions] == [
        ("resolution.outcome", "Ann Lee (Nominated: Bob Diaz; seconded: Cy Ray) Elected unanimously")
    ]
    told = "Ann Lee (proposed by Bob Diaz, seconded by Cy Ray) was elected Chair."
    assert [r.text for r in meeting(f"7. Election of officers\n{told}\n").resolutions] == [told]


def test_a_short_paragraph_with_a_motion_seconded_is_one_decision_told_whole() -> None:
    text = "Nadir - has come along for a year and liked it. Dan nominates, Brad seconds. Vote passes unanimously."
    m = meeting(f"1. New members\n{text}\n")
    assert [(r.text, r.found.rule) for r in m.resolutions] == [(text, "resolution.seconded")]


def test_a_line_that_moves_a_motion_is_no_title() -> None:
    from minutes.extract.items import title_like

    assert not title_like("Mr Gough proposed, and Mr Oakford seconded the motion that")
    assert not title_like("Mr Watkins proposed and Mr Brazier seconded the following amendment:")
    assert title_like("Proposed Budget and Precept")


def test_a_numbered_paragraphs_resolved_block_ends_at_the_next_minute_number() -> None:
    m = meeting(
        "290. Budget Report\n\n(1) The Leader introduced the report.\n\n(2) RESOLVED that Council:\n\n"
        "(i) Notes the report.\n\n(ii) Agrees to have due regard to it.\n\n"
        "291. Capital Programme 2025-35 and Revenue Budget 2025-26\n\nThe Leader moved the budget.\n"
    )
    assert [(r.found.rule, r.text) for r in m.resolutions] == [
        ("resolution.block", "that Council: (i) Notes the report. (ii) Agrees to have due regard to it.")
    ]
    from minutes.extract.resolutions import _LIST_PART

    assert _LIST_PART.match("(ii) Agrees to it") and _LIST_PART.match("12. Agrees to it")
    assert not _LIST_PART.match("291. Capital Programme 2025-35")  # a minute's number ends the list


def test_a_decision_verb_opening_a_paragraph_takes_its_sentence_only() -> None:
    m = meeting("1. Fragments\nDecided to disallow it since it fails in the reference build. We can revisit later.\n")
    assert [r.text for r in m.resolutions] == ["Decided to disallow it since it fails in the reference build."]


def test_a_motion_seconded_before_a_resolved_block_is_not_a_second_decision() -> None:
    m = meeting(
        "1. Grant\nCllr Ives proposed and Cllr Hale seconded that the grant be paid.\n"
        "RESOLVED that the grant be paid.\n"
    )
    assert [r.found.rule for r in m.resolutions] == ["resolution.block"]


@pytest.mark.parametrize(
    "text, parts",
    [
        (
            "Member Hage moved to approve the Dec. 14, 2017 minutes. Member Kattouw seconded.",
            ["Member Hage moved to approve the Dec. 14, 2017 minutes.", "Member Kattouw seconded."],
        ),
        (
            "It goes after “…use Agile procurement…” Member Hage moved.",
            ["It goes after “…use Agile procurement…", "Member Hage moved."],
        ),
    ],
)
def test_sentences_keep_month_abbreviations_and_end_at_an_ellipsis(text: str, parts: list[str]) -> None:
    assert sentences(text) == parts


def test_a_plural_honorific_does_not_end_the_sentence_but_a_roll_word_can() -> None:
    text = (
        "Apologies were received from Messrs. B. Mooney & C. Williams. The draft was circulated to Cllrs. It was sent."
    )
    assert sentences(text) == [
        "Apologies were received from Messrs. B. Mooney & C. Williams.",
        "The draft was circulated to Cllrs.",
        "It was sent.",
    ]
    m = meeting("Apologies: Apologies were received from Messrs. B. Mooney & C. Williams\n\n1. Accounts\nNoted.\n")
    assert [(a.name, a.status) for a in m.attendees] == [("B. Mooney", "apologies"), ("C. Williams", "apologies")]
    m = meeting("Apologies were received from Revd. J. Smith and Mrs. Jones.\n\n1. Accounts\nNoted.\n")
    assert [(a.name, a.status) for a in m.attendees] == [("J. Smith", "apologies"), ("Jones", "apologies")]


def test_a_decision_broken_over_lines_and_the_list_it_introduces() -> None:
    m = meeting(
        "1. Defibrillator\nAfter discussion, as this is of a huge benefit to the village, the Councillors\n"
        "resolved to take over these payments.\n2. Next agenda\nThe following matters were agreed for the next "
        "agenda: Finance:\na. Recovery Budget Plan Feedback\nPersonnel\nHealth & Safety to include Covid19 matters "
        "Policies and other documents:\na. To ensure the National Curriculum is in place and consider any "
        "disapplication to pupils\nb. E-safety strategies\n3. Date of next meeting\nMonday 25 January 2021.\n"
    )
    assert [r.text for r in m.resolutions] == [
        "After discussion, as this is of a huge benefit to the village, the Councillors resolved to take over "
        "these payments.",
        "The following matters were agreed for the next agenda: Finance: a. Recovery Budget Plan Feedback Personnel "
        "Health & Safety to include Covid19 matters Policies and other documents: a. To ensure the National "
        "Curriculum is in place and consider any disapplication to pupils b. E-safety strategies",
    ]


def test_a_decision_run_into_a_heading_and_a_short_one() -> None:
    m = meeting(
        "4 Finance\n(c) Internal auditor – RESOLVED - That Mrs Anne Whitcombe be appointed as internal auditor for\n"
        "2023/24 at a fee of £275.\n5 Planning\n(a) 23/0012 Land at Mill Lane\nRESOLVED: no objection.\n"
    )
    assert [r.text for r in m.resolutions] == [
        "That Mrs Anne Whitcombe be appointed as internal auditor for 2023/24 at a fee of £275.",
        "RESOLVED: no objection.",
    ]


def test_a_motion_run_into_a_heading_that_asks_for_approval_is_a_decision() -> None:
    m = meeting(
        "CORRESPONDENCE – None.\n\nANNOUNCEMENTS – None.\n\n"
        "APPROVAL OF Town Fund Bills – Motion to approve the Town Fund bills for payment as presented was made by "
        "Trustee Piacentini, seconded by Trustee Hawkins. All were in favor.\n\n"
        "APPROVAL OF THE AGENDA – The agenda was approved with the change to defer the vote on the rules.\n\n"
        "APPROVAL OF THE PLAN – deferred to the next meeting\n\nADJOURNMENT – 8pm\n"
    )
    assert [r.text for r in m.resolutions] == [
        "Motion to approve the Town Fund bills for payment as presented was made by Trustee Piacentini, "
        "seconded by Trustee Hawkins. All were in favor.",
        "The agenda was approved with the change to defer the vote on the rules.",
    ]


def test_whereas_resolved_block_and_motion_run() -> None:
    m = meeting(
        "1. Business\nBoard Member Kearney moved to approve the Consent Calendar. Board Member Woods seconded "
        "the motion, which passed with a 3-0 vote.\n"
    )
    assert len(m.resolutions) == 1 and "seconded the motion" in m.resolutions[0].text


# --- actions --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, text, owners",
    [
        (
            "Tony Burton said he would contact members.\nACTION: Tony Burton",
            "Tony Burton said he would contact members.",
            ["Tony Burton"],
        ),
        ("ACTION: The Big Plan to be circulated to all.", "The Big Plan to be circulated to all.", []),
        ("Action: Clerk to write to the County Council.", "Clerk to write to the County Council.", ["Clerk"]),
        ("ACTION HP: Check the forms", "Check the forms", ["HP"]),
        (
            "Sam will chase the contractor.\nACTION: Tony Burton / Peter Haylock",
            "Sam will chase the contractor.",
            ["Tony Burton", "Peter Haylock"],
        ),
        ("ACTION: MW – arrange the volunteer rota", "arrange the volunteer rota", ["MW"]),
        # the task's own words name who: any sentence form, or roll names before a verb
        ("ACTION: Tony will work up a proposal for the hall.", "Tony will work up a proposal for the hall.", ["Tony"]),
        (
            "ACTION: Tony and Peter discuss the details",
            "Tony and Peter discuss the details",
            ["Tony", "Peter"],
        ),
        ("ACTION: Fencing quotes discussed at length", "Fencing quotes discussed at length", []),
        # numbered markers, as civil-service panels write them
        (
            "Action 2: Tony Burton to share the draft.\nDue: as soon as possible.",
            "Tony Burton to share the draft.",
            ["Tony Burton"],
        ),
        ("Action point 3: Peter Haylock to book the hall.", "Peter Haylock to book the hall.", ["Peter Haylock"]),
        ("Action no. 4: Peter Haylock to book the hall.", "Peter Haylock to book the hall.", ["Peter Haylock"]),
    ],
)
def test_marked_actions(body: str, text: str, owners: list[str]) -> None:
    m = meeting("Present: Tony Burton, Peter Haylock\n\n1. Business\n" + body + "\n")
    assert [(a.text, a.owners) for a in m.actions] == [(text, owners)]


def test_a_task_after_a_status_word_is_no_status() -> None:
    m = meeting(
        "Present: Ann Lee, Bob Diaz\n\n1. Actions\nAction 1: Ann Lee to invite Francis.\n"
        "Outstanding: Bob Diaz to send the report.\n"
    )
    assert [a.status for a in m.actions][:1] == [None]


def test_a_status_line_with_its_reason_is_the_status_of_the_action_above() -> None:
    m = meeting("Present: Ann Lee\n\n1. Actions\nAction 1: Ann Lee to invite Francis.\nComplete - Francis accepted.\n")
    assert [(a.text, a.status) for a in m.actions] == [("Ann Lee to invite Francis.", "Complete - Francis accepted.")]


@pytest.mark.parametrize(
    "sentence, owners",
    [
        ("Clerk to write to the Highways Department about the potholes.", ["Clerk"]),
        ("Officers to circulate the revised policy to all members.", ["Officers"]),
        ("PDC project team to share the draft recommendations with the Board.", ["PDC project team"]),
        ("Transparency Board members to review the data.gov.uk paper.", ["Transparency Board members"]),
        ("Mr Armstrong said he would contact EDC about the drains.", ["Armstrong"]),
        ("Andy Lowe was asked to arrange extra patrols.", ["Andy Lowe"]),
        ("Panel members were encouraged to publicise the survey.", ["Panel members"]),
        ("Members were urged to respond to the consultation.", ["Members"]),
        ("Clerk to bring the keys to the hall.", ["Clerk"]),
        ("Ann Lee to ping the hosting company about the renewal.", ["Ann Lee"]),
        ("The Clerk Buiter will send a letter to the resident by certified mail.", ["Buiter"]),  # off the roll
        ("Councillors requested Mr Armstrong to look into the sweeping of the village.", ["Armstrong"]),
        ("Mr Bellsham to contact Highways, and Mr Armstrong will also contact Highways.", ["Bellsham", "Armstrong"]),
        ("The Mayor wants staff to reach out to the District about other funds.", ["staff"]),
        (
            "The Community Development Director responded data is collected; stated that she would share it.",
            ["Community Development Director"],
        ),
        ("Andy Lowe explained the limits. He will be watching for complaints.", ["Andy Lowe"]),
        # a pronoun means the last person a sentence of the paragraph opened with, whatever that sentence's verb
        ("Andy Lowe replaced the lock. He also painted the door. He’ll send the keys round.", ["Andy Lowe"]),
        ("Cllr Hale informed the meeting that he will write to the county about the verges.", ["Hale"]),
        ("Andy Lowe is going to call a special meeting in March.", ["Andy Lowe"]),
        ("Andy Lowe reported on the roof. She plans on bringing the quotes to the next meeting.", ["Andy Lowe"]),
        ("It was agreed that Andy Lowe should inspect the drains.", ["Andy Lowe"]),
        ("Cllr Hale requested further information on the costs of the scheme.", []),
        ("Chair Jerdonek said he’ll do the build script so that Python 3.5 can be used.", ["Jerdonek"]),
        ("County Cllr Webb will raise the broken speed signs with the County.", ["Webb"]),
        ("No comments on the diversion. Clerk notify Merlin Waste of the extra bin.", ["Clerk"]),
        ("Councillors are politely asked to send out their reports earlier.", ["Councillors"]),
        ("Members were asked to confirm their availability to the Clerk by Friday.", ["Members"]),  # a task
        ("Members were asked to support the litter pick on Saturday.", ["Members"]),
        ("The consultation response to be circulated by the Clerk.", ["Clerk"]),
        ("Cllr Hale has drafted a definition of the standard and will circulate it to Councillors.", ["Hale"]),
        ("Andy Lowe presented the Treasurer's report and will hand the books over to Ann.", ["Andy Lowe"]),
    ],
)
def test_actions_in_prose(sentence: str, owners: list[str]) -> None:
    m = meeting("Present: Cllr Hale, Andy Lowe\n\n1. Highways\n" + sentence + "\n")
    assert [a.owners for a in m.actions] == [owners]


def test_a_first_name_off_the_roll_owns_a_task_once_the_minutes_show_them_speaking() -> None:
    body = "1. Website\nThe pages were old. Si also promised to fix the links.\nACTION: Si to update the pages.\n"
    m = meeting("Present: Ann Lee, Bob Diaz\n\n" + body)
    assert [a.owners for a in m.actions] == [["Si"]]
    silent = meeting("Present: Ann Lee, Bob Diaz\n\n1. Website\nACTION: Si to update the pages.\n")
    assert [a.owners for a in silent.actions] == [[]]
    noted = meeting("Present: Ann Lee, Bob Diaz\n\n1. News\nNewsletter noted.\nACTION: Newsletter to go out in May.\n")
    assert [a.owners for a in noted.actions] == [[]]  # a paper noted is no one speaking


def test_who_proposed_and_seconded_a_decision_is_told_with_it() -> None:
    report = "The draft was circulated in January and members had sent their comments to the Clerk. " * 3
    body = (
        f"1. Standing Orders\n{report}It was resolved to adopt the new Standing Orders. Proposed by Cllr Hale "
        "seconded by Andy Lowe. The amended Code of Conduct will be voted on at the March meeting.\n"
    )
    m = meeting("Present: Cllr Hale, Andy Lowe\n\n" + body)
    assert [r.text for r in m.resolutions] == [
        "It was resolved to adopt the new Standing Orders. Proposed by Cllr Hale seconded by Andy Lowe."
    ]


def test_a_first_name_off_the_roll_owns_a_task_once_the_minutes_name_the_person_in_full() -> None:
    body = "1. Logo\nHonorary membership for Brenda Davies was approved.\nBrenda will do the graphic art.\n"
    m = meeting("Present: Ann Lee, Bob Diaz\n\n" + body)
    assert [a.owners for a in m.actions] == [["Brenda"]]
    hall = "1. Hall\nThe Village Hall roof leaks; the village agreed a repair.\nVillage will host the fair in May.\n"
    assert meeting("Present: Ann Lee, Bob Diaz\n\n" + hall).actions == []  # 'village' is a word here, no name


@pytest.mark.parametrize(
    "paragraph, text",
    [
        (
            "The pillars at Birch Green may be over the boundary. Councillors will look and report.",
            "The pillars at Birch Green may be over the boundary. Councillors will look and report.",
        ),
        (
            "69 Birch Green – the map and the register differ. The Clerk will ask Land Registry to explain the "
            "difference.",
            "The Clerk will ask Land Registry to explain the difference.",
        ),
        (  # a note that points back ('this') or is too short to say what it is about
            "A window frame has been left outside a house in Forge Road for weeks. Clerk to look into this.",
            "A window frame has been left outside a house in Forge Road for weeks. Clerk to look into this.",
        ),
        (
            "The site meeting is on 31st July. Cllr Hale to attend.",
            "The site meeting is on 31st July. Cllr Hale to attend.",
        ),
        (  # who said it says nothing of the task
            "Speeding on the hill was raised again. Ann said she will draft a letter to residents.",
            "Speeding on the hill was raised again. Ann said she will draft a letter to residents.",
        ),
        (  # a note on a line of its own under the paragraph it answers
            "The broadband team offered to explain the grant scheme to residents.\nClerk email them.",
            "The broadband team offered to explain the grant scheme to residents. Clerk email them.",
        ),
        (  # ... but not under a heading's title
            "Planning\nClerk email them.",
            "Clerk email them.",
        ),
        (  # one that says what it is about stands alone, pointing back or not
            "The hedges on the lane are overgrown. Clerk to write to the landowner about cutting them back soon.",
            "Clerk to write to the landowner about cutting them back soon.",
        ),
    ],
)
def test_an_undertaking_that_does_not_say_what_about_takes_the_sentence_before(paragraph: str, text: str) -> None:
    m = meeting(f"1. Village green\n{paragraph}\n")
    assert [a.text for a in m.actions] == [text]


def test_long_statement_sentences_give_one_action_per_statement() -> None:
    m = meeting(
        "Present: Cllr Hale, Andy Lowe\n\n1. Budget\nCouncilmember Hale outlined items she supports; requested "
        "written information on changes to the City Attorney budget; discussed processing record requests more "
        "efficiently; expressed support for funding Alameda Family Services, the Sustainability Fellow and the "
        "business grant; she would like staff to prioritize the community's needs.\n"
    )
    assert [(a.text.split(";")[-1].strip()[:20], a.owners) for a in m.actions] == [
        ("requested written in", []),
        ("she would like staff", ["staff"]),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Fellrunner Village Bus Donation requested, agreed to pay £65.",
        "The Parish Council will be using Alex Birtles of Hewitson and Harker.",
        "A report will be forwarded to the committee in due course.",
        "I will make changes to my classroom.",
        "We will share the plan with all stakeholders.",
        "Clerk emailed the contractor about the bins before the meeting.",
        "The Clerk asked whether the hall was free.",
        "Clerk contact block at the top of the page names a different clerk.",
        "Peake to my understanding TASER is an acronym.",
        "A Motion to adjourn was made by Trustee Elton, seconded by Trustee Albrecht.",
        "Supervisor Liccar reported on the grant. He will keep us posted.",  # a promise of news is no task
        "Supervisor Liccar paid tribute to the former trustee. He will also be missed.",
        "Panshanger Lane will become an important leisure route.",
        "The website moves to a new theme next month; Hostright will still host it.",  # a state, not a task
        "A resident requests that Cllr Brown's comments are recorded in full.",  # whose comments, not who acts
        "The Council requests that Harbour Lane remains closed to lorries.",  # a place
        "Whilst Roger will provide a full financial update.",  # a conjunction opens it, not a name
        "Cllr Hale is going to keep us posted on the verges.",
        "The Clerk reminded members to submit their declarations of interest.",  # asks them; the Clerk owns nothing
        "The Chair advised the council to note the report.",
        "Cllr Evans Travelling Expenses to meeting - £13.19 (Ch. No. 300132)",  # 'to' before a noun in -ing
        "The Clerk resigned last Friday and will work until the end of March.",  # a report, then no task
        "The Council were asked to support a submission to the inspector.",  # the meeting is asked to decide
        "Members were asked to note the report and approve the budget.",
    ],
)
def test_not_actions(sentence: str) -> None:
    assert meeting("1. Business\n" + sentence + "\n").actions == []


def test_and_between_two_names_joins_the_names_not_two_clauses() -> None:
    m = meeting(
        "Present: Cllr Ann Tiley, Cllr Bob Egan\n\n1. Business\n"
        "The item was moved up the agenda to enable Cllrs Tiley and Egan to speak earlier in the meeting.\n"
    )
    assert m.actions == []


def test_marked_document_counts_only_marked_actions_and_summary_once() -> None:
    m = meeting(
        "Present: Ann Hale, Bob Ives\n\n1. Finance\nBob Ives said he would check the bank statement.\n"
        "Ann will book the hall.\nACTION: Ann Hale\n2. Summary of actions\n"
        "Ann will book the hall. - Ann Hale\n"
    )
    assert [(a.text, a.owners) for a in m.actions] == [("Ann will book the hall.", ["Ann Hale"])]


def test_action_table() -> None:
    m = meeting(
        "Present: Ann Hale, Bob Ives\n\n1. Actions\nAction\tOwner\tDue\n"
        "Book the hall\tAnn Hale\t30 April 2024\nCheck the statement\tBob Ives / Ann Hale\tnext meeting\n"
    )
    assert [(a.text, a.owners, a.due) for a in m.actions] == [
        ("Book the hall", ["Ann Hale"], "2024-04-30"),
        ("Check the statement", ["Bob Ives", "Ann Hale"], "next meeting"),
    ]


def test_action_table_and_marks_beside_the_notes_tell_each_task_once() -> None:
    m = meeting(
        "Present: Heather Poustie, Ann Hale\n\nACTIONS TO BE TAKEN\nMinute\tAction\tBy whom\tBy when\n"
        "2/24\tMinutes to website\tClerk\tasap\n"
        "3/24\tPublicise the Wellbeing Policy to all staff\tHeather Poustie\tasap\n\n"
        "\tItem\tNotes\tAction\n1/24\tWelcome\tAll were welcomed to the meeting.\t\n"
        "2/24\tMinutes\tThe minutes were agreed and signed and will go on the website.\tClerk\n"
        "3/24\tWellbeing\tMore than a third of staff were unaware of the policy.\tHeather Poustie\n"
        "4/24\tTraining\tGovernors should tell the clerk what training they need.\tAll\n"
    )
    assert [(i.number, i.title) for i in m.items] == [
        ("1/24", "Welcome"),
        ("2/24", "Minutes"),
        ("3/24", "Wellbeing"),
        ("4/24", "Training"),
    ]
    assert [(a.item, a.owners, a.found.rule) for a in m.actions] == [
        ("2/24", ["Clerk"], "action.table_row"),
        ("3/24", ["Heather Poustie"], "action.table_row"),
        ("4/24", ["All"], "action.column"),
    ]


def test_an_action_column_of_what_came_of_each_motion_names_no_owners() -> None:
    rows = (
        ("Approve $570 for purchase of Acetylene", "Bottle has been ordered."),
        ("Approve $119 for purchase of an inverter", "<p>Purchased</p>"),
        ("Offer reduced lathe fees to donors", "Once the lathe runs donors will be contacted."),
    )
    text = "# Committee Meeting - 2025-09-25\n\nPresent: Ann Hale, Bob Ives\n\n## Motions\n\n" + "\n".join(
        ["| Date Raised | Motion text | Result | Action |", "|---|---|---|---|"]
        + [f"| 2025-09-19 | {motion} | Passed | {done} |" for motion, done in rows]
    )
    (m,) = extract(from_text(text, markdown=True))
    assert m.actions == []  # 'Purchased' is what came of the motion, not its owner
    initials = text.replace("Bottle has been ordered.", "AH").replace("<p>Purchased</p>", "BI")
    (marked,) = extract(from_text(initials, markdown=True))
    assert [a.owners for a in marked.actions] == [["AH"], ["BI"]]  # a column mostly of initials still names them
    dashes = initials.replace("Once the lathe runs donors will be contacted.", "–").replace("BI", "–")
    (dashed,) = extract(from_text(dashes + "\n| 2025-09-19 | Approve a new vice | Passed | – |", markdown=True))
    assert [a.owners for a in dashed.actions] == [["AH"]]  # a dash in a row with no action is no one, nor a sentence


def test_one_task_given_to_two_people_is_two_actions() -> None:
    m = meeting(
        "1. Guild\nACTION TL: Make guild activity and submit pre-prepared RA\nACTION EW: Reach out to VGS\n"
        "2. Games night\nACTION SA: Make guild activity and submit pre-prepared RA\nACTION MW: Reach out to VRSoc\n"
        "ACTION New Committee: Complete canvas training\n3. Lease\nAction\tOwner\tDue\n"
        "Legal advice on the draft lease\t–\tNext Board meeting\n"
    )
    assert [a.owners for a in m.actions] == [["TL"], ["EW"], ["SA"], ["MW"], ["New Committee"], []]


def test_two_paragraphs_asking_alike_in_other_words_are_two_tasks_a_summary_restates_one() -> None:
    m = meeting(
        "Present: Cllr Ann Hale, Cllr Bob Ives\n\n1. Works\nCllr Ives has scraped the footway. "
        "The Clerk was asked to write and thank him.\n\nThe volunteers cleared the wood. "
        "The Clerk was asked to write and thank them.\n\n2. Summary of actions\n"
        "- The Clerk was asked to write and thank them\n"
    )
    assert [a.text.rsplit(". ", 1)[-1] for a in m.actions] == [
        "The Clerk was asked to write and thank him.",
        "The Clerk was asked to write and thank them.",
    ]


def test_an_action_keeps_its_words_not_its_paragraph_number() -> None:
    m = meeting(
        "Present: Mike Stephens (MS)\n\n1. Business\nACTION MS: 5 Friends website – deferred until next meeting\n"
    )
    assert [a.text for a in m.actions] == ["Friends website – deferred until next meeting"]


def test_an_action_opening_with_a_house_number_keeps_its_address() -> None:
    m = meeting(
        "1. Village Green\n24 Mill Lane – the fence may stand on the green. Councillors will look and report.\n"
    )
    assert [a.text for a in m.actions] == [
        "24 Mill Lane – the fence may stand on the green. Councillors will look and report."
    ]
    m = meeting("1. Bins\n3 Green waste bins: the Clerk will order two more.\n")
    assert [a.text for a in m.actions] == ["Green waste bins: the Clerk will order two more."]


def test_an_action_list_headed_in_capitals_is_a_heading_and_a_cell_naming_one_owner_twice_names_one() -> None:
    from minutes.extract.actions import split_owners

    m = meeting("1. Business\nThe Clerk will write to the school.\n\nChair, Parish Council\nACTION LIST SUMMARY\n")
    assert [a.owners for a in m.actions] == [["Clerk"]]
    assert split_owners("AS AS") == ["AS"] and split_owners("AS/NS") == ["AS", "NS"]
    assert split_owners("ANN LEE") == ["ANN LEE"]
    assert split_owners("Ann Lee") == ["Ann Lee"]


def test_a_heading_naming_the_actions_is_not_one() -> None:
    assert meeting("1. Business\nACTIONS TO BE TAKEN\nITEM BY WHOM BY WHEN\n").actions == []


def test_three_spaces_after_a_full_stop_are_a_typist_s_sentence_gap_not_a_column() -> None:
    m = meeting(
        "3778. Bench\nThey would prefer the bench in another position.   Clerk reply sending plan\n"
        "of revised siting of bench and confirming the Council would fund it.\n"
    )
    assert [a.text for a in m.actions] == [
        "Clerk reply sending plan of revised siting of bench and confirming the Council would fund it."
    ]


def test_a_typed_minutes_with_columns_of_spaces_and_actions_at_the_right() -> None:
    m = meeting(
        "Governors present:\n   Elaine Fordham (EF)       Chair; Co-opted Governor\n"
        "   Daniel Osei (DO)          Headteacher\nIn attendance:\n"
        "   Maureen Ashby             Clerk to the Governing Body\nApologies:   Claire Dempsey (CD)\n\n"
        "1) Welcome\n   The Clerk was asked to write to KL about absence.      Action: Clerk\n\n"
        "2) Matters arising\n   - Item 4 (premises): the windows were replaced.\n\n3) Headteacher's report\n"
        "   TM asked for attendance by year group. DO said he would include this in his next report.   Action: DO\n\n"
        "4) Date of next meeting\n   14th May 2024.\n\nSUMMARY OF ACTIONS\n\n"
        "Item  Action                                   Who      By when\n"
        "1     Write to KL regarding consent for absence  Clerk    15/03/24\n"
        "3     Attendance by year group in HT report      DO       Next FGB\n",
        head="Minutes of the meeting held on Tuesday 5th March 2024 at 6.00pm in the School Library\n\n",
    )
    assert m.date == "2024-03-05"
    assert {a.name: (a.status, a.role) for a in m.attendees} == {
        "Elaine Fordham": ("present", "Chair; Co-opted Governor"),
        "Daniel Osei": ("present", "Headteacher"),
        "Maureen Ashby": ("present", "Clerk to the Governing Body"),
        "Claire Dempsey": ("apologies", None),
    }
    assert [i.number for i in m.items] == ["1", "2", "3", "4"]
    assert [(a.item, a.owners, a.text) for a in m.actions] == [
        ("1", ["Clerk"], "The Clerk was asked to write to KL about absence."),
        ("3", ["DO"], "TM asked for attendance by year group. DO said he would include this in his next report."),
    ]


@pytest.mark.parametrize(
    "sentence, owners",
    [
        ("In response to a question, Mr. Delgado said he would provide a breakdown of costs.", ["Delgado"]),
        ("Staff were directed to post the survey on the district website.", ["Staff"]),
        ("President Okafor asked the Superintendent to bring a report to the May meeting.", ["Superintendent"]),
        ("The Director of Finance will bring a paper on the asset register.", ["Director of Finance"]),
        ("Refreshed contact list to be circulated by Friday – Sarah Khan", ["Sarah Khan"]),
    ],
)
def test_more_owners_in_prose(sentence: str, owners: list[str]) -> None:
    m = meeting("Present: Sarah Khan, Mark Delgado\n\n1. Business\n" + sentence + "\n")
    assert [a.owners for a in m.actions] == [owners]


@pytest.mark.parametrize(
    "task, owners",
    [
        ("Financials for previous years to be shared by SK/MD before the next meeting.", ["SK", "MD"]),
        ("Correct bank details to be confirmed with Sarah Khan so that donations can be made.", []),
    ],
)
def test_owners_of_a_listed_task_are_who_does_it_not_whom_it_is_done_with(task: str, owners: list[str]) -> None:
    m = meeting(
        "Present: Sarah Khan (SK), Mark Delgado (MD)\n\n1. Business\nThe accounts were discussed.\n\n"
        "Actions\n\n1. " + task + "\n"
    )
    assert [a.owners for a in m.actions] == [owners]


@pytest.mark.parametrize(
    "text, decisions",
    [
        ("RESOLVED to approve the payments list as presented.", 1),
        ("The meeting was confirmed as quorate.", 0),
        ("At the December meeting it was agreed to buy two additional grit bins.", 0),
        ("It was agreed in February that approved minutes would be published.", 0),
        ("The Board APPROVED the revised Standing Financial Instructions as recommended by the Committee.", 1),
        ("Marcus Webb asked the Board to keep a full week of spring break.", 0),
        ("The pay policy was approved by the Resources Committee under delegated powers.", 0),
        ("The Community Council agreed not to comment on this application.", 1),
        ("Hertfordshire County Council had confirmed that no licence was needed.", 0),
        ("Results of vote: The maintainers voted unanimously in support of leaving the foundation.", 1),
        ("Voted all in favour of keeping the group closed.", 1),
        ("The PLC voted to approve the grant requests.", 1),
        ("Cllr Jones voted against the motion and asked for it to be recorded.", 0),  # one member's vote
        ("JS voted to approve the grant requests.", 0),  # one member's initials, not the body
    ],
)
def test_decisions_and_their_traps(text: str, decisions: int) -> None:
    m = meeting("1. Business\n" + text + "\n2. Close\nThe meeting closed at 9pm.\n")
    assert len(m.resolutions) == decisions and m.actions == []


def test_moved_seconded_carried_blocks_and_council_honorifics() -> None:
    m = meeting(
        "Present: Cr Aroha Smith (Chair), Cr Grace Lee, Mayor Jan Pearce\n"
        "Apologies: Cr Rob Tait; Cr Mere Ngata (for lateness)\n\n"
        "QC/24/01 Roading programme\nMoved: Cr Smith / Seconded: Cr Lee\nThat the Committee:\n"
        "a) receives the report;\nb) approves the reallocation of $420,000.\nCARRIED\n"
        "QC/24/02 Speed limits\nMoved: Cr Lee / Seconded: Mayor Pearce\nThat the speed limit be lowered.\nLOST\n"
    )
    assert {a.name: a.status for a in m.attendees} == {
        "Aroha Smith": "present",
        "Grace Lee": "present",
        "Jan Pearce": "present",
        "Rob Tait": "apologies",
        "Mere Ngata": "present",
    }
    assert [i.number for i in m.items] == ["QC/24/01", "QC/24/02"]
    assert [r.text for r in m.resolutions] == [
        "That the Committee: a) receives the report; b) approves the reallocation of $420,000."
    ]


def test_numbered_paragraphs_and_an_action_at_a_paragraph_end() -> None:
    m = meeting(
        "Present: Claire Nolan (CN), Aisha Rahman (AR)\n\n1. Finance\n"
        "1.1 The Treasurer presented the management accounts for the twelve months, which had been circulated.\n"
        "1.2 The Trustees resolved to approve the management accounts for the year ended 31 March 2024.\n"
        "2. Appeals\n2.1 CN reported that the Christmas appeal had raised £21,300, the best result to date.\n"
        "2.2 CN would brief the volunteer coordinators on the appeal materials before the launch. Action: CN\n"
    )
    assert [i.number for i in m.items] == ["1", "2"]
    assert [(a.text, a.owners) for a in m.actions] == [
        ("CN would brief the volunteer coordinators on the appeal materials before the launch.", ["CN"])
    ]


def test_a_us_council_in_plain_text() -> None:
    m = meeting(
        "Council Chambers, City Hall\n200 Civic Center Drive, Santa Lucia, CA 93401\n\nROLL CALL\n"
        "Present: Councilmembers Alvarez, Chen, Mayor Whitfield\n\nCONSENT CALENDAR\n\n"
        "1. Approval of Minutes of the May 21, 2024 Regular Meeting\n   Recommendation: Approve the minutes.\n\n"
        "2. Warrant Register for May 2024\n   Recommendation: Receive and file.\n\nNEW BUSINESS\n\n"
        "3. Fee Schedule\nCouncilmember Alvarez requested that staff return with an analysis of a fee waiver.\n",
        head="CITY COUNCIL\nREGULAR MEETING MINUTES\nTuesday, June 4, 2024\n\n",
    )
    assert [i.number for i in m.items if i.number] == ["1", "2", "3"]
    assert [a.owners for a in m.actions] == [["staff"]]


def test_a_delegation_is_an_action_of_the_officer_it_names_title_kept_whole() -> None:
    m = meeting(
        "Present: Cllrs Ann Lee, Tom Brown\n\n4. Local Plan\nRESOLVED that the Council:\n"
        "(i) Adopts the Harbour Local Plan 2025-2040; and\n"
        "(ii) Delegates authority to the Director for Growth, Housing & Transport, in consultation with the "
        "Cabinet Member for Planning, to approve minor changes to the text of the Plan.\n"
        "5. Hall\nRESOLVED that authority be delegated to the Clerk to arrange the repairs to the hall roof.\n"
        "6. Budget\nMembers noted the forecast overspend on the Delegated Budgets of £3.1m.\n"
        "7. Strategy\nThe report recommended that the Board (i) approve the draft; (ii) delegate authority to the "
        "Director of Public Health to finalise the consultation materials.\n"
    )
    assert [(a.item, a.owners) for a in m.actions] == [
        ("4", ["Director for Growth, Housing & Transport"]),
        ("5", ["Clerk"]),
    ]
    assert m.actions[0].text.startswith("(ii) Delegates authority to the Director for Growth")
    assert len(m.resolutions) == 2  # still the decisions they are


@pytest.mark.parametrize(
    "sentence",
    [
        "Members refused to delegate authority to the Clerk to object to planning applications.",
        "The Council does not delegate its powers to the Licensing Committee.",
        "The delegate to the Area Forum (Cllr Dee) gave a short report on the bus services.",
        "Members noted that in 2019 authority was delegated to the Clerk to spend up to £500.",
        "The tree works had been approved under delegated powers to the Head of Planning.",
    ],
)
def test_a_delegation_only_reported_refused_or_a_delegate_is_no_action(sentence: str) -> None:
    assert meeting("Present: Ann Lee, Tom Brown\n\n1. Business\n" + sentence + "\n").actions == []


def test_a_delegation_resolved_after_a_proposal_is_an_action_with_each_officer() -> None:
    m = meeting(
        "Present: Cllrs Ann Lee, Tom Brown\n\n1. Hall\nIt was proposed by Cllr Lee, seconded by Cllr Brown and "
        "RESOLVED that authority be delegated to the Clerk and the Chair to agree the contract for the roof.\n"
        "2. Budget\nThe report recommended that the Board:\n(i) approve the budget;\n"
        "(ii) delegate authority to the Treasurer to move funds between the reserves.\n"
    )
    assert [(a.item, a.owners) for a in m.actions] == [("1", ["Clerk", "Chair"])]


def test_a_post_and_a_person_after_it_are_two_owners() -> None:
    m = meeting(
        "Present: Cllrs Ann Lee, Tom Brown\n\n1. Audit\n"
        "The Cabinet Member for Finance and the Clerk will meet the auditors in June.\n"
        "2. Play area\nThe Portfolio Holder for Leisure and Cllr Lee will visit the new play area.\n"
    )
    assert [a.owners for a in m.actions] == [
        ["Cabinet Member for Finance", "Clerk"],
        ["Portfolio Holder for Leisure", "Lee"],
    ]


def test_a_portfolio_of_many_parts_is_read_in_linear_time() -> None:
    from minutes.extract.names import is_role

    assert not is_role("Cabinet Member for Roads" + " and Parks" * 40 + " and walking")  # returns at once


def test_a_council_requests_that_an_executive_post_act() -> None:
    m = meeting(
        "Present: Cllrs Ann Lee, Tom Brown\n\n7. Motion on Bus Services\nRESOLVED:\n"
        "1. To request that the Leader of the Council writes to the Secretary of State about rural bus routes.\n"
        "2. To request that the Cabinet Member for Highways and Transport meets the bus operators this spring.\n"
        "3. The Council asks the Monitoring Officer to update the Constitution accordingly.\n"
    )
    assert [a.owners for a in m.actions] == [
        ["Leader of the Council"],
        ["Cabinet Member for Highways and Transport"],
        ["Monitoring Officer"],
    ]


# --- dates ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, year, us, expected",
    [
        ("Tuesday 14th March 2023", None, False, "2023-03-14"),
        ("14/03/2023", None, False, "2023-03-14"),
        ("05/14/2024", None, True, "2024-05-14"),
        ("Wednesday, May 8, 2024", None, True, "2024-05-08"),
        ("Tuesday 11th November", 2025, False, "2025-11-11"),
        ("26 th September 2013", None, False, "2013-09-26"),
        ("held by email on 10thth September 2021", None, False, "2021-09-10"),
        ("The Meeting shall take place on the Ninth day of OCTOBER, 2004 in the Upstairs", None, False, "2004-10-09"),
        ("given this twenty-first day of May 2019", None, False, "2019-05-21"),
        ("on the first day of business, Monday 4 March 2024", None, False, "2024-03-04"),  # no month after it
    ],
)
def test_dates(text: str, year, us: bool, expected: str) -> None:
    assert find_dates(text, year, us)[0][0].isoformat() == expected


def test_due_dates_relative_to_the_meeting() -> None:
    from datetime import date

    held = date(2024, 11, 12)
    assert due_date("to report back by the next meeting", held) == "next meeting"
    assert due_date("to report back at the next board meeting but one", held) == "next meeting but one"
    assert due_date("to report back by the meeting after next", held) == "next meeting but one"
    assert due_date("to report back at the next but one meeting", held) == "next meeting but one"
    assert due_date("Cllr Lee will facilitate a discussion at the February meeting", held) == "February meeting"
    assert due_date("The Clerk will contact the owners by next week", held) == "next week"
    assert due_date("Circulate the minutes of the March meeting", held) is None  # whose minutes, not when
    assert due_date("Ann to chase the grant the bank said would come next week", held) is None
    assert due_date("The fete is at the end of May and Ann will book the hall", held) is None  # the fete's time
    assert due_date("to circulate the plan by 5 January", held) == "2025-01-05"
    assert due_date("by 30/04/2025", held) == "2025-04-30"
    assert due_date("by end of June", held) == "end of June"


def test_what_a_body_would_do_is_an_outcome_not_a_task() -> None:
    m = meeting(
        "1. Budget\nMr Betts explained that provided the savings were delivered, the Council would continue to "
        "balance its budget over the medium term.\n2. Allotments\nThe Chair confirmed that no date had been "
        "set. The Committee would keep the matter under review.\n3. Hall\nThe Council will write to the hall's "
        "trustees.\n"
    )
    assert [a.text for a in m.actions] == ["The Council will write to the hall's trustees."]


def test_signed_dated_footer_is_not_the_meeting_date() -> None:
    m = meeting(
        "1. Apologies\nNone.\nSigned _______________ Dated 4th September 2018\nPage 1 of 2\n"
        "2. Finance\nCouncillors agreed to pay the invoice.\n",
        head="Milburn Parish Council - 3rd July 2018\n\n",
    )
    assert m.date == "2018-07-03"


@pytest.mark.parametrize(
    "head, expected",
    [
        (
            "Date: 3rd January 2024\n\nYou are hereby summoned to attend the next Ordinary Meeting of the Parish "
            "Council to be held on Wednesday 10th January 2024 at 7.30pm in the Village Hall.\n\n",
            "2024-01-10",
        ),
        (
            "Posted: March 1, 2024\n\nNOTICE IS HEREBY GIVEN that a Regular Meeting of the Board of Directors of "
            "the Association will be held on March 12, 2024 at 6:00 PM in the Community Room, 100 Main Street, for "
            "the purpose of conducting the business set out below, and that all members are welcome to attend and "
            "to speak during the public comment period.\n\n",
            "2024-03-12",
        ),
    ],
)
def test_a_summons_dates_the_meeting_it_calls(head: str, expected: str) -> None:
    (found,) = extract(from_text(head + "1. Apologies\n\n2. Minutes\n\n3. Finance\n"))
    assert found.date == expected


def test_another_meeting_to_be_held_in_the_opening_business_does_not_date_this_one() -> None:
    m = meeting(
        "The Annual Town Hall Meeting was called to order by the Clerk at 7:00 PM.\n"
        "Tim Miller then updated us about the grant. The deadline is June 30, 2024, and the Board has called a "
        "special meeting on May 7, 2024 to get this approval. It will be held at the Town Hall, and residents are "
        "welcome to come and hear the presentation and ask their questions of the Board and the architect there. "
        "There are three things we must fulfil to get the grant money: the plans must be drawn, the costs must "
        "be agreed with the contractor, and the residents must approve the purchase at that special meeting.\n"
        "A motion was made that next year's annual town meeting will be held on Tuesday, April 8th, 2025 at 7 PM. "
        "All were in favor. Motion passes.\n",
        head="ANNUAL TOWN HALL MEETING\nTuesday April 9, 2024\n\nPresent: Trustee Elton, Trustee Albrecht\n\n",
    )
    assert m.date == "2024-04-09"


# --- PDF damage -----------------------------------------------------------------------------------------


def test_hyphens_and_running_headers() -> None:
    lines = []
    topics = ["finance", "planning", "highways"]
    for page, topic in enumerate(topics, start=1):
        lines += [
            Line("Board Minutes 12 May 2016", page=page),
            Line(f"On {topic} the meeting noted the attached report on diver-", page=page),
            Line(f"sity and the resolution on {topic} was carried at the meeUng.", page=page),
            Line(f"The Chair thanked members for the {topic} work.", page=page),
            Line(f"Members discussed the {topic} papers in detail.", page=page),
            Line(f"Page {page} of 3", page=page),
        ]
    text = " ".join(line.text for line in clean(lines, 3))
    # the first page's head is the paper's title: kept once, its repeats on later pages dropped
    assert text.startswith("Board Minutes 12 May 2016") and text.count("Board Minutes") == 1 and "Page 1" not in text
    assert "meeting noted the attached report on diversity" in text
    # one export's broken glyph map ("meeUng") is left as printed: no guessed repair of one font's fault
    assert "meeUng" in text


def test_closing_action_items_list_with_owner_colon_and_names_in_any_alphabet() -> None:
    m = meeting(
        "1. Budget\nThe budget was discussed.\n\nAction items\n\n"
        "- Çağıl Sonmez: Update the working group charter\n- Thibaud Colas & Ann Hale: Schedule an info session\n"
    )
    assert [(a.text, a.owners) for a in m.actions] == [
        ("Update the working group charter", ["Çağıl Sonmez"]),
        ("Schedule an info session", ["Thibaud Colas", "Ann Hale"]),
    ]


@pytest.mark.parametrize("heading", ["Required Board Actions", "Board Meeting Action Items:"])
def test_a_closing_list_headed_by_whose_actions_they_are(heading: str) -> None:
    m = meeting(
        f"1. Budget\nThe budget was discussed.\n{heading}\n"
        "Get budget summaries to Committee Chairs – Robin\nBegin planning of Annual Meeting – Board and volunteers\n"
    )
    assert [(a.text, a.owners) for a in m.actions] == [
        ("Get budget summaries to Committee Chairs", ["Robin"]),
        ("Begin planning of Annual Meeting", ["Board", "volunteers"]),
    ]


@pytest.mark.parametrize("heading", ["Completed actions", "Ongoing Actions", "Carried Forward Actions"])
def test_earlier_actions_head_no_list_of_new_ones(heading: str) -> None:
    m = meeting(f"1. Budget\nThe budget was discussed.\n{heading}\nGet budget summaries to the chairs – Robin\n")
    assert m.actions == []


def test_an_action_line_is_not_the_head_of_an_action_list() -> None:
    m = meeting(
        "1. Schemas\n- ACTION - everyone, post your examples\n"
        "- Benjie: it would be nice to have a repository of schemas\n- Lee: that is a good dataset\n"
    )
    assert [a.text for a in m.actions] == ["everyone, post your examples"]


@pytest.mark.parametrize(
    "line, is_action",
    [
        ("AB: will send the link round", True),
        ("AB: To be clear, a thenable is:", False),
        ("AB: Will need to add cancellation capabilities", False),
        ("AB: to check whether we should use a symbol instead?", False),
        ("AB - will recreate the ballot for the full membership", True),
        ("AB: for designs, will send out draft text for review", True),
        ("AB - the ballot closed on Friday", False),
    ],
)
def test_owner_colon_lines_undertake_only_what_someone_will_do(line: str, is_action: bool) -> None:
    m = meeting(f"Present: Ann Bell (AB), Cy Dee (CD)\n\n1. Promises\n{line}\n")
    assert bool(m.actions) is is_action


def test_an_owner_line_in_a_paragraph_of_news_is_its_first_sentence() -> None:
    m = meeting(
        "Present: Jamie Lee, Cy Dee\n\n1. Updates\nJamie - Slacking on the mailing list, will try to finish by Friday. "
        "The hackspace next door has metalworking gear and will let us use it.\n"
    )
    assert [(a.text, a.owners) for a in m.actions][:1] == [
        ("Jamie - Slacking on the mailing list, will try to finish by Friday.", ["Jamie"])
    ]


def test_a_running_footer_read_slightly_differently_on_each_page_is_still_furniture() -> None:
    footers = [
        "Golf Commission Minutes —Tuesday, January 10, 2012",
        "Golf Commission Minutes —-Tuesday, January 10, 2072",
    ]
    lines = []
    for page in (1, 2, 3):
        lines += [Line(text=f"Body text of page {page} goes on here.", page=page), Line(text="More text.", page=page)]
        lines.append(Line(text=footers[page % 2], page=page))
    kept = clean(lines, 3)
    assert [line.text for line in kept if "Golf" in line.text] == []


_ROLL = "Present: Ann Bell (AB), Cy Dee (CD)\n\n1. Budget\nThe budget was discussed.\n\n"


@pytest.mark.parametrize(
    "listed",
    [
        "AB to book the hall for the AGM\nCD to write to the landowner\n",
        "(AB) Book the hall for the AGM\n(CD) Write to the landowner\n",
        "4.1: AB: Book the hall for the AGM\n4.2: CD: Write to the landowner\n",
        "Book the hall for the AGM – AB\nWrite to the landowner – CD\n",
        "- Book the hall for the AGM (AB)\n- Write to the landowner (CD)\n",
    ],
)
def test_closing_actions_lists_in_every_common_form(listed: str) -> None:
    m = meeting(_ROLL + "Actions\n\n" + listed)
    # the task as printed: "AB to book ..." keeps its owner in its words, a tag in front or behind does not
    tasks = [
        re.sub(r"^(?:AB|CD) to (\w)|\s\((?:AB|CD)\)$", lambda g: (g.group(1) or "").upper(), a.text) for a in m.actions
    ]
    assert list(zip(tasks, [a.owners for a in m.actions], strict=True)) == [
        ("Book the hall for the AGM", ["AB"]),
        ("Write to the landowner", ["CD"]),
    ]


def test_a_bold_owner_tag_and_a_numbered_list_naming_nobody() -> None:
    (bold,) = [
        m
        for m in extract(
            from_text(
                "# Minutes of the meeting of 5 March 2024\n\n"
                + _ROLL.replace("1. Budget", "## 1. Budget")
                + "## Actions\n\n- **AB** Book the hall for the AGM\n",
                markdown=True,
            )
        )
    ]
    assert [(a.text, a.owners) for a in bold.actions] == [("Book the hall for the AGM", ["AB"])]
    m = meeting(_ROLL + "Actions\n\n1. Book the hall for the AGM\n2. Write to the landowner\n")
    assert [(a.text, a.owners) for a in m.actions] == [
        ("Book the hall for the AGM", []),
        ("Write to the landowner", []),
    ]


def test_an_outline_under_action_items_gives_only_entries_that_name_an_owner() -> None:
    m = meeting(
        "Present: Ann Bell (AB)\n\n1. Review\n\nAction Items\n\n- CPAN: Follow up on the zef support merge\n"
        "  - Deciding how visible we want the mark to be on the homepage\n- AB: Scrape the old static site\n"
    )
    assert [(a.text, a.owners) for a in m.actions] == [("Scrape the old static site", ["AB"])]


@pytest.mark.parametrize(
    "number, parent, shown",
    [("1", "6", "6.1"), ("(a)", "83", "83(a)"), ("a)", "83", "83(a)"), ("6.1", "6", "6.1"), ("2", None, "2")],
)
def test_a_sub_items_number_keeps_its_parent(number: str, parent, shown: str) -> None:
    from minutes.extract.model import item_reference

    assert item_reference(number, parent, "Title") == shown


def test_an_action_under_a_sub_item_names_the_whole_number() -> None:
    m = meeting(
        "Present: Ann Bell (AB)\n\n6. Finance\n6.1 Bank account\nACTION: AB to close the old account\n"
        "7. Hall\n(a) Heating\nACTION: AB to get a quote for the boiler\n"
    )
    assert [(a.item, a.text[:12]) for a in m.actions] == [("6.1", "AB to close "), ("7(a)", "AB to get a ")]


def _owners_of_actions_in(sentence: str) -> list[list[str]]:
    (meeting,) = extract(from_text(HEAD + "Present: Jane Smith, Tom Brown\n\n1. Matters\n" + sentence + "\n"))
    return [a.owners for a in meeting.actions]


@pytest.mark.parametrize(
    "sentence, owners",
    [
        ("69 Birch Green – the Clerk was asked to write to Network Homes.", ["Clerk"]),
        ("Playground – Jane Smith will book the inspection.", ["Jane Smith"]),
        ("Bills – Motion to approve the bills as presented.", None),
        ("Roads - Nothing to report.", None),
    ],
)
def test_a_topic_before_a_spaced_dash_leaves_the_task_after_it(sentence: str, owners: list[str] | None) -> None:
    assert _owners_of_actions_in(sentence) == ([owners] if owners else [])


@pytest.mark.parametrize(
    "sentence, owners",
    [
        ("This will be reported by the Clerk to the county council.", ["Clerk"]),
        ("The dates will be arranged by the Clerk to the Board who will send them out.", ["Clerk"]),
        ("Bike to school week is being planned by Ann Lee for May.", ["Ann Lee"]),  # under way
        ("The roof is being repaired by the contractor this week.", None),
        ("The field is being used by Mr Brown for grazing.", None),  # what it is, not a task under way
        ("The meeting will be facilitated by video link.", None),
        ("The accounts were audited by the treasurer last year.", None),
        ("The minutes will be signed by the Chairman as a true record.", None),
        ("The cost would be met by the Council.", None),
        ("The motion would be seconded by Tom Brown.", None),
    ],
)
def test_a_task_in_the_passive_takes_its_owner_from_by(sentence: str, owners: list[str] | None) -> None:
    assert _owners_of_actions_in(sentence) == ([owners] if owners else [])


def test_an_action_table_headed_action_item_and_person_responsible_and_its_empty_row() -> None:
    text = (
        "# Minutes of the Board meeting, 7 April 2018\n\nPresent: Ann Lee, Bob Diaz, Diane Oyen\n\n"
        "## 1. Business\n\nIt was agreed to buy a laptop.\n\n"
        "| Date Opened | Action Item | Person/ Committee Responsible | Due Date | Status |\n"
        "|---|---|---|---|---|\n"
        "| 6.11.16 | Look into a phased plan for website transition | Diane Oyen | Next Board Meeting | Open |\n"
        "| N/A | N/A | - | - | - |\n"
    )
    (m,) = extract(from_text(text, markdown=True))
    assert [(a.text, a.owners) for a in m.actions] == [
        ("Look into a phased plan for website transition", ["Diane Oyen"])
    ]


@pytest.mark.parametrize(
    "heading, title, presenters",
    [
        ("Public Health – Trustee Katrina Seifert", "Public Health", ["Katrina Seifert"]),
        ("Student Report – Cllr Priya Nair", "Student Report", ["Priya Nair"]),
        ("Special Events – Trustee Elton", "Special Events", ["Elton"]),  # a seat's title and a surname
        ("Training - Clerk Training Course", "Training - Clerk Training Course", []),
        ("Roading Programme Update - Ridge Road Slip", "Roading Programme Update - Ridge Road Slip", []),
    ],
)
def test_a_titled_reporter_after_a_dash_presents_the_item(heading: str, title: str, presenters: list[str]) -> None:
    from minutes.extract.items import split_title

    assert split_title(heading)[0::2] == (title, presenters)


def test_a_reporter_the_roll_names_after_a_dash_presents_even_with_no_report() -> None:
    m = meeting(
        "1. Reports\n(a) Committee on Organization – W. Bell, No report\n"
        "(b) Auxiliary Services Corporation Report – Robert Wallace, no report\n",
        head="Minutes of the College Council held on 18 February 2021\n\nPresent: William Bell, Robert Wallace\n\n",
    )
    assert [(i.title, i.presenters) for i in m.items if i.parent] == [
        ("Committee on Organization", ["W. Bell"]),
        ("Auxiliary Services Corporation Report", ["Robert Wallace"]),
    ]


def test_reporters_after_dashes_are_named_where_the_headings_use_the_dash_for_them() -> None:
    agenda = (
        "Agenda of the Board of Trustees meeting on 14 January 2026\n\n"
        "Reports\n\nPlan Commission – John Rzymski\n\nMosquito Abatement – Coordinator Fay Kiaurakis\n\n"
        "Community Center Events – Trustee Albrecht/ Coordinator Carol Milsap\n\n"
        "Code Enforcement – Code Enforcement Supervisor Marty Braccio\n\nSpecial Events – Budget Plans\n"
    )
    (m,) = extract(from_text(agenda))
    assert [(i.title, i.presenters) for i in m.items][-5:] == [
        ("Plan Commission", ["John Rzymski"]),
        ("Mosquito Abatement", ["Fay Kiaurakis"]),
        ("Community Center Events", ["Albrecht", "Carol Milsap"]),
        ("Code Enforcement", ["Marty Braccio"]),
        ("Special Events – Budget Plans", []),
    ]


def test_a_lone_dash_tail_that_reads_as_a_name_stays_in_the_title() -> None:
    m = meeting(
        "1. Roading Programme Update - Ridge Road Slip\nThe slip was reported.\n"
        "2. Water Supply Resilience - Rural Schemes\nThe schemes were reported.\n"
        "3. Solid Waste - Contract Performance\nNoted.\n"
    )
    assert [(i.title, i.presenters) for i in m.items] == [
        ("Roading Programme Update - Ridge Road Slip", []),
        ("Water Supply Resilience - Rural Schemes", []),
        ("Solid Waste - Contract Performance", []),
    ]


@pytest.mark.parametrize(
    "part, words, expected",
    [
        ("John Rzymski", set(), "John Rzymski"),
        ("Chief James Muirhead", set(), "James Muirhead"),
        ("Trustee Albrecht", set(), "Albrecht"),
        ("Change UKPA Charitable Objects", set(), None),  # not a post before the name
        ("Design Shelving", {"design"}, None),  # the paper writes 'design' as a word
        ("Budget", set(), None),
    ],
)
def test_a_reporter_is_a_titled_name_or_a_given_name_after_a_post(part: str, words: set, expected) -> None:
    from minutes.extract.names import reporter

    assert reporter(part, words) == expected


@pytest.mark.parametrize(
    "body, decisions",
    [
        (
            "It was resolved to approve the budget. Proposed by Cllr Hale seconded by Andy Lowe, it was "
            "resolved to pay the invoices.",
            2,
        ),
        ("Thames Water reported a leak on the green.\nThames will repair the leak next week.", 0),
    ],
)
def test_what_the_review_found_stays_fixed(body: str, decisions: int) -> None:
    m = meeting("Present: Cllr Hale, Andy Lowe\n\n1. Business\n" + body + "\n")
    assert len(m.resolutions) == decisions
    assert all("Thames" not in a.owners for a in m.actions)


@pytest.mark.parametrize(
    "sentence",
    [
        "Cllr Hale reported that the contractor has finished the work and will invoice the council in May.",
        "Andy Lowe stated that the hall was booked and will cost £50.",
        "The Clerk resigned last Friday and will stay until the end of March.",
    ],
)
def test_and_will_after_another_subject_is_no_undertaking(sentence: str) -> None:
    assert meeting("Present: Cllr Hale, Andy Lowe\n\n1. Business\n" + sentence + "\n").actions == []


def test_no_report_under_a_heading_is_what_the_part_says_not_a_topic() -> None:
    text = (
        "# Board Meeting\n\nDate: 10 February 2018\n\nPresent: Ann Lee, Bob Diaz\n\n## Membership\n\n"
        "Renewals are up.\n\n## Publicity\n\n**No Report**\n\n## Newsletter\n\n**None**\n\n"
        "## Elections\n\nHeld in May.\n"
    )
    (m,) = extract(from_text(text, markdown=True))
    assert [i.title for i in m.items] == ["Membership", "Publicity", "Newsletter", "Elections"]


def test_a_line_labelled_agenda_item_names_an_item_and_its_presenters() -> None:
    body = (
        "Agenda item: School Photos Presenter: Ann Lee\nDiscussion:\nParents would like class photos again.\n"
        "Agenda Item Fundraising Presenter: Bob and Cy\nDiscussion:\nThe bake sale raised 400 pounds.\n"
        "Agenda item: AOB\nNothing else was raised.\n"
        "Agenda item requested by Cllr Bell on parking was taken under AOB.\n"
    )
    from minutes.extract.items import split_title

    assert split_title("Safeguarding lead: Jane Smith to be appointed in May")[2] == []  # no presenter's label
    m = meeting(body)
    assert [(i.title, i.presenters) for i in m.items] == [
        ("School Photos", ["Ann Lee"]),
        ("Fundraising", ["Bob", "Cy"]),
        ("AOB", []),
    ]


def test_a_one_word_label_with_a_colon_starts_a_block_of_its_own() -> None:
    from minutes.extract.blocks import starts_something
    from minutes.ingest.model import Line

    assert starts_something(Line("Discussion:"))
    assert not starts_something(Line("Board roles:"))  # two words: the end of a sentence broken over lines


@pytest.mark.parametrize(
    "report, status",
    [
        ("Not complete. The landowner has moved.", "open"),
        ("Not done yet.", "open"),
        ("Complete - the hall is booked.", "done"),
        ("Partially complete. Interim results were shared.", "open"),  # still under way
    ],
)
def test_a_status_said_in_words(report: str, status: str) -> None:
    from minutes.extract.progress import status_of

    assert status_of(report) == status


def test_the_clerk_after_and_in_a_roll_is_an_attendee_known_by_post() -> None:
    m = meeting("Present: Cllrs Hale, Lowe, County Cllr Bell & the Clerk.\n\n1. Finance\nThe accounts were noted.\n")
    assert [(a.name, a.role, a.category) for a in m.attendees][-2:] == [
        ("Bell", None, "member"),
        ("Clerk", "Clerk", "officer"),
    ]
    m = meeting("Present: Ann Bell, Jane Smith, Clerk\n\n1. Finance\nThe accounts were noted.\n")
    assert [(a.name, a.role) for a in m.attendees] == [("Ann Bell", None), ("Jane Smith", "Clerk")]  # her post


def test_an_item_to_receive_apologies_keeps_its_title_and_gives_the_names_after_the_colon() -> None:
    m = meeting(
        "Present: Cllrs Hale, Lowe & the Clerk.\n3749. Police Reports: The PCSO is on leave.\n"
        "3750. To receive apologies for absence: Cllrs Bell & Diaz.\n3751. Public Session: No one present.\n"
    )
    assert [(i.number, i.title) for i in m.items] == [
        ("3749", "Police Reports"),
        ("3750", "To receive apologies for absence"),
        ("3751", "Public Session"),
    ]
    assert [(a.name, a.status) for a in m.attendees if a.status != "present"] == [
        ("Bell", "apologies"),
        ("Diaz", "apologies"),
    ]


@pytest.mark.parametrize(
    "heading, title",
    [
        (  # what the agenda asks of the meeting runs long before its colon
            "Discuss the possible purchase of a new Bench for the Recreation Ground: the old one has gone.",
            "Discuss the possible purchase of a new Bench for the Recreation Ground",
        ),
        ("Any Other Business: Footpath Group next meeting 20/11/2024.", "Any Other Business"),
        (  # any other long head before a colon is one title
            "Review of the Parish Plan Working Party Terms of Reference and Membership: Draft Two",
            "Review of the Parish Plan Working Party Terms of Reference and Membership: Draft Two",
        ),
    ],
)
def test_a_colon_ends_an_items_title_where_its_text_begins(heading: str, title: str) -> None:
    from minutes.extract.items import split_title

    assert split_title(heading)[0] == title


def test_a_time_someone_left_or_a_ratio_is_not_the_meetings_time() -> None:
    m = meeting(
        "1. Schools\nHB recommended a parent helper ratio of 1:10 for younger children.\n",
        head="Minutes of the Parish Council meeting held on 30 September 2024\n\n"
        "Present: Cllrs Mawdsley, Parker, Snell. Cllr Evans left the meeting at 19.33 hours after item 2.\n\n",
    )
    assert (m.start_time, m.end_time) == (None, None)
    ranged = meeting("1. Budget\nNoted.\n", head="Faculty Senate Minutes\nMarch 18, 2021, 3:30 – 4:20 PM\n\n")
    assert (ranged.start_time, ranged.end_time) == ("15:30", "16:20")  # the range's PM is its start's too
