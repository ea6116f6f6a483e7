"""Score extraction on every gold set, each set on its own: real documents apart from synthetic ones.

    python tests/gold/score_all.py                  # one row per set: F1 per field and overall
    python tests/gold/score_all.py -v               # ... and P/R/F1 per field, document by document
    python tests/gold/score_all.py --json           # the same figures as JSON
    python tests/gold/score_all.py --record batch5  # score a new real batch ONCE and write its row in LEDGER.md
    python tests/gold/score_all.py --record fresh1  # ... or a set of new papers of development bodies (fresh*/)
    python tests/gold/score_all.py --release        # score the sealed batch for a release (LEDGER.md row)
    python tests/gold/score_all.py --write-floors   # hold today's figures as CI's floors (floors.json)

Figures are never pooled across sets: a synthetic paper says nothing about unseen real minutes,
and the samples repeat the shared documents in other formats (format checks, not evidence).
The sealed batch is left out unless --release is given: it is scored at releases only, never
read while rules change (tests/gold/LEDGER.md counts its scorings).
Extraction runs in this process, the matching is ../shared/eval/score.py's own (minutes.scorer).
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
from pathlib import Path

from minutes.evaluate import FIELDS, Report, evaluate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
REAL = HERE / "real"
LEDGER = HERE / "LEDGER.md"
FLOORS = HERE / "floors.json"
SEALED_SCORINGS = 5  # then the batch retires into development and a new one is sealed


def sets() -> dict[str, dict]:
    """Every gold set: its gold folder, its documents' folder and what kind of evidence it is."""
    found = {
        "shared-eval": {"gold": SHARED / "eval" / "gold", "docs": SHARED / "eval" / "docs", "kind": "real"},
        "corpus-tuned": {"gold": HERE / "corpus", "docs": CORPUS, "kind": "real, tuned on"},
    }
    for name, batch in json.loads((REAL / "batches.json").read_text()).items():
        found[f"real-{name}"] = {"gold": REAL / name, "docs": CORPUS, "kind": f"real, {batch['status']}"}
    for folder in sorted(HERE.glob("fresh*")):  # new papers of bodies whose other papers are development data
        found[folder.name] = {"gold": folder, "docs": CORPUS, "kind": "real, new papers"}
    found["scans"] = {"gold": HERE / "scans", "docs": CORPUS, "kind": "real, OCR"}
    found["samples"] = {"gold": HERE / "samples", "docs": ROOT / "samples", "kind": "format check"}
    for name in ("written", "heldout", "heldout2", "heldout3", "heldout4"):
        found[name] = {"gold": HERE / name, "docs": HERE / name / "docs", "kind": "synthetic"}
    return found


def is_sealed(spec: dict) -> bool:
    return spec["kind"].endswith("sealed")


def score(spec: dict) -> Report:
    return evaluate(spec["gold"], spec["docs"])


def row(report: Report) -> dict[str, float]:
    fields = report.fields()
    return {**{f: fields[f]["f1"] for f in FIELDS}, "overall": round(report.overall, 4)}


def print_table(results: dict[str, tuple[dict, Report]]) -> None:
    head = f"{'set':20} {'kind':26} {'docs':>4} " + " ".join(f"{f:>13}" for f in [*FIELDS, "overall"])
    print(head)
    for name, (spec, report) in results.items():
        cells = " ".join(f"{v:13.3f}" for v in row(report).values())
        print(f"{name:20} {spec['kind']:26} {len(report.documents):4d} {cells}")


def print_detail(name: str, report: Report) -> None:
    print(f"\n== {name}")
    for doc in report.documents:
        cells = "  ".join(f"{f} {Report([doc]).fields()[f]['f1']:.2f}" for f in FIELDS)
        print(f"{doc.source[:52]:52} {cells}" + (f"  ({doc.error})" if doc.error else ""))
    for f, s in report.fields().items():
        print(f"  {f:14} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  {report.totals[f]}")


def ledger_row(name: str, report: Report, reason: str) -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    cells = [datetime.date.today().isoformat(), commit.stdout.strip() or "?", name, reason, str(len(report.documents))]
    for f in FIELDS:
        s = report.fields()[f]
        cells.append(f"{s['precision']:.2f}/{s['recall']:.2f}/{s['f1']:.3f}")
    cells.append(f"**{report.overall:.3f}**")
    return "| " + " | ".join(cells) + " |"


def recorded(name: str) -> list[str]:
    return [line for line in LEDGER.read_text().splitlines() if line.startswith("| ") and f"| {name} |" in line]


def dirty() -> str:
    """Uncommitted changes to the code that extracts: a ledger row must name the commit that scored it."""
    paths = ["extract", "ingest", "parse.py", "evaluate.py", "scorer.py"]
    run = subprocess.run(["git", "status", "--porcelain", "--", *paths], cwd=ROOT, capture_output=True, text=True)
    return run.stdout.strip()


def record(name: str, spec: dict, reason: str) -> int:
    """Append a ledger row; a new batch gets exactly one first-time row, a sealed one five releases."""
    if dirty():
        print("commit the extraction code first: a ledger row names the commit that scored it", file=sys.stderr)
        return 1
    earlier = recorded(name)
    if reason == "first-time" and earlier:
        print(f"{name} already has its first-time row in {LEDGER.name}; it is development data now", file=sys.stderr)
        return 1
    if reason == "release" and len(earlier) >= SEALED_SCORINGS:
        print(f"{name} has been scored {SEALED_SCORINGS} times: retire it and seal a new batch", file=sys.stderr)
        return 1
    report = score(spec)
    line = ledger_row(name, report, reason)
    with LEDGER.open("a") as ledger:
        ledger.write(line + "\n")
    print(line)
    return 0


def record_first_time(name: str, every: dict[str, dict]) -> int:
    """`--record batch5` (or real-batch5, or fresh1): only a real batch that is not sealed, or a set of new
    papers of development bodies, gets a first-time row."""
    name = name if name in every else f"real-{name}"
    spec = every.get(name)
    if spec is None or not name.startswith(("real-", "fresh")) or is_sealed(spec):
        print(f"{name}: not a real, unsealed batch of real/batches.json nor a fresh set", file=sys.stderr)
        return 2
    return record(name, spec, "first-time")


def check_floors(results: dict[str, tuple[dict, Report]], slack: float = 0.02) -> list[str]:
    """Each set's fields against the floors CI holds: a drop of more than `slack` on any set fails."""
    floors = json.loads(FLOORS.read_text())
    drops = []
    for name, (_, report) in results.items():
        for f, got in row(report).items():
            floor = floors.get(name, {}).get(f)
            if floor is not None and got < floor - slack:
                drops.append(f"{name} {f}: {got:.3f} < floor {floor:.3f} - {slack}")
    return drops


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--sets", nargs="*", help="only these sets")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--record", metavar="SET", help="score a new real batch for the first time into LEDGER.md")
    ap.add_argument("--release", action="store_true", help="score the sealed batch(es) into LEDGER.md")
    ap.add_argument("--write-floors", action="store_true", help="hold today's figures as CI's floors")
    ap.add_argument("--check-floors", action="store_true", help="exit 1 when any set drops below its floor")
    args = ap.parse_args()
    every = sets()
    if args.record:
        return record_first_time(args.record, every)
    if args.release:
        sealed = [n for n, s in every.items() if is_sealed(s)]
        if not sealed:
            print("no sealed batch in real/batches.json", file=sys.stderr)
            return 1
        return max(record(n, every[n], "release") for n in sealed)
    chosen = args.sets or [n for n, s in every.items() if not is_sealed(s)]
    refused = [n for n in chosen if n not in every or is_sealed(every[n])]
    if refused:
        print(f"not a set that may be scored here: {', '.join(refused)} (sealed sets: --release)", file=sys.stderr)
        return 2
    results = {name: (every[name], score(every[name])) for name in chosen}
    if args.write_floors:
        floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
        floors.update({n: row(r) for n, (_, r) in results.items()})
        FLOORS.write_text(json.dumps(floors, indent=2) + "\n")
    if args.json:
        print(json.dumps({n: {"kind": s["kind"], **row(r)} for n, (s, r) in results.items()}, indent=2))
    else:
        print_table(results)
        for name, (_, report) in results.items() if args.verbose else ():
            print_detail(name, report)
    drops = check_floors(results) if args.check_floors else []
    for line in drops:
        print(line, file=sys.stderr)
    return 1 if drops else 0


if __name__ == "__main__":
    sys.exit(main())
