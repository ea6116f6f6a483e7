#!/usr/bin/env python3
"""Build the Word documents of the written gold set.

    python tests/gold/written/make_docx.py

writes docs/ridgeway-fgb-2023-11-21.docx and docs/northfield-weald-board-2024-01-25.docx
beside this script. Their gold files (ridgeway-fgb-2023-11-21.json,
northfield-weald-board-2024-01-25.json) were written by hand from the text below:
change one and the other must change with it.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
FIXED_TIME = dt.datetime(2024, 9, 4, 9, 0, 0)


def new_document(title: str, author: str) -> Document:
    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(11)
    props = doc.core_properties
    props.title = title
    props.author = author
    props.created = props.modified = FIXED_TIME
    props.last_modified_by = author
    props.revision = 1
    return doc


def add_field(paragraph, instruction: str) -> None:
    """A Word field such as PAGE or NUMPAGES (Word fills in the number)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def header_footer(doc: Document, header_text: str, footer_text: str) -> None:
    section = doc.sections[0]
    head = section.header.paragraphs[0]
    head.text = header_text + "\tPage "
    add_field(head, "PAGE")
    head.add_run(" of ")
    add_field(head, "NUMPAGES")
    foot = section.footer.paragraphs[0]
    foot.text = footer_text
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER


def para(doc: Document, text: str, bold: bool = False, style: str | None = None):
    p = doc.add_paragraph(style=style)
    p.add_run(text).bold = bold
    return p


def labelled(doc: Document, label: str, text: str):
    p = doc.add_paragraph()
    p.add_run(label).bold = True
    p.add_run(" " + text)
    return p


def table(doc: Document, rows: list[list[str]], header: bool = True):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = t.cell(r, c)
            cell.text = value
            if header and r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    return t


# ---------------------------------------------------------------------------
# 1. School governing body: "4 " headings without a dot, 4.1 / 4.1.1 sub-items,
#    two-column attendance table with initials, ACTION XX: lines, AGREED in capitals.
# ---------------------------------------------------------------------------
def ridgeway_fgb() -> Document:
    doc = new_document("FGB minutes 21.11.2023", "Amanda Lowe")
    header_footer(
        doc,
        "Ridgeway Primary School – Full Governing Body – Autumn Term 2023",
        "Signed ....................................... (Chair)        Dated 23/01/2024",
    )
    para(doc, "RIDGEWAY PRIMARY SCHOOL", style="Title")
    para(doc, "Minutes of the Full Governing Body Meeting", bold=True)
    para(doc, "Date: 21/11/2023        Time: 6.00pm")
    para(doc, "Venue: School Library, Ridgeway Primary School, Ridgeway Road, Swindon SN3 4LP")
    para(doc, "Part 1 – Non-confidential")

    table(
        doc,
        [
            ["Governors present", "Category"],
            ["Helen Marsh (HM)", "Co-opted Governor – Chair"],
            ["David Okoro (DO)", "Headteacher"],
            ["Fiona Grant (FG)", "Co-opted Governor – Vice Chair (left at 7.40pm, after item 6)"],
            ["Jane Smith (JS)", "Parent Governor"],
            ["Rajesh Patel (RP)", "Local Authority Governor"],
            ["Siobhan Kelly (SK)", "Staff Governor"],
            ["Mark Ellwood (ME)", "Co-opted Governor (arrived 6.25pm, during item 4)"],
        ],
    )
    para(doc, "")
    labelled(
        doc,
        "In attendance:",
        "Amanda Lowe (AL) – Clerk to the Governing Body, Greenfield Governance "
        "Services; Tom Reid (TR) – School Business Manager",
    )
    labelled(
        doc,
        "Observers:",
        "Claire Dunn – prospective Parent Governor; Olu Adebayo – Governor Services, Swindon Borough Council",
    )
    labelled(doc, "Absent:", "Nadia Rahman (NR) – Parent Governor")
    para(doc, "Quorum: 4 governors. The meeting was quorate throughout.")

    doc.add_heading("1 Welcome, apologies and absence", level=1)
    para(
        doc,
        "The Chair welcomed governors and the two observers and opened the meeting at 6.02pm. "
        "Apologies "
        "were received from Peter Hughes (PH) – Foundation Governor and Revd Sarah Lyons (SL) – Foundation "
        "Governor. NR was absent without apologies; the Clerk will contact her.",
    )

    para(doc, "2 Declarations of interest: none declared.", bold=True)

    doc.add_heading("3 Minutes of the previous meeting (26/09/2023) and matters arising", level=1)
    para(
        doc,
        "Governors AGREED the minutes of the meeting held on 26/09/2023 as an accurate record, and the "
        "Chair signed them.",
    )
    para(
        doc,
        "Matters arising: the SEND information report has been published on the school website "
        "(action closed). The pay policy was approved by the Resources Committee on 10/10/2023 under "
        "delegated powers.",
    )

    doc.add_heading("4 Headteacher's report", level=1)
    para(
        doc,
        "DO had circulated the Headteacher's report a week before the meeting. Governors' "
        "questions and "
        "the answers given are recorded below.",
    )
    doc.add_heading("4.1 Pupil numbers and attendance", level=2)
    para(
        doc,
        "The number on roll is 398 (capacity 420). Overall attendance for the autumn term to date is "
        "94.6%, below the national figure of 95.1%. ME joined the meeting at 6.25pm.",
    )
    doc.add_heading("4.1.1 Persistent absence", level=3)
    para(
        doc,
        "Persistent absence stands at 17.2%, with the highest rates in Year 4 and among "
        "pupils eligible "
        "for free school meals.",
    )
    para(doc, "Q: A governor asked what the school was doing to engage the families concerned.")
    para(
        doc,
        "A: DO explained that the Education Welfare Officer, Karen Bright, now meets families "
        "fortnightly and that first-day calling had been introduced in October.",
    )
    para(doc, "ACTION DO: circulate the attendance improvement plan to all governors by 08/12/2023.", bold=True)
    doc.add_heading("4.1.2 Pupils with SEND", level=3)
    para(
        doc,
        "There are 61 pupils on the SEND register, 14 of whom have an EHCP. Two EHCP applications are "
        "awaiting a decision from the local authority.",
    )
    doc.add_heading("4.2 Safeguarding", level=2)
    para(
        doc,
        "There had been no Prevent referrals this term. RP checked the single central record on "
        "14/11/2023 and found it compliant. DO reminded governors that Prevent duty training is required "
        "of all governors. All governors were asked to complete the online Prevent duty training module "
        "before the next meeting.",
    )
    para(doc, "ACTION: All", bold=True)

    doc.add_heading("5 Finance", level=1)
    doc.add_heading("5.1 Budget monitoring – period 7", level=2)
    para(
        doc,
        "TR presented the period 7 budget monitoring report. An in-year deficit of £18,400 is "
        "forecast, mainly because of the unfunded part of the support staff pay award.",
    )
    para(doc, "Q: Could the deficit be met from reserves?")
    para(
        doc,
        "A: TR confirmed that the carry-forward of £96,000 would cover it, but a recovery plan would "
        "be needed for 2024-25.",
    )
    para(
        doc,
        "ACTION TR: prepare options for a balanced 2024-25 budget for the Resources Committee by the next meeting.",
        bold=True,
    )
    doc.add_heading("5.2 Schools Financial Value Standard", level=2)
    para(
        doc,
        "Governors reviewed the draft SFVS self-assessment line by line. Governors AGREED to "
        "approve the "
        "SFVS return for 2023-24, to be signed by the Chair.",
    )
    para(doc, "ACTION TR: submit the signed SFVS return to Swindon Borough Council by 31 March 2024.", bold=True)

    doc.add_heading("6 Policies", level=1)
    para(
        doc,
        "The following policies were reviewed and AGREED: Charging and Remissions Policy; "
        "Whistleblowing Policy; Accessibility Plan 2023-2026.",
    )
    para(doc, "The Clerk will upload the approved policies to GovernorHub and update the policy review schedule.")
    para(doc, "ACTION: Clerk", bold=True)
    para(doc, "FG left the meeting at 7.40pm.")

    doc.add_heading("7 Governor monitoring visits and training", level=1)
    para(
        doc,
        "JS reported on her SEND monitoring visit on 10/11/2023 with the SENCo, Mrs Lorraine Ashe. She "
        "observed phonics interventions in Year 2 and Year 5 and spoke to a group of pupils, who were "
        "positive about the support they receive.",
    )
    para(
        doc,
        "ACTION JS: write up the SEND visit report on the governor visit template and send it to the "
        "Clerk by 01/12/2023.",
        bold=True,
    )

    doc.add_heading("8 Any other business", level=1)
    para(
        doc,
        "Gill Foster, Midday Supervisor, retires at Christmas after 22 years at the school. The Chair "
        "will write to Gill Foster on behalf of the governing body to thank her for her service.",
    )
    para(doc, "ACTION: Chair", bold=True)

    doc.add_heading("9 Date of next meeting", level=1)
    para(doc, "Tuesday 23/01/2024 at 6.00pm in the School Library.")
    para(doc, "The meeting closed at 8.10pm.")
    para(doc, "Clerk: Amanda Lowe, Greenfield Governance Services – clerk@greenfieldgovernance.co.uk – 01793 480 226")
    return doc


# ---------------------------------------------------------------------------
# 2. NHS foundation trust board: "Minute 24/005" headings, i)/ii)/iii) sub-items with
#    presenters in the heading, DECISION: lines, "noted" traps, Word action table.
# ---------------------------------------------------------------------------
def northfield_board() -> Document:
    doc = new_document("Board of Directors public minutes January 2024", "Emma Boyd")
    header_footer(
        doc,
        "Board of Directors (Public) – 25 January 2024 – Approved",
        "Signed ....................................... Chair        Dated 28 March 2024",
    )
    para(doc, "Northfield and Weald Hospitals NHS Foundation Trust", style="Title")
    para(doc, "Minutes of the Board of Directors meeting held in public", bold=True)
    para(doc, "Thursday 25 January 2024, 09:30 – 12:45")
    para(doc, "Boardroom, Trust Headquarters, Weald General Hospital, Crawley Road, Horsham RH12 4QT")

    para(doc, "Members present:", bold=True)
    for line in [
        "Professor Anne Whitfield – Chair",
        "Dr Oliver Grant – Chief Executive",
        "Helen Carver – Chief Nurse",
        "Dr Amir Siddiqui – Medical Director",
        "Mark Pennington – Chief Finance Officer",
        "Lucy Adeyemi – Chief Operating Officer",
        "Richard Osei – Non-Executive Director",
        "Catherine Lowry – Non-Executive Director (left after minute 24/008)",
        "Jonathan Fairbairn – Non-Executive Director and Senior Independent Director",
        "Priya Raman – Associate Non-Executive Director",
    ]:
        para(doc, line)
    para(doc, "In attendance:", bold=True)
    for line in [
        "Sarah Whitlock – Director of Corporate Affairs and Company Secretary",
        "Gareth Lewis – Director of People",
        "Nkechi Obi – Freedom to Speak Up Guardian (for minute 24/010)",
        "Emma Boyd – Corporate Governance Manager (minutes)",
    ]:
        para(doc, line)
    para(doc, "Observers:", bold=True)
    for line in [
        "Michael Dunne – Lead Governor",
        "Ruth Akintola – Staff Governor",
        "Three members of the public",
    ]:
        para(doc, line)
    para(doc, "Apologies:", bold=True)
    for line in [
        "Dr Katherine Webb – Non-Executive Director",
        "Stephen Hall – Director of Strategy and Partnerships",
    ]:
        para(doc, line)

    doc.add_heading("Minute 24/001 Chair's welcome, introductions and apologies", level=2)
    para(
        doc,
        "The Chair welcomed members, governors and members of the public to the meeting. "
        "Apologies were "
        "noted as above. The meeting was quorate.",
    )

    doc.add_heading("Minute 24/002 Declarations of interest", level=2)
    para(
        doc,
        "Priya Raman declared her role as a trustee of Weald Hospitals Charity. No further interests were declared.",
    )

    doc.add_heading("Minute 24/003 Minutes of the previous meeting held on 30 November 2023", level=2)
    para(doc, "DECISION: The minutes of the meeting held on 30 November 2023 were approved as an accurate record.")

    doc.add_heading("Minute 24/004 Action log and matters arising", level=2)
    para(
        doc,
        "The Board reviewed the action log. Actions 23/118 and 23/121 were closed. The Board "
        "noted that "
        "the Quality Committee had approved the revised maternity escalation policy on 14 December 2023 "
        "under delegated authority.",
    )

    doc.add_heading("Minute 24/005 Patient story", level=2)
    para(
        doc,
        "Helen Carver introduced a film in which Mrs Joan Bellamy described her discharge from Ward 7 "
        "after a hip replacement. Mrs Bellamy had waited eleven hours for her medicines to take home and "
        "had not been told who to contact when her wound became infected. The Board thanked Mrs Bellamy "
        "and her daughter for sharing their experience. Richard Osei asked how the learning would reach "
        "other wards.",
    )

    doc.add_heading("Minute 24/006 Chief Executive's report", level=2)
    para(
        doc,
        "Dr Grant highlighted the impact of the resident doctors' industrial action on 3-9 January, "
        "during which 1,140 outpatient appointments and 96 elective procedures were rescheduled, and the "
        "opening of the new Community Diagnostic Centre at Horsham in February. The Board noted the report.",
    )

    doc.add_heading("Minute 24/007 Integrated Performance Report – month 9", level=2)
    doc.add_heading("i) Quality and safety (Helen Carver, Chief Nurse)", level=3)
    para(
        doc,
        "There were 14 cases of C. difficile in the quarter against a trajectory of 9. Two never "
        "events had been declared, both wrong-site blocks, and were being investigated under PSIRF. "
        "Jonathan Fairbairn asked how the Trust compared with its peers.",
    )
    doc.add_heading("ii) Operational performance (Lucy Adeyemi, Chief Operating Officer)", level=3)
    para(
        doc,
        "Four-hour emergency department performance was 71.8% in December against the national "
        "target of 76%. The number of patients waiting more than 65 weeks had fallen to 212.",
    )
    doc.add_heading("iii) Finance (Mark Pennington, Chief Finance Officer)", level=3)
    para(
        doc,
        "At month 9 the Trust reported a deficit of £9.6m, £2.1m worse than plan, driven by the cost "
        "of industrial action and agency staffing. Richard Osei asked which staff groups accounted for "
        "the agency spend.",
    )
    para(doc, "The Board noted the Integrated Performance Report for month 9.")

    doc.add_heading("Minute 24/008 Board Assurance Framework and risk appetite", level=2)
    para(
        doc,
        "Sarah Whitlock presented the refreshed Board Assurance Framework. The paper asked "
        "the Board to "
        "approve the BAF, to approve the risk appetite statement and to note the new risk on digital "
        "resilience. Following discussion, the appetite for financial risk was reduced from 'open' to "
        "'cautious'.",
    )
    para(
        doc,
        "DECISION: The Board approved the revised Board Assurance Framework and the risk appetite "
        "statement for 2024/25, as amended at the meeting.",
    )
    para(doc, "Catherine Lowry left the meeting.")

    doc.add_heading("Minute 24/009 Emergency Preparedness, Resilience and Response core standards", level=2)
    para(doc, "Lucy Adeyemi presented the annual EPRR assurance return.")
    para(
        doc,
        "DECISION: The Board approved the EPRR core standards self-assessment rating of 'substantial "
        "compliance' for submission to NHS England South East, together with the improvement plan.",
    )

    doc.add_heading("Minute 24/010 Freedom to Speak Up Guardian report", level=2)
    para(
        doc,
        "Nkechi Obi presented the report for quarters 2 and 3. Forty-one concerns had been raised, "
        "most relating to behaviours and to staffing levels in the emergency department. The Board noted "
        "the report and thanked the Guardian for her work.",
    )

    doc.add_heading("Minute 24/011 Questions from governors and the public", level=2)
    para(
        doc,
        "Michael Dunne asked about car parking charges for blue badge holders at Weald General "
        "Hospital. Mark Pennington explained that the charges were set in 2019 and would be reviewed.",
    )

    doc.add_heading("Minute 24/012 Any other business", level=2)
    para(
        doc,
        "There was no other business. The next meeting held in public will be on Thursday 28 March "
        "2024 at 09:30 in the Boardroom.",
    )

    doc.add_heading("Actions arising from this meeting", level=2)
    table(
        doc,
        [
            ["Ref", "Minute", "Action", "Owner", "Due"],
            [
                "24/A01",
                "24/005",
                "Share the learning from the patient story with ward managers through the Nursing and Midwifery Forum",
                "Helen Carver",
                "28/03/2024",
            ],
            [
                "24/A02",
                "24/007 i)",
                "Include benchmarked C. difficile rates against peer trusts in the quality section of the IPR",
                "Helen Carver / Dr Amir Siddiqui",
                "March 2024 Board",
            ],
            [
                "24/A03",
                "24/007 iii)",
                "Provide a breakdown of agency spend by staff group to the Finance and Performance Committee",
                "Mark Pennington",
                "29 February 2024",
            ],
            [
                "24/A04",
                "24/010",
                "Arrange a Board development session on Freedom to Speak Up",
                "Company Secretary",
                "April 2024",
            ],
            [
                "24/A05",
                "24/011",
                "Respond in writing to the Lead Governor on blue badge parking charges",
                "Mark Pennington",
                "By the next meeting",
            ],
        ],
    )
    para(doc, "")
    para(doc, "Corporate Governance Office, Weald General Hospital – nwh.corporategovernance@nhs.net – 01403 227 500")
    return doc


def save_reproducibly(doc: Document, path: Path) -> None:
    """Save with fixed zip timestamps so that rebuilding gives the same bytes."""
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            out.writestr(fixed, src.read(info.filename))


def main() -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    for name, build in [
        ("ridgeway-fgb-2023-11-21.docx", ridgeway_fgb),
        ("northfield-weald-board-2024-01-25.docx", northfield_board),
    ]:
        save_reproducibly(build(), DOCS / name)
        print("wrote", DOCS / name)


if __name__ == "__main__":
    main()
