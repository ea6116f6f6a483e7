"""Decisions of the meeting: RESOLVED / AGREED / DECISION blocks and sentences that record one.

Each rule is small and named; the traps (recommendations, motions tabled but
not adopted, 'noted' outside a RESOLVED block, decisions reported from an
earlier meeting) are turned away by `_not_a_decision`.
"""

from __future__ import annotations

import re

from .blocks import Block, sentences
from .model import Resolution

MARKER = re.compile(  # "(3) RESOLVED that Council:": a numbered paragraph may open with the marker
    r"^(?:\(?\d{1,2}\)\s+|\d{1,2}\.\s+(?=[A-Z]{4}))?(?:it was\s+)?(?:(?:unanimously|formally)\s+)?"
    r"(RESOLVED|AGREED|DECIDED|DECISIONS?|Resolved|Agreed|Decision|Decided)"
    r"(?:\s+(?:unanimously|nem\.? con\.?))?\s*(?:[:\-–—.]\s*|\s+(?=that\b|to\b|That\b|To\b)|$)(.*)$"
)
_BODIES = (
    r"(?:the\s+)?(?:(?-i:[A-Z])\w+\s+){0,2}?"  # "The Community Council agreed"
    r"(?:committee|board|forum|council|governors|governing body|trustees|members|councillors|cllrs|directors|"
    r"meeting|cabinet|panel|commission|sub-?committee|group|fgb|society|all|everyone|"
    r"it|this|which|the minutes|minutes)"
)
_DECISION_VERBS = (
    r"(?:agreed|approved|resolved|decided|adopted|endorsed|ratified|accepted|confirmed|"
    r"carried|passed|elected|appointed|re-?elected|co-?opted|unanimously\s+\w+)"
)
# "The Chairman put the motion to the vote and it was agreed", "Substantive motion carried.": a report of the
# vote that carried a decision, which a RESOLVED block in the same item records
_VOTE_REPORT = re.compile(
    r"\bput\s+(?:the\s+)?(?:substantive\s+|amended\s+)?(?:motion|amendment|recommendations?|proposal)\b|"
    r"\bthe voting was\b|"
    r"^(?:\(?\d{1,2}\)\s*)?(?:the\s+)?(?:substantive\s+)?motion\s+(?:was\s+)?(?:carried|passed|agreed)\b",
    re.I,
)


def vote_report(sentence: str) -> bool:
    """Only reports the vote: a sentence with a 'that ...' of its own records a decision of its own."""
    return bool(_VOTE_REPORT.search(sentence)) and not re.search(r"\bthat\b", sentence, re.I)


# "Lettings Policy - agreed", "Approval of the minutes – approved with revisions", "Request for a grant -- Granted",
# "Constitution and Standing Orders Adopted", "Accounts presented, and duly Adopted": a title with its outcome
OUTCOME_TITLE = re.compile(
    r"^.{3,100}?(?:\s[-–—]{1,2}\s(?:agreed|approved|adopted|ratified|granted)"
    r"|(?<!\bbe),?\s+(?:and\s+)?(?:duly\s+)?(?-i:Agreed|Approved|Adopted|Ratified|Granted))"  # not '... be Ratified'
    r"(?:\s+(?:with|as|subject to)\b[^.;]{0,60})?\.?$",
    re.I,
)
# "Agreed and signed", "All approved for payment.", "– all approved.", "Elected unanimously and unopposed" (under
# a candidate's nomination): an outcome with no subject of its own
BARE_OUTCOME_LINE = re.compile(
    r"^[-–—]?\s*(?:all\s+)?(?:agreed|approved|authori[sz]ed)(?:\s+(?:and signed|for payment))?\.?$|"
    r"^(?:duly\s+|unanimously\s+)?(?:re-?)?elected(?:\s+(?:unanimously|unopposed|nem\.?\s*con\.?)"
    r"(?:\s+and\s+(?:unanimously|unopposed))?)?\.?$",
    re.I,
)
_SENTENCE_RULES: list[tuple[str, re.Pattern]] = [
    (
        "resolution.minutes_approved",
        re.compile(
            r"\bminutes\b.{0,120}?\b(?:were|was|be|ha(?:s|ve) been)\s+(?:\w+\s+){0,2}(?:agreed|"
            r"approved|confirmed|accepted|adopted|signed)"
            r"|\b(?:agreed|approved|confirmed|accepted|adopted|adoption|"
            r"approval)\b.{0,40}\bminutes\b|\bminutes\b.{0,80}\btrue (?:and accurate )?record"
            r"|\bagreed this was a true record|\bnotes of the (?:last |previous )?meeting\b.{0,80}?\b(?:were|was)\s+"
            r"(?:agreed|approved|accepted)",
            re.I,
        ),
    ),
    (
        "resolution.proposed_seconded",
        re.compile(
            r"\b(?:proposed|moved)\b.{0,200}?\bseconded\b.{0,300}?\b(?:agreed|"
            r"carried|resolved|approved|passed|adopted)\b",
            re.I,
        ),
    ),
    (
        "resolution.motion_carried",
        re.compile(
            r"(?<!discussion )(?<!conversation )\b(?:motion|moved|moves)\b.{0,300}?"
            r"\b(?:carried|passed|passes|approved|adopted|all (?:were )?in favou?r)\b|"
            r"\b(?:carried|passed)\s+(?:by\s+)?(?:unanimously|\d+\s*[-–:to]+\s*\d+)",
            re.I,
        ),
    ),
    (
        # "Toast nominates, Dan seconds.", "Moved by Bryce, 2nd by John", "Helen proposed, Shirley seconded"
        "resolution.seconded",
        re.compile(
            r"\b(?:moved|moves|motions?|proposed|proposes|nominated|nominates)\b.{0,300}?"
            r"(?:\bseconded\b|\b(?:second|2nd)(?:ed)?\s+by\b|"
            r"\b(?-i:[A-Z])\w+\s+seconds?\b(?!\s+(?:year|time|item|half|meeting|round|reading|term|place|week|day)))",
            re.I,
        ),
    ),
    (
        "resolution.vote_tally",  # "Vote: 5 in favor, 0 opposed", "For: 7, Against: 0", "In Favour 18 Against 3"
        re.compile(
            r"\b\d+\s+(?:votes?\s+)?(?:for|in favou?r)\b\W{1,3}\d+\s+(?:votes?\s+)?(?:against|opposed)\b|"
            r"\b(?:for|in favou?r)\W{1,3}\d+\W{1,3}(?:against|opposed)\W{1,3}\d+",
            re.I,
        ),
    ),
    (
        # "Consensus is that we will not share ...", "The consensus was that ...", "General agreement that ...",
        # "On charging partners: Main consensus was to ...", "The panel reached a consensus that ...",
        # "Decision made that the Parent Council will apply for PVG."
        "resolution.consensus",
        re.compile(
            r"^(?:[^:]{2,80}:\s+)?(?:the\s+)?(?:main\s+|general\s+)?(?:consensus(?:\s+view)?\s+(?:is|was)\s+"
            r"(?:that|to|yes|no)|(?:general\s+)?agreement\s+(?:that|to)|decisions?\s+(?:also\s+)?(?:was\s+)?"
            r"(?:made|taken|reached)\s+(?:that|to))\b|"
            r"\b(?:reached|came\s+to)\s+(?:a\s+)?(?:general\s+)?consensus\s+(?:that|to)\b",
            re.I,
        ),
    ),
    (
        # "The maintainers voted unanimously in support of exiting ...", "The PLC voted to approve ...",
        # "Voted all in favour of keeping the group closed": the body deciding by vote; never one member's vote
        "resolution.voted",
        re.compile(
            r"(?:^|^(?:[\w ]{2,30}:\s+)?(?:the\s+(?-i:[A-Z]{2,6})|(?:the\s+)?(?:members|trustees|directors|governors|"
            r"councillors|maintainers|board|committee|council|group|meeting|we|all|everyone))\s+)voted\s+"
            r"(?:(?:all|unanimously)\s+)?"
            r"(?:to\s+(?!be\b)[a-z]+|that\b|in\s+(?:favou?r|support)\s+of\b)",
            re.I,
        ),
    ),
    (
        # "This item was deferred to the next meeting.", "Deferred to next meeting.", "the Directors deferred this
        # matter until ...": the body puts it off (not "Deferred to Item 110d", which moves the talk along)
        "resolution.deferred",
        re.compile(
            r"(?:^|\b(?:item|issue|matter|vote|decision|consideration|discussion)\s+(?:was|were|has been|be)\s+)"
            r"(?:deferred|postponed)\s+(?:until|till|for|to(?!\s+item\b))\b|"
            r"\b(?:board|committee|directors|council|trustees|governors|panel|meeting)\s+(?:\w+\s+)?"
            r"(?:deferred|postponed)\s+(?:this|the|it|a|further|any)\b",
            re.I,
        ),
    ),
    (
        "resolution.vote_passed",  # "Vote passed to remove ...", "Agreement passed to use the IC3 curriculum ..."
        re.compile(r"^(?:the\s+)?(?:vote|agreement|proposal)\s+(?:was\s+)?(?:passed|carried)\s+to\s+[a-z]+", re.I),
    ),
    ("resolution.agreed_caps", re.compile(r"\b(?:AGREED|RESOLVED|APPROVED)\b")),
    (
        "resolution.body_decided",
        re.compile(
            rf"(?:^|[,;]\s+|^(?:after|following|on)\s+(?:\w+\s+){{0,4}}?){_BODIES}\s+(?:\w+\s+)?(?:was\s+|were\s+)?"
            # not "..., which carried 18 million passengers": a count of things carried is no vote
            rf"{_DECISION_VERBS}\b(?!\s+(?:with|that the chair|\d[\d,.]*\s+(?!votes?\b|to\b|for\b|in\b)[a-z]+))",
            re.I,
        ),
    ),
    (
        "resolution.it_was_agreed",
        re.compile(
            r"\bit was (?:unanimously\s+)?(?:agreed|resolved|decided|approved)\b|"
            r"\b(?:resolved|agreed unanimously) to\b|"
            r"\b(?:was|were) (?:\w+ )?(?:elected|appointed|re-elected|co-opted)\b|"
            r"(?<!who )(?<!that )(?<!which )\b(?:is|are) (?:duly |unanimously |hereby )?(?:elected|appointed)\b|"
            r"\b(?:duly\s+)?elected (?:by acclamation|unopposed)\b|"
            r"^(?:agreed|decided|resolved)\s+(?:to|that)\b",
            re.I,
        ),
    ),
    (
        "resolution.adopted",
        re.compile(
            r"\b(?:policy|budget|plan|accounts|report|recommendations?|proposal|scheme|terms of reference|motion)\b"
            r"(?:\s+\w+){0,4}\s+(?:was|were)\s+(?:unanimously\s+)?(?:adopted|"
            r"approved|agreed|ratified|accepted|carried)\b",
            re.I,
        ),
    ),
    (
        "resolution.outcome",
        # "Lettings Policy - agreed", "Agreed and signed", "The following matters were agreed for the next agenda:",
        # "Supported by all present", "Vote to form a sub committee ... - All present agreed."
        re.compile(
            rf"{OUTCOME_TITLE.pattern}|{BARE_OUTCOME_LINE.pattern}|"
            r"^(?:supported|agreed|approved|accepted|endorsed)\s+(?:unanimously\s+)?by\s+(?:all|everyone)\b|"
            r"\s[-–—]\s+all\s+(?:present\s+|members\s+)?(?:agreed|approved)\b|"
            r"\b(?:was|were)\s+(?:unanimously\s+)?(?:agreed|approved|adopted|ratified)\b|"
            r"\b(?:committee|board|forum|council|governors|trustees|members|councillors|meeting)\s+(?:agrees|decides)\b",
            re.I,
        ),
    ),
]
_NOT_DECISION = re.compile(
    r"\b(?:(?<!as )recommend(?:ed|s|ation)?s?\b(?! (?:was|were) (?:approved|agreed|adopted))|quorate|quorum|"
    r"(?:was|were) rejected because|alternative options|"
    r"^(?:at|in)\s+(?:the\s+|its\s+)?(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)(?:\s+\d{4})?\s+meeting|agreed\s+in\s+(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december)\b|under delegated powers|carried forward|"
    r"(?:approved|agreed|adopted|ratified)\s+by\s+the\s+(?-i:[A-Z])\w+(?:\s+(?-i:[A-Z])\w+)*\s+"
    r"(?:committee|sub-committee|board|panel)|"
    r"had (?:previously |already )?(?:been )?(?:agreed|approved|resolved|decided|accepted|adopted|confirmed|deferred|"
    r"postponed)|"
    r"as (?:previously )?(?:resolved|agreed|decided|approved) (?:at|by|in)|"
    r"previously (?:agreed|approved)|at (?:its|their|the) (?:last|"
    r"previous) meeting|was (?:withdrawn|lost|defeated|not carried)|"
    r"(?:not reached|no|without|lack of) (?:a )?consensus|"
    r"(?:appointed|elected|awarded)\b[^.;]{0,80}?\bin (?:19|20)\d\d|"  # a tribute's "appointed ... in 2001"
    r"(?:motion|amendment) (?:was )?(?:tabled|deferred|withdrawn)|not (?:agreed|approved|carried)|failed|"
    r"(?:proposed|moved|seconded) the following|seconded the (?:motion|amendment) that|"
    r"(?:will|would|to) be (?:agreed|approved|decided|resolved)|asked to (?:agree|approve)|"
    r"the chair (?:agreed|said)|if (?:agreed|approved)|once (?:agreed|approved)|subject to (?:agreeing|approval by))\b",
    re.I,
)
_AGENDA_ITEM = re.compile(r"^(?:to\s+(?:agree|approve|receive|consider|confirm)|approval of)\b", re.I)


def agenda_line(text: str) -> bool:
    """'To approve the minutes', 'Approval of bills': what an agenda asks, which decides nothing itself."""
    return bool(_AGENDA_ITEM.match(text))


_LIST_PART = re.compile(r"^(?:\(?(?:[a-z]{1,2}|[ivx]{1,4}|\d{1,2})[.)]|[-•])\s+", re.I)  # "291." is a minute's number


def resolution_blocks(blocks: list[Block], start: int, end: int, headings: set[int]) -> list[tuple[int, int, str]]:
    """(first block, last block, text) for every RESOLVED / AGREED / DECISION block."""
    out = []
    i = start
    while i < end:
        m = MARKER.match(blocks[i].text.strip())
        if (
            not m
            or i in headings
            or (
                m.group(1)[0].isupper()
                and m.group(1)[1:].islower()
                and not m.group(2)
                and not re.match(r"^(?:resolved|agreed|decisions?|decided)\s*[:\-–]?\s*$", blocks[i].text, re.I)
            )
        ):  # "Agreed." after a vote gives its outcome; "Agreed:" or "Resolved" heads the decision under it
            i += 1
            continue
        if m.group(1)[1:].islower() and re.match(r"(?:to|that)\b", m.group(2)):
            # "Decided to disallow it. We can revisit afterward.": a verb opening a sentence, not a label
            out.append((i, i, sentences(blocks[i].text.strip())[0]))
            i += 1
            continue
        parts = [m.group(2).strip()] if m.group(2).strip() else []
        j = i + 1
        open_ended = not parts or parts[-1].endswith(":")
        while j < end and j not in headings:
            text = blocks[j].text.strip()
            if MARKER.match(text) or re.match(r"^(?:(?i:actions?)\b|AI\s*:)", text):  # 'AI:' an action item
                break
            if open_ended or _LIST_PART.match(text) or blocks[j].indent > 0:
                parts.append(text)
                open_ended = text.endswith(":")
                j += 1
                continue
            break
        if parts:
            text = " ".join(parts)
            if len(text.split()) < 4:  # "RESOLVED: no objection." reads as nothing without its marker
                text = " ".join([blocks[i].text.strip(), *parts[1:]])
            out.append((i, j - 1, text))
        i = max(j, i + 1)
    return out


_MOVED_LINE = re.compile(r"^(?:moved|proposed)\b.{0,120}\bseconded\b", re.I)
_CARRIED_LINE = re.compile(
    r"^(?:(?:motion|resolution)\s+)?(carried|passed|lost|declared (?:carried|lost)|failed|defeated)\b", re.I
)
_MOTION_LINE = re.compile(r"^(?:motion|resolution|proposal)\s*[:\-–]\s*(?=\S)", re.I)
_MOVER_LINE = re.compile(r"^(?:moved|seconded|proposed|nominated)\b", re.I)


def moved_blocks(blocks: list[Block], start: int, end: int, headings: set[int]) -> list[tuple[int, int, str]]:
    """'Moved: Cr Smith / Seconded: Cr Lee', the motion's words ('That the Committee: a) ... b) ...'), 'CARRIED'.

    The motion's words are the decision when the block ends CARRIED; a LOST one decided nothing, and
    comes back with no text so that no other rule reads a decision into it.
    """
    out = []
    i = start
    while i < end:
        if not _MOVED_LINE.match(blocks[i].text.strip()) or len(blocks[i].text.split()) > 25:
            i += 1
            continue
        j = i + 1
        while j < min(end, i + 20) and j not in headings and not _CARRIED_LINE.match(blocks[j].text.strip()):
            j += 1
        outcome = _CARRIED_LINE.match(blocks[j].text.strip()) if j < end and j not in headings else None
        if outcome and j > i + 1:
            carried = outcome.group(1).lower().endswith("carried")
            out.append((i, j, " ".join(blocks[k].text.strip() for k in range(i + 1, j)) if carried else ""))
        i = j + 1 if outcome else i + 1
    return out


def motion_blocks(blocks: list[Block], start: int, end: int, headings: set[int]) -> list[tuple[int, int, str]]:
    """'Motion: that Rule 4 be amended ...' (its quoted words on the lines after), 'Moved X', 'Seconded Y',
    'PASSED': the motion's words are the decision when its outcome line says it carried."""
    out = []
    i = start
    while i < end:
        if not _MOTION_LINE.match(blocks[i].text.strip()):
            i += 1
            continue
        j = i + 1
        while j < min(end, i + 8) and j not in headings and not _MOVER_LINE.match(blocks[j].text.strip()):
            j += 1
        k = j
        while k < min(end, j + 4) and _MOVER_LINE.match(blocks[k].text.strip()):
            k += 1
        outcome = _CARRIED_LINE.match(blocks[k].text.strip()) if k < end and k > j else None
        if outcome and outcome.group(1).lower() in ("carried", "passed", "declared carried"):
            words = " ".join(blocks[n].text.strip() for n in range(i, j))
            out.append((i, k, _MOTION_LINE.sub("", words, count=1)))
            i = k + 1
            continue
        i += 1
    return out


def list_end(blocks: list[Block], i: int, end: int, headings: set[int]) -> int:
    """Where the list that a decision ending in ':' introduces stops (exclusive).

    The list is short lines ("Personnel", "Finance:") and lettered or bulleted entries, which may
    run to a sentence each ("b. To ensure the National Curriculum is in place ...").
    """
    j = i + 1
    while j < end and j not in headings and j - i <= 15:
        text = blocks[j].text.strip()
        words = len(text.split())
        if not (words <= 8 or (words <= 30 and _LIST_PART.match(text)) or (words <= 15 and text.endswith(":"))):
            break
        j += 1
    return j


def decision_sentences(block: Block, text: str | None = None, acronym: str | None = None) -> list[tuple[str, str]]:
    """(rule, sentence) for sentences of a paragraph (or of `text`, what follows a heading run into
    it) that record a decision.

    A bare "The committee agreed." decides what the sentence before it proposed, so it takes that
    sentence with it.
    """
    out = []
    if text is not None:
        marked = MARKER.match(text.strip())
        if marked and marked.group(2) and len(marked.group(2).split()) >= 4:
            return [("resolution.run_in", marked.group(2))]  # "RESOLVED - That Mrs Whitcombe be appointed ..."
    text = block.text if text is None else text
    whole = text
    parts = _join_motion_runs(sentences(text))
    for k, sentence in enumerate(parts):
        if _told_with_last(out, parts, k):
            continue
        bare = bool(k and len(sentence.split()) <= 8 and _BARE_AGREEMENT.match(sentence))
        if bare:
            sentence = f"{parts[k - 1]} {sentence}"
        if (
            _NOT_DECISION.search(sentence)
            or _FAILED.search(sentence)
            or _BARE_OUTCOME.match(sentence)  # "Motion passes." closes the motion told before it
            or sentence.endswith("?")
            or _AGENDA_ITEM.match(sentence)
            and not OUTCOME_TITLE.match(sentence)  # the title, without its outcome
        ):
            continue
        if bare and not _NOT_DECISION.search(parts[k - 1]):
            out.append(("resolution.bare_agreement", sentence))
            continue
        found = _sentence_rule(sentence, whole) or _body_acronym_decided(sentence, acronym)
        if found:
            out.append(found)
    return _whole_paragraph(out, whole)


def _told_with_last(out: list[tuple[str, str]], parts: list[str], k: int) -> bool:
    """'It was resolved to ... Proposed by X, seconded by Y.': who moved it joins the decision just found."""
    if not (k and out and _PROPOSER.match(parts[k]) and out[-1][1].endswith(parts[k - 1])):
        return False
    out[-1] = (out[-1][0], f"{out[-1][1]} {parts[k]}")
    return True


# "Proposed by Cllr Coppard seconded by Cllr Bradbury.": who moved the decision told just before it
_PROPOSER = re.compile(
    r"^(?:proposed|moved)\s+by\s+[A-Za-z'’\- ]{2,40}?,?\s+(?:and\s+)?seconded\s+by\s+[A-Za-z'’\- ]{2,40}\.?$", re.I
)
_PARAGRAPH_RULES = ("resolution.seconded", "resolution.vote_tally")
PARAGRAPH_WORDS = 60


def _whole_paragraph(found: list[tuple[str, str]], text: str) -> list[tuple[str, str]]:
    """A short paragraph that records a motion seconded or a vote counted is one decision, told whole:
    'Nadir - ... has been here a few times. Dan nominates, Brad seconds. Vote passes unanimously.'"""
    rule = next((rule for rule, _ in found if rule in _PARAGRAPH_RULES), None)
    if rule is None or len(text.split()) > PARAGRAPH_WORDS:
        return found
    return [(rule, text.strip())]


# a candidate put forward: "For the post of Chair, Mark Littlewood (having been proposed by A, and seconded by
# B)", "Greig McGill (Nominated: A; seconded: B)": a seconding in brackets, or 'having been proposed', where the
# sentence speaks of a candidacy; decided only where the meeting's outcome is told
_NOMINATION = re.compile(
    r"\((?:having\s+been\s+)?(?:proposed|nominated)\b[^()]{0,160}\bseconded\b|"
    r"\bhaving\s+been\s+(?:proposed|nominated)\b.{0,80}\bseconded\b",
    re.I,
)
_CANDIDACY = re.compile(
    r"\b(?:nominat\w*|candidates?|for\s+the\s+(?:post|office|role|position)\s+of|(?:re-?)?election|"
    r"standing\s+for)\b",
    re.I,
)
_ELECTED = re.compile(
    r"\b(?:elected|appointed|co-?opted|carried|agreed|approved|passed|accepted|adopted|supported|resolved|won)\b",
    re.I,
)


def _nomination(rule: str, sentence: str) -> bool:
    return (
        rule == "resolution.seconded"
        and bool(_NOMINATION.search(sentence) and _CANDIDACY.search(sentence))
        and not _ELECTED.search(sentence)
    )


def _sentence_rule(sentence: str, whole: str) -> tuple[str, str] | None:
    """The first sentence rule that finds a decision, outside any words quoted from another paper."""
    for rule, pattern in _SENTENCE_RULES:
        m = pattern.search(sentence)
        if not m or _nomination(rule, sentence):
            continue
        at = whole.find(sentence)
        if quoted(whole, at + m.start() if at >= 0 else -1) or not pattern.search(unquoted(sentence)):
            return None  # 'a paragraph ending "It was agreed that ..."' reports words; it records no decision
        if m.start() > 0 and len(sentence.split()) > 40 and sentence[m.start()] in ",;":
            sentence = sentence[m.start() :].lstrip(",; ")  # the decision closes a long report sentence
        return rule, sentence
    return None


def _body_acronym_decided(sentence: str, acronym: str | None) -> tuple[str, str] | None:
    """'SC agreed to postpone the deadline': the body, by its own initials ('SC' for Steering Committee)."""
    if not acronym or len(acronym) < 2:
        return None
    pattern = rf"(?:^|[,;]\s+){re.escape(acronym)}\s+(?:\w+\s+)?{_DECISION_VERBS}\b"
    found = re.search(pattern, unquoted(sentence))
    return ("resolution.body_decided", sentence) if found else None


_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”|(?<!\w)\'[^\'\n]*\'(?!\w)')


def unquoted(text: str) -> str:
    """The text without its quoted passages, so that words quoted from another paper decide nothing."""
    return _QUOTED.sub(" ", text)


def quoted(text: str, at: int) -> bool:
    """Whether position `at` sits inside a quoted passage of `text` (a lone inch mark opens none)."""
    return at >= 0 and any(m.start() < at < m.end() for m in _QUOTED.finditer(text))


_BARE_OUTCOME = re.compile(r"^(?:the\s+)?motion\s+(?:was\s+)?(?:carried|passed|passes|approved)\W*$", re.I)
_BARE_AGREEMENT = re.compile(
    r"^(?:the\s+)?(?:\w+\s+)?(?:committee|board|forum|council|governors|trustees|members|councillors|cllrs|meeting|all|"
    r"appointment|proposal|motion|both)\s+(?:was\s+|were\s+)?(?:unanimously\s+)?(?:agreed|agrees|decided|"
    r"approved|accepted)\b[^,;]*$",
    re.I,
)
# "X moved ...", "A motion was made to approve ...", "Motion to approve the bills was made by ..."
_MOVED = re.compile(
    r"(?<!discussion )(?<!conversation )(?<!meeting )\b(?:moved(?! on\b)|moves(?! on\b)|nominates|nominated by|"
    r"motions to|motion (?:by|made by|from)|proposed by|motion (?:was )?(?:made )?(?:to|for) \w+|made a motion|"
    r"(?-i:[A-Z])[\w'’\-]+ propos(?:ed|es) (?!by\b))\b|"  # "Jeanne proposed the Network provide ...": the mover
    r"^motion\s*[:\-–]\s*(?=\S)",  # "Motion: postpone until after the ED is hired. Seconded. Passed."
    re.I,
)
_OUTCOME = re.compile(
    r"\b(?:seconded|carried|passed|passes|approved|adopted|agreed|vote|all (?:were )?in favou?r|roll call)\b", re.I
)
_FAILED = re.compile(
    r"\b(?:failed|died|lost|defeated|withdrawn|fell|not carried|no second|(?:did|does) not pass)\b", re.I
)
# a motion's status in a table column, 'Passed' / 'Lost 2-5': what a motion that passed and one that did not say
STATUS_PASSED = re.compile(
    r"\b(?:carried|passed|agreed|accepted|approved|adopted|endorsed|affirmed|unanimous\w*)\b|✅", re.I
)
STATUS_LOST = re.compile(
    r"\b(?:lost|fell|failed|defeated|withdrawn|lapsed|rejected|deferred|tabled|postponed|referred|"
    r"not (?:passed|carried|agreed|seconded)|did not (?:pass|carry)|no seconder)\b",
    re.I,
)


def _join_motion_runs(parts: list[str]) -> list[str]:
    """'X moved ... . Y seconded the motion, which passed 3-0.' is one decision, told over two sentences."""
    out: list[str] = []
    k = 0
    while k < len(parts):
        sentence = parts[k]
        if _MOVED.search(sentence) and not _FAILED.search(sentence):
            run = [sentence]
            while (
                k + 1 < len(parts)
                and len(run) < 4
                and _OUTCOME.search(parts[k + 1])
                and not _MOVED.search(parts[k + 1])
                and not _BARE_AGREEMENT.match(parts[k + 1])  # 'The committee agreed.' takes the sentence before
            ):
                k += 1
                run.append(parts[k])
            sentence = " ".join(run)
        out.append(sentence)
        k += 1
    return out


_RUN_PART = re.compile(
    r"\b(?:seconded|second(?:ed)? the motion|amend\w*|substitute motion|carried|passed|"
    r"roll call vote|vote|ayes?|noes?|abstentions?|motion)\b",
    re.I,
)


def motion_runs(blocks: list[Block], start: int, end: int, skip: set[int]) -> list[tuple[int, int, str]]:
    """A motion told over several paragraphs: moved, seconded, amended, then carried by a vote.

    The run keeps the procedural sentences and leaves out the discussion between them; a motion
    that failed or was withdrawn records no decision, and comes back with no text so that no
    other rule reads one into it.
    """
    out = []
    i = start
    while i < end:
        first = sentences(blocks[i].text)[:1]
        if i in skip or not first or not _MOVED.search(first[0]) or _OUTCOME_DONE.search(blocks[i].text):
            i += 1
            continue
        parts, j, outcome = [first[0]], i, None
        while j < min(end, i + 10) and outcome is None:
            if j > i and (j in skip or MARKER.match(blocks[j].text.strip())):
                break  # the next item's heading, or the RESOLVED block the motion led to: the run ends here
            for sentence in sentences(blocks[j].text)[1 if j == i else 0 :]:
                if _RUN_PART.search(sentence) and len(sentence.split()) <= 60:
                    parts.append(sentence)
                    if _FAILED.search(sentence):
                        outcome = "failed"
                    elif _OUTCOME_DONE.search(sentence):
                        outcome = "carried"
            j += 1
        if outcome and len(parts) > 1:  # a failed motion comes back with no text: it decided nothing
            out.append((i, j - 1, " ".join(parts) if outcome == "carried" else ""))
            i = j
        else:
            i += 1
    return out


_OUTCOME_DONE = re.compile(
    r"\b(?:carried|passed|approved|adopted)\b.{0,40}(?:\bvote\b|\d+\s*[-–]\s*\d+|unanim\w*)|"
    r"\bmotion (?:was )?(?:carried|passed)\b|\bayes\b",
    re.I,
)


# an item taking the last meeting's minutes: "Approval of minutes of previous meeting", "Minutes of the AGM held ..."
MINUTES_ITEM = re.compile(
    r"\bminutes\b.{0,40}\b(?:previous|last|prior|held)\b|\b(?:previous|last|prior)\b.{0,30}\bminutes\b|"
    r"\b(?:approval|adoption|confirmation)\s+of\s+(?:the\s+)?minutes\b",
    re.I,
)
_APPROVAL = re.compile(r"\b(?:approved|agreed|accepted|adopted|confirmed|signed)\b", re.I)
_NOT_APPROVED = re.compile(
    r"\b(?:not|deferred|postponed|until|subject to|except|amend\w*|correct(?:ed|ion)s?\s+to)\b", re.I
)


# "The proposal was accepted by a show of hands.", "This was agreed.": an outcome that points back
_POINTS_BACK = re.compile(  # ... or an outcome with no subject: "Motion carried unanimously.", "Accepted by All"
    r"^(?:(?:the\s+)?(?:proposal|motion|recommendation|amendment|suggestion|change)s?|this|these|it|both|vote|"
    r"(?:motion\s+)?(?:seconded\s+and\s+)?(?:unanimously\s+)?(?:carried|passed|agreed|accepted|approved|elected))\b",
    re.I,
)
_PROPOSES = re.compile(r"\b(?:propos\w*|recommend\w*|suggest\w*|motion|moved|nominat\w*|seconded)\b", re.I)


def proposal_before(outcome: str, paragraph: str, before: str) -> str | None:
    """The proposal that an outcome standing as its own paragraph points back to: the last sentence of the
    paragraph before, when it proposes ('The trustees therefore proposed to correct those.')."""
    if outcome != paragraph.strip() or len(outcome.split()) > 15 or not _POINTS_BACK.match(outcome):
        return None
    last = (sentences(before) or [""])[-1]
    return last if _PROPOSES.search(last) and not last.endswith((":", "?")) else None


_MONEY = re.compile(r"[£$€]\s?\d")
_SCHEDULE_LINES = 15  # payments listed before 'All approved for payment.' (the corpus's longest has 9)
_PAYMENT_WORDS = 20  # 'Clerk's Salary & Expenses - £309.90 (Ch. No. 300131)' and the like
_TRAILING_OUTCOME = re.compile(r"\s[-–—]\s*all\s+(?:agreed|approved)\.?$", re.I)


def may_approve_schedule(paragraph: str) -> bool:
    """Whether a paragraph is, or ends in, an outcome with no subject: what a schedule of payments takes."""
    paragraph = paragraph.strip()
    return bool(BARE_OUTCOME_LINE.match(paragraph) or _TRAILING_OUTCOME.search(paragraph))


def schedule(paragraph: str, before: list[str]) -> tuple[int, str] | None:
    """The schedule of payments that a bare outcome approves, as parish and community councils set it out:
    lines that each name an amount, then 'All approved for payment.'; or one paragraph of them ending
    '– all approved.'. (How many paragraphs before it the schedule starts, its text with the outcome.)"""
    paragraph = paragraph.strip()
    if len(_MONEY.findall(paragraph)) >= 2 and _TRAILING_OUTCOME.search(paragraph):
        return 0, paragraph
    if not BARE_OUTCOME_LINE.match(paragraph):
        return None
    count = 0
    for text in reversed(before[-_SCHEDULE_LINES:]):
        if not _MONEY.search(text) or len(text.split()) > _PAYMENT_WORDS:
            break  # a payment's line is a payee and an amount, not a paragraph that mentions money
        count += 1
    return (count, " ".join([*(t.strip() for t in before[len(before) - count :]), paragraph])) if count else None


def minutes_approval(texts: list[str]) -> str | None:
    """In an item taking the last minutes, the sentence approving them, even where it does not say 'minutes':
    'Approved & signed as correct.', 'Accepted by All', 'Shown on the projector ... All agreed.'"""
    for text in texts:
        for sentence in sentences(text):
            if _APPROVAL.search(sentence) and not _NOT_APPROVED.search(sentence) and len(sentence.split()) <= 30:
                return sentence
    return None


def make(item: str | None, text: str, block: Block, rule: str, until: Block | None = None) -> Resolution:
    return Resolution(item=item, text=re.sub(r"\s+", " ", text).strip(), found=block.found(rule, until))
