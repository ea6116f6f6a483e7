"""Every extraction rule in one place: its name, the stage it belongs to, how sure it is, and an example.

A record carries the name of the rule that produced it and that rule's confidence, which `minutes
review` sorts by: the rule's precision measured on the real development gold (precision.json, written
by tests/gold/calibrate.py) where it has produced enough records to tell, else the guess registered
here. The stage modules (segment, items, attendance, resolutions, actions, tables, progress)
implement the rules; their confidences are read here and nowhere else. Each rule's
example is a small paper on which it must fire (`tests/test_rule_registry.py` runs them all), so a
new house style is a new rule here, its example and the code that reads it.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

STAGES = ("meetings", "items", "attendance", "resolutions", "actions", "progress")


@dataclass(frozen=True)
class Rule:
    name: str
    stage: str
    confidence: float
    summary: str
    example: str  # a paper on which the rule fires (plain text, or Markdown where it starts with '#')


_HEAD = "Minutes of the Parish Council meeting held on Tuesday 5th March 2024\n\nPresent: Jane Smith, Tom Brown\n\n"
_US = "CITY OF ALAMEDA LIBRARY BOARD MEETING\nJuly 13, 2016\n\nROLL CALL Present: Ann Lee, Bob Diaz\n\n"

_RULES = (
    Rule("meeting.minutes", "meetings", 0.8, "a record of a meeting held", _HEAD + "1. Apologies\nNone.\n"),
    Rule(
        "meeting.agenda",
        "meetings",
        0.8,
        "business of a meeting to come",
        "Agenda for the Parish Council meeting to be held on 9 April 2024\n\n"
        "1. Apologies\n2. To receive the accounts\n",
    ),
    Rule("item.dec", "items", 0.9, "'1.', '2)' decimal headings in sequence", _HEAD + "1. Apologies\n2. Finance\n"),
    Rule(
        "item.dotted",
        "items",
        0.9,
        "'18.07.1' dotted numbers in sequence",
        _HEAD + "18.07.1 Apologies\n18.07.2 Finance\n",
    ),
    Rule("item.roman", "items", 0.9, "'IV.' Roman numerals", _HEAD + "I. Call to order\nII. Minutes\nIII. Budget\n"),
    Rule(
        "item.slash", "items", 0.9, "'14/23', 'BM 133/2021' minute numbers", _HEAD + "14/23 Apologies\n15/23 Finance\n"
    ),
    Rule(
        "item.sub",
        "items",
        0.8,
        "'(a)', '6.1' sub-items under their item",
        _HEAD + "6. Finance\n(a) Payments\n(b) Budget\n",
    ),
    Rule(
        "item.unnumbered",
        "items",
        0.6,
        "topic headings of a paper that numbers nothing",
        "# Board meeting 2024-03-05\n\nPresent: Jane Smith\n\n## Budget\n\nThe board agreed the budget.\n\n"
        "## Website\n\nThe new site is live.\n",
    ),
    Rule("attendance.present", "attendance", 0.85, "a 'Present:' list", _HEAD + "1. Apologies\nNone.\n"),
    Rule(
        "attendance.apologies",
        "attendance",
        0.85,
        "an 'Apologies:' list",
        _HEAD.replace("Tom Brown\n", "Tom Brown\nApologies: Ann Lee\n") + "1. Finance\n",
    ),
    Rule(
        "attendance.absent",
        "attendance",
        0.85,
        "an 'Absent:' list",
        _US.replace("Bob Diaz\n", "Bob Diaz\nAbsent: Cy Ray\n") + "A. Budget\nThe budget was discussed.\n",
    ),
    Rule(
        "attendance.grid",
        "attendance",
        0.85,
        "a table of names and attendance marks",
        _HEAD.split("\n")[0]
        + "\n\nAttendance\nName\tAttended\nJane Smith\tP\nTom Brown\tA\nAnn Lee\tP\n\n1. Apologies\n",
    ),
    Rule(
        "attendance.apologies_item",
        "attendance",
        0.85,
        "the names under an 'Apologies' item",
        _HEAD + "1. Apologies\nAnn Lee, Carl Day\n2. Finance\nThe accounts were noted.\n",
    ),
    Rule(
        "attendance.apologies_sentence",
        "attendance",
        0.85,
        "'Apologies were received from ...'",
        _HEAD + "1. Apologies\nApologies were received from Ann Lee.\n",
    ),
    Rule(
        "attendance.absent_sentence",
        "attendance",
        0.85,
        "'X was absent' under an apologies item",
        _HEAD + "1. APOLOGIES: Cllr Ann Lee was absent.\n2. Finance\n",
    ),
    Rule(
        "attendance.present_were",
        "attendance",
        0.85,
        "'Board members present were: Ann Lee, Carl Day and Eve Moss.' inside a paragraph",
        _HEAD + "The meeting was held at the hall. Board members present were: Ann Lee, Carl Day and Eve Moss.\n"
        "1. Finance\nNoted.\n",
    ),
    Rule(
        "attendance.present_sentence",
        "attendance",
        0.85,
        "'X and Y were in attendance'",
        _HEAD + "1. Apologies\nNone. Ann Lee and Carl Day were in attendance.\n",
    ),
    Rule(
        "attendance.late",
        "attendance",
        0.85,
        "'Apologies for lateness were received from X': X came, late",
        _HEAD + "1. Apologies\nApologies for lateness were received from Ann Lee.\n",
    ),
    Rule(
        "resolution.block",
        "resolutions",
        0.95,
        "a RESOLVED / AGREED block, numbered parts and all",
        _HEAD + "1. Budget\nRESOLVED: That the budget for 2024/25 be approved.\n",
    ),
    Rule(
        "resolution.run_in",
        "resolutions",
        0.75,
        "a decision run into its heading",
        _HEAD + "1. Internal auditor – RESOLVED - That Mrs Whitcombe be appointed internal auditor for 2024/25.\n",
    ),
    Rule(
        "resolution.moved_carried",
        "resolutions",
        0.9,
        "'Moved: X / Seconded: Y', the motion's words, 'CARRIED'",
        _HEAD + "QC/24/01 Budget\nMoved: Cr Smith / Seconded: Cr Brown\nThat the Committee:\na) receives the report;\n"
        "b) adopts the budget.\nCARRIED\n",
    ),
    Rule(
        "resolution.motion_run",
        "resolutions",
        0.8,
        "a motion told over paragraphs, then carried by a vote",
        _US + "A. Budget\nMember Lee moved approval of the budget.\n\nMember Diaz seconded the motion.\n\n"
        "The motion carried by a 2-0 vote.\n",
    ),
    Rule(
        "resolution.motion_table",
        "resolutions",
        0.9,
        "a row of a table of motions (motion, moved by, seconded by, status) not marked lost",
        _HEAD
        + "1. Minutes\n\nMotion\tMoved by\tSeconded by\tStatus\nAccept the minutes\tJane Smith\tTom Brown\tPassed\n",
    ),
    Rule(
        "resolution.motion_block",
        "resolutions",
        0.9,
        "'Motion: that ...', 'Moved X', 'Seconded Y', 'PASSED'",
        _HEAD + "7. Changes to charter\nMotion: that Rule 4 be amended as circulated.\nMoved: Jane Smith\n"
        "Seconded: Tom Brown\nPASSED with one abstention\n",
    ),
    Rule(
        "resolution.minutes_approved",
        "resolutions",
        0.75,
        "the minutes agreed as a true record",
        _HEAD + "1. Minutes\nThe minutes of the last meeting were approved as a true record.\n",
    ),
    Rule(
        "resolution.proposed_seconded",
        "resolutions",
        0.75,
        "'proposed ..., seconded ... and agreed'",
        _HEAD + "1. Grant\nIt was proposed by Jane Smith, seconded by Tom Brown and agreed to award the grant.\n",
    ),
    Rule(
        "resolution.minutes_item",
        "resolutions",
        0.7,
        "in the item taking the last minutes, the sentence approving them ('Approved & signed as correct.')",
        _HEAD + "1. Approval of minutes of previous meeting\nApproved & signed as correct.\n2. Finance\nNoted.\n",
    ),
    Rule(
        "resolution.voted",
        "resolutions",
        0.75,
        "'The maintainers voted unanimously in support of ...', 'Voted all in favour of ...': the body's vote",
        _HEAD + "1. Membership\nThe members voted unanimously to keep the group closed to new members.\n",
    ),
    Rule(
        "resolution.vote_passed",
        "resolutions",
        0.75,
        "'Vote passed to ...' / 'Agreement passed to ...': the outcome stated first",
        _US + "A. Equipment\nVote passed to replace the failing bulbs in the workshop with LED bulbs.\n",
    ),
    Rule(
        "resolution.seconded",
        "resolutions",
        0.7,
        "a motion or nomination moved and seconded ('Toast nominates, Dan seconds', 'Moved by X, 2nd by Y')",
        _US + "A. Bills\nA motion was made to approve the bills as submitted by Ann Lee, seconded by Bob Diaz.\n",
    ),
    Rule(
        "resolution.consensus",
        "resolutions",
        0.7,
        "'Consensus was that ...', 'General agreement that ...', 'Decision made that ...'",
        _HEAD + "1. Village hall\nThe consensus was that early engagement with residents was preferred.\n",
    ),
    Rule(
        "resolution.vote_tally",
        "resolutions",
        0.7,
        "a vote's count ('Vote: 5 in favor, 0 opposed', 'For 18 Against 3')",
        _US + "A. Laser cutter\nPurchase of a laser cutter for the workshop. Vote: 5 in favor, 0 opposed.\n",
    ),
    Rule(
        "resolution.motion_carried",
        "resolutions",
        0.75,
        "a motion carried or passed in one sentence",
        _US
        + "A. Budget\nA motion was made to approve the budget by Ann Lee, seconded by Bob Diaz. All were in favor.\n",
    ),
    Rule(
        "resolution.agreed_caps",
        "resolutions",
        0.75,
        "AGREED / RESOLVED inside a sentence",
        _HEAD + "1. Hall\nThe hall hire charges for 2024 were AGREED by all.\n",
    ),
    Rule(
        "resolution.body_decided",
        "resolutions",
        0.75,
        "'The Committee approved ...'",
        _HEAD + "1. Hall\nThe Council approved the new hall hire charges.\n",
    ),
    Rule(
        "resolution.it_was_agreed",
        "resolutions",
        0.75,
        "'It was agreed ...', 'X was elected ...'",
        _HEAD + "1. Chair\nJane Smith was elected chair of the council for the year.\n",
    ),
    Rule(
        "resolution.adopted",
        "resolutions",
        0.75,
        "'the policy was adopted'",
        _HEAD + "1. Policies\nAfter discussion the lettings policy was adopted.\n",
    ),
    Rule(
        "resolution.outcome",
        "resolutions",
        0.75,
        "an outcome line ('Lettings Policy - agreed')",
        _HEAD + "1. Policies\nLettings Policy - agreed\n",
    ),
    Rule(
        "resolution.deferred",
        "resolutions",
        0.7,
        "'This item was deferred to the next meeting.': the body puts a matter off",
        _HEAD + "1. Hall lettings\nThis item was deferred to the next meeting.\n",
    ),
    Rule(
        "resolution.schedule",
        "resolutions",
        0.75,
        "a schedule of payments, one amount a line, then 'All approved for payment.'",
        _HEAD + "1. Payments\nMerlin Waste - £30.00 (Ch. 128)\nClerk's Salary - £309.90\nAll approved for payment.\n",
    ),
    Rule(
        "resolution.bare_agreement",
        "resolutions",
        0.75,
        "a bare 'The committee agreed.' and the proposal before it",
        _HEAD + "1. Hall\nThe clerk proposed that the hall charges stay unchanged. The Council agreed.\n",
    ),
    Rule(
        "action.marker_task",
        "actions",
        0.9,
        "an ACTION line holding the task",
        _HEAD + "1. Hall\nACTION: Jane Smith to book the hall for May.\n",
    ),
    Rule(
        "action.marker_owner",
        "actions",
        0.9,
        "an ACTION line holding only the owner; the task is the sentence above",
        _HEAD + "1. Hall\nThe hall needs to be booked for May.\nACTION: JS\n",
    ),
    Rule(
        "action.marker_after",
        "actions",
        0.85,
        "'... . Action: CN' at a paragraph's end",
        _HEAD + "1. Launch\nCN would brief the coordinators before the launch. Action: CN\n",
    ),
    Rule(
        "action.marker_inline",
        "actions",
        0.85,
        "'[ACTION: JS to book the hall]' set in brackets inside a paragraph",
        _HEAD + "1. Hall\nThe booking is not yet confirmed and will be chased. [ACTION: JS to book the hall]\n",
    ),
    Rule(
        "action.bracket_note",
        "actions",
        0.8,
        "'[JS to book the hall]' or '(JS to book the hall.)': a task in brackets where a sentence starts",
        _HEAD + "1. Hall\nThe booking is not yet confirmed. [JS to book the hall]\n",
    ),
    Rule(
        "action.task_owner",
        "actions",
        0.85,
        "a task, then its owner after a dash",
        _HEAD + "1. Contacts\nRefreshed contact list to be circulated by Friday – Jane Smith\n",
    ),
    Rule(
        "action.owner_colon",
        "actions",
        0.75,
        "'Jane: will ...', a person on the roll undertaking something",
        "# Board Meeting 2021-12-21\n\nPresent: Jane Smith, Tom Brown\n\n## Volunteers\n\n"
        "- Jane: will create a mailing list\n",
    ),
    Rule(
        "action.list",
        "actions",
        0.85,
        "an 'Action list' of 'Name - task' lines",
        _HEAD
        + "1. Hall\nThe hall was discussed.\n\nAction List\nJane Smith - book the hall\nTom Brown - pay the deposit\n",
    ),
    Rule(
        "action.table_row",
        "actions",
        0.95,
        "a row of an action table (action, owner, due)",
        _HEAD
        + "1. Hall\nThe hall was discussed.\n\nAction\tOwner\tDue\nBook the hall for May\tJane Smith\t30/04/2024\n",
    ),
    Rule(
        "action.register",
        "actions",
        0.75,
        "a row of an action log paper with a status at its right ('Book the hall New'), not one reported done",
        "Harbour Trust Action Log – 5 March 2024\n\nAll actions for next meeting unless otherwise stated\n\n"
        "Hall – Lead AB\nBook the hall for the summer fete New\nRepaint the hall doors Completed\n"
        "Order new chairs for the hall Ongoing\n",
    ),
    Rule(
        "action.column",
        "actions",
        0.75,
        "initials in an Action column beside the notes",
        _HEAD.split("\n")[0] + "\n\nPresent: Jane Smith (JS), Tom Brown (TB)\n\nNo\tItem\tNotes\tAction\n"
        "1\tHall\tThe hall needs booking for the May event.\tJS\n2\tFinance\tThe accounts were noted.\t\n",
    ),
    Rule("action.x_will", "actions", 0.7, "'Jane Smith will ...'", _HEAD + "1. Hall\nJane Smith will book the hall.\n"),
    Rule(
        "action.role_imperative",
        "actions",
        0.7,
        "'Clerk notify Merlin Waste.': a role and a task verb, the clerk's note of what to do",
        _HEAD + "1. Footpaths\nNo comments on the diversion. Clerk notify the Rights of Way officer.\n",
    ),
    Rule(
        "action.x_going_to",
        "actions",
        0.6,
        "'Jane Smith is going to call ...', 'She plans on bringing ...': an intention told to the meeting",
        _HEAD + "1. Hall\nJane Smith is going to book the hall for the fete.\n",
    ),
    Rule("action.x_to_do", "actions", 0.7, "'Jane Smith to ...'", _HEAD + "1. Hall\nJane Smith to book the hall.\n"),
    Rule(
        "action.x_was_asked",
        "actions",
        0.7,
        "'Jane Smith was asked to ...'",
        _HEAD + "1. Hall\nJane Smith was asked to book the hall.\n",
    ),
    Rule(
        "action.asked_x",
        "actions",
        0.7,
        "'... asked Jane Smith to ...'",
        _HEAD + "1. Hall\nThe chair asked Jane Smith to book the hall.\n",
    ),
    Rule(
        "action.requested_that",
        "actions",
        0.7,
        "'... requested that the Clerk ...'",
        _HEAD + "1. Hall\nMembers requested that the Clerk write to the hall committee.\n",
    ),
    Rule(
        "action.agreed_x_would",
        "actions",
        0.7,
        "'It was agreed that the Clerk would ...' (also a decision)",
        _HEAD + "1. Hall\nIt was agreed that the Clerk would write to the hall committee.\n",
    ),
    Rule(
        "action.delegated",
        "actions",
        0.7,
        "'Delegates authority to the Monitoring Officer to ...': the officer a decision hands its doing to",
        _HEAD + "1. Constitution\nRESOLVED that authority be delegated to the Monitoring Officer to update the "
        "Constitution.\n",
    ),
    Rule(
        "action.done_by",
        "actions",
        0.6,
        "'... will be arranged by the Clerk': a task in the passive, with who does it",
        _HEAD + "1. Hall\nThe hall booking will be arranged by the Clerk before the fete.\n",
    ),
    Rule(
        "action.request",
        "actions",
        0.6,
        "someone asked for information: someone must supply it",
        _US + "A. Budget\nMember Lee requested written information on the budget.\n",
    ),
    Rule(
        "progress.prose",
        "progress",
        0.5,
        "prose saying someone has done something, weighed by the tracker against earlier open actions",
        _HEAD + "1. Finance\nCllr Coppard met with George Pavey, the planning officer, earlier today.\n",
    ),
    Rule(
        "progress.review_item",
        "progress",
        0.7,
        "a report on an earlier action under 'Matters arising' or 'Action log'",
        _HEAD + "1. Matters arising\nThe hall has been booked. Action complete.\n",
    ),
)

_RULES += (
    Rule(
        "resolution.classifier",
        "resolutions",
        0.5,
        "a sentence the classifier reads as a decision (its confidence is the model's probability)",
        _HEAD + "1. Budget\nMembers were content with the proposal.\n",
    ),
    Rule(
        "action.classifier",
        "actions",
        0.5,
        "a sentence the classifier reads as an undertaking (its confidence is the model's probability)",
        _HEAD + "1. Budget\nJo is to look into the costs before the next meeting.\n",
    ),
)

REGISTRY: dict[str, Rule] = {rule.name: rule for rule in _RULES}


OCR_FACTOR = 0.75  # a record read from OCR'd lines: under review's 0.8 whatever its rule, so it is checked
# how often each rule's records were right on the real development gold (tests/gold/calibrate.py)
PRECISION = Path(__file__).with_name("precision.json")
MEASURED_LEAST = 5  # records a rule must have produced before its count says more than its registered guess
_Z = 1.28  # a one-sided 90 % lower bound: the development papers were tuned on, unseen ones do worse


def measured_confidence(made: int, right: int) -> float | None:
    """The Wilson lower bound of a rule's precision, from its records and how many were right; None when it
    made too few to tell."""
    if made < MEASURED_LEAST:
        return None
    p, z2 = right / made, _Z * _Z
    centre = p + z2 / (2 * made)
    margin = _Z * math.sqrt(p * (1 - p) / made + z2 / (4 * made * made))
    return round((centre - margin) / (1 + z2 / made), 2)


@lru_cache(maxsize=1)
def _measured() -> dict[str, float]:
    counts = json.loads(PRECISION.read_text(encoding="utf-8"))["rules"] if PRECISION.exists() else {}
    found = {name: measured_confidence(made, right) for name, (made, right) in counts.items()}
    return {name: value for name, value in found.items() if value is not None}


def confidence(name: str, ocr: bool = False) -> float:
    """How sure a registered rule is: its measured precision where it has a record, else its registered
    guess; an unregistered name is a programming error."""
    sure = _measured().get(name, REGISTRY[name].confidence)
    return round(sure * OCR_FACTOR, 3) if ocr else sure
