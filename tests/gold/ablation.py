"""Rules alone against rules plus the sentence classifier, on organisations the classifier never saw.

    python tests/gold/ablation.py            # leave one development batch out, four folds (a few minutes)

Each development batch holds its own organisations. For each batch the classifier is trained on the
other batches, the tuned corpus gold and the fresh sets' new papers (less any document of the held-out
batch's organisations, and never one of a sealed organisation),
then the held-out batch is scored with rules alone and with rules plus the classifier at several
thresholds. The sums over the four folds stand in for a first-time score: what the classifier adds
on bodies it has not seen. The sealed batch is never read here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from minutes import train
from minutes.extract import learned

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score_all  # noqa: E402

FOLDS = ("batch1", "batch2", "batch3", "batch4")
SETTINGS = [(a, d) for a in (0.5, 0.7, 0.9, 1.01) for d in (0.5, 0.7, 0.9, 0.99, 1.01)]  # 1.01: label off
FIELDS = ["attendees", "items", "resolutions", "actions", "actions+owner"]


def _org_of(source: str, organisations: list[str]) -> bool:
    return any(Path(source).name.startswith(o) for o in organisations)


def main() -> int:
    sets = score_all.sets()
    batches = json.loads((score_all.REAL / "batches.json").read_text())
    pool = {name: train.examples([sets[f"real-{name}"]["gold"]], score_all.CORPUS) for name in FOLDS}
    pool["corpus-tuned"] = train.examples([sets["corpus-tuned"]["gold"]], score_all.CORPUS)
    for name in (n for n in sets if n.startswith("fresh")):  # new papers of the development bodies
        pool[name] = train.examples([sets[name]["gold"]], score_all.CORPUS)
    sealed = [o for b in batches.values() if b["status"] == "sealed" for o in b["organisations"]]
    pool = {name: [e for e in ex if not _org_of(e.source, sealed)] for name, ex in pool.items()}
    totals: dict = {}
    for held in FOLDS:
        orgs = batches[held]["organisations"]
        data = [e for name, ex in pool.items() if name != held for e in ex if not _org_of(e.source, orgs)]
        model = train.fit(data)
        spec = sets[f"real-{held}"]
        learned.use(None)
        _add(totals, "rules alone", score_all.score(spec).totals)
        for a, d in SETTINGS:
            model.thresholds = {"ACTION": a, "DECISION": d}
            learned.use(model)
            _add(totals, f"+ classifier (action {a}, decision {d})", score_all.score(spec).totals)
    learned._override.clear()
    print(f"{'setting':40} " + " ".join(f"{f:>13}" for f in [*FIELDS, "overall"]))
    for name, counts in totals.items():
        f1 = [_f1(*counts[f]) for f in FIELDS]
        print(f"{name:40} " + " ".join(f"{v:13.3f}" for v in [*f1, sum(f1) / len(f1)]))
    return 0


def _add(totals: dict, key: str, counts: dict) -> None:
    row = totals.setdefault(key, {f: [0, 0, 0] for f in FIELDS})
    for f in FIELDS:
        row[f] = [a + b for a, b in zip(row[f], counts[f], strict=True)]


def _f1(hits: int, predicted: int, gold: int) -> float:
    return 2 * hits / (predicted + gold) if predicted + gold else 1.0


if __name__ == "__main__":
    sys.exit(main())
