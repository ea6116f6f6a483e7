"""Measure how often each extraction rule is right, on the real development gold, for its confidence.

    python tests/gold/calibrate.py          # writes extract/precision.json (commit it with the rules)
    python tests/gold/calibrate.py --check  # CI: the shipped file still says what the rules do today

A rule's confidence is what `minutes review` sorts and filters by. A number set by hand says what its
author hoped; this counts, for every record a rule produced on the real gold sets (not the sealed
batch, not synthetic papers, not OCR'd scans, which have their own discount), whether the gold holds
it, with the scorer's own matching (minutes.scorer). extract/rules.py turns the counts into a
conservative precision (a lower bound, as the development papers were tuned on).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from score_all import is_sealed, sets

from minutes import scorer
from minutes.evaluate import gold_files, read_gold
from minutes.extract import rules
from minutes.extract.contract import to_contract
from minutes.parse import parse

FIELDS = ("attendees", "items", "resolutions", "actions")
TOLERANCE = 0.03  # a rule's confidence may drift this far before the shipped file must be rewritten


def measured_sets() -> dict[str, dict]:
    return {
        name: spec
        for name, spec in sets().items()
        if spec["kind"].startswith("real") and not is_sealed(spec) and name != "scans"
    }


def _hits(predicted: list[dict], gold: list[dict], field: str) -> set[int]:
    """Which predictions the scorer's one-to-one matching pairs with a gold record."""
    same, used = scorer.MATCHERS[field], set()
    for g in gold:
        free = [i for i, p in enumerate(predicted) if i not in used and same(p, g)]
        if free:
            used.add(max(free, key=lambda i: scorer.closeness(predicted[i], g)))
    return used


def _count(document: dict, gold: dict, made: Counter, right: Counter) -> None:
    for p, g in scorer.pair_meetings(document.get("meetings") or [], gold["meetings"]):
        if p is None or g is None:
            continue  # a meeting found with another date, or none: the splitting's error, not the rules'
        for field in FIELDS:
            if g.get(field) is None:
                continue  # not annotated for this meeting
            predicted = p.get(field) or []
            hits = _hits(predicted, g.get(field) or [], field)
            for i, record in enumerate(predicted):
                made[record["rule"]] += 1
                right[record["rule"]] += i in hits


def measure() -> dict:
    made: Counter = Counter()
    right: Counter = Counter()
    chosen = measured_sets()
    for spec in chosen.values():
        for path in gold_files(spec["gold"]):
            gold = read_gold(path)
            parsed = parse(str(Path(spec["docs"]) / gold["source"]))
            if not parsed.error:
                _count(to_contract(parsed.document, parsed.meetings, trace=True), gold, made, right)
    return {"sets": sorted(chosen), "rules": {name: [made[name], right[name]] for name in sorted(made)}}


def drift(shipped: dict, now: dict) -> list[str]:
    """Rules whose confidence today differs from the shipped file's by more than TOLERANCE."""
    out = []
    for name in sorted(set(shipped["rules"]) | set(now["rules"])):
        before = rules.measured_confidence(*shipped["rules"].get(name, [0, 0]))
        after = rules.measured_confidence(*now["rules"].get(name, [0, 0]))
        if (before is None) != (after is None) or (before is not None and abs(before - after) > TOLERANCE):
            out.append(f"{name}: shipped {before}, measured now {after}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the shipped file; write nothing")
    args = parser.parse_args()
    now = measure()
    if args.check:
        problems = drift(json.loads(rules.PRECISION.read_text()), now)
        for line in problems:
            print(line, file=sys.stderr)
        if problems:
            print("run python tests/gold/calibrate.py and commit extract/precision.json", file=sys.stderr)
        return 1 if problems else 0
    rules.PRECISION.write_text(json.dumps(now, indent=1) + "\n")
    rules._measured.cache_clear()
    for name, (n, k) in now["rules"].items():
        print(f"{name:36} {k:5}/{n:<5} confidence {rules.confidence(name)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
