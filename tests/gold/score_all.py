"""Score extraction on every gold set at once: the shared eval set and the project's own.

    python tests/gold/score_all.py            # per set and combined, field by field
    python tests/gold/score_all.py --json     # the combined totals as JSON

Extraction runs in this process (the same code `minutes extract --json` runs);
`../shared/eval/score.py` does the matching, so the figures are the scorer's own.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
SETS = {
    "shared-eval": (SHARED / "eval" / "gold", SHARED / "eval" / "docs"),
    "samples": (HERE / "samples", ROOT / "samples"),
    "corpus": (HERE / "corpus", SHARED / "corpus"),
    "written": (HERE / "written", HERE / "written" / "docs"),
    # written by helpers who never saw the extractor, in styles the other sets lack; scored first as they came
    "heldout": (HERE / "heldout", HERE / "heldout" / "docs"),
    "heldout2": (HERE / "heldout2", HERE / "heldout2" / "docs"),
    "heldout3": (HERE / "heldout3", HERE / "heldout3" / "docs"),
    "heldout4": (HERE / "heldout4", HERE / "heldout4" / "docs"),
}
FIELDS = ["meetings", "attendees", "items", "resolutions", "actions", "actions+owner"]


def predict(gold: Path, docs: Path, out: Path) -> None:
    from minutes.extract import to_contract
    from minutes.parse import parse

    for gold_file in sorted(gold.glob("*.json")):
        source = json.loads(gold_file.read_text())["source"]
        parsed = parse(str(docs / source))
        data = {} if parsed.error else to_contract(parsed.document, parsed.meetings)
        target = out / (source + ".json")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data))


def score(gold: Path, docs: Path, verbose: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        predict(gold, docs, Path(tmp))
        args = [sys.executable, str(SCORER), "--gold", str(gold), "--docs", str(docs), "--pred", tmp, "--json"]
        run = subprocess.run(args + (["-v"] if verbose else []), capture_output=True, text=True, check=True)
    if verbose:
        print("\n".join(line for line in run.stdout.splitlines() if not line.startswith("{")))
    return json.loads(next(line for line in run.stdout.splitlines() if line.startswith("{")))


def prf(hits: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = hits / pred if pred else (1.0 if gold == 0 else 0.0)
    r = hits / gold if gold else (1.0 if pred == 0 else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--sets", nargs="*", default=list(SETS))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    totals = {f: [0, 0, 0] for f in FIELDS}
    per_set = {}
    for name in args.sets:
        gold, docs = SETS[name]
        if args.verbose:
            print(f"== {name}")
        result = score(gold, docs, args.verbose)
        per_set[name] = {f: round(prf(*result["fields"][f])[2], 3) for f in FIELDS}
        for f in FIELDS:
            totals[f] = [a + b for a, b in zip(totals[f], result["fields"][f])]
    combined = {f: dict(zip(("precision", "recall", "f1"), (round(x, 3) for x in prf(*totals[f])))) for f in FIELDS}
    if args.json:
        print(json.dumps({"sets": per_set, "combined": combined, "totals": totals}, indent=2))
        return 0
    print(f"{'set':12} " + " ".join(f"{f:>13}" for f in FIELDS))
    for name, row in per_set.items():
        print(f"{name:12} " + " ".join(f"{row[f]:13.3f}" for f in FIELDS))
    print(f"{'combined':12} " + " ".join(f"{combined[f]['f1']:13.3f}" for f in FIELDS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
