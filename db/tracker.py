"""Follow each action from meeting to meeting, the same way whatever order the papers came in.

The tracker never edits history in place: after any change to a body's papers
it replays that body's minutes in date order. Each meeting's own actions open;
an action restated in later minutes is linked to the original, not counted
twice; progress reports ('Action complete', 'ongoing', an action log's status
column) move the action they match; open actions a meeting gives no progress on
are carried forward, the sentence that spoke of one in passing named in its
history. Hand changes (overrides) are applied last and so survive every re-ingest.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz

from ..extract.blocks import sentences
from ..extract.names import STREET_WORD
from ..extract.progress import REF, status_of
from ..extract.resolutions import STATUS_LOST
from .connection import Database
from .due import ISO_DAY, NEXT_MEETING, due_by
from .people import person_id
from .queries import CARRIED, DECIDED, MENTIONED, REPORTED_DONE, kept

RESTATED = 80  # text similarity at which a later action is the same action again
REPORTED = 62  # ... at which a progress report speaks of an action, when it also names its owner
REPORTED_ALONE = 75  # ... when it names nobody


@dataclass
class Tracked:
    id: int
    ref: str
    text: str
    owners: list[str]
    meeting_id: int
    meeting_date: str | None
    reported: str | None
    status: str = "open"
    status_at: str | None = None
    linked_to: int | None = None
    due: str | None = None  # set only by a hand change
    owners_set: bool = False  # the owners were changed by hand
    history: list[tuple[str, str, int | None, str]] = field(default_factory=list)  # (date, status, meeting, words)


def _norm(text: str) -> str:
    return re.sub(r"^(?:action\s*[\w/]*\s*[:\-–]\s*)", "", text.lower()).strip()


def _names_match(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a == b or fuzz.ratio(a, b) >= 85 or (len(a) > 2 and len(b) > 2 and (a in b or b in a))


def _owner_score(owners: list[str], other: list[str], text: str = "") -> int:
    if owners and other:
        return 12 if any(_names_match(a, b) for a in owners for b in other) else -20
    if other and text:
        low = text.lower()
        named = any(
            re.search(rf"\b{re.escape(part.lower())}\b", low) for o in other for part in o.split() if len(part) > 1
        )
        return 12 if named else 0
    return 0


_FUNCTION_WORDS = frozenset(
    """the a an and or of to for in on at by with from as is are was were be been being will would shall should
    can could may might must has have had do does did it its this that these those he she they him her them his
    their we our you your i me my all any some also not no so then than there here which who whom what when where
    asked agreed said noted reported about into onto up out over after before next
    cllr cllrs councillor councillors mr mrs ms miss dr""".split()  # noqa: SIM905
)


def _stem(word: str) -> str:
    if re.search(r"[^aeiou]ie[ds]$", word) and len(word) > 5:
        return word[:-3] + "y"  # "identified", "identifies" -> "identify"
    for suffix, keep in (("ing", 5), ("ed", 4), ("es", 4), ("al", 6), ("s", 3)):  # "proposal", "proposed"
        if word.endswith(suffix) and len(word) > keep:
            return word[: -len(suffix)]
    return word


def _content(text: str, owners: list[str] = ()) -> set[str]:
    """The words that say what the task is: no function words, no owners' names, crude stems."""
    names = {part.lower() for o in owners for part in o.split()}
    words = re.findall(r"[a-z0-9]+", _norm(text))
    return {_stem(w) for w in words if len(w) > 2 and w not in _FUNCTION_WORDS and w not in names}


def _same_task(text: str, owners: list[str], candidate: Tracked, restating: bool) -> bool:
    """Two texts speak of one task only when they share what the task is, not just 'the Clerk will': two
    words of it for a restated action ('arrange' alone is many tasks), fewer for a short progress report."""
    mine, theirs = _content(text, owners), _content(candidate.text, candidate.owners)
    shared = len(mine & theirs)
    return shared >= (2 if restating else max(1, min(2, len(mine), len(theirs))))


def _task_words_held(text: str, candidate: Tracked) -> float:
    """Share of the task's own words a report holds, 0-100: 'Book the village hall: ongoing' holds 3 of 4."""
    theirs = _content(candidate.text, candidate.owners)
    return 100 * len(_content(text) & theirs) / len(theirs) if theirs else 0.0


def _best(text: str, owners: list[str], candidates: list[Tracked], threshold: int, mentions: bool) -> Tracked | None:
    """The candidate the words speak of: text similarity first (rapidfuzz, in C), then the owners."""
    from rapidfuzz import process

    if not candidates:
        return None
    best, best_score = None, 0.0
    words = _norm(text)
    shortlist = process.extract(
        words,
        [_norm(c.text) for c in candidates],
        scorer=fuzz.token_set_ratio,
        limit=8,
        score_cutoff=max(0, min(threshold, REPORTED) - 25),
    )
    for _, score, index in shortlist:
        c = candidates[index]
        if not _same_task(text, owners, c, restating=not mentions):
            continue
        if mentions:  # a report names the task in its own words: how much of the task's words it holds counts too
            score = max(score, _task_words_held(text, c))
        bonus = _owner_score(owners, c.owners, text if mentions else "")
        if score + bonus > best_score:
            best, best_score = c, score + bonus
    limit = (
        threshold
        if not mentions
        else (REPORTED if best is not None and _owner_score([], best.owners, text) else REPORTED_ALONE)
    )
    return best if best is not None and best_score >= limit else None


def rebuild(db: Database, body_id: int) -> None:
    """Replay a body's minutes in date order and write each action's status, links and history."""
    meetings = db.execute(
        "SELECT id, date FROM meetings WHERE body_id = ? AND kind = 'minutes' ORDER BY date IS NULL, date, id",
        [body_id],
    ).fetchall()
    if not meetings:
        return
    ids = [m[0] for m in meetings]
    marks = ",".join("?" * len(ids))
    actions: dict[int, list[Tracked]] = {m: [] for m in ids}
    for row in db.execute(
        f"SELECT a.id, a.ref, a.text, a.meeting_id, m.date, a.reported, "
        f"(SELECT json_group_array(name) FROM "
        f"(SELECT name FROM action_owners o WHERE o.action_id = a.id ORDER BY position) AS named) "
        f"FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE a.meeting_id IN ({marks}) "
        f"AND {kept('a')} ORDER BY a.seq",
        ids,
    ):
        actions[row[3]].append(Tracked(row[0], row[1], row[2], json.loads(row[6] or "[]"), row[3], row[4], row[5]))
    progress: dict[int, list[tuple[str, str, list[str]]]] = {m: [] for m in ids}
    for meeting_id, text, status, refs in db.execute(
        f"SELECT meeting_id, text, status, refs FROM progress WHERE meeting_id IN ({marks}) ORDER BY id", ids
    ):
        progress[meeting_id].append((text, status, json.loads(refs or "[]")))

    said = _said(db, body_id)
    known = _Known(_common(said), _people_words(db, body_id))
    by_ref: dict[str, Tracked] = {}
    live: list[Tracked] = []  # actions opened so far and not linked to another
    for meeting_id, meeting_date in meetings:
        earlier = list(live)
        reports = _reports(progress[meeting_id], earlier, by_ref)
        closing = {target.id for target, status, _ in reports if status != "open"}
        touched = {target.id for target, _, _ in reports}
        for action in actions[meeting_id]:
            # an action closed at this meeting, or before it, is not raised again: the same task raised
            # afresh ("send out the agenda" each quarter) is a new action
            # ... unless it is the review itself: "ACTION MW: Archive channel" / "Action complete"
            still_open = [c for c in earlier if c.status == "open" and (c.id not in closing or action.reported)]
            original = _best(action.text, action.owners, still_open, RESTATED, mentions=False)
            if original is not None:
                touched.add(original.id)
                _restate(action, original, meeting_date, meeting_id)
                continue
            _open(action, meeting_date, meeting_id)
            live.append(action)
            by_ref[action.ref] = action
        for target, status, text in reports:
            _change(target, status, meeting_date, meeting_id, text)
        if meeting_date:  # an undated meeting cannot say what it came after
            passed_by = [a for a in earlier if a.status == "open" and a.id not in touched]
            _carry_forward(passed_by, meeting_date, meeting_id, said.get(meeting_id, []), known)
    everything = [a for group in actions.values() for a in group]
    _apply_overrides(db, everything)
    _mirror_originals(everything)
    _write(db, everything, body_id)
    _relative_dues(db, body_id)


def _relative_dues(db: Database, body_id: int) -> None:
    """Give 'next meeting', 'next week', 'end of April' a due date from the body's own meetings, so an action
    still open after its meeting has passed is overdue; written dates are left as they are."""
    held = [
        date.fromisoformat(row[0])
        for row in db.execute("SELECT DISTINCT date FROM meetings WHERE body_id = ? AND date IS NOT NULL", [body_id])
    ]
    for action_id, words, raised, stored, stated in db.execute(
        "SELECT a.id, a.due, m.date, a.due_date, m.next_date FROM actions a JOIN meetings m ON m.id = a.meeting_id "
        "WHERE m.body_id = ? AND a.due IS NOT NULL",
        [body_id],
    ).fetchall():
        if ISO_DAY.fullmatch(words):
            continue
        day = date.fromisoformat(raised) if raised else None
        found = due_by(words, day, held, date.fromisoformat(stated) if stated else None)
        value = found.isoformat() if found else None
        if value != stored:
            db.execute("UPDATE actions SET due_date = ? WHERE id = ?", [value, action_id])


def _reports(found: list[tuple[str, str, list[str]]], earlier: list[Tracked], by_ref: dict[str, Tracked]):
    """(action, status, words) for each progress report of a meeting that speaks of an earlier open action."""
    out = []
    taken: set[int] = set()
    for text, status, refs in found:
        targets = [by_ref[r] for r in refs + REF.findall(text) if r in by_ref]
        if not targets:
            open_ones = [c for c in earlier if c.status == "open" and c.id not in taken]
            best = _best(text, [], open_ones, REPORTED, mentions=True)
            targets = [best] if best else []
        for target in targets:
            taken.add(target.id)
            out.append((target, status, text))
    return out


def _restate(action: Tracked, original: Tracked, when: str | None, meeting_id: int) -> None:
    """The same task in later minutes: one action, its history gaining the restatement (and any status beside it)."""
    reported = status_of(action.reported or "") if action.reported else None
    action.linked_to = original.id
    words = f"restated at {f'the meeting of {when}' if when else 'an undated meeting'}: {action.text}"
    if action.reported:
        words += f" ({action.reported})"
    _change(original, reported or original.status, when, meeting_id, words)
    action.status = original.status


def _open(action: Tracked, when: str | None, meeting_id: int) -> None:
    reported = status_of(action.reported or "") if action.reported else None
    action.status = reported or "open"
    action.history.append((when or "", "open", meeting_id, action.text))
    if reported and reported != "open":
        _change(action, reported, when, meeting_id, action.reported or "")


@dataclass(frozen=True)
class _Spoken:
    """A sentence of a meeting's minutes, with the task words and numbers it holds (read once per replay)."""

    text: str
    words: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str]  # its capitalised words inside the sentence: 'Between Time' is a name, 'between' is not
    decided: bool = False  # a decision of the meeting

    @classmethod
    def of(cls, sentence: str, decided: bool = False) -> _Spoken:
        words = frozenset(_content(sentence))
        return cls(sentence, words, frozenset(_NUMBER.findall(sentence.lower())), _named(sentence), decided)


_NUMBER = re.compile(r"\b(?!(?:19|20)\d\d\b)\d+[a-z]?\b")  # a year names no matter: '2025' is every task that year
# a house's number before its street's name: '24 Birch Green', '8 Staines Green', not '30 June' or 'Item 5 Budget'
_ADDRESS = re.compile(rf"\b(\d+[a-z]?)\s+(?=(?:[A-Z][a-z]+\s+){{1,3}}(?i:{STREET_WORD})\b)")
_NAME_WORD = re.compile(r"\b[A-Z][a-z]+")  # read past a sentence's first word, which any sentence capitalises
# words of any task ('The Clerk will check whether ... install'): sharing only these, a sentence speaks of another
_ANY_TASK = frozenset(
    _stem(w)
    for w in """whether check contact write send ask arrange report look speak email install confirm discuss
    provide find make take need consider update meet attend go get""".split()  # noqa: SIM905
)


def _said(db: Database, body_id: int) -> dict[int, list[_Spoken]]:
    """What each of a body's meetings says, as far as the store keeps it: item titles and the opening of each
    item's discussion, decisions and actions (not those a reviewer rejected), one sentence at a time."""
    said: dict[int, list[_Spoken]] = {}
    items = "r.title || '. ' || COALESCE(r.summary, '')"  # a title, then the opening of its discussion
    sources = (("items", items, "0"), ("resolutions", "r.text", "1"), ("actions", "r.text", "0"))
    sql = " UNION ALL ".join(
        f"SELECT r.meeting_id, {text}, {flag} FROM {table} r JOIN meetings m ON m.id = r.meeting_id "
        f"WHERE m.body_id = ? AND {kept('r')}"
        for table, text, flag in sources
    )
    rows = [(meeting_id, sentences(text), flag) for meeting_id, text, flag in db.execute(sql, [body_id] * 3)]
    decided = {(meeting_id, s) for meeting_id, parts, flag in rows if flag for s in parts}
    for meeting_id, parts, _ in rows:  # a sentence a decision holds is decided, wherever else it is printed too
        said.setdefault(meeting_id, []).extend(
            _Spoken.of(s, (meeting_id, s) in decided) for s in parts if len(s.split()) >= 3
        )
    return said


def _named(sentence: str) -> frozenset[str]:
    return frozenset(_stem(w.lower()) for w in _NAME_WORD.findall(sentence.split(" ", 1)[-1]))


def _names_in(text: str) -> frozenset[str]:
    return frozenset().union(*(_named(s) for s in sentences(text)))


@dataclass(frozen=True)
class _Known:
    """What a body's papers use all the time, and the words of its people's names."""

    common: frozenset[str]
    people: frozenset[str]


def _people_words(db: Database, body_id: int) -> frozenset[str]:
    names = (row[0] for row in db.execute("SELECT name FROM people WHERE body_id = ?", [body_id]))
    return frozenset(_stem(w) for name in names for w in re.findall(r"[a-z]{3,}", name.lower()))


def _common(said: dict[int, list[_Spoken]]) -> frozenset[str]:
    """Words a body's minutes use all the time ('green' in a parish of greens): they tell no task apart."""
    counts = Counter(word for spoken in said.values() for s in spoken for word in s.words)
    total = sum(len(spoken) for spoken in said.values())
    return frozenset(word for word, n in counts.items() if n > max(3, total / 20))


def _mention(action: Tracked, said: list[_Spoken], known: _Known) -> tuple[_Spoken, bool] | None:
    """The sentence of a later meeting that speaks of an action without saying how it stands: 'The Clerk was
    asked to remind Cllr Rochford to speak to the owners of 8 Staines Green' of 'Cllr Rochford will speak to
    the owners'. It shares three of the task's telling words (words the body does not use all the time, nor
    any task does: 'check', 'whether'), or two with a name printed as one in both among them and either a
    word that is not a name or a person's name ('Niki Gordon'; but 'coppicing in Maitland Wood' is not 'a
    handrail on the steps to Maitland Wood'), or a number and two words of any kind ('24 Birch Green'). A
    task at a numbered house is spoken of only with the house's number. The flag says whether the sentence is
    surely of this task, enough to read its status from: it names the same person or number, or shares four
    telling words."""
    task = _content(action.text, action.owners)
    names = _names_in(action.text)
    numbers = set(_NUMBER.findall(_norm(action.text)))
    address = {n.lower() for n in _ADDRESS.findall(action.text)}  # '24 Birch Green' is not '18 Birch Green'
    best, most = None, 0
    for spoken in said:
        if address and not address & spoken.numbers:
            continue
        shared = task & spoken.words
        telling = shared - known.common - _ANY_TASK
        named = telling & names & spoken.names
        enough = (
            len(telling) >= 3 or len(telling) >= 2 and bool(named) and bool(telling - names or named & known.people)
        )
        # a house's number names the matter ('24 Birch Green'); a road's ('A466') needs a word of the task too
        numbered = len(shared) >= 2 and bool(numbers & spoken.numbers) and bool(address or telling - names)
        if (enough or numbered) and len(telling) + len(shared) > most:
            sure = bool(named & known.people) or numbered or len(telling) >= 4
            best, most = (spoken, sure), len(telling) + len(shared)
    return best


# 'has very kindly scraped', 'was sent', 'have now been paid': a deed reported as done; not 'is to have been',
# nor what was said or asked of someone ('was asked to', 'was reported that')
_DONE_DEED = re.compile(
    r"(?<!\bto )\b(?:has|have|had|was|were)\s+(?:(?:now|already|very|kindly|been|duly)\s+)*"
    r"(?!(?:asked|requested|noted|agreed|proposed|suggested|mentioned|stated)\b)"
    r"([a-z]{3,}ed|sent|paid|cut|put|written|bought|made|found|held|given|met|spoken)\b(?!\s+that\b)"
)
_PAST = {"sent": "send", "paid": "pay", "written": "write", "bought": "buy", "made": "make", "found": "find"}
_PAST |= {"held": "hold", "given": "give", "met": "meet", "spoken": "speak"}


def _done_in_prose(action: Tracked, sentence: str, sure: bool) -> bool:
    """A later sentence that reports the task's own deed as done, with no status word: 'Cllr Rochford has very
    kindly scraped the footway' of 'Miriam will ... request scraping of the footway'. A deed any task has
    ('sent', 'checked') counts only in a sentence surely of this task."""
    task = _content(action.text, action.owners)
    deeds = {_stem(_PAST.get(verb, verb)) for verb in _DONE_DEED.findall(sentence.lower())}
    return bool(deeds & task - _ANY_TASK or sure and deeds & task)


def _put_off(sentence: str) -> bool:
    """A decision to take the matter up again, not to settle it: 'be considered again at the next meeting'."""
    return bool(STATUS_LOST.search(sentence) or NEXT_MEETING.search(sentence.lower()) or _AGAIN.search(sentence))


_AGAIN = re.compile(r"\b(?:brought back|considered again|reconsider\w*|revisit\w*|future meeting)\b", re.I)


def _carry_forward(unmentioned: list[Tracked], when: str, meeting_id: int, said: list[_Spoken], known: _Known) -> None:
    """Open actions a meeting reported no progress on: mentioned in passing, or not at all."""
    for action in unmentioned:
        found = _mention(action, said, known)
        if found is None:
            action.history.append((when, "open", meeting_id, f"{CARRIED} {when}; carried forward"))
            continue
        spoken, sure = found
        if sure and spoken.decided and not _put_off(spoken.text):
            _change(action, "done", when, meeting_id, f"{DECIDED} {when}: {spoken.text}")
        elif _done_in_prose(action, spoken.text, sure):  # the deed itself is a second sign
            _change(action, "done", when, meeting_id, f"{REPORTED_DONE} {when}: {spoken.text}")
        else:
            action.history.append((when, "open", meeting_id, f"{MENTIONED} {when}: {spoken.text}"))


def _change(action: Tracked, status: str, when: str | None, meeting_id: int | None, words: str) -> None:
    action.status = status
    action.status_at = when
    action.history.append((when or "", status, meeting_id, words))


def _mirror_originals(everything: list[Tracked]) -> None:
    """A restatement stands as the action it restates does, hand changes included: its ref, as search finds it,
    leads to the one action every listing shows."""
    by_id = {a.id: a for a in everything}
    for action in everything:
        first, seen = action, set()
        while first.linked_to in by_id and first.id not in seen:
            seen.add(first.id)
            first = by_id[first.linked_to]
        if first is not action:
            action.status, action.status_at = first.status, first.status_at


def _apply_overrides(db: Database, everything: list[Tracked]) -> None:
    by_id = {a.id: a for a in everything}
    if not by_id:
        return
    marks = ",".join("?" * len(by_id))
    for action_id, name, value in db.execute(
        f"SELECT action_id, field, value FROM overrides WHERE action_id IN ({marks}) ORDER BY at, id", list(by_id)
    ):
        action = by_id.get(action_id)
        if action is None:
            continue
        if name == "status":
            action.status = value
        elif name == "due":
            action.due = value
        elif name == "owner":
            action.owners, action.owners_set = json.loads(value), True


def _write(db: Database, everything: list[Tracked], body_id: int) -> None:
    if not everything:
        return
    marks = ",".join("?" * len(everything))
    ids = [a.id for a in everything]
    db.execute(f"DELETE FROM action_history WHERE by = 'meeting' AND action_id IN ({marks})", ids)
    for action in everything:
        db.execute(
            "UPDATE actions SET status = ?, status_at = ?, linked_to = ? WHERE id = ?",
            [action.status, action.status_at, action.linked_to, action.id],
        )
        if action.due is not None:
            iso = action.due if ISO_DAY.fullmatch(action.due) else None
            db.execute("UPDATE actions SET due = ?, due_date = ? WHERE id = ?", [action.due or None, iso, action.id])
        if action.owners_set:
            db.execute("DELETE FROM action_owners WHERE action_id = ?", [action.id])
            for position, name in enumerate(action.owners):  # an owner set by hand is a person the papers know
                db.execute(
                    "INSERT INTO action_owners (action_id, position, name, person_id) VALUES (?, ?, ?, ?)",
                    [action.id, position, name, person_id(db, body_id, name, create=False)],
                )
        for when, status, meeting_id, words in action.history:
            db.execute(
                "INSERT INTO action_history (action_id, at, status, by, meeting_id, words) "
                "VALUES (?, ?, ?, 'meeting', ?, ?)",
                [action.id, when, status, meeting_id, words],
            )
