"""Score extraction against hand-made gold, with the project's shared scorer's own matching.

`scorer.py` beside this file is a verbatim copy of `../shared/eval/score.py` (a test holds the
two identical), so `minutes eval` and the project's gold reports count exactly as the scorer
the product is judged by. This module adds what a user measuring their own papers needs:
extraction in this process, per-document figures and one report object.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .scorer import FIELDS, prf, score_document

SCORED = FIELDS[1:]  # overall F1 is the mean of these, as the shared scorer computes it


@dataclass
class DocumentScore:
    source: str
    tally: dict[str, list[int]]
    error: str = ""


@dataclass
class Report:
    """Totals per field are micro sums over the documents: (hits, predicted, gold)."""

    documents: list[DocumentScore] = field(default_factory=list)

    @property
    def totals(self) -> dict[str, list[int]]:
        return {f: [sum(doc.tally[f][k] for doc in self.documents) for k in range(3)] for f in FIELDS}

    def fields(self) -> dict[str, dict[str, float]]:
        return {f: _prf_dict(*counts) for f, counts in self.totals.items()}

    @property
    def overall(self) -> float:
        scores = self.fields()
        return sum(scores[f]["f1"] for f in SCORED) / len(SCORED)

    def as_json(self) -> dict:
        return {
            "documents": [
                {"source": d.source, "error": d.error, "fields": {f: _prf_dict(*d.tally[f]) for f in FIELDS}}
                for d in self.documents
            ],
            "fields": {f: {**s, "counts": self.totals[f]} for f, s in self.fields().items()},
            "overall_f1": round(self.overall, 4),
        }


def _prf_dict(hits: int, predicted: int, gold: int) -> dict[str, float]:
    p, r, f1 = prf(hits, predicted, gold)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


def gold_files(gold_dir: Path) -> list[Path]:
    """Gold files in name order; each names its document in "source" (relative to the docs folder)."""
    return sorted(p for p in Path(gold_dir).glob("*.json") if p.is_file())


def extract_contract(path: Path) -> tuple[dict, str]:
    """The contract `minutes extract --json` prints, or an empty prediction and the one-line error."""
    from .extract import to_contract
    from .parse import parse

    parsed = parse(str(path))
    if parsed.error:
        return {}, parsed.error
    return to_contract(parsed.document, parsed.meetings), ""


class GoldError(ValueError):
    """A gold file that is not in the annotation format; the message names it."""


def read_gold(path: Path) -> dict:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(gold.get("source"), str) or not isinstance(gold.get("meetings"), list):
            raise ValueError('it needs "source" (a path) and "meetings" (a list)')
        return gold
    except (OSError, ValueError, AttributeError) as exc:
        raise GoldError(f"{path}: not a gold file ({' '.join(str(exc).split())})") from None


def evaluate(gold_dir: Path, docs_dir: Path, predict: Callable[[Path], tuple[dict, str]] = extract_contract) -> Report:
    """Score every gold file in gold_dir against the prediction for its document in docs_dir."""
    report = Report()
    for gold_file in gold_files(gold_dir):
        gold = read_gold(gold_file)
        document = Path(docs_dir) / gold["source"]
        if not document.is_file():
            pred, error = {}, f"{document}: no such document"
        else:
            pred, error = predict(document)
        report.documents.append(DocumentScore(gold["source"], score_document(pred, gold), error))
    return report
