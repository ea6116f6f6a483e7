"""The tracker against hand records of real series (tests/tracker_records/*.json).

    python tests/tracker_series.py            # per series: actions found, final statuses right, duplicates, hidden

Each series is ingested into a fresh database (in date order, or reversed), and each hand-recorded
action is looked for among the stored actions of its raising meeting, by the shared scorer's text
matching (where a stored action matches several, the closest claims it). A found action's tracked
status (its own, or the one it is linked to) is compared with the record's final status. An action
is hidden when it is linked to another that is not the same hand-recorded action; a duplicate is a
hand action that two unlinked stored actions both match.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
RECORDS = HERE / "tracker_records"
CORPUS = HERE.parents[1] / "shared" / "corpus"

sys.path.insert(0, str(HERE.parent.parent))
from minutes.db.people import fold  # noqa: E402
from minutes.db.queries import CARRIED  # noqa: E402
from minutes.extract.blocks import sentences  # noqa: E402
from minutes.extract.names import initials_of  # noqa: E402
from minutes.scorer import closeness, coverage  # noqa: E402
from minutes.train import part_of  # noqa: E402


@dataclass
class SeriesScore:
    series: str
    actions: int = 0
    found: int = 0
    right: int = 0
    duplicates: int = 0
    hidden: int = 0
    history: int = 0  # later meetings in the found actions' recorded lives
    history_right: int = 0  # ... where the tracker's entry has the record's status, and notices the action as it does
    wrong: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.actions if self.actions else 1.0


def records() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(RECORDS.glob("*.json"))]


def ingest(record: dict, db: Path, reverse: bool = False) -> None:
    docs = [str(CORPUS / d) for d in record["documents"]]
    for doc in reversed(docs) if reverse else docs:
        subprocess.run(
            [sys.executable, "-m", "minutes", "--db", str(db), "-q", "ingest", doc], check=True, capture_output=True
        )


def stored(db: Path) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = [
        dict(r)
        for r in conn.execute(
            "SELECT a.id, a.text, a.status, a.linked_to, m.date FROM actions a JOIN meetings m ON m.id = a.meeting_id"
        )
    ]
    lives: dict[int, dict[str, tuple[str, str]]] = {}
    for action_id, at, status, words in conn.execute(
        "SELECT action_id, at, status, words FROM action_history WHERE by = 'meeting' ORDER BY id"
    ):
        lives.setdefault(action_id, {})[at] = (status, words)  # a meeting's last word on the action
    conn.close()
    for r in rows:
        r["history"] = lives.get(r["id"], {})
    return rows


def _history_right(action: dict, root: dict) -> tuple[int, int]:
    """(entries, right): each later meeting of the record against the tracker's last entry for that meeting,
    by status and by whether the meeting spoke of the action at all ('not mentioned' or not)."""
    right = 0
    for entry in action["history"]:
        before = [v for at, v in sorted(root["history"].items()) if at and at < entry["meeting"]]
        # no entry: the action was closed before this meeting ('already done'), or the meeting is the raising one's
        status, words = root["history"].get(entry["meeting"], ((before[-1][0] if before else "open"), CARRIED))
        noticed = not entry["evidence"].startswith("not mentioned")
        right += status == entry["status"] and noticed == (not words.startswith(CARRIED))
    return len(action["history"]), right


def _matches(text: str, gold: str) -> bool:
    """The scorer's matching, or one sentence of a longer recorded text (most of its words are the record's);
    a stored action shown with the sentence before it matches by its own last sentence, the task, where the
    record elides the rest ('LPA Appeal ... Cllr Coppard to draft comments.')."""
    task = (sentences(text) or [text])[-1]
    return coverage(text, gold) > 0 or part_of(text, gold) or part_of(task, gold)


def _closest(actions: list[dict], rows: list[dict]) -> dict[int, str | None]:
    """Each stored action's closest hand-recorded action of its meeting, among those its text matches."""
    best: dict[int, str | None] = {}
    for r in rows:
        matching = [a for a in actions if a["raised"] == r["date"] and _matches(r["text"], a["text"])]
        best[r["id"]] = max(matching, key=lambda a: closeness(r, a))["id"] if matching else None
    return best


def score(record: dict, rows: list[dict]) -> SeriesScore:
    by_id = {r["id"]: r for r in rows}
    result = SeriesScore(record["series"], actions=len(record["actions"]))
    claimed: dict[int, str] = {}
    best = _closest(record["actions"], rows)
    for action in record["actions"]:
        mine = [r for r in rows if r["date"] == action["raised"] and _matches(r["text"], action["text"])]
        if not mine:
            result.wrong.append(f"{action['id']} not found: {action['text'][:60]}")
            continue
        # a stored action that loosely matches this one but is plainly another recorded action is that one's
        mine = [r for r in mine if best[r["id"]] == action["id"]] or mine
        result.found += 1
        roots = {r["id"] if r["linked_to"] is None else r["linked_to"] for r in mine}
        result.duplicates += len(roots) > 1
        root = by_id[min(roots)]
        for r in mine:
            claimed[r["id"]] = action["id"]
        entries, right = _history_right(action, root)
        result.history += entries
        result.history_right += right
        if root["status"] == action["final_status"]:
            result.right += 1
        else:
            result.wrong.append(f"{action['id']} {root['status']} != {action['final_status']}: {action['text'][:50]}")
    for r in rows:
        target = by_id.get(r["linked_to"]) if r["linked_to"] else None
        if target is not None and r["id"] in claimed and claimed.get(target["id"]) not in (None, claimed[r["id"]]):
            result.hidden += 1
    return result


@dataclass
class DigestScore:
    series: str
    record_open: int = 0  # actions the hand record leaves open
    listed: int = 0  # of those, the digest lists
    extra: int = 0  # digest entries the record closes, or has no action for
    owners_right: int = 0  # listed open actions whose owners are the record's, as people's names


def _digest(db: Path, record: dict) -> list[dict]:
    """The digest's open actions, as of the series' last meeting."""
    conn = sqlite3.connect(db)
    (body,) = conn.execute(
        "SELECT name FROM bodies b JOIN meetings m ON m.body_id = b.id GROUP BY b.id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    conn.close()
    last = max(a["raised"] for a in record["actions"])
    argv = [
        sys.executable,
        "-m",
        "minutes",
        "--db",
        str(db),
        "digest",
        "--body",
        body,
        "--as-of",
        last,
        "--format",
        "json",
    ]
    data = json.loads(subprocess.run(argv, check=True, capture_output=True, text=True).stdout)
    return [a for owner in data["owners"] for a in owner["actions"]]


def score_digest(record: dict, db: Path) -> DigestScore:
    listed = {a["id"]: a for a in _digest(db, record)}  # one entry per action, whoever of its owners lists it
    rows = [{"id": a["id"], "text": a["text"], "date": a["meeting_date"]} for a in listed.values()]
    best = _closest(record["actions"], rows)
    result = DigestScore(record["series"], record_open=sum(a["final_status"] == "open" for a in record["actions"]))
    by_id = {a["id"]: a for a in record["actions"]}
    seen: set[str] = set()
    for action_id, hand in best.items():
        action = by_id.get(hand) if hand else None
        if action is None or action["final_status"] != "open" or hand in seen:
            result.extra += 1
            continue
        seen.add(hand)
        result.listed += 1
        names = listed[action_id]["owners"]
        result.owners_right += len(names) == len(action["owners"]) and all(
            any(_same_person(o, n) for n in names) for o in action["owners"]
        )
    return result


def _same_person(recorded: str, shown: str) -> bool:
    """The record's owner ('GM', 'Simkins', 'Çağıl Uluşahin Sonmez') named in the digest as a person ('George
    Martin', 'Cllr Simkins', the roll's 'Cagil Ulusahin Sonmez')."""
    if recorded.isupper() and len(recorded) <= 4:
        return initials_of(shown) == recorded or recorded == shown
    return fold(recorded) in fold(shown) or fold(shown) in fold(recorded)


def run(reverse: bool = False, digests: list | None = None) -> list[SeriesScore]:
    out = []
    for record in records():
        with tempfile.TemporaryDirectory() as folder:
            db = Path(folder) / "series.db"
            ingest(record, db, reverse)
            out.append(score(record, stored(db)))
            if digests is not None:
                digests.append(score_digest(record, db))
    return out


def main() -> int:
    digests: list[DigestScore] = []
    for reverse in (False, True):
        print("reverse order" if reverse else "date order")
        results = run(reverse, None if reverse else digests)
        for s in results:
            print(
                f"  {s.series:22} actions {s.actions:3}  found {s.found:3}  final status right {s.right:3} "
                f"({s.accuracy:.2f})  duplicates {s.duplicates}  hidden {s.hidden}  "
                f"history right {s.history_right}/{s.history}"
            )
            if "-v" in sys.argv:
                for line in s.wrong:
                    print(f"      {line}")
        total = sum(s.actions for s in results)
        right = sum(s.right for s in results)
        lived, lived_right = sum(s.history for s in results), sum(s.history_right for s in results)
        print(f"  all: {right}/{total} final statuses right ({right / total:.2f}); history {lived_right}/{lived}")
    print("digest (date order)")
    for d in digests:
        print(
            f"  {d.series:22} open in the record {d.record_open:3}  listed {d.listed:3}  "
            f"owners right {d.owners_right:3}  listed but closed or not an action {d.extra:3}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
