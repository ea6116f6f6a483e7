"""Train the sentence classifier from gold: which business sentences are actions and which are decisions.

    python -m minutes.train --gold tests/gold/real/batch1 ... --docs ../shared/corpus --out models/sentences

Each gold file names its document; the document is read and cut into the units extraction
reads (`extract.units`), and a unit is labelled an action or a decision when it states a gold
action's or resolution's text (the shared scorer's own matching) or is one sentence of a longer
one. The model (`extract.learned`) is a logistic regression per label over word and character
n-grams: small, quick to load, and deterministic, so the same gold gives the same model.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .evaluate import gold_files, read_gold
from .scorer import coverage, words

LABELS = ("ACTION", "DECISION")
SEED = 7
C = 4.0  # inverse regularisation strength
THRESHOLDS = {"ACTION": 0.5, "DECISION": 0.5}


@dataclass(slots=True)
class Example:
    text: str  # the unit's features (extract.units.Unit.features)
    cats: dict[str, float]
    source: str  # the gold's document, so evaluation can hold organisations apart


def part_of(sentence: str, gold: str) -> bool:
    """One sentence of a longer gold text: most of its words are the gold's."""
    s, g = Counter(words(sentence)), Counter(words(gold))
    n = sum(s.values())
    return n >= 4 and sum((s & g).values()) / n >= 0.8


def _states(sentence: str, golds: list[str]) -> bool:
    return any(coverage(sentence, g) > 0 or part_of(sentence, g) for g in golds)


def _marked(meeting_units: list) -> bool:
    """Minutes that mark their actions (ACTION lines): only the marked ones count, so their other
    sentences say nothing about what an unmarked action reads like."""
    return any(u.text.lstrip("*_ ").upper().startswith("ACTION") for u in meeting_units)


def document_examples(gold: dict, document) -> list[Example]:
    """Labelled units of one document: its gold's actions and resolutions, pooled over its meetings."""
    from .extract.pipeline import business

    actions = [a["text"] for m in gold["meetings"] for a in m.get("actions") or []]
    decisions = [r["text"] for m in gold["meetings"] for r in m.get("resolutions") or []]
    found = []
    for meeting_units in business(document):
        marked = _marked(meeting_units)
        for unit in meeting_units:
            cats = {"DECISION": float(_states(unit.text, decisions))}
            if not marked:
                cats["ACTION"] = float(_states(unit.text, actions))
            found.append(Example(unit.features(), cats, gold["source"]))
    return found


def examples(gold_dirs: list[Path], docs_dir: Path) -> list[Example]:
    from .parse import parse

    found = []
    for gold_dir in gold_dirs:
        for path in gold_files(gold_dir):
            gold = read_gold(path)
            parsed = parse(str(Path(docs_dir) / gold["source"]))
            if parsed.document is not None:
                found += document_examples(gold, parsed.document)
    return found


def fit(train: list[Example], seed: int = SEED, thresholds: dict[str, float] | None = None):
    """One logistic regression per label over the units' word and character n-grams."""
    from scipy.sparse import hstack
    from sklearn.linear_model import LogisticRegression

    from .extract.learned import SentenceModel, vectorizers

    words, chars = vectorizers()
    texts = [e.text for e in train]
    x = hstack([words.fit_transform(texts), chars.fit_transform(texts)]).tocsr()
    coef, intercept = {}, {}
    for label in LABELS:
        rows = [n for n, e in enumerate(train) if label in e.cats]
        y = [train[n].cats[label] >= 0.5 for n in rows]
        clf = LogisticRegression(C=C, class_weight="balanced", max_iter=3000, random_state=seed)
        clf.fit(x[rows], y)
        coef[label], intercept[label] = clf.coef_[0], float(clf.intercept_[0])
    return SentenceModel(words, chars, coef, intercept, dict(thresholds or THRESHOLDS))


def measure(model, test: list[Example]) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per label on held-out units, at the model's thresholds."""
    scores = model.scores([e.text for e in test])
    out = {}
    for label in LABELS:
        cut = model.thresholds[label]
        pairs = [(s[label] >= cut, e.cats[label] >= 0.5) for s, e in zip(scores, test, strict=True) if label in e.cats]
        tp = sum(p and g for p, g in pairs)
        npred, ngold = sum(p for p, _ in pairs), sum(g for _, g in pairs)
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        out[label] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}
    return out


def train(gold_dirs: list[Path], docs_dir: Path, out: Path, seed: int = SEED) -> dict[str, int]:
    """Train on the gold, write the model to `out`; how many sentences it learned from, per label."""
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise TrainError("training needs scikit-learn: pip install 'minutes[train]'") from None
    data = examples(gold_dirs, docs_dir)
    if not data:
        raise TrainError("no labelled sentences found: the gold names no document under --docs, or holds no minutes")
    fit(data, seed).save(out)
    counts = {"sentences": len(data)}
    counts.update({label.lower(): int(sum(e.cats.get(label, 0) for e in data)) for label in LABELS})
    return counts


class TrainError(ValueError):
    """Why a model could not be trained, in one line."""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, nargs="+", required=True, help="gold folders (ANNOTATION.md format)")
    ap.add_argument("--docs", type=Path, required=True, help="the folder the gold's sources are relative to")
    ap.add_argument("--out", type=Path, required=True, help="where to write the model (a folder)")
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    try:
        counts = train(args.gold, args.docs, args.out, args.seed)
    except TrainError as err:
        print(f"minutes train: {err}", file=sys.stderr)
        return 1
    print(f"trained on {counts}; written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
